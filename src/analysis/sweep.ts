/** Sweeps of one numeric scenario parameter over a list or a range of values, each point a full comparison. */
import { digestOf } from '../scenario/canonical.ts';
import { withParam } from '../scenario/paths.ts';
import { SCHEMA_VERSION, type Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../version.ts';
import { planCompare, summariseCompare, type ArmSummary, type CompareOptions, type ComparePlan } from './compare.ts';
import type { BatchPlan } from './batchPlan.ts';
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

/** A sweep as a batch plan. */
export function sweepBatch(scenario: Scenario, options: SweepOptions): BatchPlan<SweepResult> {
  const plan = planSweep(scenario, options);
  return { tasks: plan.tasks, summarise: (results) => summariseSweep(scenario, options, plan, results) };
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
