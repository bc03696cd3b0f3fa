/**
 * A zone that makes fewer runs for the same verdicts (issue 21 item 2): `fairpace zone --sequential` and the
 * workbench's zone. Every cell first runs on `minReplications` seeds (3); a cell whose two sides are both decided on
 * them (each side's limits all hold at the unfavourable end of their 95% intervals, or one fails at the favourable
 * end: `limitsDecided`) is judged there, and the others get `step` more seeds (2) at a time, in seed order, up to
 * the zone's replications, where a cell is judged exactly as `fairpace zone` judges it. Far from either side's limit
 * three seeds decide a cell. Each round is one batch over the cells still open, seed by seed, so the threads stay busy
 * and a provisional zone can be shown as each seed of the round is done for every open cell.
 *
 * The rule reads only the results of the seeds run so far, in seed order, never which worker finished first, so the
 * answer is the same with any executor. Each cell's figures are those of its own seeds (`replicationsByCell`); the
 * picks (each side's best cell) compare cells by their means over the seeds each ran.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import type { ProvisionalAnswer } from './prefixBatch.ts';
import { FIRST_PROVISIONAL_SEEDS, StretchTally } from './provisional.ts';
import type { CancelSignal, Executor, ProgressFn, RunTask } from './runTasks.ts';
import { limitsDecided } from './targetSpec.ts';
import { judgeZone, zoneRuns, type ZoneOptions, type ZoneResult } from './zone.ts';

/** How a sequential zone adds seeds. */
export interface ZoneSequence {
  /** Seeds every cell runs before it is judged (3). */
  minReplications?: number;
  /** Seeds added to an undecided cell at a time (2). */
  step?: number;
}

/** A sequential zone with how it was reached. */
export interface SequentialZone {
  result: ZoneResult & {
    /** Seeds each cell ran on, in the order of `cells`. */
    replicationsByCell: number[];
  };
  /** Runs made, and the runs `fairpace zone` makes with every seed at every cell. */
  runs: number;
  fullRuns: number;
  /** Cells that ran every seed: those still undecided before the last round (near a limit). */
  onEverySeed: number;
}

/**
 * Maps the zone, cell by cell only as far as its verdict needs (see the module comment). `show` hears the zone so
 * far after each seed of a round is done for every open cell (from 2 seeds), never after the last.
 */
export async function zoneSequential(
  scenario: Scenario,
  options: ZoneOptions,
  execute: Executor,
  sequence: ZoneSequence = {},
  onProgress?: ProgressFn,
  signal?: CancelSignal,
  show?: (answer: ProvisionalAnswer<SequentialZone['result']>) => void,
): Promise<SequentialZone> {
  const { arm, seeds, grid, cellTasks } = zoneRuns(scenario, options);
  const full = seeds.length;
  const first = Math.min(full, Math.max(1, sequence.minReplications ?? 3));
  const step = Math.max(1, sequence.step ?? 2);
  const fullRuns = full * grid.length;
  const runs: RunResult[][] = grid.map(() => []);
  let made = 0;

  const answer = (runsOf: (i: number) => RunResult[]): SequentialZone['result'] => {
    const counts = grid.map((_, i) => runsOf(i).length);
    const most = Math.max(0, ...counts);
    const result = judgeZone(scenario, options, arm, seeds.slice(0, most), grid, runsOf);
    return { ...result, replicationsByCell: counts };
  };
  const decided = (zone: ZoneResult, i: number): boolean => {
    const n = (runs[i] as RunResult[]).length;
    if (n >= full) return true;
    if (n === 0) return false;
    const cell = zone.cells[i] as ZoneResult['cells'][number];
    return limitsDecided(options.union, cell.metrics) && limitsDecided(options.platform, cell.metrics);
  };

  for (;;) {
    const zone = answer((i) => runs[i] as RunResult[]);
    const open = grid.map((_, i) => i).filter((i) => !decided(zone, i));
    if (open.length === 0) {
      onProgress?.(made, made);
      const onEverySeed = runs.filter((r) => r.length >= full).length;
      return { result: zone, runs: made, fullRuns, onEverySeed };
    }
    // The last round's zone, not the final one: shown as the answer so far.
    if (made > 0) showIf(zone);
    // Every open cell has run the same seeds: they have been open every round so far.
    const n = (runs[open[0] as number] as RunResult[]).length;
    const add = (n === 0 ? first : Math.min(full, n + step)) - n;
    // Seed by seed: every open cell's next seed, then the one after.
    const tasks: RunTask[] = [];
    for (let j = 0; j < add; j++) for (const i of open) tasks.push((cellTasks[i] as RunTask[])[n + j] as RunTask);
    const staged: (RunResult | undefined)[] = new Array(tasks.length);
    const tally = new StretchTally(add, open.length);
    const onResult = (k: number, result: RunResult) => {
      if (staged[k] !== undefined) return;
      staged[k] = result;
      const complete = tally.add(k);
      if (!show || complete === null) return;
      showIf(
        answer((i) => {
          const q = open.indexOf(i);
          if (q < 0) return runs[i] as RunResult[];
          const more = Array.from({ length: complete }, (_, j) => staged[j * open.length + q] as RunResult);
          return [...(runs[i] as RunResult[]), ...more];
        }),
      );
    };
    const before = made;
    const results = await execute(
      tasks,
      onProgress ? (done) => onProgress(before + done, fullRuns) : undefined,
      signal,
      onResult,
    );
    results.forEach((r, k) => (runs[open[k % open.length] as number] as RunResult[]).push(r));
    made += tasks.length;
  }

  /** Shows a zone so far once every cell stands on `FIRST_PROVISIONAL_SEEDS` seeds. */
  function showIf(sofar: SequentialZone['result']): void {
    const fewest = Math.min(...sofar.replicationsByCell);
    if (show && fewest >= FIRST_PROVISIONAL_SEEDS) show({ answer: sofar, replications: fewest, of: full });
  }
}
