// The sequential tornado's answers so far (issue 21 item 1): bars appear one by one as each parameter's first seeds
// are done (after the base's), each row is `sensitivity`'s row on that parameter's seeds, and the answers are the same
// whatever runs the work (in this thread, last task first without passing results on, 1 or 2 worker threads); the
// final answer is byte for byte the one made without them.
import { afterAll, describe, expect, it } from 'vitest';
import {
  runInProcess,
  sensitivity,
  sensitivityToPrecision,
  type Executor,
  type SensitivityProvisional,
} from '../../src/analysis/index.ts';
import { roundStretches, StretchTally } from '../../src/analysis/sensitivityProgress.ts';
import { WorkerPool } from '../../src/node/pool.ts';
import { Scenario } from '../../src/scenario/schema.ts';
import type { RunResult } from '../../src/sim/results.ts';

const SMALL = Scenario.parse({
  schemaVersion: 2,
  population: { couriers: 12 },
  demand: { ordersPerCourierDay: 16 },
  replications: 5,
});
const PARAMS = ['rules.pay.commissionRate', 'population.comfortSpeedKmh.mean', 'compliance.heat37MaxHours'];
const OPTIONS = { params: PARAMS, seed: 3 };
/** Tight enough that the moving parameters get a second round. */
const RULE = { precision: 0.01 };

/** Runs the tasks last first, one at a time, and passes no result on as it finishes. */
const backwards: Executor = async (tasks, onProgress, signal) => {
  const out = new Array<RunResult>(tasks.length);
  for (let i = tasks.length - 1; i >= 0; i--) out[i] = (await runInProcess([tasks[i]!], undefined, signal))[0]!;
  onProgress?.(tasks.length, tasks.length);
  return out;
};

async function withSteps(execute: Executor) {
  const seen: SensitivityProvisional[] = [];
  const final = await sensitivityToPrecision(SMALL, OPTIONS, RULE, execute, undefined, undefined, undefined, (p) =>
    seen.push(p),
  );
  return { seen, final };
}

describe('roundStretches', () => {
  it("runs the base's first seeds, then each parameter's, then a seed at a time, parameters in order", () => {
    const first = roundStretches(
      [0, 4],
      [
        [0, 3],
        [0, 3],
      ],
      2,
    );
    expect(first).toEqual([
      { variant: -1, from: 0, to: 2 },
      { variant: 0, from: 0, to: 2 },
      { variant: 1, from: 0, to: 2 },
      { variant: -1, from: 2, to: 3 },
      { variant: 0, from: 2, to: 3 },
      { variant: 1, from: 2, to: 3 },
      { variant: -1, from: 3, to: 4 },
    ]);
    // A later round: no base; a parameter past its first seeds goes one seed at a time, by the count it reaches.
    expect(
      roundStretches(
        null,
        [
          [3, 5],
          [3, 3],
          [2, 3],
        ],
        2,
      ),
    ).toEqual([
      { variant: 2, from: 2, to: 3 },
      { variant: 0, from: 3, to: 4 },
      { variant: 0, from: 4, to: 5 },
    ]);
  });
});

describe('StretchTally', () => {
  it('gives each stretch once, in order, when it and every one before it are complete', () => {
    const tally = new StretchTally([2, 1, 2]);
    tally.add(2);
    tally.add(1);
    expect(tally.takeEach()).toEqual([]);
    tally.add(0);
    expect(tally.takeEach()).toEqual([]);
    tally.add(0);
    expect(tally.takeEach()).toEqual([0, 1]);
    tally.add(2);
    expect(tally.takeEach(2)).toEqual([]);
    expect(tally.takeEach()).toEqual([2]);
    expect(tally.takeEach()).toEqual([]);
  });
});

describe('the sequential tornado, answer by answer', () => {
  const pools = [new WorkerPool(1), new WorkerPool(2)];
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('paints each parameter as its first seeds come, the same for any executor, and leaves the final answer as it was', async () => {
    const plain = await sensitivityToPrecision(SMALL, OPTIONS, RULE, runInProcess);
    const here = await withSteps(runInProcess);
    expect(JSON.stringify(here.final)).toBe(JSON.stringify(plain));
    expect(plain.runs).toBeGreaterThan(2 * 5 + PARAMS.length * 2 * 2 * 3); // a second round ran
    for (const execute of [backwards, ...pools.map((p) => p.run)]) {
      const other = await withSteps(execute);
      expect(JSON.stringify(other.seen)).toBe(JSON.stringify(here.seen));
      expect(JSON.stringify(other.final)).toBe(JSON.stringify(plain));
    }

    const { seen } = here;
    // The first answer: the base's and the first parameter's first 2 seeds (4 + 8 runs), the others pending.
    expect(seen[0]).toMatchObject({ replications: 2, of: 5, params: 3, runs: 12, pending: PARAMS.slice(1) });
    expect(seen[0]?.result.replicationsByParam).toEqual({ [PARAMS[0] as string]: 2 });
    expect(seen[0]?.result.seeds).toEqual([3, 4]);
    // Then the bars come one by one, each on its own seeds, and nothing shown goes away.
    expect(seen.slice(0, 3).map((p) => p.result.params.length)).toEqual([1, 2, 3]);
    seen.forEach((p, i) => {
      const counts = Object.values(p.result.replicationsByParam);
      expect(p.replications).toBe(Math.min(...counts));
      expect(p.result.params.length + p.pending.length).toBe(PARAMS.length);
      expect(p.runs).toBeLessThan(plain.runs); // the final answer is returned, never shown as provisional
      const before = seen[i - 1];
      if (before) {
        expect(p.runs).toBeGreaterThan(before.runs);
        for (const [path, n] of Object.entries(before.result.replicationsByParam)) {
          expect(p.result.replicationsByParam[path]).toBeGreaterThanOrEqual(n);
        }
      }
    });
    // A row on n seeds is the row `sensitivity --replications n` gives that parameter, whatever else is shown.
    for (const p of [seen[0], seen[2], seen.at(-1)] as SensitivityProvisional[]) {
      for (const row of p.result.params) {
        const n = p.result.replicationsByParam[row.path] as number;
        const direct = await sensitivity(SMALL, { params: [row.path], seed: 3, replications: n });
        expect(row).toEqual(direct.params[0]);
      }
    }
  }, 120_000);
});
