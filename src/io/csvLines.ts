/**
 * A streaming CSV reader (RFC 4180) that gives each record with the line it starts on, fed with text as it arrives.
 * A line without a quote, which is every line of a waybill file, is split on commas at once; a record with quotes
 * (which may run over several lines) is gathered until its quotes balance and parsed by the evidence packs' RFC 4180
 * parser. A leading byte-order mark is skipped, CRLF and LF both end a line, and blank lines are skipped.
 */
import { csvRows } from '../format/csv.ts';
import { DataFormatError, type RecordSink } from './records.ts';

/** Longest record, characters: a line this long is no record of these files (and would exhaust memory). */
export const MAX_RECORD_CHARS = 1 << 20;

/** Feeds a RecordSink: the first record is the header, then one `row` per record. */
export class CsvLineReader {
  private rest = '';
  private line = 0;
  private pending = '';
  private pendingLine = 0;
  private pendingQuotes = 0;
  private first = true;
  private headerSeen = false;
  /** Data records given to the sink. */
  records = 0;

  /** Line breaks read so far: the line being read is one more. */
  get linesRead(): number {
    return this.line;
  }

  constructor(
    private readonly sink: RecordSink,
    private readonly file: string,
  ) {}

  /** Takes the next piece of text (any split, even inside a line). */
  push(text: string): void {
    let chunk = text;
    if (this.first) {
      if (chunk === '') return;
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    let data = this.rest + chunk;
    let start = 0;
    for (;;) {
      const nl = data.indexOf('\n', start);
      if (nl < 0) break;
      this.take(data, start, nl);
      start = nl + 1;
    }
    data = data.slice(start);
    if (data.length > MAX_RECORD_CHARS) this.tooLong(this.line + 1);
    this.rest = data;
  }

  /** Ends the text: the last line may lack its line break. Throws if a quoted field never closed. */
  end(): void {
    if (this.rest !== '') {
      const data = this.rest;
      this.rest = '';
      this.take(data, 0, data.length);
    }
    if (this.pending !== '') {
      throw new DataFormatError(`${this.file}:${this.pendingLine}: a quoted field is never closed`);
    }
    if (!this.headerSeen) throw new DataFormatError(`${this.file}:1: the file is empty (no header line)`);
  }

  private tooLong(line: number): never {
    throw new DataFormatError(`${this.file}:${line}: the record is longer than ${MAX_RECORD_CHARS} characters`);
  }

  /** One physical line: data[start, end), without its '\n'. */
  private take(data: string, start: number, end: number): void {
    this.line++;
    let stop = end;
    if (stop > start && data.charCodeAt(stop - 1) === 13) stop--;
    if (this.pending !== '' || this.pendingQuotes > 0) {
      const text = data.slice(start, end);
      this.pending += `\n${text}`;
      this.pendingQuotes += count(text);
      if (this.pending.length > MAX_RECORD_CHARS) this.tooLong(this.pendingLine);
      if (this.pendingQuotes % 2 === 0) this.quoted();
      return;
    }
    if (stop === start) return;
    const text = data.slice(start, stop);
    if (text.indexOf('"') < 0) {
      this.emit(text.split(','), this.line);
      return;
    }
    this.pending = text;
    this.pendingLine = this.line;
    this.pendingQuotes = count(text);
    if (this.pendingQuotes % 2 === 0) this.quoted();
  }

  private quoted(): void {
    const text = this.pending.replace(/\r$/, '');
    this.pending = '';
    this.pendingQuotes = 0;
    const rows = csvRows(text);
    const row = rows[0];
    if (rows.length !== 1 || !row || !wellQuoted(text)) {
      throw new DataFormatError(
        `${this.file}:${this.pendingLine}: a field has a stray quote (quote a whole field, and double a quote inside it)`,
      );
    }
    this.emit(row, this.pendingLine);
  }

  private emit(cells: string[], line: number): void {
    if (!this.headerSeen) {
      this.headerSeen = true;
      this.sink.header(cells, line);
    } else {
      this.records++;
      this.sink.row(cells, line);
    }
  }
}

function count(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n++;
  return n;
}

/** Whether every quote of a record opens a field, closes one or is doubled inside one (RFC 4180). */
function wellQuoted(text: string): boolean {
  let i = 0;
  const n = text.length;
  while (i <= n) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) return false;
        if (text[i] === '"') {
          if (text[i + 1] === '"') i += 2;
          else {
            i++;
            break;
          }
        } else i++;
      }
      if (i < n && text[i] !== ',') return false;
      i++;
    } else {
      const comma = text.indexOf(',', i);
      const field = text.slice(i, comma < 0 ? n : comma);
      if (field.includes('"')) return false;
      if (comma < 0) break;
      i = comma + 1;
    }
  }
  return true;
}
