/**
 * Provisional answers of the batch tools (issue 21 item 1): a sweep, a zone and a sensitivity batch are task groups
 * over the same seeds, seed innermost, so the answer of their first k seeds is the same summary on fewer seeds. A
 * provisional answer uses only seeds 1..k that every group (point × arm, cell, variant × arm) has finished, never
 * whichever runs a worker happened to finish first; on every seed it is byte for byte the batch's final answer.
 */
import type { RunResult } from '../sim/results.ts';
import type { BatchPlan } from './batchPlan.ts';
import { FIRST_PROVISIONAL_SEEDS, SeedTally } from './provisional.ts';
import type { CancelSignal, Executor, ProgressFn, ResultFn, RunTask } from './runTasks.ts';

/** How a batch answers on a prefix of its seeds. */
export interface SeedPrefixed<T> {
  /** Seeds per task group (the replications the final answer rests on). */
  seeds: number;
  /**
   * The answer of the first `count` seeds of every group, from results in task order (runs beyond the prefix may be
   * missing); with `count` equal to `seeds`, exactly `summarise` of every result.
   */
  answer(results: readonly (RunResult | undefined)[], count: number): T;
}

/** A batch plan that can answer on a prefix of its seeds (null when its groups do not share one seed list). */
export interface PrefixBatch<T> extends BatchPlan<T> {
  seedPrefix: SeedPrefixed<T> | null;
}

/** A provisional answer and how many of its seeds it rests on. */
export interface ProvisionalAnswer<T> {
  answer: T;
  /** Seeds (replications) every group has finished and the answer uses. */
  replications: number;
  /** Seeds the final answer uses. */
  of: number;
}

/**
 * Collects a prefix batch's runs as they finish, in any order, and makes its provisional answers (see SeedTally for
 * when one is due). For a batch without a seed prefix nothing is ever due.
 */
export class ProvisionalBatch<T> {
  private readonly tally: SeedTally;

  constructor(
    readonly batch: PrefixBatch<T>,
    first: number = FIRST_PROVISIONAL_SEEDS,
  ) {
    const seeds = batch.seedPrefix?.seeds ?? 0;
    // No prefix: a tally that never completes a seed (no seeds), so no answer is ever due.
    this.tally = seeds > 0 ? new SeedTally(seeds, batch.tasks.length / seeds, first) : new SeedTally(0, 0, first);
  }

  /** Records task `index`'s result; true when a provisional answer is due. */
  add(index: number, result: RunResult): boolean {
    return this.tally.add(index, result);
  }

  /** The answer of the longest complete prefix not yet taken, or null when none is due (a screen's latest answer). */
  take(): ProvisionalAnswer<T> | null {
    const count = this.tally.take();
    return count === null ? null : this.answerOf(count);
  }

  /** Every answer not taken yet, fewest seeds first (a log that is the same whichever thread finished first). */
  takeEach(): ProvisionalAnswer<T>[] {
    return this.tally.takeEach().map((count) => this.answerOf(count));
  }

  private answerOf(count: number): ProvisionalAnswer<T> {
    const prefix = this.batch.seedPrefix as SeedPrefixed<T>;
    return { answer: prefix.answer(this.tally.resultsSoFar, count), replications: count, of: prefix.seeds };
  }
}

/**
 * The order to run a prefix batch's tasks in so that its provisional answers come early: seed by seed, every task
 * group's first seed, then every group's second, and so on (a task's index is group × seeds + seed, see SeedTally).
 * Run in the batch's own order, group by group, the first seed of the last group (the last sweep point or zone cell)
 * finishes near the end, and with it the first answer. The two arms of a point stay side by side, so they still
 * share their warm-up. Without a seed prefix, the batch's own order.
 */
export function seedMajorOrder(batch: Pick<PrefixBatch<unknown>, 'tasks' | 'seedPrefix'>): number[] {
  return seedMajor(batch.tasks.length, batch.seedPrefix?.seeds ?? 0);
}

/** Seed-major order of `n` tasks laid out group by group with `seeds` seeds each (identity when they are not). */
export function seedMajor(n: number, seeds: number): number[] {
  if (seeds <= 1 || n % seeds !== 0) return Array.from({ length: n }, (_, i) => i);
  const groups = n / seeds;
  const order: number[] = [];
  for (let s = 0; s < seeds; s++) for (let g = 0; g < groups; g++) order.push(g * seeds + s);
  return order;
}

/**
 * Runs `tasks` through `execute` in `order` (a permutation of their indices): results, and each result passed to
 * `onResult`, come back by the tasks' own indices, so nothing downstream sees the order; only when each run happens
 * changes.
 */
export function executeInOrder(
  execute: Executor,
  tasks: readonly RunTask[],
  order: readonly number[],
  onProgress?: ProgressFn,
  signal?: CancelSignal,
  onResult?: ResultFn,
): Promise<RunResult[]> {
  const permuted = order.map((i) => tasks[i] as RunTask);
  const mapped: ResultFn | undefined = onResult ? (k, result) => onResult(order[k] as number, result) : undefined;
  return execute(permuted, onProgress, signal, mapped).then((results) => {
    const out = new Array<RunResult>(tasks.length);
    results.forEach((r, k) => (out[order[k] as number] = r));
    return out;
  });
}
