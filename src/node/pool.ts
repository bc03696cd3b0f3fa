/**
 * Worker threads for the CLI. A WorkerPool lives as long as a job (a comparison, a whole target search or fit): its
 * threads start once, each receives a scenario once (named by its digest afterwards) and keeps the warm-ups it has
 * run, and every batch of the job reuses them. Tasks are handed out as threads free up, results placed by task index.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { CancelledError, HeldScenarios, TaskQueue, type Executor, type RunTask } from '../analysis/index.ts';
import { digestOf } from '../scenario/canonical.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { workerEntry } from './workerEntry.ts';
import type { ReplyMessage, TaskMessage } from './workerProtocol.ts';

/** A run that failed inside a worker thread; `stack` is the worker's stack (shown with FAIRPACE_DEBUG=1). */
export class WorkerTaskError extends Error {
  override name = 'WorkerTaskError';
}

interface Slot {
  worker: Worker;
  /** Digests of the scenarios this thread holds (the thread's own store, mirrored). */
  held: HeldScenarios<true>;
  /** What the batch under way does with this thread's replies and failures. */
  onReply: (reply: ReplyMessage) => void;
  onFailure: (error: Error) => void;
}

/** Options of the worker pool. */
export interface PoolOptions {
  /** Keep each run's courier-day rows (for evidence packs); off by default, because they are large to clone. */
  courierDays?: boolean;
}

const idle = () => undefined;

/** Orders a day from which a run counts as large for its thread's memory (metro-large has 600,000; yantai 16,800). */
export const LARGE_RUN_ORDERS_PER_DAY = 200_000;
/**
 * The young generation of a thread that runs large runs, MiB (V8's default is about 48 on 64-bit machines). A large
 * run's working set is typed arrays, and a small young generation holds about 40 MiB less per thread at the same
 * speed (metro-large's day, one thread, --max-semi-space-size=2, twice: 280 → 246 and 279 → 234 MiB, 59.8 → 62.5 and
 * 63.3 → 63.4 s). Batches of small runs allocate more short-lived objects for their work and took about a quarter
 * more CPU with it (demo-small × 100 replications on two threads), so they keep the default.
 */
export const LARGE_RUN_YOUNG_GENERATION_MB = 6;

/** The options of the threads that will run `tasks`: a small young generation when any of them is a large run. */
export function threadOptionsFor(tasks: readonly RunTask[]): WorkerOptions {
  const large = tasks.some(({ scenario: s }) => {
    if (s.kind === 'replay') return false;
    const perDay = s.demand.ordersPerDay ?? s.demand.ordersPerCourierDay * s.population.couriers;
    return perDay >= LARGE_RUN_ORDERS_PER_DAY;
  });
  return large ? { resourceLimits: { maxYoungGenerationSizeMb: LARGE_RUN_YOUNG_GENERATION_MB } } : {};
}

/**
 * Up to `threads` worker threads for the batches of one job. Each task is deterministic and independent and its
 * result goes to its own index, so the output is the same for any number of threads and any finishing order. One
 * batch at a time; a batch that fails or is cancelled stops the threads (the next batch starts fresh ones). Call
 * close() when the job ends, so the process can exit.
 */
export class WorkerPool {
  private slots: Slot[] = [];
  private readonly digests = new WeakMap<Scenario, string>();
  private running = false;
  /** Threads started and scenarios posted to them, over the pool's life (for tests and benchmarks). */
  readonly stats = { threadsStarted: 0, scenariosSent: 0 };

  constructor(
    readonly threads: number,
    private readonly options: PoolOptions = {},
  ) {}

  /** Runs a batch on the pool's threads (an Executor). */
  readonly run: Executor = async (tasks, onProgress, signal, onResult) => {
    if (tasks.length === 0) return [];
    if (this.running) throw new Error('a WorkerPool runs one batch at a time');
    if (signal?.aborted) throw new CancelledError();
    this.running = true;
    try {
      this.grow(Math.min(this.threads, tasks.length), tasks);
      return await this.runOn(
        this.slots.slice(0, Math.min(this.slots.length, tasks.length)),
        tasks,
        onProgress,
        signal,
        onResult,
      );
    } catch (e) {
      await this.stop();
      throw e;
    } finally {
      this.running = false;
    }
  };

