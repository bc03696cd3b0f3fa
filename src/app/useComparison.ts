/** Runs comparisons on the worker pool: one at a time, cancellable, with progress and readable errors. */
import { useCallback } from 'react';
import { planCompare, summariseCompare, type Comparison } from '../analysis/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import { usePoolJob, type RunPhase } from './usePoolJob.ts';

export type { RunPhase } from './usePoolJob.ts';

/** A finished comparison and the exact scenario it was computed for. */
export interface ComparisonResult {
  scenario: Scenario;
  comparison: Comparison;
}

/** The run state and the two actions. */
export interface ComparisonRunner {
  phase: RunPhase;
  result: ComparisonResult | null;
  run: (scenario: Scenario) => void;
  cancel: () => void;
  /** Forgets the shown result (when another preset is chosen). */
  clear: () => void;
  /** Shows a comparison computed earlier (a saved run) without running it. */
  show: (result: ComparisonResult) => void;
}

/** A hook running one comparison at a time on the page's shared pool. */
export function useComparison(): ComparisonRunner {
  const job = usePoolJob<ComparisonResult>();
  const { run: runJob } = job;
  const run = useCallback(
    (scenario: Scenario) =>
      runJob(() => {
        const plan = planCompare(scenario);
        return {
          tasks: plan.tasks,
          finish: (results) => ({ scenario, comparison: summariseCompare(scenario, plan, results) }),
        };
      }),
    [runJob],
  );
  return { ...job, run };
}
