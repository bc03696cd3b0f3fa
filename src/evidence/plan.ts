/** Which runs a pack needs, how one is run (keeping courier-day rows), and the command that makes the pack again. */
import {
  planCompare,
  seedsFor,
  inProcessExecutor,
  type ComparePlan,
  type Executor,
  type RunTask,
} from '../analysis/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { simulate } from '../sim/simulate.ts';
import type { WarmupCache } from '../sim/warmup.ts';

/** Largest number of courier-day rows a pack holds (about 200 MB of CSV), so a pack stays readable and verifiable. */
export const MAX_COURIER_DAY_ROWS = 1_000_000;

/** Arms, replications and first seed of a pack (the scenario's values when left out), as for `compare`. */
export interface EvidenceOptions {
  arms?: string[];
  replications?: number;
  seed?: number;
}

/** Rows courier_days.csv will have: couriers × days × replications × arms. */
export function courierDayRows(scenario: Scenario, plan: ComparePlan): number {
  return scenario.population.couriers * scenario.time.days * plan.seeds.length * plan.armIds.length;
}

/**
 * The runs of a pack: those of the comparison with the same options. Throws RangeError for an unknown arm or a pack
 * of more than MAX_COURIER_DAY_ROWS courier-day rows.
 */
export function planEvidence(scenario: Scenario, options: EvidenceOptions = {}): ComparePlan {
  const plan = planCompare(scenario, options);
  const rows = courierDayRows(scenario, plan);
  if (rows > MAX_COURIER_DAY_ROWS) {
    throw new RangeError(
      `the pack would hold ${rows} courier-day rows (couriers × days × replications × arms), more than ` +
        `${MAX_COURIER_DAY_ROWS}; use fewer replications, arms, days or couriers`,
    );
  }
  return plan;
}

/** The plan of a pack from a manifest's arms and seeds; throws RangeError unless the seeds are consecutive. */
export function planFromManifest(scenario: Scenario, arms: string[], seeds: readonly number[]): ComparePlan {
  const first = seeds[0] ?? 0;
  const expected = seedsFor(first, seeds.length);
  if (seeds.some((s, i) => s !== expected[i])) {
    throw new RangeError(
      `the seeds must be consecutive (${first}, ${first + 1}, …), as the evidence command makes them`,
    );
  }
  return planEvidence(scenario, { arms, seed: first, replications: seeds.length });
}

/** One run of a pack: a replication of one arm with its courier-day rows. */
export function runEvidenceTask(task: RunTask, warmups?: WarmupCache): RunResult {
  return simulate(task.scenario, task.armId, task.seed, { courierDays: true, ...(warmups ? { warmups } : {}) });
}

/** Runs a pack's tasks in this thread; an Executor whose results keep their courier-day rows. */
export const runEvidenceInProcess: Executor = inProcessExecutor(runEvidenceTask);

/**
 * The command that makes the pack again from the scenario.json inside it. Every option is written out, so the
 * command does not depend on the scenario's own defaults; the number of workers never changes a result.
 */
export function reproduceCommand(plan: ComparePlan, included: readonly string[] = []): string {
  const include = included.length > 0 ? `--include ${included.join(',')} ` : '';
  return (
    `fairpace evidence scenario.json --arms ${plan.armIds.join(',')} --replications ${plan.seeds.length} ` +
    `--seed ${plan.seeds[0] ?? 0} ${include}--out pack.zip`
  );
}
