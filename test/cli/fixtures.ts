/** Hand-built comparison objects for the formatting tests (no engine needed), and the CLI tests' shared set-up. */
import { flowParties, zeroFlows } from '../../src/sim/flows.ts';
import { Rules } from '../../src/scenario/schema.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { ArmSummary, Comparison, Difference } from '../../src/analysis/index.ts';
import type { CliIo } from '../../src/cli/commands.ts';
import { main } from '../../src/cli/main.ts';
import type { ComplianceCheck, Dist, Metrics } from '../../src/sim/results.ts';

/** The scenario of the end-to-end tests: five couriers, one day, two replications. */
export const TINY_SCENARIO = {
  schemaVersion: 2,
  population: { couriers: 5 },
  demand: { ordersPerCourierDay: 10 },
  replications: 2,
};

const dist = (mean: number): Dist => ({ mean, p10: mean * 0.5, p50: mean, p90: mean * 1.5 });

/** Metrics whose values are `base` plus small offsets, so each arm differs from the other in a known way. */
export function fakeMetrics(base: number): Metrics {
  return {
    earnings: {
      netPerOnlineHour: dist(20 + base),
      netPerEngagedHour: dist(25 + base),
      shareBelowMinWage: 0.25 - base / 100,
      gini: 0.2,
      penaltyShareOfGross: 0.031,
      topUpShare: 0,
      feePerOrder: 7.1,
      totalPay: 10000 + base * 100,
      fullTime: { netPerOnlineHour: dist(21 + base) },
    },
    workload: {
      onlineHours: { ...dist(9), max: 13 },
      shareOverStandardDay: 0.5,
      shareOverLegalLimit: 0.1,
      ordersPerCourierDay: dist(30),
      kmPerCourierDay: dist(80),
      longestStretchHours: dist(4),
      fullTime: { ordersPerCourierDay: dist(32), onlineHours: dist(9.2) },
    },
    safety: {
      speedingKmShare: 0.2 - base / 50,
      meanSpeedKmh: 18,
      redLightRunsPerCourierDay: 1.5,
      relativeCrashRisk: 1.4 - base / 10,
      injuryCrashesPer1000CourierDays: 0.12,
      fatiguedKmShare: 0.05,
    },
    service: {
      ordersPlaced: 1500,
      ordersDelivered: 1490,
      ordersUndelivered: 10,
      onTimeRate: 0.9,
      clickToDoorMin: dist(31),
      acceptToPickupMin: dist(9),
      pickupToDoorMin: dist(18),
      promisedMin: dist(25 + base),
      lateOver8MinRate: 0.05,
      ordersPerWave: 4.2,
      bagAtPeak: { ...dist(3), max: 8 },
    },
    platform: {
      deliveryRevenue: 12345.678,
      courierPay: 10000,
      margin: 2345.678,
      courierPayPerOrder: 6.7,
      marginPerOrder: 1.57,
      courierPayBeforeFines: 10900,
      fineIncome: 900,
      compensationPaid: 0,
      operatingProfit: 345.678,
      operatingProfitPerOrder: 0.23,
    },
    station: { margin: 0, marginPerOrder: 0 },
    customers: { compensation: 120, compensatedShare: 0.02, lostOrders: 30, ordersNotPlaced: 0 },
    insurer: { margin: 80 },
  };
}

const check = (id: string, status: ComplianceCheck['status'], value: ComplianceCheck['value']): ComplianceCheck => ({
  id,
  clause: 'Yantai (五); Tangshan 3',
  metric: 'earnings.shareBelowMinWage',
  value,
  threshold: '≤ 0.05',
  status,
  detail: '',
});

/** An arm summary with the given metrics and a two-line scorecard. */
export function fakeArm(id: string, label: string, base: number): ArmSummary {
  return {
    id,
    label,
    metrics: fakeMetrics(base),
    perDay: [],
    perHour: [],
    speedHistogramKm: [],
    money: { flowsPerOrder: zeroFlows(), parties: flowParties(Rules.parse({})) },
    compliance: [
      check('minWage', base > 1 ? 'pass' : 'fail', 0.25 - base / 100),
      check('negotiatedRules', 'info', 'a, b'),
    ],
  };
}

/** Differences for every difference path: a fixed mean and interval, with a few chosen values. */
export function fakeDifferences(overrides: Record<string, Difference> = {}): Record<string, Difference> {
  return {
    'earnings.netPerOnlineHour.mean': { mean: 2, ci95: [1.5, 2.5] },
    'earnings.shareBelowMinWage': { mean: -0.02, ci95: [-0.03, 0.001] },
    'safety.relativeCrashRisk': { mean: -0.2, ci95: [-0.25, -0.15] },
    'earnings.gini': { mean: Number.NaN, ci95: [Number.NaN, Number.NaN] },
    ...overrides,
  };
}

/** A two-arm comparison with two seeds. */
export function fakeComparison(): Comparison {
  return {
    schemaVersion: 2,
    fairpaceVersion: '0.1.0',
    modelDigest: 'f'.repeat(64),
    scenarioDigest: 'abcdef0123456789abcdef0123456789',
    seeds: [1, 2],
    arms: [fakeArm('strictest', 'Strictest algorithm (p10) / 最严算法', 0), fakeArm('median', 'Median, "p50"', 2)],
    differences: fakeDifferences(),
  };
}

/** An in-memory CliIo that collects what main() writes to stdout and stderr. */
export function capture(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stderrIsTTY: false,
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}

/**
 * Runs `fairpace <args>` in this process on one and then two worker threads; expects both to exit 0 with the same
 * stdout, and returns what the one-thread run printed.
 */
export async function sameOnOneAndTwoWorkers(args: string[]): Promise<{ out: string; err: string }> {
  const one = capture();
  expect(await main([...args, '--workers', '1'], { io: one, env: {} })).toBe(0);
  const two = capture();
  expect(await main([...args, '--workers', '2'], { io: two, env: {} })).toBe(0);
  expect(two.out).toBe(one.out);
  return one;
}

/**
 * Writes TINY_SCENARIO (named "Tiny") to a fresh temporary folder before the file's tests and removes the folder
 * after them; `path` is the scenario file's path once the tests run.
 */
export function tinyScenarioFile(prefix: string): { path: string; dir: string } {
  const tiny = { path: '', dir: '' };
  beforeAll(async () => {
    tiny.dir = await mkdtemp(join(tmpdir(), prefix));
    tiny.path = join(tiny.dir, 'tiny.json');
    await writeFile(tiny.path, JSON.stringify({ ...TINY_SCENARIO, meta: { name: 'Tiny' } }));
  });
  afterAll(async () => {
    await rm(tiny.dir, { recursive: true, force: true });
  });
  return tiny;
}
