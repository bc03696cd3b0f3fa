/**
 * The workbench's sweep as a job, without the hook (useSweep.ts) or any browser API, so that it can be tested in
 * Node: `fairpace sweep --precision 0.2` (src/analysis/sweepSequential.ts). Every value first runs on 3 seeds, and
 * only values whose intervals are still wide against their own size and the curve's spread get more; while it runs,
 * the sweep of the seeds every value still going has finished is shown, marked provisional.
 */
import {
  rangeValues,
  sweepToPrecision,
  type Executor,
  type SequentialSweep,
  type SweepOptions,
  type SweepResult,
} from '../../analysis/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { sweepArmIntervals, type SweepPoint } from '../sweepSeries.ts';
import type { JobWork } from './jobSlot.ts';

/** The precision the workbench's sweep runs to (as the tornado's). */
export const APP_SWEEP_PRECISION = 0.2;

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
  /** Each value's point on the seeds it ran (`replicationsByValue`). */
  sweep: SweepResult & { replicationsByValue: number[] };
  intervals: SweepPoint[];
  /** Runs made, and the runs a sweep on every seed makes. */
  runs: number;
  fullRuns: number;
  /**
   * Present while the sweep is still running: the fewest seeds a value stands on (`replications`), of the `of`
   * asked for. Its numbers are exactly those of `fairpace sweep --precision 0.2` stopped there.
   */
  provisional?: { replications: number; of: number };
}

/** Most points a sweep may have in the app (each point is a full comparison). */
export const MAX_SWEEP_POINTS = 41;

/** The sweep's job on `execute`: provisional sweeps as seeds come in, and the final one. */
export function sweepJob(
  scenario: Scenario,
  request: SweepRequest,
  metricPaths: readonly string[],
  execute: Executor,
): JobWork<SweepOutcome> {
  const options: SweepOptions = {
    param: request.param,
    values: rangeValues(request.from, request.to, request.step, MAX_SWEEP_POINTS),
    ...(request.arms.length > 0 ? { arms: request.arms } : {}),
  };
  const outcome = (s: SequentialSweep): SweepOutcome => ({
    scenario,
    request,
    sweep: s.sweep,
    intervals: sweepArmIntervals(s.plan, s.results, metricPaths),
    runs: s.runs,
    fullRuns: s.fullRuns,
  });
  return async ({ signal, progress, provisional }) =>
    outcome(
      await sweepToPrecision(
        scenario,
        options,
        { precision: APP_SWEEP_PRECISION },
        execute,
        undefined,
        progress,
        signal,
        (a) => provisional({ ...outcome(a.answer), provisional: { replications: a.replications, of: a.of } }),
      ),
    );
}
