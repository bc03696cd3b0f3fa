/** manifest.json: what a pack holds, the SHA-256 of every other file, and one digest over scenario and results. */
import { z } from 'zod';
import { canonicalJson, sha256Hex } from '../scenario/canonical.ts';
import { LIMITS } from '../scenario/schema.ts';

/** Value of the manifest's `format` field. */
export const PACK_FORMAT = 'fairpace-evidence';
/**
 * Version of the pack layout; a reader checks only packs of its own version. 2: CSVs start with a byte-order mark,
 * tables.xlsx is added, and the manifest carries the model fingerprint `modelDigest`. 3: calibration.json (the
 * pack's runs held against the default targets) and the chart of mean risk tolerance per day are added.
 */
export const PACK_VERSION = 3;

/** The charts, as SVG files. */
export const CHART_FILES = [
  'charts/per-day-promised.svg',
  'charts/per-day-risk-tolerance.svg',
  'charts/headline-metrics.svg',
  'charts/speed-km.svg',
] as const;

/** Every file of a pack, in the order the zip stores them. */
export const PACK_FILES = [
  'manifest.json',
  'scenario.json',
  'results.json',
  'calibration.json',
  'report.html',
  'courier_days.csv',
  'per_day.csv',
  'compliance.csv',
  'tables.xlsx',
  ...CHART_FILES,
] as const;

/** The name of one file of a pack. */
export type PackFileName = (typeof PACK_FILES)[number];

/** The name of a bargaining result a pack may carry: `bargaining/<name>.json`. */
export const BARGAINING_FILE = /^bargaining\/[A-Za-z0-9_-]{1,40}\.json$/;
/** Most bargaining results one pack carries. */
export const MAX_BARGAINING_FILES = 8;

/** Whether `name` is one of the files a pack holds (a bargaining result's name included). */
export function isPackFileName(name: string): boolean {
  return (PACK_FILES as readonly string[]).includes(name) || BARGAINING_FILE.test(name);
}

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lower-case hex digits');

/** The manifest's schema (strict: unknown keys are refused). */
export const Manifest = z.strictObject({
  format: z.literal(PACK_FORMAT),
  packVersion: z.literal(PACK_VERSION, { error: `packVersion must be ${PACK_VERSION}` }),
  fairpaceVersion: z.string().min(1).max(100),
  /** The model fingerprint of the Fairpace that made the pack: see src/evidence/modelDigest.ts. */
  modelDigest: Sha256,
  schemaVersion: z.number().int().min(1),
  arms: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/))
    .min(1)
    .max(LIMITS.arms),
  seeds: z.array(z.number().int().min(0).max(2_147_483_647)).min(1).max(LIMITS.replications),
  /** The command that makes this pack again from its scenario.json. */
  command: z.string().min(1).max(2000),
  /** SHA-256 of canonical(scenario) followed by canonical(results): see `packDigest`. */
  digest: Sha256,
  files: z.record(z.string(), Sha256),
});
/** A pack's manifest. */
export type Manifest = z.infer<typeof Manifest>;

/**
 * The pack's one digest: SHA-256 of the canonical JSON of the scenario immediately followed by that of the results
 * (each a JSON object, so the concatenation is unambiguous). Both are the parsed files, so anyone can recompute it.
 */
export function packDigest(scenario: unknown, results: unknown): string {
  return sha256Hex(canonicalJson(scenario) + canonicalJson(results));
}

/** JSON with sorted keys, indented by two spaces, with a final newline: the text of scenario.json and manifest.json. */
export function canonicalText(value: unknown): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(value)), null, 2)}\n`;
}
