// What a big run costs, said before it starts (issue 23, item 4): the estimator is a pure function of the runs' sizes
// and the threads (no timing here: the figures it is built on were measured once, see RUN_COSTS and the README), and
// the CLI prints it when it is large and refuses a run that will not fit --max-memory, before a single simulation.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareBatch } from '../../src/analysis/index.ts';
import {
  durationWords,
  estimateCost,
  memoryWords,
  RUN_COSTS,
  runMiB,
  runSeconds,
  runSizeOf,
  taskSizes,
  worthSaying,
  type RunSize,
} from '../../src/analysis/runCost.ts';
import { parseCommandLine } from '../../src/cli/args.ts';
import { main } from '../../src/cli/main.ts';
import { guardRunCost, parseMemorySize } from '../../src/cli/runEstimate.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { capture, TINY_SCENARIO } from './fixtures.ts';

const scenario = (over: Record<string, unknown>): Scenario => {
  const loaded = loadScenario(JSON.stringify({ schemaVersion: 2, ...over }));
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
  return loaded.scenario;
};

const yantaiSized: RunSize = {
  kind: 'synthetic',
  couriers: 600,
  ordersPerDay: 16_800,
  days: 1,
  warmupDays: 1,
  areaKm2: 300,
};

describe('the size of a run', () => {
  it('reads couriers, orders a day, days, the arm’s warm-up and the city’s area from a scenario', () => {
    const s = scenario({
      city: { widthKm: 10, heightKm: 6 },
      population: { couriers: 120 },
      demand: { ordersPerCourierDay: 25 },
      time: { days: 3 },
      arms: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B', rules: { deadline: { warmupDays: 4 } } },
      ],
    });
    expect(runSizeOf(s, 'a')).toEqual({
      kind: 'synthetic',
      couriers: 120,
      ordersPerDay: 3000,
      days: 3,
      warmupDays: 1,
      areaKm2: 60,
    });
    expect(runSizeOf(s, 'b').warmupDays).toBe(4);
    expect(runSizeOf(scenario({ demand: { ordersPerDay: 777 } }), 'median').ordersPerDay).toBe(777);
  });

  it('counts a replay by its instance', () => {
    const s = scenario({
      kind: 'replay',
      replay: {
        restaurants: [{ id: 'r1', xM: 0, yM: 0 }],
        orders: [
          { id: 'o1', xM: 100, yM: 0, placementMin: 0, restaurant: 'r1', readyMin: 5 },
          { id: 'o2', xM: 0, yM: 100, placementMin: 3, restaurant: 'r1', readyMin: 9 },
        ],
        couriers: [{ id: 'c1', xM: 0, yM: 0, onMin: 0, offMin: 60 }],
        parameters: {
          metersPerMinute: 320,
          pickupServiceMin: 4,
          dropoffServiceMin: 4,
          targetClickToDoorMin: 40,
          maxClickToDoorMin: 90,
          payPerOrder: 10,
          guaranteedPayPerHour: 15,
        },
      },
    });
    expect(runSizeOf(s, 'median')).toMatchObject({ kind: 'replay', couriers: 1, ordersPerDay: 2, days: 1 });
  });

  it('gives one size per task, and counts a warm-up once per seed when the arms share it', () => {
    const s = scenario({ replications: 3 });
    const tasks = compareBatch(s).tasks;
    const sizes = taskSizes(tasks);
    expect(sizes).toHaveLength(6);
    // The two default arms differ only in the percentile, which the warm-up does not read: one warm-up a seed.
    const warmups = sizes.map((z) => z.warmupDays);
    expect(warmups.filter((w) => w > 0)).toHaveLength(3);
    for (const seed of [1, 2, 3]) {
      const own = tasks.flatMap((t, i) => (t.seed === seed ? [sizes[i]?.warmupDays] : []));
      expect(own.sort()).toEqual([0, s.rules.deadline.warmupDays]);
    }
    // An arm whose warm-up differs (another base pay) runs its own.
    const apart = scenario({
      replications: 2,
      arms: [
        { id: 'a', label: 'A', rules: { pay: { base: 7 } } },
        { id: 'b', label: 'B', rules: { pay: { base: 9 } } },
      ],
    });
    expect(taskSizes(compareBatch(apart).tasks).every((z) => z.warmupDays === apart.rules.deadline.warmupDays)).toBe(
      true,
    );
  });
});

