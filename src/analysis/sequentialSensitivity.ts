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
 * The score's interval is sensitivityRows.ts's. The rule reads only the results of the seeds run so
 * far, in seed order, so the answer is the same whatever the executor or worker count. A parameter refined to every
 * seed has exactly the row `sensitivity` gives it.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { FIRST_PROVISIONAL_SEEDS } from './provisional.ts';
import { seedsFor, type CancelSignal, type Executor, type ProgressFn, type RunTask } from './runTasks.ts';
import {
  differencesOf,
  planSensitivity,
  sensitivityResult,
  type ParamEffect,
  type Resolved,
  type SensitivityOptions,
  type SensitivityResult,
} from './sensitivity.ts';
import {
  answerSoFar,
  roundStretches,
  StretchTally,
  type Counts,
  type SeedStretch,
  type SensitivityRuns,
  type SensitivityStepFn,
} from './sensitivityProgress.ts';
import { rowOf, type PairRuns, type Row } from './sensitivityRows.ts';

export { changesOf, flipInDoubt, scoreInterval } from './sensitivityRows.ts';

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

/**
 * Runs the sensitivity analysis in rounds until every parameter is settled or has run on every seed. `onRound` gets
 * the ranking after each round but the last; `onStep` gets the ranking so far as each stretch of seeds completes
 * (see sensitivityProgress.ts), never the final answer, which is only returned.
 */
export async function sensitivityToPrecision(
  scenario: Scenario,
  options: SensitivityOptions,
  precision: SensitivityPrecision,
  execute: Executor,
  onRound?: (partial: SequentialSensitivity) => void,
  onProgress?: ProgressFn,
  signal?: CancelSignal,
  onStep?: SensitivityStepFn,
): Promise<SequentialSensitivity> {
  if (!(precision.precision > 0)) throw new RangeError(`precision must be above 0 (got ${precision.precision})`);
  const { arms, params, skipped } = planSensitivity(scenario, options);
  const max = options.replications ?? scenario.replications;
  const seeds = seedsFor(options.seed ?? scenario.seed, max);
  const min = Math.min(max, Math.max(2, precision.minReplications ?? 3));
  const step = Math.max(1, precision.step ?? 2);
  const fullRuns = (1 + 2 * params.length) * 2 * max;
  // A bar is shown from this many seeds: one seed has no interval, unless one seed is all there is.
  const shownAt = Math.min(FIRST_PROVISIONAL_SEEDS, min);

  const base: PairRuns = [[], []];
  const lows: PairRuns[] = params.map(() => [[], []]);
  const highs: PairRuns[] = params.map(() => [[], []]);
  const ran: SensitivityRuns = { scenario, arms, seeds, params, skipped, base, lows, highs };
  const done = params.map(() => 0);
  let baseDone = 0;
  let runs = 0;

  const variants = (v: number): PairRuns[] => (v < 0 ? [base] : [lows[v] as PairRuns, highs[v] as PairRuns]);
  const scenariosOf = (v: number): Scenario[] =>
    v < 0 ? [scenario] : [(params[v] as Resolved).lowScenario, (params[v] as Resolved).highScenario];

  let wanted = params.map(() => min);
  let first = true;
  for (;;) {
    const stretches = roundStretches(
      first ? [0, max] : null,
      params.map((_, i) => [done[i] as number, Math.max(done[i] as number, wanted[i] as number)]),
      shownAt,
    );
    // Each task with where its result goes: variant's pair (low or high end), arm, seed index; and its stretch.
    const tasks: RunTask[] = [];
    const sinks: { into: RunResult[]; seed: number; stretch: number }[] = [];
    stretches.forEach(({ variant, from, to }, k) => {
      const pairs = variants(variant);
      scenariosOf(variant).forEach((s, e) => {
        arms.forEach((armId, a) => {
          for (let seed = from; seed < to; seed++) {
            tasks.push({ scenario: s, armId, seed: seeds[seed] as number });
            sinks.push({ into: (pairs[e] as PairRuns)[a] as RunResult[], seed, stretch: k });
          }
        });
      });
    });
    const perStretch = stretches.map(() => 0);
    for (const t of sinks) perStretch[t.stretch] = (perStretch[t.stretch] ?? 0) + 1;

    // The counts after each stretch (base, each parameter) and the runs read by then: what its answer rests on.
    const after: Counts[] = [];
    {
      const counts = { base: baseDone, params: [...done], runs };
      stretches.forEach(({ variant, to }, k) => {
        if (variant < 0) counts.base = to;
        else counts.params[variant] = to;
        counts.runs += perStretch[k] as number;
        after.push({ base: counts.base, params: [...counts.params], runs: counts.runs });
      });
    }
    const tally = new StretchTally(perStretch);
    const reported = new Uint8Array(tasks.length);
    // The answers of the stretches complete so far, in order; the last stretch completes with the batch, and its
    // answer is the round's, said only when another round follows (the final answer is returned, not shown).
    const say = (upto: number) => {
      for (const k of tally.takeEach(upto)) {
        if ((stretches[k] as SeedStretch).variant < 0) continue; // the base's seeds move no bar
        const soFar = answerSoFar(ran, after[k] as Counts, shownAt);
        if (soFar) onStep?.(soFar);
      }
    };
    const place = (index: number, result: RunResult) => {
      const sink = sinks[index] as (typeof sinks)[number];
      sink.into[sink.seed] = result;
      if (reported[index] === 1) return;
      reported[index] = 1;
      tally.add(sink.stretch);
    };
    const onResult = onStep
      ? (index: number, result: RunResult) => {
          place(index, result);
          say(stretches.length - 1);
        }
      : undefined;

    const before = runs;
    const results = await execute(
      tasks,
      onProgress ? (k) => onProgress(before + k, fullRuns) : undefined,
      signal,
      onResult,
    );
    // The batch's own results are what the rule reads (an executor need not pass results on as they finish; then
    // the answers so far all come now, in the same order).
    results.forEach((r, k) => place(k, r));
    if (onStep) say(stretches.length - 1);
    for (const { variant, to } of stretches) {
      if (variant < 0) baseDone = Math.max(baseDone, to);
      else done[variant] = Math.max(done[variant] as number, to);
    }
    first = false;
    runs += tasks.length;

    const outcome = summarise(ran, done, precision.precision);
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
    if (onStep) say(stretches.length);
    wanted = next;
  }
}

/** The ranking from the runs so far, and which parameters are not yet settled. */
function summarise(
  runs: SensitivityRuns,
  done: number[],
  precision: number,
): { result: SequentialSensitivity['result']; unsettledIdx: Set<number> } {
  const { scenario, arms, seeds, params, skipped, base, lows, highs } = runs;
  const max = seeds.length;
  const baseAll = differencesOf(base[0], base[1]);
  const rows = params.map((p, i) =>
    rowOf(p, done[i] as number, base, lows[i] as PairRuns, highs[i] as PairRuns, baseAll, max),
  );
  const effects = rows.map((r) => r.effect);
  const intervals = rows.map((r) => r.interval);

  const unsettledIdx = new Set<number>();
  params.forEach((p, i) => {
    if ((done[i] as number) >= max) return;
    const [lo, hi] = intervals[i] as [number, number];
    const score = (effects[i] as ParamEffect).score;
    const half = (hi - lo) / 2;
    const known = hi <= NEGLIGIBLE || hi - lo <= NEGLIGIBLE || half <= precision * score;
    const alone = intervals.every(([l, h], j) => j === i || h < lo || l > hi);
    if (!(known || alone) || (rows[i] as Row).doubt) unsettledIdx.add(i);
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
