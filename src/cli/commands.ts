/** The four commands: read the scenario, call the analysis API, format, write. Bad input throws InputError. */
import { availableParallelism } from 'node:os';
import {
  planCompare,
  planSweep,
  runInProcess,
  runTask,
  summariseCompare,
  summariseSweep,
  type Executor,
  type RunTask,
} from '../analysis/index.ts';
import { digestOf } from '../scenario/canonical.ts';
import { ScenarioPathError } from '../scenario/paths.ts';
import { SCHEMA_VERSION, type Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { FAIRPACE_VERSION } from '../version.ts';
import type { Command, CompareCommand, RunCommand, SweepCommand } from './args.ts';
import { formatCompareTable } from './compareTable.ts';
import { formatCompareCsv, formatSweepCsv } from './csv.ts';
import { InputError } from './errors.ts';
import { readScenarioFile, writeFileAtomic } from './files.ts';
import { helpText } from './help.ts';
import { workerExecutor } from './pool.ts';
import { silentProgress, terminalProgress, type Progress } from './progress.ts';

/** What the commands may touch of the outside world (a seam for tests and for the process wiring in main.ts). */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress is shown only on a terminal, so piped or logged stderr stays clean. */
  stderrIsTTY: boolean;
}

/** Runs a parsed command. */
export async function executeCommand(command: Command, io: CliIo): Promise<void> {
  switch (command.kind) {
    case 'help':
      return io.stdout(helpText(command.topic));
    case 'version':
      return io.stdout(`fairpace ${FAIRPACE_VERSION}\n`);
    case 'validate': {
      const scenario = await readScenarioFile(command.file);
      return io.stdout(`valid: ${scenario.meta.name}\n`);
    }
    case 'run':
      return runCommand(command, io);
    case 'compare':
      return compareCommand(command, io);
    case 'sweep':
      return sweepCommand(command, io);
  }
}

async function runCommand(command: RunCommand, io: CliIo): Promise<void> {
  const scenario = await readScenarioFile(command.file);
  const armId = command.arm ?? scenario.arms[0]?.id ?? '';
  const arm = scenario.arms.find((a) => a.id === armId);
  if (!arm) throw new InputError(unknownArmMessage(scenario, armId));
  const seed = command.seed ?? scenario.seed;
  // `seed` leads the header instead of repeating further down; the rest is the RunResult as the engine made it.
  const { seed: _seed, ...result } = runTask({ scenario, armId, seed });
  const output = {
    schemaVersion: SCHEMA_VERSION,
    fairpaceVersion: FAIRPACE_VERSION,
    scenarioDigest: digestOf(scenario),
    seed,
    arm: { id: arm.id, label: arm.label },
    ...result,
  };
  await emit(json(output), command.out, io);
}

async function compareCommand(command: CompareCommand, io: CliIo): Promise<void> {
  const scenario = await readScenarioFile(command.file);
  const plan = asInputError(() => planCompare(scenario, command));
  const results = await execute(plan.tasks, command, io);
  const comparison = summariseCompare(scenario, plan, results);
  const text =
    command.format === 'table'
      ? formatCompareTable(comparison, { scenarioName: scenario.meta.name })
      : command.format === 'csv'
        ? formatCompareCsv(comparison)
        : json(comparison);
  await emit(text, command.out, io);
}

async function sweepCommand(command: SweepCommand, io: CliIo): Promise<void> {
  const scenario = await readScenarioFile(command.file);
  const plan = asInputError(() => planSweep(scenario, command));
  const results = await execute(plan.tasks, command, io);
  const result = summariseSweep(scenario, command, plan, results);
  await emit(command.format === 'csv' ? formatSweepCsv(result) : json(result), command.out, io);
}

/** Runs the tasks in this thread or over worker threads, with progress on a terminal. */
async function execute(
  tasks: RunTask[],
  options: { workers?: number; quiet: boolean },
  io: CliIo,
): Promise<RunResult[]> {
  const threads = options.workers ?? availableParallelism();
  // Threads cost a few hundred milliseconds to start; with one thread or one task they cannot pay that back.
  const executor: Executor = threads <= 1 || tasks.length <= 1 ? runInProcess : workerExecutor(threads);
  const progress: Progress =
    io.stderrIsTTY && !options.quiet ? terminalProgress((text) => io.stderr(text)) : silentProgress;
  try {
    return await executor(tasks, (done, total) => progress.update(done, total));
  } finally {
    progress.finish();
  }
}

/**
 * Planning refuses an unknown arm (RangeError) or a sweep path or value the scenario does not accept
 * (ScenarioPathError): both are the user's input, so they exit 2 rather than look like a crash.
 */
function asInputError<T>(plan: () => T): T {
  try {
    return plan();
  } catch (e) {
    if (e instanceof RangeError || e instanceof ScenarioPathError) throw new InputError(e.message);
    throw e;
  }
}

function unknownArmMessage(scenario: Scenario, armId: string): string {
  return `unknown arm "${armId}" (arms: ${scenario.arms.map((a) => a.id).join(', ')})`;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

async function emit(text: string, out: string | undefined, io: CliIo): Promise<void> {
  if (out === undefined) io.stdout(text);
  else await writeFileAtomic(out, text);
}
