/** Parsing the `fairpace` command line into a typed command; pure (no I/O), so every rule is tested directly. */
import { parseArgs } from 'node:util';
import { parseAssertion, rangeValues, type Assertion } from '../analysis/index.ts';
import { wholeNumber } from '../analysis/options.ts';
import { UsageError } from './errors.ts';
import { armsOption, checkValue, decimalOption, wholeNumberText, wholeOption, wordOption } from './optionArgs.ts';
import { parseMdrpCommand, type ExportMdrpCommand, type ImportMdrpCommand } from './mdrpArgs.ts';
import {
  SENSITIVITY_OPTIONS,
  TARGET_OPTIONS,
  sensitivityCommand,
  targetCommand,
  type SensitivityCommand,
  type TargetCommand,
} from './bargainingArgs.ts';
import { CALIBRATE_OPTIONS, calibrateCommand, type CalibrateCommand } from './calibrateArgs.ts';
import { ZONE_OPTIONS, zoneCommand, type ZoneCommand } from './zoneArgs.ts';
import { ROBUSTNESS_OPTIONS, robustnessCommand, type RobustnessCommand } from './robustnessArgs.ts';
import { RUN_CONTROL_OPTIONS, runControl, type RunControl } from './runControl.ts';
import { BATCH_NAMES, type BatchName } from './batchNames.ts';
import {
  AUDIT_OPTIONS,
  auditCommand,
  IMPORT_OPTIONS,
  importWaybillsCommand,
  OBSERVE_OPTIONS,
  observeCommand,
  type AuditRidersCommand,
  type ImportWaybillsCommand,
  type ObserveTraceCommand,
  type ObserveWaybillsCommand,
} from './dataArgs.ts';

/** The subcommands, in the order the help lists them. */
export const COMMANDS = [
  'validate',
  'run',
  'compare',
  'sweep',
  'evidence',
  'verify',
  'target',
  'sensitivity',
  'zone',
  'calibrate',
  'robustness',
  'merge',
  'import',
  'export',
  'observe',
  'audit',
] as const;
/** A subcommand's name. */
export type CommandName = (typeof COMMANDS)[number];

/** Output formats of `compare`. */
export const COMPARE_FORMATS = ['json', 'table', 'csv'] as const;
/** A `compare --format` value. */
export type CompareFormat = (typeof COMPARE_FORMATS)[number];
/** Output formats of `sweep` (a sweep has too many points for a readable table). */
export const SWEEP_FORMATS = ['json', 'csv'] as const;
/** A `sweep --format` value. */
export type SweepFormat = (typeof SWEEP_FORMATS)[number];

/** Largest `--workers` and largest seed: the shared option rules' bounds (src/analysis/options.ts). */
export { MAX_SEED, MAX_WORKERS } from '../analysis/options.ts';

/** `--help`, for the program or one command. */
export interface HelpCommand {
  kind: 'help';
  topic?: CommandName;
}
/** `--version`. */
export interface VersionCommand {
  kind: 'version';
}
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
}
/** `fairpace evidence <file> --out pack.zip`: an evidence pack of the comparison with the same options. */
export interface EvidenceCommand extends RunControl {
  kind: 'evidence';
  file: string;
  arms?: string[];
  replications?: number;
  seed?: number;
  out: string;
  workers?: number;
  quiet: boolean;
  /** Bargaining result files (`fairpace target/sensitivity/zone --out`) to carry as `bargaining/<name>.json`. */
  include?: string[];
}
/** `fairpace verify <pack.zip>`: re-run a pack's scenario and check every file and digest. */
export interface VerifyCommand {
  kind: 'verify';
  file: string;
  workers?: number;
  quiet: boolean;
  progress?: 'json';
}
/** `fairpace merge <partial>... --out FILE`: the output of a batch command from its shards' partial files. */
export interface MergeCommand {
  kind: 'merge';
  files: string[];
  out: string;
  junit?: string;
}
/** A parsed command line. */
export type Command =
  | HelpCommand
  | VersionCommand
  | ValidateCommand
  | RunCommand
  | CompareCommand
  | SweepCommand
  | EvidenceCommand
  | VerifyCommand
  | TargetCommand
  | SensitivityCommand
  | ZoneCommand
  | RobustnessCommand
  | CalibrateCommand
  | MergeCommand
  | ImportMdrpCommand
  | ExportMdrpCommand
  | ImportWaybillsCommand
  | ObserveWaybillsCommand
  | ObserveTraceCommand
  | AuditRidersCommand;

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

