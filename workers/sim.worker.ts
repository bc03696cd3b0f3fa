/**
 * Web Worker entry: runs one replication of one arm (a RunTask) off the main thread, either for the dashboard or, for
 * an evidence pack, keeping its courier-day rows. No model logic here.
 */
import { expose } from 'comlink';
import { z } from 'zod';
import { runTask, type RunTask } from '../src/analysis/index.ts';
import { runEvidenceTask } from '../src/evidence/plan.ts';
import { WarmupCache } from '../src/sim/warmup.ts';

// The page's Content-Security-Policy forbids eval, so zod must not try its compiled fast path.
z.config({ jitless: true });

// Runs of the same seed share their warm-up (the pool hands this worker the tasks whose warm-up it holds).
const warmups = new WarmupCache();

const api = {
  runTask: (task: RunTask) => runTask(task, warmups),
  runEvidenceTask: (task: RunTask) => runEvidenceTask(task, warmups),
};

expose(api);

/** What the app's pool may call on a worker. */
export type SimWorkerApi = typeof api;
