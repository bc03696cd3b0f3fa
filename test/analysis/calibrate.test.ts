// Targets files, the model held against them, and the fit: statuses worked out by hand on a tiny scenario.
import { describe, expect, it } from 'vitest';
import {
  calibrate,
  calibrationLoss,
  DEFAULT_TARGETS,
  evaluateTargets,
  fitScenario,
  loadTargets,
  statusOf,
  TargetsProblemError,
  type TargetsFile,
} from '../../src/analysis/index.ts';
import { Scenario } from '../../src/scenario/schema.ts';
import type { RunResult } from '../../src/sim/results.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { fakeMetrics } from '../cli/fixtures.ts';

const source = { title: 'A hand-made figure', year: 2024 };

function targetsFile(targets: object[]): TargetsFile {
  const loaded = loadTargets(JSON.stringify({ schemaVersion: 1, name: 'hand', targets }));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.targets;
}

/** Runs whose metric `earnings.feePerOrder` takes the given values, one per replication. */
function runsWithFee(fees: number[]): RunResult[] {
  return fees.map((fee, i) => {
    const metrics = fakeMetrics(0);
    metrics.earnings.feePerOrder = fee;
    return { armId: 'a', seed: i + 1, metrics } as RunResult;
  });
}

describe('targets files', () => {
  it('accepts the default file, and every one of its metrics is a metric of the model', () => {
    expect(DEFAULT_TARGETS.targets.length).toBeGreaterThanOrEqual(8);
    expect(new Set(DEFAULT_TARGETS.targets.map((t) => t.arm))).toEqual(new Set(['strictest', 'median']));
  });

  it('locates each problem: not JSON, an unknown metric path, lo above hi, both range and value, a repeated id', () => {
    const notJson = loadTargets('{"schemaVersion": 1,');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.problems[0]?.path).toBe('(file)');
    const bad = loadTargets(
      JSON.stringify({
        schemaVersion: 1,
        name: 'bad',
        targets: [
          { id: 'a', metric: 'earnings.nope', arm: 'median', range: [1, 2], source, strength: 'high' },
          { id: 'b', metric: 'earnings.feePerOrder', arm: 'median', range: [9, 5], source, strength: 'high' },
          { id: 'c', metric: 'earnings.feePerOrder', arm: 'median', range: [5, 9], value: 7, source, strength: 'high' },
          { id: 'c', metric: 'earnings.feePerOrder', arm: 'median', value: 7, source, strength: 'strong' },
        ],
      }),
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const lines = bad.problems.map((p) => `${p.path}: ${p.message}`);
    expect(lines).toContain('targets[0].metric: "earnings.nope" is not a metric path of MODEL.md section 10');
    expect(lines).toContain('targets[1].range: lo 9 is above hi 5');
    expect(lines).toContain('targets[2].range: give either range [lo, hi] or value, not both');
    expect(lines.some((l) => l.startsWith('targets[3].strength:'))).toBe(true);
    expect(lines).toContain('targets[3].id: id "c" appears twice');
  });

  it('refuses a target whose arm the scenario lacks, before running anything', async () => {
    const file = targetsFile([
      { id: 'x', metric: 'earnings.feePerOrder', arm: 'practice2022', range: [5, 8], source, strength: 'medium' },
    ]);
    const s = Scenario.parse({ schemaVersion: 2, population: { couriers: 3 } });
    let ran = 0;
    await expect(
      calibrate(s, file, {}, async () => {
        ran++;
        return [];
      }),
    ).rejects.toThrow(TargetsProblemError);
    expect(ran).toBe(0);
  });
});

