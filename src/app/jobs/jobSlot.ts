/**
 * One job at a time on the worker pool: the state of jobState.ts, the AbortController of the job under way, and the
 * listeners to tell (React, through useJob). Starting a job cancels the one under way; Cancel aborts the job's signal
 * (the pool then stops its workers, see simClient.ts) and shows "cancelled" at once, whatever the job still sends.
 * No React and no workers here: the tests drive a slot with plain promises.
 */
import type { ProgressFn } from '../../analysis/index.ts';
import { initialJobState, jobReducer, type JobEvent, type JobState } from './jobState.ts';

/** What a slot reads from the pool for the status line (the app's SimPool has both). */
export interface PoolGauge {
  readonly size: number;
  readonly cacheCount: { readonly hits: number };
}

/** What a job is given: its signal, and where to say how far it is and what it would answer so far. */
export interface JobContext<T> {
  signal: AbortSignal;
  /** Runs done of runs in all (ignored once the job is no longer the slot's running job). */
  progress: ProgressFn;
  /** A provisional answer, shown until the final one (ignored likewise). */
  provisional: (result: T) => void;
  /** Whether the job is still the slot's running job: side effects of a result (a download) wait on it. */
  current: () => boolean;
}

/** A job: plans and runs on the pool, and resolves with its result (or throws, CancelledError when cancelled). */
export type JobWork<T> = (context: JobContext<T>) => Promise<T>;

/** What a job is, when the slot's jobs say it (`M`); nothing for slots whose jobs need no description. */
export type StartMeta<M> = undefined extends M ? [meta?: M] : [meta: M];

/** The job slot. Its methods are bound, so they can be handed to components and effect dependencies as they are. */
export class JobSlot<T, M = undefined> {
  private state: JobState<T, M> = initialJobState<T, M>();
  private serial = 0;
  private controller: AbortController | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly pool: PoolGauge,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Adds a listener called after every change; returns its removal (the shape useSyncExternalStore takes). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The state now: a new object after every change, the same one otherwise. */
  readonly getState = (): JobState<T, M> => this.state;

  /** Starts `work`, cancelling the job under way. `meta` says what the job is (kept in its phase). */
  readonly start = (work: JobWork<T>, ...meta: StartMeta<M>): void => {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const job = ++this.serial;
    const started = this.now();
    const hitsBefore = this.pool.cacheCount.hits;
    this.dispatch({ type: 'start', job, meta: meta[0] as M });
    const context: JobContext<T> = {
      signal: controller.signal,
      progress: (done, total) => this.dispatch({ type: 'progress', job, done, total }),
      provisional: (result) => this.dispatch({ type: 'provisional', job, result }),
      current: () => this.isRunning(job),
    };
    void (async () => {
      try {
        const result = await work(context);
        const report = {
          elapsedMs: this.now() - started,
          workers: this.pool.size,
          reused: this.pool.cacheCount.hits - hitsBefore,
        };
        this.dispatch({ type: 'finish', job, result, report });
      } catch (error) {
        this.dispatch({ type: 'fail', job, error });
      }
    })();
  };

  /** Cancels the job under way, if any: its signal aborts and its later results are ignored. */
  readonly cancel = (): void => {
    this.controller?.abort();
    this.dispatch({ type: 'cancel', job: this.serial });
  };

  /** Cancels any job and forgets the result shown. */
  readonly clear = (): void => {
    this.controller?.abort();
    this.controller = null;
    this.dispatch({ type: 'clear' });
  };

  /** Cancels any job and shows a result computed earlier (a saved run), without running anything. */
  readonly show = (result: T): void => {
    this.controller?.abort();
    this.controller = null;
    this.dispatch({ type: 'show', result });
  };

  private isRunning(job: number): boolean {
    const phase = this.state.phase;
    return phase.kind === 'running' && phase.job === job;
  }

  private dispatch(event: JobEvent<T, M>): void {
    const next = jobReducer(this.state, event);
    if (next === this.state) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}
