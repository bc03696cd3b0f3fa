// The library's types, held by `npm run typecheck` (tsc -p tsconfig.node.json includes test/): each
// `@ts-expect-error` below must be an error, or the typecheck fails. The runtime test only keeps vitest content.
import { describe, expect, it } from 'vitest';
import {
  METRIC_PATHS,
  compare,
  loadScenario,
  type Comparison,
  type DifferencePath,
  type MetricPath,
  type Scenario,
} from '../../src/lib/index.ts';

/** Never called: the lines matter to the compiler only. */
export async function typeChecks(raw: Scenario, c: Comparison): Promise<void> {
  const scenario = loadScenario('{"schemaVersion":2}');
  await compare(scenario, { replications: 2 });
  // @ts-expect-error a scenario must come from loadScenario, not be written by hand
  await compare(raw);
  // @ts-expect-error nor be an object literal
  await compare({ schemaVersion: 2 });
  // @ts-expect-error replications is a number
  await compare(scenario, { replications: '2' });
  // @ts-expect-error an option the function does not take
  await compare(scenario, { replication: 2 });

  const arm = c.arms[0];
  if (!arm) return;
  const share: number = arm.intervals['earnings.shareBelowMinWage'].ci95[1];
  // @ts-expect-error a misspelled metric path does not compile
  void arm.intervals['earnings.shareBelowMinWag'];
  // @ts-expect-error quantiles have no interval: each distribution's mean has
  void arm.intervals['workload.onlineHours.p90'];
  const replayOnly = arm.intervals['mdrp.deliveredShare']?.mean;
  const difference = c.differences['safety.speedingKmShare']?.mean;
  // @ts-expect-error differences are keyed by metric path too
  void c.differences['safety.speeding'];
  const path: MetricPath = 'workload.onlineHours.p90';
  // @ts-expect-error a difference path is never a quantile
  const quantile: DifferencePath = 'workload.onlineHours.p90';
  void [share, replayOnly, difference, path, quantile];
}

describe('typed metric paths', () => {
  it('names the paths METRIC_PATHS lists', () => {
    const examples: MetricPath[] = ['earnings.shareBelowMinWage', 'workload.onlineHours.p90', 'platform.margin'];
    for (const path of examples) expect(METRIC_PATHS).toContain(path);
  });
});
