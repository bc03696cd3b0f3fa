/**
 * Import of an MDRP instance in the workbench: the four instance files picked as a folder or one by one, matched by
 * file name, turned into a replay scenario by the same pure functions as `fairpace import mdrp`.
 */
import {
  MDRP_INSTANCE_FILES,
  MdrpFormatError,
  mdrpScenario,
  parseMdrpInstance,
  type MdrpFileRole,
} from '../io/mdrp.ts';
import { validateScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';

/** One picked file: its name, the path inside a picked folder ('' when picked alone) and its text. */
export interface PickedFile {
  name: string;
  relativePath: string;
  text: string;
}

/** What an import gives: the scenario, or what is wrong with the files. */
export type MdrpImport =
  | { ok: true; scenario: Scenario; counts: { orders: number; couriers: number; restaurants: number } }
  | { ok: false; kind: 'missing'; files: string[] }
  | { ok: false; kind: 'format'; lines: string[] }
  | { ok: false; kind: 'invalid'; lines: string[] };

/** The instance's name: the picked folder's, else `mdrp-instance`. */
export function instanceName(files: readonly Pick<PickedFile, 'relativePath'>[]): string {
  for (const f of files) {
    const parts = f.relativePath.split('/').filter((p) => p !== '');
    if (parts.length >= 2) return parts[parts.length - 2] as string;
  }
  return 'mdrp-instance';
}

/** Builds the replay scenario from the picked files (other files in a picked folder are ignored). */
export function importMdrpFiles(files: readonly PickedFile[]): MdrpImport {
  const texts = {} as Record<MdrpFileRole, string>;
  const missing: string[] = [];
  for (const [role, name] of Object.entries(MDRP_INSTANCE_FILES) as [MdrpFileRole, string][]) {
    // A folder may hold sub-folders with files of the same name; the shallowest one is the instance's.
    const found = files
      .filter((f) => f.name === name)
      .sort((a, b) => a.relativePath.split('/').length - b.relativePath.split('/').length)[0];
    if (found) texts[role] = found.text;
    else missing.push(name);
  }
  if (missing.length > 0) return { ok: false, kind: 'missing', files: missing };
  let instance;
  try {
    instance = parseMdrpInstance(texts);
  } catch (e) {
    if (e instanceof MdrpFormatError) return { ok: false, kind: 'format', lines: e.problems };
    throw e;
  }
  const loaded = validateScenario(mdrpScenario(instance, instanceName(files)));
  if (!loaded.ok) return { ok: false, kind: 'invalid', lines: loaded.problems.map((p) => `${p.path}: ${p.message}`) };
  return {
    ok: true,
    scenario: loaded.scenario,
    counts: {
      orders: instance.orders.length,
      couriers: instance.couriers.length,
      restaurants: instance.restaurants.length,
    },
  };
}

/** The MDRP figures shown per arm, by catalogue path (labels and units come from the catalogue). */
export const MDRP_KPIS = [
  'mdrp.deliveredShare',
  'mdrp.clickToDoorMin.mean',
  'mdrp.clickToDoorMin.p90',
  'mdrp.clickToDoorMin.max',
  'mdrp.clickToDoorOverageMin',
  'mdrp.courierUtilisation',
  'mdrp.ordersPerCourierHour',
  'mdrp.totalCourierPay',
  'mdrp.shareCouriersPaidGuarantee',
] as const;
