/** Per-arm 95% intervals over replications at each sweep point, from the raw runs (the sweep summary keeps means). */
import { meanInterval, metricAt, type SweepPlan, type SweepResult } from '../analysis/index.ts';
import type { RunResult } from '../sim/results.ts';

/** One metric of one arm at one parameter value: mean over replications and its 95% t interval. */
export interface SweepPoint {
  value: number;
  armId: string;
  path: string;
  mean: number;
  lo: number;
  hi: number;
}

/**
 * The interval of every metric path for every arm at every point. `results` are in the plan's task order
 * (point-major, then arm, then seed).
 */
export function sweepArmIntervals(
  plan: SweepPlan,
  results: readonly RunResult[],
  paths: readonly string[],
): SweepPoint[] {
  const out: SweepPoint[] = [];
  let offset = 0;
  for (const point of plan.points) {
    const { armIds, seeds } = point.plan;
    armIds.forEach((armId, a) => {
      const runs = results.slice(offset + a * seeds.length, offset + (a + 1) * seeds.length);
      for (const path of paths) {
        const { mean, ci95 } = meanInterval(runs.map((r) => metricAt(r.metrics, path) ?? Number.NaN));
        out.push({ value: point.value, armId, path, mean, lo: ci95[0], hi: ci95[1] });
      }
    });
    offset += point.plan.tasks.length;
  }
  return out;
}

/** One paired difference (second arm − first) at one parameter value. */
export interface SweepDifference {
  value: number;
  path: string;
  mean: number;
  lo: number;
  hi: number;
}

/** The sweep's paired differences of the given metric paths, point by point (none with a single arm). */
export function sweepDifferences(sweep: SweepResult, paths: readonly string[]): SweepDifference[] {
  return sweep.points.flatMap((point) =>
    paths.flatMap((path) => {
      const d = point.differences[path];
      return d ? [{ value: point.value, path, mean: d.mean, lo: d.ci95[0], hi: d.ci95[1] }] : [];
    }),
  );
}
