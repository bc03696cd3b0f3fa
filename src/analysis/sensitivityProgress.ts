/**
 * The sequential tornado's answer so far (issue 21 item 1): a round of `sensitivityToPrecision` is cut into stretches
 * of seeds, one variant each (the base comparison, or one parameter's low and high ends), run in an order that makes
 * the first bars come early: the base's first seeds, then each parameter's first seeds in turn, then the next seed of
 * each. As the stretches complete, in that order and never in the order a worker happened to finish them, the ranking
 * of the parameters that have their first seeds is an answer so far; each row is exactly the row `sensitivity` gives
 * that parameter on its seeds. So the answers so far are the same for any executor or worker count, and reading them
 * changes nothing the stopping rule computes.
 */
import type { Scenario } from '../scenario/schema.ts';
import { differencesOf, sensitivityResult, type Resolved, type SensitivityResult } from './sensitivity.ts';
import { firstSeeds, rowOf, type PairRuns, type Row } from './sensitivityRows.ts';

/** Seeds [from, to) of one variant in a round: the base comparison (`variant` -1) or parameter `variant`. */
export interface SeedStretch {
  variant: number;
  from: number;
  to: number;
}

/**
 * A round's stretches in the order they run. A variant's seeds [from, to) become a first stretch up to `first` seeds
 * (a bar is shown from there), then one seed at a time. Stretches are ordered by the seed count they bring their
 * variant to, the base before the parameters and the parameters in their listed order, so that no parameter's
 * stretch comes before the base's on the same seeds.
 */
export function roundStretches(
  base: [number, number] | null,
  params: readonly [number, number][],
  first: number,
): SeedStretch[] {
  const out: SeedStretch[] = [];
  const cut = (variant: number, from: number, to: number) => {
    let at = from;
    if (at < first && at < to) {
      out.push({ variant, from: at, to: Math.min(first, to) });
      at = Math.min(first, to);
    }
    for (; at < to; at++) out.push({ variant, from: at, to: at + 1 });
  };
  if (base) cut(-1, base[0], base[1]);
  params.forEach(([from, to], i) => cut(i, from, to));
  // A stable sort: equal ends keep the base first and the parameters in order.
  return out
    .map((s, k) => ({ s, k }))
    .sort((a, b) => a.s.to - b.s.to || a.k - b.k)
    .map(({ s }) => s);
}

/**
 * Which stretches are complete, in their order: tasks report in, in any order, and `takeEach` gives each newly
 * complete stretch of the longest complete run from the first, once (the same list whatever the finishing order).
 */
export class StretchTally {
  private readonly missing: number[];
  private complete = 0;
  private taken = 0;

  /** `tasks[k]`: how many tasks stretch k has. */
  constructor(tasks: readonly number[]) {
    this.missing = [...tasks];
  }

  /** One task of stretch `k` is in (each task reported once). */
  add(k: number): void {
    this.missing[k] = (this.missing[k] ?? 0) - 1;
    while (this.complete < this.missing.length && (this.missing[this.complete] as number) <= 0) this.complete += 1;
  }

  /** Stretches complete from the first, not taken yet, up to (not including) `upto`; marks them taken. */
  takeEach(upto: number = this.missing.length): number[] {
    const end = Math.min(this.complete, upto);
    const out: number[] = [];
    for (let k = this.taken; k < end; k++) out.push(k);
    this.taken = Math.max(this.taken, end);
    return out;
  }
}

/** The ranking so far of a sequential sensitivity analysis. */
export interface SensitivityProvisional {
  /**
   * The parameters shown so far, ranked, each row on its own seeds (`replicationsByParam`); `base` and `seeds` are
   * the base comparison's seeds done so far.
   */
  result: SensitivityResult & {
    replicationsByParam: Record<string, number>;
    scoreInterval: Record<string, [number, number]>;
  };
  /** Parameters not shown yet (their first seeds are not done), in listed order. */
  pending: string[];
  /** The fewest seeds a shown parameter rests on (the mark's k). */
  replications: number;
  /** The most seeds a parameter can get (the mark's n). */
  of: number;
  /** Parameters in all, shown and pending. */
  params: number;
  /** Runs whose results this answer has read, earlier rounds included. */
  runs: number;
}

/** Receives each answer so far of a sequential sensitivity analysis. */
export type SensitivityStepFn = (answer: SensitivityProvisional) => void;

/** Seeds the base and each parameter have run on at some point of a round, and the runs made by then. */
export interface Counts {
  base: number;
  params: number[];
  runs: number;
}

/** What a sequential sensitivity analysis has run so far: its plan and, per variant, the two arms' runs by seed. */
export interface SensitivityRuns {
  scenario: Scenario;
  arms: [string, string];
  seeds: number[];
  params: Resolved[];
  skipped: { path: string; reason: string }[];
  base: PairRuns;
  lows: PairRuns[];
  highs: PairRuns[];
}

/**
 * The ranking so far, when the base has run on its first `at.base` seeds and parameter i on its first
 * `at.params[i]`: the parameters with at least `shownAt` seeds, each on its own seeds; null while there is none.
 */
export function answerSoFar(runs: SensitivityRuns, at: Counts, shownAt: number): SensitivityProvisional | null {
  const { scenario, arms, seeds, params, skipped, base, lows, highs } = runs;
  const count = (i: number) => at.params[i] as number;
  const shown = params.flatMap((_, i) => (count(i) >= shownAt ? [i] : []));
  if (shown.length === 0) return null;
  const b = firstSeeds(base, at.base);
  const baseAll = differencesOf(b[0], b[1]);
  const rows = shown.map((i) =>
    rowOf(params[i] as Resolved, count(i), base, lows[i] as PairRuns, highs[i] as PairRuns, baseAll, at.base),
  );
  const path = (i: number) => (params[i] as Resolved).path;
  const result = sensitivityResult(
    scenario,
    arms,
    seeds.slice(0, at.base),
    baseAll,
    rows.map((r) => r.effect),
    skipped,
  );
  return {
    result: {
      ...result,
      replicationsByParam: Object.fromEntries(shown.map((i) => [path(i), count(i)])),
      scoreInterval: Object.fromEntries(shown.map((i, k) => [path(i), (rows[k] as Row).interval])),
    },
    pending: params.flatMap((p, i) => (count(i) < shownAt ? [p.path] : [])),
    replications: Math.min(...shown.map(count)),
    of: seeds.length,
    params: params.length,
    runs: at.runs,
  };
}