const HELP: OptionSpec = { help: { type: 'boolean', short: 'h' } };
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
const OPTIONS: Record<CommandName, OptionSpec> = {
  validate: HELP,
  run: {
    ...HELP,
    seed: { type: 'string' },
    arm: { type: 'string' },
    out: { type: 'string', short: 'o' },
    orders: { type: 'string' },
    'no-bom': { type: 'boolean' },
  },
  compare: {
    ...HELP,
    ...BATCH,
    assert: { type: 'string', multiple: true },
    'assert-diff': { type: 'string', multiple: true },
    confidence: { type: 'string' },
    junit: { type: 'string' },
    precision: { type: 'string' },
  },
  sweep: {
    ...HELP,
    ...BATCH,
    param: { type: 'string' },
    values: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    step: { type: 'string' },
  },
  evidence: {
    ...HELP,
    arms: { type: 'string' },
    replications: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string', short: 'o' },
    workers: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    include: { type: 'string' },
  },
  verify: {
    ...HELP,
    workers: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    progress: { type: 'string' },
  },
  merge: { ...HELP, out: { type: 'string', short: 'o' }, junit: { type: 'string' } },
  target: TARGET_OPTIONS,
  sensitivity: SENSITIVITY_OPTIONS,
  zone: ZONE_OPTIONS,
  calibrate: CALIBRATE_OPTIONS,
  robustness: ROBUSTNESS_OPTIONS,
  import: IMPORT_OPTIONS,
  observe: OBSERVE_OPTIONS,
  audit: AUDIT_OPTIONS,
  export: { ...HELP, arm: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string', short: 'o' } },
};

/** Parses `argv` (without `node` and the script) into a command; throws UsageError for anything it cannot accept. */
export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError(`missing command: one of ${COMMANDS.join(', ')}`);
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { kind: 'help' };
    if (isCommand(topic)) return { kind: 'help', topic };
    throw new UsageError(`unknown command '${topic}'`);
  }
  if (first === '--version' || first === '-V') return { kind: 'version' };
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}' before the command`);
  if (!isCommand(first)) throw new UsageError(`unknown command '${first}': one of ${COMMANDS.join(', ')}`);
  return parseSubcommand(first, rest);
}

function isCommand(word: string): word is CommandName {
  return (COMMANDS as readonly string[]).includes(word);
}

/** Whether a command is a batch command (one in the BATCH registry), and so takes `--shard` and `--progress`. */
export function isBatchCommand(command: string): command is BatchName {
  return (BATCH_NAMES as readonly string[]).includes(command);
}

function optionsOf(command: CommandName): OptionSpec {
  return isBatchCommand(command) ? { ...OPTIONS[command], ...RUN_CONTROL_OPTIONS } : OPTIONS[command];
}

