/** The commands: read the scenario, call the analysis API, format, write. Bad input throws InputError. */
import { planCompare, planSweep, runTask, summariseCompare, summariseSweep } from '../analysis/index.ts';
import { digestOf } from '../scenario/canonical.ts';
import { ScenarioPathError } from '../scenario/paths.ts';
import { SCHEMA_VERSION, type Scenario } from '../scenario/schema.ts';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../version.ts';
import type { Command, CompareCommand, RunCommand, SweepCommand } from './args.ts';
import { formatCompareTable } from './compareTable.ts';
import { formatCompareCsv, formatSweepCsv, withBom } from './csv.ts';
import { EXIT_OK, InputError } from './errors.ts';
import { evidenceCommand, verifyCommand } from './evidenceCommands.ts';
import { execute } from './execute.ts';
import { readScenarioFile, writeFileAtomic } from './files.ts';
import { helpText } from './help.ts';
import { sensitivityCommand, targetCommand } from './bargainingCommands.ts';
import { exportMdrp, importMdrp } from './mdrpCommands.ts';
import { zoneCommand } from './zoneCommands.ts';

/** What the commands may touch of the outside world (a seam for tests and for the process wiring in main.ts). */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress is shown only on a terminal, so piped or logged stderr stays clean. */
  stderrIsTTY: boolean;
}

/** Runs a parsed command and returns its exit code (bad input and internal errors throw instead). */
export async function executeCommand(command: Command, io: CliIo): Promise<number> {
  switch (command.kind) {
    case 'help':
      io.stdout(helpText(command.topic));
      break;
    case 'version':
      io.stdout(`fairpace ${FAIRPACE_VERSION}\nmodel fingerprint ${MODEL_DIGEST}\n`);
      break;
    case 'validate': {
      const scenario = await readScenarioFile(command.file);
      io.stdout(`valid: ${scenario.meta.name}\n`);
      break;
    }
    case 'run':
      await runCommand(command, io);
      break;
    case 'compare':
      await compareCommand(command, io);
      break;
    case 'sweep':
      await sweepCommand(command, io);
      break;
    case 'evidence':
      await evidenceCommand(command, io);
      break;
    case 'import':
      io.stdout(await importMdrp(command));
      break;
    case 'export':
      io.stdout(await exportMdrp(command));
      break;
    case 'target':
      await targetCommand(command, io);
      break;
    case 'sensitivity':
      await sensitivityCommand(command, io);
      break;
    case 'zone':
      await zoneCommand(command, io);
      break;
    case 'verify':
      return verifyCommand(command, io);
  }
  return EXIT_OK;
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
    modelDigest: MODEL_DIGEST,
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
        ? withBom(formatCompareCsv(comparison), command.bom)
        : json(comparison);
  await emit(text, command.out, io);
}

async function sweepCommand(command: SweepCommand, io: CliIo): Promise<void> {
  const scenario = await readScenarioFile(command.file);
  const plan = asInputError(() => planSweep(scenario, command));
  const results = await execute(plan.tasks, command, io);
  const result = summariseSweep(scenario, command, plan, results);
  await emit(command.format === 'csv' ? withBom(formatSweepCsv(result), command.bom) : json(result), command.out, io);
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
