// The target search's answer so far (issue 21 item 1): reported before each further step, it narrows towards the
// final answer, is the same whatever order runs finish in, and changes nothing the search computes.
import { describe, expect, it } from 'vitest';
import {
  findTarget,
  findTargetSequential,
  runInProcess,
  type Executor,
  type TargetProvisional,
} from '../../src/analysis/index.ts';
import { Scenario } from '../../src/scenario/schema.ts';

const SMALL = Scenario.parse({
  schemaVersion: 2,
  population: { couriers: 12 },
  demand: { ordersPerCourierDay: 16 },
  replications: 6,
});
const OPTIONS = {
  param: 'rules.pay.base',
  min: 3,
  max: 40,
  targets: [{ metric: 'earnings.shareBelowMinWage', op: '<=' as const, threshold: 0.2 }],
  arm: 'median',
  maxSteps: 9,
};

/** Runs each batch's tasks last first, one at a time: another finishing order than runInProcess's. */
const backwards: Executor = async (tasks, onProgress, signal) => {
  const out = new Array(tasks.length);
  for (let i = tasks.length - 1; i >= 0; i--) out[i] = (await runInProcess([tasks[i]!], undefined, signal))[0];
  onProgress?.(tasks.length, tasks.length);
  return out;
};

/** Collects the reports, and their words without the result they carry (for comparing two searches). */
function collect() {
  const seen: TargetProvisional[] = [];
  return { seen, onStep: (p: TargetProvisional) => seen.push(p), plain: () => seen.map(({ result: _r, ...p }) => p) };
}

/** Each report's bracket holds its best value and lies inside the one before; the runs only grow. */
function expectNarrowing(seen: TargetProvisional[]) {
  seen.forEach((p, i) => {
    expect(p.bracket).not.toBeNull();
    const [lo, hi] = p.bracket as [number, number];
    expect(lo).toBeLessThan(hi);
    expect(p.value).toBe(hi); // smallest: the meeting end is the high end
    expect(p.result.value).toBe(p.value);
    expect(p.result.bracket).toEqual([lo, hi]);
    const before = seen[i - 1];
    if (before) {
      const [lo0, hi0] = before.bracket as [number, number];
      expect(lo).toBeGreaterThanOrEqual(lo0);
      expect(hi).toBeLessThanOrEqual(hi0);
      expect(p.runs).toBeGreaterThan(before.runs);
      expect(p.values).toBeGreaterThanOrEqual(before.values);
    }
  });
}

describe('the answer so far of a target search', () => {
  it('findTarget: one report before each bisection step, narrowing to the final answer, which it leaves unchanged', async () => {
    const plain = await findTarget(SMALL, OPTIONS, runInProcess);
    const a = collect();
    const reported = await findTarget(SMALL, OPTIONS, runInProcess, undefined, undefined, a.onStep);
    expect(JSON.stringify(reported)).toBe(JSON.stringify(plain));
    expect(plain.method).toBe('bisection');
    // The five initial values come in one batch; each later value is one step, reported before it runs.
    expect(a.seen).toHaveLength(plain.steps.length - 5);
    expectNarrowing(a.seen);
    for (const p of a.seen) {
      expect(p).toMatchObject({ param: 'rules.pay.base', direction: 'smallest', replications: 6, of: 6 });
    }
    const last = a.seen.at(-1) as TargetProvisional;
    const [lo, hi] = last.bracket as [number, number];
    expect(plain.value as number).toBeGreaterThan(lo);
    expect(plain.value as number).toBeLessThanOrEqual(hi);
    // The scenario's own value (7) ran in the first batch with the bounds: six runs of each of six values.
    expect(a.seen[0]).toMatchObject({ values: 5, runs: 36 });
    // The reports are the same whatever order the runs finish in.
    const b = collect();
    await findTarget(SMALL, OPTIONS, backwards, undefined, undefined, b.onStep);
    expect(JSON.stringify(b.seen)).toBe(JSON.stringify(a.seen));
  });

  it('findTargetSequential: the same reports for any finishing order, the best value on its seeds so far', async () => {
    const precision = { precision: 0.01 };
    const plain = await findTargetSequential(SMALL, OPTIONS, precision, runInProcess);
    const a = collect();
    const reported = await findTargetSequential(
      SMALL,
      OPTIONS,
      precision,
      runInProcess,
      undefined,
      undefined,
      a.onStep,
    );
    expect(JSON.stringify(reported)).toBe(JSON.stringify(plain));
    expect(a.seen.length).toBeGreaterThan(0);
    expectNarrowing(a.seen);
    for (const p of a.seen) {
      const ran = plain.result.replicationsByValue.find((r) => r.value === p.value)?.replications ?? 0;
      expect(p.replications).toBeGreaterThanOrEqual(3);
      expect(p.replications).toBeLessThanOrEqual(ran);
      expect(p.of).toBe(6);
      expect(p.runs).toBeLessThan(plain.runs);
    }
    const last = a.seen.at(-1) as TargetProvisional;
    expect(plain.result.value as number).toBeGreaterThan((last.bracket as [number, number])[0]);
    expect(plain.result.value as number).toBeLessThanOrEqual((last.bracket as [number, number])[1]);
    const b = collect();
    await findTargetSequential(SMALL, OPTIONS, precision, backwards, undefined, undefined, b.onStep);
    expect(b.plain()).toEqual(a.plain());
    expect(JSON.stringify(b.seen)).toBe(JSON.stringify(a.seen));
  });
});
