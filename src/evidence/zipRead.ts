/**
 * Reading a zip that may be damaged or hostile, in memory. Every size is checked against hard limits before anything
 * is unpacked, output is stopped as soon as it passes the declared size, and each file's CRC-32 is checked.
 */
import { Inflate } from 'fflate';
import { crc32 } from './crc32.ts';
import { PackError } from './packError.ts';
import type { PackFile } from '../format/zip.ts';

/** Hard limits on a zip that is read. */
export interface ZipLimits {
  /** Size of the zip file itself, in bytes. */
  maxZipBytes: number;
  /** Number of entries. */
  maxEntries: number;
  /** Sum of the declared unpacked sizes, in bytes. */
  maxTotalBytes: number;
  /** Largest unpacked ÷ packed size of one entry … */
  maxRatio: number;
  /** … checked only for entries larger than this (a tiny file may compress very well and harm nobody). */
  ratioFromBytes: number;
}

const MiB = 1024 * 1024;

/** The limits of `fairpace verify` and of the app's drop-to-verify. */
export const PACK_LIMITS: ZipLimits = {
  // A pack at the limit of 1,000,000 courier-day rows is about 270 MB: courier_days.csv deflates to about 90 MB and
  // tables.xlsx, already compressed, holds about 180 MB.
  maxZipBytes: 400 * MiB,
  maxEntries: 64,
  maxTotalBytes: 1024 * MiB,
  // Pack files (JSON, CSV, SVG, HTML of numbers) deflate 3–20 to 1; zip bombs reach 1000 to 1.
  maxRatio: 200,
  ratioFromBytes: 1 * MiB,
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Bytes fed to the inflater at a time, which bounds how far output can overshoot before it is stopped. */
const CHUNK = 16 * 1024;

interface CentralEntry {
  name: string;
  method: number;
  crc: number;
  packedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, at: number) => (b[at] as number) | ((b[at + 1] as number) << 8);
const u32 = (b: Uint8Array, at: number) =>
  ((b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16) | ((b[at + 3] as number) << 24)) >>>
  0;

/** A size for messages: bytes, KB or MB. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < MiB) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / MiB).toFixed(bytes < 10 * MiB ? 1 : 0)} MB`;
}

/**
 * Why a file name is refused, or undefined when it is a plain relative name. Names are printable ASCII (so they can
 * be printed safely), relative, with forward slashes, and no `.` or `..` segment.
 */
export function unsafeNameReason(name: string): string | undefined {
  if (name === '') return 'an empty file name';
  if (!/^[\x20-\x7e]+$/.test(name)) return 'a file name with control or non-ASCII characters';
  if (name.includes('\\')) return `a file name with a backslash: "${name}"`;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return `an absolute path: "${name}"`;
  const segments = name.split('/');
  if (segments.some((s) => s === '..')) return `a path that climbs out of the pack: "${name}"`;
  if (segments.some((s) => s === '.' || s === '')) return `a file name with an empty or "." segment: "${name}"`;
  return undefined;
}

/**
 * Unpacks `zip` in memory. Throws PackError for anything that is not a plain, intact zip inside `limits`, or whose
 * names `acceptName` refuses (e.g. a file a pack never holds). Entries come back in the order of the central
 * directory.
 */
export function readZip(
  zip: Uint8Array,
  acceptName: (name: string) => boolean = () => true,
  limits: ZipLimits = PACK_LIMITS,
): PackFile[] {
  const src = memorySource(zip);
  return checkedEntries(src, limits, acceptName, false).map((entry) => ({
    name: entry.name,
    bytes: unpack(src, entry),
  }));
}

/**
 * Random access to the bytes of a zip, so a large one need not be in memory: `read(at, length)` gives those bytes
 * (fewer only past the end).
 */
export interface ZipSource {
  size: number;
  read(at: number, length: number): Uint8Array;
}

/** A zip in memory as a ZipSource. */
export function memorySource(zip: Uint8Array): ZipSource {
  return { size: zip.length, read: (at, length) => zip.subarray(at, at + length) };
}

/** An entry that passed every check, with where its packed bytes start. */
export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  packedSize: number;
  size: number;
  /** Offset of the packed bytes in the zip. */
  start: number;
}

/**
 * The entries of a zip after every check `readZip` makes before unpacking (limits, names, sizes, ratios, local
 * headers, overlaps); nothing is unpacked. With `directories`, entries whose name ends in "/" are allowed (zip tools
 * add them for folders) and left out of the list.
 */
export function zipEntries(
  src: ZipSource,
  limits: ZipLimits = PACK_LIMITS,
  options: { directories?: boolean } = {},
): ZipEntry[] {
  return checkedEntries(src, limits, () => true, options.directories === true);
}

