/** Parsing `fairpace merge` (pure): the partial result files of a batch command run as shards. */
import { HELP_OPTIONS, type CommandSpec } from './commandSpec.ts';
import { UsageError } from './errors.ts';

/** `fairpace merge <partial>... --out FILE`: the output of a batch command from its shards' partial files. */
export interface MergeCommand {
  kind: 'merge';
  files: string[];
  out: string;
  junit?: string;
}

/** `fairpace merge`. */
export const MERGE: CommandSpec<MergeCommand> = {
  usage: ['fairpace merge <partial>... --out FILE [--junit FILE]'],
  summary: ['the output of a batch command run as shards (--shard K/N), from their partial result files'],
  help: `Usage: fairpace merge <partial>... --out FILE [--junit FILE]

Joins the partial result files of a batch command run as shards (--shard 1/N ... --shard N/N, on one machine or
many) and writes the output the whole command would have written, byte for byte. It first checks that the partials
belong together: the same command, scenario, options and Fairpace version, every shard exactly once, each file
complete and undamaged. Any problem exits 2 with one line per problem, and nothing is written. A compare with
assertions prints its table of assertions and exits 1 when one fails, as the whole command would.

Options:
  --out FILE, -o FILE   where the merged result goes (for evidence: the pack)
  --junit FILE          JUnit XML of the assertions (a compare run with --assert)

Example:
  fairpace sweep s.json --param rules.pay.base --values 6,8,10 --shard 2/3 --out part-2.jsonl   # one per shard
  fairpace merge part-1.jsonl part-2.jsonl part-3.jsonl --out sweep.json`,
  options: { ...HELP_OPTIONS, out: { type: 'string', short: 'o' }, junit: { type: 'string' } },
  parse: (v, positionals) => {
    if (positionals.length === 0)
      throw new UsageError('missing the partial files: merge <partial>... --out FILE', 'merge');
    if (positionals.some((f) => f === '')) throw new UsageError('a partial file name is empty', 'merge');
    const out = v.out as string | undefined;
    if (out === undefined || out === '') {
      throw new UsageError('missing --out FILE: where the merged result goes', 'merge');
    }
    const junit = v.junit as string | undefined;
    if (junit === '') throw new UsageError('--junit needs a file name', 'merge');
    return { kind: 'merge', files: positionals, out, ...(junit !== undefined ? { junit } : {}) };
  },
};
