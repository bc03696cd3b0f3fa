/**
 * The batch commands by name: what `--shard` runs and what `fairpace merge` finishes. A new command built as a list
 * of RunTasks and a summariser (a `batchCommand({ options, plan, finish })`) gets `--shard k/n`, `--progress json`
 * and merging by one entry here and its name in BATCH_COMMANDS (args.ts); the compiler holds the two lists together.
 */
import type { BATCH_COMMANDS } from './args.ts';
import { sensitivityCommand, targetGridCommand } from './bargainingCommands.ts';
import type { AnyBatchCommand } from './batch.ts';
import { compareCommand, sweepCommand } from './compareCommands.ts';
import { evidenceCommand } from './evidenceCommands.ts';
import { zoneCommand } from './zoneCommands.ts';

/** Every batch command, by the name partial files record. */
export const BATCH: Record<(typeof BATCH_COMMANDS)[number], AnyBatchCommand> = {
  compare: compareCommand,
  sweep: sweepCommand,
  evidence: evidenceCommand,
  target: targetGridCommand,
  sensitivity: sensitivityCommand,
  zone: zoneCommand,
};
