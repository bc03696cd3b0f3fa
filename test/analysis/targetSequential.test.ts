// The sequential target search: the answer runs on every seed and is judged as findTarget judges it, lies within
// the stated tolerance of findTarget's on a monotone problem, takes fewer runs, and is the same whatever order runs
// finish in.
import { describe, expect, it } from 'vitest';
import {
  findTarget,
  findTargetSequential,
  runInProcess,
  targetHolds,
  type Executor,
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
};

/** Counts the runs an executor is asked for. */
function counting(inner: Executor): { execute: Executor; count: () => number } {
  let n = 0;
  return {
    execute: (tasks, onProgress, signal, onResult) => {
      n += tasks.length;
      return inner(tasks, onProgress, signal, onResult);
    },
    count: () => n,
  };
}

const backwards: Executor = async (tasks, onProgress, signal) => {
  const out = new Array(tasks.length);
  for (let i = tasks.length - 1; i >= 0; i--) out[i] = (await runInProcess([tasks[i]!], undefined, signal))[0];
  onProgress?.(tasks.length, tasks.length);
  return out;
};

describe('findTargetSequential', () => {
  it('finds findTarget’s answer within its tolerance, judged on every seed, with fewer runs', async () => {
    const full = counting(runInProcess);
    const a = await findTarget(SMALL, OPTIONS, full.execute);
    const fast = counting(runInProcess);
    const b = await findTargetSequential(SMALL, OPTIONS, { precision: 0.02 }, fast.execute);
    expect(a.value).not.toBeNull();
    expect(b.result.value).not.toBeNull();
    // Within the tolerance and findTarget's bracket, widened by any band where the runs themselves contradict
    // monotonicity: a value judged on every seed that meets the target below one that fails it (12 couriers are noisy).
    const tolerance = 0.02 * (OPTIONS.max - OPTIONS.min);
    const judged = [
      ...a.steps,
      ...b.result.steps.filter(
        (s) => b.result.replicationsByValue.find((r) => r.value === s.value)?.replications === 6,
      ),
    ];
    const lowestMeeting = Math.min(...judged.filter((s) => s.feasible).map((s) => s.value));
    const highestFailing = Math.max(...judged.filter((s) => !s.feasible).map((s) => s.value));
    const band = Math.max(0, highestFailing - lowestMeeting);
    expect(Math.abs((b.result.value as number) - (a.value as number))).toBeLessThanOrEqual(
      tolerance + Math.abs((a.bracket?.[1] ?? 0) - (a.bracket?.[0] ?? 0)) + band,
    );
    expect(band).toBeLessThan(tolerance * 2);
    // The answer ran on every seed and meets its target as findTarget would judge it.
    const at = b.result.replicationsByValue.find((r) => r.value === b.result.value);
    expect(at?.replications).toBe(6);
    const t = b.result.targets[0];
    expect(t?.met).toBe(true);
    expect(
      targetHolds(OPTIONS.targets[0]!, { mean: t?.achieved as number, ci95: t?.ci95 as [number, number] }, 'ci'),
    ).toBe(true);
    // Values far from the answer were decided on fewer seeds.
    expect(b.result.replicationsByValue.some((r) => r.replications < 6)).toBe(true);
    expect(b.runs).toBe(fast.count());
    expect(fast.count()).toBeLessThan(full.count());
    expect(b.result.platformCost).not.toBeNull();
  });

  it('is the same whatever order the runs finish in', async () => {
    const a = await findTargetSequential(SMALL, OPTIONS, { precision: 0.05 }, runInProcess);
    const b = await findTargetSequential(SMALL, OPTIONS, { precision: 0.05 }, backwards);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('refuses a precision that is not above zero', async () => {
    await expect(findTargetSequential(SMALL, OPTIONS, { precision: 0 }, runInProcess)).rejects.toThrow(/precision/);
  });
});
