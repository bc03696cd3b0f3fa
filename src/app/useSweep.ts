/**
 * Runs sweeps on the shared worker pool and keeps, beside the summary, per-arm intervals over replications. While the
 * runs go on, the sweep of the first seeds every point and arm has finished is shown, marked provisional.
 */
import { useCallback } from 'react';
import {
  planSweep,
  rangeValues,
  SeedTally,
  summariseSweep,
  sweepPrefix,
  sweepSeedCount,
  type SweepOptions,
  type SweepPlan,
  type SweepResult,
} from '../analysis/index.ts';
import { seedMajor } from '../analysis/prefixBatch.ts';
import type { RunResult } from '../sim/results.ts';
import type { Scenario } from '../scenario/schema.ts';
import { sweepArmIntervals, type SweepPoint } from './sweepSeries.ts';
import type { RunPhase } from './jobs/jobState.ts';
import type { JobPlan } from './jobs/planWork.ts';
import { useJob } from './jobs/useJob.ts';

/** What a person asks for: a parameter, a range and which arms (all when empty). */
export interface SweepRequest {
  param: string;
  from: number;
  to: number;
  step: number;
  arms: string[];
}

/** A finished sweep with the scenario it ran on and the intervals of the metrics the charts may show. */
export interface SweepOutcome {
  scenario: Scenario;
  request: SweepRequest;
  sweep: SweepResult;
  intervals: SweepPoint[];
  /**
   * Present while the sweep is still running: the sweep of the first `replications` seeds (every point and arm done
   * for each), of the `of` asked for. Its numbers are exactly `fairpace sweep --replications <replications>`.
   */
  provisional?: { replications: number; of: number };
}

/** The sweep's state and actions. */
export interface SweepRunner {
  phase: RunPhase;
  result: SweepOutcome | null;
  run: (scenario: Scenario, request: SweepRequest, metricPaths: readonly string[]) => void;
  cancel: () => void;
  clear: () => void;
}

/** Most points a sweep may have in the app (each point is a full comparison). */
export const MAX_SWEEP_POINTS = 41;

/**
 * The job plan of a sweep: its tasks listed seed by seed, its final outcome from the results in that order, and a
 * provisional outcome whenever every point and arm has finished more seeds (in seed order from the first).
 */
export function sweepJobPlan(
  scenario: Scenario,
  request: SweepRequest,
  metricPaths: readonly string[],
): JobPlan<SweepOutcome> {
  const options: SweepOptions = {
    param: request.param,
    values: rangeValues(request.from, request.to, request.step, MAX_SWEEP_POINTS),
    ...(request.arms.length > 0 ? { arms: request.arms } : {}),
  };
  const plan = planSweep(scenario, options);
  const outcome = (p: SweepPlan, results: RunResult[]): SweepOutcome => ({
    scenario,
    request,
    sweep: summariseSweep(scenario, options, p, results),
    intervals: sweepArmIntervals(p, results, metricPaths),
  });
  const seeds = sweepSeedCount(plan);
  const tally = seeds === null ? null : new SeedTally(seeds, plan.tasks.length / seeds);
  // Seed by seed (every point's first seed, then its second...), so the first answer comes early; results go back
  // to the plan's own order before anything reads them.
  const order = seedMajor(plan.tasks.length, seeds ?? 0);
  return {
    tasks: order.map((i) => plan.tasks[i] as (typeof plan.tasks)[number]),
    finish: (listed) => {
      const results = new Array<RunResult>(listed.length);
      listed.forEach((r, k) => (results[order[k] as number] = r));
      return outcome(plan, results);
    },
    ...(tally && seeds !== null
      ? {
          provisional: {
            add: (index: number, result: RunResult) => tally.add(order[index] as number, result),
            make: () => {
              const k = tally.take();
              if (k === null) return null;
              const cut = sweepPrefix(plan, tally.resultsSoFar, k);
              return { ...outcome(cut.plan, cut.results), provisional: { replications: k, of: seeds } };
            },
          },
        }
      : {}),
  };
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
