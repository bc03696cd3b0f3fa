/** A pool of simulation Web Workers that runs RunTasks in parallel and returns results in task order. */
import { releaseProxy, wrap, type Remote } from 'comlink';
import {
  CancelledError,
  HeldScenarios,
  TaskQueue,
  type CancelSignal,
  cachingExecutor,
  repricingExecutor,
  type CacheCount,
  type Executor,
  type RunTask,
  type WorkerTask,
} from '../analysis/index.ts';
import { digestOf } from '../scenario/canonical.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import type { SimWorkerApi } from '../../workers/sim.worker.ts';
import { poolSizeFor } from './poolSize.ts';
import { IndexedDbRunStore } from './runStore.ts';

export { MAX_WORKERS, poolSize, poolSizeFor } from './poolSize.ts';

interface Slot {
  worker: Worker;
  /** Digests of the scenarios the worker holds (its own store, mirrored; see HeldScenarios). */
  held: HeldScenarios<true>;
  api: Remote<SimWorkerApi>;
  /** Rejects when the worker fails to load or crashes: comlink would otherwise wait for an answer forever. */
  failed: Promise<never>;
}

function startSlot(): Slot {
  const worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), {
    type: 'module',
    name: 'fairpace-sim',
  });
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const detail = event instanceof ErrorEvent && event.message ? `: ${event.message}` : '';
      reject(new Error(`the simulation worker stopped${detail}`));
    });
    worker.addEventListener('messageerror', () => reject(new Error('a simulation worker sent an unreadable message')));
  });
  failed.catch(() => undefined); // observed by runTasks when a run is under way; otherwise not an unhandled rejection
  return { worker, held: new HeldScenarios<true>(), api: wrap<SimWorkerApi>(worker), failed };
}

function hasAbortEvent(signal: CancelSignal | undefined): signal is AbortSignal {
  return typeof (signal as AbortSignal | undefined)?.addEventListener === 'function';
}

/** A readable message for anything a run threw. */
function readable(error: unknown, task?: RunTask): Error {
  if (error instanceof CancelledError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new Error(task ? `arm "${task.armId}", seed ${task.seed}: ${message}` : message);
}

/**
 * The app's Executor. One run at a time: starting a run while another is under way is the caller's mistake, so the
 * app cancels the old run first. Cancelling terminates every worker at once (a simulation cannot be interrupted
 * politely) and the next run starts fresh ones.
 */
export class SimPool {
  private slots: Slot[] = [];
  /** Jobs inside `execute` now (the app runs one at a time; a cancelled one may still be looking up the cache). */
  private running = 0;
  private readonly digests = new WeakMap<Scenario, string>();

  constructor(readonly size: number = poolSizeFor(location.search, navigator.hardwareConcurrency)) {}

  /** Stops every worker immediately; the next run starts new ones. */
  reset(): void {
    for (const slot of this.slots) {
      slot.api[releaseProxy]();
      slot.worker.terminate();
    }
    this.slots = [];
  }

  /** Runs kept in the browser (IndexedDB), by model fingerprint, scenario, arm and seed; how many were reused. */
  private readonly store = new IndexedDbRunStore();
  readonly cacheCount: CacheCount = { hits: 0, misses: 0 };

  /**
   * Runs tasks across the workers; results come back in task order, whatever order they finish in. Runs made before
   * with the same model come from the browser's run cache, and tasks that differ only in per-order money are run
   * once and re-priced (src/analysis/repricing.ts).
   */
  readonly runTasks: Executor = repricingExecutor(
    cachingExecutor(
      (tasks, onProgress, signal, onResult) => this.execute(false, tasks, onProgress, signal, onResult),
      this.store,
      {},
      this.cacheCount,
    ),
  );

  /** Like runTasks without the run cache: runs whose order traces are too large to keep (the back-test). */
  readonly runUncachedTasks: Executor = (tasks, onProgress, signal, onResult) =>
    this.execute(false, tasks, onProgress, signal, onResult);

  /** Like runTasks, but every result keeps its courier-day rows: the runs of an evidence pack (not cached: large). */
  readonly runEvidenceTasks: Executor = (tasks, onProgress, signal) => this.execute(true, tasks, onProgress, signal);

  /** The message for `task` on `slot`: the scenario goes along only when the worker does not hold it. */
  private message(slot: Slot, task: RunTask, courierDays: boolean): WorkerTask {
    let key = this.digests.get(task.scenario);
    if (key === undefined) this.digests.set(task.scenario, (key = digestOf(task.scenario)));
    const message: WorkerTask = { key, armId: task.armId, seed: task.seed };
    if (!slot.held.has(key)) message.scenario = task.scenario;
    if (courierDays) message.courierDays = true;
    if (task.orders === true) message.orders = true;
    slot.held.use(key, true);
    return message;
  }

  private async execute(
    courierDays: boolean,
    ...[tasks, onProgress, signal, onResult]: Parameters<Executor>
  ): Promise<RunResult[]> {
    if (signal?.aborted) {
      // Cancelled before the workers were reached (the run cache was still looking up saved runs): cancelling still
      // stops the workers, as it does mid-run, unless another job has started on them meanwhile (a preset chosen
      // after Cancel), whose workers are not this run's to stop.
      if (this.running === 0) this.reset();
      throw new CancelledError();
    }
    this.running++;
    if (this.slots.length === 0) this.slots = Array.from({ length: this.size }, startSlot);
    const slots = this.slots;
    const results: RunResult[] = new Array<RunResult>(tasks.length);
    const queue = new TaskQueue(tasks);
    let done = 0;
    let stop: (reason: Error) => void = () => undefined;
    const stopped = new Promise<never>((_, reject) => (stop = reject));
    stopped.catch(() => undefined);
    const onAbort = () => {
      this.reset();
      stop(new CancelledError());
    };
    if (hasAbortEvent(signal)) signal.addEventListener('abort', onAbort, { once: true });

    const lane = async (slot: Slot) => {
      const held = new Set<number>(); // warm-up groups this lane has run in this batch
      for (let i = queue.take(held); i !== undefined; i = queue.take(held)) {
        const task = tasks[i] as RunTask;
        try {
          results[i] = await Promise.race([slot.api.run(this.message(slot, task, courierDays)), slot.failed, stopped]);
        } catch (error) {
          throw readable(error, task);
        }
        if (signal?.aborted) throw new CancelledError();
        onResult?.(i, results[i] as RunResult);
        done += 1;
        onProgress?.(done, tasks.length);
        if (signal?.aborted) throw new CancelledError(); // a plain CancelSignal has no abort event to listen to
      }
    };

    try {
      await Promise.all(slots.map(lane));
      return results;
    } catch (error) {
      const reason = readable(error);
      if (!(reason instanceof CancelledError)) this.reset(); // a failed worker is not reused
      stop(reason); // ends the other lanes
      throw reason;
    } finally {
      this.running--;
      if (hasAbortEvent(signal)) signal.removeEventListener('abort', onAbort);
    }
  }
}

let shared: SimPool | null = null;

/**
 * The page's one pool, shared by comparisons and sweeps (the app runs one of them at a time), so the page never holds
 * more than `size` workers.
 */
export function sharedPool(): SimPool {
  return (shared ??= new SimPool());
}
