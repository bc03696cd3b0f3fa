/**
 * The robustness result in sentences, one per headline difference, in both languages: in how many of the sampled
 * worlds the difference keeps its direction, the verdict, and where it fails. The report's bargaining section and
 * the command's table read the same words (issue 24 item 2). No metric path or parameter path in the Chinese text.
 */
import type { Bi, LabelContext } from './catalogue/index.ts';
import { metricName, midSentence, num, paramName, paramValue } from './bargainWords.ts';
import type { RobustMetric, RobustnessResult } from './robustness.ts';

const pct = (x: number) => `${num(x * 100, 0)}%`;

/** Where a difference fails, as limits in words ("平台抽成比例不低于 11%"), or undefined without a box. */
export function failureRegion(m: RobustMetric): Bi | undefined {
  if (!m.box || m.box.limits.length === 0) return undefined;
  const parts = m.box.limits.map((l) => {
    const name = paramName(l.param);
    const en = midSentence(name.en);
    const lo = l.low !== null ? paramValue(l.param, l.low) : undefined;
    const hi = l.high !== null ? paramValue(l.param, l.high) : undefined;
    if (lo && hi) return { zh: `${name.zh}在 ${lo.zh} 至 ${hi.zh} 之间`, en: `${en} is between ${lo.en} and ${hi.en}` };
    if (lo) return { zh: `${name.zh}不低于 ${lo.zh}`, en: `${en} is at least ${lo.en}` };
    return { zh: `${name.zh}不高于 ${(hi as Bi).zh}`, en: `${en} is at most ${(hi as Bi).en}` };
  });
  return { zh: parts.map((p) => p.zh).join('且'), en: parts.map((p) => p.en).join(' and ') };
}

/** How many assumptions a driver clause names, largest index first (as the command's table does). */
const DRIVERS = 3;

/**
 * Which assumptions a difference's spread over worlds comes from, for one that does not hold in every world: its
 * largest total-effect indices when the result has them (interactions included), else its first-order ones, each
 * above 0; undefined when none is.
 */
export function spreadDrivers(m: RobustMetric): Bi | undefined {
  const total = m.totalEffect !== undefined;
  const top = (m.totalEffect ?? m.firstOrder).filter((f) => f.index > 0).slice(0, DRIVERS);
  if (top.length === 0) return undefined;
  const named = top.map((f) => {
    const name = paramName(f.param);
    return { zh: `${name.zh}（${pct(f.index)}）`, en: `${midSentence(name.en)} (${pct(f.index)})` };
  });
  const enList =
    named.length === 1
      ? (named[0] as Bi).en
      : `${named
          .slice(0, -1)
          .map((n) => n.en)
          .join(', ')} and ${(named[named.length - 1] as Bi).en}`;
  return total
    ? {
        zh: `它在各世界间的差异最取决于${named.map((n) => n.zh).join('、')}（总效应指数，含与其他假设的交互作用）。`,
        en: `Its spread over worlds depends most on ${enList} (total-effect indices, interactions included).`,
      }
    : {
        zh: `它在各世界间的差异主要来自${named.map((n) => n.zh).join('、')}（一阶指数）。`,
        en: `Most of its spread over worlds comes from ${enList} (first-order indices).`,
      };
}

