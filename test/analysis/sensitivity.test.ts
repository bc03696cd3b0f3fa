// One-at-a-time sensitivity: ranking, exact zero for an ignored parameter, sign flips and input checks.
import { describe, expect, it } from 'vitest';
import { planSensitivity, sensitivity, SENSITIVITY_METRICS } from '../../src/analysis/index.ts';
import { Scenario } from '../../src/scenario/schema.ts';

const SMALL = Scenario.parse({
  schemaVersion: 2,
  population: { couriers: 12 },
  demand: { ordersPerCourierDay: 16 },
  replications: 3,
});

describe('sensitivity', () => {
  it('ranks a parameter no metric reads last, with exactly zero effect', async () => {
    const result = await sensitivity(SMALL, {
      params: ['compliance.heat37MaxHours', 'rules.pay.commissionRate', 'population.comfortSpeedKmh.mean'],
      seed: 3,
    });
    expect(result.arms).toEqual(['strictest', 'median']);
    expect(result.params).toHaveLength(3);
    const last = result.params.at(-1);
    expect(last?.path).toBe('compliance.heat37MaxHours');
    expect(last?.score).toBe(0);
    for (const m of SENSITIVITY_METRICS) {
      expect(last?.effects[m]?.swing).toBe(0);
      expect(last?.effects[m]?.low).toEqual(result.base[m]);
    }
    expect(last?.flips).toEqual([]);
    expect(result.params[0]?.score).toBeGreaterThan(0);
    // Ranked by score, descending.
    const scores = result.params.map((p) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // The ranges: ×0.5 to ×2 for the commission, ±20% for a path not in the assumption list.
    const commission = result.params.find((p) => p.path === 'rules.pay.commissionRate');
    expect([commission?.low, commission?.high]).toEqual([0.05, 0.2]);
    const heat = result.params.find((p) => p.path === 'compliance.heat37MaxHours');
    expect([heat?.low, heat?.high]).toEqual([4.8, 7.2]);
  });

  it('flags a range that flips the sign of a difference whose interval excludes zero', async () => {
    // The margin difference between arms depends on the revenue per order only through delivered orders; a range that
    // takes the revenue per order to zero makes the margin pay only (negative) in both arms, and the sign can flip.
    const result = await sensitivity(SMALL, {
      params: [{ path: 'rules.platform.deliveryRevenuePerOrder', low: 0, high: 30 }],
      seed: 3,
    });
    const p = result.params[0];
    const base = result.base['platform.margin'];
    const low = p?.effects['platform.margin']?.low;
    const excludesZero = (base?.ci95[0] ?? 0) > 0 || (base?.ci95[1] ?? 0) < 0;
    const flipped = (low?.mean ?? 0) * (base?.mean ?? 0) < 0;
    expect(p?.flips.some((f) => f.metric === 'platform.margin')).toBe(excludesZero && flipped);
  });

  it('is deterministic and defaults to the assumption list, skipping none on a default scenario', () => {
    const plan = planSensitivity(SMALL);
    expect(plan.params.length).toBeGreaterThanOrEqual(10);
    expect(plan.skipped).toEqual([]);
  });

  it('refuses unknown parameters and a one-arm scenario', () => {
    expect(() => planSensitivity(SMALL, { params: ['city.nope'] })).toThrow(/city.nope/);
    const one = Scenario.parse({ schemaVersion: 2, arms: [{ id: 'a', label: 'a', rules: {} }] });
    expect(() => planSensitivity(one)).toThrow(/two arms/);
  });
});
