/**
 * Web Worker entry: runs one replication of one arm (a RunTask) off the main thread, either for the dashboard or, for
 * an evidence pack, keeping its courier-day rows. No model logic here.
 */
import { expose } from 'comlink';
import { z } from 'zod';
import { runTask } from '../src/analysis/index.ts';
import { runEvidenceTask } from '../src/evidence/plan.ts';

// The page's Content-Security-Policy forbids eval, so zod must not try its compiled fast path.
z.config({ jitless: true });

const api = { runTask, runEvidenceTask };

expose(api);

/** What the app's pool may call on a worker. */
export type SimWorkerApi = typeof api;
