/**
 * A saved run's record and its checks, apart from IndexedDB (so they can be tested without a browser): the scenario
 * through the schema, the comparison's shape, and a digest over both.
 */
import type { Comparison, RunsCalibration } from '../analysis/index.ts';
import { canonicalJson, sha256Hex } from '../scenario/canonical.ts';
import { validateScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';

/** A record's key in the store (IndexedDB's key, as read back). */
export type RecordKey = unknown;

/** Version of a record's layout. */
export const RECORD_VERSION = 1;
/** Longest name of a saved run. */
export const MAX_NAME_CHARS = 200;

/** A saved run that passed every check. */
export interface SavedRun {
  id: number;
  name: string;
  savedAt: string;
  scenario: Scenario;
  comparison: Comparison;
  /** The model check of the comparison's runs, when the run was saved with one. */
  calibration?: RunsCalibration;
}

/** A record that failed a check: its key and why. */
export interface BrokenRun {
  id: RecordKey;
  reason: string;
}

/** What the list shows. */
export interface SavedRunList {
  runs: SavedRun[];
  broken: BrokenRun[];
}

/**
 * The digest stored with a record: SHA-256 of the canonical JSON of its scenario and comparison, and of its model
 * check when it has one (records saved before the model check existed have none, and keep their digest).
 */
export function recordDigest(scenario: unknown, comparison: unknown, calibration?: unknown): string {
  return sha256Hex(
    canonicalJson(calibration === undefined ? { comparison, scenario } : { calibration, comparison, scenario }),
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Checks one stored record; returns the run, or the reason it cannot be shown. */
export function checkRecord(id: RecordKey, value: unknown): SavedRun | BrokenRun {
  const broken = (reason: string): BrokenRun => ({ id, reason });
  if (typeof id !== 'number') return broken('the key is not a number');
  if (!isObject(value)) return broken('not an object');
  if (value.version !== RECORD_VERSION) return broken(`unknown record version ${String(value.version)}`);
  const { name, savedAt, scenario, comparison, digest, calibration } = value;
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_CHARS) return broken('no valid name');
  if (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt))) return broken('no valid date');
  const loaded = validateScenario(scenario);
  if (!loaded.ok) return broken(`scenario: ${loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  if (
    !isObject(comparison) ||
    !Array.isArray(comparison.arms) ||
    comparison.arms.length === 0 ||
    !comparison.arms.every((a) => isObject(a) && typeof a.id === 'string' && isObject(a.metrics)) ||
    !Array.isArray(comparison.seeds) ||
    !isObject(comparison.differences)
  ) {
    return broken('comparison: not a comparison');
  }
  if (
    calibration !== undefined &&
    (!isObject(calibration) || !Array.isArray(calibration.rows) || !Array.isArray(calibration.notRun))
  ) {
    return broken('calibration: not a model check');
  }
  if (typeof digest !== 'string' || digest !== recordDigest(scenario, comparison, calibration)) {
    return broken('its digest does not match its content (the record was changed or damaged)');
  }
  const run: SavedRun = {
    id,
    name,
    savedAt,
    scenario: loaded.scenario,
    comparison: comparison as unknown as Comparison,
  };
  if (calibration !== undefined) run.calibration = calibration as unknown as RunsCalibration;
  return run;
}
