/** Parsing `fairpace zone` (pure), and its spec for the table of commands. */
import { isMetricPath, parseTarget, type TargetSpec, type UnionObjective, type ZoneAxis } from '../analysis/index.ts';
import { OPTION_FIELDS, ZoneOptionsSchema } from '../analysis/options.ts';
import { UsageError } from './errors.ts';
import { checkOptionsTogether, checkValue, wholeOption, wordOption } from './optionArgs.ts';
import { scenarioCommand } from './argValues.ts';
import type { CommandSpec, OptionSpec, OptionValues } from './commandSpec.ts';
import { RUN_CONTROL_HELP, type RunControl } from './runControl.ts';

/** `fairpace zone <file> --x P=a,b --y Q=c,d --union "m <= v" ... --platform "m >= v" ...`. */
export interface ZoneCommand extends RunControl {
  kind: 'zone';
  file: string;
  x: ZoneAxis;
  y: ZoneAxis;
  union: TargetSpec[];
  platform: TargetSpec[];
  unionObjective?: UnionObjective;
  confidence: 'mean' | 'ci';
  arm?: string;
  replications?: number;
  seed?: number;
  out?: string;
  workers?: number;
  quiet: boolean;
  /** `--progress` without a value: a provisional zone on stderr each time more seeds have every cell done. */
  provisional?: boolean;
  /** `--sequential`: each cell on 3 seeds, more only while a side's verdict is undecided. */
  sequential: boolean;
}

/** parseArgs options of `zone`. */
export const ZONE_OPTIONS: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  x: { type: 'string' },
  y: { type: 'string' },
  union: { type: 'string', multiple: true },
  platform: { type: 'string', multiple: true },
  'union-best': { type: 'string' },
  confidence: { type: 'string' },
  arm: { type: 'string' },
  replications: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string', short: 'o' },
  workers: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  sequential: { type: 'boolean' },
};

const C = 'zone';
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** `path=v1,v2,...` → an axis; throws UsageError naming the option. */
export function parseAxis(text: string | undefined, name: 'x' | 'y'): ZoneAxis {
  if (text === undefined || text.trim() === '') throw new UsageError(`missing --${name} <path>=v1,v2,...`, C);
  const m = /^([^=]+)=(.+)$/.exec(text.trim());
  if (!m) throw new UsageError(`--${name}: '${text}' is not <path>=v1,v2,...`, C);
  const [, param, list] = m as unknown as [string, string, string];
  const values = list.split(',').map((item) => {
    const t = item.trim();
    if (!NUMBER.test(t)) throw new UsageError(`--${name}: '${item}' is not a number`, C);
    return Number(t);
  });
  return checkValue(ZoneOptionsSchema.shape.x, { param, values }, `--${name}`, text, C);
}

function limits(raw: OptionValues[string], name: string): TargetSpec[] {
  return ((raw ?? []) as string[]).map((text) => {
    try {
      return parseTarget(text);
    } catch (e) {
      throw new UsageError(`--${name} ${e instanceof Error ? e.message : String(e)}`, C);
    }
  });
}

