/**
 * Parsing `fairpace compare` and `fairpace sweep` (pure): the arms side by side over replications, as they are (with
 * an optional gate of assertions) or at each value of one parameter.
 */
import { parseAssertion, rangeValues, type Assertion } from '../analysis/index.ts';
import { armsOption, decimalOption, wholeOption, wordOption } from './optionArgs.ts';
import { oneOf, optNonEmpty, outFile, singleFile, stringOf } from './argValues.ts';
import { HELP_OPTIONS, type CommandSpec, type OptionSpec, type OptionValues } from './commandSpec.ts';
import { UsageError } from './errors.ts';
import { RUN_CONTROL_HELP, type RunControl } from './runControl.ts';

/** Output formats of `compare`. */
export const COMPARE_FORMATS = ['json', 'table', 'csv'] as const;
/** A `compare --format` value. */
export type CompareFormat = (typeof COMPARE_FORMATS)[number];
/** Output formats of `sweep` (a sweep has too many points for a readable table). */
export const SWEEP_FORMATS = ['json', 'csv'] as const;
/** A `sweep --format` value. */
export type SweepFormat = (typeof SWEEP_FORMATS)[number];

/** Options shared by the commands that run many replications. */
interface BatchOptions extends RunControl {
  file: string;
  arms?: string[];
  replications?: number;
  seed?: number;
  out?: string;
  /** Worker threads; left out means one per core (decided by the caller, so parsing stays pure). */
  workers?: number;
  quiet: boolean;
}
/** `fairpace compare <file>`. */
export interface CompareCommand extends BatchOptions {
  kind: 'compare';
  format: CompareFormat;
  /** Whether CSV output starts with a UTF-8 byte-order mark (`--no-bom` turns it off). */
  bom: boolean;
  /** `--assert` then `--assert-diff` assertions, in the order given: the comparison becomes a gate. */
  assertions?: Assertion[];
  /** How assertions are judged: `ci` (the unfavourable end of the 95% interval) or `mean`. */
  confidence?: 'mean' | 'ci';
  /** A JUnit XML file with one test case per assertion. */
  junit?: string;
  /** `--precision P`: add replications in rounds until each headline difference is within ±P of its mean. */
  precision?: number;
  /** `--progress` without a value: a provisional answer on stderr each time more seeds have every arm done. */
  provisional?: boolean;
}
/** `fairpace sweep <file> --param P ...`; `values` already expanded from a list or a range. */
export interface SweepCommand extends BatchOptions {
  kind: 'sweep';
  param: string;
  values: number[];
  format: SweepFormat;
  /** Whether CSV output starts with a UTF-8 byte-order mark (`--no-bom` turns it off). */
  bom: boolean;
  /** `--progress` without a value: a provisional sweep on stderr each time more seeds have every point done. */
  provisional?: boolean;
  /** `--precision P`: at each value, add replications in rounds until its headline differences are within ±P. */
  precision?: number;
}

/**
 * The commands whose `--progress` without a value asks for provisional answers on stderr (args.ts reads it with
 * withoutBareProgress); the others take only `--progress json`.
 */
export const BARE_PROGRESS_COMMANDS: readonly string[] = ['compare', 'sweep', 'zone', 'sensitivity', 'target'];

/** The help of the options compare and sweep share (calibrate shows them too, without --arms). */
export const BATCH_OPTIONS_HELP = `  --arms A,B            arms to compare, by id (default: every arm of the scenario)
  --replications R      replications per arm (default: the scenario's "replications")
  --seed N              first seed; replication i uses N + i (default: the scenario's "seed")
  --workers N           worker threads (default: one per core); results are identical for any N
  --out FILE, -o FILE   write the result to FILE instead of stdout
  --quiet, -q           no progress on stderr`;

