// The target finder: known answers, "not reachable", determinism and the non-monotone fallback.
import { describe, expect, it } from 'vitest';
import { findTarget, parseTarget, type Executor } from '../../src/analysis/index.ts';
import { getPath } from '../../src/scenario/paths.ts';
import { Scenario } from '../../src/scenario/schema.ts';
import type { RunResult } from '../../src/sim/results.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { fakeMetrics } from '../cli/fixtures.ts';

/** A small city: 12 couriers, one day, three replications, two arms. */
const SMALL = Scenario.parse({
  schemaVersion: 2,
  population: { couriers: 12 },
  demand: { ordersPerCourierDay: 16 },
  replications: 3,
});

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('findTarget', () => {
  it('recovers the revenue per order at which the mean margin reaches a given figure (margin is linear in it)', async () => {
    // margin = delivered orders × revenue per order − courier pay, and neither of the latter depends on the revenue.
    const runs = [1, 2, 3].map((seed) => simulate(SMALL, 'median', seed));
    const revenuePerOrder = SMALL.rules.platform.deliveryRevenuePerOrder;
    const delivered = mean(runs.map((r) => r.metrics.platform.deliveryRevenue / revenuePerOrder));
    const pay = mean(runs.map((r) => r.metrics.platform.courierPay));
    const goal = 100;
    const exact = (goal + pay) / delivered;
    const result = await findTarget(SMALL, {
      param: 'rules.platform.deliveryRevenuePerOrder',
      min: 0,
      max: 50,
      targets: [{ metric: 'platform.margin', op: '>=', threshold: goal }],
      confidence: 'mean',
      arm: 'median',
      seed: 1,
      maxSteps: 30,
      tolerance: 0.001,
    });
    expect(result.reached).toBe(true);
    expect(result.monotone).toBe(true);
    expect(result.method).toBe('bisection');
    expect(result.value).not.toBeNull();
    const value = result.value as number;
    // Within the tolerance, plus the rounding of revenue per order to whole fen (the margin moves in steps of one fen
    // per order, so the value found lies within half a fen of the unrounded answer).
    expect(Math.abs(value - exact)).toBeLessThanOrEqual(0.006);
    expect(result.targets[0]?.achieved).toBeGreaterThanOrEqual(goal);
    // The platform's cost change is paired against the scenario's own revenue per order.
    expect(result.platformCost?.currentValue).toBe(revenuePerOrder);
    expect(result.platformCost?.change.courierPay.mean).toBeCloseTo(0, 9);
    const cost = result.platformCost;
    expect(cost?.change.margin.mean).toBeCloseTo((cost?.at.margin.mean ?? 0) - (cost?.current.margin.mean ?? 0), 6);
    // Revenue per order is counted in whole fen, so the change is linear in the rounded revenue per order.
    const rounded = Math.round(value * 100) / 100;
    expect(cost?.change.margin.mean).toBeCloseTo(delivered * (rounded - revenuePerOrder), 6);
  });

  it('finds the smallest base pay that lifts mean hourly net to a wage, checked by direct runs either side', async () => {
    const options = {
      param: 'rules.pay.base',
      min: 0,
      max: 40,
      targets: [parseTarget('earnings.netPerOnlineHour.mean >= 21')],
      confidence: 'mean' as const,
      arm: 'median',
      seed: 1,
      tolerance: 0.05,
    };
    const result = await findTarget(SMALL, options);
    expect(result.reached).toBe(true);
    const [bad, good] = result.bracket as [number, number];
    expect(good).toBe(result.value);
    expect(good - bad).toBeLessThanOrEqual(0.05);
    const hourly = (base: number) => {
      const s = Scenario.parse({ ...SMALL, rules: { ...SMALL.rules, pay: { ...SMALL.rules.pay, base } } });
      return mean([1, 2, 3].map((seed) => simulate(s, 'median', seed).metrics.earnings.netPerOnlineHour.mean));
    };
    expect(hourly(good)).toBeGreaterThanOrEqual(21);
    expect(hourly(bad)).toBeLessThan(21);
  });

  it('says "no value in bounds meets the targets" when none does', async () => {
    const result = await findTarget(SMALL, {
      param: 'rules.pay.base',
      min: 0,
      max: 2,
      targets: [{ metric: 'earnings.netPerOnlineHour.mean', op: '>=', threshold: 200 }],
      arm: 'median',
      seed: 1,
    });
    expect(result.reached).toBe(false);
    expect(result.value).toBeNull();
    expect(result.message).toBe('no value in bounds meets the targets');
    expect(result.targets[0]?.achieved).toBeNull();
    expect(result.platformCost).toBeNull();
    expect(result.steps.every((s) => !s.feasible)).toBe(true);
  });

  it('is deterministic: the same options give the same result', async () => {
    const options = {
      param: 'rules.deadline.percentile',
      min: 10,
      max: 90,
      targets: [parseTarget('service.onTimeRate >= 0.8')],
      seed: 7,
      maxSteps: 8,
    };
    const a = await findTarget(SMALL, options);
    const b = await findTarget(SMALL, options);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('detects a predicate that is not monotone and falls back to a grid scan', async () => {
    // A fake engine (a metric without natural bounds, so no interval is cut): the metric is |percentile − 50|, so "≤ 10" holds only in the middle of [0, 100].
    const fake: Executor = async (tasks) =>
      tasks.map((t) => {
        const p = getPath(t.scenario, 'rules.deadline.percentile') as number;
        const metrics = fakeMetrics(0);
        metrics.safety.redLightRunsPerCourierDay = Math.abs(p - 50);
        return { metrics } as RunResult;
      });
    const result = await findTarget(
      SMALL,
      {
        param: 'rules.deadline.percentile',
        min: 0,
        max: 100,
        targets: [{ metric: 'safety.redLightRunsPerCourierDay', op: '<=', threshold: 10 }],
        maxSteps: 25,
      },
      fake,
    );
    expect(result.monotone).toBe(false);
    expect(result.method).toBe('grid');
    expect(result.monotoneEvidence).toContain('50 meets');
    expect(result.monotoneEvidence).toContain('25 fails');
    expect(result.steps).toHaveLength(25);
    // Grid cells of width 5 centred at 2.5, 7.5, ...: the smallest feasible one is 42.5.
    expect(result.value).toBe(42.5);
  });

  it('refuses unknown metric paths, bad expressions and bad bounds before running anything', async () => {
    const none: Executor = async () => {
      throw new Error('should not run');
    };
    expect(() => parseTarget('earnings.nope <= 1')).toThrow(/unknown metric path 'earnings.nope'/);
    expect(() => parseTarget('earnings.shareBelowMinWage = 1')).toThrow(/is not a target/);
    await expect(
      findTarget(
        SMALL,
        { param: 'rules.pay.base', min: 5, max: 1, targets: [parseTarget('service.onTimeRate >= 1')] },
        none,
      ),
    ).rejects.toThrow(/must be above min/);
    await expect(
      findTarget(
        SMALL,
        { param: 'rules.nope', min: 1, max: 5, targets: [parseTarget('service.onTimeRate >= 1')] },
        none,
      ),
    ).rejects.toThrow(/rules.nope/);
  });

  it('with a grid, evaluates evenly spaced values in one batch and brackets the answer between two of them', async () => {
    // A fake engine (a metric without natural bounds, so no interval is cut): the metric is the base pay itself, so ">= 13" first holds at the grid value 15.
    const batches: number[] = [];
    const fake: Executor = async (tasks) => {
      batches.push(tasks.length);
      return tasks.map((t) => {
        const metrics = fakeMetrics(0);
        metrics.safety.redLightRunsPerCourierDay = getPath(t.scenario, 'rules.pay.base') as number;
        return { metrics } as RunResult;
      });
    };
    const result = await findTarget(
      SMALL,
      {
        param: 'rules.pay.base',
        min: 0,
        max: 20,
        targets: [{ metric: 'safety.redLightRunsPerCourierDay', op: '>=', threshold: 13 }],
        grid: 5,
        arm: 'median',
        seed: 1,
      },
      fake,
    );
    // Five grid values and the scenario's own 6 (for the cost change), three seeds each, in one batch.
    expect(batches).toEqual([18]);
    expect(result.steps.map((s) => [s.value, s.phase, s.feasible])).toEqual([
      [0, 'grid', false],
      [5, 'grid', false],
      [10, 'grid', false],
      [15, 'grid', true],
      [20, 'grid', true],
    ]);
    expect(result).toMatchObject({ method: 'grid', monotone: true, value: 15, bracket: [10, 15], reached: true });
    expect(result.platformCost?.currentValue).toBe(SMALL.rules.pay.base);
    const below = {
      param: 'rules.pay.base',
      min: 0,
      max: 20,
      targets: [parseTarget('safety.redLightRunsPerCourierDay < 13')],
    };
    const largest = await findTarget(SMALL, { ...below, grid: 5, direction: 'largest' }, fake);
    expect(largest).toMatchObject({ value: 10, bracket: [15, 10] });
    await expect(findTarget(SMALL, { ...below, grid: 1 }, fake)).rejects.toThrow(/grid must be/);
  });
});
