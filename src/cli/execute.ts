/** Running a batch of tasks from the CLI: in this thread or over worker threads, with progress on a terminal. */
import { availableParallelism } from 'node:os';
import { runInProcess, type Executor, type RunTask } from '../analysis/index.ts';
import { runEvidenceInProcess } from '../evidence/plan.ts';
import type { RunResult } from '../sim/results.ts';
import type { CliIo } from './cliIo.ts';
import { workerExecutor } from '../node/pool.ts';
import { progressFor, type Progress } from './progress.ts';
import { withRunCache } from './runStore.ts';

/** How a batch runs. */
export interface ExecuteOptions {
  /** Worker threads; one per core when left out. */
  workers?: number;
  quiet: boolean;
  /** Keep each run's courier-day rows (evidence packs). */
  courierDays?: boolean;
  /** `json`: one JSON line per finished task on stderr. */
  progress?: 'json';
  /** The run cache's folder, false for none, or the default (runStore.ts). */
  cache?: string | false;
}

/** Runs the tasks in this thread or over worker threads, with progress on a terminal; results in task order. */
export async function execute(tasks: RunTask[], options: ExecuteOptions, io: CliIo): Promise<RunResult[]> {
  const threads = options.workers ?? availableParallelism();
  const courierDays = options.courierDays === true;
  // Threads cost a few hundred milliseconds to start; with one thread or one task they cannot pay that back.
  const bare: Executor =
    threads <= 1 || tasks.length <= 1
      ? courierDays
        ? runEvidenceInProcess
        : runInProcess
      : workerExecutor(threads, { courierDays });
  const { executor, report } = withRunCache(bare, options, { courierDays }, io);
  const progress: Progress = progressFor(options, io);
  try {
    return await executor(tasks, (done, total) => progress.update(done, total));
  } finally {
    progress.finish();
    report();
  }
}
