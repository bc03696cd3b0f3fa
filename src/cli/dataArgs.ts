/**
 * Parsing the real-data commands (pure, like args.ts): `observe waybills`, `observe trace`, `import waybills` and
 * `audit riders`.
 */
import { UsageError } from './errors.ts';

/** `fairpace observe waybills <file.csv|.zip> [--waves FILE] [--out targets.json] [--arm ID] [--peak-hours LIST]`. */
export interface ObserveWaybillsCommand {
  kind: 'observe';
  format: 'waybills';
  file: string;
  waves?: string;
  out?: string;
  /** The arm the targets describe. */
  arm: string;
  peakHours?: number[];
  /** Leave implausible rows out and report how many (else they are refused). */
  dropImplausible: boolean;
  quiet: boolean;
}

/** `fairpace observe trace <orders.csv> [--arm ID] [--peak-hours LIST] [--out targets.json]`. */
export interface ObserveTraceCommand {
  kind: 'observe';
  format: 'trace';
  file: string;
  out?: string;
  /** The arm the targets describe; left out, the trace's own arm (its arm column), else median. */
  arm?: string;
  peakHours?: number[];
  quiet: boolean;
}

/** `fairpace import waybills <file> [--day YYYYMMDD] [--area ID] --out scenario.json`. */
export interface ImportWaybillsCommand {
  kind: 'import';
  format: 'waybills';
  file: string;
  day?: string;
  area?: string;
  out: string;
  /** Leave implausible rows out and report how many (else they are refused). */
  dropImplausible: boolean;
  quiet: boolean;
}

/** `fairpace audit riders <file> --standards scenario.json|yantai-2021|tangshan-2022 [--online FILE] [--out audit.zip]`. */
export interface AuditRidersCommand {
  kind: 'audit';
  format: 'riders';
  file: string;
  standards: string;
  online?: string;
  out?: string;
  /** Where the salt of the rider-id hashes is kept (made on first use). */
  saltFile: string;
  arm: string;
  /** Leave implausible rows out and report how many (else they are refused). */
  dropImplausible: boolean;
  quiet: boolean;
}

type Spec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** parseArgs options of `observe`. */
export const OBSERVE_OPTIONS: Spec = {
  help: { type: 'boolean', short: 'h' },
  waves: { type: 'string' },
  out: { type: 'string', short: 'o' },
  arm: { type: 'string' },
  'peak-hours': { type: 'string' },
  'drop-implausible': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
};

/** parseArgs options of `import` (MDRP and waybills). */
export const IMPORT_OPTIONS: Spec = {
  help: { type: 'boolean', short: 'h' },
  out: { type: 'string', short: 'o' },
  day: { type: 'string' },
  area: { type: 'string' },
  'drop-implausible': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
};

/** parseArgs options of `audit`. */
export const AUDIT_OPTIONS: Spec = {
  help: { type: 'boolean', short: 'h' },
  standards: { type: 'string' },
  online: { type: 'string' },
  out: { type: 'string', short: 'o' },
  'salt-file': { type: 'string' },
  arm: { type: 'string' },
  'drop-implausible': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
};

/** The salt file used when `--salt-file` is not given, in the current folder. */
export const DEFAULT_SALT_FILE = 'fairpace-audit.salt';

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

function str(v: Values, name: string, command: string): string | undefined {
  const value = v[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} needs a value`, command);
  return value.trim();
}

function fileArg(positionals: readonly string[], command: string, format: string, noun: string): string {
  const [, file, extra] = positionals;
  if (file === undefined || file === '')
    throw new UsageError(`missing the ${noun}: ${command} ${format} <file>`, command);
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`, command);
  return file;
}

const ARM = /^[A-Za-z0-9_-]{1,40}$/;

function armOf(v: Values, command: string): string {
  const arm = str(v, 'arm', command) ?? 'median';
  if (!ARM.test(arm)) throw new UsageError(`--arm '${arm}' is not an arm id (letters, digits, "-" or "_")`, command);
  return arm;
}

