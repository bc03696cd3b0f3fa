/** The pack's CSV files (RFC 4180: CRLF line ends, fields quoted when they need it), numbers at full precision. */
import type { ArmSummary } from '../analysis/index.ts';
import { PAY_TERM_NAMES } from '../sim/payTerms.ts';
import type { CourierDay, DayMetrics, RunResult } from '../sim/results.ts';

/** One CSV field: quoted (with doubled quotes) when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV record with its CRLF terminator. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** A number at full precision (shortest round-trip form); NaN, Infinity and missing values as an empty field. */
export function csvNumber(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/** RFC 4180 records of a CSV text (quoted fields may hold commas, quotes and line breaks). */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function cell(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value;
  return csvNumber(value);
}

/** The columns of courier_days.csv after `arm` and `seed`, in the order of the CourierDay type. */
export const COURIER_DAY_COLUMNS = [
  'courier',
  'day',
  'employment',
  'isNew',
  'onlineHours',
  'engagedHours',
  'longestStretchHours',
  'orders',
  'lateOrders',
  'km',
  'speedingKm',
  'fatiguedKm',
  'redLightRuns',
  'relativeCrashRisk',
  ...PAY_TERM_NAMES.map((term) => `${term}Cny` as const),
  'netCny',
  'netPerOnlineHour',
] as const satisfies readonly (keyof CourierDay)[];

/** The columns of per_day.csv after `arm` and `seed`. */
export const PER_DAY_COLUMNS = [
  'day',
  'promisedMinMean',
  'onTimeRate',
  'speedingKmShare',
  'relativeCrashRisk',
  'shareBelowMinWage',
  'onlineHoursMean',
] as const satisfies readonly (keyof DayMetrics)[];

/** courier_days.csv: one row per courier-day of every run (arm-major, then seed, then the engine's order). */
export function courierDaysCsv(runs: readonly RunResult[]): string {
  let out = csvRecord(['arm', 'seed', ...COURIER_DAY_COLUMNS]);
  for (const run of runs) {
    if (!run.courierDays) throw new Error(`the run of arm ${run.armId}, seed ${run.seed} kept no courier-day rows`);
    const prefix = `${csvField(run.armId)},${csvNumber(run.seed)},`;
    for (const row of run.courierDays)
      out += `${prefix}${COURIER_DAY_COLUMNS.map((c) => csvField(cell(row[c]))).join(',')}\r\n`;
  }
  return out;
}

/** per_day.csv: the per-day series of every run (one row per arm, seed and day). */
export function perDayCsv(runs: readonly RunResult[]): string {
  let out = csvRecord(['arm', 'seed', ...PER_DAY_COLUMNS]);
  for (const run of runs) {
    for (const day of run.perDay)
      out += csvRecord([run.armId, csvNumber(run.seed), ...PER_DAY_COLUMNS.map((c) => cell(day[c]))]);
  }
  return out;
}

/** compliance.csv: each arm's scorecard, evaluated on the arm's means over replications (as in results.json). */
export function complianceCsv(arms: readonly ArmSummary[]): string {
  let out = csvRecord(['arm', 'check', 'clause', 'metric', 'value', 'threshold', 'status', 'detail']);
  for (const arm of arms) {
    for (const c of arm.compliance) {
      out += csvRecord([
        arm.id,
        c.id,
        c.clause,
        c.metric,
        c.value === null ? '' : cell(c.value),
        c.threshold,
        c.status,
        c.detail,
      ]);
    }
  }
  return out;
}
