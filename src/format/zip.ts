/**
 * Writing a zip (an evidence pack, a rider audit): the same files in the same order always give the same bytes, in
 * Node and in a browser.
 */
import { zipSync, type Zippable } from 'fflate';

/** One file of a zip: its name inside the zip and its bytes. */
export interface PackFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Modification time of every entry. A date-time string without an offset is local time, and fflate writes the local
 * date and time fields, so every time zone writes 1980-01-01 00:00 (the earliest date a zip can hold).
 */
export const PACK_MTIME = '1980-01-01T00:00:00';

/** Deflate level: fflate's default; part of the format, because another level gives other bytes. */
const LEVEL = 6;

/** Whether a file is itself a zip (tables.xlsx), which is stored as it is rather than deflated a second time. */
const isZipped = (name: string) => name.endsWith('.xlsx');

/**
 * A zip of `files` in the given order: deflated (a file that is itself a zip, like tables.xlsx, is stored), fixed
 * time stamps, no extra fields, no comment, no directory entries (a name `charts/a.svg` is stored as it is). Throws
 * RangeError for a repeated name.
 */
export function writeZip(files: readonly PackFile[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) {
    if (Object.hasOwn(entries, file.name)) throw new RangeError(`the file ${file.name} is listed twice`);
    entries[file.name] = [file.bytes, isZipped(file.name) ? { level: 0 } : {}];
  }
  return zipSync(entries, { level: LEVEL, mtime: PACK_MTIME, os: 0, attrs: 0 });
}
