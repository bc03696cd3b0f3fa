/** Parsing `fairpace import mdrp` and `fairpace export mdrp`; pure, like args.ts. */
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
  command: 'import' | 'export',
  values: Record<string, unknown>,
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
