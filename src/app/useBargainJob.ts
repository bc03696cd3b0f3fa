/** One cancellable multi-batch analysis (target search, sensitivity, zone) on the shared worker pool, with progress. */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  CancelledError,
  type CancelSignal,
  type Executor,
  type ProgressFn,
  type RobustnessResult,
  type SensitivityResult,
  type TargetResult,
  type ZoneResult,
} from '../analysis/index.ts';
import type { RunPhase } from './usePoolJob.ts';
import { sharedPool } from './simClient.ts';

/** The job state and its actions. */
export interface BargainJob<T> {
  phase: RunPhase;
  result: T | null;
  run: (job: (execute: Executor, onProgress: ProgressFn, signal: CancelSignal) => Promise<T>) => void;
  cancel: () => void;
}

/** A hook owning one job on the page's shared pool. */
export function useBargainJob<T>(): BargainJob<T> {
  const controllerRef = useRef<AbortController | null>(null);
  const [phase, setPhase] = useState<RunPhase>({ kind: 'idle' });
  const [result, setResult] = useState<T | null>(null);
  useEffect(() => () => controllerRef.current?.abort(), []);

  const run = useCallback<BargainJob<T>['run']>((job) => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    const current = () => controllerRef.current === controller;
    const pool = sharedPool();
    const started = performance.now();
    let total = 0;
    setPhase({ kind: 'running', done: 0, total: 0 });
    void (async () => {
      try {
        const out = await job(
          pool.runTasks,
          (done, all) => {
            total = all;
            if (current()) setPhase({ kind: 'running', done, total: all });
          },
          controller.signal,
        );
        if (!current()) return;
        setResult(out);
        setPhase({ kind: 'done', elapsedMs: performance.now() - started, total, workers: pool.size });
      } catch (error) {
        if (!current()) return;
        if (error instanceof CancelledError) setPhase({ kind: 'cancelled' });
        else setPhase({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    })();
  }, []);

  const cancel = useCallback(() => controllerRef.current?.abort(), []);
  return { phase, result, run, cancel };
}

/** The bargaining jobs of the page, owned by the App so that Export can carry their results. */
export interface BargainingJobs {
  target: BargainJob<TargetResult>;
  tornado: BargainJob<SensitivityResult>;
  zone: BargainJob<ZoneResult>;
  robustness: BargainJob<RobustnessResult>;
}

/** The page's target, sensitivity (tornado), zone and robustness jobs. */
export function useBargainingJobs(): BargainingJobs {
  return {
    target: useBargainJob<TargetResult>(),
    tornado: useBargainJob<SensitivityResult>(),
    zone: useBargainJob<ZoneResult>(),
    robustness: useBargainJob<RobustnessResult>(),
  };
}