const GATE_OPTIONS_HELP = `
Gate options (the comparison becomes a pass/fail check for a pipeline):
  --assert "M[@ARM] OP V"
                        an arm's metric over replications, OP one of <=, >=, <, > (repeatable; default arm: the
                        last compared)
  --assert-diff "M OP V"
                        the paired difference, second arm − first (repeatable)
  --confidence C        ci (default: the unfavourable end of the 95% interval must meet each assertion) or mean
  --junit FILE          also write JUnit XML, one test case per assertion
  With assertions, stdout carries a table of them (the comparison goes only to --out), and the exit code is 0 when
  every assertion holds, 1 when any fails, 2 for bad input.`;

const BATCH: OptionSpec = {
  arms: { type: 'string' },
  replications: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string', short: 'o' },
  workers: { type: 'string' },
  format: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'no-bom': { type: 'boolean' },
};

/** The options compare and sweep share, read in order; `--no-bom` only with CSV. */
function batchOptions(
  v: OptionValues,
  positionals: readonly string[],
  command: string,
): BatchOptions & { bom: boolean } {
  const file = singleFile(positionals, command);
  const seed = wholeOption('seed', stringOf(v, 'seed'), command);
  const batch: BatchOptions = {
    file,
    arms: armsOption(stringOf(v, 'arms'), command),
    replications: wholeOption('replications', stringOf(v, 'replications'), command),
    seed,
    out: outFile(stringOf(v, 'out'), command),
    workers: wholeOption('workers', stringOf(v, 'workers'), command),
    quiet: v.quiet === true,
  };
  const bom = v['no-bom'] !== true;
  if (!bom && stringOf(v, 'format') !== 'csv') throw new UsageError('--no-bom goes with --format csv', command);
  return { ...batch, bom };
}

/** `fairpace compare`. */
export const COMPARE: CommandSpec<CompareCommand> = {
  usage: [
    'fairpace compare <scenario.json> [--arms A,B] [--replications R] [--seed N] [--format json|table|csv] [--out FILE] [--workers N]',
    'fairpace compare <scenario.json> --assert "METRIC[@ARM] <= V" [--assert-diff "METRIC <= V"] [--junit FILE] [options]',
  ],
  summary: ['arms side by side over replications, with paired differences and 95% intervals'],
  help: `Usage: fairpace compare <scenario.json> [options]

Runs every arm with the same seeds (common random numbers) and reports each arm's mean metrics, its compliance
scorecard, and for every metric the paired difference (second arm − first arm) with a 95% t interval.

Options:
  --format F            json (default), table (readable, side by side) or csv (one row per metric)
  --no-bom              CSV without the UTF-8 byte-order mark that Excel and WPS need (for tools that dislike it)
  --precision P         add replications in rounds (3, then 2 more at a time, up to --replications) until each
                        headline difference's 95% interval is within ±P of its mean (0.1: ±10%); the output is
                        the comparison of the replications it stopped at, and stderr says how many and why
  --progress            (without a value) provisional answers on stderr: for 2, 3, ... seeds up to all but the
                        last, a line as soon as every arm is done for those seeds, with a few headline differences,
                        their 95% intervals and "provisional 3/10 replications"; stdout is the same as without it
${BATCH_OPTIONS_HELP}
${GATE_OPTIONS_HELP}
${RUN_CONTROL_HELP}

Examples:
  fairpace compare scenarios/yantai-2021.json --format table
  fairpace compare scenarios/yantai-2021.json --assert "earnings.shareBelowMinWage@median <= 0.05" \\
    --assert-diff "safety.speedingKmShare <= 0" --junit gate.xml --out comparison.json`,
  options: {
    ...HELP_OPTIONS,
    ...BATCH,
    assert: { type: 'string', multiple: true },
    'assert-diff': { type: 'string', multiple: true },
    confidence: { type: 'string' },
    junit: { type: 'string' },
    precision: { type: 'string' },
  },
  parse: (v, positionals) => {
    const c = 'compare';
    const { bom, ...batch } = batchOptions(v, positionals, c);
    const compare: CompareCommand = {
      kind: 'compare',
      ...batch,
      format: oneOf(stringOf(v, 'format'), COMPARE_FORMATS, 'format', c),
      bom,
      ...gateOptions(v),
    };
    const p = decimalOption('precision', stringOf(v, 'precision'), c);
    if (p !== undefined) {
      if (compare.shard !== undefined)
        throw new UsageError('--precision decides the replications: it cannot be sharded', c);
      if (compare.assertions !== undefined)
        throw new UsageError('--precision and --assert: a gate judges a fixed number of replications', c);
      compare.precision = p;
    }
    return compare;
  },
};

