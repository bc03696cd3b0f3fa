/**
 * The names of the batch commands, apart from their implementations (batchCommands.ts), so the parser (args.ts)
 * can give them `--shard`, `--progress` and the other run-control flags without importing the commands that import
 * its types: the command line's modules import in one direction.
 */
export const BATCH_NAMES = [
  'compare',
  'sweep',
  'evidence',
  'target',
  'sensitivity',
  'zone',
  'calibrate',
  'robustness',
] as const;

/** The name of a batch command. */
export type BatchName = (typeof BATCH_NAMES)[number];
