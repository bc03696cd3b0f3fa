/** Parsing `fairpace validate` and `fairpace run` (pure, like every parser here): one scenario file, one run. */
import { wholeOption } from './optionArgs.ts';
import { optNonEmpty, outFile, singleFile, stringOf } from './argValues.ts';
import { HELP_OPTIONS, type CommandSpec } from './commandSpec.ts';
import { UsageError } from './errors.ts';

/** `fairpace validate <file>`. */
export interface ValidateCommand {
  kind: 'validate';
  file: string;
}

/** `fairpace run <file>`: one replication of one arm (scenario defaults when left out). */
export interface RunCommand {
  kind: 'run';
  file: string;
  seed?: number;
  arm?: string;
  out?: string;
  /** A CSV file for the order trace: one row per order, columns named as in the TSL-Meituan waybill data. */
  orders?: string;
  /** Whether that CSV starts with a UTF-8 byte-order mark (`--no-bom` turns it off). */
  bom: boolean;
}

/** `fairpace validate`. */
export const VALIDATE: CommandSpec<ValidateCommand> = {
  usage: ['fairpace validate <scenario.json>'],
  summary: ['check a scenario file and list each problem with its JSON path'],
  help: `Usage: fairpace validate <scenario.json>

Prints "valid: <meta.name>" and exits 0, or prints one line per problem, "<json.path>: <message>", on stderr and
exits 2.`,
  options: HELP_OPTIONS,
  parse: (_values, positionals) => ({ kind: 'validate', file: singleFile(positionals, 'validate') }),
};

/** `fairpace run`. */
export const RUN: CommandSpec<RunCommand> = {
  usage: ['fairpace run <scenario.json> [--seed N] [--arm ID] [--out FILE]'],
  summary: ['one replication of one arm, as JSON'],
  help: `Usage: fairpace run <scenario.json> [--seed N] [--arm ID] [--out FILE]

One replication of one arm. Prints the run as JSON: schemaVersion, fairpaceVersion, scenarioDigest, seed, arm and the
metrics, per-day and per-hour series, ledger and compliance scorecard.

Options:
  --seed N              seed of the run (default: the scenario's "seed")
  --arm ID              arm to run (default: the first arm)
  --out FILE, -o FILE   write the result to FILE instead of stdout`,
  options: {
    ...HELP_OPTIONS,
    seed: { type: 'string' },
    arm: { type: 'string' },
    out: { type: 'string', short: 'o' },
    orders: { type: 'string' },
    'no-bom': { type: 'boolean' },
  },
  parse: (v, positionals) => {
    const c = 'run';
    const file = singleFile(positionals, c);
    const seed = wholeOption('seed', stringOf(v, 'seed'), c);
    return {
      kind: 'run',
      file,
      seed,
      arm: optNonEmpty(stringOf(v, 'arm'), 'arm', c),
      out: outFile(stringOf(v, 'out'), c),
      orders: runOrdersFile(stringOf(v, 'orders'), v['no-bom'] === true, c),
      bom: v['no-bom'] !== true,
    };
  },
};

/** `run --orders FILE`: a file name, and `--no-bom` only with it. */
function runOrdersFile(text: string | undefined, noBom: boolean, command: string): string | undefined {
  if (text === '') throw new UsageError('--orders needs a file name', command);
  if (noBom && text === undefined) throw new UsageError('--no-bom goes with --orders FILE.csv', command);
  return text;
}