function parseSubcommand(command: CommandName, args: readonly string[]): Command {
  // `compare --progress` with no value asks for provisional answers; `--progress json` keeps its meaning.
  const bare = command === 'compare' ? withoutBareProgress(args) : { args, found: false };
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...bare.args], options: optionsOf(command), allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(parseArgsMessage(e), command);
  }
  const v = parsed.values;
  // --help wins over everything else, so `fairpace sweep --help` works without a file or --param.
  if (v.help) return { kind: 'help', topic: command };
  if (command === 'import' && parsed.positionals[0] === 'waybills') return importWaybillsCommand(v, parsed.positionals);
  if (command === 'import' && (v.day !== undefined || v.area !== undefined || v.quiet !== undefined)) {
    throw new UsageError('--day, --area and --quiet go with import waybills', command);
  }
  if (command === 'import' || command === 'export') return parseMdrpCommand(command, v, parsed.positionals);
  if (command === 'observe') return observeCommand(v, parsed.positionals);
  if (command === 'audit') return auditCommand(v, parsed.positionals);
  if (command === 'merge') return mergeCommand(v, parsed.positionals);
  const parsedCommand = parseFileCommand(command, v, parsed.positionals);
  if (!isBatchCommand(command)) return parsedCommand;
  const batch = parsedCommand as Exclude<Command, HelpCommand | VersionCommand> & BatchOptions & { junit?: string };
  Object.assign(batch, runControl(v, command, { out: batch.out, quiet: batch.quiet }));
  if (bare.found && batch.kind === 'compare') {
    if (batch.quiet) throw new UsageError('--progress and --quiet contradict each other', command);
    if (batch.progress === 'json') throw new UsageError('--progress and --progress json: choose one', command);
    if (batch.shard !== undefined) {
      throw new UsageError('--progress answers from whole seeds as they finish: it cannot be sharded', command);
    }
    batch.provisional = true;
  }
  if (batch.shard !== undefined && batch.kind === 'sensitivity' && batch.precision !== undefined) {
    throw new UsageError('--precision decides the seeds as it goes: it cannot be sharded', command);
  }
  if (batch.shard !== undefined && batch.kind === 'compare' && batch.precision !== undefined) {
    throw new UsageError('--precision decides the replications as it goes: it cannot be sharded', command);
  }
  if (batch.shard !== undefined && batch.kind === 'target' && batch.grid === undefined) {
    throw new UsageError(
      '--shard needs --grid N: the search decides each step from the last, so it runs whole',
      command,
    );
  }
  if (batch.shard !== undefined && batch.kind === 'calibrate' && batch.fit !== undefined) {
    throw new UsageError(
      '--shard goes without --fit: the fit decides each evaluation from the last, so it runs whole',
      command,
    );
  }
  if (batch.shard !== undefined && batch.junit !== undefined) {
    throw new UsageError('--junit goes to fairpace merge, which judges the assertions of the whole batch', command);
  }
  return batch;
}

/**
 * `args` without any `--progress` that has no value of its own (the last word, or followed by anything but `json`),
 * and whether there was one.
 */
