/**
 * Section 8 of the report: the bargaining results a pack carries (`bargaining/<name>.json`, written by `fairpace
 * target`, `sensitivity`, `zone` or `robustness --out`). Each file is read defensively, since a pack may come from anyone: only
 * fields of the expected type are shown, and a file of no known kind is only listed.
 */
import {
  armDisplayName,
  labelContext,
  lookupMetric,
  metricLabels,
  midSentence,
  robustnessSentences,
  targetSentences,
  zoneSentences,
  type LabelContext,
  type RobustnessResult,
  type TargetResult,
  type ZoneResult,
} from '../../analysis/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { fixed } from '../format.ts';
import { bi, blocks, inline, type Bi } from './bilingual.ts';
import { paramName } from './paramCells.ts';

/** One bargaining file of a pack: its name in the pack and its parsed JSON. */
export interface BargainingFile {
  /** `bargaining/<name>.json`. */
  name: string;
  json: unknown;
  sha256: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isInterval = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && v.every(isNum);
const estimate = (v: unknown) =>
  isObj(v) && isNum(v.mean) && isInterval(v.ci95) ? { mean: v.mean, ci95: v.ci95 } : undefined;
const OPS = ['<=', '>=', '<', '>'];
/** A limit of a file, when its metric is one the catalogue knows (anything else is not said). */
const limitOf = (v: unknown) =>
  isObj(v) && typeof v.metric === 'string' && lookupMetric(v.metric) && OPS.includes(String(v.op)) && isNum(v.threshold)
    ? { metric: v.metric, op: v.op as '<=', threshold: v.threshold }
    : undefined;

/** The kind of a bargaining result, by its shape. */
export function bargainingKind(json: unknown): 'target' | 'sensitivity' | 'zone' | 'robustness' | 'unknown' {
  if (!isObj(json)) return 'unknown';
  if (Array.isArray(json.samples) && Array.isArray(json.metrics) && isNum(json.worlds)) return 'robustness';
  if (typeof json.param === 'string' && Array.isArray(json.targets)) return 'target';
  if (Array.isArray(json.params) && isObj(json.base)) return 'sensitivity';
  if (Array.isArray(json.cells) && isObj(json.x) && isObj(json.y)) return 'zone';
  return 'unknown';
}

/** What the report can say of a file it cannot read as its kind. */
const UNREADABLE = bi(
  '这个结果文件缺少必要的字段，无法写成句子。',
  'This result file lacks fields the report needs to say it in sentences.',
);

/**
 * A target file read defensively into the fields the sentences use (a pack may come from anyone); null when it lacks
 * what they need.
 */
function asTarget(t: Obj): TargetResult | null {
  const targets = arr(t.targets).flatMap((g) => {
    const l = limitOf(g);
    if (!l || !isObj(g)) return [];
    return [
      {
        ...l,
        achieved: isNum(g.achieved) ? g.achieved : null,
        ci95: isInterval(g.ci95) ? g.ci95 : null,
        met: g.met === true,
      },
    ];
  });
  if (targets.length === 0 || !isNum(t.min) || !isNum(t.max)) return null;
  const cost = isObj(t.platformCost) ? t.platformCost : null;
  const change = cost && isObj(cost.change) ? cost.change : null;
  const money = cost && isObj(cost.money) ? cost.money : null;
  const pay = estimate(change?.courierPay);
  const margin = estimate(change?.margin);
  return {
    ...(t as unknown as TargetResult),
    direction: t.direction === 'largest' ? 'largest' : 'smallest',
    value: isNum(t.value) ? t.value : null,
    reached: t.reached === true && isNum(t.value),
    monotone: t.monotone !== false,
    targets,
    platformCost:
      cost && isNum(cost.currentValue) && pay && margin
        ? ({
            currentValue: cost.currentValue,
            change: { courierPay: pay, margin },
            // The money sentences need every part; a file without them is said without those sentences.
            ...(money &&
            estimate(money.couriersGain) &&
            estimate(money.platformPays) &&
            estimate(money.gap) &&
            isObj(money.parts)
              ? { money }
              : {}),
          } as TargetResult['platformCost'])
        : null,
  };
}

/** A zone file read defensively; null when it lacks what the sentences need. */
function asZone(z: Obj): ZoneResult | null {
  const x = z.x as Obj;
  const y = z.y as Obj;
  if (typeof x.param !== 'string' || typeof y.param !== 'string') return null;
  const xs = arr(x.values).filter(isNum);
  const ys = arr(y.values).filter(isNum);
  const cells = arr(z.cells).map((c, i) => {
    const o = isObj(c) ? c : {};
    // Cells run y outer, x inner: a cell without its values takes them from the axes.
    return {
      x: isNum(o.x) ? o.x : (xs[i % Math.max(1, xs.length)] ?? Number.NaN),
      y: isNum(o.y) ? o.y : (ys[Math.floor(i / Math.max(1, xs.length))] ?? Number.NaN),
      metrics: isObj(o.metrics) ? o.metrics : {},
      unionHolds: o.unionHolds === true,
      platformHolds: o.platformHolds === true,
      agreed: o.agreed === true,
    };
  });
  const pick = (p: unknown) => (isObj(p) && isNum(p.index) && cells[p.index] ? { x: 0, y: 0, index: p.index } : null);
  const current = isObj(z.current) && isNum(z.current.index) && cells[z.current.index] ? z.current.index : null;
  const objective =
    isObj(z.unionObjective) && limitOf({ ...z.unionObjective, op: '<=', threshold: 0 }) ? z.unionObjective : null;
  return {
    ...(z as unknown as ZoneResult),
    x: { param: x.param, values: xs },
    y: { param: y.param, values: ys },
    cells: cells as unknown as ZoneResult['cells'],
    unionLimits: arr(z.unionLimits).flatMap((l) => limitOf(l) ?? []),
    platformLimits: arr(z.platformLimits).flatMap((l) => limitOf(l) ?? []),
    unionObjective: (objective as ZoneResult['unionObjective'] | null) ?? {
      metric: 'earnings.shareBelowMinWage',
      better: 'lower',
    },
    current: { x: null, y: null, index: current },
    cheapestForPlatform: pick(z.cheapestForPlatform),
    bestForUnion: pick(z.bestForUnion),
  };
}

/** Sentences joined per language. */
function joined(parts: readonly (Bi | undefined)[]): Bi {
  const list = parts.filter((p): p is Bi => p !== undefined);
  return { zh: list.map((p) => p.zh).join(''), en: list.map((p) => p.en).join(' ') };
}

function targetText(t: Obj, scenario?: Scenario): Bi {
  const result = asTarget(t);
  if (!result) return UNREADABLE;
  const arm =
    typeof t.arm === 'string' && scenario?.arms.some((a) => a.id === t.arm)
      ? armDisplayName(scenario, t.arm)
      : undefined;
  const s = targetSentences(result, { armName: arm, context: contextOf(scenario) });
  return joined([s.found, s.sides, s.gap, s.caveat]);
}

const contextOf = (scenario?: Scenario): Partial<LabelContext> => (scenario ? labelContext(scenario) : {});

/** A parameter's name for the sensitivity ranking: the editor's, or its path when it has none. */
const nameOf = (path: string): Bi => paramName(path) ?? bi(path, path);

function sensitivityText(s: Obj, scenario?: Scenario): Bi {
  const params = arr(s.params).filter(isObj);
  const top = params.slice(0, 3).map((p) => {
    const n = nameOf(String(p.path));
    const score = fixed(isNum(p.score) ? p.score : Number.NaN, 2);
    return bi(`${n.zh}（得分 ${score}）`, `${n.en} (score ${score})`);
  });
  const flips = params.flatMap((p) =>
    arr(p.flips)
      .filter(isObj)
      .map((f) => {
        const n = nameOf(String(p.path));
        const m =
          typeof f.metric === 'string' && lookupMetric(f.metric)
            ? metricLabels(f.metric, contextOf(scenario))
            : bi(String(f.metric), String(f.metric));
        const low = f.at === 'low';
        return bi(
          `${n.zh}取${low ? '低' : '高'}值时，“${m.zh}”的方向翻转`,
          `${n.en} at its ${low ? 'low' : 'high'} value flips ${midSentence(m.en)}`,
        );
      }),
  );
  const list = (items: Bi[], zhSep: string, enSep: string) =>
    bi(items.map((i) => i.zh).join(zhSep), items.map((i) => i.en).join(enSep));
  const topText = list(top, '、', ', ');
  const flipText = list(flips, '；', '; ');
  return bi(
    `影响最大的参数（按得分排序）：${topText.zh || '无'}。` +
      (flips.length > 0 ? `会翻转结论方向的：${flipText.zh}。` : '没有参数翻转主要结论的方向。'),
    `The parameters with the largest effect (by score): ${topText.en || 'none'}. ` +
      (flips.length > 0 ? `Sign flips: ${flipText.en}.` : 'No parameter flips the sign of a headline conclusion.'),
  );
}

function zoneText(z: Obj, scenario?: Scenario): Bi {
  const result = asZone(z);
  if (!result) return UNREADABLE;
  const s = zoneSentences(result, contextOf(scenario));
  return joined([s.agreed, s.union, s.platform, s.current, s.note]);
}

/** A robustness file read defensively: only differences with every field the sentence needs are said. */
function robustnessText(r: Obj, scenario?: Scenario): Bi {
  const worlds = r.worlds as number;
  const metrics = arr(r.metrics)
    .filter(isObj)
    .filter(
      (m) =>
        typeof m.metric === 'string' &&
        lookupMetric(m.metric) !== undefined &&
        isNum(m.holds) &&
        isNum(m.share) &&
        isInterval(m.interval) &&
        ['holds', 'fails', 'depends'].includes(String(m.verdict)) &&
        typeof m.stable === 'boolean' &&
        typeof m.baseClear === 'boolean',
    )
    .map((m) => {
      const box = isObj(m.box) && isNum(m.box.coverage) ? m.box : null;
      const limits = box
        ? arr(box.limits)
            .filter(isObj)
            .filter(
              (l) =>
                typeof l.param === 'string' && (l.low === null || isNum(l.low)) && (l.high === null || isNum(l.high)),
            )
        : [];
      return { ...m, box: box && limits.length > 0 ? { ...box, limits } : null };
    });
  if (!isNum(worlds) || metrics.length === 0) return UNREADABLE;
  const s = robustnessSentences({ worlds, metrics } as unknown as RobustnessResult, contextOf(scenario));
  return joined(s);
}

function fileText(file: BargainingFile, scenario?: Scenario): Bi {
  const kind = bargainingKind(file.json);
  try {
    if (kind === 'target') return targetText(file.json as Obj, scenario);
    if (kind === 'sensitivity') return sensitivityText(file.json as Obj, scenario);
    if (kind === 'zone') return zoneText(file.json as Obj, scenario);
    if (kind === 'robustness') return robustnessText(file.json as Obj, scenario);
  } catch {
    // A file of a known kind whose fields are not what this Fairpace writes.
    return UNREADABLE;
  }
  return bi('不是已知的谈判工具结果。', 'Not a known bargaining result.');
}

/**
 * The section, numbered `n`, or '' when the pack carries no bargaining result. The scenario, when given, names the
 * arm and fills the scenario's thresholds into metric names.
 */
export function bargainingSection(files: readonly BargainingFile[], n: number, scenario?: Scenario): string {
  if (files.length === 0) return '';
  const items = files.map(
    (f) =>
      `<li><code>${inline(bi(f.name, f.name))}</code>${blocks('p', fileText(f, scenario))}<p class="note"><code>SHA-256 ${f.sha256}</code></p></li>`,
  );
  return (
    `<section id="bargaining"><h2>${n}. ${inline(bi('谈判工具的结果', 'Bargaining results'))}</h2>` +
    `<ul class="bargaining">${items.join('')}</ul>` +
    blocks(
      'p',
      bi(
        '这些文件由 fairpace target、sensitivity、zone 或 robustness 生成后放入证据包。fairpace verify 只核对它们的 SHA-256 与 manifest.json 是否一致，不会重新运行这些分析；要复核其中的数字，请在 scenario.json 上重新运行相应命令。',
        'These files were written by fairpace target, sensitivity, zone or robustness and put into the pack. fairpace verify checks only their SHA-256 against manifest.json; it does not re-run these analyses. To check their numbers, run the command again on scenario.json.',
      ),
      'note',
    ) +
    '</section>'
  );
}