/** Builds a ZoneCommand from parsed option values; throws UsageError naming the bad argument. */
export function zoneCommand(file: string, v: OptionValues, seed: number | undefined, workers?: number): ZoneCommand {
  const str = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
  const x = parseAxis(str('x'), 'x');
  const y = parseAxis(str('y'), 'y');
  const union = limits(v.union, 'union');
  const platform = limits(v.platform, 'platform');
  if (union.length + platform.length === 0) {
    throw new UsageError('missing limits: give --union "<metric> <= v" and/or --platform "<metric> >= v"', C);
  }
  let unionObjective: UnionObjective | undefined;
  const best = str('union-best');
  if (best !== undefined) {
    const m = /^\s*([A-Za-z][\w.]*)\s+(lower|higher)\s*$/.exec(best);
    if (!m) throw new UsageError(`--union-best: '${best}' is not "<metric path> lower|higher"`, C);
    const [, metric, better] = m as unknown as [string, string, 'lower' | 'higher'];
    if (!isMetricPath(metric)) throw new UsageError(`--union-best: unknown metric path '${metric}'`, C);
    unionObjective = { metric, better };
  }
  const confidence = wordOption<'ci' | 'mean'>('confidence', str('confidence'), 'ci', C);
  const arm = str('arm');
  const options = {
    x,
    y,
    union,
    platform,
    unionObjective,
    confidence,
    arm: arm === undefined ? undefined : (checkValue(OPTION_FIELDS.arm, arm, '--arm', arm, C) as string),
    replications: wholeOption('replications', str('replications'), C),
    seed,
  };
  // The rules between options (two different parameters), as the library checks them.
  checkOptionsTogether(ZoneOptionsSchema, options, C, { x: str('x'), y: str('y') }, { unionObjective: '--union-best' });
  const out = str('out');
  if (out === '') throw new UsageError('--out needs a file name', C);
  const { unionObjective: _objective, ...rest } = options;
  return {
    kind: 'zone',
    file,
    ...rest,
    ...(unionObjective ? { unionObjective } : {}),
    out,
    workers,
    quiet: v.quiet === true,
    sequential: v.sequential === true,
  };
}

/** `fairpace zone`. */
export const ZONE: CommandSpec<ZoneCommand> = {
  usage: [
    'fairpace zone <scenario.json> --x PATH=a,b,... --y PATH=c,d,... --union "METRIC <= V" --platform "METRIC >= V" [options]',
  ],
  summary: ["the zone of agreement: where both sides' limits hold over a grid of two parameters"],
  help: `Usage: fairpace zone <scenario.json> --x PATH=a,b,... --y PATH=c,d,... [--union "M OP V" ...] [--platform "M OP V" ...] [options]

Runs one arm at every cell of a grid of two numeric parameters (every cell with the same seeds, in one batch) and
says, per cell, whether the union's limits and the platform's limits hold. Prints JSON: cells (y outer, x inner) with
each limit metric, platform.margin and platform.courierPay (mean and 95% interval) and unionHolds / platformHolds /
agreed; current (the scenario's own values and their cell, when both are on the grid); cheapestForPlatform (the
union-acceptable cell with the highest margin); bestForUnion (the platform-acceptable cell best for --union-best).

Options:
  --x PATH=a,b,...      first parameter and its values (a rules.* path is set in every arm)
  --y PATH=c,d,...      second parameter and its values
  --union "M OP V"      a union limit, OP one of <=, >=, <, > (repeatable; all must hold)
  --platform "M OP V"   a platform limit (repeatable; all must hold)
  --union-best "M D"    how the union ranks cells: a metric and lower|higher (default
                        "earnings.shareBelowMinWage lower")
  --arm ID              arm run at every cell (default: the last arm)
  --confidence C        ci (default: the unfavourable end of the 95% interval must meet each limit) or mean
  --replications R      replications per cell (default: the scenario's "replications")
  --sequential          fewer runs for the same verdicts: every cell on 3 seeds, then 2 more at a time only at
                        cells where a side's verdict is undecided (a limit inside a 95% interval), up to
                        --replications; JSON adds replicationsByCell, stderr says the runs made
  --seed N              first seed; replication i uses N + i (default: the scenario's "seed")
  --workers N           worker threads (default: one per core); results are identical for any N
  --out FILE, -o FILE   write the result to FILE instead of stdout
  --quiet, -q           no progress on stderr
  --progress            (without a value) provisional zones on stderr: for 2, 3, ... seeds up to all but the last,
                        a line as soon as every cell is done for those seeds, with the cells each side accepts,
                        both sides' picks and "provisional 3/10 replications" (with --sequential, the fewest
                        seeds a cell stands on); stdout is the same as without it
${RUN_CONTROL_HELP}

Example:
  fairpace zone scenarios/yantai-2021.json --arm median --x rules.deadline.percentile=30,50,70 \\
    --y rules.pay.base=6,12,18,24 --union "earnings.shareBelowMinWage <= 0.05" --platform "platform.margin >= 0"`,
  options: ZONE_OPTIONS,
  parse: scenarioCommand('zone', zoneCommand),
};
