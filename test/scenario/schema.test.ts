import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPath, loadScenario, validateScenario, type LoadResult } from '../../src/scenario/load.ts';
import { LIMITS, SCHEMA_VERSION, WEATHER_KINDS } from '../../src/scenario/schema.ts';
import { readPresets } from './presetFiles.ts';

/** The scenario of a result that must be valid; fails the test with the problems otherwise. */
function valid(result: LoadResult) {
  if (!result.ok)
    throw new Error(
      `expected a valid scenario, got:\n${result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`,
    );
  return result.scenario;
}

/** The problems of a result that must be invalid. */
function problems(result: LoadResult) {
  if (result.ok) throw new Error('expected the scenario to be refused, but it validated');
  return result.problems;
}

describe('scenario schema defaults', () => {
  it('fills every section from a file that gives only the schema version', () => {
    const s = valid(validateScenario({ schemaVersion: 2 }));
    expect(s.kind).toBe('synthetic');
    expect(s.time).toEqual({ days: 1, serviceStartHour: 7, serviceEndHour: 23 });
    expect(s.city.widthKm).toBe(12);
    expect(s.city.detourFactor).toBe(1.3);
    expect(s.demand.ordersPerDay).toBeNull();
    expect(s.demand.ordersPerCourierDay).toBe(28);
    expect(s.demand.hourlyProfile).toHaveLength(24);
    expect(s.rules.deadline.percentile).toBe(50);
    expect(s.rules.deadline).toMatchObject({
      basis: 'deliveryDuration',
      measureFrom: 'latestOfBoth',
      byHour: true,
      bandKm: 0.5,
      minSamples: 30,
      graceMin: 8,
      warmupDays: 1,
      warmupPercentile: 50,
      learning: { windowDays: 0, rate: 0.3 },
    });
    expect(s.rules.dispatch).toMatchObject({
      policy: 'rolling',
      batchSeconds: 30,
      maxBag: 10,
      bundleMax: null,
      commitHorizonMin: 5,
      onTheWayMin: 5,
    });
    expect(s.rules.pay).toMatchObject({ base: 7, freeKm: 3, perKm: 1, commissionRate: 0.1, holidayMultiplier: 1 });
    expect(s.rules.pay.weatherBonus).toMatchObject({ rain: 1, heavyRain: 2, heat37: 2 });
    expect(s.rules.pay.guarantee).toBeNull();
    expect(s.rules.penalties).toMatchObject({ lateFine: 3, severeLateMin: 10, severeLateFine: 5, complaintFine: 10 });
    expect(s.standards).toMatchObject({
      minHourlyWage: 21,
      minMonthlyWage: 2100,
      standardDailyHours: 8,
      maxDailyOvertime: 3,
      fullTimeMinHours: 6,
    });
    expect(s.risk).toMatchObject({ referenceSpeedKmh: 15, speedExponent: 2, redLightOddsRatio: 1.75 });
    expect(s.weather).toEqual([]);
    expect(s.holidays).toEqual([]);
    expect(s.replications).toBe(5);
    expect(s.seed).toBe(1);
  });

  it('compares the strictest algorithm (p10) with algorithm-median (p50) by default', () => {
    const s = valid(validateScenario({ schemaVersion: 2 }));
    expect(s.arms.map((a) => [a.id, a.rules?.deadline?.percentile])).toEqual([
      ['strictest', 10],
      ['median', 50],
    ]);
  });

  it('fills the defaults inside a section that is given in part', () => {
    const s = valid(validateScenario({ schemaVersion: 2, rules: { pay: { base: 7.5 } } }));
    expect(s.rules.pay.base).toBe(7.5);
    expect(s.rules.pay.perKm).toBe(1);
    expect(s.rules.deadline.percentile).toBe(50);
  });
});