function checkedEntries(
  src: ZipSource,
  limits: ZipLimits,
  acceptName: (name: string) => boolean,
  directories: boolean,
): ZipEntry[] {
  if (src.size > limits.maxZipBytes) {
    throw new PackError(`the file is ${sizeText(src.size)}, above the limit of ${sizeText(limits.maxZipBytes)}`);
  }
  const { entries, cdOffset } = readCentralDirectory(src, limits, directories);
  for (const entry of entries) {
    if (!acceptName(entry.name)) throw new PackError(`"${entry.name}" is not a file an evidence pack holds`);
  }
  checkSizes(entries, limits);
  const spans = entries.map((entry) => ({ entry, ...dataSpan(src, entry) }));
  checkNoOverlap(spans, cdOffset);
  return spans
    .filter(({ entry }) => !(directories && entry.name.endsWith('/')))
    .map(({ entry, start }) => ({
      name: entry.name,
      method: entry.method,
      crc: entry.crc,
      packedSize: entry.packedSize,
      size: entry.size,
      start,
    }));
}

/**
 * Unpacks one checked entry piece by piece, reading `chunkBytes` packed bytes at a time and giving each piece of
 * output as it comes (so a consumer can stream it). Output past the declared size stops it at once, and the CRC-32
 * is checked at the end, before the last piece is given.
 */
export function* entryChunks(src: ZipSource, e: ZipEntry, chunkBytes = CHUNK): Generator<Uint8Array, void, void> {
  let length = 0;
  let crc = 0;
  let finished = e.packedSize === 0 && e.method === 0;
  let ready: Uint8Array[] = [];
  const take = (chunk: Uint8Array, final: boolean) => {
    if (length + chunk.length > e.size) throw new PackError(`"${e.name}" unpacks to more than its declared size`);
    length += chunk.length;
    crc = crc32(chunk, crc);
    if (final) finished = true;
    if (chunk.length > 0) ready.push(chunk);
  };
  const inflater = e.method === 0 ? undefined : new Inflate((chunk, final) => take(chunk, final));
  const feed = (packed: Uint8Array, final: boolean) => {
    if (!inflater) return take(packed.slice(), final);
    try {
      inflater.push(packed, final);
    } catch (error) {
      if (error instanceof PackError) throw error;
      throw new PackError(`"${e.name}" is damaged (${error instanceof Error ? error.message : String(error)})`);
    }
  };
  if (e.packedSize === 0 && inflater) feed(new Uint8Array(), true);
  for (let at = 0; at < e.packedSize; at += chunkBytes) {
    const n = Math.min(chunkBytes, e.packedSize - at);
    const last = at + n >= e.packedSize;
    feed(src.read(e.start + at, n), last);
    if (last) break;
    const out = ready;
    ready = [];
    yield* out;
  }
  if (!finished || length !== e.size) throw new PackError(`"${e.name}" is damaged (it is shorter than declared)`);
  if (crc !== e.crc) throw new PackError(`"${e.name}" is damaged (its CRC-32 check failed)`);
  yield* ready;
}

function findEndRecord(src: ZipSource): number {
  // The end record is 22 bytes plus a comment of up to 65,535 bytes, at the very end of the file.
  const lowest = Math.max(0, src.size - 22 - 0xffff);
  const tail = src.read(lowest, src.size - lowest);
  for (let at = tail.length - 22; at >= 0; at--) {
    if (u32(tail, at) === EOCD && lowest + at + 22 + u16(tail, at + 20) === src.size) return lowest + at;
  }
  throw new PackError('not a zip file (no end-of-archive record)');
}

function readCentralDirectory(
  src: ZipSource,
  limits: ZipLimits,
  directories: boolean,
): { entries: CentralEntry[]; cdOffset: number } {
  if (src.size < 22) throw new PackError('not a zip file (too short)');
  const endAt = findEndRecord(src);
  const endRecord = src.read(endAt, 22);
  const count = u16(endRecord, 10);
  const cdSize = u32(endRecord, 12);
  const cdOffset = u32(endRecord, 16);
  if (u16(endRecord, 4) !== 0 || u16(endRecord, 6) !== 0 || u16(endRecord, 8) !== count) {
    throw new PackError('split (multi-disk) zip archives are not supported');
  }
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw new PackError('zip64 archives are not supported (a pack is far smaller)');
  }
  if (count > limits.maxEntries) {
    throw new PackError(`the archive holds ${count} files; a pack holds at most ${limits.maxEntries}`);
  }
  if (cdOffset + cdSize !== endAt) throw new PackError('the zip directory is damaged (its size does not add up)');
  // The directory, read on its own: offsets below count from its start.
  const cd = src.read(cdOffset, cdSize);
  if (cd.length !== cdSize) throw new PackError('the zip directory is damaged (it runs past the end)');

  const entries: CentralEntry[] = [];
  const names = new Set<string>();
  let at = 0;
  const cdEnd = cdSize;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cdEnd || u32(cd, at) !== CENTRAL)
      throw new PackError(`the zip directory is damaged (entry ${i + 1})`);
    const flags = u16(cd, at + 8);
    const nameLength = u16(cd, at + 28);
    const next = at + 46 + nameLength + u16(cd, at + 30) + u16(cd, at + 32);
    if (next > cdEnd) throw new PackError(`the zip directory is damaged (entry ${i + 1})`);
    let name = '';
    for (const byte of cd.subarray(at + 46, at + 46 + nameLength)) name += String.fromCharCode(byte);
    const unsafe = unsafeNameReason(directories && name.endsWith('/') && name.length > 1 ? name.slice(0, -1) : name);
    if (unsafe) throw new PackError(`refused ${unsafe} (entry ${i + 1})`);
    if (names.has(name)) throw new PackError(`"${name}" appears twice in the archive`);
    names.add(name);
    if (flags & 0x41) throw new PackError(`"${name}" is encrypted`);
    const entry: CentralEntry = {
      name,
      method: u16(cd, at + 10),
      crc: u32(cd, at + 16),
      packedSize: u32(cd, at + 20),
      size: u32(cd, at + 24),
      localOffset: u32(cd, at + 42),
    };
    if (entry.method !== 0 && entry.method !== 8) {
      throw new PackError(`"${name}" uses compression method ${entry.method}; only stored and deflated files are read`);
    }
    entries.push(entry);
    at = next;
  }
  if (at !== cdEnd) throw new PackError('the zip directory is damaged (trailing bytes)');
  return { entries, cdOffset };
}

