/**
 * The headline findings as plain sentences: each arm's mean over replications with its 95% t interval, then the
 * paired difference of each further arm from the first (results.json `differences`).
 */
import { meanInterval, metricAt, type Comparison, type Difference } from '../../analysis/index.ts';
import type { RunResult } from '../../sim/results.ts';
import { fixed, signed } from '../format.ts';
import type { HeadlineMetric } from '../headlineMetrics.ts';
import { differenceDecimals, sayableDifference } from '../metricText.ts';
import { fill, type Bi } from './bilingual.ts';

/** One arm's value of a metric over its replications. */
export function armInterval(runs: readonly RunResult[], path: string): Difference {
  return meanInterval(runs.map((r) => metricAt(r.metrics, path) ?? Number.NaN));
}

/**
 * Arm `index`'s value of a metric as the workbench shows it: the comparison's mean (the number on the cards, to the
 * last bit) with the 95% interval over the arm's replications.
 */
export function armValue(
  comparison: Comparison,
  runsByArm: readonly (readonly RunResult[])[],
  index: number,
  path: string,
): Difference {
  const { ci95 } = armInterval(runsByArm[index] ?? [], path);
  const arm = comparison.arms[index];
  return { mean: (arm ? metricAt(arm.metrics, path) : undefined) ?? Number.NaN, ci95 };
}

/** A share's interval is clipped to 0–100% for display (a t interval knows nothing of the bounds). */
function clipped(metric: HeadlineMetric, d: Difference): Difference {
  if (metric.kind !== 'share') return d;
  const clip = (x: number) => Math.min(1, Math.max(0, x));
  return { mean: d.mean, ci95: [clip(d.ci95[0]), clip(d.ci95[1])] };
}

const scaleOf = (metric: HeadlineMetric) => (metric.kind === 'share' ? 100 : 1);

/** "23.0%（21.0–25.0%）" / "9.12 h (8.90–9.30)"; the bare value when there is no interval (one replication). */
export function valueText(metric: HeadlineMetric, d: Difference, lang: 'zh' | 'en'): string {
  const c = clipped(metric, d);
  const k = scaleOf(metric);
  const show = (x: number) => fixed(x * k, metric.digits);
  const pct = metric.kind === 'share' ? '%' : '';
  const main = `${show(c.mean)}${pct}${metric.unit[lang]}`;
  const [lo, hi] = c.ci95;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo === hi) return main;
  const joiner = lo < 0 || hi < 0 ? (lang === 'zh' ? ' 至 ' : ' to ') : '–';
  const range = `${show(lo)}${joiner}${show(hi)}${pct}`;
  return lang === 'zh' ? `${main}（${range}）` : `${main} (${range})`;
}

/** A difference with its sign, at `digits` decimals, in display units. */
function differenceNumber(metric: HeadlineMetric, x: number, digits: number): string {
  return signed(x * scaleOf(metric), digits);
}

/** A difference with its unit: percentage points for shares. */
function differenceText(metric: HeadlineMetric, x: number, digits: number, lang: 'zh' | 'en'): string {
  const text = differenceNumber(metric, x, digits);
  if (metric.kind === 'share') return lang === 'zh' ? `${text} 个百分点` : `${text} percentage points`;
  return `${text}${metric.unit[lang]}`;
}

/** The sentence about a metric's arms, e.g. "在最严算法（p10）下，23.0%（21.0–25.0%）的骑手日……；在算法取中（p50）下为 9.0%（8.0–10.0%）。" */
export function armsSentence(
  metric: HeadlineMetric,
  names: readonly Bi[],
  values: readonly Difference[],
  context: Record<string, string>,
): Bi {
  const clause = (lang: 'zh' | 'en', i: number) =>
    fill((i === 0 ? metric.first : metric.next)[lang], {
      ...context,
      arm: names[i]?.[lang] ?? '',
      value: valueText(metric, values[i] ?? { mean: Number.NaN, ci95: [Number.NaN, Number.NaN] }, lang),
    });
  const zh = `${values.map((_, i) => clause('zh', i)).join('；')}。`;
  const en = values.map((_, i) => clause('en', i)).join('; ');
  return { zh, en: `${en.charAt(0).toUpperCase()}${en.slice(1)}.` };
}

/** The sentence about the paired difference of arm `b` from arm `a` (b − a) over `replications` replications. */
export function differenceSentence(
  metric: HeadlineMetric,
  a: Bi,
  b: Bi,
  d: Difference | undefined,
  replications: number,
): Bi {
  if (!d || !Number.isFinite(d.mean)) {
    return {
      zh: `${b.zh}与${a.zh}之差无法计算。`,
      en: `The difference between ${b.en} and ${a.en} cannot be computed.`,
    };
  }
  const said = sayableDifference(metric.path, d);
  const [lo, hi] = said.ci95;
  const digits = differenceDecimals(metric.path, said);
  const head = {
    zh: `${b.zh}减${a.zh}：${differenceText(metric, d.mean, digits, 'zh')}`,
    en: `${b.en} minus ${a.en}: ${differenceText(metric, d.mean, digits, 'en')}`,
  };
  if (replications < 2) {
    return {
      zh: `${head.zh}。只有一次重复，无法给出区间。`,
      en: `${head.en}. With one replication there is no interval.`,
    };
  }
  if (lo === hi) {
    return {
      zh: `${head.zh}，每次重复都一样。`,
      en: `${head.en}, the same in every replication.`,
    };
  }
  const interval = {
    zh: `（95% 区间 ${differenceNumber(metric, lo, digits)} 至 ${differenceNumber(metric, hi, digits)}）`,
    en: ` (95% interval ${differenceNumber(metric, lo, digits)} to ${differenceNumber(metric, hi, digits)})`,
  };
  const clear = lo > 0 || hi < 0;
  return clear
    ? {
        zh: `${head.zh}${interval.zh}。区间不含 0，差异的方向是明确的。`,
        en: `${head.en}${interval.en}. The interval excludes zero: the direction is clear.`,
      }
    : {
        zh: `${head.zh}${interval.zh}。区间包含 0：按这些重复次数，无法确定差异的方向。`,
        en: `${head.en}${interval.en}. The interval includes zero: these replications cannot tell the direction.`,
      };
}

/** The paired differences of arm `index` (≥ 1) from the first arm. */
export function differencesFor(comparison: Comparison, index: number): Record<string, Difference> {
  const arm = comparison.arms[index];
  if (index === 1 || !arm) return comparison.differences;
  return comparison.differencesVsFirst?.[arm.id] ?? {};
}
