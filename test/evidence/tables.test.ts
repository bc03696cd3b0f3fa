// The pack's tables in office software: CSVs that start with a byte-order mark, and tables.xlsx holding the same
// cells as the CSVs, with headers in both languages and bytes that depend on nothing but the rows.
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../src/evidence/index.ts';
import { csvRows } from '../../src/format/csv.ts';
import { columnLabel } from '../../src/evidence/tableLabels.ts';
import { columnLetters, writeXlsx, xmlText, type XlsxSheet } from '../../src/evidence/xlsx.ts';
import { tinyPack, unzipToRecord } from './fixtures.ts';

const CSVS = ['courier_days.csv', 'per_day.csv', 'compliance.csv'];
const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** A workbook read back the plain way: sheet names in order, and each sheet's rows as CSV-style text cells. */
function readWorkbook(bytes: Uint8Array): { names: string[]; sheets: string[][][]; entries: string[] } {
  const parts = Object.fromEntries(readZip(bytes).map((f) => [f.name, strFromU8(f.bytes)]));
  const names = [...(parts['xl/workbook.xml'] ?? '').matchAll(/<sheet name="([^"]*)" sheetId="(\d+)"/g)].map((m) =>
    unescape(m[1] as string),
  );
  const strings = [...(parts['xl/sharedStrings.xml'] ?? '').matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) =>
    unescape(m[1] as string),
  );
  const sheets = names.map((_, i) => {
    const xml = parts[`xl/worksheets/sheet${i + 1}.xml`] ?? '';
    return [...xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)].map((row, r) => {
      expect(row[1]).toBe(String(r + 1));
      const cells: string[] = [];
      for (const c of (row[2] as string).matchAll(
        /<c r="([A-Z]+)(\d+)"(?: s="1")?(?: t="(s|b)")?><v>([^<]*)<\/v><\/c>/g,
      )) {
        expect(c[2]).toBe(row[1]);
        const column = (c[1] as string).split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        while (cells.length < column) cells.push('');
        const v = c[4] as string;
        cells.push(c[3] === 's' ? (strings[Number(v)] as string) : c[3] === 'b' ? String(v === '1') : v);
      }
      return cells;
    });
  });
  return { names, sheets, entries: Object.keys(parts) };
}

describe('the CSVs of a pack', () => {
  it('start with the UTF-8 byte-order mark, and write numbers with "." and no thousands separator', async () => {
    const files = unzipToRecord((await tinyPack()).zip);
    for (const name of CSVS) {
      const bytes = files[name] as Uint8Array;
      expect([...bytes.subarray(0, 3)], name).toEqual([0xef, 0xbb, 0xbf]);
      expect(strFromU8(bytes.subarray(3, 6)), name).toBe('arm');
    }
    const rows = csvRows(strFromU8((files['courier_days.csv'] as Uint8Array).subarray(3)));
    const header = rows[0] as string[];
    const numeric = header.filter((c) => !['arm', 'employment', 'isNew'].includes(c));
    let checked = 0;
    for (const row of rows.slice(1)) {
      for (const column of numeric) {
        const field = row[header.indexOf(column)] as string;
        expect(field, column).toMatch(/^-?\d+(\.\d+)?(e[+-]\d+)?$/);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
    // A value with a fraction is written with a point, as Excel reads it in a Chinese or English locale.
    expect(rows.slice(1).some((r) => /^\d+\.\d+$/.test(r[header.indexOf('netPerOnlineHour')] ?? ''))).toBe(true);
  });
});

describe('tables.xlsx', () => {
  it('holds one sheet per CSV, headed in Chinese and English, with every CSV cell', async () => {
    const files = unzipToRecord((await tinyPack()).zip);
    const book = readWorkbook(files['tables.xlsx'] as Uint8Array);
    expect(book.names).toEqual(['courier_days', 'per_day', 'compliance']);
    CSVS.forEach((name, i) => {
      const csv = csvRows(strFromU8(files[name] as Uint8Array));
      const sheet = book.sheets[i] as string[][];
      const columns = csv[0] as string[];
      expect(sheet[0], name).toEqual(columns.map((c) => columnLabel(c).zh));
      expect(sheet[1], name).toEqual(columns.map((c) => columnLabel(c).en));
      const body = sheet.slice(2).map((row) => [...row, ...Array<string>(columns.length - row.length).fill('')]);
      expect(body, name).toEqual(csv.slice(1));
    });
    expect(book.sheets[0]?.[0]?.slice(0, 3)).toEqual(['方案', '随机种子', '骑手编号']);
    expect(book.sheets[0]?.[1]?.slice(0, 3)).toEqual(['Arm', 'Seed', 'Courier']);
  });

  it('has no date, author or id that could change its bytes', async () => {
    const { zip } = await tinyPack();
    const xlsx = unzipToRecord(zip)['tables.xlsx'] as Uint8Array;
    const book = readWorkbook(xlsx);
    expect(book.entries).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
      'xl/sharedStrings.xml',
    ]);
    // Every local header is dated 1980-01-01 00:00 (DOS date 0x0021, time 0), as in the pack itself.
    let headers = 0;
    for (let at = 0; at + 4 < xlsx.length; at++) {
      if (xlsx[at] === 0x50 && xlsx[at + 1] === 0x4b && xlsx[at + 2] === 3 && xlsx[at + 3] === 4) {
        const u16 = (o: number) => (xlsx[at + o] as number) | ((xlsx[at + o + 1] as number) << 8);
        expect([u16(10), u16(12)]).toEqual([0, 0x21]);
        headers += 1;
      }
    }
    expect(headers).toBe(9);
  });

  it('is the same bytes for the same rows, and other bytes for another value', () => {
    const sheet = (value: number): XlsxSheet => ({
      name: 'a',
      header: [
        ['名', 'x'],
        ['name', 'x'],
      ],
      rows: [
        ['r1', value],
        ['r2', true],
      ],
    });
    const options = { mtime: '1980-01-01T00:00:00', level: 6 } as const;
    const a = writeXlsx([sheet(1.5)], options);
    expect(writeXlsx([sheet(1.5)], options)).toEqual(a);
    expect(writeXlsx([sheet(2.5)], options)).not.toEqual(a);
    expect(readWorkbook(a).sheets[0]).toEqual([
      ['名', 'x'],
      ['name', 'x'],
      ['r1', '1.5'],
      ['r2', 'true'],
    ]);
  });

  it('escapes text, drops characters XML cannot hold, and refuses sheet names Excel refuses', () => {
    expect(xmlText('a<b & "c">')).toBe('a&lt;b &amp; &quot;c&quot;&gt;');
    expect(xmlText('x\u0001y\uFFFEz\uD800')).toBe('xyz');
    expect(xmlText('骑手 😀\t')).toBe('骑手 😀\t');
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    const options = { mtime: '1980-01-01T00:00:00', level: 6 } as const;
    expect(() => writeXlsx([{ name: 'a/b', header: [], rows: [] }], options)).toThrow(RangeError);
    expect(() => writeXlsx([{ name: 'x'.repeat(32), header: [], rows: [] }], options)).toThrow(RangeError);
    const two = { header: [], rows: [] };
    expect(() =>
      writeXlsx(
        [
          { name: 'Data', ...two },
          { name: 'data', ...two },
        ],
        options,
      ),
    ).toThrow(/share a name/);
  });

  it('heads a column without a label by its name in both languages', () => {
    expect(columnLabel('someNewColumn')).toEqual({ zh: 'someNewColumn', en: 'someNewColumn' });
    expect(columnLabel('netCny')).toEqual({ zh: '净收入（元）', en: 'Net pay (CNY)' });
  });
});