describe('holding the model against targets', () => {
  it('judges a range by the mean and a single value by the interval, with the distance when outside', () => {
    const range = targetsFile([
      { id: 'r', metric: 'earnings.feePerOrder', arm: 'a', range: [6, 8], source, strength: 'medium' },
    ]).targets[0]!;
    expect(statusOf(range, 7, [6.5, 7.5])).toEqual({ status: 'within', by: 0 });
    expect(statusOf(range, 5.5, [5, 6.5])).toEqual({ status: 'below', by: 0.5 });
    expect(statusOf(range, 8.25, [8, 8.5])).toEqual({ status: 'above', by: 0.25 });
    const value = targetsFile([
      { id: 'v', metric: 'earnings.feePerOrder', arm: 'a', value: 7, source, strength: 'medium' },
    ]).targets[0]!;
    expect(statusOf(value, 6.8, [6.5, 7.1]).status).toBe('within');
    expect(statusOf(value, 6.5, [6.2, 6.8])).toEqual({ status: 'below', by: 0.5 });
  });

  it('takes the mean and t interval over the arm’s replications', () => {
    const file = targetsFile([
      { id: 'fee', metric: 'earnings.feePerOrder', arm: 'a', range: [7, 8], source, strength: 'medium' },
    ]);
    const report = evaluateTargets(file, { a: runsWithFee([6, 7, 8]) });
    const row = report.rows[0]!;
    expect(row.model.mean).toBe(7);
    // t(2) = 4.302653 × s (1) / √3.
    expect(row.model.ci95[1] - 7).toBeCloseTo(4.302653 / Math.sqrt(3), 6);
    expect(row.status).toBe('within');
    expect(report.summary).toEqual({ within: 1, below: 0, above: 0 });
    const below = evaluateTargets(
      targetsFile([{ id: 'fee', metric: 'earnings.feePerOrder', arm: 'a', range: [8, 9], source, strength: 'weak' }]),
      { a: runsWithFee([6, 7, 8]) },
    );
    expect(below.rows[0]).toMatchObject({ status: 'below', by: 1 });
    // The loss is the distance in units of the range's width, squared.
    expect(calibrationLoss(below)).toBe(1);
  });

  it('on a tiny scenario, within when the range holds the model, below and above otherwise', async () => {
    const s = Scenario.parse({ schemaVersion: 2, population: { couriers: 6 }, replications: 2 });
    const runs = [1, 2].map((seed) => simulate(s, 'median', seed));
    const mean = (runs[0]!.metrics.earnings.feePerOrder + runs[1]!.metrics.earnings.feePerOrder) / 2;
    const file = targetsFile([
      {
        id: 'in',
        metric: 'earnings.feePerOrder',
        arm: 'median',
        range: [mean - 1, mean + 1],
        source,
        strength: 'high',
      },
      {
        id: 'lo',
        metric: 'earnings.feePerOrder',
        arm: 'median',
        range: [mean + 1, mean + 2],
        source,
        strength: 'high',
      },
      {
        id: 'hi',
        metric: 'earnings.feePerOrder',
        arm: 'median',
        range: [mean - 2, mean - 1],
        source,
        strength: 'high',
      },
    ]);
    const result = await calibrate(s, file);
    expect(result.arms).toEqual(['median']);
    expect(result.seeds).toEqual([1, 2]);
    expect(result.rows.map((r) => r.status)).toEqual(['within', 'below', 'above']);
    expect(result.rows[0]?.model.mean).toBeCloseTo(mean, 12);
    expect(result.rows[1]?.by).toBeCloseTo(1, 12);
  });
});

describe('fitting', () => {
  it('moves a parameter toward the value at which a target it controls comes inside its range', async () => {
    // The fee per order is base pay plus supplements: a target of 9–9.5 CNY needs a higher base than the default.
    const s = Scenario.parse({ schemaVersion: 2, population: { couriers: 6 }, replications: 1 });
    const file = targetsFile([
      { id: 'fee', metric: 'earnings.feePerOrder', arm: 'median', range: [9, 9.5], source, strength: 'high' },
    ]);
    const before = await calibrate(s, file);
    expect(before.rows[0]?.status).toBe('below');
    const fit = await fitScenario(s, file, { params: [{ path: 'rules.pay.base', lo: 5, hi: 12 }], maxEvaluations: 25 });
    expect(fit.parameters['rules.pay.base']).toBeGreaterThan(s.rules.pay.base);
    expect(fit.loss).toBeLessThan(fit.startLoss);
    expect(fit.report.rows[0]?.status).toBe('within');
    expect(fit.scenario.rules.pay.base).toBe(fit.parameters['rules.pay.base']);
    expect(fit.scenario.meta.calibration).toMatchObject({
      targetsName: 'hand',
      loss: fit.loss,
      evaluations: fit.evaluations,
    });
  });

  it('refuses a path that is not a numeric parameter, and bounds the scenario cannot take', async () => {
    const s = Scenario.parse({ schemaVersion: 2, population: { couriers: 3 } });
    const file = DEFAULT_TARGETS;
    await expect(fitScenario(s, file, { params: [{ path: 'rules.nope', lo: 1, hi: 2 }] })).rejects.toThrow(
      /rules\.nope: no such parameter/,
    );
    await expect(fitScenario(s, file, { params: [{ path: 'meta.name', lo: 1, hi: 2 }] })).rejects.toThrow(
      /meta\.name: not a numeric parameter/,
    );
    await expect(
      fitScenario(s, file, { params: [{ path: 'rules.pay.commissionRate', lo: 0, hi: 3 }] }),
    ).rejects.toThrow(/commissionRate/);
  });
});
