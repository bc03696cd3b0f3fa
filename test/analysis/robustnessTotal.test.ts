// `robustness --total-indices` on a small scenario: the radial design adds (k + 2) × N − N worlds after the N the
// verdicts rest on, so shares, verdicts, boxes and first-order indices are unchanged; it is the same twice and the
// same run in two halves (as two shards are); and an assumption that touches nothing but the platform's revenue has
// a total-effect index of exactly 0 on the couriers' differences (common random numbers: its twin worlds run the
// same days), while a cap refuses a design too large to run.
import { describe, expect, it } from 'vitest';
import { runBatchPlan } from '../../src/analysis/batchPlan.ts';
import { robustnessBatch, type RobustnessResult } from '../../src/analysis/robustness.ts';
import { MAX_TOTAL_EVALUATIONS } from '../../src/analysis/robustnessTotal.ts';
import { runInProcess } from '../../src/analysis/index.ts';
import { Scenario } from '../../src/scenario/schema.ts';

const SMALL = Scenario.parse({
  schemaVersion: 2,
  population: { couriers: 12 },
  demand: { ordersPerCourierDay: 16 },
  replications: 2,
});
const PARAMS = ['population.comfortSpeedKmh.mean', 'rules.platform.deliveryRevenuePerOrder'];
const N = 5;

/** The result without what --total-indices adds. */
function withoutTotals(r: RobustnessResult): RobustnessResult {
  const { totalIndices: _t, ...rest } = r;
  return { ...rest, metrics: r.metrics.map(({ totalEffect: _e, ...m }) => m) };
}

describe('robustnessBatch with totalIndices', () => {
  it('adds the radial design after the worlds, changes no verdict, and is the same whole or in halves', async () => {
    const plain = robustnessBatch(SMALL, { worlds: N, params: PARAMS });
    const plan = robustnessBatch(SMALL, { worlds: N, params: PARAMS, totalIndices: true });
    // Base (2 arms × 2 seeds), then (k + 2) × N worlds on 2 arms.
    expect(plan.tasks).toHaveLength(4 + (PARAMS.length + 2) * N * 2);
    expect(plan.tasks.slice(0, plain.tasks.length)).toEqual(plain.tasks);
    const r = await runBatchPlan(plan);
    expect(withoutTotals(r)).toEqual(await runBatchPlan(plain));
    expect(r.totalIndices).toMatchObject({ estimator: 'jansen', design: 'radial', evaluations: 20, runs: 44 });
    expect(r.totalIndices?.samplesB).toHaveLength(N);
    expect(r.totalIndices?.samplesB).not.toEqual(r.samples);
    // In two halves, as two shards run it, then summarised in task order.
    const half = Math.floor(plan.tasks.length / 2);
    const first = await runInProcess(plan.tasks.slice(0, half));
    const second = await runInProcess(plan.tasks.slice(half));
    expect(JSON.stringify(plan.summarise([...first, ...second]))).toBe(JSON.stringify(r));
    for (const m of r.metrics) {
      expect(m.totalEffect?.map((t) => t.param).sort()).toEqual([...PARAMS].sort());
      for (const t of m.totalEffect ?? []) expect(t.index).toBeGreaterThanOrEqual(0);
    }
    // Revenue per order moves the platform's margin and nothing the couriers live: exactly 0 on their differences.
    const revenueOn = (metric: string) =>
      r.metrics
        .find((m) => m.metric === metric)
        ?.totalEffect?.find((t) => t.param === 'rules.platform.deliveryRevenuePerOrder')?.index;
    expect(revenueOn('safety.relativeCrashRisk')).toBe(0);
    expect(revenueOn('earnings.shareBelowMinWage')).toBe(0);
    expect(revenueOn('platform.margin')).toBeGreaterThan(0);
  });

  it('refuses a design past the cap before any run', () => {
    // 6000 worlds over the default assumptions cost more than MAX_TOTAL_EVALUATIONS worlds.
    expect(MAX_TOTAL_EVALUATIONS).toBe(100_000);
    expect(() => robustnessBatch(SMALL, { worlds: 6000, totalIndices: true })).toThrow(
      /--total-indices costs \(k \+ 2\) × N = \(\d+ \+ 2\) × 6000 = \d+ worlds, more than 100000/,
    );
  });
});
