/**
 * The pack's tables as typed rows, written out twice from the same rows: as CSV files and as the sheets of
 * tables.xlsx. Rows are produced lazily, so a pack of a million courier-days is never held as one array of cells.
 */
import type { ArmSummary } from '../analysis/index.ts';
import { PAY_TERM_NAMES } from '../sim/payTerms.ts';
import type { CourierDay, DayMetrics, RunResult } from '../sim/results.ts';

/** One cell: text, a number (NaN and ±Infinity are written as an empty cell), a yes/no, or empty. */
export type TableCell = string | number | boolean | null;

/** One table of a pack: the CSV file it is written to, its column names and its rows. */
export interface PackTable {
  /** The CSV file's name in the pack; the workbook's sheet is named after it without `.csv`. */
  file: string;
  columns: readonly string[];
  /** The data rows (not the header), each as long as `columns`; may be called more than once. */
  rows: () => Iterable<readonly TableCell[]>;
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
  'meanRiskTolerance',
] as const satisfies readonly (keyof DayMetrics)[];

/** The columns of compliance.csv. */
export const COMPLIANCE_COLUMNS = ['arm', 'check', 'clause', 'metric', 'value', 'threshold', 'status', 'detail'];

/** courier_days: one row per courier-day of every run (arm-major, then seed, then the engine's order). */
export function courierDaysTable(runs: readonly RunResult[]): PackTable {
  for (const run of runs) {
    if (!run.courierDays) throw new Error(`the run of arm ${run.armId}, seed ${run.seed} kept no courier-day rows`);
  }
  return {
    file: 'courier_days.csv',
    columns: ['arm', 'seed', ...COURIER_DAY_COLUMNS],
    *rows() {
      for (const run of runs) {
        for (const row of run.courierDays ?? []) yield [run.armId, run.seed, ...COURIER_DAY_COLUMNS.map((c) => row[c])];
      }
    },
  };
}

/** per_day: the per-day series of every run (one row per arm, seed and day). */
export function perDayTable(runs: readonly RunResult[]): PackTable {
  return {
    file: 'per_day.csv',
    columns: ['arm', 'seed', ...PER_DAY_COLUMNS],
    *rows() {
      for (const run of runs) {
        for (const day of run.perDay) yield [run.armId, run.seed, ...PER_DAY_COLUMNS.map((c) => day[c])];
      }
    },
  };
}

/** compliance: each arm's scorecard, evaluated on the arm's means over replications (as in results.json). */
export function complianceTable(arms: readonly ArmSummary[]): PackTable {
  return {
    file: 'compliance.csv',
    columns: COMPLIANCE_COLUMNS,
    *rows() {
      for (const arm of arms) {
        for (const c of arm.compliance)
          yield [arm.id, c.id, c.clause, c.metric, c.value, c.threshold, c.status, c.detail];
      }
    },
  };
}
