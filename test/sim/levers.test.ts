// The qualitative direction of each lever (MODEL.md sections 5–8) and the learning ratchet, over several seeds.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/load.ts';
import { Scenario, WEATHER_KINDS, type ScenarioInput } from '../../src/scenario/schema.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { metricLeaves } from '../../src/analysis/metricPaths.ts';

const SEEDS = [1, 2, 3, 4];

/** A small city (40 couriers, one day) where each arm is given by its rules. */
function small(arms: { id: string; rules: object }[], extra: Partial<ScenarioInput> = {}): Scenario {
  return Scenario.parse({
    schemaVersion: 2,
    population: { couriers: 40 },
    ...extra,
    arms: arms.map((a) => ({ ...a, label: a.id })),
  });
}

/** Mean of a metric over the seeds for one arm. */
function meanOver(s: Scenario, armId: string, pick: (r: ReturnType<typeof simulate>) => number): number {
  return SEEDS.reduce((sum, seed) => sum + pick(simulate(s, armId, seed)), 0) / SEEDS.length;
}

describe('levers', () => {
  it('a lower deadline percentile means more speeding km and a higher relative crash risk', () => {
    const s = small([
      { id: 'p10', rules: { deadline: { percentile: 10 } } },
      { id: 'p50', rules: { deadline: { percentile: 50 } } },
      { id: 'p90', rules: { deadline: { percentile: 90 } } },
    ]);
    const speeding = ['p10', 'p50', 'p90'].map((a) => meanOver(s, a, (r) => r.metrics.safety.speedingKmShare));
    const risk = ['p10', 'p50', 'p90'].map((a) => meanOver(s, a, (r) => r.metrics.safety.relativeCrashRisk));
    expect(speeding[0]).toBeGreaterThan(speeding[1]!);
    expect(speeding[1]).toBeGreaterThan(speeding[2]!);
    expect(risk[0]).toBeGreaterThan(risk[1]!);
    expect(risk[1]).toBeGreaterThan(risk[2]!);
  });

  // A minimum wage near this small city's earnings, so the share below it can move both ways.
  const wage = { standards: { minHourlyWage: 18 } };

  it('a higher piece rate lowers the share of courier-days below the minimum wage', () => {
    const s = small(
      [
        { id: 'low', rules: { pay: { base: 5 } } },
        { id: 'high', rules: { pay: { base: 8 } } },
      ],
      wage,
    );
    const low = meanOver(s, 'low', (r) => r.metrics.earnings.shareBelowMinWage);
    const high = meanOver(s, 'high', (r) => r.metrics.earnings.shareBelowMinWage);
    expect(low).toBeGreaterThan(0);
    expect(high).toBeLessThan(low);
  });

  it('a higher commission raises the share of courier-days below the minimum wage', () => {
    const s = small(
      [
        { id: 'c0', rules: { pay: { commissionRate: 0 } } },
        { id: 'c30', rules: { pay: { commissionRate: 0.3 } } },
      ],
      wage,
    );
    const c0 = meanOver(s, 'c0', (r) => r.metrics.earnings.shareBelowMinWage);
    const c30 = meanOver(s, 'c30', (r) => r.metrics.earnings.shareBelowMinWage);
    expect(c30).toBeGreaterThan(c0);
    expect(c0).toBeLessThan(1);
  });

  it('learning ratchets the strictest arm’s promise down day after day; the median arm’s settles', () => {
    const json = JSON.parse(readFileSync(new URL('../../scenarios/ratchet-30-days.json', import.meta.url), 'utf8'));
    const loaded = validateScenario(json);
    if (!loaded.ok) throw new Error('ratchet preset invalid');
    const s = loaded.scenario;
    const strict = simulate(s, 'strictest', 1).perDay.map((d) => d.promisedMinMean);
    const median = simulate(s, 'median', 1).perDay.map((d) => d.promisedMinMean);
    // The strictest promise falls on at least 5 of the first 10 days and ends at least 2 minutes below day 0 …
    const falls = strict.slice(1, 11).filter((m, i) => m < strict[i]!).length;
    expect(falls).toBeGreaterThanOrEqual(5);
    const fall = strict[0]! - strict.at(-1)!;
    expect(fall).toBeGreaterThanOrEqual(2);
    // … while the median's moves less than half as much, on any day.
    const medianMove = Math.max(...median.map((m) => Math.abs(m - median[0]!)));
    expect(medianMove).toBeLessThan(fall / 2);
  });
});

