// Sharing warm-ups between runs (src/sim/warmup.ts): the results are the same with and without the cache, runs share
// only when the warm-up is the same, and the task queue hands every task out once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runInProcess, TaskQueue, warmupGroups, type RunTask } from '../../src/analysis/index.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { WarmupCache } from '../../src/sim/warmup.ts';

function scenarioWith(patch: Record<string, unknown>): Scenario {
  const r = validateScenario({ schemaVersion: 2, population: { couriers: 25 }, time: { days: 1 }, ...patch });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

const json = (x: unknown) => JSON.stringify(x);

describe('warm-up cache', () => {
  it('gives the strictest and median arms the same results as runs without it, sharing their warm-up', () => {
    const scenario = scenarioWith({});
    const cache = new WarmupCache();
    for (const seed of [1, 2]) {
      for (const arm of ['strictest', 'median']) {
        expect(json(simulate(scenario, arm, seed, { warmups: cache }))).toBe(json(simulate(scenario, arm, seed)));
      }
    }
    expect(cache.misses).toBe(2); // one warm-up per seed
    expect(cache.hits).toBe(2);
  });

  it('does not share between arms whose warm-up differs (a fine, or the ridingPace basis, which reads the arm)', () => {
    const fines = scenarioWith({
      arms: [
        { id: 'low', label: 'low', rules: { penalties: { lateFine: 1 } } },
        { id: 'high', label: 'high', rules: { penalties: { lateFine: 9 } } },
      ],
    });
    const pace = scenarioWith({ rules: { deadline: { basis: 'ridingPace' } } });
    for (const scenario of [fines, pace]) {
      const cache = new WarmupCache();
      for (const arm of scenario.arms) {
        expect(json(simulate(scenario, arm.id, 3, { warmups: cache }))).toBe(json(simulate(scenario, arm.id, 3)));
      }
      expect(cache.hits).toBe(0);
    }
  });

  it('runInProcess places each result at its task index, whatever order it runs them in', async () => {
    const scenario = scenarioWith({});
    const tasks: RunTask[] = [1, 2].flatMap((seed) =>
      ['strictest', 'median'].map((armId) => ({ scenario, armId, seed })),
    );
    const results = await runInProcess(tasks);
    tasks.forEach((t, i) => expect(json(results[i])).toBe(json(simulate(scenario, t.armId, t.seed))));
  });
});

describe('TaskQueue', () => {
  it('hands every task out exactly once, and a thread the rest of a group it has started', () => {
    const a = scenarioWith({});
    const b = scenarioWith({});
    fc.assert(
      fc.property(
        fc.array(fc.record({ s: fc.boolean(), seed: fc.integer({ min: 1, max: 4 }), arm: fc.boolean() }), {
          maxLength: 30,
        }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 60 }),
        (specs, turns) => {
          const tasks: RunTask[] = specs.map((x) => ({
            scenario: x.s ? a : b,
            armId: x.arm ? 'strictest' : 'median',
            seed: x.seed,
          }));
          const groups = warmupGroups(tasks);
          const queue = new TaskQueue(tasks);
          const threads = [new Set<number>(), new Set<number>(), new Set<number>(), new Set<number>()];
          const taken: number[] = [];
          let turn = 0;
          for (;;) {
            const held = threads[(turns[turn++ % turns.length] as number) % threads.length] as Set<number>;
            const before = new Set(held);
            const waiting = tasks.map((_, i) => i).filter((i) => !taken.includes(i));
            const index = queue.take(held);
            if (index === undefined) break;
            // a thread holding a group with tasks waiting gets one of them
            if (waiting.some((i) => before.has(groups[i] as number)))
              expect(before.has(groups[index] as number)).toBe(true);
            taken.push(index);
          }
          expect([...taken].sort((x, y) => x - y)).toEqual(tasks.map((_, i) => i));
        },
      ),
    );
  });
});
