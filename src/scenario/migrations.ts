/**
 * Migrations of scenario files from older schema versions. Each step upgrades a parsed file by one version and says,
 * in notes a person reads, what changed for that file. A file is never silently reinterpreted: the notes name every
 * default that moved under a value the file left out.
 */

/** One version step: the new file, and what changed for it. */
type Step = (file: Record<string, unknown>) => { file: Record<string, unknown>; notes: string[] };

/** Defaults of schema version 1 that version 2 changed (calibration against published figures), by path. */
export const V1_DEFAULTS_CHANGED: readonly [path: string, v1: unknown, v2: unknown][] = [
  ['city.customerDistanceMedianKm', 2.2, 1.3],
  ['city.customerDistanceP90Km', 3.9, 2.6],
  ['demand.ordersPerCourierDay', 16, 28],
  ['population.morningShare', 0.6, 0.75],
  ['population.comfortSpeedKmh.mean', 16, 20],
  ['population.comfortSpeedKmh.sd', 2, 2.5],
  ['population.comfortSpeedKmh.max', 22, 28],
  ['rules.dispatch.maxBag', 3, 10],
  ['rules.deadline.graceMin', 0, 8],
  ['rules.pay.base', 6, 7],
  ['rules.penalties.lateFine', 2, 3],
  ['rules.platform.deliveryRevenuePerOrder', 9, 6.5],
];

function has(file: Record<string, unknown>, path: string): boolean {
  let node: unknown = file;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return false;
    if (!(key in node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

const STEPS: Record<number, Step> = {
  1: (file) => {
    const notes = [
      'schema 1 → 2: the promise is now learned from past delivery times (rules.deadline.basis "deliveryDuration"); set basis "ridingPace" and measureFrom "placement" for the version-1 promise',
      'schema 1 → 2: dispatch now costs detour plus lateness, couriers aim at the earliest penalty threshold they can still reach, crowd couriers work the peaks, and idle couriers rest',
    ];
    for (const [path, v1, v2] of V1_DEFAULTS_CHANGED) {
      if (!has(file, path))
        notes.push(`schema 1 → 2: ${path} is left to the default, which changed from ${v1} to ${v2}`);
    }
    return { file: { ...file, schemaVersion: 2 }, notes };
  },
};

/** The result of migrating: the upgraded file and the notes of every step applied (none for a current file). */
export interface Migrated {
  file: unknown;
  notes: string[];
}

/** Upgrades a parsed scenario file to `target`, step by step; values that are not older files pass unchanged. */
export function migrateScenario(value: unknown, target: number): Migrated {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { file: value, notes: [] };
  let file = value as Record<string, unknown>;
  const notes: string[] = [];
  for (;;) {
    const version = file.schemaVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version >= target) break;
    const step = STEPS[version];
    if (!step) break;
    const out = step(file);
    file = out.file;
    notes.push(...out.notes);
  }
  return { file, notes };
}
