/** Entry point of the model: one run of one arm of a scenario with one seed. */
import { rulesForArm } from '../scenario/rulesForArm.ts';
import type { Scenario } from '../scenario/schema.ts';
import { computeCompliance } from './compliance.ts';
import { runEngine } from './engine.ts';
import { courierDaysOf, summarise } from './metrics.ts';
import type { RunResult } from './results.ts';

/** Options of one run. */
export interface SimulateOptions {
  /** Keep one row per courier-day in the result (for evidence packs). */
  courierDays?: boolean;
}

/** Runs one replication of one arm; pure and deterministic in (scenario, armId, seed). */
export function simulate(scenario: Scenario, armId: string, seed: number, options: SimulateOptions = {}): RunResult {
  const rules = rulesForArm(scenario, armId);
  const { tally, population } = runEngine({ scenario, rules, seed });
  const summary = summarise(scenario, tally);
  const heat = { heat40CourierDays: tally.heat40CourierDays, heat37MaxOnlineHours: tally.heat37MaxOnlineHours };
  const result: RunResult = {
    armId,
    seed,
    ...summary,
    heat,
    compliance: computeCompliance(scenario, rules, summary.metrics, heat),
  };
  if (options.courierDays) result.courierDays = courierDaysOf(tally, population.crowd, population.isNew);
  return result;
}
