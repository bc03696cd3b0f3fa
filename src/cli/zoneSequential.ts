/**
 * `fairpace zone --sequential` (issue 21 item 2): every cell on 3 seeds, more only while a side's verdict is
 * undecided (src/analysis/zoneSequential.ts). stdout is the zone in the usual JSON with `replicationsByCell`; stderr
 * says how many runs were made against the full zone's and how many cells needed every seed. With `--progress`, a
 * provisional line each time every open cell has another seed.
 */
import { runInProcess, zoneBatch, zoneSequential, type ZoneOptions } from '../analysis/index.ts';
import { withExecutor } from '../node/pool.ts';
import type { CliIo } from './cliIo.ts';
import { EXIT_OK } from './errors.ts';
import { emit, jsonText, readScenarioFile } from './files.ts';
import { asInputError, guardMostRuns } from './preciseGuard.ts';
import { progressFor, silentProgress } from './progress.ts';
import { withRunCache } from './runStore.ts';
import type { ZoneCommand } from './zoneArgs.ts';
import { sayZone, zoneOptionsOf, zoneProvisionalLine } from './zoneCommands.ts';

/** Maps the zone sequentially and prints it. */
export async function zoneSequentialCommand(command: ZoneCommand, io: CliIo): Promise<number> {
  const scenario = await readScenarioFile(command.file, io);
  const options: ZoneOptions = zoneOptionsOf(command);
  // The most it can cost is the full zone: said (and checked against --max-memory) before any run.
  const threads = guardMostRuns(
    'fairpace zone --sequential',
    'fairpace zone',
    () => zoneBatch(scenario, options),
    command,
    io,
  );
  // With --progress the provisional zones replace the run counter, which would overwrite their lines on a terminal.
  const progress = command.provisional ? silentProgress : progressFor(command, io);
  const outcome = await withExecutor(threads, runInProcess, (executor) => {
    const cached = withRunCache(executor, command, {}, io);
    return zoneSequential(
      scenario,
      options,
      cached.executor,
      {},
      (done, total) => progress.update(done, total),
      undefined,
      command.provisional ? (a) => io.stderr(zoneProvisionalLine(a.answer, a.of, a.replications)) : undefined,
    ).finally(cached.report);
  }).catch(asInputError('fairpace zone'));
  progress.finish();
  if (!command.quiet) {
    const reps = outcome.result.replicationsByCell;
    const [fewest, most] = [Math.min(...reps), Math.max(...reps)];
    const spread = fewest === most ? `${most} replications at every cell` : `${fewest} to ${most} replications a cell`;
    io.stderr(
      `runs: ${outcome.runs} of the full zone's ${outcome.fullRuns} (${spread}): ${outcome.onEverySeed} of ` +
        `${reps.length} cells ran every seed; a cell stops once both sides' verdicts are decided\n`,
    );
  }
  await emit(jsonText(outcome.result), command.out, io);
  sayZone(outcome.result, scenario, io);
  return EXIT_OK;
}
