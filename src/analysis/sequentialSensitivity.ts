/**
 * Sensitivity that screens, then refines (issue 21 item 2): every parameter's low and high ends are first run on a
 * few paired seeds; more seeds are added, a round at a time and in seed order, only to the parameters whose place in
 * the ranking or whose sign flip is still in doubt. The base comparison always runs on every seed (it is two runs a
 * seed, and its intervals are reported).
 *
 * A parameter is settled when
 * - its score is known: the 95% interval of its score (below) lies within `precision` of the score, or is no wider
 *   than `NEGLIGIBLE`, or lies wholly under it (a swing under 5% of the base difference's scale ranks among the
 *   negligible whatever its exact size); or
 * - its interval overlaps no other parameter's, so no seed can change its place; and
 * - no sign flip is in doubt: wherever the base difference's interval excludes zero, each end's change (paired by
 *   seed, so much tighter than the end's own interval) either cannot carry it across zero or certainly does.
 * A parameter whose runs are bit-identical to the base (no metric depends on it) has an exactly-zero score at once.
 *
 * The score's interval: for each headline metric and end, the per-seed change (end's difference − base difference,
 * both on that seed) has a t interval; its |·| bounds, divided by the same scale as the score, give the metric's
 * swing bounds, and the score's bounds are the largest of those. The rule reads only the results of the seeds run so
 * far, in seed order, so the answer is the same whatever the executor or worker count. A parameter refined to every
 * seed has exactly the row `sensitivity` gives it.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { metricAt } from './metricPaths.ts';
import { seedsFor, type CancelSignal, type Executor, type ProgressFn, type RunTask } from './runTasks.ts';
import {
  SENSITIVITY_METRICS,
  differencesOf,
  paramEffect,
  planSensitivity,
  scaleOf,
  sensitivityResult,
  type ParamEffect,
  type Resolved,
  type SensitivityOptions,
  type SensitivityResult,
} from './sensitivity.ts';
import { meanInterval, type Difference } from './stats.ts';

/** How far to refine. */
export interface SensitivityPrecision {
  /** A score is known when its interval's half-width is at most this share of the score (0.2: ±20%). */
  precision: number;
  /** Seeds before the rule is first applied (3). */
  minReplications?: number;
  /** Seeds added to each unsettled parameter per round (2). */
  step?: number;
}

/** A score interval under this (as a share of the base difference's scale) counts as negligible. */
export const NEGLIGIBLE = 0.05;

/** The sequential answer: the ranking, and how many seeds each parameter took and why it stopped. */
export interface SequentialSensitivity {
  result: SensitivityResult & {
    /** Seeds each parameter was run on, by path (the base ran on all of `seeds`). */
    replicationsByParam: Record<string, number>;
    /** Each parameter's score interval at the stop, by path. */
    scoreInterval: Record<string, [number, number]>;
  };
  /** Runs made, and the runs `sensitivity` makes on every seed. */
  runs: number;
  fullRuns: number;
  /** `settled`: every parameter settled; `limit`: some reached every seed still in doubt (listed). */
  stopped: 'settled' | 'limit';
  unsettled: string[];
}

/**
 * The replications a round's ranking rests on, for its provisional mark: the fewest seeds any parameter has run on
 * (every bar rests on at least these), or every seed when there is no parameter.
 */
export function roundReplications(result: SequentialSensitivity['result']): number {
  const counts = Object.values(result.replicationsByParam);
  return counts.length > 0 ? Math.min(...counts) : result.seeds.length;
}

/** Per seed index, the runs of the two arms: [first arm, second arm]. */
type PairRuns = [RunResult[], RunResult[]];

/** Per headline metric, the 95% intervals of the per-seed change at the low and at the high end. */
type Changes = Record<string, [Difference, Difference]>;

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

