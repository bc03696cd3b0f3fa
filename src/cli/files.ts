/** The CLI's file I/O: reading scenario files and writing results atomically. Errors become InputError (exit 2). */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { decodeUtf8 } from './textEncoding.ts';
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
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${fileErrorReason(e)}`);
  }
  // A file saved as UTF-16 or GBK is named as such, not echoed; a UTF-8 byte-order mark (Windows editors) is dropped.
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new InputError(`${file}${decoded.line ? `:${decoded.line}` : ''}: ${decoded.problem}`);
  const loaded = loadScenario(decoded.text);
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

/** A unique name for a temporary file next to `target` (an absolute path), hidden and ending in `.tmp`. */
export function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes `data` (text as UTF-8, or bytes) to `file` through a temporary file in the same directory and a rename, so
 * a reader never sees half a result and an interrupted run leaves the old file intact. Throws InputError naming the
 * file.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await writeFilesAtomic([{ file, data }]);
}

/** One file of a set written together. */
export interface FileToWrite {
  file: string;
  data: string | Uint8Array;
}

/**
 * Writes a set of files all or none: every file goes to a temporary name in its own directory first, and only when
 * all are written are they renamed into place, so a failure leaves no partial set of outputs (and the old files
 * intact). Throws InputError naming the file that could not be written.
 */
export async function writeFilesAtomic(files: readonly FileToWrite[]): Promise<void> {
  const temps: { file: string; target: string; temp: string }[] = [];
  const cleanUp = () => Promise.all(temps.map((t) => rm(t.temp, { force: true }).catch(() => undefined)));
  for (const { file, data } of files) {
    const target = resolve(file);
    const temp = tempNameFor(target);
    temps.push({ file, target, temp });
    try {
      await writeFile(temp, data, typeof data === 'string' ? { encoding: 'utf8', flag: 'wx' } : { flag: 'wx' });
    } catch (e) {
      await cleanUp();
      throw new InputError(`cannot write ${file}: ${fileErrorReason(e)}`);
    }
  }
  for (const [i, t] of temps.entries()) {
    try {
      await rename(t.temp, t.target);
    } catch (e) {
      await Promise.all(temps.slice(i).map((u) => rm(u.temp, { force: true }).catch(() => undefined)));
      throw new InputError(`cannot write ${t.file}: ${fileErrorReason(e)}`);
    }
  }
}

/** An output file a command will write, and the option that named it (for the message). */
export interface OutputFile {
  /** The option as the user typed it, e.g. `--junit`. */
  option: string;
  file: string;
  /** The path is a directory the command creates or fills (export mdrp --out), not a file. */
  directory?: boolean;
}

const errorCode = (e: unknown): unknown => (e as { code?: unknown } | null)?.code;

/**
 * What stops `file` being written, or undefined when nothing does: its directory must exist and take a new file (a
 * probe file made with 'wx' and removed at once, which tells the truth even for root and read-only mounts), and the
 * path itself must not be a directory.
 */
async function outputProblem(output: OutputFile): Promise<string | undefined> {
  const target = resolve(output.file);
  let existing;
  try {
    existing = await stat(target);
  } catch (e) {
    if (errorCode(e) !== 'ENOENT' && errorCode(e) !== 'ENOTDIR') return fileErrorReason(e);
  }
  if (output.directory) {
    if (existing === undefined) return undefined; // made with its parents when written
    if (!existing.isDirectory()) return 'is not a directory';
    return probe(target, output.file);
  }
  if (existing?.isDirectory()) return 'is a directory';
  const dir = dirname(target);
  const shown = dirname(output.file);
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) return `${shown} is not a directory`;
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return `directory ${shown} does not exist`;
    if (errorCode(e) === 'ENOTDIR') return `a part of ${shown} is not a directory`;
    return `directory ${shown}: ${fileErrorReason(e)}`;
  }
  return probe(dir, shown);
}

/** Makes and removes a uniquely named file in `dir`; the reason it cannot, or undefined. */
async function probe(dir: string, shown: string): Promise<string | undefined> {
  const temp = tempNameFor(join(dir, 'probe'));
  try {
    const handle = await open(temp, 'wx');
    await handle.close();
  } catch (e) {
    return `directory ${shown} is not writable (${fileErrorReason(e)})`;
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
  return undefined;
}

/**
 * Checks, before any work, that every output can be written: one `<option> <file>: <what is wrong>` line per
 * problem, thrown as InputError, and nothing left behind. Two options naming the same file are a problem too.
 */
export async function checkOutputs(outputs: readonly OutputFile[]): Promise<void> {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const output of outputs) {
    const key = resolve(output.file);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(`${output.option} ${output.file}: the same file as ${earlier}`);
      continue;
    }
    seen.set(key, output.option);
    const problem = await outputProblem(output);
    if (problem !== undefined) problems.push(`${output.option} ${output.file}: ${problem}`);
  }
  if (problems.length > 0) throw new InputError(problems);
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
