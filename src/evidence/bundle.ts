/**
 * An evidence pack from a scenario and its runs: every file as bytes, the manifest and the zip. Pure, so the CLI and
 * the app make byte-identical packs from the same inputs.
 */
import { strFromU8, strToU8 } from 'fflate';
import {
  calibrationOfRuns,
  DEFAULT_TARGETS,
  labelContext,
  runsByArmOf,
  summariseCompare,
  type ComparePlan,
  type Comparison,
  type RunsCalibration,
} from '../analysis/index.ts';
import { sha256Hex } from '../scenario/canonical.ts';
import { SCHEMA_VERSION, type Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../version.ts';
import { packCharts } from './charts/packCharts.ts';
import { csvBytes, tableCsv } from '../format/csv.ts';
import { armNames } from './labels.ts';
import {
  BARGAINING_FILE,
  canonicalText,
  MAX_BARGAINING_FILES,
  packDigest,
  PACK_FILES,
  PACK_FORMAT,
  PACK_VERSION,
  type Manifest,
  type PackFileName,
} from './manifest.ts';
import { isModelDigest } from './modelDigest.ts';
import { reproduceCommand } from './plan.ts';
import type { BargainingFile } from './report/bargaining.ts';
import { reportHtml } from './report/reportHtml.ts';
import { packTables, tablesXlsx } from './tablesXlsx.ts';
import { writeZip, type PackFile } from '../format/zip.ts';

/** What a pack is made from: the validated scenario, the plan of its runs and their results in task order. */
export interface EvidenceInput {
  scenario: Scenario;
  plan: ComparePlan;
  /** One result per task of `plan` (arm-major, seed-minor), each with its courier-day rows. */
  runs: readonly RunResult[];
  /**
   * Bargaining results to carry (`fairpace target/sensitivity/zone --out` files), stored as they are under their
   * `name` (`bargaining/<name>.json`) after the charts, in the order given.
   */
  bargaining?: readonly { name: string; bytes: Uint8Array }[];
}

/** Checks and parses the bargaining files of a pack; throws RangeError for a bad name, a duplicate or invalid JSON. */
export function parseBargaining(files: readonly { name: string; bytes: Uint8Array }[]): BargainingFile[] {
  if (files.length > MAX_BARGAINING_FILES) {
    throw new RangeError(`a pack carries at most ${MAX_BARGAINING_FILES} bargaining results, not ${files.length}`);
  }
  const seen = new Set<string>();
  return files.map(({ name, bytes }) => {
    if (!BARGAINING_FILE.test(name))
      throw new RangeError(`${name}: not a bargaining file name (bargaining/<name>.json)`);
    if (seen.has(name)) throw new RangeError(`${name}: included twice`);
    seen.add(name);
    let json: unknown;
    try {
      json = JSON.parse(strFromU8(bytes));
    } catch (e) {
      throw new RangeError(`${name}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    return { name, json, sha256: sha256Hex(bytes) };
  });
}

/** A finished pack. */
export interface EvidencePack {
  /** The files in zip order (manifest first). */
  files: PackFile[];
  manifest: Manifest;
  comparison: Comparison;
  /** The pack's runs held against the default targets (calibration.json). */
  calibration: RunsCalibration;
  zip: Uint8Array;
}

/** The JSON text of `fairpace compare` output, which results.json is, byte for byte. */
export function resultsText(comparison: Comparison): string {
  return `${JSON.stringify(comparison, null, 2)}\n`;
}

/** The JSON text of calibration.json: like `fairpace calibrate --format json`, plus the targets not run. */
export function calibrationText(calibration: RunsCalibration): string {
  return `${JSON.stringify(calibration, null, 2)}\n`;
}

/** Builds every file of a pack and the manifest over them. Throws if a run kept no courier-day rows. */
export function buildEvidenceFiles(input: EvidenceInput): Omit<EvidencePack, 'zip'> {
  const { scenario, plan, runs } = input;
  if (runs.length !== plan.tasks.length) throw new RangeError(`expected ${plan.tasks.length} runs, got ${runs.length}`);
  if (!isModelDigest(MODEL_DIGEST)) {
    throw new Error('the model fingerprint was not computed: run Fairpace through bin/fairpace.mjs or its Vite build');
  }
  const comparison = summariseCompare(scenario, plan, [...runs]);
  const byArm = runsByArmOf(plan.armIds, plan.seeds.length, runs);
  const runsByArm = plan.armIds.map((id) => byArm[id] ?? []);
  // The default targets: the same file `fairpace calibrate` uses when given none.
  const calibration = calibrationOfRuns(scenario, DEFAULT_TARGETS, plan.seeds, byArm);
  const extra = input.bargaining ?? [];
  const bargaining = parseBargaining(extra);
  // From the unzipped folder, the carried files are at their names in the pack, so the command remakes this pack.
  const command = reproduceCommand(
    plan,
    extra.map((f) => f.name),
  );

  const scenarioJson = canonicalText(scenario);
  const results = resultsText(comparison);
  const digest = packDigest(JSON.parse(scenarioJson), JSON.parse(results));
  const charts = packCharts(comparison, runsByArm, armNames(scenario, plan.armIds), labelContext(scenario));
  const [courierDays, perDay, compliance] = packTables(runs, comparison.arms);
  const texts: Record<Exclude<PackFileName, 'manifest.json' | 'tables.xlsx'>, string> = {
    'scenario.json': scenarioJson,
    'results.json': results,
    'report.html': reportHtml({
      scenario,
      comparison,
      runsByArm,
      command,
      digest,
      fairpaceVersion: FAIRPACE_VERSION,
      modelDigest: MODEL_DIGEST,
      bargaining,
      calibration,
    }),
    'calibration.json': calibrationText(calibration),
    'courier_days.csv': tableCsv(courierDays),
    'per_day.csv': tableCsv(perDay),
    'compliance.csv': tableCsv(compliance),
    ...charts,
  };
  const xlsx = tablesXlsx([courierDays, perDay, compliance]);
  const contents = [
    ...PACK_FILES.filter((n) => n !== 'manifest.json').map((name) => ({
      name: name as string,
      bytes: name === 'tables.xlsx' ? xlsx : name.endsWith('.csv') ? csvBytes(texts[name]) : strToU8(texts[name]),
    })),
    ...extra.map((f) => ({ name: f.name, bytes: f.bytes })),
  ];
  const manifest: Manifest = {
    format: PACK_FORMAT,
    packVersion: PACK_VERSION,
    fairpaceVersion: FAIRPACE_VERSION,
    modelDigest: MODEL_DIGEST,
    schemaVersion: SCHEMA_VERSION,
    arms: plan.armIds,
    seeds: plan.seeds,
    command,
    digest,
    files: Object.fromEntries(contents.map((f) => [f.name, sha256Hex(f.bytes)])),
  };
  const files = [{ name: 'manifest.json', bytes: strToU8(canonicalText(manifest)) }, ...contents];
  return { files, manifest, comparison, calibration };
}

/** Builds a whole pack, zip included. */
export function buildEvidencePack(input: EvidenceInput): EvidencePack {
  const built = buildEvidenceFiles(input);
  return { ...built, zip: writeZip(built.files) };
}
