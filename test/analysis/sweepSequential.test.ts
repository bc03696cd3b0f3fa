// A sweep to a precision: each value's comparison in rounds of seeds until its differences are precise, each point
// byte for byte that of a fixed-replications sweep at that value with as many replications.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runInProcess, sweep, sweepToPrecision, type Executor } from '../../src/analysis/index.ts';
import { validateScenario } from '../../src/scenario/load.ts';

function demo(replications: number) {
  const r = validateScenario(JSON.parse(readFileSync('scenarios/demo-small.json', 'utf8')));
  if (!r.ok) throw new Error('demo-small does not load');
  return { ...r.scenario, replications };
}

const options = { param: 'rules.pay.base', values: [4, 6, 8] };

describe('sweepToPrecision', () => {
  it('stops each value on its own, and each point is the fixed sweep’s at that many replications', async () => {
    const scenario = demo(5);
    const batches: number[] = [];
    // Results come back in task order whatever order the runs finished in: run them backwards.
    const backwards: Executor = async (tasks, onProgress, signal) => {
      batches.push(tasks.length);
      const reversed = await runInProcess([...tasks].reverse(), onProgress, signal);
      return reversed.reverse();
    };
    // At base pay 4 no courier-day clears the minimum wage in either arm: the difference is exactly 0, known at
    // once; at 6 and 8 no interval gets within a millionth of its mean.
    const outcome = await sweepToPrecision(
      scenario,
      options,
      { precision: 1e-6, metrics: ['earnings.shareBelowMinWage'] },
      backwards,
    );
    expect(outcome.sweep.replicationsByValue).toEqual([3, 5, 5]);
    expect(outcome).toMatchObject({ stopped: 'limit', unsettled: [6, 8], runs: 26, fullRuns: 30 });
    expect(batches).toEqual([18, 8]); // 3 values × 2 arms × 3 seeds, then 2 values × 2 arms × 2 seeds
    for (const [i, value] of options.values.entries()) {
      const n = outcome.sweep.replicationsByValue[i] as number;
      const fixed = await sweep(scenario, { ...options, values: [value], replications: n });
      expect(JSON.stringify(outcome.sweep.points[i])).toBe(JSON.stringify(fixed.points[0]));
    }
    // The same answer run forwards.
    const forwards = await sweepToPrecision(
      scenario,
      options,
      { precision: 1e-6, metrics: ['earnings.shareBelowMinWage'] },
      runInProcess,
    );
    expect(JSON.stringify(forwards.sweep)).toBe(JSON.stringify(outcome.sweep));
  });

  it('stops every value after the first round when the precision is loose, and runs every seed when none is reached', async () => {
    const scenario = demo(5);
    const loose = await sweepToPrecision(scenario, options, { precision: 1000 }, runInProcess);
    expect(loose).toMatchObject({ stopped: 'precise', runs: 18, unsettled: [] });
    expect(loose.sweep.replicationsByValue).toEqual([3, 3, 3]);
    const rounds: number[][] = [];
    const tight = await sweepToPrecision(
      scenario,
      { ...options, values: [6] },
      { precision: 1e-9 },
      runInProcess,
      (p) => rounds.push(p.sweep.replicationsByValue),
    );
    expect(rounds).toEqual([[3]]);
    expect(tight.sweep.replicationsByValue).toEqual([5]);
    const fixed = await sweep(scenario, { ...options, values: [6] });
    expect(JSON.stringify(tight.sweep.points)).toBe(JSON.stringify(fixed.points));
  });

  it('judges a sweep of one arm, which has no difference, on the arm’s own levels', async () => {
    const scenario = demo(5);
    const one = { ...options, arms: ['median'] };
    // Net pay per online hour over 3 seeds is known to far better than ±50%; no level is known to a millionth.
    const loose = await sweepToPrecision(
      scenario,
      one,
      { precision: 0.5, metrics: ['earnings.netPerOnlineHour.mean'] },
      runInProcess,
    );
    expect(loose).toMatchObject({ stopped: 'precise', runs: 9, unsettled: [] });
    const tight = await sweepToPrecision(
      scenario,
      one,
      { precision: 1e-6, metrics: ['earnings.netPerOnlineHour.mean'] },
      runInProcess,
    );
    expect(tight).toMatchObject({ stopped: 'limit', runs: 15, unsettled: [4, 6, 8] });
    const fixed = await sweep(scenario, { ...one, replications: 3 });
    expect(JSON.stringify(loose.sweep.points)).toBe(JSON.stringify(fixed.points));
  });

  it('judges a point against the spread of its curve when that is larger than its own size', async () => {
    const scenario = demo(5);
    const one = { param: 'rules.pay.base', values: [4, 7, 12], arms: ['median'] };
    // The margin falls from about 4,100 to −2,600 CNY a day over these values and is about 1,300 at 7, where its
    // interval on 3 seeds is about ±600: wide against 1,300, narrow against the curve's spread of about 6,800.
    const curve = await sweepToPrecision(scenario, one, { precision: 0.2, metrics: ['platform.margin'] }, runInProcess);
    expect(curve.sweep.replicationsByValue).toEqual([3, 3, 3]);
    const alone = await sweepToPrecision(
      scenario,
      { ...one, values: [7] },
      { precision: 0.2, metrics: ['platform.margin'] },
      runInProcess,
    );
    expect(alone.sweep.replicationsByValue).toEqual([5]);
  });

  it('shows a provisional sweep as each seed is done at every value still going, never the final one', async () => {
    const scenario = demo(5);
    const shown: number[][] = [];
    const outcome = await sweepToPrecision(
      scenario,
      { ...options, arms: ['median'] },
      { precision: 1e-6, metrics: ['earnings.netPerOnlineHour.mean'] },
      runInProcess,
      undefined,
      undefined,
      undefined,
      (a) => shown.push([...a.answer.sweep.replicationsByValue, a.replications, a.of]),
    );
    // Every value's second seed, the first round (3), the fourth seed; the fifth is the final answer.
    expect(shown).toEqual([
      [2, 2, 2, 2, 5],
      [3, 3, 3, 3, 5],
      [4, 4, 4, 4, 5],
    ]);
    expect(outcome.sweep.replicationsByValue).toEqual([5, 5, 5]);
  });

  it('refuses a precision that is not above 0', async () => {
    await expect(sweepToPrecision(demo(3), options, { precision: 0 }, runInProcess)).rejects.toThrow(/precision/);
  });
});
