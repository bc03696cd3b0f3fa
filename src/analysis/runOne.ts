/** One replication of one arm with the header every result file carries: what `fairpace run` prints. */
import { digestOf } from '../scenario/canonical.ts';
import { SCHEMA_VERSION, type Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../version.ts';
import { simulate } from '../sim/simulate.ts';

/** Which arm and seed to run (default: the first arm and the scenario's seed). */
export interface RunOneOptions {
  arm?: string;
  seed?: number;
  /** Keep the order trace (`orders`) in the result. */
  orders?: boolean;
}

/** The `fairpace run` output: the header, then the RunResult as the engine made it (its seed leads the header). */
export type RunOutput = {
  schemaVersion: number;
  fairpaceVersion: string;
  modelDigest: string;
  scenarioDigest: string;
  seed: number;
  arm: { id: string; label: string };
} & Omit<RunResult, 'seed'>;

/** Runs one replication of one arm; throws RangeError for an arm the scenario lacks. */
export function runOne(scenario: Scenario, options: RunOneOptions = {}): RunOutput {
  const armId = options.arm ?? scenario.arms[0]?.id ?? '';
  const arm = scenario.arms.find((a) => a.id === armId);
  if (!arm) throw new RangeError(`unknown arm "${armId}" (arms: ${scenario.arms.map((a) => a.id).join(', ')})`);
  const seed = options.seed ?? scenario.seed;
  const { seed: _seed, ...result } = simulate(scenario, armId, seed, { orders: options.orders === true });
  return {
    schemaVersion: SCHEMA_VERSION,
    fairpaceVersion: FAIRPACE_VERSION,
    modelDigest: MODEL_DIGEST,
    scenarioDigest: digestOf(scenario),
    seed,
    arm: { id: arm.id, label: arm.label },
    ...result,
  };
}
