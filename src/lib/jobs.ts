/**
 * What every library function does around its analysis: check arm ids and seeds against the scenario, plan before any
 * run (a plan the options cannot make is an OptionsError), and run on the caller's executor or on worker threads for
 * the whole job.
 */
import { availableParallelism } from 'node:os';
import type { z } from 'zod';
import { repricingExecutor, runInProcess, type Executor } from '../analysis/index.ts';
import { OptionsError, seedRoomProblem, type OptionProblem, type RunOptionsSchema } from '../analysis/options.ts';
import { runEvidenceInProcess } from '../evidence/index.ts';
import { withExecutor } from '../node/pool.ts';
import { ScenarioPathError } from '../scenario/paths.ts';
import type { LoadedScenario } from './scenario.ts';

/** How to run: workers, an executor, progress and cancelling (the library's `RunOptions`). */
type RunOptions = z.input<typeof RunOptionsSchema>;

/** Worker threads when the caller names none: one per core, as the `fairpace` command uses. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** A RangeError or ScenarioPathError from planning means the options do not fit the scenario. */
export function asOptionsError(e: unknown): unknown {
  if (e instanceof RangeError || e instanceof ScenarioPathError) {
    const problem: OptionProblem = { option: '', message: e.message, value: undefined };
    return new OptionsError([problem]);
  }
  return e;
}

/** Plans a job before any run; a plan the options cannot make is an OptionsError. */
export function planned<T>(plan: () => T): T {
  try {
    return plan();
  } catch (e) {
    throw asOptionsError(e);
  }
}

/** Every arm id must be one of the scenario's. */
export function checkArmIds(scenario: LoadedScenario, option: string, ids: readonly string[] | undefined): void {
  const known = scenario.arms.map((a) => a.id);
  const problems: OptionProblem[] = (ids ?? [])
    .filter((id) => !known.includes(id))
    .map((id) => ({
      option,
      message: `names arm '${id}', which the scenario lacks (arms: ${known.join(', ')})`,
      value: undefined,
    }));
  if (problems.length > 0) throw new OptionsError(problems);
}

/** The seeds of every replication must stay within the seed range (see seedRoomProblem). */
export function checkSeedRoom(scenario: LoadedScenario, options: { seed?: number; replications?: number }): void {
  if (options.seed === undefined) return;
  const problem = seedRoomProblem(options.seed, options.replications ?? scenario.replications);
  if (problem) throw new OptionsError([problem]);
}

/**
 * Runs a job with the caller's executor, else with threads for the whole job (or this thread) that make runs differing
 * only in per-order money once (not for packs); an analysis refusing its options before any run throws OptionsError.
 */
export async function withJob<T>(
  how: RunOptions,
  job: (executor: Executor) => Promise<T>,
  courierDays = false,
): Promise<T> {
  let started = false;
  const run = (executor: Executor): Promise<T> =>
    job((tasks, onProgress, signal) => {
      started = true;
      return executor(tasks, onProgress, signal);
    });
  try {
    if (how.executor) return await run(how.executor);
    const inProcess = courierDays ? runEvidenceInProcess : runInProcess;
    const priced = (e: Executor): Promise<T> => run(courierDays ? e : repricingExecutor(e));
    return await withExecutor(how.workers ?? defaultWorkers(), inProcess, priced, { courierDays });
  } catch (e) {
    throw started ? e : asOptionsError(e);
  }
}
