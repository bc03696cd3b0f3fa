/**
 * Streaming a real-data CSV (or the one CSV inside a zip) into a RecordSink: CsvLineReader tokenises and reports
 * each record's line, the file's SHA-256 is computed on the way, progress goes to stderr, and memory stays bounded by
 * what the sink keeps. A zip is checked with the limits of `fairpace verify` before anything is unpacked, and
 * unpacked piece by piece.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PackError } from '../evidence/packError.ts';
import { entryChunks, PACK_LIMITS, zipEntries, type ZipSource } from '../evidence/zipRead.ts';
import { CsvLineReader } from '../io/csvLines.ts';
import { DataFormatError, type RecordSink } from '../io/records.ts';
import { InputError } from './errors.ts';
import { fileErrorReason } from './files.ts';
import { byteProgress } from './progress.ts';
import { firstInvalidUtf8, foreignEncoding, LEGACY_ENCODING, lineFeeds, unfinishedTail } from './textEncoding.ts';

/** What reading a file gives besides the records. */
export interface DataFileInfo {
  /** SHA-256 of the file as given (the zip, for a zip), hex. */
  sha256: string;
  /** Size of the file, bytes. */
  bytes: number;
  /** The CSV inside a zip. */
  entry?: string;
  /** How the file is named in messages: the path, or `archive.zip!entry.csv`. */
  label: string;
  /** Data records read (the header not counted). */
  records: number;
}

/** Where progress goes, and whether to show it. */
export interface DataProgress {
  stderr(text: string): void;
  stderrIsTTY: boolean;
  quiet: boolean;
}

// 64 KiB: the text of a piece stays a young, short-lived string (a 1 MiB one would go straight to the old
// generation and pile up there until a full collection, inflating memory use by hundreds of megabytes).
const CHUNK = 1 << 16;

