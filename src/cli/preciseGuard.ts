/**
 * What the `--precision` commands (sensitivity, sweep) do before their first run: they decide their own rounds, so
 * the batch they would make at the most is planned, its seeds checked and its cost said on stderr (and held to
 * `--max-memory`) before anything runs. Bad input from the analysis (a RangeError, a bad scenario path) becomes exit
 * 2 naming where it came from.
 */
import { availableParallelism } from 'node:os';
import type { RunTask } from '../analysis/index.ts';
import { taskSizes } from '../analysis/runCost.ts';
import { ScenarioPathError } from '../scenario/paths.ts';
import { checkSeedRoom } from './batch.ts';
import { InputError } from './errors.ts';
import { guardRunCost, type CostControl } from './runEstimate.ts';

/** Throws `e` as an InputError naming `who` when it is bad input, else as it is. */
export function asInputError(who: string): (e: unknown) => never {
  return (e) => {
    if (e instanceof RangeError || e instanceof ScenarioPathError) throw new InputError([`${who}: ${e.message}`]);
    throw e;
  };
}

/**
 * Plans the most a `--precision` command can run (`plan`), checks its seeds and says (or refuses) its cost as `what`;
 * returns the threads to run on. A plan that throws bad input exits 2 naming `who`.
 */
export function guardMostRuns(
  what: string,
  who: string,
  plan: () => { tasks: RunTask[] },
  command: CostControl & { seed?: unknown; workers?: number },
  io: { stderr(text: string): void },
): number {
  let tasks: RunTask[];
  try {
    tasks = plan().tasks;
  } catch (e) {
    return asInputError(who)(e);
  }
  checkSeedRoom(tasks, command);
  const threads = command.workers ?? availableParallelism();
  guardRunCost(what, taskSizes(tasks), { threads, courierDays: false }, command, io, true);
  return threads;
}