/** Runs the sensitivity analysis in rounds until every parameter is settled or has run on every seed. */
export async function sensitivityToPrecision(
  scenario: Scenario,
  options: SensitivityOptions,
  precision: SensitivityPrecision,
  execute: Executor,
  onRound?: (partial: SequentialSensitivity) => void,
  onProgress?: ProgressFn,
  signal?: CancelSignal,
): Promise<SequentialSensitivity> {
  if (!(precision.precision > 0)) throw new RangeError(`precision must be above 0 (got ${precision.precision})`);
  const { arms, params, skipped } = planSensitivity(scenario, options);
  const max = options.replications ?? scenario.replications;
  const seeds = seedsFor(options.seed ?? scenario.seed, max);
  const min = Math.min(max, Math.max(2, precision.minReplications ?? 3));
  const step = Math.max(1, precision.step ?? 2);
  const fullRuns = (1 + 2 * params.length) * 2 * max;

  const base: PairRuns = [[], []];
  const lows: PairRuns[] = params.map(() => [[], []]);
  const highs: PairRuns[] = params.map(() => [[], []]);
  const done = params.map(() => 0);
  let runs = 0;

  /** Adds seeds [from, to) of one variant's two arms to a batch, with where their results go. */
  const add = (tasks: RunTask[], sinks: RunResult[][], s: Scenario, into: PairRuns, from: number, to: number) => {
    arms.forEach((armId, a) => {
      for (let k = from; k < to; k++) {
        tasks.push({ scenario: s, armId, seed: seeds[k] as number });
        sinks.push(into[a] as RunResult[]);
      }
    });
  };

  let wanted = params.map(() => min);
  let first = true;
  for (;;) {
    const tasks: RunTask[] = [];
    const sinks: RunResult[][] = [];
    if (first) add(tasks, sinks, scenario, base, 0, max);
    params.forEach((p, i) => {
      const from = done[i] as number;
      const to = wanted[i] as number;
      if (to <= from) return;
      add(tasks, sinks, p.lowScenario, lows[i] as PairRuns, from, to);
      add(tasks, sinks, p.highScenario, highs[i] as PairRuns, from, to);
      done[i] = to;
    });
    first = false;
    const before = runs;
    const results = await execute(tasks, onProgress ? (k) => onProgress(before + k, fullRuns) : undefined, signal);
    results.forEach((r, k) => (sinks[k] as RunResult[]).push(r));
    runs += tasks.length;

    const outcome = summarise(scenario, arms, seeds, params, skipped, base, lows, highs, done, precision.precision);
    const next = params.map((_, i) =>
      outcome.unsettledIdx.has(i) ? Math.min(max, (done[i] as number) + step) : (done[i] as number),
    );
    const more = next.some((n, i) => n > (done[i] as number));
    const partial: SequentialSensitivity = {
      result: outcome.result,
      runs,
      fullRuns,
      stopped: outcome.unsettledIdx.size === 0 ? 'settled' : 'limit',
      unsettled: [...outcome.unsettledIdx].map((i) => (params[i] as Resolved).path),
    };
    if (!more) {
      // The bar ends full: the runs it skipped are not owed.
      onProgress?.(runs, runs);
      return partial;
    }
    onRound?.(partial);
    wanted = next;
  }
}

/** The ranking from the runs so far, and which parameters are not yet settled. */
function summarise(
  scenario: Scenario,
  arms: [string, string],
  seeds: number[],
  params: Resolved[],
  skipped: { path: string; reason: string }[],
  base: PairRuns,
  lows: PairRuns[],
  highs: PairRuns[],
  done: number[],
  precision: number,
): { result: SequentialSensitivity['result']; unsettledIdx: Set<number> } {
  const max = seeds.length;
  const baseAll = differencesOf(base[0], base[1]);
  const first = (r: PairRuns, n: number): PairRuns => [r[0].slice(0, n), r[1].slice(0, n)];
  const effects: ParamEffect[] = [];
  const intervals: [number, number][] = [];
  const doubts: boolean[] = [];
  params.forEach((p, i) => {
    const n = done[i] as number;
    const b = first(base, n);
    const baseN = n === max ? baseAll : differencesOf(b[0], b[1]);
    const low = first(lows[i] as PairRuns, n);
    const high = first(highs[i] as PairRuns, n);
    effects.push(paramEffect(p, baseN, differencesOf(low[0], low[1]), differencesOf(high[0], high[1])));
    const changes = changesOf(b, low, high, n);
    intervals.push(scoreInterval(changes, baseN));
    doubts.push(flipInDoubt(changes, baseN));
  });

  const unsettledIdx = new Set<number>();
  params.forEach((p, i) => {
    if ((done[i] as number) >= max) return;
    const [lo, hi] = intervals[i] as [number, number];
    const score = (effects[i] as ParamEffect).score;
    const half = (hi - lo) / 2;
    const known = hi <= NEGLIGIBLE || hi - lo <= NEGLIGIBLE || half <= precision * score;
    const alone = intervals.every(([l, h], j) => j === i || h < lo || l > hi);
    if (!(known || alone) || doubts[i]) unsettledIdx.add(i);
  });

  const result = sensitivityResult(scenario, arms, seeds, baseAll, effects, skipped);
  return {
    result: {
      ...result,
      replicationsByParam: Object.fromEntries(params.map((p, i) => [p.path, done[i] as number])),
      scoreInterval: Object.fromEntries(params.map((p, i) => [p.path, intervals[i] as [number, number]])),
    },
    unsettledIdx,
  };
}
