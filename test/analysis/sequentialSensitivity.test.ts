// Sensitivity that screens, then refines: each row equals `sensitivity` on the seeds that parameter ran on; a
// parameter no metric reads stops at the first round; refinement reads seeds in order, so any executor agrees.
import { describe, expect, it } from 'vitest';
import { sensitivity, sensitivityToPrecision } from '../../src/analysis/index.ts';
import { runInProcess, type Executor } from '../../src/analysis/runTasks.ts';
import { Scenario } from '../../src/scenario/schema.ts';

const SMALL = Scenario.parse({
  schemaVersion: 2,
  population: { couriers: 12 },
  demand: { ordersPerCourierDay: 16 },
  replications: 6,
});

const PARAMS = ['compliance.heat37MaxHours', 'rules.pay.commissionRate', 'population.comfortSpeedKmh.mean'];

/** An executor that runs the tasks from the last to the first (results still in task order). */
const backwards: Executor = async (tasks, onProgress, signal) => {
  const out = new Array(tasks.length);
  for (let i = tasks.length - 1; i >= 0; i--) out[i] = (await runInProcess([tasks[i]!], undefined, signal))[0];
  onProgress?.(tasks.length, tasks.length);
  return out;
};

describe('sensitivityToPrecision', () => {
  it('gives each parameter the row sensitivity gives on the seeds it ran on, and stops an ignored one at once', async () => {
    const rounds: number[] = [];
    const seq = await sensitivityToPrecision(
      SMALL,
      { params: PARAMS, seed: 3 },
      { precision: 0.1, minReplications: 2, step: 2 },
      runInProcess,
      (p) => rounds.push(p.runs),
    );
    const reps = seq.result.replicationsByParam;
    // No metric reads the heat cap: its runs equal the base's, its score is exactly zero after the first round.
    expect(reps['compliance.heat37MaxHours']).toBe(2);
    expect(seq.result.scoreInterval['compliance.heat37MaxHours']).toEqual([0, 0]);
    for (const path of PARAMS) {
      const n = reps[path] as number;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(6);
      const full = await sensitivity(SMALL, { params: [path], seed: 3, replications: n });
      const row = seq.result.params.find((p) => p.path === path);
      expect(row).toEqual(full.params[0]);
    }
    // The base comparison runs on every seed, as in sensitivity.
    const all = await sensitivity(SMALL, { params: [PARAMS[0] as string], seed: 3 });
    expect(seq.result.base).toEqual(all.base);
    expect(seq.result.seeds).toEqual(all.seeds);
    // Runs counted: the base on 6 seeds, each parameter's two ends on its seeds, two arms each.
    const expected = 2 * 6 + PARAMS.reduce((n, p) => n + 2 * 2 * (reps[p] as number), 0);
    expect(seq.runs).toBe(expected);
    expect(seq.runs).toBeLessThan(seq.fullRuns);
    expect(rounds.every((r, i) => i === 0 || r > (rounds[i - 1] as number))).toBe(true);
    expect(seq.stopped === 'settled').toBe(seq.unsettled.length === 0);
  });

  it('reaches the same answer whatever order the runs finish in', async () => {
    const options = { params: PARAMS, seed: 5 };
    const rule = { precision: 0.2, minReplications: 3 };
    const a = await sensitivityToPrecision(SMALL, options, rule, runInProcess);
    const b = await sensitivityToPrecision(SMALL, options, rule, backwards);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('refuses a precision that is not above zero', async () => {
    await expect(sensitivityToPrecision(SMALL, { params: PARAMS }, { precision: 0 }, runInProcess)).rejects.toThrow(
      /precision must be above 0/,
    );
  });
});