/** One difference's sentence. */
export function robustnessSentence(m: RobustMetric, worlds: number, context: Partial<LabelContext> = {}): Bi {
  const name = metricName(m.metric, context);
  const share = `${m.holds}/${worlds}（${pct(m.share)}，95% 区间 ${pct(m.interval[0])} 至 ${pct(m.interval[1])}）`;
  const shareEn = `${m.holds} of ${worlds} (${pct(m.share)}, 95% interval ${pct(m.interval[0])} to ${pct(m.interval[1])})`;
  const verdict: Bi =
    m.verdict === 'holds'
      ? { zh: '结论稳健。', en: 'The conclusion is robust.' }
      : m.verdict === 'fails'
        ? { zh: '在多数可能的世界里，结论不成立。', en: 'In most plausible worlds the conclusion does not hold.' }
        : m.holds === worlds
          ? {
              zh: `抽到的世界全部成立，但 ${worlds} 个世界还不足以说明它在至少 90% 的世界里成立：请抽取更多世界。`,
              en: `It holds in every world drawn, but ${worlds} worlds are too few to show it holds in at least 90% of them: draw more.`,
            }
          : { zh: '结论取决于假设。', en: 'The conclusion depends on the assumptions.' };
  const base = m.baseClear
    ? { zh: '', en: '' }
    : {
        zh: '（本情景中这一差别的区间本身就包含 0）',
        en: ' (in the scenario as written, this difference’s own interval includes 0)',
      };
  const region = failureRegion(m);
  const where = region
    ? {
        zh: `不成立的世界主要在${region.zh}时（占全部不成立世界的 ${pct(m.box?.coverage ?? 0)}）。`,
        en: `It fails mostly where ${region.en} (${pct(m.box?.coverage ?? 0)} of the worlds where it fails).`,
      }
    : { zh: '', en: '' };
  const drivers = m.holds < worlds ? spreadDrivers(m) : undefined;
  const unstable = m.stable
    ? { zh: '', en: '' }
    : {
        zh: '前一半世界给出的判断不同，需要更多世界。',
        en: 'The first half of the worlds gives another verdict: draw more worlds.',
      };
  return {
    zh: `${name.zh}：在 ${worlds} 个可能的世界中，有 ${share}保持本情景中的方向${base.zh}。${verdict.zh}${where.zh}${drivers?.zh ?? ''}${unstable.zh}`,
    en: `${name.en}: keeps its direction in ${shareEn} plausible worlds${base.en}. ${verdict.en}${where.en ? ` ${where.en}` : ''}${drivers ? ` ${drivers.en}` : ''}${unstable.en ? ` ${unstable.en}` : ''}`,
  };
}

/** Every difference's sentence, in the result's order. */
export function robustnessSentences(r: RobustnessResult, context: Partial<LabelContext> = {}): Bi[] {
  return r.metrics.map((m) => robustnessSentence(m, r.worlds, context));
}

/**
 * With total-effect indices (`robustness --total-indices`): for each difference, the assumptions its spread over
 * worlds depends on most, in one paragraph, and what the indices cost; undefined without them.
 */
export function totalIndicesParagraph(r: RobustnessResult, context: Partial<LabelContext> = {}): Bi | undefined {
  const t = r.totalIndices;
  if (!t) return undefined;
  const parts = r.metrics.map((m) => {
    const name = metricName(m.metric, context);
    const top = (m.totalEffect ?? []).filter((f) => f.index > 0).slice(0, DRIVERS);
    const list = top.map((f) => ({
      zh: `${paramName(f.param).zh} ${pct(f.index)}`,
      en: `${midSentence(paramName(f.param).en)} ${pct(f.index)}`,
    }));
    return {
      zh: `${name.zh}：${list.length > 0 ? list.map((l) => l.zh).join('、') : '没有一个假设'}`,
      en: `${name.en}: ${list.length > 0 ? list.map((l) => l.en).join(', ') : 'none of the assumptions'}`,
    };
  });
  // The radial design ran (k + 2) × N worlds: k from what it cost, whether or not the file lists the assumptions.
  const k = Math.round(t.evaluations / r.worlds) - 2;
  return {
    zh: `各差别最取决于哪些假设（总效应指数：如果其他假设都已知，这一个假设仍能解释的差异占比，含交互作用；用了 (${k} + 2) × ${r.worlds} = ${t.evaluations} 个世界）——${parts.map((p) => p.zh).join('；')}。`,
    en: `Which assumptions each difference depends on most (total-effect indices: the share of its spread over worlds that would remain if every other assumption were known, interactions included; from (${k} + 2) × ${r.worlds} = ${t.evaluations} worlds): ${parts.map((p) => p.en).join('; ')}.`,
  };
}