describe('scenario schema bounds', () => {
  const cases: [string, unknown, string, string][] = [
    ['couriers', { population: { couriers: LIMITS.couriers + 1 } }, 'population.couriers', '200000'],
    ['orders per day', { demand: { ordersPerDay: LIMITS.ordersPerDay + 1 } }, 'demand.ordersPerDay', '5000000'],
    [
      'ordersPerCourierDay × couriers',
      { population: { couriers: 200_000 }, demand: { ordersPerCourierDay: 26 } },
      'demand.ordersPerCourierDay',
      '5000000',
    ],
    ['days', { time: { days: LIMITS.days + 1 } }, 'time.days', '120'],
    ['replications', { replications: LIMITS.replications + 1 }, 'replications', '1000'],
  ];

  it.each(cases)('refuses too many %s with a message naming the field and the bound', (_what, over, path, bound) => {
    const found = problems(validateScenario({ schemaVersion: 2, ...(over as object) }));
    const problem = found.find((p) => p.path === path);
    expect(problem, `no problem at ${path}: ${JSON.stringify(found)}`).toBeDefined();
    expect(problem?.message).toContain(bound);
  });

  it('accepts every bound itself', () => {
    const s = valid(
      validateScenario({
        schemaVersion: 2,
        population: { couriers: LIMITS.couriers },
        demand: { ordersPerCourierDay: LIMITS.ordersPerDay / LIMITS.couriers },
        time: { days: LIMITS.days },
        replications: LIMITS.replications,
      }),
    );
    expect(s.population.couriers).toBe(200_000);
    expect(valid(validateScenario({ schemaVersion: 2, demand: { ordersPerDay: LIMITS.ordersPerDay } }))).toBeTruthy();
  });

  it('refuses a legal day longer than 24 hours, though each of its parts is within a day', () => {
    const found = problems(
      validateScenario({ schemaVersion: 2, standards: { standardDailyHours: 20, maxDailyOvertime: 10 } }),
    );
    expect(found).toEqual([
      { path: 'standards.maxDailyOvertime', message: expect.stringContaining('more than 24 hours') },
    ]);
    expect(
      valid(validateScenario({ schemaVersion: 2, standards: { standardDailyHours: 21, maxDailyOvertime: 3 } })),
    ).toBeTruthy();
  });

  it('refuses a day-0 promise level without a warm-up to scale, for the scenario and for an arm that sets one', () => {
    const none = problems(
      validateScenario({ schemaVersion: 2, rules: { deadline: { warmupDays: 0, learning: { startMinutes: 60 } } } }),
    );
    expect(none).toEqual([
      { path: 'rules.deadline.learning.startMinutes', message: expect.stringContaining('warmupDays') },
    ]);
    const arm = problems(
      validateScenario({
        schemaVersion: 2,
        arms: [{ id: 'a', label: 'A', rules: { deadline: { basis: 'ridingPace', learning: { startMinutes: 60 } } } }],
      }),
    );
    expect(arm).toEqual([
      { path: 'arms[0].rules.deadline.learning.startMinutes', message: expect.stringContaining('deliveryDuration') },
    ]);
    expect(
      valid(validateScenario({ schemaVersion: 2, rules: { deadline: { learning: { startMinutes: 60 } } } })),
    ).toBeTruthy();
  });

  it('refuses a synthetic day without orders, naming the field that gives it', () => {
    const derived = problems(
      validateScenario({ schemaVersion: 2, population: { couriers: 40 }, demand: { ordersPerCourierDay: 0.01 } }),
    );
    expect(derived).toEqual([
      { path: 'demand.ordersPerCourierDay', message: expect.stringContaining('no orders a day') },
    ]);
    const explicit = problems(validateScenario({ schemaVersion: 2, demand: { ordersPerDay: 0 } }));
    expect(explicit).toEqual([{ path: 'demand.ordersPerDay', message: expect.stringContaining('at least 1 order') }]);
    expect(
      valid(
        validateScenario({ schemaVersion: 2, population: { couriers: 40 }, demand: { ordersPerCourierDay: 0.02 } }),
      ),
    ).toBeTruthy();
  });
});

describe('scenario schema versions and unknown keys', () => {
  it('asks to update Fairpace for a file from a newer schema version', () => {
    expect(problems(validateScenario({ schemaVersion: SCHEMA_VERSION + 1 }))).toEqual([
      { path: 'schemaVersion', message: expect.stringContaining('update Fairpace') },
    ]);
  });

  it('refuses a file without a schema version', () => {
    expect(problems(validateScenario({})).map((p) => p.path)).toContain('schemaVersion');
  });

  it('reports JSON syntax errors as a problem of the file', () => {
    expect(problems(loadScenario('{ "schemaVersion": 1,'))).toEqual([
      { path: '(file)', message: expect.stringContaining('not valid JSON') },
    ]);
  });

  it.each([
    ['at the top level', { schemaVersion: 2, seeds: [1, 2] }, '(root)', 'seeds'],
    ['in a section', { schemaVersion: 2, rules: { pay: { bse: 6 } } }, 'rules.pay', 'bse'],
    [
      "in an arm's rules",
      { schemaVersion: 2, arms: [{ id: 'a', label: 'A', rules: { deadline: { percentil: 10 } } }] },
      'arms[0].rules.deadline',
      'percentil',
    ],
  ])('refuses an unknown key %s, naming the object and the key', (_where, value, path, key) => {
    const found = problems(validateScenario(value));
    expect(found).toContainEqual({ path, message: expect.stringContaining(`"${key}"`) });
  });
});

