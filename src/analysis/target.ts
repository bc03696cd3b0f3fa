/**
 * The target finder: the smallest (or largest) value of one scenario parameter within bounds at which every target on
 * the metrics of one arm holds, with the stated confidence over replications. Every value runs with the same seeds
 * (common random numbers), so the metrics move only with the parameter. The search evaluates the bounds and three
 * interior points first; when feasibility switches at most once along them it bisects the bracket, otherwise it says
 * the predicate is not monotone and scans a grid over the whole range.
 */
import { rulesForArm } from '../scenario/rulesForArm.ts';
import { digestOf } from '../scenario/canonical.ts';
import { getPath, withParam, ScenarioPathError } from '../scenario/paths.ts';
import { SCHEMA_VERSION, type Rules, type Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../version.ts';
import { isMetricPath } from './metricList.ts';
import { metricAt } from './metricPaths.ts';
import { runBatchPlan, type BatchPlan } from './batchPlan.ts';
import { runInProcess, seedsFor, type CancelSignal, type Executor, type ProgressFn, type RunTask } from './runTasks.ts';
import { valueBounds } from './metricBounds.ts';
import { boundedInterval, pairedDifference, type Difference } from './stats.ts';
import { moneyChange, type MoneyChange } from './targetMoney.ts';

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

/** What to search. */
export interface TargetOptions {
  /** Dotted scenario path of a numeric parameter (a `rules.*` path is set in the base rules and every arm). */
  param: string;
  min: number;
  max: number;
  targets: TargetSpec[];
  /** `smallest` (default) or `largest` value that meets every target. */
  direction?: 'smallest' | 'largest';
  /** Arm whose metrics must meet the targets (default: the last arm, the proposal side of a comparison). */
  arm?: string;
  replications?: number;
  seed?: number;
  /**
   * `ci` (default): the unfavourable end of the 95% interval must meet the target (the upper end for `<=`/`<`, the
   * lower end for `>=`/`>`); `mean`: the mean must.
   */
  confidence?: 'mean' | 'ci';
  /** Most parameter values evaluated, bounds included (default 20, at least 5). */
  maxSteps?: number;
  /** Bisection stops when the bracket is this narrow (default: (max − min) / 1000). */
  tolerance?: number;
  /**
   * Instead of the search: evaluate this many evenly spaced values from min to max (both included) in one batch and
   * take the smallest (largest) that meets every target. One batch can be split over machines; the search cannot.
   */
  grid?: number;
}

/** Most values of a target grid. */
export const MAX_TARGET_GRID = 1000;

/** A metric's mean over replications with its 95% t interval. */
export interface MetricEstimate {
  mean: number;
  ci95: [number, number];
}

/** One evaluated value of the parameter. */
export interface TargetStep {
  value: number;
  phase: 'initial' | 'bisection' | 'grid';
  feasible: boolean;
  /** The target metrics and platform.courierPay / platform.margin at this value. */
  metrics: Record<string, MetricEstimate>;
}

/** Courier pay and margin per day (CNY) with intervals, and the paired change from the scenario's current value. */
export interface PlatformCost {
  currentValue: number;
  at: { courierPay: MetricEstimate; margin: MetricEstimate };
  current: { courierPay: MetricEstimate; margin: MetricEstimate };
  /** Found value minus current value, paired over the same seeds. */
  change: { courierPay: Difference; margin: Difference };
  /** What couriers gain, what the platform pays and where the difference goes (from the runs' ledgers). */
  money?: MoneyChange;
}

/** The `fairpace target` output. */
export interface TargetResult {
  schemaVersion: number;
  fairpaceVersion: string;
  /** The model fingerprint of the build that computed this (SHA-256 over src/sim and the scenario defaults). */
  modelDigest: string;
  scenarioDigest: string;
  param: string;
  min: number;
  max: number;
  direction: 'smallest' | 'largest';
  confidence: 'mean' | 'ci';
  /** The value found, or null when no evaluated value meets every target. */
  value: number | null;
  reached: boolean;
  message: string;
  targets: (TargetSpec & { achieved: number | null; ci95: [number, number] | null; met: boolean })[];
  arm: string;
  seeds: number[];
  /** Whether feasibility switched at most once along the evaluated values (what bisection relies on). */
  monotone: boolean;
  /** Why the predicate is not monotone (the evaluated values and their feasibility), when it is not. */
  monotoneEvidence?: string;
  method: 'bisection' | 'grid';
  /** With bisection: the last bracket, infeasible end and feasible end (its width is the answer's resolution). */
  bracket?: [number, number];
  steps: TargetStep[];
  platformCost: PlatformCost | null;
}

/** The metrics every step records besides the targets': what the answer costs. */
export const COST_METRICS = ['platform.courierPay', 'platform.margin'] as const;

/** Checks the options and throws RangeError / ScenarioPathError naming the bad input; returns the resolved arm. */
export function checkTargetOptions(scenario: Scenario, options: TargetOptions): string {
  if (!Number.isFinite(options.min) || !Number.isFinite(options.max))
    throw new RangeError('min and max must be numbers');
  if (!(options.max > options.min)) throw new RangeError(`max (${options.max}) must be above min (${options.min})`);
  if (options.targets.length === 0) throw new RangeError('at least one target is needed');
  for (const t of options.targets) {
    if (!isMetricPath(t.metric)) throw new RangeError(`unknown metric path '${t.metric}'`);
    if (!TARGET_OPS.includes(t.op)) throw new RangeError(`unknown operator '${String(t.op)}' (use <=, >=, < or >)`);
    if (!Number.isFinite(t.threshold)) throw new RangeError(`threshold of '${t.metric}' must be a number`);
  }
  const arm = options.arm ?? scenario.arms.at(-1)?.id ?? '';
  rulesForArm(scenario, arm);
  withParam(scenario, options.param, options.min);
  withParam(scenario, options.param, options.max);
  if (options.maxSteps !== undefined && !(Number.isInteger(options.maxSteps) && options.maxSteps >= 5)) {
    throw new RangeError('maxSteps must be a whole number of at least 5');
  }
  if (options.tolerance !== undefined && !(options.tolerance > 0)) throw new RangeError('tolerance must be positive');
  const grid = options.grid;
  if (grid !== undefined && !(Number.isInteger(grid) && grid >= 2 && grid <= MAX_TARGET_GRID)) {
    throw new RangeError(`grid must be a whole number from 2 to ${MAX_TARGET_GRID}`);
  }
  return arm;
}

/** The parameter's value for the arm as the scenario stands (an arm's own rule override counts). */
export function currentParamValue(scenario: Scenario, param: string, arm: string): number | null {
  const value = param.startsWith('rules.')
    ? getPath(rulesForArm(scenario, arm), param.slice('rules.'.length))
    : getPath(scenario, param);
  return typeof value === 'number' ? value : null;
}

/** Whether one target holds for an estimate under the confidence rule. */
export function targetHolds(t: TargetSpec, e: MetricEstimate, confidence: 'mean' | 'ci'): boolean {
  const upper = t.op === '<=' || t.op === '<';
  const x = confidence === 'mean' ? e.mean : upper ? e.ci95[1] : e.ci95[0];
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

/** Finds the value; see the module comment. Deterministic for the same options, whatever the executor. */
export async function findTarget(
  scenario: Scenario,
  options: TargetOptions,
  execute: Executor = runInProcess,
  onProgress?: ProgressFn,
  signal?: CancelSignal,
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

/** What a search or a grid found, for `targetResult`. */
export interface Found {
  arm: string;
  seeds: number[];
  steps: TargetStep[];
  runsAt: Map<number, RunResult[]>;
  value: number | null;
  monotone: boolean;
  monotoneEvidence: string | undefined;
  method: TargetResult['method'];
  bracket: [number, number] | undefined;
  current: number | null;
}

/** The result of a search or grid from what it found (shared with the sequential search, targetSequential.ts). */
export function targetResult(scenario: Scenario, options: TargetOptions, found: Found): TargetResult {
  const { param, min, max, targets } = options;
  const direction = options.direction ?? 'smallest';
  const confidence = options.confidence ?? 'ci';
  const { arm, seeds, steps, runsAt, value, monotone, monotoneEvidence, method, bracket, current } = found;
  const metricNames = [...new Set([...targets.map((t) => t.metric), ...COST_METRICS])];
  const at = value === null ? undefined : estimatesAt(runsAt.get(value) ?? [], metricNames);
  const reached = value !== null;
  return {
    schemaVersion: SCHEMA_VERSION,
    fairpaceVersion: FAIRPACE_VERSION,
    modelDigest: MODEL_DIGEST,
    scenarioDigest: digestOf(scenario),
    param,
    min,
    max,
    direction,
    confidence,
    value,
    reached,
    message: reached
      ? `${param} = ${value} is the ${direction} value in [${min}, ${max}] found to meet every target`
      : 'no value in bounds meets the targets',
    targets: targets.map((t) => {
      const e = at?.[t.metric];
      return {
        ...t,
        achieved: e ? e.mean : null,
        ci95: e ? e.ci95 : null,
        met: e ? targetHolds(t, e, confidence) : false,
      };
    }),
    arm,
    seeds,
    monotone,
    ...(monotoneEvidence !== undefined ? { monotoneEvidence } : {}),
    method,
    ...(bracket ? { bracket } : {}),
    steps,
    platformCost:
      value !== null && current !== null ? costOf(runsAt, value, current, rulesForArm(scenario, arm)) : null,
  };
}

/** Each metric's mean and 95% interval over runs, cut to the values the metric can take. */
export function estimatesAt(runs: RunResult[], paths: readonly string[]): Record<string, MetricEstimate> {
  const out: Record<string, MetricEstimate> = {};
  for (const path of paths) {
    const { mean, ci95 } = boundedInterval(
      runs.map((r) => metricAt(r.metrics, path) ?? Number.NaN),
      valueBounds(path),
    );
    out[path] = { mean, ci95 };
  }
  return out;
}

function costOf(runsAt: Map<number, RunResult[]>, value: number, current: number, rules: Rules): PlatformCost | null {
  const found = runsAt.get(value);
  const base = runsAt.get(current);
  if (!found || !base) return null;
  const series = (runs: RunResult[], path: string) => runs.map((r) => metricAt(r.metrics, path) ?? Number.NaN);
  const est = (runs: RunResult[]) =>
    estimatesAt(runs, COST_METRICS) as Record<(typeof COST_METRICS)[number], MetricEstimate>;
  const a = est(found);
  const b = est(base);
  const cost: PlatformCost = {
    currentValue: current,
    at: { courierPay: a['platform.courierPay'], margin: a['platform.margin'] },
    current: { courierPay: b['platform.courierPay'], margin: b['platform.margin'] },
    change: {
      courierPay: pairedDifference(series(base, 'platform.courierPay'), series(found, 'platform.courierPay')),
      margin: pairedDifference(series(base, 'platform.margin'), series(found, 'platform.margin')),
    },
  };
  const money = moneyChange(rules, base, found);
  return money ? { ...cost, money } : cost;
}

/** Why feasibility is not monotone along the evaluated values. */
export function evidenceOf(list: TargetStep[]): string {
  return `feasibility switches more than once along the evaluated values: ${list
    .map((s) => `${s.value} ${s.feasible ? 'meets' : 'fails'}`)
    .join(', ')}`;
}

/** Parses a target expression such as `earnings.shareBelowMinWage <= 0.05`; throws RangeError naming the problem. */
export function parseTarget(text: string): TargetSpec {
  const m = /^\s*([A-Za-z][\w.]*)\s*(<=|>=|<|>)\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*$/.exec(text);
  if (!m) throw new RangeError(`'${text}' is not a target: write "<metric path> <= value" (or >=, <, >)`);
  const [, metric, op, num] = m as unknown as [string, string, TargetOp, string];
  if (!isMetricPath(metric)) throw new RangeError(`'${text}': unknown metric path '${metric}'`);
  return { metric, op, threshold: Number(num) };
}
