/** The commands: read the scenario, call the analysis API, format, write. Bad input throws InputError. */
import type { CliIo } from './cliIo.ts';
import { availableParallelism } from 'node:os';
import { compareBatch, runOne } from '../analysis/index.ts';
import { estimateCost, estimateSentence, taskSizes } from '../analysis/runCost.ts';
import { orderTraceCsv } from '../io/orderTrace.ts';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../version.ts';
import type { Command } from './commandTable.ts';
import type { RunCommand } from './runArgs.ts';
import { targetCommand } from './bargainingCommands.ts';
import { comparePreciseCommand, compareProvisionalCommand } from './compareCommands.ts';
import { sweepPreciseCommand } from './sweepPrecise.ts';
import { zoneSequentialCommand } from './zoneSequential.ts';
import { sensitivityPreciseCommand } from './sensitivityPrecise.ts';
import { mergePartials, runBatchCommand } from './batch.ts';
import { fitCommand } from './calibrateCommands.ts';
import { BATCH } from './batchCommands.ts';
import { EXIT_OK, InputError } from './errors.ts';
import { verifyCommand } from './evidenceCommands.ts';
import { withBom } from './csv.ts';
import { checkOutputs, emit, jsonText, readScenarioFile, writeFilesAtomic, type OutputFile } from './files.ts';
import { helpText } from './help.ts';
import { exportMdrp, importMdrp } from './mdrpCommands.ts';
import { importWaybills, observeWaybills } from './waybillCommands.ts';
import { observeTrace } from './traceCommands.ts';
import { ESTIMATE_NOTE } from './runEstimate.ts';
import { auditRiders } from './auditCommands.ts';
import { backtestCommand } from './backtestCommands.ts';

export type { CliIo } from './cliIo.ts';

/** Runs a parsed command and returns its exit code (bad input and internal errors throw instead). */
export async function executeCommand(command: Command, io: CliIo): Promise<number> {
  // Check before working: every output path is checked before anything is read or run, so a run of an hour never
  // ends in "cannot write".
  await checkOutputs(outputsOf(command));
  switch (command.kind) {
    case 'help':
      io.stdout(helpText(command.topic));
      break;
    case 'version':
      io.stdout(`fairpace ${FAIRPACE_VERSION}\nmodel fingerprint ${MODEL_DIGEST}\n`);
      break;
    case 'validate': {
      const scenario = await readScenarioFile(command.file, io);
      io.stdout(`valid: ${scenario.meta.name}\n`);
      io.stderr(compareEstimate(scenario));
      break;
    }
    case 'run':
      await runCommand(command, io);
      break;
    case 'compare':
      if (command.provisional) return compareProvisionalCommand(command, io);
      if (command.precision !== undefined) return comparePreciseCommand(command, io);
      return runBatchCommand(BATCH[command.kind], command, io);
    case 'sensitivity':
      if (command.precision !== undefined) return sensitivityPreciseCommand(command, io);
      return runBatchCommand(BATCH[command.kind], command, io);
    case 'sweep':
      if (command.precision !== undefined) return sweepPreciseCommand(command, io);
      return runBatchCommand(BATCH[command.kind], command, io);
    case 'zone':
      if (command.sequential) return zoneSequentialCommand(command, io);
      return runBatchCommand(BATCH[command.kind], command, io);
    case 'evidence':
    case 'robustness':
      return runBatchCommand(BATCH[command.kind], command, io);
    case 'calibrate':
      if (command.fit !== undefined) return fitCommand(command, io);
      return runBatchCommand(BATCH.calibrate, command, io);
    case 'target':
      if (command.grid !== undefined) return runBatchCommand(BATCH.target, command, io);
      await targetCommand(command, io);
      break;
    case 'backtest':
      return backtestCommand(command, io);
    case 'merge':
      return mergePartials(command, BATCH, io);
    case 'import':
      if (command.format === 'waybills') return importWaybills(command, io);
      io.stdout(await importMdrp(command));
      break;
    case 'observe':
      if (command.format === 'trace') return observeTrace(command, io);
      return observeWaybills(command, io);
    case 'audit':
      return auditRiders(command, io);
    case 'export':
      io.stdout(await exportMdrp(command));
      break;
    case 'verify':
      return verifyCommand(command, io);
  }
  return EXIT_OK;
}

/**
 * The files a command will write, with the options that name them: `--out`, `--junit` and `--orders` wherever a
 * parser sets them (export mdrp's `--out` is a directory it fills).
 */
export function outputsOf(command: Command): OutputFile[] {
  if (command.kind === 'help' || command.kind === 'version' || command.kind === 'validate' || command.kind === 'verify')
    return [];
  const fields = command as { out?: unknown; junit?: unknown; orders?: unknown };
  const outputs: OutputFile[] = [];
  if (typeof fields.orders === 'string') outputs.push({ option: '--orders', file: fields.orders });
  if (typeof fields.out === 'string') {
    outputs.push({ option: '--out', file: fields.out, ...(command.kind === 'export' ? { directory: true } : {}) });
  }
  if (typeof fields.junit === 'string') outputs.push({ option: '--junit', file: fields.junit });
  return outputs;
}

/** What `fairpace compare` of the scenario as it stands (its arms, its replications, one thread a core) will cost. */
function compareEstimate(scenario: Parameters<typeof compareBatch>[0]): string {
  let tasks;
  try {
    tasks = compareBatch(scenario).tasks;
  } catch {
    return '';
  }
  const estimate = estimateCost(taskSizes(tasks), { threads: availableParallelism() });
  return `estimate: fairpace compare with the scenario's arms and replications: ${estimateSentence(estimate)} (${ESTIMATE_NOTE})\n`;
}

async function runCommand(command: RunCommand, io: CliIo): Promise<void> {
  const scenario = await readScenarioFile(command.file, io);
  let output;
  try {
    output = runOne(scenario, { arm: command.arm, seed: command.seed, orders: command.orders !== undefined });
  } catch (e) {
    if (e instanceof RangeError) throw new InputError(e.message);
    throw e;
  }
  const { orders, ...run } = output;
  if (command.orders !== undefined) {
    if (!orders) throw new InputError('--orders: a replay scenario keeps no order trace (use fairpace export mdrp)');
    const csv = withBom(orderTraceCsv(orders, run.arm.id, run.seed), command.bom);
    // Both files or neither: the trace and its run are written together.
    const files = [{ file: command.orders, data: csv }];
    if (command.out !== undefined) files.push({ file: command.out, data: jsonText(run) });
    await writeFilesAtomic(files);
    if (command.out === undefined) io.stdout(jsonText(run));
    return;
  }
  await emit(jsonText(run), command.out, io);
}
