/**
 * A minimal Office Open XML workbook (.xlsx) writer whose bytes depend only on its input: no creation date, no
 * author, no random ids, every zip entry dated like the pack's. It writes what Excel, WPS and LibreOffice need to
 * open a table: a workbook, one worksheet per table with bold header rows frozen at the top, shared strings and a
 * style sheet. Sheets are streamed through fflate's deflater row by row, so a sheet of a million rows is never held
 * as one string.
 */
import { strToU8, Zip, ZipDeflate } from 'fflate';
import type { TableCell } from './tables.ts';

/** One worksheet: its name, header rows (shown bold and frozen) and data rows. */
export interface XlsxSheet {
  /** 1–31 characters, none of `[]:*?/\`. */
  name: string;
  header: readonly (readonly string[])[];
  rows: Iterable<readonly TableCell[]>;
}

/** Options of the workbook's zip. */
export interface XlsxOptions {
  /** Modification time of every zip entry (local date-time without offset, as fflate takes it). */
  mtime: string;
  /** Deflate level, part of the format like the pack's. */
  level: 6;
}

/** Excel's limit on the characters of one cell. */
const MAX_CELL_CHARS = 32_767;
/** Excel's limit on rows per sheet. */
export const XLSX_MAX_ROWS = 1_048_576;
/** Text handed to the deflater at a time: large enough to be fast, small enough to keep memory flat. */
const CHUNK_CHARS = 1 << 16;

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/**
 * Text made safe for XML: characters XML 1.0 cannot hold (control characters other than tab and line breaks, lone
 * surrogates, U+FFFE and U+FFFF) are dropped, and `& < > "` are escaped.
 */
export function xmlText(text: string): string {
  let kept = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    const allowed =
      c >= 0x20 ? c < 0xd800 || (c > 0xdfff && c < 0xfffe) || c > 0xffff : c === 9 || c === 10 || c === 13;
    if (allowed) kept += ch;
  }
  return kept.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The column letters of a zero-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Display width of text in Excel's character units: CJK and other wide characters count twice. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

/** Shared strings: each distinct text once, referred to by its index. */
class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;
  ref(text: string): number {
    this.count += 1;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }
  xml(): string {
    let out = `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.list.length}">`;
    for (const text of this.list) {
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
      out += `<si><t${space}>${xmlText(text)}</t></si>`;
    }
    return `${out}</sst>`;
  }
}

function cellXml(ref: string, value: TableCell, strings: SharedStrings, style: string): string {
  if (typeof value === 'number')
    return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${String(value)}</v></c>` : '';
  if (typeof value === 'boolean') return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value === null || value === '') return '';
  const text = value.length > MAX_CELL_CHARS ? `${value.slice(0, MAX_CELL_CHARS - 1)}…` : value;
  return `<c r="${ref}"${style} t="s"><v>${strings.ref(text)}</v></c>`;
}

function worksheetHead(sheet: XlsxSheet): string {
  const frozen = sheet.header.length;
  const columns = Math.max(0, ...sheet.header.map((row) => row.length));
  const cols = Array.from({ length: columns }, (_, c) => {
    const width = Math.min(40, Math.max(10, ...sheet.header.map((row) => displayWidth(row[c] ?? '') + 2)));
    return `<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`;
  }).join('');
  const pane =
    frozen > 0
      ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/>`
      : '';
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`
  );
}

/** Streams one worksheet's XML into `entry` in chunks. Throws RangeError beyond Excel's row limit. */
function writeWorksheet(entry: ZipDeflate, sheet: XlsxSheet, strings: SharedStrings): void {
  let buffer = worksheetHead(sheet);
  const flush = (final: boolean) => {
    entry.push(strToU8(buffer), final);
    buffer = '';
  };
  let r = 0;
  const row = (cells: readonly TableCell[], style: string) => {
    r += 1;
    if (r > XLSX_MAX_ROWS) throw new RangeError(`the sheet ${sheet.name} would have more than ${XLSX_MAX_ROWS} rows`);
    buffer += `<row r="${r}">`;
    for (let c = 0; c < cells.length; c++)
      buffer += cellXml(`${columnLetters(c)}${r}`, cells[c] ?? null, strings, style);
    buffer += '</row>';
    if (buffer.length >= CHUNK_CHARS) flush(false);
  };
  for (const cells of sheet.header) row(cells, ' s="1"');
  for (const cells of sheet.rows) row(cells, '');
  buffer += '</sheetData></worksheet>';
  flush(true);
}

function sheetName(name: string): string {
  if (name.length < 1 || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
    throw new RangeError(`"${name}" cannot name a sheet (1–31 characters, none of []:*?/\\)`);
  }
  return name;
}

const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/**
 * A workbook of `sheets`, in order. The same sheets always give the same bytes, in Node and in a browser. Throws
 * RangeError for a sheet name Excel refuses, a repeated name or a sheet beyond Excel's row limit.
 */
export function writeXlsx(sheets: readonly XlsxSheet[], options: XlsxOptions): Uint8Array {
  const names = sheets.map((s) => sheetName(s.name));
  if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) throw new RangeError('two sheets share a name');
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else chunks.push(data);
  });
  const entry = (name: string) => {
    const file = new ZipDeflate(name, { level: options.level });
    file.mtime = options.mtime;
    file.os = 0;
    file.attrs = 0;
    zip.add(file);
    return file;
  };
  const part = (name: string, text: string) => entry(name).push(strToU8(text), true);

  const overrides = names.map(
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`,
  );
  part(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>${overrides.join('')}` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/></Types>`,
  );
  part(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" ` +
      `Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  part(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
      names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
  );
  const n = names.length;
  part(
    'xl/_rels/workbook.xml.rels',
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
      names
        .map(
          (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  part('xl/styles.xml', STYLES);
  // The strings are known only once every sheet is written, so their part comes last.
  const strings = new SharedStrings();
  sheets.forEach((sheet, i) => writeWorksheet(entry(`xl/worksheets/sheet${i + 1}.xml`), sheet, strings));
  part('xl/sharedStrings.xml', strings.xml());
  zip.end();
  if (failure) throw failure;

  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
