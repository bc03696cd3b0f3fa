/**
 * A sweep to a precision (issue 21 item 2): every value is a comparison run in rounds of seeds, in seed order, as
 * `compare --precision` runs one (sequential.ts): 3 seeds first, then 2 more at a time, only at the values whose
 * differences are not yet within ±precision of their means, up to the sweep's replications. Each round is one batch
 * over every value still going, so the threads stay busy. The rule reads only the seeds run so far, in order, so the
 * answer is the same with any executor, and each value's point is byte for byte that value's point in `sweep
 * --replications n` with the n it stopped at (its `replicationsByValue`).
 */
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { SENSITIVITY_PATHS } from './catalogue/index.ts';
import { planCompare, summariseCompare, type Comparison } from './compare.ts';
import type { CancelSignal, Executor, ProgressFn, RunTask } from './runTasks.ts';
import { unsettledOf, type StopReason } from './sequential.ts';
import { planSweep, summariseSweep, type SweepOptions, type SweepPlan, type SweepResult } from './sweep.ts';

/** How far to go at each value. */
export interface SweepPrecision {
  /** Half-width of each 95% interval as a share of the difference's mean (0.2: within ±20%). */
  precision: number;
  /** Replications per arm before the rule is first applied (3). */
  minReplications?: number;
  /** Replications per arm added to an unsettled value each round (2). */
  step?: number;
  /** The differences that must be precise (default: the six `fairpace sensitivity` reports). */
  metrics?: readonly string[];
}

/** A sweep with how it was reached. */
export interface SequentialSweep {
  sweep: SweepResult & {
    /** Replications each value ran on, in the order of `values`. */
    replicationsByValue: number[];
  };
  /** Runs made, and the runs `sweep` makes on every seed. */
  runs: number;
  fullRuns: number;
  /** `precise`: every value's differences within the precision; `limit`: some reached every seed still wider. */
  stopped: StopReason;
  /** The values still wider than the precision at the stop. */
  unsettled: number[];
}

/** Runs the sweep in rounds until every value is precise or has run on every seed. */
export async function sweepToPrecision(
  scenario: Scenario,
  options: SweepOptions,
  precision: SweepPrecision,
  execute: Executor,
  onRound?: (partial: SequentialSweep) => void,
  onProgress?: ProgressFn,
  signal?: CancelSignal,
): Promise<SequentialSweep> {
  if (!(precision.precision > 0)) throw new RangeError(`precision must be above 0 (got ${precision.precision})`);
  const full = planSweep(scenario, options);
  const step = Math.max(1, precision.step ?? 2);
  const metrics = precision.metrics ?? SENSITIVITY_PATHS;
  const points = full.points.map((p) => {
    const max = p.plan.seeds.length;
    return {
      max,
      min: Math.min(max, Math.max(1, precision.minReplications ?? 3)),
      arms: p.plan.armIds.length,
      // Results by arm, by seed index.
      byArm: p.plan.armIds.map((): RunResult[] => []),
      n: 0,
      settled: false,
      comparison: undefined as Comparison | undefined,
      unsettled: [] as string[],
    };
  });
  const fullRuns = full.tasks.length;
  let runs = 0;
  for (;;) {
    // This round's tasks: at each value still going, the next seeds of every arm.
    const tasks: RunTask[] = [];
    const sinks: { point: number; arm: number; seed: number }[] = [];
    full.points.forEach((p, i) => {
      const at = points[i] as (typeof points)[number];
      if (at.settled) return;
      const next = at.n === 0 ? at.min : Math.min(at.max, at.n + step);
      p.plan.armIds.forEach((_, a) => {
        for (let s = at.n; s < next; s++) {
          tasks.push(p.plan.tasks[a * at.max + s] as RunTask);
          sinks.push({ point: i, arm: a, seed: s });
        }
      });
    });
    const before = runs;
    const results = await execute(tasks, onProgress ? (k) => onProgress(before + k, fullRuns) : undefined, signal);
    results.forEach((r, k) => {
      const sink = sinks[k] as (typeof sinks)[number];
      ((points[sink.point] as (typeof points)[number]).byArm[sink.arm] as RunResult[])[sink.seed] = r;
    });
    runs += tasks.length;
    full.points.forEach((p, i) => {
      const at = points[i] as (typeof points)[number];
      if (at.settled) return;
      at.n = at.n === 0 ? at.min : Math.min(at.max, at.n + step);
      const plan = planCompare(p.scenario, { ...options, replications: at.n });
      at.comparison = summariseCompare(p.scenario, plan, at.byArm.flat());
      at.unsettled = unsettledOf(at.comparison, metrics, precision.precision, at.byArm[0]);
      at.settled = at.unsettled.length === 0 || at.n >= at.max;
    });
    const partial = answer();
    if (points.every((p) => p.settled)) {
      onProgress?.(runs, runs);
      return partial;
    }
    onRound?.(partial);
  }

  /** The sweep of the seeds run so far at each value. */
  function answer(): SequentialSweep {
    const plan: SweepPlan = {
      points: full.points.map((p, i) => ({
        value: p.value,
        scenario: p.scenario,
        plan: planCompare(p.scenario, { ...options, replications: (points[i] as (typeof points)[number]).n }),
      })),
      tasks: [],
    };
    plan.tasks = plan.points.flatMap((p) => p.plan.tasks);
    const results = points.flatMap((p) => p.byArm.flatMap((arm) => arm.slice(0, p.n)));
    const sweep = summariseSweep(scenario, options, plan, results);
    const most = plan.points.reduce((a, p) => (p.plan.seeds.length > a.length ? p.plan.seeds : a), [] as number[]);
    const unsettled = full.points.filter((_, i) => (points[i] as (typeof points)[number]).unsettled.length > 0);
    return {
      sweep: { ...sweep, seeds: most, replicationsByValue: points.map((p) => p.n) },
      runs,
      fullRuns,
      stopped: unsettled.length === 0 ? 'precise' : 'limit',
      unsettled: unsettled.map((p) => p.value),
    };
  }
}
