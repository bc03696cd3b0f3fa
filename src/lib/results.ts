/**
 * The library's result types, which name their metrics: a misspelled metric path is a compile error, not an
 * undefined at run time. Each arm of a comparison also carries its metrics' 95% intervals over replications.
 */
import type {
  ArmSummary as ArmMeans,
  Comparison as ComparisonJson,
  ComparePlan,
  SweepPlan,
  SweepResult as SweepJson,
} from '../analysis/index.ts';
import { boundedInterval, differencePaths, metricAt, type Difference } from '../analysis/index.ts';
import { valueBounds } from '../analysis/metricBounds.ts';
import type { Metrics, RunResult } from '../sim/results.ts';

/** The dotted paths of the numeric leaves of `T`, e.g. `earnings.netPerOnlineHour.p90`. */
type LeafPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends number
    ? `${Prefix}${K}`
    : NonNullable<T[K]> extends readonly unknown[]
      ? never
      : NonNullable<T[K]> extends object
        ? LeafPaths<NonNullable<T[K]>, `${Prefix}${K}.`>
        : never;
}[keyof T & string];

/** Every metric path of MODEL.md section 10, e.g. `earnings.shareBelowMinWage`, `workload.onlineHours.p90`. */
export type MetricPath = LeafPaths<Metrics>;

/** The paths a comparison reports intervals and differences for: every scalar and each distribution's mean. */
export type DifferencePath = Exclude<MetricPath, `${string}.${'p10' | 'p50' | 'p90' | 'max'}`>;

/** Paths present only in a replay of an MDRP instance (`mdrp.*`). */
type ReplayPath = Extract<DifferencePath, `mdrp.${string}`>;

/** One estimate per metric path: every path of every run, and the `mdrp.*` paths for a replay. */
export type MetricIntervals = { [P in Exclude<DifferencePath, ReplayPath>]: Difference } & {
  [P in ReplayPath]?: Difference;
};

/** Paired differences by metric path (empty when the comparison has a single arm). */
export type MetricDifferences = Partial<Record<DifferencePath, Difference>>;

/** One arm: its metrics averaged over replications, and each metric's mean with its 95% interval. */
export interface ArmSummary extends ArmMeans {
  /**
   * The mean over replications with its 95% t interval, by metric path; a share's interval is cut to [0, 1] (as the
   * gate judges it). With one replication the interval is the mean.
   */
  intervals: MetricIntervals;
}

/**
 * What `compare` returns: the object `fairpace compare` prints as JSON, with each arm's `intervals` added and the
 * differences keyed by metric path.
 */
export interface Comparison extends Omit<ComparisonJson, 'arms' | 'differences' | 'differencesVsFirst'> {
  arms: ArmSummary[];
  /** Second arm minus first, paired over replications that share seeds. */
  differences: MetricDifferences;
  /** With more than two arms: each further arm minus the first, keyed by arm id. */
  differencesVsFirst?: Record<string, MetricDifferences>;
}

/** What `sweep` returns: `fairpace sweep`'s JSON, each point's arms with their intervals. */
export interface SweepResult extends Omit<SweepJson, 'points'> {
  points: { value: number; arms: ArmSummary[]; differences: MetricDifferences }[];
}

/** The mean and 95% interval of every difference path over one arm's runs. */
function intervalsOf(runs: readonly RunResult[]): MetricIntervals {
  const first = runs[0];
  const out: Record<string, Difference> = {};
  if (!first) return out as MetricIntervals;
  for (const path of differencePaths(first.metrics)) {
    out[path] = boundedInterval(
      runs.map((r) => metricAt(r.metrics, path) ?? Number.NaN),
      valueBounds(path),
    );
  }
  return out as MetricIntervals;
}

/** A comparison with each arm's intervals, from its plan's runs (task order: arm-major, seed-minor). */
export function withIntervals(
  comparison: ComparisonJson,
  plan: ComparePlan,
  results: readonly RunResult[],
): Comparison {
  const n = plan.seeds.length;
  return {
    ...comparison,
    arms: comparison.arms.map((arm, a) => ({ ...arm, intervals: intervalsOf(results.slice(a * n, (a + 1) * n)) })),
  } as Comparison;
}

/** A sweep with each point's arms' intervals, from its plan's runs (point-major). */
export function sweepWithIntervals(sweep: SweepJson, plan: SweepPlan, results: readonly RunResult[]): SweepResult {
  let offset = 0;
  const points = sweep.points.map((point, i) => {
    const pointPlan = plan.points[i]?.plan;
    const count = pointPlan?.tasks.length ?? 0;
    const slice = results.slice(offset, offset + count);
    offset += count;
    const n = pointPlan?.seeds.length ?? 0;
    return {
      ...point,
      arms: point.arms.map((arm, a) => ({ ...arm, intervals: intervalsOf(slice.slice(a * n, (a + 1) * n)) })),
    };
  });
  return { ...sweep, points } as SweepResult;
}
