/**
 * Runs sweeps on the shared worker pool to the workbench's precision and keeps, beside the summary, per-arm intervals
 * over replications. While the runs go on, the sweep of the seeds every value still going has finished is shown,
 * marked provisional.
 */
import { useCallback } from 'react';
import type { Scenario } from '../scenario/schema.ts';
import type { RunPhase } from './jobs/jobState.ts';
import { sweepJob, type SweepOutcome, type SweepRequest } from './jobs/sweepJobPlan.ts';
import { useJob } from './jobs/useJob.ts';
import { sharedPool } from './simClient.ts';

export { MAX_SWEEP_POINTS, sweepJob, type SweepOutcome, type SweepRequest } from './jobs/sweepJobPlan.ts';

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
  const { start } = job;
  const run = useCallback(
    (scenario: Scenario, request: SweepRequest, metricPaths: readonly string[]) =>
      start(sweepJob(scenario, request, metricPaths, sharedPool().runTasks)),
    [start],
  );
  return { phase: job.phase, result: job.result, run, cancel: job.cancel, clear: job.clear };
}