function withoutBareProgress(args: readonly string[]): { args: readonly string[]; found: boolean } {
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

/** `run --orders FILE`: a file name, and `--no-bom` only with it. */
function runOrdersFile(text: string | undefined, noBom: boolean, command: string): string | undefined {
  if (text === '') throw new UsageError('--orders needs a file name', command);
  if (noBom && text === undefined) throw new UsageError('--no-bom goes with --orders FILE.csv', command);
  return text;
}

function mergeCommand(v: Record<string, unknown>, positionals: string[]): MergeCommand {
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
}

function parseFileCommand(
  command: Exclude<CommandName, 'import' | 'export' | 'merge' | 'observe' | 'audit'>,
  v: Record<string, string | boolean | (string | boolean)[] | undefined>,
  positionals: string[],
): Command {
  const file =
    command === 'verify' ? singleFile(positionals, command, 'pack', '<pack.zip>') : singleFile(positionals, command);
  const str = (name: string) => v[name] as string | undefined;
  const seed = wholeOption('seed', str('seed'), command);

  const workers = () => wholeOption('workers', str('workers'), command);
  switch (command) {
    case 'validate':
      return { kind: 'validate', file };
    case 'target':
      return targetCommand(file, v, seed, workers());
    case 'sensitivity':
      return sensitivityCommand(file, v, seed, workers());
    case 'zone':
      return zoneCommand(file, v, seed, workers());
    case 'calibrate':
      return calibrateCommand(file, v, seed, workers());
    case 'robustness':
      return robustnessCommand(file, v, seed, workers());
    case 'verify': {
      const quiet = v.quiet === true;
      return { kind: 'verify', file, workers: workers(), quiet, ...runControl(v, command, { out: undefined, quiet }) };
    }
    case 'evidence': {
      const out = outFile(str('out'), command);
      if (out === undefined)
        throw new UsageError('missing --out <pack.zip>: a pack is a zip file, not text for stdout', command);
      return {
        kind: 'evidence',
        file,
        arms: armsOption(str('arms'), command),
        replications: wholeOption('replications', str('replications'), command),
        seed,
        out,
        workers: workers(),
        quiet: v.quiet === true,
        include: optList(str('include'), 'include', command),
      };
    }
    case 'run':
      return {
        kind: 'run',
        file,
        seed,
        arm: optNonEmpty(str('arm'), 'arm', command),
        out: outFile(str('out'), command),
        orders: runOrdersFile(str('orders'), v['no-bom'] === true, command),
        bom: v['no-bom'] !== true,
      };
    case 'compare':
    case 'sweep': {
      const batch: BatchOptions = {
        file,
        arms: armsOption(str('arms'), command),
        replications: wholeOption('replications', str('replications'), command),
        seed,
        out: outFile(str('out'), command),
        workers: workers(),
        quiet: v.quiet === true,
      };
      const bom = v['no-bom'] !== true;
      if (!bom && str('format') !== 'csv') throw new UsageError('--no-bom goes with --format csv', command);
      if (command === 'compare') {
        const compare: CompareCommand = {
          kind: 'compare',
          ...batch,
          format: oneOf(str('format'), COMPARE_FORMATS, 'format', command),
          bom,
          ...gateOptions(v),
        };
        const p = decimalOption('precision', str('precision'), command);
        if (p !== undefined) {
          if (compare.shard !== undefined)
            throw new UsageError('--precision decides the replications: it cannot be sharded', command);
          if (compare.assertions !== undefined)
            throw new UsageError('--precision and --assert: a gate judges a fixed number of replications', command);
          compare.precision = p;
        }
        return compare;
      }
      const param = optNonEmpty(str('param'), 'param', command);
      if (param === undefined) throw new UsageError('missing --param <path>, e.g. rules.deadline.percentile', command);
      return {
        kind: 'sweep',
        ...batch,
        param,
        values: sweepValues(str('values'), str('from'), str('to'), str('step')),
        format: oneOf(str('format'), SWEEP_FORMATS, 'format', command),
        bom,
      };
    }
  }
}

/** `--assert`, `--assert-diff`, `--confidence` and `--junit` of compare; the last two only with an assertion. */
function gateOptions(v: Record<string, unknown>): Pick<CompareCommand, 'assertions' | 'confidence' | 'junit'> {
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

/** Node's parseArgs messages run over several lines and suggest `--`; one short line serves a person better. */
function parseArgsMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option '${unknown[1]}'`;
  const ambiguous = /^Option '([^']+)' argument is ambiguous/.exec(message);
  if (ambiguous) return `option '${ambiguous[1]}' needs a value; write a value starting with '-' as ${ambiguous[1]}=-1`;
  const line = message.split('\n').join(' ');
  return line.charAt(0).toLowerCase() + line.slice(1);
}

function singleFile(
  positionals: string[],
  command: CommandName,
  noun = 'scenario',
  placeholder = '<scenario.json>',
): string {
  const [file, extra] = positionals;
  if (file === undefined) throw new UsageError(`missing the ${noun} file argument ${placeholder}`, command);
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`, command);
  if (file === '') throw new UsageError(`the ${noun} file name is empty`, command);
  return file;
}

function optNonEmpty(text: string | undefined, name: string, command: CommandName): string | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === '') throw new UsageError(`--${name} needs a value`, command);
  return text.trim();
}

function outFile(text: string | undefined, command: CommandName): string | undefined {
  if (text === undefined) return undefined;
  if (text === '') throw new UsageError('--out needs a file name', command);
  return text;
}

/** Parses a whole decimal integer in [min, max]; `1.5`, `1e3`, `0x10` and `` are refused rather than coerced. */
export function parseInteger(text: string, name: string, min: number, max: number, command?: CommandName): number {
  return checkValue(wholeNumber(min, max), wholeNumberText(text), `--${name}`, text, command ?? '') as number;
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

function optList(text: string | undefined, name: string, command: CommandName): string[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === ''))
    throw new UsageError(`--${name} is a comma-separated list without empty items`, command);
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item)) throw new UsageError(`--${name} lists '${item}' twice`, command);
    seen.add(item);
  }
  return items;
}

function oneOf<T extends string>(
  text: string | undefined,
  allowed: readonly T[],
  name: string,
  command: CommandName,
): T {
  if (text === undefined) return allowed[0] as T;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${text}')`, command);
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
