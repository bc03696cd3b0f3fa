/** Parsing `fairpace target` and `fairpace sensitivity` (pure), and their specs for the table of commands. */
import { parseTarget, type SensitivityParam, type TargetSpec } from '../analysis/index.ts';
import { OPTION_FIELDS, SensitivityOptionsSchema, TargetOptionsSchema } from '../analysis/options.ts';
import { UsageError } from './errors.ts';
import { checkOptionsTogether, checkValue, decimalOption, wholeOption, wordOption } from './optionArgs.ts';
import { scenarioCommand } from './argValues.ts';
import type { CommandSpec, OptionSpec, OptionValues } from './commandSpec.ts';
import { RUN_CONTROL_HELP, type RunControl } from './runControl.ts';

/** Output formats of `sensitivity`. */
export const SENSITIVITY_FORMATS = ['json', 'table'] as const;
/** A `sensitivity --format` value. */
export type SensitivityFormat = (typeof SENSITIVITY_FORMATS)[number];

/** `fairpace target <file> --param P --min X --max Y --target "metric <= v" ...`. */
export interface TargetCommand extends RunControl {
  kind: 'target';
  file: string;
  param: string;
  min: number;
  max: number;
  targets: TargetSpec[];
  direction: 'smallest' | 'largest';
  confidence: 'mean' | 'ci';
  arm?: string;
  replications?: number;
  seed?: number;
  maxSteps?: number;
  tolerance?: number;
  /** `--grid N`: N evenly spaced values in one batch instead of the search. */
  grid?: number;
  /** `--precision P`: fewer replications where a value is clearly in or out, regula falsi, stop at P × (max − min). */
  precision?: number;
  /** `--progress` without a value: the answer so far on stderr before each further step of the search. */
  provisional?: boolean;
  out?: string;
  workers?: number;
  quiet: boolean;
}

/** `fairpace sensitivity <file> [--params p1,p2] [--arms A,B] ...`. */
export interface SensitivityCommand extends RunControl {
  kind: 'sensitivity';
  file: string;
  params?: SensitivityParam[];
  arms?: [string, string];
  replications?: number;
  seed?: number;
  format: SensitivityFormat;
  /** `--precision P`: screen on 3 seeds, then add seeds only to the parameters whose place or sign is in doubt. */
  precision?: number;
  /**
   * `--progress` without a value: a provisional ranking on stderr each time more seeds have every variant done (with
   * `--precision`, each time a parameter's next seeds are done).
   */
  provisional?: boolean;
  out?: string;
  workers?: number;
  quiet: boolean;
}

const COMMON: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  replications: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string', short: 'o' },
  workers: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
};

/** parseArgs options of the two commands. */
export const TARGET_OPTIONS: OptionSpec = {
  ...COMMON,
  param: { type: 'string' },
  min: { type: 'string' },
  max: { type: 'string' },
  target: { type: 'string', multiple: true },
  direction: { type: 'string' },
  confidence: { type: 'string' },
  arm: { type: 'string' },
  'max-steps': { type: 'string' },
  tolerance: { type: 'string' },
  grid: { type: 'string' },
  precision: { type: 'string' },
};
/** parseArgs options of `sensitivity`. */
export const SENSITIVITY_OPTIONS: OptionSpec = {
  ...COMMON,
  params: { type: 'string' },
  arms: { type: 'string' },
  format: { type: 'string' },
  precision: { type: 'string' },
};

function str(v: OptionValues, name: string): string | undefined {
  const x = v[name];
  return typeof x === 'string' ? x : undefined;
}

function decimal(text: string, name: string, command: string): number {
  const t = text.trim();
  const value = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : Number.NaN;
  if (!Number.isFinite(value)) throw new UsageError(`--${name}: '${text}' is not a number`, command);
  return value;
}

function required(text: string | undefined, name: string, hint: string, command: string): string {
  if (text === undefined || text.trim() === '') throw new UsageError(`missing --${name} ${hint}`, command);
  return text.trim();
}

function choice<T extends string>(text: string | undefined, allowed: readonly T[], name: string, command: string): T {
  if (text === undefined) return allowed[0] as T;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${text}')`, command);
}

function list(text: string | undefined, name: string, command: string): string[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) {
    throw new UsageError(`--${name} is a comma-separated list without empty items`, command);
  }
  return items;
}

