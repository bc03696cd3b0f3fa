/** Entry point of the model: one run of one arm of a scenario with one seed. */
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from './results.ts';

/** Options of one run. */
export interface SimulateOptions {
  /** Keep one row per courier-day in the result (for evidence packs). */
  courierDays?: boolean;
}

/** Runs one replication of one arm; pure and deterministic in (scenario, armId, seed). */
export function simulate(_scenario: Scenario, _armId: string, _seed: number, _options: SimulateOptions = {}): RunResult {
  throw new Error('not implemented yet');
}
