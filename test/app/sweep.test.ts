import { beforeAll, describe, expect, it } from 'vitest';
import {
  planSweep,
  runInProcess,
  summariseSweep,
  sweepToPrecision,
  type SweepOptions,
  type SweepPlan,
  type SweepResult,
} from '../../src/analysis/index.ts';
import { paddedDomain, sweepChart } from '../../src/app/charts/sweepChart.ts';
import { tradeoffChart, tradeoffPoints } from '../../src/app/charts/tradeoffChart.ts';
import { DEFAULT_RANGE, defaultRange, SWEEP_PARAMS } from '../../src/app/sweepRange.ts';
import { sweepArmIntervals, sweepDifferences, type SweepPoint } from '../../src/app/sweepSeries.ts';
import { APP_SWEEP_PRECISION, sweepJob, type SweepOutcome } from '../../src/app/jobs/sweepJobPlan.ts';
import type { RunResult } from '../../src/sim/results.ts';
import { dataOf, marksOf, preset } from './fixtures.ts';

const PATHS = ['safety.relativeCrashRisk', 'platform.margin', 'earnings.shareBelowMinWage'];
const options: SweepOptions = { param: 'rules.pay.base', values: [5, 8], replications: 2 };
let plan: SweepPlan;
let results: RunResult[];
let sweep: SweepResult;

beforeAll(async () => {
  const scenario = preset('demo-small');
  plan = planSweep(scenario, options);
  results = await runInProcess(plan.tasks);
  sweep = summariseSweep(scenario, options, plan, results);
});

describe('sweepArmIntervals', () => {
  it('gives every arm at every point a mean equal to the sweep summary’s, inside its 95% interval', () => {
    const intervals = sweepArmIntervals(plan, results, PATHS);
    expect(intervals).toHaveLength(options.values.length * sweep.points[0]!.arms.length * PATHS.length);
    for (const p of intervals) {
      const arm = sweep.points.find((q) => q.value === p.value)?.arms.find((a) => a.id === p.armId);
      const [section, name] = p.path.split('.') as [string, string];
      const summary = (arm?.metrics as unknown as Record<string, Record<string, number>>)[section]?.[name];
      expect(p.mean).toBeCloseTo(summary ?? Number.NaN, 9);
      expect(p.lo).toBeLessThanOrEqual(p.mean);
      expect(p.hi).toBeGreaterThanOrEqual(p.mean);
    }
  });
});

describe('sweepChart', () => {
  it('draws, per metric, the arms with 95% bands and the paired difference with its interval', () => {
    const intervals = sweepArmIntervals(plan, results, PATHS);
    const differences = sweepDifferences(sweep, ['platform.margin']);
    expect(differences.map((d) => d.value)).toEqual(options.values);
    const arms = sweep.points[0]!.arms.map((a) => ({ id: a.id, name: a.id }));
    const figure = sweepChart(
      { arms, points: intervals, differences },
      [{ path: 'platform.margin', name: 'margin', unit: 'CNY/day', scale: 1 }],
      { title: 'T', caption: 'C', x: 'base (CNY)', difference: 'B − A' },
    );
    expect(figure.layout).toBe('grid2');
    expect(figure.panels).toHaveLength(2);
    const [armPanel, diffPanel] = figure.panels;
    expect(marksOf(armPanel!).filter((m) => m.kind === 'area')).toHaveLength(arms.length);
    const band = dataOf<{ value: number; lo: number; hi: number }>(diffPanel!, 'area');
    expect(band).toEqual(differences.map((d) => ({ value: d.value, mean: d.mean, lo: d.lo, hi: d.hi })));
    expect((armPanel!.x as { label: string }).label).toBe('base (CNY)');
  });

  it('draws no difference panels with a single arm', () => {
    const points: SweepPoint[] = [{ value: 1, armId: 'a', path: 'x', mean: 1, lo: 0, hi: 2 }];
    const figure = sweepChart(
      { arms: [{ id: 'a', name: 'A' }], points, differences: [] },
      [{ path: 'x', name: 'x', unit: '', scale: 1 }],
      { title: '', caption: '', x: '', difference: '' },
    );
    expect(figure.layout).toBe('column');
    expect(figure.panels).toHaveLength(1);
  });

  it('gives a flat series a y domain with height', () => {
    expect(paddedDomain([0, 0, 0])).toEqual([-1, 1]);
    expect(paddedDomain([100, 100])).toEqual([90, 110]);
    expect(paddedDomain([1, 2])).toBeUndefined();
    expect(paddedDomain([Number.NaN])).toBeUndefined();
  });
});