describe('the cost of one run', () => {
  it('grows with orders simulated and with how crowded the city is', () => {
    const base = runSeconds(yantaiSized);
    expect(runSeconds({ ...yantaiSized, days: 7 })).toBeGreaterThan(3 * base);
    expect(runSeconds({ ...yantaiSized, areaKm2: 30 })).toBeGreaterThan(base);
    // yantai-2021's day: 33,600 orders at 40 µs, 1,200 courier-days, 0.05 s a run.
    expect(base).toBeCloseTo(0.05 + 33_600 * (40e-6 + 0.15e-6 * 4) + 1200 * 60e-6, 9);
  });

  it('needs memory for its orders, courier-days, days and city', () => {
    const m = RUN_COSTS.runMiB;
    expect(runMiB(yantaiSized)).toBeCloseTo(
      m.fixed + m.perOrderPerDay * 16_800 + m.perCourierDay * 1200 + m.perDay * 2 + m.perKm2 * 300,
      9,
    );
    expect(runMiB({ ...yantaiSized, days: 30 })).toBeGreaterThan(runMiB(yantaiSized));
  });
});

describe('the cost of a batch', () => {
  const twenty = Array.from({ length: 20 }, () => yantaiSized);

  it('runs one task or one thread in the command’s own thread, else on at most one thread per task', () => {
    expect(estimateCost([yantaiSized], { threads: 8 }).threads).toBe(1);
    expect(estimateCost(twenty, { threads: 1 }).threads).toBe(1);
    expect(estimateCost(twenty, { threads: 4 }).threads).toBe(4);
    expect(estimateCost(twenty.slice(0, 3), { threads: 8 }).threads).toBe(3);
  });

  it('takes less time and more memory on more threads, never less time than its longest run', () => {
    const one = estimateCost(twenty, { threads: 1 });
    const four = estimateCost(twenty, { threads: 4 });
    expect(one.cpuSeconds).toBeCloseTo(20 * runSeconds(yantaiSized), 9);
    expect(one.wallSeconds).toBeCloseTo(one.cpuSeconds, 9);
    expect(four.wallSeconds).toBeLessThan(one.wallSeconds / 2);
    expect(four.peakMiB).toBeGreaterThan(one.peakMiB + 3 * RUN_COSTS.threadMiB);
    const long = { ...yantaiSized, days: 60 };
    expect(estimateCost([long, yantaiSized, yantaiSized], { threads: 3 }).wallSeconds).toBeGreaterThanOrEqual(
      runSeconds(long),
    );
    expect(estimateCost([long, yantaiSized], { threads: 3 }).largest).toBe(long);
  });

  it('keeps every result until the end, and an evidence pack’s courier-day rows too', () => {
    const plain = estimateCost(twenty, { threads: 2 });
    const pack = estimateCost(twenty, { threads: 2, courierDays: true });
    expect(pack.peakMiB - plain.peakMiB).toBeCloseTo(20 * 600 * RUN_COSTS.courierDayRowMiB, 9);
    expect(pack.wallSeconds).toBe(plain.wallSeconds);
    expect(estimateCost([], { threads: 2 })).toMatchObject({ runs: 0, wallSeconds: 0, peakMiB: RUN_COSTS.processMiB });
  });

  it('says a yantai-2021 comparison is small and the issue’s scenario at every limit is not', () => {
    const yantai = estimateCost(twenty, { threads: 2 });
    expect(worthSaying(yantai)).toBe(false);
    const limits: RunSize = {
      kind: 'synthetic',
      couriers: 200_000,
      ordersPerDay: 5_000_000,
      days: 120,
      warmupDays: 1,
      areaKm2: 10_000,
    };
    const huge = estimateCost(
      Array.from({ length: 2000 }, () => limits),
      { threads: 2 },
    );
    expect(worthSaying(huge)).toBe(true);
    expect(huge.peakMiB).toBeGreaterThan(4 * 1024);
    expect(durationWords(huge.wallSeconds)).toMatch(/years$/);
  });

  it('writes durations and sizes in words', () => {
    expect([0.2, 42, 200, 5400, 86_400 * 3, 86_400 * 800].map(durationWords)).toEqual([
      '1 s',
      '42 s',
      '3.3 min',
      '1.5 h',
      '3 days',
      '2.2 years',
    ]);
    expect([123, 2048 + 512, 3 * 1024 * 1024].map((m) => memoryWords(m))).toEqual(['120 MiB', '2.5 GiB', '3 TiB']);
  });
});

