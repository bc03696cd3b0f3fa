/**
 * What the importers of real data share: a sink that takes CSV records one at a time (the caller tokenises and
 * streams: a direct split for unquoted lines, the evidence packs' RFC 4180 parser otherwise, in the CLI and in the
 * browser), the `<file>:<line>: <message>` error that stops at the first malformed line, header checks that name
 * wrong and missing columns, and growable typed arrays so that hundreds of thousands of rows cost bytes, not objects.
 */

/**
 * Earliest and latest Unix second a time of real data may be (2000-01-01 to 2100-01-01): anything else is a unit
 * mistake (milliseconds) or a typo, refused as malformed.
 */
export const MIN_UNIX = 946_684_800;
export const MAX_UNIX = 4_102_444_800;

/** Receives the records of one CSV file in order: the header first, then every data record. */
export interface RecordSink {
  /** The header record; throws DataFormatError when columns are missing or repeated. */
  header(cells: readonly string[], line: number): void;
  /** One data record; throws DataFormatError at the first malformed one. */
  row(cells: readonly string[], line: number): void;
}

/** Malformed input: each line of `problems` is `<file>:<line>: <message>` (one, since reading stops there). */
export class DataFormatError extends Error {
  override name = 'DataFormatError';
  readonly problems: string[];
  constructor(problems: string | string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.problems = list;
  }
}

/** Where each named column is in a header, and what the header lacks or repeats. */
export interface HeaderMap {
  /** Column name → its index. */
  index: Map<string, number>;
  /** Number of fields a record must have. */
  width: number;
  /** Columns neither required nor optional (ignored, named in a note). */
  ignored: string[];
}

/**
 * Checks a header: every `required` column present, no name twice. Names are trimmed; an empty name (the index
 * column pandas writes) is ignored. Throws DataFormatError naming the missing or repeated columns.
 */
export function readHeader(
  file: string,
  line: number,
  cells: readonly string[],
  required: readonly string[],
  optional: readonly string[],
  what: string,
): HeaderMap {
  const index = new Map<string, number>();
  const ignored: string[] = [];
  cells.forEach((raw, i) => {
    const name = raw.trim();
    if (name === '' || /^Unnamed: \d+$/.test(name)) return;
    if (index.has(name)) throw new DataFormatError(`${file}:${line}: column "${name}" appears twice`);
    index.set(name, i);
    if (!required.includes(name) && !optional.includes(name)) ignored.push(name);
  });
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0) {
    const known = required.filter((c) => index.has(c)).length;
    const hint = known === 0 ? ` (is this ${what}? its header names none of them)` : '';
    throw new DataFormatError(
      `${file}:${line}: missing column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}${hint}`,
    );
  }
  return { index, width: cells.length, ignored };
}

/** Throws unless a record has as many fields as the header. */
export function checkWidth(file: string, line: number, cells: readonly string[], width: number): void {
  if (cells.length !== width) {
    throw new DataFormatError(`${file}:${line}: expected ${width} fields as in the header, found ${cells.length}`);
  }
}

/** A record's cells by column name (trimmed; '' for a column the file lacks), and a failure located at its line. */
export interface RowCells {
  /** Whether the file has the column. */
  has(column: string): boolean;
  get(column: string): string;
  /** The column's index in the record (from 0), or undefined when the file lacks it. */
  index(column: string): number | undefined;
  fail(message: string): never;
}

/**
 * Checks a record against its header (read first, and of the header's width) and gives its cells by name; every
 * failure is a DataFormatError at `file:line`.
 */
export function rowCells(file: string, line: number, cells: readonly string[], map: HeaderMap | undefined): RowCells {
  if (!map) throw new Error('row before header');
  checkWidth(file, line, cells, map.width);
  return {
    has: (column) => map.index.has(column),
    get: (column) => (cells[map.index.get(column) ?? -1] ?? '').trim(),
    index: (column) => map.index.get(column),
    fail: (message) => {
      throw new DataFormatError(`${file}:${line}: ${message}`);
    },
  };
}

/** A cell quoted for a message: at most 40 characters, control characters shown as `?`. */
export function shown(cell: string): string {
  let clean = '';
  for (const ch of cell) clean += ch < ' ' || ch === '\x7f' ? '?' : ch;
  return `'${clean.length > 40 ? `${clean.slice(0, 40)}…` : clean}'`;
}

/** A growable Float64Array. */
export class Column {
  data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }
  push(value: number): number {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = value;
    return this.length++;
  }
  /** The values, without the spare capacity. */
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
  /** The values sorted ascending, as a copy (for quantiles). */
  sorted(): Float64Array {
    return Float64Array.from(this.values()).sort();
  }
}

/**
 * A compact key for an id: the number itself for up to 15 digits (a Map of numbers costs far less than one of
 * strings), else the string.
 */
export function idKey(id: string): number | string {
  return id.length <= 15 && /^\d+$/.test(id) ? Number(id) : id;
}

/** Numbers the distinct ids it is given from 0, in order of first appearance. */
export class IdIndex {
  private readonly map = new Map<number | string, number>();
  /** The ids by number (empty when the index was made not to keep them). */
  readonly ids: string[] = [];
  /** @param keepIds whether to keep each id's text (an index that only counts need not). */
  constructor(private readonly keepIds = true) {}
  /** The id's number, given it one if it is new. */
  of(id: string): number {
    const key = idKey(id);
    let i = this.map.get(key);
    if (i === undefined) {
      i = this.map.size;
      this.map.set(key, i);
      if (this.keepIds) this.ids.push(id);
    }
    return i;
  }
  /** The id's number, or -1 if it was never given one. */
  find(id: string): number {
    return this.map.get(idKey(id)) ?? -1;
  }
  get size(): number {
    return this.map.size;
  }
}
