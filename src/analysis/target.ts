/**
 * The target finder: the smallest (or largest) value of one scenario parameter within bounds at which every target on
 * the metrics of one arm holds, with the stated confidence over replications. Every value runs with the same seeds
 * (common random numbers), so the metrics move only with the parameter. The search evaluates the bounds and three
 * interior points first; when feasibility switches at most once along them it bisects the bracket, otherwise it says
 * the predicate is not monotone and scans a grid over the whole range.
 */
import { withParam, ScenarioPathError } from '../scenario/paths.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { runBatchPlan, type BatchPlan } from './batchPlan.ts';
import { runInProcess, seedsFor, type CancelSignal, type Executor, type ProgressFn, type RunTask } from './runTasks.ts';
import { checkTargetOptions, currentParamValue, type TargetOptions } from './targetOptions.ts';
import { targetProvisional, type TargetStepFn } from './targetProgress.ts';
import {
  COST_METRICS,
  estimatesAt,
  evidenceOf,
  targetResult,
  type TargetResult,
  type TargetStep,
} from './targetResult.ts';
import { targetHolds, type MetricEstimate } from './targetSpec.ts';

// The finder's parts, so `./target.ts` stays the one place to import the target finder from.
export * from './targetOptions.ts';
export * from './targetProgress.ts';
export * from './targetResult.ts';
export * from './targetSpec.ts';

/**
 * Finds the value; see the module comment. Deterministic for the same options, whatever the executor. `onStep` hears
 * the answer so far before each further step of the search (not for the grid, which is one batch).
 */
export async function findTarget(
  scenario: Scenario,
  options: TargetOptions,
  execute: Executor = runInProcess,
  onProgress?: ProgressFn,
  signal?: CancelSignal,
  onStep?: TargetStepFn,
): Promise<TargetResult> {
  if (options.grid !== undefined) return runBatchPlan(targetGridBatch(scenario, options), execute, onProgress, signal);
  const arm = checkTargetOptions(scenario, options);
  const { param, min, max, targets } = options;
  const direction = options.direction ?? 'smallest';
  const confidence = options.confidence ?? 'ci';
  const maxSteps = options.maxSteps ?? 20;
  const tolerance = options.tolerance ?? (max - min) / 1000;
  const seeds = seedsFor(options.seed ?? scenario.seed, options.replications ?? scenario.replications);
  const current = currentParamValue(scenario, param, arm);
  const metricNames = [...new Set([...targets.map((t) => t.metric), ...COST_METRICS])];

  // Progress counts runs; the total is the most the search can take (it may finish sooner).
  const budget = (maxSteps + 1) * seeds.length;
  let runsDone = 0;
  /** Raw per-replication results by value, so the cost change can be paired. */
  const runsAt = new Map<number, RunResult[]>();
  const steps: TargetStep[] = [];

  const evaluate = async (values: number[], phase: TargetStep['phase'], record = true): Promise<void> => {
    const fresh = [...new Set(values)].filter((v) => !runsAt.has(v));
    const tasks: RunTask[] = fresh.flatMap((v) => {
      const s = withParam(scenario, param, v);
      return seeds.map((seed) => ({ scenario: s, armId: arm, seed }));
    });
    const before = runsDone;
    const results =
      tasks.length === 0
        ? []
        : await execute(tasks, (done) => onProgress?.(Math.min(before + done, budget), budget), signal);
    runsDone += tasks.length;
    fresh.forEach((v, i) => runsAt.set(v, results.slice(i * seeds.length, (i + 1) * seeds.length)));
    if (!record) return;
    for (const v of values) {
      if (steps.some((s) => s.value === v)) continue;
      const metrics = estimatesAt(runsAt.get(v) ?? [], metricNames);
      const feasible = targets.every((t) => targetHolds(t, metrics[t.metric] as MetricEstimate, confidence));
      steps.push({ value: v, phase, feasible, metrics });
    }
  };

  // Bounds, quartiles and the current value (for the cost change) in one batch.
  const initial = [0, 1, 2, 3, 4].map((i) => (i === 0 ? min : i === 4 ? max : min + ((max - min) * i) / 4));
  if (current !== null) {
    try {
      withParam(scenario, param, current);
      await evaluate([...initial, current], 'initial', false);
    } catch (e) {
      if (!(e instanceof ScenarioPathError)) throw e;
      await evaluate(initial, 'initial', false);
    }
  } else {
    await evaluate(initial, 'initial', false);
  }
  await evaluate(initial, 'initial');

  const sorted = () => [...steps].sort((a, b) => a.value - b.value);
  const switches = (list: TargetStep[]) =>
    list.reduce((n, s, i) => (i > 0 && s.feasible !== list[i - 1]?.feasible ? n + 1 : n), 0);
  let monotone = switches(sorted()) <= 1;
  let method: TargetResult['method'] = 'bisection';
  let bracket: [number, number] | undefined;
  let value: number | null = null;
  let monotoneEvidence: string | undefined;
  /** Says the answer so far (value, and bracket as [failing end, meeting end]); reads the state, changes nothing. */
  const report = (best: number | null, between: [number, number] | undefined) =>
    onStep?.(
      targetProvisional(
        scenario,
        options,
        { arm, seeds, steps, runsAt, value: best, monotone, monotoneEvidence, method, bracket: between, current },
        { of: seeds.length, runs: runsDone },
      ),
    );

  if (monotone) {
    const list = sorted();
    const idx =
      direction === 'smallest' ? list.findIndex((s) => s.feasible) : list.map((s) => s.feasible).lastIndexOf(true);
    if (idx >= 0) {
      const found = list[idx] as TargetStep;
      const neighbour = list[direction === 'smallest' ? idx - 1 : idx + 1];
      if (!neighbour) {
        value = found.value;
      } else {
        // Invariant: `bad` is infeasible, `good` feasible, and the answer lies between them.
        let bad = neighbour.value;
        let good = found.value;
        while (steps.length < maxSteps && Math.abs(good - bad) > tolerance) {
          const mid = bad + (good - bad) / 2;
          if (mid === bad || mid === good) break;
          report(good, [bad, good]);
          await evaluate([mid], 'bisection');
          const step = steps.at(-1) as TargetStep;
          if (step.feasible) good = mid;
          else bad = mid;
        }
        value = good;
        bracket = [bad, good];
      }
    }
  }
  if (!monotone) {
    method = 'grid';
    monotoneEvidence = evidenceOf(sorted());
    const cells = Math.max(0, maxSteps - steps.length);
    if (cells > 0) {
      const meeting = sorted().filter((s) => s.feasible);
      report((direction === 'smallest' ? meeting[0] : meeting.at(-1))?.value ?? null, undefined);
      await evaluate(
        Array.from({ length: cells }, (_, j) => min + ((max - min) * (j + 0.5)) / cells),
        'grid',
      );
    }
    const list = sorted().filter((s) => s.feasible);
    const pick = direction === 'smallest' ? list[0] : list.at(-1);
    value = pick ? pick.value : null;
  }
  // Bisection keeps feasibility consistent by construction; re-check over everything evaluated all the same.
  if (monotone && switches(sorted()) > 1) {
    monotone = false;
    monotoneEvidence = evidenceOf(sorted());
  }

  const result = targetResult(scenario, options, {
    arm,
    seeds,
    steps,
    runsAt,
    value,
    monotone,
    monotoneEvidence,
    method,
    bracket,
    current,
  });
  onProgress?.(runsDone, runsDone);
  return result;
}

