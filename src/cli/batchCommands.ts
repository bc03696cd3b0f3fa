/**
 * The batch commands by name: what `--shard` runs and what `fairpace merge` finishes. A command built as a list of
 * RunTasks and a summariser (a `batchCommand({ options, plan, finish })`) gets `--shard k/n`, `--progress json` and
 * merging by one entry here and its name in batchNames.ts: the parser (args.ts) gives every command named there the
 * run-control flags.
 */
import { sensitivityCommand, targetGridCommand } from './bargainingCommands.ts';
import type { AnyBatchCommand } from './batch.ts';
import type { BatchName } from './batchNames.ts';
import { calibrateBatchCommand } from './calibrateCommands.ts';
import { compareCommand, sweepCommand } from './compareCommands.ts';
import { evidenceCommand } from './evidenceCommands.ts';
import { robustnessCommand } from './robustnessCommands.ts';
import { zoneCommand } from './zoneCommands.ts';

/** Every batch command, by the name partial files record. */
export const BATCH = {
  compare: compareCommand,
  sweep: sweepCommand,
  evidence: evidenceCommand,
  target: targetGridCommand,
  sensitivity: sensitivityCommand,
  zone: zoneCommand,
  calibrate: calibrateBatchCommand,
  robustness: robustnessCommand,
} satisfies Record<BatchName, AnyBatchCommand>;

export type { BatchName } from './batchNames.ts';
