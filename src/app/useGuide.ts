/** Runs the guide's comparisons on the shared worker pool: one step's scenario at a time, cancellable. */
import { useCallback, useRef } from 'react';
import {
  calibrationOfRuns,
  DEFAULT_TARGETS,
  planCompare,
  runsByArmOf,
  summariseCompare,
  type Comparison,
  type RunsCalibration,
} from '../analysis/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import { deliveryMinutes, type GuideStep } from './guideSteps.ts';
import { usePoolJob, type RunPhase } from './usePoolJob.ts';

/** A finished guide run: what it ran, the comparison, the model check and (first step) the delivery times. */
export interface GuideOutcome {
  step: GuideStep;
  value: number;
  scenario: Scenario;
  comparison: Comparison;
  calibration: RunsCalibration;
  /** Minutes from order to door of the looser arm's first run (the first step's chart). */
  minutes: number[];
  /** How many guide runs have finished on this page, this one included. */
  serial: number;
}

/** The guide's run state. */
export interface GuideRunner {
  phase: RunPhase;
  result: GuideOutcome | null;
  run: (scenario: Scenario, step: GuideStep, value: number) => void;
  cancel: () => void;
}

/** A hook running one guide comparison at a time. */
export function useGuide(): GuideRunner {
  const job = usePoolJob<GuideOutcome>();
  const { run: runJob } = job;
  const finished = useRef(0);
  const run = useCallback(
    (scenario: Scenario, step: GuideStep, value: number) =>
      runJob(() => {
        const plan = planCompare(scenario);
        const looser = plan.armIds.at(-1);
        const firstSeed = plan.seeds[0];
        // Only the first step draws delivery times; only the looser arm's first run keeps them.
        const tasks = plan.tasks.map((task) =>
          step === 'promise' && task.armId === looser && task.seed === firstSeed ? { ...task, orders: true } : task,
        );
        return {
          tasks,
          finish: (results) => {
            const traced = results.find((r) => r.orders !== undefined);
            // The comparison's summary never reads the trace; drop it before keeping the results.
            const plain = results.map(({ orders: _orders, ...r }) => r);
            return {
              step,
              value,
              scenario,
              comparison: summariseCompare(scenario, plan, plain),
              calibration: calibrationOfRuns(
                scenario,
                DEFAULT_TARGETS,
                plan.seeds,
                runsByArmOf(plan.armIds, plan.seeds.length, plain),
              ),
              minutes: deliveryMinutes(traced?.orders),
              serial: (finished.current += 1),
            };
          },
        };
      }),
    [runJob],
  );
  return { phase: job.phase, result: job.result, run, cancel: job.cancel };
}