/** `observe waybills ...` or `observe trace ...`; throws UsageError. */
export function observeCommand(
  v: Values,
  positionals: readonly string[],
): ObserveWaybillsCommand | ObserveTraceCommand {
  const c = 'observe';
  if (positionals[0] === 'trace') return observeTraceCommand(v, positionals);
  if (positionals[0] !== 'waybills') {
    throw new UsageError('observe needs a format: observe waybills <file> or observe trace <orders.csv>', c);
  }
  const file = fileArg(positionals, c, 'waybills', 'waybill file (.csv or .zip)');
  const peakHours = peakHoursOf(v, c);
  return {
    kind: 'observe',
    format: 'waybills',
    file,
    ...(str(v, 'waves', c) !== undefined ? { waves: str(v, 'waves', c) } : {}),
    ...(str(v, 'out', c) !== undefined ? { out: str(v, 'out', c) } : {}),
    arm: armOf(v, c),
    ...(peakHours ? { peakHours } : {}),
    dropImplausible: v['drop-implausible'] === true,
    quiet: v.quiet === true,
  };
}

/** `observe trace ...`; throws UsageError. */
function observeTraceCommand(v: Values, positionals: readonly string[]): ObserveTraceCommand {
  const c = 'observe';
  const file = fileArg(positionals, c, 'trace', 'order trace (the CSV of fairpace run --orders)');
  if (v.waves !== undefined) throw new UsageError('--waves goes with observe waybills', c);
  if (v['drop-implausible'] !== undefined) {
    throw new UsageError("--drop-implausible goes with observe waybills (a trace is the engine's own output)", c);
  }
  const peakHours = peakHoursOf(v, c);
  const out = str(v, 'out', c);
  return {
    kind: 'observe',
    format: 'trace',
    file,
    ...(out !== undefined ? { out } : {}),
    ...(v.arm !== undefined ? { arm: armOf(v, c) } : {}),
    ...(peakHours ? { peakHours } : {}),
    quiet: v.quiet === true,
  };
}

/** `--peak-hours`: distinct hours 0–23. */
function peakHoursOf(v: Values, c: string): number[] | undefined {
  const hoursText = str(v, 'peak-hours', c);
  let peakHours: number[] | undefined;
  if (hoursText !== undefined) {
    const items = hoursText.split(',').map((s) => s.trim());
    if (items.some((s) => !/^\d{1,2}$/.test(s) || Number(s) > 23)) {
      throw new UsageError(`--peak-hours is a list of hours 0–23, e.g. 11,12,17,18 (got '${hoursText}')`, c);
    }
    peakHours = [...new Set(items.map(Number))];
  }
  return peakHours;
}

/** `import waybills ...`; throws UsageError. */
export function importWaybillsCommand(v: Values, positionals: readonly string[]): ImportWaybillsCommand {
  const c = 'import';
  const file = fileArg(positionals, c, 'waybills', 'waybill file (.csv or .zip)');
  const out = str(v, 'out', c);
  if (out === undefined) throw new UsageError('missing --out <scenario.json>', c);
  const day = str(v, 'day', c);
  if (day !== undefined && !/^\d{8}$/.test(day))
    throw new UsageError(`--day is a date written YYYYMMDD (got '${day}')`, c);
  const area = str(v, 'area', c);
  return {
    kind: 'import',
    format: 'waybills',
    file,
    ...(day !== undefined ? { day } : {}),
    ...(area !== undefined ? { area } : {}),
    out,
    dropImplausible: v['drop-implausible'] === true,
    quiet: v.quiet === true,
  };
}

/** `audit riders ...`; throws UsageError. */
export function auditCommand(v: Values, positionals: readonly string[]): AuditRidersCommand {
  const c = 'audit';
  if (positionals[0] !== 'riders') throw new UsageError('audit needs a format: audit riders <file>', c);
  const file = fileArg(positionals, c, 'riders', 'rider records file (.csv or .zip)');
  const standards = str(v, 'standards', c);
  if (standards === undefined) {
    throw new UsageError('missing --standards: a scenario file, or yantai-2021 or tangshan-2022', c);
  }
  const online = str(v, 'online', c);
  const out = str(v, 'out', c);
  if (out !== undefined && !/\.zip$/i.test(out)) throw new UsageError(`--out is a .zip file (got '${out}')`, c);
  return {
    kind: 'audit',
    format: 'riders',
    file,
    standards,
    ...(online !== undefined ? { online } : {}),
    ...(out !== undefined ? { out } : {}),
    saltFile: str(v, 'salt-file', c) ?? DEFAULT_SALT_FILE,
    arm: armOf(v, c),
    dropImplausible: v['drop-implausible'] === true,
    quiet: v.quiet === true,
  };
}
