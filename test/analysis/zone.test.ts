// The zone of agreement: cells agree with direct runs, limits and picks on a constructed case, bad input.
import { describe, expect, it } from 'vitest';
import { parseTarget, zoneOfAgreement, type Executor } from '../../src/analysis/index.ts';
import { getPath, withParam } from '../../src/scenario/paths.ts';
import { Scenario } from '../../src/scenario/schema.ts';
import type { RunResult } from '../../src/sim/results.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { fakeMetrics } from '../cli/fixtures.ts';

/** A small city: 12 couriers, one day, three replications, two arms. */
const SMALL = Scenario.parse({
  schemaVersion: 2,
  population: { couriers: 12 },
  demand: { ordersPerCourierDay: 16 },
  rules: { pay: { base: 6 } },
  replications: 3,
});

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('zoneOfAgreement', () => {
  it('gives, at every cell, exactly the metric means of direct runs at those values', async () => {
    const result = await zoneOfAgreement(SMALL, {
      x: { param: 'rules.deadline.percentile', values: [30, 50] },
      y: { param: 'rules.pay.base', values: [6, 12] },
      union: [parseTarget('earnings.shareBelowMinWage <= 0.5')],
      platform: [parseTarget('platform.margin >= 0')],
      arm: 'median',
      seed: 1,
      replications: 2,
    });
    expect(result.cells).toHaveLength(4);
    expect(result.seeds).toEqual([1, 2]);
    for (const cell of result.cells) {
      const s = withParam(withParam(SMALL, 'rules.deadline.percentile', cell.x), 'rules.pay.base', cell.y);
      const runs = [1, 2].map((seed) => simulate(s, 'median', seed));
      expect(cell.metrics['earnings.shareBelowMinWage']?.mean).toBe(
        mean(runs.map((r) => r.metrics.earnings.shareBelowMinWage)),
      );
      expect(cell.metrics['platform.margin']?.mean).toBe(mean(runs.map((r) => r.metrics.platform.margin)));
      expect(cell.metrics['platform.courierPay']?.mean).toBe(mean(runs.map((r) => r.metrics.platform.courierPay)));
    }
    // Row by row, y outer; the scenario's own values (median arm: p50, base 6) are the cell (50, 6).
    expect(result.cells.map((c) => [c.x, c.y])).toEqual([
      [30, 6],
      [50, 6],
      [30, 12],
      [50, 12],
    ]);
    expect(result.current).toEqual({ x: 50, y: 6, index: 1 });
    // Same result whatever the order the executor finishes in (it returns results in task order).
    const again = await zoneOfAgreement(SMALL, {
      x: { param: 'rules.deadline.percentile', values: [30, 50] },
      y: { param: 'rules.pay.base', values: [6, 12] },
      union: [parseTarget('earnings.shareBelowMinWage <= 0.5')],
      platform: [parseTarget('platform.margin >= 0')],
      arm: 'median',
      seed: 1,
      replications: 2,
    });
    expect(again).toEqual(result);
  });

  it('evaluates both sides’ limits and picks the cheapest cell for the platform and the best for the union', async () => {
    // Constructed metrics: share below minimum wage falls with base pay, margin falls with base pay and rises with
    // the percentile; replications differ by ±d so the interval is known.
    const fake: Executor = async (tasks) =>
      tasks.map((t) => {
        const base = getPath(t.scenario, 'rules.pay.base') as number;
        const p = getPath(t.scenario, 'rules.deadline.percentile') as number;
        const d = t.seed % 2 === 0 ? 0.001 : -0.001;
        const metrics = fakeMetrics(0);
        metrics.earnings.shareBelowMinWage = 0.5 - base / 40 + d;
        metrics.platform.margin = 1000 - 50 * base + p + d;
        return { metrics } as RunResult;
      });
    const options = {
      x: { param: 'rules.deadline.percentile', values: [10, 50, 90] },
      y: { param: 'rules.pay.base', values: [6, 12, 16] },
      // Union: share ≤ 0.205 (base 12 gives 0.2 by mean, 0.2 + 12.7 × 0.001 at the upper end; base 16 gives 0.1).
      union: [parseTarget('earnings.shareBelowMinWage <= 0.205')],
      // Platform: margin ≥ 420 (base 12: 400 + p, so p ≥ 20; base 16: 200 + p, never; base 6: always).
      platform: [parseTarget('platform.margin >= 420')],
      arm: 'median',
      seed: 1,
      replications: 2,
    };
    const byMean = await zoneOfAgreement(SMALL, { ...options, confidence: 'mean' }, fake);
    const at = (x: number, y: number) => byMean.cells.find((c) => c.x === x && c.y === y);
    expect(byMean.cells.filter((c) => c.unionHolds).map((c) => [c.x, c.y])).toEqual([
      [10, 12],
      [50, 12],
      [90, 12],
      [10, 16],
      [50, 16],
      [90, 16],
    ]);
    expect(byMean.cells.filter((c) => c.platformHolds).map((c) => [c.x, c.y])).toEqual([
      [10, 6],
      [50, 6],
      [90, 6],
      [50, 12],
      [90, 12],
    ]);
    expect(byMean.cells.filter((c) => c.agreed).map((c) => [c.x, c.y])).toEqual([
      [50, 12],
      [90, 12],
    ]);
    expect(byMean.agreedCells).toBe(2);
    expect(at(50, 12)?.union[0]).toMatchObject({ metric: 'earnings.shareBelowMinWage', op: '<=', met: true });
    expect(at(50, 12)?.union[0]?.mean).toBeCloseTo(0.2, 12);
    // Cheapest for the platform among union-acceptable cells: highest margin, i.e. base 12 at p90 (490).
    expect(byMean.cheapestForPlatform).toEqual({ x: 90, y: 12, index: 5 });
    // Best for the union among platform-acceptable cells: lowest share, i.e. base 12 (ties go to the first, p50).
    expect(byMean.bestForUnion).toEqual({ x: 50, y: 12, index: 4 });
    expect(byMean.current).toEqual({ x: 50, y: 6, index: 1 });

    // By the unfavourable interval end, base 12's share (upper end 0.2127) no longer meets ≤ 0.205.
    const byCi = await zoneOfAgreement(SMALL, options, fake);
    expect(byCi.confidence).toBe('ci');
    expect(byCi.cells.filter((c) => c.agreed)).toHaveLength(0);
    expect(byCi.cheapestForPlatform).toEqual({ x: 90, y: 16, index: 8 });
    expect(byCi.message).toMatch(/no cell/);

    // A higher-is-better union objective ranks by the maximum instead.
    const upward = await zoneOfAgreement(
      SMALL,
      { ...options, confidence: 'mean', unionObjective: { metric: 'platform.margin', better: 'higher' } },
      fake,
    );
    expect(upward.bestForUnion).toEqual({ x: 90, y: 6, index: 2 });
  });

  it('refuses bad axes, limits and arms before running anything', async () => {
    const none: Executor = async () => {
      throw new Error('should not run');
    };
    const ok = {
      x: { param: 'rules.deadline.percentile', values: [30, 50] },
      y: { param: 'rules.pay.base', values: [6, 12] },
      union: [parseTarget('earnings.shareBelowMinWage <= 0.5')],
      platform: [],
    };
    await expect(zoneOfAgreement(SMALL, { ...ok, y: ok.x }, none)).rejects.toThrow(/different parameters/);
    await expect(zoneOfAgreement(SMALL, { ...ok, x: { ...ok.x, values: [] } }, none)).rejects.toThrow(/at least one/);
    await expect(zoneOfAgreement(SMALL, { ...ok, x: { ...ok.x, values: [1, 1] } }, none)).rejects.toThrow(/twice/);
    await expect(zoneOfAgreement(SMALL, { ...ok, x: { param: 'rules.nope', values: [1] } }, none)).rejects.toThrow(
      /rules.nope/,
    );
    await expect(zoneOfAgreement(SMALL, { ...ok, union: [] }, none)).rejects.toThrow(/at least one limit/);
    await expect(zoneOfAgreement(SMALL, { ...ok, arm: 'nope' }, none)).rejects.toThrow(/nope/);
  });
});
