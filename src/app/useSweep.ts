/**
 * Runs sweeps on the shared worker pool and keeps, beside the summary, per-arm intervals over replications. While the
 * runs go on, the sweep of the first seeds every point and arm has finished is shown, marked provisional.
 */
import { useCallback } from 'react';
import type { Scenario } from '../scenario/schema.ts';
import type { RunPhase } from './jobs/jobState.ts';
import { sweepJobPlan, type SweepOutcome, type SweepRequest } from './jobs/sweepJobPlan.ts';
import { useJob } from './jobs/useJob.ts';

export { MAX_SWEEP_POINTS, sweepJobPlan, type SweepOutcome, type SweepRequest } from './jobs/sweepJobPlan.ts';

/** The sweep's state and actions. */
export interface SweepRunner {
  phase: RunPhase;
  result: SweepOutcome | null;
  run: (scenario: Scenario, request: SweepRequest, metricPaths: readonly string[]) => void;
  cancel: () => void;
  clear: () => void;
}

/** A hook running one sweep at a time. */
export function useSweep(): SweepRunner {
  const job = useJob<SweepOutcome>();
  const { runPlan } = job;
  const run = useCallback(
    (scenario: Scenario, request: SweepRequest, metricPaths: readonly string[]) =>
      runPlan(() => sweepJobPlan(scenario, request, metricPaths)),
    [runPlan],
  );
  return { phase: job.phase, result: job.result, run, cancel: job.cancel, clear: job.clear };
}
