/**
 * The bargaining files a pack carries, read defensively (a pack may come from anyone): their kind by shape, and each
 * kind read into the result its sentences take, keeping only fields of the expected type; null when a file lacks what
 * the sentences need.
 */
import { lookupMetric, type RobustnessResult, type TargetResult, type ZoneResult } from '../../analysis/index.ts';
import type { SensitivityLike } from '../views/sensitivityView.ts';

/** One bargaining file of a pack: its name in the pack and its parsed JSON. */
export interface BargainingFile {
  /** `bargaining/<name>.json`. */
  name: string;
  json: unknown;
  sha256: string;
}

/** A JSON object. */
export type Obj = Record<string, unknown>;
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

/**
 * A target file read defensively into the fields the sentences use (a pack may come from anyone); null when it lacks
 * what they need.
 */
export function asTarget(t: Obj): TargetResult | null {
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
export function asZone(z: Obj): ZoneResult | null {
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

/** A sensitivity file read defensively into what the ranking reads; null when no parameter has a path and a score. */
export function asSensitivity(s: Obj): SensitivityLike | null {
  const params = arr(s.params)
    .filter(isObj)
    .filter((p) => typeof p.path === 'string' && isNum(p.score))
    .map((p) => ({
      path: p.path as string,
      score: p.score as number,
      ...(isNum(p.low) ? { low: p.low } : {}),
      ...(isNum(p.high) ? { high: p.high } : {}),
      flips: arr(p.flips)
        .filter(isObj)
        .filter((f) => typeof f.metric === 'string' && (f.at === 'low' || f.at === 'high'))
        .map((f) => ({ metric: f.metric as string, at: f.at as 'low' | 'high' })),
    }));
  return params.length === 0 ? null : { params };
}

/** A robustness file read defensively: only differences with every field the sentence needs are said. */
export function asRobustness(r: Obj): RobustnessResult | null {
  const worlds = r.worlds;
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
      // What the chart of where it fails reads: without a known direction, no world can be judged, so no chart.
      const direction = ['up', 'down', 'none'].includes(String(m.direction)) ? m.direction : undefined;
      return {
        ...m,
        box: box && limits.length > 0 ? { ...box, limits } : null,
        direction: direction ?? 'none',
        worldDifferences: direction ? arr(m.worldDifferences).map((d) => (isNum(d) ? d : Number.NaN)) : [],
        firstOrder: arr(m.firstOrder).filter((f) => isObj(f) && typeof f.param === 'string' && isNum(f.index)),
        // Total-effect indices (`robustness --total-indices`), only when the file has them.
        totalEffect: Array.isArray(m.totalEffect)
          ? m.totalEffect.filter((f) => isObj(f) && typeof f.param === 'string' && isNum(f.index))
          : undefined,
      };
    });
  if (!isNum(worlds) || metrics.length === 0) return null;
  // The worlds' values, kept only when every world has one number per assumption.
  const params = arr(r.params).filter(
    (p): p is Obj => isObj(p) && typeof p.path === 'string' && isNum(p.low) && isNum(p.high),
  );
  const samples = arr(r.samples);
  const whole =
    params.length === arr(r.params).length &&
    samples.length === worlds &&
    samples.every((row) => Array.isArray(row) && row.length === params.length && row.every(isNum));
  // What the total-effect indices cost, said beside them; without it they are not said.
  const design = r.totalIndices;
  const totalIndices =
    isObj(design) && isNum(design.evaluations) && isNum(design.runs)
      ? { ...design, evaluations: design.evaluations, runs: design.runs }
      : undefined;
  return {
    worlds,
    metrics,
    params: whole ? params : [],
    samples: whole ? samples : [],
    ...(totalIndices ? { totalIndices } : {}),
  } as unknown as RobustnessResult;
}
