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

  useEffect(() => () => controllerRef.current?.abort(), []);

  const run = useCallback((makePlan: () => JobPlan<T>) => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    const current = () => controllerRef.current === controller;
    const pool = sharedPool();
    const started = performance.now();
    void (async () => {
      try {
        const plan = makePlan();
        setPhase({ kind: 'running', done: 0, total: plan.tasks.length });
        const hitsBefore = pool.cacheCount.hits;
        const results = await pool.runTasks(
          plan.tasks,
          (done, total) => {
            if (current()) setPhase({ kind: 'running', done, total });
          },
          controller.signal,
        );
        if (!current()) return;
        setResult(plan.finish(results));
        setPhase({
          kind: 'done',
          elapsedMs: performance.now() - started,
          total: plan.tasks.length,
          workers: pool.size,
          reused: pool.cacheCount.hits - hitsBefore,
        });
      } catch (error) {
        if (!current()) return;
        if (error instanceof CancelledError) setPhase({ kind: 'cancelled' });
        else setPhase({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    })();
  }, []);

  const cancel = useCallback(() => controllerRef.current?.abort(), []);

  const clear = useCallback(() => {
    controllerRef.current?.abort();
    controllerRef.current = null;
    setResult(null);
    setPhase({ kind: 'idle' });
  }, []);

  const show = useCallback((shown: T) => {
    controllerRef.current?.abort();
    controllerRef.current = null;
    setResult(shown);
    setPhase({ kind: 'idle' });
  }, []);

  return { phase, result, run, cancel, clear, show };
}