describe('a tighter promise', () => {
  it('never lowers speeding, red-light running or crash risk, other things equal', () => {
    const percentiles = [10, 30, 50, 70, 90];
    const s = small(percentiles.map((p) => ({ id: `p${p}`, rules: { deadline: { percentile: p } } })));
    const speeding = percentiles.map((p) => meanOver(s, `p${p}`, (r) => r.metrics.safety.speedingKmShare));
    const red = percentiles.map((p) => meanOver(s, `p${p}`, (r) => r.metrics.safety.redLightRunsPerCourierDay));
    const risk = percentiles.map((p) => meanOver(s, `p${p}`, (r) => r.metrics.safety.relativeCrashRisk));
    for (let i = 1; i < percentiles.length; i++) {
      expect(speeding[i - 1]).toBeGreaterThanOrEqual(speeding[i]!);
      expect(red[i - 1]).toBeGreaterThanOrEqual(red[i]!);
      expect(risk[i - 1]).toBeGreaterThanOrEqual(risk[i]!);
    }
  });
});

describe('any scenario the schema accepts', () => {
  it('runs without throwing and gives finite metrics', () => {
    const scenarioArb = fc.record({
      couriers: fc.integer({ min: 1, max: 12 }),
      days: fc.integer({ min: 1, max: 2 }),
      // At least one order a day: a synthetic day without orders is refused.
      perCourier: fc.double({ min: 1, max: 40, noNaN: true }),
      percentile: fc.double({ min: 0, max: 100, noNaN: true }),
      policy: fc.constantFrom('rolling', 'greedy', 'nearest', 'fairShare'),
      maxBag: fc.integer({ min: 1, max: 5 }),
      commission: fc.double({ min: 0, max: 1, noNaN: true }),
      base: fc.double({ min: 0, max: 50, noNaN: true }),
      guarantee: fc.option(
        fc.record({
          perHour: fc.double({ min: 0, max: 60, noNaN: true }),
          basis: fc.constantFrom('online', 'engaged'),
        }),
      ),
      learning: fc.integer({ min: 0, max: 3 }),
      rank: fc.boolean(),
      perMinuteLate: fc.double({ min: 0, max: 5, noNaN: true }),
      weather: fc.array(fc.constantFrom(...WEATHER_KINDS), { maxLength: 2 }),
      suspend: fc.boolean(),
      newShare: fc.double({ min: 0, max: 1, noNaN: true }),
      speedSd: fc.double({ min: 0, max: 10, noNaN: true }),
    });
    fc.assert(
      fc.property(scenarioArb, (a) => {
        const parsed = Scenario.safeParse({
          schemaVersion: 2,
          time: { days: a.days },
          demand: { ordersPerCourierDay: a.perCourier },
          weather: a.weather,
          population: { couriers: a.couriers, newShare: a.newShare, comfortSpeedKmh: { sd: a.speedSd } },
          rules: {
            dispatch: { policy: a.policy, maxBag: a.maxBag },
            deadline: { percentile: a.percentile, learning: { windowDays: a.learning } },
            assessment: { rankByOnTime: a.rank },
            pay: { commissionRate: a.commission, base: a.base, guarantee: a.guarantee },
            penalties: { perMinuteLate: a.perMinuteLate },
            heat: { suspendOnHeat40: a.suspend },
          },
        });
        expect(parsed.success).toBe(true);
        if (!parsed.success) return;
        for (const arm of parsed.data.arms) {
          const r = simulate(parsed.data, arm.id, 11);
          for (const [path, v] of metricLeaves(r.metrics)) expect(Number.isFinite(v), path).toBe(true);
          for (const d of r.perDay) for (const v of Object.values(d)) expect(Number.isFinite(v)).toBe(true);
        }
      }),
      { numRuns: 40, seed: 20261123 },
    );
  });
});
