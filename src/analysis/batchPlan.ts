/**
 * A batch analysis as data: every run it needs, and how their results (in task order) become its result. Commands
 * built this way can run their tasks anywhere (one thread, a worker pool, shards on other machines) and summarise
 * once all results are back, with the same output whatever the split.
 */
import type { RunResult } from '../sim/results.ts';
import { runInProcess, type CancelSignal, type Executor, type ProgressFn, type RunTask } from './runTasks.ts';

/** The runs of a batch analysis and its summariser. */
export interface BatchPlan<T> {
  tasks: RunTask[];
  /** Turns one result per task, in task order, into the analysis result. */
  summarise(results: RunResult[]): T;
}

/** Runs a batch plan with the given executor and summarises it. */
export async function runBatchPlan<T>(
  plan: BatchPlan<T>,
  execute: Executor = runInProcess,
  onProgress?: ProgressFn,
  signal?: CancelSignal,
): Promise<T> {
  return plan.summarise(await execute(plan.tasks, onProgress, signal));
}
