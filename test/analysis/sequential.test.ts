// Sequential replication: rounds of seeds in order, a stop when the differences are precise, and a comparison
// byte-identical to a fixed-replications one with as many replications.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compare, compareToPrecision, isPrecise, runInProcess, type Executor } from '../../src/analysis/index.ts';
import { validateScenario } from '../../src/scenario/load.ts';

function demo(replications: number) {
  const r = validateScenario(JSON.parse(readFileSync('scenarios/demo-small.json', 'utf8')));
  if (!r.ok) throw new Error('demo-small does not load');
  return { ...r.scenario, replications };
}

describe('isPrecise', () => {
  it('holds an interval to a share of its mean, and knows an exact zero', () => {
    expect(isPrecise({ mean: 10, ci95: [9, 11] }, 0.1)).toBe(true);
    expect(isPrecise({ mean: 10, ci95: [8.9, 11.1] }, 0.1)).toBe(false);
    expect(isPrecise({ mean: 0, ci95: [0, 0] }, 0.1)).toBe(true);
    expect(isPrecise({ mean: 0, ci95: [-1, 1] }, 0.5)).toBe(false);
    expect(isPrecise(undefined, 0.5)).toBe(false);
  });
});

describe('compareToPrecision', () => {
  it('stops at the first round whose differences are precise, with the comparison of that many replications', async () => {
    const scenario = demo(9);
    const batches: number[] = [];
    const counting: Executor = async (tasks, onProgress, signal) => {
      batches.push(tasks.length);
      return runInProcess(tasks, onProgress, signal);
    };
    const loose = await compareToPrecision(scenario, { precision: 1000 }, counting);
    expect(loose).toMatchObject({ replications: 3, runs: 6, stopped: 'precise', unsettled: [] });
    expect(batches).toEqual([6]);
    const fixed = await compare(scenario, { replications: 3 });
    expect(JSON.stringify(loose.comparison)).toBe(JSON.stringify(fixed));
  });

  it('runs rounds of seeds in order up to the limit when the precision is out of reach, and says what is unsettled', async () => {
    const scenario = demo(7);
    const batches: number[] = [];
    const rounds: number[] = [];
    const counting: Executor = async (tasks, onProgress, signal) => {
      batches.push(tasks.length);
      return runInProcess(tasks, onProgress, signal);
    };
    const tight = await compareToPrecision(scenario, { precision: 1e-9 }, counting, {}, (p) =>
      rounds.push(p.replications),
    );
    expect(tight.stopped).toBe('limit');
    expect(tight.replications).toBe(7);
    expect(batches).toEqual([6, 4, 4]); // 3, then 2 more, then 2 more per arm
    expect(rounds).toEqual([3, 5]);
    expect(tight.unsettled.length).toBeGreaterThan(0);
    const fixed = await compare(scenario);
    expect(JSON.stringify(tight.comparison)).toBe(JSON.stringify(fixed));
  });

  it('refuses a precision that is not above 0', async () => {
    await expect(compareToPrecision(demo(3), { precision: 0 }, runInProcess)).rejects.toThrow(/precision/);
  });
});
