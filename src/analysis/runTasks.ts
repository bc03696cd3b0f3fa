/** The unit of parallel work: one arm of one scenario with one seed. Executors run lists of them in any order. */
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { simulate } from '../sim/simulate.ts';

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
 * Runs tasks and returns their results in task order (whatever order they finished in), so the result never depends
 * on how the work was spread. Implementations: in-process (below), Node worker threads (CLI), Web Workers (app).
 */
export type Executor = (tasks: RunTask[], onProgress?: ProgressFn, signal?: CancelSignal) => Promise<RunResult[]>;

/** Runs one task. */
export function runTask(task: RunTask): RunResult {
  return simulate(task.scenario, task.armId, task.seed, { orders: task.orders === true });
}

/** Runs every task in this thread, one after another. */
export const runInProcess: Executor = async (tasks, onProgress, signal) => {
  const out: RunResult[] = [];
  for (const task of tasks) {
    if (signal?.aborted) throw new CancelledError();
    out.push(runTask(task));
    onProgress?.(out.length, tasks.length);
  }
  return out;
};

/** Seeds of R replications from a base seed: base, base+1, …, base+R−1. */
export function seedsFor(baseSeed: number, replications: number): number[] {
  return Array.from({ length: replications }, (_, i) => baseSeed + i);
}