/** `fairpace sweep`. */
export const SWEEP: CommandSpec<SweepCommand> = {
  usage: [
    'fairpace sweep <scenario.json> --param PATH (--values a,b,c | --from X --to Y --step S) [options of compare]',
  ],
  summary: ['a comparison at each value of one numeric scenario parameter'],
  help: `Usage: fairpace sweep <scenario.json> --param PATH (--values a,b,c | --from X --to Y --step S) [options]

Runs a comparison at each value of one numeric scenario parameter. A rules.* parameter is set in the base rules and
in every arm.

Options:
  --param PATH          dotted scenario path, e.g. rules.deadline.percentile or rules.pay.base
  --values a,b,c        the values (write a negative first value as --values=-1,0,1)
  --from X --to Y --step S
                        the values X, X+S, ... up to Y
  --format F            json (default) or csv (one row per value and metric)
  --no-bom              CSV without the UTF-8 byte-order mark that Excel and WPS need (for tools that dislike it)
  --progress            (without a value) provisional sweeps on stderr: for 2, 3, ... seeds up to all but the last,
                        a line as soon as every point and arm is done for those seeds, with the first headline
                        difference (one arm: its mean) at each value and "provisional 3/10 replications"; stdout is
                        the same as without it (with --precision, one line per round)
  --precision P         at each value, add replications in rounds (3, then 2 more at a time, up to --replications)
                        until its headline differences' 95% intervals (with one arm, the metrics' own) are within
                        ±P of their means or of their spread over the values, whichever is larger; each value's
                        point is that of the replications it stopped at (JSON: replicationsByValue), and stderr says
                        how many runs were made and why it stopped
${BATCH_OPTIONS_HELP}
${RUN_CONTROL_HELP}

Example:
  fairpace sweep scenarios/demo-small.json --param rules.deadline.percentile --from 10 --to 50 --step 10`,
  options: {
    ...HELP_OPTIONS,
    ...BATCH,
    param: { type: 'string' },
    values: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    step: { type: 'string' },
    precision: { type: 'string' },
  },
  parse: (v, positionals) => {
    const c = 'sweep';
    const { bom, ...batch } = batchOptions(v, positionals, c);
    const param = optNonEmpty(stringOf(v, 'param'), 'param', c);
    if (param === undefined) throw new UsageError('missing --param <path>, e.g. rules.deadline.percentile', c);
    const sweep: SweepCommand = {
      kind: 'sweep',
      ...batch,
      param,
      values: sweepValues(stringOf(v, 'values'), stringOf(v, 'from'), stringOf(v, 'to'), stringOf(v, 'step')),
      format: oneOf(stringOf(v, 'format'), SWEEP_FORMATS, 'format', c),
      bom,
    };
    const p = decimalOption('precision', stringOf(v, 'precision'), c);
    if (p !== undefined) {
      if (param === 'replications')
        throw new UsageError('--precision decides the replications: it cannot sweep them', c);
      sweep.precision = p;
    }
    return sweep;
  },
};

