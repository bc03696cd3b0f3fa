/** One cancellable multi-batch analysis (target search, sensitivity, zone) on the shared worker pool, with progress. */
import { useCallback } from 'react';
import type {
  CancelSignal,
  Executor,
  ProgressFn,
  RobustnessResult,
  SensitivityResult,
  TargetResult,
  ZoneResult,
} from '../analysis/index.ts';
import type { RunPhase } from './jobs/jobState.ts';
import { useJob } from './jobs/useJob.ts';
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
  const job = useJob<T>();
  const { start } = job;
  const run = useCallback<BargainJob<T>['run']>(
    (analysis) => start(({ progress, signal }) => analysis(sharedPool().runTasks, progress, signal)),
    [start],
  );
  return { phase: job.phase, result: job.result, run, cancel: job.cancel };
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