describe('--max-memory and the notice', () => {
  it('parses a size with a unit', () => {
    expect(parseMemorySize('4G', 'compare')).toBe(4096);
    expect(parseMemorySize('512M', 'compare')).toBe(512);
    expect(parseMemorySize('1.5GiB', 'compare')).toBe(1536);
    expect(parseMemorySize('2 gb', 'compare')).toBe(2048);
    expect(() => parseMemorySize('4', 'compare')).toThrow(/--max-memory is a size with a unit/);
    expect(() => parseMemorySize('0.5K', 'compare')).toThrow(/at least 1M/);
    const c = parseCommandLine(['compare', 's.json', '--max-memory', '3G']);
    expect(c).toMatchObject({ kind: 'compare', maxMemoryMiB: 3072 });
    expect(() => parseCommandLine(['run', 's.json', '--max-memory', '3G'])).toThrow(/unknown option '--max-memory'/);
  });

  it('says a large estimate on stderr, or as a JSON line, and nothing for a small one or when quiet', () => {
    const big = Array.from({ length: 200 }, () => yantaiSized);
    const io = capture();
    guardRunCost('fairpace compare', big, { threads: 2 }, { quiet: false }, io);
    expect(io.err).toMatch(
      /^estimate: fairpace compare: 200 runs of up to 600 couriers × 2 days \(1 of warm-up\), 16,800 orders a day: about [\d.]+ min on 2 threads \([\d.]+ min of CPU\), peak memory about \d+ MiB \(an estimate from measurements on a 2-core machine\)\n$/,
    );
    const json = capture();
    guardRunCost('fairpace compare', big, { threads: 2 }, { quiet: false, progress: 'json' }, json);
    expect(Object.keys(JSON.parse(json.err) as object)).toEqual(['estimate']);
    const quiet = capture();
    guardRunCost('fairpace compare', big, { threads: 2 }, { quiet: true }, quiet);
    guardRunCost('fairpace compare', big.slice(0, 2), { threads: 2 }, { quiet: false }, quiet);
    expect(quiet.err).toBe('');
  });

  it('refuses a run above --max-memory, and lets one that fits go on', () => {
    const io = capture();
    expect(() =>
      guardRunCost('fairpace compare', [yantaiSized], { threads: 1 }, { quiet: true, maxMemoryMiB: 64 }, io),
    ).toThrow(
      /^--max-memory 64 MiB: fairpace compare would need about \d+ MiB at its peak, so nothing was run \(1 run of up to 600 couriers/,
    );
    expect(
      guardRunCost('fairpace compare', [yantaiSized], { threads: 1 }, { quiet: true, maxMemoryMiB: 4096 }, io).runs,
    ).toBe(1);
  });
});

describe('through the command line', () => {
  let dir = '';
  const path = (name: string) => join(dir, name);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fairpace-cost-'));
    await writeFile(path('tiny.json'), JSON.stringify(TINY_SCENARIO));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const run = async (...argv: string[]) => {
    const io = capture();
    const code = await main(argv, { io, env: {} });
    return { code, out: io.out, err: io.err };
  };

  it('refuses metro-large above --max-memory before running anything, and writes nothing', async () => {
    const before = (await readdir(dir)).sort();
    // Two threads whatever the machine: on one, the estimate (one run at a time) would be under the limit.
    const r = await run(
      'compare',
      'scenarios/metro-large.json',
      '--workers',
      '2',
      '--max-memory',
      '400M',
      '--out',
      path('m.json'),
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^--max-memory 400 MiB: fairpace compare would need about [\d.,]+ [GM]iB at its peak, so nothing was run \(2 runs of up to 20,000 couriers × 31 days \(1 of warm-up\), 600,000 orders a day, about [\d.]+ min on \d threads? /,
    );
    expect((await readdir(dir)).sort()).toEqual(before);
    const shard = await run(
      'sweep',
      'scenarios/metro-large.json',
      '--param',
      'rules.pay.base',
      '--values',
      '6,8',
      '--shard',
      '1/2',
      '--out',
      path('part.jsonl'),
      '--workers',
      '2',
      '--max-memory',
      '400M',
    );
    expect(shard.code).toBe(2);
    expect(shard.err).toMatch(/^--max-memory 400 MiB: fairpace sweep --shard 1\/2 would need/);
  });

  it('refuses the target search and the fit on their most runs', async () => {
    const target = await run(
      'target',
      'scenarios/metro-large.json',
      '--param',
      'rules.pay.base',
      '--min',
      '6',
      '--max',
      '40',
      '--target',
      'earnings.shareBelowMinWage <= 0.05',
      '--max-memory',
      '200M',
    );
    expect(target.code).toBe(2);
    expect(target.err).toMatch(
      /^--max-memory 200 MiB: fairpace target would need .* \(at most 21 runs of up to 20,000/,
    );
    const fit = await run(
      'calibrate',
      'scenarios/metro-large.json',
      '--fit',
      'demand.ordersPerCourierDay=20:40',
      '--out',
      path('fit.json'),
      '--max-memory',
      '200M',
    );
    expect(fit.code).toBe(2);
    expect(fit.err).toMatch(/^--max-memory 200 MiB: fairpace calibrate --fit would need .* \(at most \d+ runs/);
  });

  it('runs a comparison that fits, without a notice', async () => {
    const r = await run('compare', path('tiny.json'), '--max-memory', '4G', '--workers', '1', '--out', path('t.json'));
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });
});