/** Every numeric leaf of a JSON value, with its path as zod reports it. */
function numericLeaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'number') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => numericLeaves(item, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => numericLeaves(item, [...path, key]));
  }
  return [];
}

/** A deep copy of a JSON value with the leaf at `path` replaced. */
function replaceAt(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = leaf;
  return copy;
}

describe('scenario schema properties', () => {
  const presets = readPresets().map(({ name, json }) => ({ name, json, leaves: numericLeaves(json) }));

  // No numeric field of the format accepts these: every bound is at least 0 and at most 2^31 - 1.
  const invalidNumber = fc.oneof(
    fc.double({ min: -1e15, max: -Number.MIN_VALUE, noNaN: true }),
    fc.double({ min: 1e10, max: 1e300, noNaN: true }),
    fc.constantFrom('NaN', 'Infinity', '', '12', true, false, [], {}),
    fc.string(),
  );

  it('refuses a preset with one numeric field made invalid, at that field’s path', () => {
    expect(presets.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...presets), fc.nat(), invalidNumber, (preset, pick, bad) => {
        const leaf = preset.leaves[pick % preset.leaves.length];
        if (leaf === undefined) return;
        const path = jsonPath(leaf);
        const result = validateScenario(replaceAt(preset.json, leaf, bad));
        expect(result.ok, `${preset.name} with ${path} = ${JSON.stringify(bad)} validated`).toBe(false);
        const paths = result.ok ? [] : result.problems.map((p) => p.path);
        const atLeaf = paths.some((p) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`));
        expect(atLeaf, `${preset.name}: ${path} = ${JSON.stringify(bad)} gave problems at ${paths.join(', ')}`).toBe(
          true,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('accepts random partial scenarios within the bounds', () => {
    fc.assert(
      fc.property(validPartialScenario(), (value) => {
        const s = valid(validateScenario(value));
        expect(valid(loadScenario(JSON.stringify(value)))).toEqual(s);
        if (value.population?.couriers !== undefined) expect(s.population.couriers).toBe(value.population.couriers);
        if (value.arms !== undefined) expect(s.arms.map((a) => a.id)).toEqual(value.arms.map((a) => a.id));
        expect(s.rules.deadline.percentile).toBe(value.rules?.deadline?.percentile ?? 50);
      }),
      { numRuns: 100 },
    );
  });
});

const real = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const whole = (min: number, max: number) => fc.integer({ min, max });
const share = () => real(0, 1);
/** A record whose every key may be left out. */
const some = <T>(shape: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.record(shape, { requiredKeys: [] });

/**
 * Scenarios a person might write: a few sections given in part, values inside the bounds. The pairs the schema
 * cross-checks (service hours, preparation and distance quantiles, break and shift lengths, holidays inside the run)
 * are drawn on either side of the default so that any mix with the defaults stays consistent.
 */
function validPartialScenario() {
  return whole(1, 3).chain((days) =>
    fc.record(
      {
        schemaVersion: fc.constant(1 as const),
        meta: some({ name: fc.string({ minLength: 1, maxLength: 40 }), description: fc.string({ maxLength: 80 }) }),
        time: fc.record(
          { days: fc.constant(days), serviceStartHour: whole(0, 12), serviceEndHour: whole(13, 24) },
          { requiredKeys: ['days'] },
        ),
        city: some({
          widthKm: real(1, 200),
          heightKm: real(1, 200),
          detourFactor: real(1, 3),
          signalsPerKm: real(0, 20),
          restaurants: whole(1, 1000),
          customerDistanceMedianKm: real(0.1, 2.2),
          customerDistanceP90Km: real(2.3, 20),
          hotspots: fc.array(
            fc.record({ xKm: real(0, 200), yKm: real(0, 200), weight: real(0.001, 100), spreadKm: real(0.01, 100) }),
            { minLength: 1, maxLength: 5 },
          ),
        }),
        demand: some({
          ordersPerDay: fc.option(whole(1, 2000), { nil: null }),
          ordersPerCourierDay: real(1, 60),
          prepMedianMin: real(1, 15),
          prepP90Min: real(16, 60),
          cancelAfterMin: real(1, 1440),
        }),
        weather: fc.array(fc.constantFrom(...WEATHER_KINDS), { maxLength: days }),
        holidays: fc.uniqueArray(whole(0, days - 1), { maxLength: days }),
        population: some({
          couriers: whole(1, 50),
          crowdShare: share(),
          newShare: share(),
          multiPlatformShare: share(),
          incomeTargetMedianCny: real(0, 1000),
          maxHoursMin: real(0.5, 8),
          maxHoursMax: real(8, 24),
          expensePerDay: real(0, 100),
        }),
        behaviour: some({
          declineProb: share(),
          breakAfterHours: real(0.5, 24),
          breakMinMinutes: real(1, 20),
          breakMaxMinutes: real(40, 480),
          redRunPressure: share(),
        }),
        rules: some({
          dispatch: some({
            policy: fc.constantFrom('rolling' as const, 'greedy' as const, 'nearest' as const, 'fairShare' as const),
            batchSeconds: whole(5, 600),
            maxBag: whole(1, 10),
          }),
          deadline: some({
            percentile: real(0, 100),
            graceMin: real(0, 240),
            windowMin: real(0, 240),
            protectionMin: fc.array(fc.record({ upToKm: real(0, 1000), minutes: real(0, 600) }), { maxLength: 4 }),
            learning: some({ windowDays: whole(0, 60) }),
          }),
          assessment: some({ windowDays: whole(1, 120), rankByOnTime: fc.boolean() }),
          pay: some({
            base: real(0, 1000),
            perKm: real(0, 100),
            commissionRate: share(),
            holidayMultiplier: real(0, 10),
            dailyTiers: fc.array(fc.record({ orders: whole(1, 10_000), bonus: real(0, 100_000) }), { maxLength: 3 }),
            guarantee: fc.option(
              fc.record({ perHour: real(0, 1000), basis: fc.constantFrom('online' as const, 'engaged' as const) }),
              { nil: null },
            ),
          }),
          penalties: some({ lateFine: real(0, 1000), perMinuteLate: real(0, 100) }),
          heat: some({
            suspendOnHeat40: fc.boolean(),
            maxOnlineHoursHeat37: fc.option(real(0, 24), { nil: null }),
          }),
        }),
        standards: some({ minHourlyWage: real(0, 1000), minMonthlyWage: real(0, 100_000) }),
        risk: some({ speedExponent: real(0, 10), fatiguePerHour: real(0, 10) }),
        arms: fc.uniqueArray(
          fc.record({
            id: fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
            label: fc.string({ minLength: 1, maxLength: 40 }),
            rules: some({ deadline: some({ percentile: real(0, 100) }), pay: some({ commissionRate: share() }) }),
          }),
          { minLength: 1, maxLength: 4, selector: (arm) => arm.id },
        ),
        replications: whole(1, 20),
        seed: whole(0, 2 ** 31 - 1),
      },
      { requiredKeys: ['schemaVersion', 'time'] },
    ),
  );
}

describe('scenario migrations', () => {
  it('loads a version-1 file through the migration and says what changed for it', () => {
    const loaded = validateScenario({ schemaVersion: 1, population: { couriers: 7 }, rules: { pay: { base: 6 } } });
    const s = valid(loaded);
    expect(s.schemaVersion).toBe(SCHEMA_VERSION);
    expect(s.population.couriers).toBe(7);
    // A value the file sets stays; a default that moved under a value the file left out is named.
    expect(s.rules.pay.base).toBe(6);
    if (!loaded.ok) return;
    expect(loaded.notes.some((n) => n.includes('rules.deadline.basis'))).toBe(true);
    expect(loaded.notes).toContain(
      'schema 1 → 2: demand.ordersPerCourierDay is left to the default, which changed from 16 to 28',
    );
    expect(loaded.notes.some((n) => n.includes('rules.pay.base'))).toBe(false);
  });

  it('gives no notes for a current file, and refuses a newer one with the version to install', () => {
    const current = validateScenario({ schemaVersion: SCHEMA_VERSION });
    expect(current.ok && current.notes).toEqual([]);
    const newer = validateScenario({ schemaVersion: SCHEMA_VERSION + 1 });
    expect(newer.ok).toBe(false);
  });

  it('keeps the problems of a migrated file located at their JSON paths', () => {
    const loaded = validateScenario({ schemaVersion: 1, population: { couriers: 0 } });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems.map((p) => p.path)).toContain('population.couriers');
  });
});
