/**
 * Parsing the real-data commands (pure): `observe waybills`, `observe trace`, `import waybills` and `audit riders`,
 * and the specs of `import`, `observe` and `audit` for the table of commands.
 */
import type { CommandSpec, OptionSpec, OptionValues } from './commandSpec.ts';
import { UsageError } from './errors.ts';
import { parseMdrpCommand, type ImportMdrpCommand } from './mdrpArgs.ts';

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

/** parseArgs options of `observe`. */
export const OBSERVE_OPTIONS: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  waves: { type: 'string' },
  out: { type: 'string', short: 'o' },
  arm: { type: 'string' },
  'peak-hours': { type: 'string' },
  'drop-implausible': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
};

/** parseArgs options of `import` (MDRP and waybills). */
export const IMPORT_OPTIONS: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  out: { type: 'string', short: 'o' },
  day: { type: 'string' },
  area: { type: 'string' },
  'drop-implausible': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
};

/** parseArgs options of `audit`. */
export const AUDIT_OPTIONS: OptionSpec = {
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

function str(v: OptionValues, name: string, command: string): string | undefined {
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

function armOf(v: OptionValues, command: string): string {
  const arm = str(v, 'arm', command) ?? 'median';
  if (!ARM.test(arm)) throw new UsageError(`--arm '${arm}' is not an arm id (letters, digits, "-" or "_")`, command);
  return arm;
}

/** `observe waybills ...` or `observe trace ...`; throws UsageError. */
export function observeCommand(
  v: OptionValues,
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
function observeTraceCommand(v: OptionValues, positionals: readonly string[]): ObserveTraceCommand {
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
function peakHoursOf(v: OptionValues, c: string): number[] | undefined {
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
export function importWaybillsCommand(v: OptionValues, positionals: readonly string[]): ImportWaybillsCommand {
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
export function auditCommand(v: OptionValues, positionals: readonly string[]): AuditRidersCommand {
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

/** `fairpace import mdrp` and `fairpace import waybills`. */
export const IMPORT: CommandSpec<ImportMdrpCommand | ImportWaybillsCommand> = {
  usage: [
    'fairpace import mdrp <instance_dir> --out scenario.json',
    'fairpace import waybills <file.csv|.zip> [--day YYYYMMDD] [--area ID] --out scenario.json',
  ],
  summary: [
    'import mdrp: a Grubhub MDRP instance folder as a replay scenario; import waybills: one day of a',
    'platform waybill file (TSL-Meituan layout) as a replay scenario',
  ],
  help: `Usage: fairpace import mdrp <instance_dir> [--drop-implausible] --out scenario.json
       fairpace import waybills <file.csv|.zip> [--day YYYYMMDD] [--area ID] [--drop-implausible] --out scenario.json

import mdrp reads a Grubhub MDRP instance folder (restaurants.txt, orders.txt, couriers.txt,
instance_parameters.txt) and writes a replay scenario (kind "replay") holding it, with the MDRP pay rule as the pay
options. Malformed or implausible input exits 2 with one "<file>:<line>: <message>" per problem.

import waybills streams a platform waybill file in the layout of the INFORMS TSL-Meituan 2024 challenge data (a CSV,
or a zip holding one CSV) and writes one day of it as a replay scenario: an order per order_id (placement,
meal-ready estimate, restaurant and customer positions in metres on a local plane), a courier per courier_id who
accepted a waybill that day, online from 10 min before the first accept to 10 min after the last delivery. The
scenario records the file's SHA-256 in meta.sources, never its rows. The first malformed line stops it with
"<file>:<line>: <message>" and exit 2; nothing is written.

Options:
  --day YYYYMMDD        the day to import (the dt column); needed when the file holds more than one
  --area ID             only the waybills of this delivery area (the da_id column)
  --out FILE, -o FILE   the scenario file to write
  --drop-implausible    leave out rows no platform could have produced (a time outside its day, times out of
                        order, a stage longer than a day, a ride faster than any e-bike) and report how many
                        of each kind, on stdout and in the output's metadata; without it such a row exits 2
                        (for import mdrp too: an order or courier row)
  --quiet, -q           no progress on stderr`,
  options: IMPORT_OPTIONS,
  parse: (v, positionals) => {
    if (positionals[0] === 'waybills') return importWaybillsCommand(v, positionals);
    if (v.day !== undefined || v.area !== undefined || v.quiet !== undefined) {
      throw new UsageError('--day, --area and --quiet go with import waybills', 'import');
    }
    return parseMdrpCommand('import', v, positionals);
  },
};

/** `fairpace observe waybills` and `fairpace observe trace`. */
export const OBSERVE: CommandSpec<ObserveWaybillsCommand | ObserveTraceCommand> = {
  usage: [
    'fairpace observe waybills <file.csv|.zip> [--waves FILE] [--arm ID] [--out targets.json]',
    'fairpace observe trace <orders.csv> [--arm ID] [--out targets.json]',
  ],
  summary: [
    'observe waybills: the figures of a platform waybill file that the model reports, as a targets file;',
    "observe trace: the same figures of the model's own order trace (run --orders)",
  ],
  help: `Usage: fairpace observe waybills <file.csv|.zip> [--waves FILE] [--arm ID] [--peak-hours LIST] [--out targets.json]
       fairpace observe trace <orders.csv> [--arm ID] [--peak-hours LIST] [--out targets.json]

Streams a platform waybill file in the layout of the INFORMS TSL-Meituan 2024 challenge data (a CSV, or a zip
holding one CSV) and computes the figures the model also reports, each with the sample's 95% interval: click-to-door
minutes; promised minutes, overall and by distance band; on-time and late-over-8-min rates; accept-to-pickup and
pickup-to-door minutes; orders per wave; orders and online hours per courier-day; the bag at acceptance, by hour
and at the peak; waybills per order (refusals). The figures that have a model metric become a targets file for
'fairpace calibrate <scenario> --targets FILE'.

Without --out the targets file goes to stdout and the table of figures to stderr; with --out the table goes to
stdout. The first malformed line stops it with "<file>:<line>: <message>" and exit 2; nothing is written.

Options:
  --waves FILE          the courier-wave file (courier_id, wave_id, wave_start_time, wave_end_time, order_ids):
                        orders per wave as the platform counts them
  --arm ID              the arm the targets describe (default: median; for a trace, the trace's own arm)
  --peak-hours LIST     local hours of the peak for the bag size (default: 11,12,17,18, the scenario default)
  --out FILE, -o FILE   write the targets file to FILE
  --drop-implausible    leave out rows no platform could have produced (a time outside its day, times out of
                        order, a stage longer than a day, a ride faster than any e-bike) and report how many
                        of each kind, on stdout and in the output's metadata; without it such a row exits 2
  --quiet, -q           no progress on stderr

observe trace reads the order trace of 'fairpace run <scenario> --orders orders.csv' (times in seconds from the
midnight of day 0) and computes the same figures with the same definitions, so a model run is read with the
yardstick of real data: click-to-door; promised minutes, overall and by straight-line distance band; on-time and
late-over-8-min rates; accept-to-pickup and pickup-to-door minutes (mean, p10, p50, p90); the delivered share;
orders per wave (a courier's stretch from accepting with an empty bag until the bag is empty again); the bag at
acceptance, by hour and at the peak; orders and online hours per courier-day (online reckoned from the first accept
and last delivery, as for waybills). The table goes to stdout; --out also writes the targets file. A malformed line
stops it with "<file>:<line>: <message>" and exit 2; nothing is written.`,
  options: OBSERVE_OPTIONS,
  parse: observeCommand,
};

/** `fairpace audit riders`. */
export const AUDIT: CommandSpec<AuditRidersCommand> = {
  usage: [
    'fairpace audit riders <file.csv|.zip> --standards scenario.json|yantai-2021|tangshan-2022 [--online FILE] [--out audit.zip]',
  ],
  summary: ["audit riders: riders' own order records against the minimum wage and working-time limits"],
  help: `Usage: fairpace audit riders <records.csv|.zip> --standards scenario.json|yantai-2021|tangshan-2022
                            [--online FILE] [--salt-file FILE] [--arm ID] [--out audit.zip]

Audits riders' own order records (one row per order: rider_id, accepted_at, picked_up_at, delivered_at, km, pay_cny,
fine_cny, and optionally promised_at; ISO 8601 times with their UTC offset) per rider-day: net pay per online hour
(per engaged hour without --online) against the minimum wage, hours against the legal limits, the late share and the
fines share, each with a 95% interval clustered by rider. Rider ids are replaced by salted hashes; the salt stays in
--salt-file and no rider id appears in any output.

Without --out it prints the figures. With --out it writes a zip: report.html (bilingual, self-contained),
targets.json (the figures as a targets file for fairpace calibrate), rider_days.csv and audit.json.

Options:
  --standards S         where the minimum wage and working-time limits come from: a scenario file, or the preset
                        yantai-2021 or tangshan-2022
  --online FILE         riders' online time per day (rider_id, date, online_hours)
  --salt-file FILE      the salt of the rider-id hashes, made on first use (default: ${'fairpace-audit.salt'});
                        keep it to match hashes across audits, never share it
  --arm ID              the arm the targets describe (default: median)
  --out FILE, -o FILE   the audit zip to write
  --drop-implausible    leave out rows no platform could have produced (times out of order, a stage longer than
                        a day, a ride faster than any e-bike, online hours shorter than the hours spent on
                        orders) and report how many of each kind, on stdout and in the output's metadata;
                        without it such a row exits 2
  --quiet, -q           no progress on stderr`,
  options: AUDIT_OPTIONS,
  parse: auditCommand,
};
