/**
 * The job plan of a sweep in the workbench, without the hook (useSweep.ts) or any browser API, so that it can be
 * tested in Node: its tasks run seed by seed, and the sweep of the first seeds every point and arm has finished is
 * shown while the rest run.
 */
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
} from '../../analysis/index.ts';
import { seedMajor } from '../../analysis/prefixBatch.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { RunResult } from '../../sim/results.ts';
import { sweepArmIntervals, type SweepPoint } from '../sweepSeries.ts';
import type { JobPlan } from './planWork.ts';

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
