/**
 * How a metric reads in the command line's plain-text tables: its unit and decimals, from the metric catalogue
 * (src/analysis/catalogue). A name the catalogue does not know is shown as a plain number without a unit.
 */
import { lookupMetric, metricUnit as catalogueUnit, type UnitSpec } from '../analysis/index.ts';

/** The catalogue's display of a path, or undefined for a name it does not know. */
function spec(path: string): UnitSpec | undefined {
  return lookupMetric(path) ? catalogueUnit(path) : undefined;
}

/** The unit shown beside a metric in ASCII (a percent sign, CNY per hour, hours, ...; empty for counts, indices and unknown names). */
export function metricUnit(path: string): string {
  return spec(path)?.ascii ?? '';
}

/** The unit of a metric's differences in ASCII (`pp` for shares). */
export function differenceUnit(path: string): string {
  return spec(path)?.asciiDifference ?? '';
}

function fixed(value: unknown, path: string, signed: boolean): string {
  // NaN and Infinity become null in JSON; both mean "no value" here (e.g. an interval from one replication of 0/0).
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'n/a';
  const f = spec(path);
  let text = f ? (value * f.scale).toFixed(f.digits) : String(Number(value.toPrecision(4)));
  // Rounding can leave "-0.0"; a sign on zero would suggest a direction that is not there.
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  if (signed && !text.startsWith('-') && Number(text) !== 0) text = `+${text}`;
  return text;
}

/** A metric value in its display unit (shares as percentages), without the unit. */
export function formatMetric(value: unknown, path: string): string {
  return fixed(value, path, false);
}

/** A difference of a metric with an explicit sign (shares in percentage points). */
export function formatDifference(value: unknown, path: string): string {
  return fixed(value, path, true);
}

/** A plain number with at most four significant digits, for scorecard values whose threshold is a plain number. */
export function formatPlain(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value !== 'number') return String(value);
  if (!Number.isFinite(value)) return 'n/a';
  return String(Number(value.toPrecision(4)));
}
