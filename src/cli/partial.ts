/**
 * Partial result files: one shard's share of a batch's runs, written by `--shard k/n` and read by `fairpace merge`.
 *
 * The file is JSON lines, so neither side holds the whole file as one string and a cut-off file is easy to tell:
 *
 *   line 1     the header: format, Fairpace version, command, shard, task count, digests, options and scenario
 *   lines 2…   one `{"task": i, "result": RunResult}` per run of the shard, in task order
 *   last line  `{"end": true, "results": N, "sha256": "…"}`, the SHA-256 of every byte before it
 *
 * Numbers JSON cannot hold (NaN, ±Infinity, −0) are written as `{"$number": "NaN"}` and read back as they were, so
 * the merged summary is computed from exactly the numbers the unsharded command would see.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { RunResult } from '../sim/results.ts';
import { InputError } from './errors.ts';
import { fileErrorReason } from './files.ts';
import type { Shard } from './runControl.ts';

/** The `format` of a partial file's header. */
export const PARTIAL_FORMAT = 'fairpace-partial';
/** The version of the partial format this Fairpace writes and reads. */
export const PARTIAL_FORMAT_VERSION = 1;

/** The first line of a partial file. */
export interface PartialHeader {
  format: typeof PARTIAL_FORMAT;
  formatVersion: number;
  fairpaceVersion: string;
  /** The batch command, e.g. `sweep`. */
  command: string;
  shard: Shard;
  /** Tasks in the whole batch (over every shard). */
  tasks: number;
  scenarioDigest: string;
  /** Digest of the canonical JSON of `options`. */
  optionsDigest: string;
  /** The command's options as the batch was planned from them (the same for every shard). */
  options: unknown;
  /** The full validated scenario. */
  scenario: unknown;
}

/** A partial file read back. */
export interface Partial {
  file: string;
  header: PartialHeader;
  /** The task index of each result, ascending. */
  taskIndices: number[];
  results: RunResult[];
}

function encodeNumbers(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) {
    return { $number: Object.is(value, -0) ? '-0' : String(value) };
  }
  return value;
}

function decodeNumbers(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const tagged = (value as { $number?: unknown }).$number;
    if (typeof tagged === 'string' && Object.keys(value).length === 1) return Number(tagged);
  }
  return value;
}

/**
 * Writes a partial file through a temporary file and a rename, so an interrupted shard leaves no file that looks
 * whole. Throws InputError naming the file.
 */
export async function writePartial(
  file: string,
  header: PartialHeader,
  taskIndices: readonly number[],
  results: readonly RunResult[],
): Promise<void> {
  const target = resolve(file);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const hash = createHash('sha256');
  try {
    const handle = await open(temp, 'wx');
    try {
      const put = async (line: string) => {
        const bytes = Buffer.from(`${line}\n`, 'utf8');
        hash.update(bytes);
        await handle.write(bytes);
      };
      await put(JSON.stringify(header, encodeNumbers));
      for (let i = 0; i < results.length; i++) {
        await put(JSON.stringify({ task: taskIndices[i], result: results[i] }, encodeNumbers));
      }
      await handle.write(`${JSON.stringify({ end: true, results: results.length, sha256: hash.digest('hex') })}\n`);
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new InputError(`cannot write ${file}: ${fileErrorReason(e)}`);
  }
}

/** Reads a partial file and checks its shape and checksum; throws InputError with one line naming the file. */
export async function readPartial(file: string): Promise<Partial> {
  const hash = createHash('sha256');
  let header: PartialHeader | undefined;
  const taskIndices: number[] = [];
  const results: RunResult[] = [];
  let trailer: { end?: unknown; results?: unknown; sha256?: unknown } | undefined;
  let lineNo = 0;
  /** The first line that is not JSON, and whether any line follows it (else the file was cut off there). */
  let badLine: number | undefined;
  let linesAfterBad = false;
  let firstLineStart = '';
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      lineNo += 1;
      if (lineNo === 1) firstLineStart = line.slice(0, 64);
      if (badLine !== undefined) {
        linesAfterBad = true;
        break;
      }
      if (trailer !== undefined) throw new InputError(`${file}: damaged: line ${lineNo} follows the end line`);
      let value: unknown;
      try {
        value = JSON.parse(line, decodeNumbers);
      } catch {
        badLine = lineNo;
        continue;
      }
      if (lineNo === 1) {
        header = checkHeader(file, value);
      } else if (isTrailer(value)) {
        trailer = value;
        continue;
      } else {
        const entry = value as { task?: unknown; result?: unknown };
        if (!Number.isInteger(entry.task) || entry.result === null || typeof entry.result !== 'object') {
          throw new InputError(`${file}: damaged: line ${lineNo} is not a run of the batch`);
        }
        taskIndices.push(entry.task as number);
        results.push(entry.result as RunResult);
      }
      hash.update(`${line}\n`, 'utf8');
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read ${file}: ${fileErrorReason(e)}`);
  } finally {
    lines.close();
  }
  if (lineNo === 0) throw new InputError(`${file}: the file is empty, not a partial result file`);
  if (
    header === undefined &&
    badLine === 1 &&
    !linesAfterBad &&
    firstLineStart.startsWith(`{"format":"${PARTIAL_FORMAT}"`)
  ) {
    throw new InputError(`${file}: truncated: the file ends in the middle of its header line`);
  }
  if (header === undefined) {
    throw new InputError(`${file}: not a partial result file (write one with --shard k/n --out FILE)`);
  }
  if (badLine !== undefined && !linesAfterBad) {
    throw new InputError(
      `${file}: truncated: the file ends in the middle of line ${badLine}, after ${results.length} runs`,
    );
  }
  if (badLine !== undefined) throw new InputError(`${file}: damaged: line ${badLine} is not JSON`);
  if (trailer === undefined) {
    throw new InputError(`${file}: truncated: the file ends after ${results.length} runs, without its end line`);
  }
  if (trailer.results !== results.length || trailer.sha256 !== hash.digest('hex')) {
    throw new InputError(`${file}: damaged: its content does not match the checksum on its end line`);
  }
  return { file, header, taskIndices, results };
}

function isTrailer(value: unknown): value is { end: true; results?: unknown; sha256?: unknown } {
  return value !== null && typeof value === 'object' && (value as { end?: unknown }).end === true;
}

function checkHeader(file: string, value: unknown): PartialHeader {
  const h = value as Partial['header'] | null;
  if (h === null || typeof h !== 'object' || h.format !== PARTIAL_FORMAT) {
    throw new InputError(`${file}: not a partial result file (write one with --shard k/n --out FILE)`);
  }
  if (h.formatVersion !== PARTIAL_FORMAT_VERSION) {
    throw new InputError(
      `${file}: partial format version ${String(h.formatVersion)}; this Fairpace reads version ${PARTIAL_FORMAT_VERSION}`,
    );
  }
  const shard = h.shard as Shard | undefined;
  const ok =
    typeof h.fairpaceVersion === 'string' &&
    typeof h.command === 'string' &&
    typeof h.scenarioDigest === 'string' &&
    typeof h.optionsDigest === 'string' &&
    Number.isInteger(h.tasks) &&
    shard !== undefined &&
    Number.isInteger(shard.index) &&
    Number.isInteger(shard.count) &&
    shard.index >= 1 &&
    shard.index <= shard.count;
  if (!ok) throw new InputError(`${file}: damaged: the header line lacks a field or has a wrong one`);
  return h;
}
