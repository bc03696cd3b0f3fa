/**
 * A target of the bargaining commands: `metric op threshold` on the metrics of one arm (`earnings.shareBelowMinWage
 * <= 0.05`), and whether an estimate over replications meets it under the stated confidence. The target finder
 * (target.ts), the zone of agreement (zone.ts) and the gate (gate.ts) judge targets this way.
 */
import { isMetricPath } from './metricList.ts';

/** A comparison operator of a target. */
export type TargetOp = '<=' | '>=' | '<' | '>';
/** The operators, for parsing. */
export const TARGET_OPS: readonly TargetOp[] = ['<=', '>=', '<', '>'];

/** One target: `metric op threshold`, e.g. `earnings.shareBelowMinWage <= 0.05`. */
export interface TargetSpec {
  metric: string;
  op: TargetOp;
  threshold: number;
}

/** A metric's mean over replications with its 95% t interval. */
export interface MetricEstimate {
  mean: number;
  ci95: [number, number];
}

/** Whether one target holds for an estimate under the confidence rule. */
export function targetHolds(t: TargetSpec, e: MetricEstimate, confidence: 'mean' | 'ci'): boolean {
  const upper = t.op === '<=' || t.op === '<';
  return meets(t, confidence === 'mean' ? e.mean : upper ? e.ci95[1] : e.ci95[0]);
}

/**
 * Whether limits that must all hold are decided on these seeds whatever more seeds would show, short of a shift
 * the interval does not expect: every one holds at the unfavourable end of its 95% interval, or one fails at the
 * favourable end. The sequential zone stops adding seeds to a cell once both sides' limits are (the sequential
 * target search judges a candidate the same way, through each target's slack).
 */
export function limitsDecided(list: readonly TargetSpec[], estimates: Record<string, MetricEstimate>): boolean {
  const at = (t: TargetSpec) => estimates[t.metric] as MetricEstimate;
  if (list.every((t) => targetHolds(t, at(t), 'ci'))) return true;
  return list.some((t) => {
    const upper = t.op === '<=' || t.op === '<';
    const [lo, hi] = at(t).ci95;
    const favourable = upper ? lo : hi;
    return !Number.isNaN(favourable) && !meets(t, favourable);
  });
}

/** Whether a value meets a target's comparison (never when it is NaN). */
function meets(t: TargetSpec, x: number): boolean {
  if (Number.isNaN(x)) return false;
  switch (t.op) {
    case '<=':
      return x <= t.threshold;
    case '<':
      return x < t.threshold;
    case '>=':
      return x >= t.threshold;
    case '>':
      return x > t.threshold;
  }
}

/** Parses a target expression such as `earnings.shareBelowMinWage <= 0.05`; throws RangeError naming the problem. */
export function parseTarget(text: string): TargetSpec {
  const m = /^\s*([A-Za-z][\w.]*)\s*(<=|>=|<|>)\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*$/.exec(text);
  if (!m) throw new RangeError(`'${text}' is not a target: write "<metric path> <= value" (or >=, <, >)`);
  const [, metric, op, num] = m as unknown as [string, string, TargetOp, string];
  if (!isMetricPath(metric)) throw new RangeError(`'${text}': unknown metric path '${metric}'`);
  return { metric, op, threshold: Number(num) };
}
