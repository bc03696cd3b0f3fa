/**
 * Parsing the `fairpace` command line into a typed command; pure (no I/O), so every rule is tested directly. The
 * command's own words and options are its spec's to read (the table in commandTable.ts); here are the first word,
 * `--help` and `--version`, and the run-control flags every batch command shares, with the rules between them and
 * a command's own options.
 */
import { parseArgs } from 'node:util';
import { BATCH_NAMES, type BatchName } from './batchNames.ts';
import { COMMAND_TABLE, COMMANDS, type Command, type CommandName, type SubCommand } from './commandTable.ts';
import type { OptionSpec } from './commandSpec.ts';
import { BARE_PROGRESS_COMMANDS, withoutBareProgress } from './compareArgs.ts';
import { UsageError } from './errors.ts';
import { RUN_CONTROL_OPTIONS, runControl, type RunControl } from './runControl.ts';

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
  const own = COMMAND_TABLE[command].options;
  return isBatchCommand(command) ? { ...own, ...RUN_CONTROL_OPTIONS } : own;
}

/** A batch command's parsed line, with the run-control flags it takes. */
type BatchCommand = Extract<SubCommand, { kind: BatchName }>;

function parseSubcommand(command: CommandName, args: readonly string[]): Command {
  // `compare --progress` (sweep, zone) with no value asks for provisional answers; `--progress json` keeps its meaning.
  const bare = BARE_PROGRESS_COMMANDS.includes(command) ? withoutBareProgress(args) : { args, found: false };
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...bare.args], options: optionsOf(command), allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(parseArgsMessage(e), command);
  }
  const v = parsed.values;
  // --help wins over everything else, so `fairpace sweep --help` works without a file or --param.
  if (v.help) return { kind: 'help', topic: command };
  const parsedCommand = COMMAND_TABLE[command].parse(v, parsed.positionals);
  if (!isBatchCommand(command)) return parsedCommand;
  const batch = parsedCommand as BatchCommand & RunControl & { junit?: string; out?: string; quiet: boolean };
  Object.assign(batch, runControl(v, command, { out: batch.out, quiet: batch.quiet }));
  if (
    bare.found &&
    (batch.kind === 'compare' ||
      batch.kind === 'sweep' ||
      batch.kind === 'zone' ||
      batch.kind === 'sensitivity' ||
      batch.kind === 'target')
  ) {
    if (batch.kind === 'target' && batch.grid !== undefined) {
      throw new UsageError('--progress (the answer so far) goes with the search, not with --grid (one batch)', command);
    }
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
  if (
    batch.shard !== undefined &&
    (batch.kind === 'compare' || batch.kind === 'sweep') &&
    batch.precision !== undefined
  ) {
    throw new UsageError('--precision decides the replications as it goes: it cannot be sharded', command);
  }
  if (batch.shard !== undefined && batch.kind === 'zone' && batch.sequential) {
    throw new UsageError('--sequential decides the seeds as it goes: it cannot be sharded', command);
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
