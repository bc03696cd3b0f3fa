/**
 * A parameter's row in the sequential sensitivity analysis on its first seeds, with its score's 95% interval and
 * whether a sign flip is still in doubt. The score's interval: for each headline metric and end, the per-seed change
 * (end's difference − base difference, both on that seed) has a t interval; its |·| bounds, divided by the same scale
 * as the score, give the metric's swing bounds, and the score's bounds are the largest of those.
 */
import type { RunResult } from '../sim/results.ts';
import { metricAt } from './metricPaths.ts';
import {
  SENSITIVITY_METRICS,
  differencesOf,
  paramEffect,
  scaleOf,
  type ParamEffect,
  type Resolved,
} from './sensitivity.ts';
import { meanInterval, type Difference } from './stats.ts';

/** Per seed index, the runs of the two arms: [first arm, second arm]. */
export type PairRuns = [RunResult[], RunResult[]];

/** Per headline metric, the 95% intervals of the per-seed change at the low and at the high end. */
export type Changes = Record<string, [Difference, Difference]>;

/** The per-seed changes (end's difference − base difference, both on that seed) over the first n seeds. */
export function changesOf(base: PairRuns, low: PairRuns, high: PairRuns, n: number): Changes {
  const out: Changes = {};
  for (const m of SENSITIVITY_METRICS) {
    const d = (r: RunResult[], s: number) => metricAt((r[s] as RunResult).metrics, m) ?? Number.NaN;
    const of = (end: PairRuns) => {
      const changes: number[] = [];
      for (let s = 0; s < n; s++) changes.push(d(end[1], s) - d(end[0], s) - (d(base[1], s) - d(base[0], s)));
      return meanInterval(changes);
    };
    out[m] = [of(low), of(high)];
  }
  return out;
}

/** The interval of a score: the largest bounds of |change| ÷ scale over metrics and ends ([0, 0] when all are 0). */
export function scoreInterval(changes: Changes, baseDiffs: Record<string, Difference>): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const m of SENSITIVITY_METRICS) {
    const scale = scaleOf(baseDiffs[m] as Difference);
    for (const iv of changes[m] ?? []) {
      if (!Number.isFinite(iv.mean)) continue;
      const [a, b] = iv.ci95;
      const lower = a > 0 ? a : b < 0 ? -b : 0;
      const upper = Math.max(Math.abs(a), Math.abs(b));
      if (lower / scale > lo) lo = lower / scale;
      if (upper / scale > hi) hi = upper / scale;
    }
  }
  return [lo, hi];
}

/**
 * Whether a sign flip is in doubt: where the base difference excludes zero, an end's change could carry it across
 * zero and yet might not (a flip certain on these seeds, or impossible, is no doubt).
 */
export function flipInDoubt(changes: Changes, baseDiffs: Record<string, Difference>): boolean {
  for (const m of SENSITIVITY_METRICS) {
    const b = baseDiffs[m] as Difference;
    if (!(b.ci95[0] > 0 || b.ci95[1] < 0)) continue;
    for (const iv of changes[m] ?? []) {
      const lo = b.mean + iv.ci95[0];
      const hi = b.mean + iv.ci95[1];
      if (lo <= 0 && hi >= 0 && lo !== hi) return true;
    }
  }
  return false;
}

/** A parameter's row on its first seeds, its score's interval, and whether a sign flip is in doubt. */
export interface Row {
  effect: ParamEffect;
  interval: [number, number];
  doubt: boolean;
}

/** The first n seeds of a variant's runs. */
export const firstSeeds = (r: PairRuns, n: number): PairRuns => [r[0].slice(0, n), r[1].slice(0, n)];

/**
 * Parameter p's row on its first n seeds, against the base on the same seeds (`baseAll`: the base on its first
 * `baseSeeds` seeds, n ≤ baseSeeds, reused when n is all of them).
 */
export function rowOf(
  p: Resolved,
  n: number,
  base: PairRuns,
  low: PairRuns,
  high: PairRuns,
  baseAll: Record<string, Difference>,
  baseSeeds: number,
): Row {
  const b = firstSeeds(base, n);
  const baseN = n === baseSeeds ? baseAll : differencesOf(b[0], b[1]);
  const lo = firstSeeds(low, n);
  const hi = firstSeeds(high, n);
  const changes = changesOf(b, lo, hi, n);
  return {
    effect: paramEffect(p, baseN, differencesOf(lo[0], lo[1]), differencesOf(hi[0], hi[1])),
    interval: scoreInterval(changes, baseN),
    doubt: flipInDoubt(changes, baseN),
  };
}
