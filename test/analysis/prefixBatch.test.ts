// Provisional answers of the sweep, the zone and the sensitivity batch (issue 21 item 1): the answer of the first
// seeds every group has finished, whatever order the runs arrive in; on every seed byte for byte the final answer;
// on k seeds byte for byte the tool run with k replications. The sequential tornado answers after each round.
import { describe, expect, it } from 'vitest';
import {
  parseTarget,
  runInProcess,
  sensitivity,
  sensitivityBatch,
  sensitivityToPrecision,
  sweep,
  sweepBatch,
  zoneBatch,
  zoneOfAgreement,
  type Executor,
  type SensitivityOptions,
  type SweepOptions,
  type ZoneOptions,
} from '../../src/analysis/index.ts';
import { executeInOrder, ProvisionalBatch, seedMajorOrder, type PrefixBatch } from '../../src/analysis/prefixBatch.ts';
import { roundReplications, type SequentialSensitivity } from '../../src/analysis/sequentialSensitivity.ts';
import { Scenario } from '../../src/scenario/schema.ts';
import type { RunResult } from '../../src/sim/results.ts';

const REPLICATIONS = 4;

/** A small city: 6 couriers, one day, two arms. */
const TINY = Scenario.parse({
  schemaVersion: 2,
  population: { couriers: 6 },
  demand: { ordersPerCourierDay: 10 },
  replications: REPLICATIONS,
});

const SWEEP: SweepOptions = { param: 'rules.pay.base', values: [6, 9] };
const ZONE: ZoneOptions = {
  x: { param: 'rules.deadline.percentile', values: [30, 50] },
  y: { param: 'rules.pay.base', values: [6, 9] },
  union: [parseTarget('earnings.shareBelowMinWage <= 0.5')],
  platform: [parseTarget('platform.margin >= 0')],
  arm: 'median',
};
const SENSITIVITY: SensitivityOptions = { params: ['rules.pay.commissionRate', 'population.comfortSpeedKmh.mean'] };

