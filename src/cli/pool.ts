/** An Executor over Node worker threads: tasks are handed out as workers free up, results placed by task index. */
import { Worker } from 'node:worker_threads';
import { CancelledError, TaskQueue, type Executor, type RunTask } from '../analysis/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import type { ReplyMessage, TaskMessage } from './workerProtocol.ts';

const WORKER_ENTRY = new URL('./worker.mjs', import.meta.url);

/** A run that failed inside a worker thread; `stack` is the worker's stack (shown with FAIRPACE_DEBUG=1). */
export class WorkerTaskError extends Error {
  override name = 'WorkerTaskError';
}

interface Slot {
  worker: Worker;
  /** Keys of the scenarios this worker already holds. */
  sent: Set<number>;
  /** Warm-up groups this worker has run a task of (see TaskQueue). */
  groups: Set<number>;
}

/** Options of the worker pool. */
export interface PoolOptions {
  /** Keep each run's courier-day rows (for evidence packs); off by default, because they are large to clone. */
  courierDays?: boolean;
}

/**
 * An executor that spreads tasks over `threads` worker threads. Each task is deterministic and independent and its
 * result goes to its own index, so the output is the same for any number of threads and any finishing order.
 * The threads are terminated when the batch ends, whether it succeeded or not, so the process can exit.
 */
export function workerExecutor(threads: number, options: PoolOptions = {}): Executor {
  return async (tasks, onProgress, signal) => {
    if (tasks.length === 0) return [];
    const results: RunResult[] = new Array<RunResult>(tasks.length);
    const slots: Slot[] = Array.from({ length: Math.min(threads, tasks.length) }, () => ({
      worker: new Worker(WORKER_ENTRY),
      sent: new Set<number>(),
      groups: new Set<number>(),
    }));
    try {
      await runOn(slots, tasks, results, options, onProgress, signal);
    } finally {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    }
    return results;
  };
}

function runOn(
  slots: readonly Slot[],
  tasks: readonly RunTask[],
  results: RunResult[],
  options: PoolOptions,
  onProgress: Parameters<Executor>[1],
  signal: Parameters<Executor>[2],
): Promise<void> {
  // Scenarios are keyed by identity: the plans share one scenario object among all tasks of a comparison point.
  const keys = new Map<Scenario, number>();
  const keyOf = (scenario: Scenario) => {
    let key = keys.get(scenario);
    if (key === undefined) keys.set(scenario, (key = keys.size));
    return key;
  };

  const queue = new TaskQueue(tasks);

  return new Promise<void>((resolve, reject) => {
    let done = 0;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    };

    const dispatch = (slot: Slot) => {
      if (settled) return;
      if (signal?.aborted) return fail(new CancelledError());
      const index = queue.take(slot.groups);
      if (index === undefined) return;
      const task = tasks[index] as RunTask;
      const key = keyOf(task.scenario);
      const message: TaskMessage = { index, key, armId: task.armId, seed: task.seed };
      if (options.courierDays) message.courierDays = true;
      if (!slot.sent.has(key)) {
        message.scenario = task.scenario;
        slot.sent.add(key);
      }
      slot.worker.postMessage(message);
    };

    for (const slot of slots) {
      slot.worker.on('message', (reply: ReplyMessage) => {
        if (settled) return;
        if (reply.type === 'error') {
          const task = tasks[reply.index];
          const error = new WorkerTaskError(
            `run ${reply.index + 1} (arm ${task?.armId}, seed ${task?.seed}) failed in a worker thread: ${reply.message}`,
          );
          if (reply.stack) error.stack = reply.stack;
          return fail(error);
        }
        results[reply.index] = reply.result;
        done += 1;
        onProgress?.(done, tasks.length);
        if (done === tasks.length) {
          settled = true;
          resolve();
        } else dispatch(slot);
      });
      // An uncaught error or a crash of the thread (e.g. out of memory) ends the batch instead of hanging it.
      slot.worker.on('error', (e) => fail(new WorkerTaskError(`a worker thread failed: ${e.message}`)));
      slot.worker.on('exit', (code) =>
        fail(new WorkerTaskError(`a worker thread stopped unexpectedly (code ${code})`)),
      );
      dispatch(slot);
    }
  });
}