  /** Stops the threads. */
  async close(): Promise<void> {
    await this.stop();
  }

  private grow(count: number, tasks: readonly RunTask[]): void {
    const options = threadOptionsFor(tasks);
    while (this.slots.length < count) {
      const slot: Slot = {
        worker: new Worker(workerEntry(), options),
        held: new HeldScenarios<true>(),
        onReply: idle,
        onFailure: idle,
      };
      slot.worker.on('message', (reply: ReplyMessage) => slot.onReply(reply));
      // An uncaught error or a crash of the thread (e.g. out of memory) ends the batch instead of hanging it.
      slot.worker.on('error', (e) => slot.onFailure(new WorkerTaskError(`a worker thread failed: ${e.message}`)));
      slot.worker.on('exit', (code) =>
        slot.onFailure(new WorkerTaskError(`a worker thread stopped unexpectedly (code ${code})`)),
      );
      this.slots.push(slot);
      this.stats.threadsStarted += 1;
    }
  }

  private async stop(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    for (const slot of slots) slot.onFailure = idle;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private digestOf(scenario: Scenario): string {
    let digest = this.digests.get(scenario);
    if (digest === undefined) this.digests.set(scenario, (digest = digestOf(scenario)));
    return digest;
  }

  private runOn(
    slots: readonly Slot[],
    tasks: readonly RunTask[],
    onProgress: Parameters<Executor>[1],
    signal: Parameters<Executor>[2],
    onResult?: Parameters<Executor>[3],
  ): Promise<RunResult[]> {
    const results: RunResult[] = new Array<RunResult>(tasks.length);
    const queue = new TaskQueue(tasks);
    // Warm-up groups each thread has run in this batch (see TaskQueue).
    const held = slots.map(() => new Set<number>());

    return new Promise<RunResult[]>((resolve, reject) => {
      let done = 0;
      let settled = false;
      const settle = () => {
        settled = true;
        for (const slot of slots) {
          slot.onReply = idle;
          slot.onFailure = idle;
        }
      };
      const fail = (error: Error) => {
        if (settled) return;
        settle();
        reject(error);
      };

      const dispatch = (slot: Slot, n: number) => {
        if (settled) return;
        if (signal?.aborted) return fail(new CancelledError());
        const index = queue.take(held[n] as Set<number>);
        if (index === undefined) return;
        const task = tasks[index] as RunTask;
        const key = this.digestOf(task.scenario);
        const message: TaskMessage = { index, key, armId: task.armId, seed: task.seed };
        if (this.options.courierDays) message.courierDays = true;
        if (task.orders) message.orders = true;
        if (!slot.held.has(key)) {
          message.scenario = task.scenario;
          this.stats.scenariosSent += 1;
        }
        slot.held.use(key, true);
        slot.worker.postMessage(message);
      };

      slots.forEach((slot, n) => {
        slot.onFailure = fail;
        slot.onReply = (reply) => {
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
          try {
            onResult?.(reply.index, reply.result);
          } catch (e) {
            return fail(e instanceof Error ? e : new Error(String(e)));
          }
          done += 1;
          onProgress?.(done, tasks.length);
          if (done === tasks.length) {
            settle();
            resolve(results);
          } else dispatch(slot, n);
        };
      });
      slots.forEach(dispatch);
    });
  }
}

/**
 * An executor whose threads last one batch: they start when it starts and stop when it ends, whether it succeeded
 * or not. For a job of several batches, keep a WorkerPool for the whole job instead.
 */
export function workerExecutor(threads: number, options: PoolOptions = {}): Executor {
  return async (tasks, onProgress, signal, onResult) => {
    const pool = new WorkerPool(threads, options);
    try {
      return await pool.run(tasks, onProgress, signal, onResult);
    } finally {
      await pool.close();
    }
  };
}

/**
 * Runs `job` with an executor for `threads` threads (this thread when 1 or fewer) that lasts the whole job, and stops
 * the threads when the job ends.
 */
export async function withExecutor<T>(
  threads: number,
  inProcess: Executor,
  job: (executor: Executor) => Promise<T>,
  options: PoolOptions = {},
): Promise<T> {
  if (threads <= 1) return job(inProcess);
  const pool = new WorkerPool(threads, options);
  try {
    return await job(pool.run);
  } finally {
    await pool.close();
  }
}