/** A fixed shuffle of 0..n−1 (a linear congruential walk), so the test is the same every time. */
function shuffled(n: number, salt: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let x = salt;
  for (let i = n - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** Every provisional answer a batch gives when its runs arrive in `order`: JSON by seed count, with its count. */
function answersInOrder<T>(batch: PrefixBatch<T>, all: RunResult[], order: number[]): Map<number, string> {
  const tracker = new ProvisionalBatch(batch);
  const answers = new Map<number, string>();
  for (const index of order) {
    tracker.add(index, all[index] as RunResult);
    for (const p of tracker.takeEach()) {
      expect(answers.has(p.replications), `prefix ${p.replications} answered twice`).toBe(false);
      expect(p.of).toBe(REPLICATIONS);
      answers.set(p.replications, JSON.stringify(p.answer));
    }
  }
  return answers;
}

const TOOLS = [
  {
    name: 'sweep',
    batch: () => sweepBatch(TINY, SWEEP),
    direct: (replications: number) => sweep(TINY, { ...SWEEP, replications }),
    seedsOf: (json: string) => (JSON.parse(json) as { seeds: number[] }).seeds,
  },
  {
    name: 'zone',
    batch: () => zoneBatch(TINY, ZONE),
    direct: (replications: number) => zoneOfAgreement(TINY, { ...ZONE, replications }),
    seedsOf: (json: string) => (JSON.parse(json) as { seeds: number[] }).seeds,
  },
  {
    name: 'sensitivity',
    batch: () => sensitivityBatch(TINY, SENSITIVITY),
    direct: (replications: number) => sensitivity(TINY, { ...SENSITIVITY, replications }),
    seedsOf: (json: string) => (JSON.parse(json) as { seeds: number[] }).seeds,
  },
] as const;

describe.each(TOOLS)('the provisional $name', (tool) => {
  const batch = tool.batch() as PrefixBatch<unknown>;
  const results = runInProcess(batch.tasks);

  it('on every seed is the final answer, byte for byte', async () => {
    const all = await results;
    expect(batch.seedPrefix?.seeds).toBe(REPLICATIONS);
    const final = JSON.stringify(batch.summarise(all));
    expect(JSON.stringify(batch.seedPrefix?.answer(all, REPLICATIONS))).toBe(final);
    // ... and the final answer is the tool's own, as before.
    expect(final).toBe(JSON.stringify(await tool.direct(REPLICATIONS)));
  });

  it('on the first k seeds is the tool run with k replications, byte for byte', async () => {
    const all = await results;
    for (const k of [2, 3]) {
      const json = JSON.stringify(batch.seedPrefix?.answer(all, k));
      expect(json).toBe(JSON.stringify(await tool.direct(k)));
      expect(tool.seedsOf(json)).toHaveLength(k);
    }
  });

  it('is the same whatever order the runs arrive in, and never uses a seed some group has not finished', async () => {
    const all = await results;
    const inOrder = answersInOrder(
      batch,
      all,
      all.map((_, i) => i),
    );
    // Task order is group-major: seeds complete only as the last group's runs come in.
    expect([...inOrder.keys()]).toEqual([2, 3]);
    for (const salt of [1, 7, 42, 1234]) {
      const answers = answersInOrder(batch, all, shuffled(all.length, salt));
      expect([...answers.keys()]).toEqual([2, 3]);
      for (const [k, json] of answers) expect(json).toBe(inOrder.get(k));
    }
    // Every group but the last done on every seed, the last on seed 1 only: nothing is due.
    const partial = new ProvisionalBatch(batch);
    const last = all.length - REPLICATIONS;
    all.forEach((r, i) => {
      if (i < last || i === last) partial.add(i, r);
    });
    expect(partial.take()).toBeNull();
    partial.add(last + 1, all[last + 1] as RunResult);
    expect(partial.take()?.replications).toBe(2);
    expect(partial.take()).toBeNull();
    expect(() =>
      batch.seedPrefix?.answer(
        partial.batch.tasks.map(() => undefined),
        2,
      ),
    ).toThrow(/not run yet/);
  });
});

describe.each(TOOLS)('the $name run seed by seed', (tool) => {
  const batch = tool.batch() as PrefixBatch<unknown>;

  it('answers its first 2 seeds after that share of its runs, and gives the same results by task', async () => {
    const order = seedMajorOrder(batch);
    expect([...order].sort((a, b) => a - b)).toEqual(batch.tasks.map((_, i) => i));
    const groups = batch.tasks.length / REPLICATIONS;
    // Every group's seed 1 comes before any group's seed 2, and arms of one point stay side by side (same seed).
    expect(order.slice(0, groups).every((i) => i % REPLICATIONS === 0)).toBe(true);
    const direct = await runInProcess(batch.tasks);
    const arrived: number[] = [];
    const tracker = new ProvisionalBatch(batch);
    let firstAt = -1;
    let first: unknown;
    const results = await executeInOrder(runInProcess, batch.tasks, order, undefined, undefined, (index, r) => {
      arrived.push(index);
      if (tracker.add(index, r) && firstAt < 0) {
        firstAt = arrived.length;
        first = tracker.take()?.answer;
      }
    });
    expect(JSON.stringify(results)).toBe(JSON.stringify(direct));
    expect(arrived).toEqual(order);
    // The first answer (2 seeds) is due after 2 of the REPLICATIONS seeds' runs, not near the end.
    expect(firstAt).toBe(2 * groups);
    expect(JSON.stringify(first)).toBe(JSON.stringify(batch.seedPrefix?.answer(direct, 2)));
  });
});

describe('a sweep without a shared seed list', () => {
  it('has no provisional answer (a swept replications count differs by point)', async () => {
    const batch = sweepBatch(TINY, { param: 'replications', values: [2, 3] });
    expect(batch.seedPrefix).toBeNull();
    const tracker = new ProvisionalBatch(batch);
    const all = await runInProcess(batch.tasks);
    all.forEach((r, i) => expect(tracker.add(i, r)).toBe(false));
    expect(tracker.take()).toBeNull();
  });
});

/** An executor that runs the tasks from the last to the first (results still in task order, as every executor's). */
const backwards: Executor = async (tasks, onProgress, signal, onResult) => {
  const out = new Array<RunResult>(tasks.length);
  for (let i = tasks.length - 1; i >= 0; i--) {
    out[i] = (await runInProcess([tasks[i]!], undefined, signal))[0] as RunResult;
    onResult?.(i, out[i] as RunResult);
  }
  onProgress?.(tasks.length, tasks.length);
  return out;
};

describe('the sequential tornado', () => {
  const SMALL = Scenario.parse({
    schemaVersion: 2,
    population: { couriers: 12 },
    demand: { ordersPerCourierDay: 16 },
    replications: 6,
  });
  const params = ['rules.pay.commissionRate', 'population.comfortSpeedKmh.mean', 'compliance.heat37MaxHours'];
  const rounds = async (execute: Executor) => {
    const seen: SequentialSensitivity[] = [];
    const final = await sensitivityToPrecision(
      SMALL,
      { params, seed: 3 },
      { precision: 0.01, minReplications: 2, step: 2 },
      execute,
      (p) => seen.push(p),
    );
    return { seen, final };
  };

  it('answers after each round, on the seeds each bar rests on, the same whatever order runs finish in', async () => {
    const a = await rounds(runInProcess);
    const b = await rounds(backwards);
    expect(a.seen.length).toBeGreaterThan(0);
    expect(JSON.stringify(b.seen)).toBe(JSON.stringify(a.seen));
    expect(JSON.stringify(b.final)).toBe(JSON.stringify(a.final));
    const counts = a.seen.map((p) => roundReplications(p.result));
    // The first round screens every parameter on 2 seeds; later rounds never rest on fewer.
    expect(counts[0]).toBe(2);
    counts.forEach((k, i) => {
      expect(k).toBe(Math.min(...Object.values((a.seen[i] as SequentialSensitivity).result.replicationsByParam)));
      if (i > 0) expect(k).toBeGreaterThanOrEqual(counts[i - 1] as number);
    });
    // A parameter on every seed has exactly the row `sensitivity` gives it: the provisional ranking's rows are real.
    const first = a.seen[0] as SequentialSensitivity;
    const direct = await sensitivity(SMALL, { params: [params[0] as string], seed: 3, replications: 2 });
    expect(first.result.params.find((p) => p.path === params[0])).toEqual(direct.params[0]);
  });
});
