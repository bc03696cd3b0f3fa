/**
 * A sweep to a precision (issue 21 item 2): every value is a comparison run in rounds of seeds, in seed order, as
 * `compare --precision` runs one (sequential.ts): 3 seeds first, then 2 more at a time, only at the values whose
 * differences (with one arm, levels) are not yet within ±precision of their means or of the spread of their means
 * over every value, whichever is larger, up to the sweep's replications. Each round is one batch
 * over every value still going, so the threads stay busy. The rule reads only the seeds run so far, in order, so the
 * answer is the same with any executor, and each value's point is byte for byte that value's point in `sweep
 * --replications n` with the n it stopped at (its `replicationsByValue`).
 */
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { SENSITIVITY_PATHS } from './catalogue/index.ts';
import { planCompare, summariseCompare, type Comparison } from './compare.ts';
import type { ProvisionalAnswer } from './prefixBatch.ts';
import { FIRST_PROVISIONAL_SEEDS, StretchTally } from './provisional.ts';
import type { CancelSignal, Executor, ProgressFn, RunTask } from './runTasks.ts';
import { estimatesOf, unsettledOf, type StopReason } from './sequential.ts';
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
  /** The plan and results `sweep` summarises (each value's comparison on its seeds), for per-arm intervals. */
  plan: SweepPlan;
  results: RunResult[];
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
  show?: (answer: ProvisionalAnswer<SequentialSweep>) => void,
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
    // This round's tasks, seed by seed: at each value still going, the next seed of every arm side by side (so a
    // value's arms can share their warm-up), then the seed after. Every value still going has run the same seeds.
    const open = points.flatMap((at, i) => (at.settled ? [] : [i]));
    const n = (points[open[0] as number] as (typeof points)[number]).n;
    const first = points[open[0] as number] as (typeof points)[number];
    const add = (n === 0 ? first.min : Math.min(first.max, n + step)) - n;
    const tasks: RunTask[] = [];
    const sinks: { point: number; arm: number; seed: number }[] = [];
    for (let j = 0; j < add; j++) {
      for (const i of open) {
        const p = full.points[i] as (typeof full.points)[number];
        const at = points[i] as (typeof points)[number];
        p.plan.armIds.forEach((_, a) => {
          tasks.push(p.plan.tasks[a * at.max + n + j] as RunTask);
          sinks.push({ point: i, arm: a, seed: n + j });
        });
      }
    }
    // A provisional sweep as each seed of the round is done at every value still going (the last one waits for the
    // round's verdict, which may end the sweep).
    const tally = new StretchTally(add, tasks.length / add);
    const onResult = (k: number, r: RunResult) => {
      const sink = sinks[k] as (typeof sinks)[number];
      const arm = (points[sink.point] as (typeof points)[number]).byArm[sink.arm] as RunResult[];
      if (arm[sink.seed] !== undefined) return;
      arm[sink.seed] = r;
      const complete = tally.add(k);
      if (!show || complete === null) return;
      showIf(answer((i) => (open.includes(i) ? n + complete : (points[i] as (typeof points)[number]).n)));
    };
    const before = runs;
    const results = await execute(
      tasks,
      onProgress ? (k) => onProgress(before + k, fullRuns) : undefined,
      signal,
      onResult,
    );
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
    });
    // A curve is read by its shape: a point is precise when its interval is within ±precision of its own size or of
    // the curve's spread over every value, whichever is larger (a margin that crosses zero is still drawn right).
    const floors = spreads(points.map((at) => estimatesOf(at.comparison as Comparison, metrics, at.byArm[0])));
    for (const at of points) {
      if (at.settled) continue;
      at.unsettled = unsettledOf(at.comparison as Comparison, metrics, precision.precision, at.byArm[0], floors);
      at.settled = at.unsettled.length === 0 || at.n >= at.max;
    }
    const partial = answer();
    if (points.every((p) => p.settled)) {
      onProgress?.(runs, runs);
      return partial;
    }
    onRound?.(partial);
    showIf(partial);
  }

  /** Shows a provisional sweep once every value stands on `FIRST_PROVISIONAL_SEEDS` seeds. */
  function showIf(partial: SequentialSweep): void {
    const fewest = Math.min(...partial.sweep.replicationsByValue);
    if (show && fewest >= FIRST_PROVISIONAL_SEEDS) {
      show({ answer: partial, replications: fewest, of: Math.max(...points.map((p) => p.max)) });
    }
  }

  /** The sweep of the seeds run so far at each value (or of the first `count(i)` at value i). */
  function answer(count: (i: number) => number = (i) => (points[i] as (typeof points)[number]).n): SequentialSweep {
    const plan: SweepPlan = {
      points: full.points.map((p, i) => ({
        value: p.value,
        scenario: p.scenario,
        plan: planCompare(p.scenario, { ...options, replications: count(i) }),
      })),
      tasks: [],
    };
    plan.tasks = plan.points.flatMap((p) => p.plan.tasks);
    const results = points.flatMap((p, i) => p.byArm.flatMap((arm) => arm.slice(0, count(i))));
    const sweep = summariseSweep(scenario, options, plan, results);
    const most = plan.points.reduce((a, p) => (p.plan.seeds.length > a.length ? p.plan.seeds : a), [] as number[]);
    const unsettled = full.points.filter((_, i) => (points[i] as (typeof points)[number]).unsettled.length > 0);
    return {
      sweep: { ...sweep, seeds: most, replicationsByValue: points.map((_, i) => count(i)) },
      plan,
      results,
      runs,
      fullRuns,
      stopped: unsettled.length === 0 ? 'precise' : 'limit',
      unsettled: unsettled.map((p) => p.value),
    };
  }
}

/** Each estimate's spread over the points: the largest mean less the smallest (finite means only). */
function spreads(points: readonly ReadonlyMap<string, { mean: number } | undefined>[]): Map<string, number> {
  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  for (const estimates of points) {
    for (const [key, d] of estimates) {
      if (!d || !Number.isFinite(d.mean)) continue;
      lo.set(key, Math.min(lo.get(key) ?? Infinity, d.mean));
      hi.set(key, Math.max(hi.get(key) ?? -Infinity, d.mean));
    }
  }
  return new Map([...lo].map(([key, low]) => [key, (hi.get(key) as number) - low]));
}