/** The values of a target grid: `count` evenly spaced values from min to max, both included. */
export function targetGridValues(min: number, max: number, count: number): number[] {
  // Rounded as sweep ranges are, so values print as a person would write them.
  return Array.from({ length: count }, (_, i) =>
    i === count - 1 ? max : Number((min + ((max - min) * i) / (count - 1)).toPrecision(12)),
  );
}

/**
 * The grid form of the target finder (`options.grid` values) as one batch plan: the grid values and the scenario's
 * current value (for the cost change) with every seed, value-major.
 */
export function targetGridBatch(scenario: Scenario, options: TargetOptions): BatchPlan<TargetResult> {
  const arm = checkTargetOptions(scenario, options);
  const count = options.grid;
  if (count === undefined) throw new RangeError('a target grid needs the number of values');
  const { param, min, max, targets } = options;
  const direction = options.direction ?? 'smallest';
  const confidence = options.confidence ?? 'ci';
  const seeds = seedsFor(options.seed ?? scenario.seed, options.replications ?? scenario.replications);
  const current = currentParamValue(scenario, param, arm);
  const values = targetGridValues(min, max, count);
  let runValues = values;
  if (current !== null && !values.includes(current)) {
    try {
      withParam(scenario, param, current);
      runValues = [...values, current];
    } catch (e) {
      if (!(e instanceof ScenarioPathError)) throw e;
    }
  }
  const tasks: RunTask[] = runValues.flatMap((v) => {
    const s = withParam(scenario, param, v);
    return seeds.map((seed) => ({ scenario: s, armId: arm, seed }));
  });
  const metricNames = [...new Set([...targets.map((t) => t.metric), ...COST_METRICS])];
  const summarise = (results: RunResult[]): TargetResult => {
    const runsAt = new Map<number, RunResult[]>();
    runValues.forEach((v, i) => runsAt.set(v, results.slice(i * seeds.length, (i + 1) * seeds.length)));
    const steps: TargetStep[] = values.map((v) => {
      const metrics = estimatesAt(runsAt.get(v) ?? [], metricNames);
      const feasible = targets.every((t) => targetHolds(t, metrics[t.metric] as MetricEstimate, confidence));
      return { value: v, phase: 'grid', feasible, metrics };
    });
    const switchCount = steps.reduce((n, s, i) => (i > 0 && s.feasible !== steps[i - 1]?.feasible ? n + 1 : n), 0);
    const monotone = switchCount <= 1;
    const idx =
      direction === 'smallest' ? steps.findIndex((s) => s.feasible) : steps.map((s) => s.feasible).lastIndexOf(true);
    const found = steps[idx];
    const neighbour = steps[direction === 'smallest' ? idx - 1 : idx + 1];
    return targetResult(scenario, options, {
      arm,
      seeds,
      steps,
      runsAt,
      value: found ? found.value : null,
      monotone,
      monotoneEvidence: monotone ? undefined : evidenceOf(steps),
      method: 'grid',
      // On a monotone grid the answer lies between the last failing and the first passing value.
      bracket: monotone && found && neighbour ? [neighbour.value, found.value] : undefined,
      current,
    });
  };
  return { tasks, summarise };
}
