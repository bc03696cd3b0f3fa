/** One cancellable job at a time on the shared worker pool: progress, cancel and readable errors, for any result. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { CancelledError, type RunTask } from '../analysis/index.ts';
import type { RunResult } from '../sim/results.ts';
import { sharedPool } from './simClient.ts';

/** Where the current job is. */
export type RunPhase =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; elapsedMs: number; total: number; workers: number; reused?: number }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/** What a job runs: the tasks, and how their results (in task order) become the job's result. */
export interface JobPlan<T> {
  tasks: RunTask[];
  finish: (results: RunResult[]) => T;
  /** A provisional result, shown while the job runs (a comparison on the seeds done so far). */
  provisional?: Provisional<T>;
}

/**
 * How a job answers before it ends: `add` takes each run as it finishes (its task index) and says whether a new
 * provisional result is due; `make` makes it, or null when none is due after all. `make` runs at most once per
 * batch of runs that came in together, so a burst of finished runs is summarised once.
 */
export interface Provisional<T> {
  add: (index: number, result: RunResult) => boolean;
  make: () => T | null;
}

/** The job state and its actions. */
export interface PoolJob<T> {
  phase: RunPhase;
  result: T | null;
  /** Plans (on this thread: light work only) and starts a job, cancelling the one under way. */
  run: (plan: () => JobPlan<T>) => void;
  cancel: () => void;
  /** Cancels and forgets the shown result. */
  clear: () => void;
  /** Cancels any job and shows a result computed earlier (a saved run), without running anything. */
  show: (result: T) => void;
}

/** A hook owning one job slot on the page's shared pool. */
export function usePoolJob<T>(): PoolJob<T> {
  const controllerRef = useRef<AbortController | null>(null);
  const [phase, setPhase] = useState<RunPhase>({ kind: 'idle' });
  const [result, setResult] = useState<T | null>(null);
  /** The last result that was not provisional: what a cancelled or failed job leaves on screen. */
  const settledRef = useRef<T | null>(null);
  /** Whether the result on screen is a provisional one. */
  const provisionalRef = useRef(false);
  const settle = useCallback((shown: T | null) => {
    settledRef.current = shown;
    provisionalRef.current = false;
    setResult(shown);
  }, []);

  useEffect(() => () => controllerRef.current?.abort(), []);

  const run = useCallback(
    (makePlan: () => JobPlan<T>) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      const current = () => controllerRef.current === controller && !controller.signal.aborted;
      const pool = sharedPool();
      const started = performance.now();
      let finished = false;
      void (async () => {
        try {
          const plan = makePlan();
          setPhase({ kind: 'running', done: 0, total: plan.tasks.length });
          const hitsBefore = pool.cacheCount.hits;
          // Runs come in one message at a time; a provisional result waits a turn of the event loop, so runs that
          // arrive together (say, from the run cache) make one summary.
          let scheduled = false;
          const provisional = plan.provisional;
          const onResult = provisional
            ? (index: number, finishedRun: RunResult) => {
                if (!provisional.add(index, finishedRun) || scheduled) return;
                scheduled = true;
                setTimeout(() => {
                  scheduled = false;
                  if (finished || !current()) return;
                  let shown: T | null;
                  try {
                    shown = provisional.make();
                  } catch {
                    // No provisional answer then; the final one is made from the same runs and reports any error.
                    return;
                  }
                  if (shown === null) return;
                  provisionalRef.current = true;
                  setResult(shown);
                }, 0);
              }
            : undefined;
          const results = await pool.runTasks(
            plan.tasks,
            (done, total) => {
              if (current()) setPhase({ kind: 'running', done, total });
            },
            controller.signal,
            onResult,
          );
          finished = true;
          if (!current()) return;
          settle(plan.finish(results));
          setPhase({
            kind: 'done',
            elapsedMs: performance.now() - started,
            total: plan.tasks.length,
            workers: pool.size,
            reused: pool.cacheCount.hits - hitsBefore,
          });
        } catch (error) {
          finished = true;
          if (controllerRef.current !== controller) return;
          // A provisional answer never outlives its job: a cancelled or failed job leaves the last final one.
          if (provisionalRef.current) settle(settledRef.current);
          if (error instanceof CancelledError) setPhase({ kind: 'cancelled' });
          else setPhase({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
        }
      })();
    },
    [settle],
  );

  const cancel = useCallback(() => controllerRef.current?.abort(), []);

  const clear = useCallback(() => {
    controllerRef.current?.abort();
    controllerRef.current = null;
    settle(null);
    setPhase({ kind: 'idle' });
  }, [settle]);

  const show = useCallback(
    (shown: T) => {
      controllerRef.current?.abort();
      controllerRef.current = null;
      settle(shown);
      setPhase({ kind: 'idle' });
    },
    [settle],
  );

  return { phase, result, run, cancel, clear, show };
}
