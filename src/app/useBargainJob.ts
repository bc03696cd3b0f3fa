/**
 * One cancellable multi-batch analysis (target search, sensitivity, zone) on the shared worker pool, with progress
 * and, for the tools that have one, a provisional answer shown (with its "provisional: k of n" mark) until the final.
 */
import { useCallback, useState } from 'react';
import type {
  CancelSignal,
  Executor,
  ProgressFn,
  RobustnessResult,
  SensitivityResult,
  TargetResult,
  ZoneResult,
} from '../analysis/index.ts';
import type { PrefixBatch } from '../analysis/prefixBatch.ts';
import type { ProvisionalState } from './components/ProvisionalMark.tsx';
import { batchJobPlan } from './jobs/batchJobPlan.ts';
import type { RunPhase } from './jobs/jobState.ts';
import { planWork } from './jobs/planWork.ts';
import { useJob } from './jobs/useJob.ts';
import { sharedPool } from './simClient.ts';

/** Shows a provisional answer of the running job, on `state.replications` of `state.of` seeds. */
export type ShowProvisional<T> = (result: T, state: ProvisionalState) => void;

/** The job state and its actions. */
export interface BargainJob<T> {
  phase: RunPhase;
  result: T | null;
  run: (job: (execute: Executor, onProgress: ProgressFn, signal: CancelSignal) => Promise<T>) => void;
  cancel: () => void;
}

/**
 * A job that may show provisional answers before its final one (the tornado, the zone). `result` stays the last
 * final answer (what Export carries); `shown` is what the panel paints, provisional or final.
 */
export interface ProvisionalJob<T> extends BargainJob<T> {
  /** The answer on screen: a provisional one of the running job, or the last final one. */
  shown: T | null;
  /** How far `shown` is, while it is a provisional answer; undefined for a final one. */
  provisional: ProvisionalState | undefined;
  /** Runs a multi-batch analysis that shows provisional answers (the sequential tornado, as its seeds come in). */
  runShowing: (
    job: (execute: Executor, onProgress: ProgressFn, signal: CancelSignal, show: ShowProvisional<T>) => Promise<T>,
  ) => void;
  /** Runs one batch (planned on this thread: light work only), with its answer on the seeds done so far as they come. */
  runBatch: (makeBatch: () => PrefixBatch<T>) => void;
}

/** A hook owning one job on the page's shared pool. */
export function useBargainJob<T>({ cache = true }: { cache?: boolean } = {}): ProvisionalJob<T> {
  const job = useJob<T>();
  // Runs whose results are too large to keep (order traces of many days) skip the browser's run cache.
  const executor = useCallback(() => (cache ? sharedPool().runTasks : sharedPool().runUncachedTasks), [cache]);
  const { start } = job;
  // How far each provisional answer is, by the answer itself: the slot keeps the result, this says its count.
  const [counts] = useState(() => new WeakMap<object, ProvisionalState>());
  const mark = useCallback(
    (result: T, state: ProvisionalState): T => {
      if (typeof result === 'object' && result !== null) counts.set(result, state);
      return result;
    },
    [counts],
  );
  const run = useCallback<BargainJob<T>['run']>(
    (analysis) => start(({ progress, signal }) => analysis(executor(), progress, signal)),
    [start, executor],
  );
  const runShowing = useCallback<ProvisionalJob<T>['runShowing']>(
    (analysis) =>
      start(({ progress, signal, provisional }) =>
        analysis(executor(), progress, signal, (result, state) => provisional(mark(result, state))),
      ),
    [start, mark, executor],
  );
  const runBatch = useCallback<ProvisionalJob<T>['runBatch']>(
    (makeBatch) => start(planWork(executor(), () => batchJobPlan(makeBatch(), mark))),
    [start, mark, executor],
  );
  const shown = job.state.result;
  const provisional =
    job.state.provisional && typeof shown === 'object' && shown !== null ? counts.get(shown) : undefined;
  return {
    phase: job.phase,
    result: job.state.provisional ? job.state.settled : job.state.result,
    shown,
    provisional,
    run,
    runShowing,
    runBatch,
    cancel: job.cancel,
  };
}

/**
 * What the tornado shows: a ranking; while it is provisional, also the seeds each row rests on
 * (`replicationsByParam`, which the final answer carries too), the parameters still to come and the runs read.
 */
export type TornadoAnswer = SensitivityResult & {
  replicationsByParam?: Record<string, number>;
  pending?: string[];
  runs?: number;
};

/** The bargaining jobs of the page, owned by the App so that Export can carry their results. */
export interface BargainingJobs {
  target: ProvisionalJob<TargetResult>;
  tornado: ProvisionalJob<TornadoAnswer>;
  zone: ProvisionalJob<ZoneResult>;
  robustness: BargainJob<RobustnessResult>;
}

/** The page's target, sensitivity (tornado), zone and robustness jobs. */
export function useBargainingJobs(): BargainingJobs {
  return {
    target: useBargainJob<TargetResult>(),
    tornado: useBargainJob<TornadoAnswer>(),
    zone: useBargainJob<ZoneResult>(),
    robustness: useBargainJob<RobustnessResult>(),
  };
}