describe('tradeoffChart', () => {
  it('puts each arm’s margin against its crash risk at every sweep value, in display units', () => {
    const x = { path: 'platform.margin', name: 'margin', unit: 'CNY/day', scale: 1 };
    const y = { path: 'earnings.shareBelowMinWage', name: 'below', unit: '%', scale: 100 };
    const points = tradeoffPoints(sweep, {}, x, y);
    expect(points).toHaveLength(sweep.points.length * sweep.points[0]!.arms.length);
    const first = sweep.points[0]!.arms[0]!;
    expect(points[0]).toEqual({
      arm: first.id,
      value: options.values[0],
      x: first.metrics.platform.margin,
      y: first.metrics.earnings.shareBelowMinWage * 100,
    });
    const figure = tradeoffChart(sweep, {}, x, y, { title: 'T', caption: 'C' });
    expect(dataOf(figure.panels[0]!, 'dot')).toEqual(points);
    expect((figure.panels[0]!.y as { label: string }).label).toBe('below (%)');
  });
});

describe('defaultRange', () => {
  it('offers 10 → 90 by 10 for the deadline percentile', () => {
    expect(defaultRange('rules.deadline.percentile', 50)).toEqual(DEFAULT_RANGE);
  });

  it('offers half to one and a half times the current value, inside the field’s bounds', () => {
    expect(defaultRange('rules.pay.base', 6)).toEqual({ from: '3', to: '9', step: '1.5' });
    const share = defaultRange('rules.pay.commissionRate', 0.8);
    expect(Number(share.to)).toBeLessThanOrEqual(1);
    const integer = defaultRange('population.couriers', 40);
    expect(Number.isInteger(Number(integer.step))).toBe(true);
  });

  it('offers every numeric field but the seed and the replications', () => {
    const keys = SWEEP_PARAMS.map((p) => p.key);
    expect(keys).toContain('rules.deadline.percentile');
    expect(keys).toContain('standards.minHourlyWage');
    expect(keys).not.toContain('seed');
    expect(keys).not.toContain('replications');
  });
});

describe('sweepJob', () => {
  it('shows the sweep of 2 seeds first, sharpens round by round, and ends with `fairpace sweep --precision 0.2`', async () => {
    const scenario = { ...preset('demo-small'), replications: 5 };
    const request = { param: 'rules.pay.base', from: 5, to: 8, step: 3, arms: [] };
    const shown: SweepOutcome[] = [];
    const job = sweepJob(scenario, request, PATHS, runInProcess);
    const final = await job({
      signal: new AbortController().signal,
      progress: () => {},
      provisional: (o) => shown.push(o),
      current: () => true,
    });
    const options = { param: 'rules.pay.base', values: [5, 8] };
    const cli = await sweepToPrecision(scenario, options, { precision: APP_SWEEP_PRECISION }, runInProcess);
    expect(JSON.stringify(final.sweep)).toBe(JSON.stringify(cli.sweep));
    expect(final.provisional).toBeUndefined();
    expect(final).toMatchObject({ runs: cli.runs, fullRuns: 20 });
    // Each value's intervals are over its own seeds.
    expect(final.intervals).toEqual(sweepArmIntervals(cli.plan, cli.results, PATHS));
    expect(shown[0]?.provisional).toEqual({ replications: 2, of: 5 });
    expect(shown[0]?.sweep.replicationsByValue).toEqual([2, 2]);
    for (const o of shown) expect(o.provisional?.replications).toBeLessThan(5);
  });
});
