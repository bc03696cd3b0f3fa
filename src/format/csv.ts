/**
 * CSV as Fairpace writes and reads it (RFC 4180: CRLF line ends, fields quoted when they need it), numbers at full
 * precision: the evidence pack's tables, the CLI's outputs, the order trace and the rider audit all go through here.
 * Every CSV file starts with a UTF-8 byte-order mark, so Excel and WPS on Windows read its Chinese text as UTF-8
 * instead of the local code page.
 */
import { strToU8 } from 'fflate';

/** One cell: text, a number (NaN and ±Infinity are written as an empty cell), a yes/no, or empty. */
export type CsvCell = string | number | boolean | null;

/** A table to write: its column names and its data rows (the evidence pack's tables are such tables). */
export interface CsvTable {
  columns: readonly string[];
  /** The data rows (not the header), each as long as `columns`. */
  rows: () => Iterable<readonly CsvCell[]>;
}

/** The UTF-8 byte-order mark (EF BB BF once encoded) that starts every CSV Fairpace writes, unless asked not to. */
export const CSV_BOM = '\uFEFF';

/**
 * The bytes of a CSV file: the BOM, then `text` in UTF-8. The BOM is added as bytes rather than to the text, because
 * one non-Latin-1 character would make JavaScript hold a million-row CSV at two bytes per character.
 */
export function csvBytes(text: string): Uint8Array {
  const body = strToU8(text);
  const out = new Uint8Array(3 + body.length);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** One CSV field: quoted (with doubled quotes) when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV record with its CRLF terminator. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/**
 * A number at full precision in JavaScript's shortest round-trip form: `.` as the decimal point, no thousands
 * separator, whatever the reader's locale (e.g. `1234.5`, `0.30000000000000004`, `1e-7`). NaN, Infinity and missing
 * values are an empty field.
 */
export function csvNumber(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/** A cell as CSV text: numbers as `csvNumber`, yes/no as `true`/`false`, empty as an empty field. */
export function csvCell(value: CsvCell): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value;
  return csvNumber(value);
}

/** RFC 4180 records of a CSV text (quoted fields may hold commas, quotes and line breaks); a leading BOM is skipped. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = text.startsWith(CSV_BOM) ? 1 : 0; i < text.length; i++) {
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

/** A table as CSV text (without the BOM, which `csvBytes` adds): the column names, then one record per row. */
export function tableCsv(table: CsvTable): string {
  let out = csvRecord(table.columns);
  for (const row of table.rows()) out += `${row.map((cell) => csvField(csvCell(cell))).join(',')}\r\n`;
  return out;
}
