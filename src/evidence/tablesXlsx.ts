/** tables.xlsx: the pack's CSV tables as the sheets of one workbook, with headers in Chinese and English. */
import type { ArmSummary } from '../analysis/index.ts';
import type { RunResult } from '../sim/results.ts';
import { columnLabel } from './tableLabels.ts';
import { complianceTable, courierDaysTable, perDayTable, type PackTable } from './tables.ts';
import { writeXlsx } from './xlsx.ts';
import { PACK_MTIME } from '../format/zip.ts';

/** The pack's tables in the order of their CSV files: courier_days, per_day, compliance. */
export function packTables(runs: readonly RunResult[], arms: readonly ArmSummary[]): [PackTable, PackTable, PackTable] {
  return [courierDaysTable(runs), perDayTable(runs), complianceTable(arms)];
}

/**
 * The workbook of the tables: one sheet per CSV, named after the file without `.csv`, in the same order. Each sheet
 * starts with two header rows, Chinese then English, and holds the CSV's rows with numbers as numbers; its columns are
 * the CSV's columns in the same order.
 */
export function tablesXlsx(tables: readonly PackTable[]): Uint8Array {
  return writeXlsx(
    tables.map((table) => {
      const labels = table.columns.map(columnLabel);
      return {
        name: table.file.replace(/\.csv$/, ''),
        header: [labels.map((l) => l.zh), labels.map((l) => l.en)],
        rows: table.rows(),
      };
    }),
    { mtime: PACK_MTIME, level: 6 },
  );
}
