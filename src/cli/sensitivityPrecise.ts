/**
 * `fairpace sensitivity --precision P` (issue 21 item 2): every parameter screened on 3 paired seeds, then seeds
 * added two at a time only to the parameters whose place in the ranking or whose sign flip is still in doubt
 * (src/analysis/sequentialSensitivity.ts). stdout is the ranking in the usual format, with each parameter's seeds and
 * score interval added to the JSON; stderr says how many runs were made, against how many the full analysis makes,
 * and why it stopped. With `--progress`, stderr also says the ranking so far each time a stretch of seeds completes
 * (the parameters with their first seeds, each with the seeds it rests on); stdout is the same with or without it.
 */
import {
  runInProcess,
  sensitivityBatch,
  sensitivityToPrecision,
  type SensitivityProvisional,
} from '../analysis/index.ts';
import type { SensitivityCommand } from './bargainingArgs.ts';
import { formatSensitivityTable } from './bargainingCommands.ts';
import type { CliIo } from './cliIo.ts';
import { EXIT_OK } from './errors.ts';
import { emit, jsonText, readScenarioFile } from './files.ts';
import { asInputError, guardMostRuns } from './preciseGuard.ts';
import { withExecutor } from '../node/pool.ts';
import { progressFor, silentProgress } from './progress.ts';
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
  const who = command.params ? '--params' : 'fairpace sensitivity';
  const badInput = asInputError(who);
  // The most it can cost is the full analysis: said (and checked against --max-memory) before any run.
  const threads = guardMostRuns(
    'fairpace sensitivity --precision',
    who,
    () => sensitivityBatch(scenario, options),
    command,
    io,
  );
  const replications = command.replications ?? scenario.replications;
  // With --progress the rankings so far replace the run counter, which would overwrite their lines on a terminal.
  const progress = command.provisional ? silentProgress : progressFor(command, io);
  const onStep = command.provisional ? (p: SensitivityProvisional) => io.stderr(sensitivityStepLine(p)) : undefined;
  const outcome = await withExecutor(threads, runInProcess, (executor) => {
    const cached = withRunCache(executor, command, {}, io);
    return sensitivityToPrecision(
      scenario,
      options,
      { precision },
      cached.executor,
      undefined,
      (done, total) => progress.update(done, total),
      undefined,
      onStep,
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

const seedsWord = (n: number) => `${n} seed${n === 1 ? '' : 's'}`;

/** How many parameters a line of the ranking so far names. */
const STEP_TOP = 5;

/**
 * One line on stderr for the sequential ranking so far: the fewest seeds a shown parameter rests on, how many
 * parameters are shown, the runs read, and the first parameters by score with their seeds, e.g. `provisional 2/10
 * replications, 3 of 15 parameters (12 pending), 36 runs: 1. rules.pay.commissionRate 1.42 (2 seeds); …`.
 */
export function sensitivityStepLine(p: SensitivityProvisional): string {
  const shown = p.result.params.length;
  const top = p.result.params
    .slice(0, STEP_TOP)
    .map(
      (row, i) =>
        `${i + 1}. ${row.path} ${row.score.toFixed(2)} (${seedsWord(p.result.replicationsByParam[row.path] ?? 0)})`,
    )
    .join('; ');
  const pending = p.pending.length > 0 ? ` (${p.pending.length} pending)` : '';
  const flips = p.result.params.reduce((n, row) => n + row.flips.length, 0);
  const flipped = flips > 0 ? ` (${flips} sign flip${flips === 1 ? '' : 's'})` : '';
  return `provisional ${p.replications}/${p.of} replications, ${shown} of ${p.params} parameters${pending}, ${p.runs} runs: ${top}${flipped}\n`;
}
