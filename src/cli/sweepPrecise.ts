/**
 * `fairpace sweep --precision P` (issue 21 item 2): each value a comparison run in rounds of seeds until its headline
 * differences are within ±P of their means (src/analysis/sweepSequential.ts). stdout is the sweep in the usual
 * format, each value's point that of the replications it stopped at, and the JSON adds `replicationsByValue`; stderr
 * says how many runs were made, against how many the full sweep makes, and why it stopped. With `--progress`, one
 * provisional line per round (the first headline difference at each value); stdout is the same with or without it.
 */
import { runInProcess, sweepBatch, sweepToPrecision, type SweepOptions } from '../analysis/index.ts';
import { withExecutor } from '../node/pool.ts';
import type { CliIo } from './cliIo.ts';
import type { SweepCommand } from './compareArgs.ts';
import { sweepProvisionalLine } from './compareCommands.ts';
import { formatSweepCsv, withBom } from './csv.ts';
import { EXIT_OK } from './errors.ts';
import { emit, jsonText, readScenarioFile } from './files.ts';
import { asInputError, guardMostRuns } from './preciseGuard.ts';
import { progressFor, silentProgress } from './progress.ts';
import { withRunCache } from './runStore.ts';

/** Runs the sweep to its precision and prints it. */
export async function sweepPreciseCommand(command: SweepCommand, io: CliIo): Promise<number> {
  const scenario = await readScenarioFile(command.file, io);
  const precision = command.precision as number;
  const options: SweepOptions = {
    param: command.param,
    values: command.values,
    ...(command.arms ? { arms: command.arms } : {}),
    ...(command.replications !== undefined ? { replications: command.replications } : {}),
    ...(command.seed !== undefined ? { seed: command.seed } : {}),
  };
  const badInput = asInputError('fairpace sweep');
  // The most it can cost is the full sweep: said (and checked against --max-memory) before any run.
  const threads = guardMostRuns(
    'fairpace sweep --precision',
    'fairpace sweep',
    () => sweepBatch(scenario, options),
    command,
    io,
  );
  const max = command.replications ?? scenario.replications;
  // With --progress the rounds' sweeps replace the run counter, which would overwrite their lines on a terminal.
  const progress = command.provisional ? silentProgress : progressFor(command, io);
  const outcome = await withExecutor(threads, runInProcess, (executor) => {
    const cached = withRunCache(executor, command, {}, io);
    return sweepToPrecision(
      scenario,
      options,
      { precision },
      cached.executor,
      command.provisional
        ? (partial) =>
            io.stderr(sweepProvisionalLine(partial.sweep, max, Math.min(...partial.sweep.replicationsByValue)))
        : undefined,
      (done, total) => progress.update(done, total),
    ).finally(cached.report);
  }).catch(badInput);
  progress.finish();
  if (!command.quiet) {
    const reps = outcome.sweep.replicationsByValue;
    const fewest = Math.min(...reps);
    const most = Math.max(...reps);
    const spread =
      fewest === most ? `${most} replications at every value` : `${fewest} to ${most} replications a value`;
    // With one arm there is no difference: the precision judged each metric's level.
    const what = outcome.sweep.points[0]?.arms.length === 1 ? 'metric' : 'difference';
    io.stderr(
      outcome.stopped === 'precise'
        ? `runs: ${outcome.runs} of the full sweep's ${outcome.fullRuns} (${spread}): every headline ${what} is within ±${precision * 100}% of its mean or of its spread over the values\n`
        : `runs: ${outcome.runs} of ${outcome.fullRuns} (${spread}); on every seed and still wider than ±${precision * 100}% at ${outcome.unsettled.join(', ')}\n`,
    );
  }
  await emit(
    command.format === 'csv' ? withBom(formatSweepCsv(outcome.sweep), command.bom) : jsonText(outcome.sweep),
    command.out,
    io,
  );
  return EXIT_OK;
}
