/**
 * CSV output of `compare` and `sweep` (RFC 4180: CRLF line ends, fields quoted when they need it), written with a
 * UTF-8 byte-order mark unless `--no-bom` is given, like the CSVs of an evidence pack.
 */
import {
  differencePaths,
  metricAt,
  type ArmSummary,
  type Comparison,
  type Difference,
  type SweepResult,
} from '../analysis/index.ts';
import { CSV_BOM, csvField, csvNumber, csvRecord } from '../format/csv.ts';
import { metricUnit } from './metricFormat.ts';

// The CSV primitives live with the evidence packs, which write CSV too; re-exported for the CLI's callers.
export { csvField, csvNumber, csvRecord };

/** CSV text for a file or stdout: with the byte-order mark that Excel and WPS need to read UTF-8, unless `bom` is false. */
export function withBom(csv: string, bom: boolean): string {
  return bom ? CSV_BOM + csv : csv;
}

interface DiffSet {
  prefix: string;
  differences: Record<string, Difference>;
}

function diffSets(arms: readonly ArmSummary[], differences: Record<string, Difference>, c?: Comparison): DiffSet[] {
  const first = arms[0];
  if (!first || arms.length < 2) return [];
  // With more than two arms each further arm gets its own columns, named so no two collide.
  if (c?.differencesVsFirst) {
    return arms
      .slice(1)
      .map((arm) => ({ prefix: `diff_${arm.id}`, differences: c.differencesVsFirst?.[arm.id] ?? {} }));
  }
  return [{ prefix: 'diff', differences }];
}

function diffHeader(sets: readonly DiffSet[]): string[] {
  return sets.flatMap((s) => [`${s.prefix}_mean`, `${s.prefix}_ci95_lo`, `${s.prefix}_ci95_hi`]);
}

function metricCells(arms: readonly ArmSummary[], sets: readonly DiffSet[], path: string): string[] {
  return [
    ...arms.map((arm) => csvNumber(metricAt(arm.metrics, path))),
    ...sets.flatMap((s) => {
      const d = s.differences[path];
      return [csvNumber(d?.mean), csvNumber(d?.ci95[0]), csvNumber(d?.ci95[1])];
    }),
  ];
}

/**
 * A comparison as CSV: one row per metric path (every scalar and each distribution's mean) with its unit from the
 * metric catalogue (shares as fractions: the unit names how they are shown, `%`), a column per arm with its mean, then
 * the paired difference (second arm − first) and its 95% interval.
 */
export function formatCompareCsv(comparison: Comparison): string {
  const { arms } = comparison;
  const sets = diffSets(arms, comparison.differences, comparison);
  let out = csvRecord(['metric', 'unit', ...arms.map((a) => a.id), ...diffHeader(sets)]);
  const first = arms[0];
  if (!first) return out;
  for (const path of differencePaths(first.metrics)) {
    out += csvRecord([path, metricUnit(path), ...metricCells(arms, sets, path)]);
  }
  return out;
}

/**
 * A sweep as CSV in long form: one row per value and metric path, so it loads straight into a plotting tool.
 * The difference columns are the second arm minus the first.
 */
export function formatSweepCsv(result: SweepResult): string {
  const firstPoint = result.points[0];
  const arms = firstPoint?.arms ?? [];
  const header = ['param', 'value', 'metric', 'unit', ...arms.map((a) => a.id), ...diffHeader(diffSets(arms, {}))];
  let out = csvRecord(header);
  for (const point of result.points) {
    const sets = diffSets(point.arms, point.differences);
    const first = point.arms[0];
    if (!first) continue;
    for (const path of differencePaths(first.metrics)) {
      out += csvRecord([
        result.param,
        csvNumber(point.value),
        path,
        metricUnit(path),
        ...metricCells(point.arms, sets, path),
      ]);
    }
  }
  return out;
}
