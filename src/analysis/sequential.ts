/**
 * Sequential replication (issue 21 item 2): run a comparison in rounds of seeds, in seed order, and stop once the
 * differences that matter are known precisely enough: each one's 95% interval no wider than `precision` times its
 * mean on either side, or exactly zero. The rule reads only the results of the seeds run so far, in seed order, never
 * which worker finished first, so the answer is the same with any executor; and the comparison it returns is
 * byte-identical to `compare` with `replications` set to the number it stopped at.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { SENSITIVITY_PATHS } from './catalogue/index.ts';
import { planCompare, summariseCompare, type CompareOptions, type Comparison } from './compare.ts';
import type { CancelSignal, Executor, ProgressFn } from './runTasks.ts';
import { metricAt } from './metricPaths.ts';
import { meanInterval, type Difference } from './stats.ts';

/** How far to go. */
export interface PrecisionOptions {
  /** Half-width of each 95% interval as a share of the difference's mean (0.1: within ±10%). */
  precision: number;
  /** The most replications per arm (the scenario's `replications` when left out). */
  maxReplications?: number;
  /** Replications per arm before the rule is first applied (3: fewer give intervals that say little). */
  minReplications?: number;
  /** Replications per arm added each round after the first (2). */
  step?: number;
  /** The differences that must be precise (default: the six `fairpace sensitivity` reports). */
  metrics?: readonly string[];
}

/** Why the replications stopped. */
export type StopReason = 'precise' | 'limit';

/** A comparison with how it was reached. */
export interface SequentialComparison {
  comparison: Comparison;
  replications: number;
  /** Runs made: replications × arms. */
  runs: number;
  stopped: StopReason;
  /** At the stop, the differences not yet within the precision asked for (empty when `precise`). */
  unsettled: string[];
  /** The runs the comparison summarises, in `planCompare`'s task order (arm-major, seed-minor). */
  results: RunResult[];
}

/**
 * Whether a difference is known to within `precision` of its mean (an exact zero is known), or of `floor` when that
 * is larger (a sweep's spread of the metric over its values, see sweepSequential.ts).
 */
export function isPrecise(d: Difference | undefined, precision: number, floor = 0): boolean {
  if (!d || !Number.isFinite(d.mean)) return false;
  const half = (d.ci95[1] - d.ci95[0]) / 2;
  if (half === 0) return true;
  return half <= precision * Math.max(Math.abs(d.mean), floor);
}

/**
 * The estimates a precision judges in a comparison, by metric and by what they compare, keyed `<arm>\u0000<path>`:
 * with two arms or more, each further arm's difference from the first (the arm is the second one's id with two); with
 * one arm, which has no difference, the arm's own level of each metric, its 95% interval over `runs` (that arm's
 * results, seed by seed). Without the levels a one-arm comparison (a sweep of one arm, the workbench's default) was
 * never precise and ran every seed.
 */
export function estimatesOf(
  c: Comparison,
  metrics: readonly string[],
  runs: readonly RunResult[] = [],
): Map<string, Difference | undefined> {
  const out = new Map<string, Difference | undefined>();
  if (c.arms.length === 1) {
    const arm = c.arms[0]?.id ?? '';
    for (const path of metrics) {
      out.set(`${arm}\u0000${path}`, meanInterval(runs.map((r) => metricAt(r.metrics, path) ?? Number.NaN)));
    }
    return out;
  }
  const sets = c.differencesVsFirst ?? { [c.arms[1]?.id ?? '']: c.differences };
  for (const path of metrics) for (const [arm, d] of Object.entries(sets)) out.set(`${arm}\u0000${path}`, d[path]);
  return out;
}

/**
 * The metrics of a comparison that are not yet precise (see estimatesOf for what is judged); `floors` gives an
 * estimate's floor by its key (isPrecise).
 */
export function unsettledOf(
  c: Comparison,
  metrics: readonly string[],
  precision: number,
  runs: readonly RunResult[] = [],
  floors: ReadonlyMap<string, number> = new Map(),
): string[] {
  const estimates = estimatesOf(c, metrics, runs);
  const out = new Set<string>();
  for (const [key, d] of estimates) {
    if (!isPrecise(d, precision, floors.get(key) ?? 0)) out.add(key.slice(key.indexOf('\u0000') + 1));
  }
  return metrics.filter((path) => out.has(path));
}

/** Runs the comparison in rounds until it is precise or reaches its limit. */
export async function compareToPrecision(
  scenario: Scenario,
  options: PrecisionOptions,
  execute: Executor,
  compareOptions: Omit<CompareOptions, 'replications'> = {},
  onRound?: (partial: SequentialComparison) => void,
  onProgress?: ProgressFn,
  signal?: CancelSignal,
): Promise<SequentialComparison> {
  if (!(options.precision > 0)) throw new RangeError(`precision must be above 0 (got ${options.precision})`);
  const max = options.maxReplications ?? scenario.replications;
  const min = Math.min(max, Math.max(1, options.minReplications ?? 3));
  const step = Math.max(1, options.step ?? 2);
  const metrics = options.metrics ?? SENSITIVITY_PATHS;
  const full = planCompare(scenario, { ...compareOptions, replications: max });
  const arms = full.armIds.length;
  // Results by arm, by seed index.
  const byArm: RunResult[][] = full.armIds.map(() => []);
  let n = 0;
  for (;;) {
    const next = n === 0 ? min : Math.min(max, n + step);
    const tasks = full.armIds.flatMap((_, a) => full.tasks.slice(a * max + n, a * max + next));
    const done = n * arms;
    const results = await execute(tasks, onProgress ? (k) => onProgress(done + k, max * arms) : undefined, signal);
    const per = next - n;
    full.armIds.forEach((_, a) => byArm[a]?.push(...results.slice(a * per, (a + 1) * per)));
    n = next;
    const plan = planCompare(scenario, { ...compareOptions, replications: n });
    const comparison = summariseCompare(scenario, plan, byArm.flat());
    const unsettled = unsettledOf(comparison, metrics, options.precision, byArm[0]);
    const stopped: StopReason | null = unsettled.length === 0 ? 'precise' : n >= max ? 'limit' : null;
    const partial: SequentialComparison = {
      comparison,
      replications: n,
      runs: n * arms,
      stopped: stopped ?? 'limit',
      unsettled,
      results: byArm.flat(),
    };
    if (stopped) return partial;
    onRound?.(partial);
  }
}