/** Builds a TargetCommand from parsed option values; throws UsageError naming the bad argument. */
export function targetCommand(
  file: string,
  v: OptionValues,
  seed: number | undefined,
  workers?: number,
): TargetCommand {
  const c = 'target';
  const param = required(str(v, 'param'), 'param', '<path>, e.g. rules.pay.base', c);
  const min = decimal(required(str(v, 'min'), 'min', '<number>', c), 'min', c);
  const max = decimal(required(str(v, 'max'), 'max', '<number>', c), 'max', c);
  const raw = (v.target ?? []) as string[];
  if (raw.length === 0) throw new UsageError('missing --target "<metric path> <= value"', c);
  const targets = raw.map((text) => {
    try {
      return parseTarget(text);
    } catch (e) {
      throw new UsageError(`--target ${e instanceof Error ? e.message : String(e)}`, c);
    }
  });
  const tolerance = decimalOption('tolerance', str(v, 'tolerance'), c);
  const grid = wholeOption('grid', str(v, 'grid'), c);
  const arm = str(v, 'arm');
  const options = {
    param,
    min,
    max,
    targets,
    direction: wordOption<'smallest' | 'largest'>('direction', str(v, 'direction'), 'smallest', c),
    confidence: wordOption<'ci' | 'mean'>('confidence', str(v, 'confidence'), 'ci', c),
    arm: arm === undefined ? undefined : (checkValue(OPTION_FIELDS.arm, arm, '--arm', arm, c) as string),
    replications: wholeOption('replications', str(v, 'replications'), c),
    seed,
    maxSteps: wholeOption('maxSteps', str(v, 'max-steps'), c),
    tolerance,
    grid,
  };
  // The rules between options (--max above --min; --grid without the search's options), as the library checks them.
  checkOptionsTogether(TargetOptionsSchema, options, c, {
    min: str(v, 'min'),
    max: str(v, 'max'),
    grid: str(v, 'grid'),
  });
  const out = str(v, 'out');
  if (out === '') throw new UsageError('--out needs a file name', c);
  const { grid: _grid, ...rest } = options;
  const precision = decimalOption('precision', str(v, 'precision'), c);
  if (precision !== undefined && grid !== undefined) {
    throw new UsageError(
      '--precision goes with the search, not with --grid (a grid runs every value on every seed)',
      c,
    );
  }
  return {
    kind: 'target',
    file,
    ...rest,
    ...(grid !== undefined ? { grid } : {}),
    ...(precision !== undefined ? { precision } : {}),
    out,
    workers,
    quiet: v.quiet === true,
  };
}

/** Builds a SensitivityCommand; `--params` items are paths or `path=low:high`. */
export function sensitivityCommand(
  file: string,
  v: OptionValues,
  seed: number | undefined,
  workers?: number,
): SensitivityCommand {
  const c = 'sensitivity';
  const params = list(str(v, 'params'), 'params', c)?.map((item): SensitivityParam => {
    const m = /^([^=]+)=([^:]+):(.+)$/.exec(item);
    if (!m) {
      if (item.includes('=')) throw new UsageError(`--params: '${item}' is not path or path=low:high`, c);
      return { path: item };
    }
    const [, path, low, high] = m as unknown as [string, string, string, string];
    return { path: path.trim(), low: decimal(low, 'params', c), high: decimal(high, 'params', c) };
  });
  const armsText = str(v, 'arms');
  const arms =
    armsText === undefined
      ? undefined
      : (checkValue(SensitivityOptionsSchema.shape.arms, armsText.split(','), '--arms', armsText, c) as string[]);
  const out = str(v, 'out');
  if (out === '') throw new UsageError('--out needs a file name', c);
  return {
    kind: 'sensitivity',
    file,
    params,
    arms: arms as [string, string] | undefined,
    replications: wholeOption('replications', str(v, 'replications'), c),
    seed,
    format: choice(str(v, 'format'), SENSITIVITY_FORMATS, 'format', c),
    ...precisionOf(str(v, 'precision'), c),
    out,
    workers,
    quiet: v.quiet === true,
  };
}

/** `--precision P` of sensitivity, by the shared rule of `compare --precision`. */
function precisionOf(text: string | undefined, c: string): { precision?: number } {
  const precision = decimalOption('precision', text, c);
  return precision === undefined ? {} : { precision };
}

