// The worker pool on its own. A task for an arm the scenario lacks fails inside the engine (rulesForArm), which is
// how an internal error inside a worker looks to the pool.
import { describe, expect, it } from 'vitest';
import { CancelledError, type RunTask } from '../../src/analysis/index.ts';
import { WorkerTaskError, workerExecutor } from '../../src/cli/pool.ts';
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
