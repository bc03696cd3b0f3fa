/** `fairpace zone`: read the scenario, run the grid on the pool in one batch, write the result as JSON. */
import { availableParallelism } from 'node:os';
import { runInProcess, zoneOfAgreement, type Executor } from '../analysis/index.ts';
import { resultJsonText } from '../evidence/bargainingEntry.ts';
import { ScenarioPathError } from '../scenario/paths.ts';
import type { CliIo } from './commands.ts';
import { InputError } from './errors.ts';
import { readScenarioFile, writeFileAtomic } from './files.ts';
import { workerExecutor } from './pool.ts';
import { silentProgress, terminalProgress } from './progress.ts';
import type { ZoneCommand } from './zoneArgs.ts';

/** Runs `fairpace zone`. Bad paths, arms or metric names exit 2 with the message. */
export async function zoneCommand(command: ZoneCommand, io: CliIo): Promise<void> {
  const scenario = await readScenarioFile(command.file);
  const threads = command.workers ?? availableParallelism();
  const executor: Executor = threads <= 1 ? runInProcess : workerExecutor(threads);
  const progress = io.stderrIsTTY && !command.quiet ? terminalProgress((text) => io.stderr(text)) : silentProgress;
  try {
    const result = await zoneOfAgreement(
      scenario,
      {
        x: command.x,
        y: command.y,
        union: command.union,
        platform: command.platform,
        unionObjective: command.unionObjective,
        confidence: command.confidence,
        arm: command.arm,
        replications: command.replications,
        seed: command.seed,
      },
      executor,
      (done, total) => progress.update(done, total),
    ).catch((e: unknown) => {
      if (e instanceof RangeError || e instanceof ScenarioPathError)
        throw new InputError(`fairpace zone: ${e.message}`);
      throw e;
    });
    const text = resultJsonText(result); // the bytes the workbench's Export carries as bargaining/zone.json
    if (command.out === undefined) io.stdout(text);
    else await writeFileAtomic(command.out, text);
  } finally {
    progress.finish();
  }
}
