// The library's precision options: each function with `precision` (zone: `sequential`) gives what the CLI prints with
// `--precision` (`--sequential`), with the arms' intervals where the plain function has them, and refuses a
// precision out of range or beside a target grid before any run.
import { describe, expect, it } from 'vitest';
import {
  compareToPrecision,
  findTargetSequential,
  runInProcess,
  sensitivityToPrecision,
  sweepToPrecision,
  zoneSequential,
} from '../../src/analysis/index.ts';
import { compare, loadScenario, OptionsError, sensitivity, sweep, target, zone } from '../../src/lib/index.ts';
import { readFileSync } from 'node:fs';
import { TINY_SCENARIO } from '../cli/fixtures.ts';

const tiny = loadScenario({ ...TINY_SCENARIO, replications: 5 });
const demo = loadScenario({ ...JSON.parse(readFileSync('scenarios/demo-small.json', 'utf8')), replications: 5 });
const how = { executor: runInProcess };

describe('the library with a precision', () => {
  it('compare and sweep stop where the CLI does, and keep each arm’s intervals', async () => {
    const c = await compare(demo, { precision: 10 }, how);
    const cli = await compareToPrecision(demo, { precision: 10 }, runInProcess);
    expect(c.seeds).toEqual(cli.comparison.seeds);
    expect(c.seeds).toHaveLength(3);
    expect(c.differences).toEqual(cli.comparison.differences);
    expect(c.arms[0]?.intervals).toBeDefined();
    const options = { param: 'rules.pay.base', values: [4, 8] };
    const s = await sweep(demo, { ...options, precision: 10 }, how);
    const cliSweep = await sweepToPrecision(demo, options, { precision: 10 }, runInProcess);
    expect((s as unknown as { replicationsByValue: number[] }).replicationsByValue).toEqual([3, 3]);
    expect(s.points.map((p) => p.arms.map((a) => a.metrics))).toEqual(
      cliSweep.sweep.points.map((p) => p.arms.map((a) => a.metrics)),
    );
    expect(s.points[0]?.arms[0]?.intervals).toBeDefined();
  });

  it('target, sensitivity and zone give the sequential answers', async () => {
    const search = {
      param: 'rules.pay.base',
      min: 4,
      max: 30,
      targets: [{ metric: 'earnings.shareBelowMinWage', op: '<=' as const, threshold: 0.5 }],
    };
    const t = await target(tiny, { ...search, precision: 0.05 }, how);
    const cliTarget = await findTargetSequential(tiny, search, { precision: 0.05 }, runInProcess);
    expect(JSON.stringify(t)).toBe(JSON.stringify(cliTarget.result));
    const params = ['rules.pay.commissionRate'];
    const sens = await sensitivity(tiny, { params, precision: 10 }, how);
    const cliSens = await sensitivityToPrecision(tiny, { params }, { precision: 10 }, runInProcess);
    expect(JSON.stringify(sens)).toBe(JSON.stringify(cliSens.result));
    const grid = {
      x: { param: 'rules.deadline.percentile', values: [30, 50] },
      y: { param: 'rules.pay.base', values: [4, 30] },
      union: [{ metric: 'earnings.shareBelowMinWage', op: '<=' as const, threshold: 0.5 }],
      platform: [],
    };
    const z = await zone(tiny, { ...grid, sequential: true }, how);
    const cliZone = await zoneSequential(tiny, grid, runInProcess);
    expect(JSON.stringify(z)).toBe(JSON.stringify(cliZone.result));
    expect(cliZone.result.replicationsByCell).toHaveLength(4);
  });

  it('refuses a precision out of range, and one beside a target grid, naming the option', async () => {
    await expect(compare(tiny, { precision: 0 }, how)).rejects.toThrow(OptionsError);
    const e = await target(
      tiny,
      { param: 'rules.pay.base', min: 4, max: 30, targets: [], precision: 0.01, grid: 5 } as never,
      how,
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OptionsError);
    expect((e as OptionsError).problems.map((p) => p.option)).toContain('precision');
  });
});
