/** Packs of the tiny scenario (five couriers, one day, two replications) and helpers to take them apart. */
import { strFromU8, strToU8 } from 'fflate';
import {
  buildEvidencePack,
  planEvidence,
  readZip,
  runEvidenceInProcess,
  writeZip,
  type EvidencePack,
  type Manifest,
  type PackFile,
} from '../../src/evidence/index.ts';
import { canonicalText } from '../../src/evidence/manifest.ts';
import type { OrderMoney } from '../../src/evidence/orderMoney.ts';
import { sha256Hex } from '../../src/scenario/canonical.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import type { DayMetrics } from '../../src/sim/results.ts';

/** The scenario file of these tests, as a user would write it (defaults left out). */
export const TINY = {
  schemaVersion: 2,
  population: { couriers: 5 },
  demand: { ordersPerCourierDay: 10 },
  replications: 2,
};

/** A validated scenario from a plain object; throws if it is invalid. */
export function scenarioOf(value: unknown): Scenario {
  const loaded = loadScenario(JSON.stringify(value));
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return loaded.scenario;
}

/** A pack of `value` (the tiny scenario by default), run in this thread. */
export async function makePack(value: unknown = TINY): Promise<EvidencePack> {
  const scenario = scenarioOf(value);
  const plan = planEvidence(scenario);
  const runs = await runEvidenceInProcess(plan.tasks);
  return buildEvidencePack({ scenario, plan, runs });
}

let cached: Promise<EvidencePack> | undefined;
/** The tiny scenario's pack, made once per test file. */
export function tinyPack(): Promise<EvidencePack> {
  cached ??= makePack();
  return cached;
}

/** The files of a zip by name. */
export function unzipToRecord(zip: Uint8Array): Record<string, Uint8Array> {
  return Object.fromEntries(readZip(zip).map((f) => [f.name, f.bytes]));
}

/** A file's text. */
export const textOf = (files: Record<string, Uint8Array>, name: string): string =>
  strFromU8(files[name] ?? new Uint8Array());

/** A zip of `files` in their order. */
export function zipOf(files: Record<string, Uint8Array | string>): Uint8Array {
  const list: PackFile[] = Object.entries(files).map(([name, data]) => ({
    name,
    bytes: typeof data === 'string' ? strToU8(data) : data,
  }));
  return writeZip(list);
}

/**
 * A copy of a pack with some files replaced. With `rehash`, the manifest's SHA-256s are made to match the new files
 * and `digest` is set by `digest` (the tamperer covering their tracks).
 */
export function tampered(
  zip: Uint8Array,
  changes: Record<string, string | Uint8Array>,
  rehash?: { digest?: (manifest: Manifest) => string },
): Uint8Array {
  const files: Record<string, Uint8Array | string> = unzipToRecord(zip);
  Object.assign(files, changes);
  if (rehash) {
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as Manifest;
    for (const name of Object.keys(manifest.files)) {
      const data = files[name];
      manifest.files[name] = sha256Hex(typeof data === 'string' ? strToU8(data) : (data as Uint8Array));
    }
    if (rehash.digest) manifest.digest = rehash.digest(manifest);
    files['manifest.json'] = canonicalText(manifest);
  }
  return zipOf(files);
}

/** XORs one byte of `bytes` with `mask` (damage for the tests). */
export function flip(bytes: Uint8Array, at: number, mask: number): void {
  bytes[at] = (bytes[at] as number) ^ mask;
}

/** An order's money with 6.50 CNY revenue, 1.57 CNY other costs and fines kept by the platform; the rest is its own. */
export const platformFinesMoney = (couriers: number, fines: number): OrderMoney => ({
  revenue: 6.5,
  parts: [
    { part: 'couriers', cny: couriers },
    { part: 'fines', cny: fines },
    { part: 'otherCosts', cny: 1.57 },
    { part: 'platform', cny: 6.5 - couriers - fines - 1.57 },
  ],
  finesTo: 'platform',
  compensationByPlatform: false,
  operatingProfit: 6.5 - couriers - 1.57,
});

/** A day of per-day metrics (`d` from 0) with the given promised minutes and risk tolerance, the rest fixed. */
export const dayOf = (d: number, promisedMinMean: number, meanRiskTolerance = 0.5): DayMetrics => ({
  day: d,
  promisedMinMean,
  onTimeRate: 0.5,
  speedingKmShare: 0.1,
  relativeCrashRisk: 1.2,
  shareBelowMinWage: 0.3,
  meanRiskTolerance,
  onlineHoursMean: 9,
});
