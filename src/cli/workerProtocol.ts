/** Messages between the CLI's worker pool and its worker threads. */
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';

/**
 * One task for a worker. The scenario travels only with the first task of each scenario a worker sees (`key` names
 * it afterwards), because a sweep sends hundreds of tasks over a handful of scenarios and cloning each costs time.
 */
export interface TaskMessage {
  index: number;
  key: number;
  scenario?: Scenario;
  armId: string;
  seed: number;
  /** Keep the run's courier-day rows (evidence packs). */
  courierDays?: boolean;
}

/** A worker's answer to one task. */
export type ReplyMessage =
  | { type: 'result'; index: number; result: RunResult }
  | { type: 'error'; index: number; message: string; stack?: string };
