/** Messages between the CLI's worker pool and its worker threads. */
import type { WorkerTask } from '../analysis/taskRunner.ts';
import type { RunResult } from '../sim/results.ts';

/**
 * One task for a worker thread, with its index in the batch. The scenario travels only with the first task of each
 * scenario a thread holds (`key`, its digest, names it afterwards), because a sweep sends hundreds of tasks over a
 * handful of scenarios and cloning each costs time.
 */
export interface TaskMessage extends WorkerTask {
  index: number;
}

/** A worker's answer to one task. */
export type ReplyMessage =
  | { type: 'result'; index: number; result: RunResult }
  | { type: 'error'; index: number; message: string; stack?: string };
