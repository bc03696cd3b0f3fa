/**
 * Web Worker entry: runs one replication of one arm (a WorkerTask) off the main thread, for the dashboard or, keeping
 * its courier-day rows, for an evidence pack. It holds the scenarios it was sent (by digest) and the warm-ups it ran,
 * as a CLI worker thread does. No model logic here.
 */
import { expose } from 'comlink';
import { z } from 'zod';
import { TaskRunner, type WorkerTask } from '../src/analysis/index.ts';

// The page's Content-Security-Policy forbids eval, so zod must not try its compiled fast path.
z.config({ jitless: true });

const runner = new TaskRunner();

const api = { run: (task: WorkerTask) => runner.run(task) };

expose(api);

/** What the app's pool may call on a worker. */
export type SimWorkerApi = typeof api;