/** `fairpace target`. */
export const TARGET: CommandSpec<TargetCommand> = {
  usage: [
    'fairpace target <scenario.json> --param PATH --min X --max Y --target "METRIC <= V" [--target ...] [options]',
  ],
  summary: ['the smallest (or largest) value of one parameter that meets every target, and what it costs'],
  help: `Usage: fairpace target <scenario.json> --param PATH --min X --max Y --target "METRIC OP V" [--target ...] [options]

Finds the smallest (or largest) value of one numeric parameter in [X, Y] at which one arm meets every target, over
replications with the same seeds at every value (common random numbers). It evaluates the bounds and three interior
points, bisects the bracket where feasibility switches once, and falls back to a grid scan (saying "monotone": false
and why) when it switches more than once. Prints JSON: param, value (null, with "no value in bounds meets the
targets", when none does), reached, targets (achieved mean and 95% interval), arm, monotone, steps and platformCost
(courier pay and margin per day at the value, and the paired change from the scenario's current value).

Options:
  --param PATH          dotted scenario path, e.g. rules.pay.base (a rules.* path is set in every arm)
  --min X --max Y       the bounds
  --target "M OP V"     a target on a metric path, OP one of <=, >=, <, > (repeatable; all must hold)
  --direction D         smallest (default) or largest
  --arm ID              arm whose metrics must meet the targets (default: the last arm)
  --confidence C        ci (default: the unfavourable end of the 95% interval must meet each target) or mean
  --max-steps N         most values evaluated, bounds included (default 20)
  --tolerance T         stop bisecting when the bracket is this narrow (default (Y − X) / 1000)
  --precision P         fewer runs: a value runs on 3 seeds and gets more (2 at a time, up to R) only when its
                        targets' intervals are not yet on one side of their thresholds; regula falsi instead of
                        bisection; stop when the bracket is within P × (Y − X) or the answer meets its target by
                        less than its interval's half-width. The answer still runs on every seed; stderr says how
                        many runs were made and why it stopped (not with --grid)
  --grid N              instead of the search, evaluate N evenly spaced values from X to Y (both included) in one
                        batch, which --shard can split; "bracket" then spans the last failing and first passing value
  --replications R      replications per value (default: the scenario's "replications")
  --seed N              first seed; replication i uses N + i (default: the scenario's "seed")
  --workers N           worker threads (default: one per core); results are identical for any N
  --out FILE, -o FILE   write the result to FILE instead of stdout
  --quiet, -q           no progress on stderr
  --progress            (without a value) the answer so far on stderr before each further step of the search:
                        "provisional 3/10 replications, PATH: bracket [lo, hi], best estimate V (7 values, 29 runs)",
                        the replications being the seeds the best value has run on; stdout is the same as without
                        it (not with --grid)
${RUN_CONTROL_HELP}

Example:
  fairpace target scenarios/yantai-2021.json --param rules.pay.base --min 6 --max 40 \\
    --target "earnings.shareBelowMinWage <= 0.05" --arm median`,
  options: TARGET_OPTIONS,
  parse: scenarioCommand('target', targetCommand),
};

/** `fairpace sensitivity`. */
export const SENSITIVITY: CommandSpec<SensitivityCommand> = {
  usage: [
    'fairpace sensitivity <scenario.json> [--params p1,p2,...] [--arms A,B] [--replications R] [--format json|table]',
  ],
  summary: ['how much each assumption moves the headline differences, ranked, with sign flips flagged'],
  help: `Usage: fairpace sensitivity <scenario.json> [options]

For a comparison of two arms, sets each parameter to its low and then its high value (one at a time, in every arm,
with the same seeds), recomputes the headline differences (second arm − first) and ranks the parameters by the
largest swing relative to the size of the base difference. Flags a parameter whose range flips the sign of a
difference whose base 95% interval excludes zero. By default it varies every parameter the parameter catalogue gives a
plausible range (src/scenario/catalogue/*.ts: assumptions, and two calibrated defaults), each over that range (e.g.
±20%).

Options:
  --params P,Q,...      parameter paths (the assumption's stated range, else ±20% of the scenario's value), or
                        path=low:high for an explicit range
  --arms A,B            the two arms (default: the scenario's first two)
  --format F            json (default) or table
  --replications R      replications per arm and value (default: the scenario's "replications")
  --precision P         screen every parameter on 3 seeds, then add 2 seeds at a time (up to --replications) only
                        to those whose place in the ranking or sign flip is in doubt, until each score is within
                        ±P (0.2 = ±20%) or cannot change place; says how many runs it made (no --shard)
  --seed N              first seed (default: the scenario's "seed")
  --workers N           worker threads (default: one per core)
  --out FILE, -o FILE   write the result to FILE instead of stdout
  --quiet, -q           no progress on stderr
  --progress            (without a value) provisional rankings on stderr: for 2, 3, ... seeds up to all but the
                        last, as soon as the base and every variant are done for them, the first five parameters
                        by score with "provisional 3/10 replications"; with --precision, each time a parameter's
                        next seeds are done (the first bars after the base's and one parameter's first 2 seeds):
                        "provisional 2/10 replications, 3 of 15 parameters (12 pending), 36 runs: 1. PATH 1.42
                        (2 seeds); ...", 2 being the fewest seeds a shown parameter rests on; stdout is the same
                        as without it
${RUN_CONTROL_HELP}

Examples:
  fairpace sensitivity scenarios/yantai-2021.json --format table
  fairpace sensitivity scenarios/yantai-2021.json --precision 0.2 --format table`,
  options: SENSITIVITY_OPTIONS,
  parse: scenarioCommand('sensitivity', sensitivityCommand),
};