/** A file as a ZipSource read with positioned reads (only what is asked for is in memory). */
function fileSource(fd: number, size: number): ZipSource {
  return {
    size,
    read(at, length) {
      const n = Math.max(0, Math.min(length, size - at));
      const out = new Uint8Array(n);
      let got = 0;
      while (got < n) {
        const r = readSync(fd, out, got, n - got, at + got);
        if (r === 0) break;
        got += r;
      }
      return got === n ? out : out.subarray(0, got);
    },
  };
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Reads `file` (a CSV, or a zip holding exactly one CSV) record by record into `sink(label)`. Bad input throws
 * InputError: a file that cannot be read, a zip that is hostile or holds no or several CSVs, or the sink's first
 * `<file>:<line>: <message>`.
 */
export async function readDataFile(
  file: string,
  makeSink: (label: string) => RecordSink,
  progress: DataProgress,
  what: string,
): Promise<DataFileInfo> {
  let fd: number;
  let size: number;
  try {
    fd = openSync(file, 'r');
    const info = fstatSync(fd);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = info.size;
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${fileErrorReason(e)}`);
  }
  let isZip: boolean;
  try {
    const magic = fileSource(fd, size).read(0, 4);
    isZip = (magic[0] === 0x50 && magic[1] === 0x4b && (magic[2] === 3 || magic[2] === 5)) || /\.zip$/i.test(file);
    if (isZip) return await readZipped(file, fd, size, makeSink, progress, what);
  } finally {
    closeSync(fd);
  }
  const hash = createHash('sha256');
  const show = byteProgress(progress, `reading ${what}`, size);
  let read = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      read += chunk.length;
      show.update(read);
      done(null, chunk);
    },
  });
  const records = await parseInto(createReadStream(file, { highWaterMark: CHUNK }), tap, makeSink(file), file);
  show.finish();
  return { sha256: hash.digest('hex'), bytes: size, label: file, records };
}

async function readZipped(
  file: string,
  fd: number,
  size: number,
  makeSink: (label: string) => RecordSink,
  progress: DataProgress,
  what: string,
): Promise<DataFileInfo> {
  const src = fileSource(fd, size);
  let csv;
  try {
    const entries = zipEntries(src, PACK_LIMITS, { directories: true }).filter(
      (e) => !e.name.startsWith('__MACOSX/') && !/(^|\/)\._/.test(e.name),
    );
    const csvs = entries.filter((e) => /\.csv$/i.test(e.name));
    if (csvs.length === 0) throw new PackError(`it holds no .csv file (${entries.length} other files)`);
    if (csvs.length > 1) {
      throw new PackError(
        `it holds ${csvs.length} CSV files (${csvs.map((e) => e.name).join(', ')}); give a zip with one, or the CSV itself`,
      );
    }
    csv = csvs[0] as (typeof csvs)[number];
  } catch (e) {
    if (e instanceof PackError) throw new InputError(e.lines.map((l) => `${file}: ${l}`));
    throw e;
  }
  const label = `${file}!${csv.name}`;
  const sha256 = await sha256Of(file);
  const show = byteProgress(progress, `reading ${what}`, csv.size);
  let read = 0;
  const tap = new Transform({
    transform(chunk: Uint8Array, _enc, done) {
      read += chunk.length;
      show.update(read);
      done(null, chunk);
    },
  });
  let records: number;
  try {
    records = await parseInto(Readable.from(entryChunks(src, csv, CHUNK)), tap, makeSink(label), label);
  } catch (e) {
    if (e instanceof PackError) throw new InputError(e.lines.map((l) => `${file}: ${l}`));
    throw e;
  }
  show.finish();
  return { sha256, bytes: size, entry: csv.name, label, records };
}

/** Thrown while decoding: the input is not UTF-8; `line` locates the first bad byte when it is known. */
class EncodingProblem extends Error {
  constructor(
    readonly problem: string,
    readonly line?: number,
  ) {
    super(problem);
  }
}

/**
 * Decodes the bytes as UTF-8 and reads them as CSV into the sink: the first record is the header. A file in UTF-16,
 * UTF-32 or with NUL bytes is named as such from its first bytes; one in a legacy encoding (GBK…) is refused at the
 * line of its first byte that is not UTF-8.
 */
async function parseInto(source: Readable, tap: Transform, sink: RecordSink, label: string): Promise<number> {
  const reader = new CsvLineReader(sink, label);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  // The bytes of a character the last piece began and did not finish: the decoder holds them for the next piece.
  let held: Uint8Array = new Uint8Array(0);
  const decode = (piece: Uint8Array) => {
    if (first && piece.length > 0) {
      first = false;
      const foreign = foreignEncoding(piece.subarray(0, 256));
      if (foreign !== undefined) throw new EncodingProblem(foreign);
    }
    let text: string;
    try {
      text = decoder.decode(piece, { stream: true });
    } catch {
      // Every line before this piece went to the reader; count the rest up to the first bad byte.
      const bytes = held.length > 0 ? concat(held, piece) : piece;
      throw new EncodingProblem(LEGACY_ENCODING, reader.linesRead + 1 + lineFeeds(bytes, firstInvalidUtf8(bytes)));
    }
    held = piece.length >= 4 || held.length === 0 ? unfinishedTail(piece) : unfinishedTail(concat(held, piece));
    reader.push(text);
  };
  const consume = new Writable({
    write(chunk: Uint8Array, _enc, done) {
      try {
        // Unpacked zip output comes in pieces of a megabyte or more: decode it 64 KiB at a time, for the reason
        // given at CHUNK.
        for (let at = 0; at < chunk.length; at += CHUNK) decode(chunk.subarray(at, at + CHUNK));
        done();
      } catch (e) {
        done(e as Error);
      }
    },
    final(done) {
      try {
        let text: string;
        try {
          text = decoder.decode();
        } catch {
          // The file ends inside a character.
          throw new EncodingProblem(LEGACY_ENCODING, reader.linesRead + 1);
        }
        reader.push(text);
        reader.end();
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
  try {
    await pipeline(source, tap, consume);
  } catch (e) {
    if (e instanceof DataFormatError) throw new InputError(e.problems);
    if (e instanceof PackError) throw e;
    if (e instanceof EncodingProblem) {
      throw new InputError(`${label}${e.line !== undefined ? `:${e.line}` : ''}: ${e.problem}`);
    }
    if ((e as NodeJS.ErrnoException).code !== undefined) {
      throw new InputError(`cannot read ${label}: ${fileErrorReason(e)}`);
    }
    throw e;
  }
  return reader.records;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
