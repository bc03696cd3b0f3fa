/**
 * The model fingerprint: one SHA-256 over the model's source (every file under src/sim) and the scenario defaults,
 * so two builds that could compute different numbers from the same scenario have different fingerprints. Pure: the
 * caller reads the files (at build time, or when the CLI starts from source) and hands in their text.
 */
import { canonicalJson, sha256Hex } from '../scenario/canonical.ts';

/** Version of the fingerprint's definition, hashed with it, so a change of definition changes every fingerprint. */
export const MODEL_DIGEST_FORMAT = 1;

/** One source file of the model: its path below src/sim (with `/`) and its text. */
export interface ModelSource {
  path: string;
  text: string;
}

/** Text as hashed: without a leading byte-order mark, with every CRLF or CR line end written as LF. */
export function normalisedSource(text: string): string {
  return (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

/**
 * The fingerprint of a model: SHA-256 of the canonical JSON (sorted keys, no spaces) of
 * `{ "defaults": <the default-filled empty scenario>, "format": 1, "sim": { "<path>": "<SHA-256 of the file's
 * normalised text>", … } }`. The order in which the files are given does not matter; throws RangeError for a path
 * given twice.
 */
export function modelDigestOf(sources: readonly ModelSource[], defaults: unknown): string {
  const sim: Record<string, string> = {};
  for (const { path, text } of sources) {
    if (Object.hasOwn(sim, path)) throw new RangeError(`${path} is given twice`);
    sim[path] = sha256Hex(normalisedSource(text));
  }
  return sha256Hex(canonicalJson({ defaults, format: MODEL_DIGEST_FORMAT, sim }));
}

/** Whether `text` looks like a fingerprint (64 lower-case hex digits). */
export const isModelDigest = (text: string): boolean => /^[0-9a-f]{64}$/.test(text);
