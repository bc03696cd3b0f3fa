/** Parsing `fairpace backtest` (pure), and its spec for the table of commands. */
import { oneOf, outFile, parseInteger, singleFile, stringOf } from './argValues.ts';
import type { CommandSpec, OptionSpec, OptionValues } from './commandSpec.ts';
import { wholeOption } from './optionArgs.ts';

/** Output formats of `backtest`. */
export const BACKTEST_FORMATS = ['table', 'json'] as const;

/** `fairpace backtest <backtest.json> [--seeds N] [--format table|json] [--out FILE] [--workers N]`. */
export interface BacktestCommand {
  kind: 'backtest';
  file: string;
  /** Seeds 1..seeds; the file's own number when left out. */
  seeds?: number;
  format: (typeof BACKTEST_FORMATS)[number];
  out?: string;
  workers?: number;
  quiet: boolean;
}

/** parseArgs options of `backtest`. */
export const BACKTEST_OPTIONS: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  seeds: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
  workers: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
};

/** Builds a BacktestCommand; throws UsageError naming the bad argument. */
function backtestCommand(values: OptionValues, positionals: string[]): BacktestCommand {
  const c = 'backtest';
  const file = singleFile(positionals, c, 'back-test', '<backtest.json>');
  const seedsText = stringOf(values, 'seeds');
  const seeds = seedsText === undefined ? undefined : parseInteger(seedsText, 'seeds', 1, 100, c);
  const workers = wholeOption('workers', stringOf(values, 'workers'), c);
  const out = outFile(stringOf(values, 'out'), c);
  return {
    kind: 'backtest',
    file,
    ...(seeds !== undefined ? { seeds } : {}),
    format: oneOf(stringOf(values, 'format'), BACKTEST_FORMATS, 'format', c),
    ...(out !== undefined ? { out } : {}),
    ...(workers !== undefined ? { workers } : {}),
    quiet: values.quiet === true,
  };
}

/** `fairpace backtest`. */
export const BACKTEST: CommandSpec<BacktestCommand> = {
  usage: ['fairpace backtest <backtest.json> [--seeds N] [--format table|json] [--out FILE] [--workers N]'],
  summary: ['the model against a rule change that really happened (a back-test file: a preset and observed figures)'],
  help: `Usage: fairpace backtest <backtest.json> [--seeds N] [--format table|json] [--out FILE] [--workers N]

Runs a back-test: the preset a back-test file names (its "scenario", relative to the file) with the order trace,
for every arm its figures name and seeds 1..N, and holds each observed figure against the model: a per-step series
(the promise of 3 km orders, the mean click-to-door time) at a step, or its change between two steps, each step's
level the mean of the 5 steps around it. One row per figure: observed, the model's mean with its 95% interval over
seeds, and model − observed. A back-test reports; it does not pass or fail.

  --seeds N        seeds 1..N (default: the file's "seeds"; at most 100)
  --format F       table (default) or json
  -o, --out FILE   write the result to FILE instead of stdout
  --workers N      worker threads (default: one per core); the result is the same for any N
  -q, --quiet      no progress on stderr

Back-test files: scenarios/backtests/*.json (the ratchet of 2016–2018 and the safety bonus of 2025 ship with
Fairpace).

Examples:
  fairpace backtest scenarios/backtests/ratchet-2016-2018.json
  fairpace backtest scenarios/backtests/ratchet-2016-2018.json --seeds 10 --format json --out ratchet.json
  fairpace backtest scenarios/backtests/safety-bonus-2025.json`,
  options: BACKTEST_OPTIONS,
  parse: backtestCommand,
};
