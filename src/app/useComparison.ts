/** Runs comparisons on the worker pool: one at a time, cancellable, with progress and readable errors. */
import { useCallback } from 'react';
import {
  checkedComparison,
  planCompare,
  SeedPrefix,
  type Comparison,
  type RunsCalibration,
} from '../analysis/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunPhase } from './jobs/jobState.ts';
import { useJob } from './jobs/useJob.ts';

export type { RunPhase } from './jobs/jobState.ts';

/** A finished comparison and the exact scenario it was computed for. */
export interface ComparisonResult {
  scenario: Scenario;
  comparison: Comparison;
  /**
   * The comparison's runs held against the default targets. The comparison runs every arm of the scenario with the
   * scenario's seeds, which are exactly the runs `fairpace calibrate` makes (a run depends only on scenario, arm and
   * seed), so no run of its own is needed and the numbers equal the command's. Absent for a saved run, which keeps
   * no runs.
   */
  calibration?: RunsCalibration;
  /**
   * Present while the comparison is still running: the answer of the first `replications` seeds (every arm done for
   * each), of the `of` the scenario asks for. Its numbers are exactly `fairpace compare --replications <replications>`.
   */
  provisional?: { replications: number; of: number };
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
  const job = useJob<ComparisonResult>();
  const { runPlan } = job;
  const run = useCallback(
    (scenario: Scenario) =>
      runPlan(() => {
        const plan = planCompare(scenario);
        const prefix = new SeedPrefix(plan);
        return {
          tasks: plan.tasks,
          finish: (results) => ({ scenario, ...checkedComparison(scenario, plan, results) }),
          provisional: {
            add: (index, result) => prefix.add(index, result),
            make: () => {
              const seeds = prefix.take();
              if (seeds === null) return null;
              const part = prefix.prefix(seeds);
              return {
                scenario,
                ...checkedComparison(scenario, part.plan, part.results),
                provisional: { replications: seeds, of: plan.seeds.length },
              };
            },
          },
        };
      }),
    [runPlan],
  );
  return { phase: job.phase, result: job.result, run, cancel: job.cancel, clear: job.clear, show: job.show };
}
