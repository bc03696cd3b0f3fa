/** The unit of parallel work: one arm of one scenario with one seed. Executors run lists of them in any order. */
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { simulate } from '../sim/simulate.ts';
import { WarmupCache } from '../sim/warmup.ts';

/** One replication of one arm. */
export interface RunTask {
  scenario: Scenario;
  armId: string;
  seed: number;
  /** Keep the order trace in the result (the guide's chart of delivery times); the metrics are the same either way. */
  orders?: boolean;
}

/** The part of an AbortSignal the analysis reads (the core has no DOM or Node types). */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** Thrown when a run is cancelled through its signal. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('cancelled');
  }
}

/** Called as tasks finish: how many are done of how many. */
export type ProgressFn = (done: number, total: number) => void;

/**
 * Called with each task's result as soon as it is in, in finishing order (`index` is the task's place in the list):
 * for answers shown before the batch ends. The batch's returned results are these same objects.
 */
export type ResultFn = (index: number, result: RunResult) => void;

/**
 * Runs tasks and returns their results in task order (whatever order they finished in), so the result never depends
 * on how the work was spread. Implementations: in-process (below), Node worker threads (CLI), Web Workers (app).
 */
export type Executor = (
  tasks: RunTask[],
  onProgress?: ProgressFn,
  signal?: CancelSignal,
  onResult?: ResultFn,
) => Promise<RunResult[]>;

/** Runs one task; `warmups` lets runs of the same seed share their warm-up (the results are the same). */
export function runTask(task: RunTask, warmups?: WarmupCache): RunResult {
  return simulate(task.scenario, task.armId, task.seed, {
    orders: task.orders === true,
    ...(warmups ? { warmups } : {}),
  });
}

/**
 * The warm-up group of each task: tasks of the same scenario object and seed get the same number (first seen, first
 * numbered). Arms that differ only in what the warm-up does not read share a warm-up within a group (see
 * src/sim/warmup.ts), so running a group's tasks together, on one thread, runs its warm-up once.
 */
export function warmupGroups(tasks: readonly RunTask[]): number[] {
  const byScenario = new Map<Scenario, Map<number, number>>();
  let next = 0;
  return tasks.map((task) => {
    let seeds = byScenario.get(task.scenario);
    if (!seeds) byScenario.set(task.scenario, (seeds = new Map()));
    let group = seeds.get(task.seed);
    if (group === undefined) seeds.set(task.seed, (group = next++));
    return group;
  });
}

/** The order to run tasks in one thread: grouped by warm-up group (see warmupGroups), else as listed. */
export function warmupOrder(tasks: readonly RunTask[]): number[] {
  const groups = warmupGroups(tasks);
  return tasks.map((_, i) => i).sort((a, b) => (groups[a] as number) - (groups[b] as number) || a - b);
}

/**
 * The tasks a pool of threads has still to run. A free thread takes a task of a warm-up group it has run (the
 * warm-up is in its cache), else one of a group no thread has started, else the first waiting. Executors place each
 * result at its task's index, so the choice changes only the time a batch takes.
 */
export class TaskQueue {
  private readonly groups: number[];
  private readonly pending: number[];
  private readonly started = new Set<number>();

  constructor(tasks: readonly RunTask[]) {
    this.groups = warmupGroups(tasks);
    this.pending = warmupOrder(tasks);
  }

  /** The index of the next task for a thread that has run the groups in `held` (updated), or undefined at the end. */
  take(held: Set<number>): number | undefined {
    const groupOf = (i: number) => this.groups[i] as number;
    let pick = this.pending.findIndex((i) => held.has(groupOf(i)));
    if (pick < 0) pick = this.pending.findIndex((i) => !this.started.has(groupOf(i)));
    if (pick < 0) pick = this.pending.length > 0 ? 0 : -1;
    if (pick < 0) return undefined;
    const index = this.pending.splice(pick, 1)[0] as number;
    this.started.add(groupOf(index));
    held.add(groupOf(index));
    return index;
  }
}

/**
 * An executor that runs every task in this thread with `run`, in warm-up order, sharing warm-ups within the batch;
 * each result goes to its task's index.
 */
export function inProcessExecutor(run: (task: RunTask, warmups: WarmupCache) => RunResult): Executor {
  return async (tasks, onProgress, signal, onResult) => {
    const out = new Array<RunResult>(tasks.length);
    const warmups = new WarmupCache();
    let done = 0;
    for (const index of warmupOrder(tasks)) {
      if (signal?.aborted) throw new CancelledError();
      const result = run(tasks[index] as RunTask, warmups);
      out[index] = result;
      onResult?.(index, result);
      onProgress?.(++done, tasks.length);
    }
    return out;
  };
}

/** Runs every task in this thread, one after another, sharing warm-ups within the batch. */
export const runInProcess: Executor = inProcessExecutor(runTask);

/** Seeds of R replications from a base seed: base, base+1, …, base+R−1. */
export function seedsFor(baseSeed: number, replications: number): number[] {
  return Array.from({ length: replications }, (_, i) => baseSeed + i);
}
