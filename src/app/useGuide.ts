/** Runs the guide's comparisons on the shared worker pool: one step's scenario at a time, cancellable. */
import { useCallback, useRef } from 'react';
import { calibrationOfRuns, DEFAULT_TARGETS, planCompare, runsByArmOf, summariseCompare } from '../analysis/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import { deliveryMinutes, type GuideStep } from './guideSteps.ts';
import type { GuideOutcome } from './guideText.ts';
import type { RunPhase } from './jobs/jobState.ts';
import { useJob } from './jobs/useJob.ts';

export type { GuideOutcome } from './guideText.ts';

/** The guide's run state. */
export interface GuideRunner {
  phase: RunPhase;
  result: GuideOutcome | null;
  /** Runs a step's scenario; `baseDigest` names the editor's scenario it came from (runs pair only within one). */
  run: (scenario: Scenario, step: GuideStep, value: number, baseDigest: string) => void;
  cancel: () => void;
}

/** A hook running one guide comparison at a time. */
export function useGuide(): GuideRunner {
  const job = useJob<GuideOutcome>();
  const { runPlan } = job;
  const finished = useRef(0);
  const run = useCallback(
    (scenario: Scenario, step: GuideStep, value: number, baseDigest: string) =>
      runPlan(() => {
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
            const n = plan.seeds.length;
            // Each run's metrics stay, so that the next run at another value pairs with this one seed by seed.
            const runs = plan.armIds.map((_, a) =>
              plain.slice(a * n, (a + 1) * n).map((r) => ({
                metrics: r.metrics,
                promisedByDay: r.perDay.map((d) => d.promisedMinMean),
              })),
            );
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
              runs,
              baseDigest,
              serial: (finished.current += 1),
            };
          },
        };
      }),
    [runPlan],
  );
  return { phase: job.phase, result: job.result, run, cancel: job.cancel };
}
