/** The CLI's file I/O: reading scenario files and writing results atomically. Errors become InputError (exit 2). */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { resultJsonText } from '../evidence/bargainingEntry.ts';
import { loadScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import { InputError } from './errors.ts';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EEXIST: 'already exists',
};

/** A short reason for a failed file operation, without the syscall noise of Node's messages. */
export function fileErrorReason(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && REASONS[code]) return REASONS[code];
  return e instanceof Error ? e.message : String(e);
}

/**
 * Reads and validates a scenario file; throws InputError with one `<json.path>: <message>` line per problem. A file of
 * an older schema version loads through its migration, and `io` (when given) gets one `note:` line per change.
 */
export async function readScenarioFile(file: string, io?: { stderr(text: string): void }): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${fileErrorReason(e)}`);
  }
  // Editors on Windows often save UTF-8 with a byte-order mark, which JSON.parse refuses.
  const loaded = loadScenario(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (!loaded.ok) throw new InputError(loaded.problems.map((p) => `${p.path}: ${p.message}`));
  for (const note of loaded.notes) io?.stderr(`note: ${file}: ${note}\n`);
  return loaded.scenario;
}

/**
 * Reads a file of at most `maxBytes` bytes into memory; a larger file is refused before it is read. Throws
 * InputError naming the file.
 */
export async function readBoundedFile(file: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (info.size > maxBytes) {
      throw new InputError(`${file}: the file is ${info.size} bytes, above the limit of ${maxBytes} bytes`);
    }
    const bytes = await readFile(file);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read ${file}: ${fileErrorReason(e)}`);
  }
}

/**
 * Writes `data` (text as UTF-8, or bytes) to `file` through a temporary file in the same directory and a rename, so
 * a reader never sees half a result and an interrupted run leaves the old file intact. Throws InputError naming the
 * file.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const target = resolve(file);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, typeof data === 'string' ? { encoding: 'utf8', flag: 'wx' } : { flag: 'wx' });
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new InputError(`cannot write ${file}: ${fileErrorReason(e)}`);
  }
}

/**
 * A result as the CLI prints and writes it: JSON indented by two spaces with a final newline. The same function
 * makes the bytes the workbench's Export carries, so packs from either are identical.
 */
export const jsonText = resultJsonText;

/** Writes a result to `out`, or to stdout when there is no `out`. */
export async function emit(text: string, out: string | undefined, io: { stdout(text: string): void }): Promise<void> {
  if (out === undefined) io.stdout(text);
  else await writeFileAtomic(out, text);
}