/** `--assert`, `--assert-diff`, `--confidence` and `--junit` of compare; the last two only with an assertion. */
function gateOptions(v: OptionValues): Pick<CompareCommand, 'assertions' | 'confidence' | 'junit'> {
  const parse = (name: 'assert' | 'assert-diff', kind: 'arm' | 'diff') =>
    ((v[name] ?? []) as string[]).map((text) => {
      try {
        return parseAssertion(text, kind);
      } catch (e) {
        throw new UsageError(`--${name} ${e instanceof Error ? e.message : String(e)}`, 'compare');
      }
    });
  const assertions = [...parse('assert', 'arm'), ...parse('assert-diff', 'diff')];
  const confidence = v.confidence as string | undefined;
  const junit = v.junit as string | undefined;
  if (assertions.length === 0) {
    if (confidence !== undefined) throw new UsageError('--confidence judges assertions: add --assert', 'compare');
    if (junit !== undefined) throw new UsageError('--junit reports assertions: add --assert', 'compare');
    return {};
  }
  const judged = wordOption<'ci' | 'mean'>('confidence', confidence, 'ci', 'compare');
  if (junit === '') throw new UsageError('--junit needs a file name', 'compare');
  return {
    assertions,
    confidence: judged,
    ...(junit !== undefined ? { junit } : {}),
  };
}

/**
 * `args` without any `--progress` that has no value of its own (the last word, or followed by anything but `json`),
 * and whether there was one: `compare --progress` with no value asks for provisional answers, `--progress json`
 * keeps its meaning.
 */
export function withoutBareProgress(args: readonly string[]): { args: readonly string[]; found: boolean } {
  const end = args.indexOf('--');
  const options = end < 0 ? args : args.slice(0, end);
  // A word after --progress is its value (json, or refused) once the scenario file has come before it; otherwise it
  // is the file and --progress is bare.
  const flags = new Set(['--quiet', '-q', '--no-bom', '--no-cache', '--help', '-h', '--progress']);
  const fileBefore = (i: number) =>
    options
      .slice(0, i)
      .some(
        (w, j) =>
          !w.startsWith('-') &&
          (j === 0 || flags.has(options[j - 1] as string) || !(options[j - 1] as string).startsWith('-')),
      );
  const kept = options.filter((a, i) => {
    const next = options[i + 1];
    if (a !== '--progress' || next === 'json') return true;
    return next !== undefined && !next.startsWith('-') && fileBefore(i);
  });
  if (kept.length === options.length) return { args, found: false };
  return { args: end < 0 ? kept : [...kept, ...args.slice(end)], found: true };
}

/** Parses a finite decimal number; `Number()` alone would accept '', '0x1f' and 'Infinity'. */
export function parseDecimal(text: string, name: string): number {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
    throw new UsageError(`--${name}: '${text}' is not a number`, 'sweep');
  }
  const value = Number(t);
  if (!Number.isFinite(value)) throw new UsageError(`--${name}: '${text}' is out of range`, 'sweep');
  return value;
}

/** The values of a sweep: `--values a,b,c`, or `--from X --to Y --step S` (all three), never both. */
export function sweepValues(
  list: string | undefined,
  from: string | undefined,
  to: string | undefined,
  step: string | undefined,
): number[] {
  const range = [from, to, step];
  if (list !== undefined) {
    if (range.some((x) => x !== undefined)) {
      throw new UsageError('give either --values or --from/--to/--step, not both', 'sweep');
    }
    const items = list.split(',');
    if (items.some((s) => s.trim() === '')) {
      throw new UsageError('--values is a comma-separated list of numbers without empty items', 'sweep');
    }
    return items.map((s) => parseDecimal(s, 'values'));
  }
  if (from === undefined && to === undefined && step === undefined) {
    throw new UsageError('missing the values to sweep: --values a,b,c or --from X --to Y --step S', 'sweep');
  }
  if (from === undefined || to === undefined || step === undefined) {
    throw new UsageError('a range needs all three of --from, --to and --step', 'sweep');
  }
  try {
    return rangeValues(parseDecimal(from, 'from'), parseDecimal(to, 'to'), parseDecimal(step, 'step'));
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`bad range: ${e.message}`, 'sweep');
    throw e;
  }
}
