/** Sweeps of one numeric scenario parameter over a list or a range of values, each point a full comparison. */
import { digestOf } from '../scenario/canonical.ts';
import { withParam } from '../scenario/paths.ts';
import { SCHEMA_VERSION, type Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../version.ts';
import { planCompare, summariseCompare, type ArmSummary, type CompareOptions, type ComparePlan } from './compare.ts';
import type { PrefixBatch } from './prefixBatch.ts';
import { prefixPlan, prefixResults } from './provisional.ts';
import { runInProcess, type Executor, type ProgressFn, type RunTask, type CancelSignal } from './runTasks.ts';
import type { Difference } from './stats.ts';

/** What to sweep. */
export interface SweepOptions extends CompareOptions {
  /** Dotted scenario path of a numeric parameter, e.g. `rules.deadline.percentile`. */
  param: string;
  values: number[];
}

/** The `fairpace sweep` output: one comparison per value. */
export interface SweepResult {
  schemaVersion: number;
  fairpaceVersion: string;
  /** The model fingerprint of the build that computed this (SHA-256 over src/sim and the scenario defaults). */
  modelDigest: string;
  scenarioDigest: string;
  param: string;
  values: number[];
  seeds: number[];
  points: { value: number; arms: ArmSummary[]; differences: Record<string, Difference> }[];
}

/** The values from..to by step (inclusive of `to` within rounding), at most `limit` of them. */
export function rangeValues(from: number, to: number, step: number, limit = 1000): number[] {
  if (!(step > 0)) throw new RangeError('step must be positive');
  if (to < from) throw new RangeError('to must not be below from');
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > limit) throw new RangeError(`the range has ${count} values, more than ${limit}`);
  // Round away the binary noise of repeated addition (0.1 + 0.2) so values print as the user typed them.
  return Array.from({ length: count }, (_, i) => Number((from + i * step).toPrecision(12)));
}

/** The points of a sweep and the tasks behind them (point-major). */
export interface SweepPlan {
  points: { value: number; scenario: Scenario; plan: ComparePlan }[];
  tasks: RunTask[];
}

/** Validates every point's scenario and lists the runs (throws ScenarioPathError for a bad path or value). */
export function planSweep(scenario: Scenario, options: SweepOptions): SweepPlan {
  if (options.values.length === 0) throw new RangeError('a sweep needs at least one value');
  const points = options.values.map((value) => {
    const s = withParam(scenario, options.param, value);
    return { value, scenario: s, plan: planCompare(s, options) };
  });
  return { points, tasks: points.flatMap((p) => p.plan.tasks) };
}

/** Summarises the results of `planSweep`'s tasks (in task order). */
export function summariseSweep(
  scenario: Scenario,
  options: SweepOptions,
  plan: SweepPlan,
  results: RunResult[],
): SweepResult {
  let offset = 0;
  const points = plan.points.map((p) => {
    const slice = results.slice(offset, offset + p.plan.tasks.length);
    offset += p.plan.tasks.length;
    const c = summariseCompare(p.scenario, p.plan, slice);
    return { value: p.value, arms: c.arms, differences: c.differences };
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    fairpaceVersion: FAIRPACE_VERSION,
    modelDigest: MODEL_DIGEST,
    scenarioDigest: digestOf(scenario),
    param: options.param,
    values: options.values,
    seeds: plan.points[0]?.plan.seeds ?? [],
    points,
  };
}

/**
 * The seeds every point of a sweep shares (points of a swept `replications` differ: then null, and the sweep has no
 * provisional answer).
 */
export function sweepSeedCount(plan: SweepPlan): number | null {
  const counts = new Set(plan.points.map((p) => p.plan.seeds.length));
  return counts.size === 1 ? (plan.points[0]?.plan.seeds.length ?? null) : null;
}

/**
 * The plan and results of a sweep's first `seeds` seeds at every point and arm (a provisional sweep), from results in
 * task order (runs beyond the prefix may be missing; a missing run of the prefix throws). With every seed, the same
 * plan and results, so summariseSweep gives the final answer byte for byte.
 */
export function sweepPrefix(
  plan: SweepPlan,
  results: readonly (RunResult | undefined)[],
  seeds: number,
): { plan: SweepPlan; results: RunResult[] } {
  let offset = 0;
  const points: SweepPlan['points'] = [];
  const runs: RunResult[] = [];
  for (const p of plan.points) {
    const cut = prefixPlan(p.plan, seeds);
    runs.push(...prefixResults(p.plan, results.slice(offset, offset + p.plan.tasks.length), seeds));
    offset += p.plan.tasks.length;
    points.push({ value: p.value, scenario: p.scenario, plan: cut });
  }
  return { plan: { points, tasks: points.flatMap((p) => p.plan.tasks) }, results: runs };
}

/** A sweep as a batch plan, with its provisional answer on the first seeds of every point. */
export function sweepBatch(scenario: Scenario, options: SweepOptions): PrefixBatch<SweepResult> {
  const plan = planSweep(scenario, options);
  const seeds = sweepSeedCount(plan);
  return {
    tasks: plan.tasks,
    summarise: (results) => summariseSweep(scenario, options, plan, results),
    seedPrefix:
      seeds === null
        ? null
        : {
            seeds,
            answer: (results, count) => {
              const cut = sweepPrefix(plan, results, count);
              return summariseSweep(scenario, options, cut.plan, cut.results);
            },
          },
  };
}

/** Runs a sweep with the given executor. */
export async function sweep(
  scenario: Scenario,
  options: SweepOptions,
  execute: Executor = runInProcess,
  onProgress?: ProgressFn,
  signal?: CancelSignal,
): Promise<SweepResult> {
  const plan = planSweep(scenario, options);
  const results = await execute(plan.tasks, onProgress, signal);
  return summariseSweep(scenario, options, plan, results);
}
