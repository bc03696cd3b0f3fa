/** Parsing `fairpace robustness` (pure), and its spec for the table of commands. */
import { MAX_WORLDS } from '../analysis/robustness.ts';
import { wholeNumber } from '../analysis/options.ts';
import { UsageError } from './errors.ts';
import { armsOption, checkValue, wholeNumberText, wholeOption } from './optionArgs.ts';
import { scenarioCommand } from './argValues.ts';
import type { CommandSpec, OptionValues } from './commandSpec.ts';
import { RUN_CONTROL_HELP, type RunControl } from './runControl.ts';

/** Output formats of `robustness`. */
export const ROBUSTNESS_FORMATS = ['json', 'table'] as const;
/** A `robustness --format` value. */
export type RobustnessFormat = (typeof ROBUSTNESS_FORMATS)[number];

/** `fairpace robustness <file> [--worlds N] [--params p1,p2] [--arms A,B] ...`. */
export interface RobustnessCommand extends RunControl {
  kind: 'robustness';
  file: string;
  worlds: number;
  params?: string[];
  arms?: [string, string];
  replications?: number;
  seed?: number;
  format: RobustnessFormat;
  out?: string;
  workers?: number;
  quiet: boolean;
  /** `--total-indices`: total-effect indices on a radial design, (k + 2) × N worlds. */
  totalIndices: boolean;
}

/** parseArgs options of `robustness`. */
export const ROBUSTNESS_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  worlds: { type: 'string' },
  params: { type: 'string' },
  arms: { type: 'string' },
  replications: { type: 'string' },
  seed: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
  workers: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'total-indices': { type: 'boolean' },
} as const;

/** Worlds drawn when `--worlds` is left out. */
export const DEFAULT_WORLDS = 100;

/** Builds a RobustnessCommand; throws UsageError naming the bad argument. */
export function robustnessCommand(
  file: string,
  v: OptionValues,
  seed: number | undefined,
  workers?: number,
): RobustnessCommand {
  const c = 'robustness';
  const str = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
  const worldsText = str('worlds');
  const worlds =
    worldsText === undefined
      ? DEFAULT_WORLDS
      : (checkValue(wholeNumber(2, MAX_WORLDS), wholeNumberText(worldsText), '--worlds', worldsText, c) as number);
  const paramsText = str('params');
  const params = paramsText?.split(',').map((p) => p.trim());
  if (params !== undefined && params.some((p) => p === '')) {
    throw new UsageError(`--params is a list of parameter paths without empty items (got '${paramsText}')`, c);
  }
  const arms = armsOption(str('arms'), c);
  if (arms !== undefined && arms.length !== 2) {
    throw new UsageError(
      `--arms needs exactly two arm ids, the second compared with the first (got '${str('arms')}')`,
      c,
    );
  }
  const format = str('format') ?? 'json';
  if (!(ROBUSTNESS_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${ROBUSTNESS_FORMATS.join(', ')} (got '${format}')`, c);
  }
  const out = str('out');
  if (out === '') throw new UsageError('--out needs a file name', c);
  return {
    kind: 'robustness',
    file,
    worlds,
    ...(params ? { params } : {}),
    ...(arms ? { arms: arms as [string, string] } : {}),
    replications: wholeOption('replications', str('replications'), c),
    seed,
    format: format as RobustnessFormat,
    out,
    workers,
    quiet: v.quiet === true,
    totalIndices: v['total-indices'] === true,
  };
}

/** `fairpace robustness`. */
export const ROBUSTNESS: CommandSpec<RobustnessCommand> = {
  usage: [
    'fairpace robustness <scenario.json> [--worlds N] [--params p1,p2,...] [--arms A,B] [--total-indices]',
    '                    [--format json|table]',
  ],
  summary: [
    'in how many plausible worlds (assumptions drawn from their ranges) each headline difference keeps its',
    'direction, where it fails, and which assumptions drive it',
  ],
  help: `Usage: fairpace robustness <scenario.json> [options]

Draws N worlds from the ranges of the assumptions (the parameters docs/model.md marks as assumptions, with the ranges
sensitivity uses) by a seeded Latin hypercube, runs the two arms in each world on the same seeds, and reports for
each headline difference the share of worlds in which it keeps the direction it has in the scenario as written, with
a Wilson 95% interval and a verdict (holds: the interval is at least 90%; fails: at most 50%; else depends), whether
the first half of the worlds gives the same verdict, the region of the assumptions where it fails (a PRIM box, with
how many of the failures it holds) and first-order indices: the share of its spread over worlds each assumption
explains. World w runs seeds seed + w × R .. seed + w × R + R − 1, so worlds differ in their random days too.

Options:
  --worlds N            worlds to draw (default 100, 2 to 10000); 400 give a share to ±3 to ±5 points
  --params P,Q,...      the assumptions to vary (default: every assumption with a range)
  --arms A,B            the two arms (default: the scenario's first two)
  --replications R      seeds per world and arm (default 1)
  --seed N              first seed, and the sampler's (default: the scenario's "seed")
  --format F            json (default) or table
  --workers N           worker threads (default: one per core)
  --out FILE, -o FILE   write the result to FILE instead of stdout
  --quiet, -q           no progress on stderr
  --total-indices       also estimate each assumption's total-effect index (its own effect and all its
                        interactions) by Jansen's estimator on a radial (Saltelli) design: the worlds are the
                        matrix A, a second Latin hypercube is B, and for each of the k assumptions A with that
                        column from B. This costs (k + 2) × N worlds instead of N: with the 15 default
                        assumptions and 100 worlds, 1700 worlds, 2 × 1700 × R runs besides the base comparison.
                        Shares, verdicts, boxes and first-order indices are the same with or without it;
                        --shard and merge work as without it. Refused past 100000 worlds.
${RUN_CONTROL_HELP}

Examples:
  fairpace robustness scenarios/yantai-2021.json --worlds 100 --format table
  fairpace robustness scenarios/yantai-2021.json --worlds 400 --shard 1/2 --out part1.json
  fairpace robustness scenarios/demo-small.json --worlds 50 --total-indices --format table`,
  options: ROBUSTNESS_OPTIONS,
  parse: scenarioCommand('robustness', robustnessCommand),
};
