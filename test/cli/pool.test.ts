// The worker pool on its own. A task for an arm the scenario lacks fails inside the engine (rulesForArm), which is
// how an internal error inside a worker looks to the pool.
import { describe, expect, it } from 'vitest';
import { CancelledError, runInProcess, type RunTask } from '../../src/analysis/index.ts';
import { readFileSync } from 'node:fs';
import {
  LARGE_RUN_YOUNG_GENERATION_MB,
  threadOptionsFor,
  WorkerPool,
  WorkerTaskError,
  workerExecutor,
} from '../../src/node/pool.ts';
import { workerEntry } from '../../src/node/workerEntry.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { TINY_SCENARIO } from './fixtures.ts';

const loaded = loadScenario(JSON.stringify(TINY_SCENARIO));
if (!loaded.ok) throw new Error('the tiny scenario must be valid');
const scenario = loaded.scenario;

describe('workerExecutor', () => {
  it('returns nothing for no tasks without starting threads', async () => {
    expect(await workerExecutor(2)([])).toEqual([]);
  });

  it('turns an error inside a worker into a WorkerTaskError naming the run', async () => {
    const tasks: RunTask[] = [{ scenario, armId: 'no-such-arm', seed: 1 }];
    const error = await workerExecutor(2)(tasks).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerTaskError);
    expect((error as Error).message).toMatch(
      /^run 1 \(arm no-such-arm, seed 1\) failed in a worker thread: .*no-such-arm/,
    );
  });

  it('stops before starting work when the signal is already aborted', async () => {
    const tasks: RunTask[] = [{ scenario, armId: 'strictest', seed: 1 }];
    await expect(workerExecutor(1)(tasks, undefined, { aborted: true })).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('threadOptionsFor', () => {
  const preset = (name: string) => {
    const l = loadScenario(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8'));
    if (!l.ok) throw new Error(`${name} must be valid`);
    return l.scenario;
  };

  it('gives threads of a large run (metro-large, 600,000 orders a day) a small young generation', () => {
    const metro = preset('metro-large');
    const small = { resourceLimits: { maxYoungGenerationSizeMb: LARGE_RUN_YOUNG_GENERATION_MB } };
    expect(threadOptionsFor([{ scenario: metro, armId: 'median', seed: 1 }])).toEqual(small);
    expect(
      threadOptionsFor([
        { scenario, armId: 'median', seed: 1 },
        { scenario: metro, armId: 'median', seed: 1 },
      ]),
    ).toEqual(small);
  });

  it('leaves threads of ordinary runs at the default', () => {
    expect(threadOptionsFor([{ scenario: preset('yantai-2021'), armId: 'median', seed: 1 }])).toEqual({});
    expect(threadOptionsFor([{ scenario, armId: 'median', seed: 1 }])).toEqual({});
    const explicit = { ...scenario, demand: { ...scenario.demand, ordersPerDay: 250_000 } };
    expect(threadOptionsFor([{ scenario: explicit, armId: 'median', seed: 1 }])).not.toEqual({});
  });
});

describe('WorkerPool', () => {
  const tasks: RunTask[] = [1, 2, 3].flatMap((seed) =>
    ['strictest', 'median'].map((armId) => ({ scenario, armId, seed })),
  );

  it('keeps its threads over batches and sends each a scenario once, with the results of this thread', async () => {
    const pool = new WorkerPool(2);
    try {
      const expected = JSON.stringify(await runInProcess(tasks));
      // An equal scenario in another object is the same scenario: it travels by digest.
      const copy = structuredClone(scenario);
      expect(JSON.stringify(await pool.run(tasks))).toBe(expected);
      expect(JSON.stringify(await pool.run(tasks.map((t) => ({ ...t, scenario: copy }))))).toBe(expected);
      expect(pool.stats).toEqual({ threadsStarted: 2, scenariosSent: 2 });
    } finally {
      await pool.close();
    }
  });

  it('starts fresh threads after a batch fails, and runs the next batch', async () => {
    const pool = new WorkerPool(2);
    try {
      await expect(pool.run([{ scenario, armId: 'no-such-arm', seed: 1 }])).rejects.toBeInstanceOf(WorkerTaskError);
      const results = await pool.run(tasks.slice(0, 2));
      expect(results.map((r) => r.armId)).toEqual(['strictest', 'median']);
      expect(pool.stats.threadsStarted).toBe(3);
    } finally {
      await pool.close();
    }
  });
});

describe('workerEntry', () => {
  it('starts threads from a bundle of the sources as they are, named by its hash, with the same results', async () => {
    const url = workerEntry();
    expect(url.pathname).toMatch(/\/node_modules\/\.cache\/fairpace\/worker-[0-9a-f]{16}\.mjs$/);
    // The bundle is made once per process: asked again, the same file.
    expect(workerEntry()).toBe(url);
    const tasks: RunTask[] = [1, 2].map((seed) => ({ scenario, armId: 'median', seed }));
    const threads = await workerExecutor(2)(tasks);
    const here = await runInProcess(tasks);
    expect(threads.map((r) => JSON.stringify(r))).toEqual(here.map((r) => JSON.stringify(r)));
  });
});
