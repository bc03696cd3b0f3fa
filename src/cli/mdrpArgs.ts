/**
 * Parsing `fairpace import mdrp` and `fairpace export mdrp` (pure), and the spec of export for the table of commands.
 */
import { HELP_OPTIONS, type CommandSpec, type OptionValues } from './commandSpec.ts';
import { UsageError } from './errors.ts';

/** `fairpace import mdrp <instance_dir> --out scenario.json`. */
export interface ImportMdrpCommand {
  kind: 'import';
  format: 'mdrp';
  dir: string;
  out: string;
  /** Leave implausible order and courier rows out and report how many (else they are refused). */
  dropImplausible: boolean;
}
/** `fairpace export mdrp <scenario.json> [--arm ID] [--seed N] --out <dir>`. */
export interface ExportMdrpCommand {
  kind: 'export';
  format: 'mdrp';
  file: string;
  arm?: string;
  seed?: number;
  out: string;
}

/** Parses the words and options after `import` or `export`; throws UsageError. */
export function parseMdrpCommand(
  command: 'import',
  values: OptionValues,
  positionals: readonly string[],
): ImportMdrpCommand;
export function parseMdrpCommand(
  command: 'export',
  values: OptionValues,
  positionals: readonly string[],
): ExportMdrpCommand;
export function parseMdrpCommand(
  command: 'import' | 'export',
  values: OptionValues,
  positionals: readonly string[],
): ImportMdrpCommand | ExportMdrpCommand {
  const [format, path, extra] = positionals;
  if (format !== 'mdrp') {
    const formats = command === 'import' ? 'mdrp <instance_dir> or import waybills <file>' : 'mdrp <scenario.json>';
    throw new UsageError(`${command} needs a format: ${command} ${formats}`, command);
  }
  if (path === undefined || path === '') {
    throw new UsageError(`missing the ${command === 'import' ? 'instance folder' : 'scenario file'} argument`, command);
  }
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`, command);
  const out = values.out;
  if (typeof out !== 'string' || out === '') {
    throw new UsageError(`missing --out ${command === 'import' ? '<scenario.json>' : '<dir>'}`, command);
  }
  if (command === 'import') {
    return { kind: 'import', format, dir: path, out, dropImplausible: values['drop-implausible'] === true };
  }
  const seedText = values.seed;
  let seed: number | undefined;
  if (typeof seedText === 'string') {
    seed = /^\d+$/.test(seedText.trim()) ? Number(seedText.trim()) : Number.NaN;
    if (!Number.isSafeInteger(seed) || seed > 2147483647) {
      throw new UsageError(`--seed must be a whole number from 0 to 2147483647 (got '${seedText}')`, command);
    }
  }
  const arm = typeof values.arm === 'string' && values.arm.trim() !== '' ? values.arm.trim() : undefined;
  return { kind: 'export', format, file: path, arm, seed, out };
}

/** `fairpace export mdrp`. */
export const EXPORT: CommandSpec<ExportMdrpCommand> = {
  usage: ['fairpace export mdrp <scenario.json> [--arm ID] [--seed N] --out <dir>'],
  summary: ['export mdrp: one replay run as the three MDRP solution files'],
  help: `Usage: fairpace export mdrp <scenario.json> [--arm ID] [--seed N] --out <dir>

Replays one arm of a replay scenario with one seed and writes solution_info_assignments.txt,
solution_info_orders.txt and solution_info_couriers.txt (the MDRP solution format) into <dir>.

Options:
  --arm ID              arm to run (default: the first arm)
  --seed N              seed of the run (default: the scenario's "seed")
  --out DIR, -o DIR     the folder to write (created if missing)`,
  options: { ...HELP_OPTIONS, arm: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string', short: 'o' } },
  parse: (v, positionals) => parseMdrpCommand('export', v, positionals),
};
