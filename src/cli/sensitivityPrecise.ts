/**
 * `fairpace sensitivity --precision P` (issue 21 item 2): every parameter screened on 3 paired seeds, then seeds
 * added two at a time only to the parameters whose place in the ranking or whose sign flip is still in doubt
 * (src/analysis/sequentialSensitivity.ts). stdout is the ranking in the usual format, with each parameter's seeds and
 * score interval added to the JSON; stderr says how many runs were made, against how many the full analysis makes,
 * and why it stopped.
 */
import { availableParallelism } from 'node:os';
import { runInProcess, sensitivityBatch, sensitivityToPrecision } from '../analysis/index.ts';
import { taskSizes } from '../analysis/runCost.ts';
import { ScenarioPathError } from '../scenario/paths.ts';
import type { SensitivityCommand } from './bargainingArgs.ts';
import { formatSensitivityTable } from './bargainingCommands.ts';
import { checkSeedRoom } from './batch.ts';
import type { CliIo } from './cliIo.ts';
import { EXIT_OK, InputError } from './errors.ts';
import { emit, jsonText, readScenarioFile } from './files.ts';
import { withExecutor } from '../node/pool.ts';
import { progressFor } from './progress.ts';
import { guardRunCost } from './runEstimate.ts';
import { withRunCache } from './runStore.ts';

/** Runs the sequential sensitivity analysis and prints its ranking. */
export async function sensitivityPreciseCommand(command: SensitivityCommand, io: CliIo): Promise<number> {
  const scenario = await readScenarioFile(command.file, io);
  const precision = command.precision as number;
  const options = {
    ...(command.params ? { params: command.params } : {}),
    ...(command.arms ? { arms: command.arms } : {}),
    ...(command.replications !== undefined ? { replications: command.replications } : {}),
    ...(command.seed !== undefined ? { seed: command.seed } : {}),
  };
  const badInput = (e: unknown): never => {
    if (e instanceof RangeError || e instanceof ScenarioPathError) {
      throw new InputError([`${command.params ? '--params' : 'fairpace sensitivity'}: ${e.message}`]);
    }
    throw e;
  };
  // The most it can cost is the full analysis: said (and checked against --max-memory) before any run.
  let full;
  try {
    full = sensitivityBatch(scenario, options);
  } catch (e) {
    return badInput(e);
  }
  checkSeedRoom(full.tasks, command);
  const replications = command.replications ?? scenario.replications;
  const threads = command.workers ?? availableParallelism();
  guardRunCost(
    'fairpace sensitivity --precision',
    taskSizes(full.tasks),
    { threads, courierDays: false },
    command,
    io,
    true,
  );
  const progress = progressFor(command, io);
  const outcome = await withExecutor(threads, runInProcess, (executor) => {
    const cached = withRunCache(executor, command, {}, io);
    return sensitivityToPrecision(scenario, options, { precision }, cached.executor, undefined, (done, total) =>
      progress.update(done, total),
    ).finally(cached.report);
  }).catch(badInput);
  progress.finish();
  if (!command.quiet) {
    const reps = Object.values(outcome.result.replicationsByParam);
    const fewest = Math.min(...reps);
    const most = Math.max(...reps);
    const spread = fewest === most ? `${most} seeds each` : `${fewest} to ${most} seeds a parameter`;
    io.stderr(
      outcome.stopped === 'settled'
        ? `runs: ${outcome.runs} of the full analysis's ${outcome.fullRuns} (${spread}; the base on all ${replications}): every place in the ranking and every sign is settled at ±${precision * 100}%\n`
        : `runs: ${outcome.runs} of ${outcome.fullRuns} (${spread}); on every seed and still in doubt: ${outcome.unsettled.join(', ')}\n`,
    );
  }
  await emit(
    command.format === 'table' ? formatSensitivityTable(outcome.result) : jsonText(outcome.result),
    command.out,
    io,
  );
  return EXIT_OK;
}
