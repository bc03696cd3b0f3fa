// The run cache: a command's output is the same bytes with and without it, a second run is answered from the store,
// and a changed model fingerprint, scenario, arm, seed or kept detail never reuses a run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cachingExecutor,
  MemoryRunStore,
  planCompare,
  runInProcess,
  runKey,
  summariseCompare,
  type CacheCount,
} from '../../src/analysis/index.ts';
import { validateScenario } from '../../src/scenario/load.ts';

function demo() {
  const r = validateScenario(JSON.parse(readFileSync('scenarios/demo-small.json', 'utf8')));
  if (!r.ok) throw new Error('demo-small does not load');
  return { ...r.scenario, replications: 2 };
}

describe('run cache', () => {
  it('gives byte-identical comparisons from fresh runs, stored runs and without a cache', async () => {
    const scenario = demo();
    const plan = planCompare(scenario);
    const plain = JSON.stringify(summariseCompare(scenario, plan, await runInProcess(plan.tasks)));
    const store = new MemoryRunStore();
    const count: CacheCount = { hits: 0, misses: 0 };
    const cached = cachingExecutor(runInProcess, store, {}, count, 'model-a');
    const first = JSON.stringify(summariseCompare(scenario, plan, await cached(plan.tasks)));
    expect(count).toEqual({ hits: 0, misses: 4 });
    const progress: number[] = [];
    const second = JSON.stringify(
      summariseCompare(scenario, plan, await cached(plan.tasks, (done) => progress.push(done))),
    );
    expect(count).toEqual({ hits: 4, misses: 4 });
    expect(progress.at(-1)).toBe(4);
    expect(first).toBe(plain);
    expect(second).toBe(plain);
  });

  it('never reuses a run of another model, scenario, arm, seed or kept detail', async () => {
    const scenario = demo();
    const task = { scenario, armId: 'median', seed: 1 };
    const base = runKey(task, {}, 'model-a');
    expect(runKey(task, {}, 'model-b')).not.toBe(base);
    expect(runKey({ ...task, armId: 'strictest' }, {}, 'model-a')).not.toBe(base);
    expect(runKey({ ...task, seed: 2 }, {}, 'model-a')).not.toBe(base);
    expect(runKey({ ...task, orders: true }, {}, 'model-a')).not.toBe(base);
    expect(runKey(task, { courierDays: true }, 'model-a')).not.toBe(base);
    const other = { ...scenario, rules: { ...scenario.rules, pay: { ...scenario.rules.pay, base: 8 } } };
    expect(runKey({ ...task, scenario: other }, {}, 'model-a')).not.toBe(base);
    expect(runKey({ ...task }, {}, 'model-a')).toBe(base);

    const store = new MemoryRunStore();
    const count: CacheCount = { hits: 0, misses: 0 };
    await cachingExecutor(runInProcess, store, {}, count, 'model-a')([task]);
    await cachingExecutor(runInProcess, store, {}, count, 'model-b')([task]);
    expect(count).toEqual({ hits: 0, misses: 2 });
    expect(store.entries.size).toBe(2);
  });

  it('caches nothing when the build carries no model fingerprint', async () => {
    const store = new MemoryRunStore();
    const count: CacheCount = { hits: 0, misses: 0 };
    const executor = cachingExecutor(runInProcess, store, {}, count, 'unknown');
    expect(executor).toBe(runInProcess);
  });
});