function checkSizes(entries: readonly CentralEntry[], limits: ZipLimits): void {
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.method === 0 && e.packedSize !== e.size) {
      throw new PackError(`"${e.name}" is stored uncompressed but its two sizes disagree`);
    }
    if (e.size > limits.ratioFromBytes && e.size / Math.max(1, e.packedSize) > limits.maxRatio) {
      const ratio = Math.round(e.size / Math.max(1, e.packedSize));
      throw new PackError(
        `"${e.name}" would unpack ${ratio} times larger than it is packed (above ${limits.maxRatio} to 1): a zip bomb?`,
      );
    }
  }
  if (total > limits.maxTotalBytes) {
    throw new PackError(
      `the files would unpack to ${sizeText(total)}, above the limit of ${sizeText(limits.maxTotalBytes)}`,
    );
  }
}

/** Where an entry's packed bytes are, from its local header, which must agree with the directory. */
function dataSpan(src: ZipSource, e: CentralEntry): { start: number; end: number } {
  const at = e.localOffset;
  const head = src.read(at, 30);
  if (head.length < 30 || u32(head, 0) !== LOCAL) throw new PackError(`"${e.name}": its local header is missing`);
  const nameLength = u16(head, 26);
  let name = '';
  for (const byte of src.read(at + 30, nameLength)) name += String.fromCharCode(byte);
  if (name !== e.name || u16(head, 8) !== e.method) {
    throw new PackError(`"${e.name}": its local header disagrees with the zip directory`);
  }
  const start = at + 30 + nameLength + u16(head, 28);
  return { start, end: start + e.packedSize };
}

/** Entries whose data overlap (a trick of some zip bombs) or run into the directory are refused. */
function checkNoOverlap(spans: readonly { entry: CentralEntry; start: number; end: number }[], cdOffset: number): void {
  const sorted = [...spans].sort((a, b) => a.entry.localOffset - b.entry.localOffset);
  let previousEnd = 0;
  for (const s of sorted) {
    if (s.entry.localOffset < previousEnd || s.end > cdOffset) {
      throw new PackError(`"${s.entry.name}" overlaps another file in the archive`);
    }
    previousEnd = s.end;
  }
}

function unpack(src: ZipSource, e: ZipEntry): Uint8Array {
  const packed = src.read(e.start, e.packedSize);
  const out = e.method === 0 ? packed.slice() : inflateBounded(packed, e);
  if (crc32(out) !== e.crc) throw new PackError(`"${e.name}" is damaged (its CRC-32 check failed)`);
  return out;
}

/** Inflates into a buffer of the declared size; more output than declared stops the inflater at once. */
function inflateBounded(packed: Uint8Array, e: ZipEntry): Uint8Array {
  const out = new Uint8Array(e.size);
  let length = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    if (length + chunk.length > e.size) throw new PackError(`"${e.name}" unpacks to more than its declared size`);
    out.set(chunk, length);
    length += chunk.length;
    if (final) finished = true;
  });
  try {
    if (packed.length === 0) inflater.push(packed, true);
    for (let at = 0; at < packed.length; at += CHUNK) {
      inflater.push(packed.subarray(at, at + CHUNK), at + CHUNK >= packed.length);
    }
  } catch (error) {
    if (error instanceof PackError) throw error;
    throw new PackError(`"${e.name}" is damaged (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!finished || length !== e.size) throw new PackError(`"${e.name}" is damaged (it is shorter than declared)`);
  return out;
}
