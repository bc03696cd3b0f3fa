// A job slot driven by plain promises: start, progress, done, error, Cancel, a second start cancelling the first, and
// a result that arrives after Cancel; and a plan's provisional answers, batched and dropped once the job is over.
import { describe, expect, it } from 'vitest';
import { CancelledError, type Executor, type RunTask } from '../../../src/analysis/index.ts';
import { JobSlot, type JobContext } from '../../../src/app/jobs/jobSlot.ts';
import type { JobState } from '../../../src/app/jobs/jobState.ts';
import { planWork } from '../../../src/app/jobs/planWork.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';
import type { RunResult } from '../../../src/sim/results.ts';

/** A promise settled from outside. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks and zero-delay timers run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

/** A slot on a fake pool of 4 workers, with a clock the test moves, and every state it went through. */
function slotUnderTest<M = undefined>() {
  const pool = { size: 4, cacheCount: { hits: 10 } };
  const clock = { ms: 1000 };
  const slot = new JobSlot<string, M>(pool, () => clock.ms);
  const seen: JobState<string, M>[] = [];
  slot.subscribe(() => seen.push(slot.getState()));
  return { slot, pool, clock, seen };
}

/** A job that hands out its context and finishes when the test says. */
function controlledJob() {
  const done = deferred<string>();
  let context: JobContext<string> | undefined;
  const work = (c: JobContext<string>) => {
    context = c;
    return done.promise;
  };
  return { work, done, context: () => context as JobContext<string> };
}

describe('JobSlot', () => {
  it('runs a job: running with progress, then done with the time, the pool size and the runs reused', async () => {
    const { slot, pool, clock } = slotUnderTest();
    const job = controlledJob();
    slot.start(job.work);
    expect(slot.getState().phase).toEqual({ kind: 'running', job: 1, meta: undefined, done: 0, total: 0 });
    job.context().progress(5, 8);
    expect(slot.getState().phase).toMatchObject({ kind: 'running', done: 5, total: 8 });
    expect(job.context().current()).toBe(true);
    pool.cacheCount.hits += 3;
    clock.ms += 2500;
    job.done.resolve('answer');
    await settle();
    expect(slot.getState()).toMatchObject({
      phase: { kind: 'done', job: 1, total: 8, elapsedMs: 2500, workers: 4, reused: 3 },
      result: 'answer',
    });
    expect(job.context().current()).toBe(false);
  });

  it('a job that throws ends in an error in words; a plan that cannot be made likewise', async () => {
    const { slot } = slotUnderTest();
    slot.start(() => Promise.reject(new Error('the simulation worker stopped')));
    await settle();
    expect(slot.getState().phase).toMatchObject({ kind: 'error', message: 'the simulation worker stopped' });
    slot.start(() => {
      throw new Error('no arms');
    });
    await settle();
    expect(slot.getState().phase).toMatchObject({ kind: 'error', job: 2, message: 'no arms' });
  });

  it('Cancel aborts the signal, says cancelled at once, and ignores the result that arrives after', async () => {
    const { slot, seen } = slotUnderTest();
    const job = controlledJob();
    slot.start(job.work);
    slot.cancel();
    expect(job.context().signal.aborted).toBe(true);
    expect(slot.getState().phase).toMatchObject({ kind: 'cancelled', job: 1 });
    expect(job.context().current()).toBe(false);
    const changes = seen.length;
    job.context().progress(8, 8);
    job.context().provisional('early');
    job.done.resolve('late');
    await settle();
    expect(slot.getState()).toMatchObject({ phase: { kind: 'cancelled' }, result: null });
    expect(seen.length).toBe(changes); // nothing was announced after Cancel
  });

  it('a second start cancels the first: its signal aborts and its late result and error are ignored', async () => {
    const { slot } = slotUnderTest<string>();
    const first = controlledJob();
    const second = controlledJob();
    slot.start(first.work, 'first');
    slot.start(second.work, 'second');
    expect(first.context().signal.aborted).toBe(true);
    expect(second.context().signal.aborted).toBe(false);
    expect(slot.getState().phase).toMatchObject({ kind: 'running', job: 2, meta: 'second' });
    first.context().progress(3, 4);
    first.done.resolve('stale');
    await settle();
    expect(slot.getState().phase).toMatchObject({ kind: 'running', job: 2, done: 0 });
    second.done.resolve('fresh');
    await settle();
    expect(slot.getState()).toMatchObject({ phase: { kind: 'done', job: 2, meta: 'second' }, result: 'fresh' });
  });

  it('the pool’s CancelledError after Cancel changes nothing; show and clear abort the job under way', async () => {
    const { slot } = slotUnderTest();
    const job = controlledJob();
    slot.start(job.work);
    slot.show('saved');
    expect(job.context().signal.aborted).toBe(true);
    job.done.reject(new CancelledError());
    await settle();
    expect(slot.getState()).toMatchObject({ phase: { kind: 'idle' }, result: 'saved' });
    const next = controlledJob();
    slot.start(next.work);
    slot.clear();
    expect(next.context().signal.aborted).toBe(true);
    expect(slot.getState()).toEqual({ phase: { kind: 'idle' }, result: null, provisional: false, settled: null });
  });

  it('stops telling a listener once it unsubscribes', () => {
    const { slot } = slotUnderTest();
    let calls = 0;
    const unsubscribe = slot.subscribe(() => (calls += 1));
    slot.start(() => new Promise<string>(() => undefined));
    unsubscribe();
    slot.cancel();
    expect(calls).toBe(1);
  });
});

/** Tasks of a scenario never run: the fake executor only hands back a result per task. */
const tasks: RunTask[] = [0, 1, 2, 3].map((i) => ({ scenario: {} as Scenario, armId: `a${i % 2}`, seed: i }));
const resultOf = (task: RunTask) => ({ armId: task.armId, seed: task.seed }) as unknown as RunResult;

describe('planWork', () => {
  /** An executor whose runs the test finishes one burst at a time. */
  function steppedExecutor() {
    const end = deferred<void>();
    let send: (indices: number[]) => void = () => undefined;
    const execute: Executor = async (all, onProgress, _signal, onResult) => {
      let done = 0;
      send = (indices) => {
        for (const i of indices) {
          onResult?.(i, resultOf(all[i] as RunTask));
          onProgress?.((done += 1), all.length);
        }
      };
      await end.promise;
      return all.map(resultOf);
    };
    return { execute, send: (indices: number[]) => send(indices), end: () => end.resolve() };
  }

  it('shows the plan’s size at once, one provisional answer per burst of runs, and the final answer', async () => {
    const { slot } = slotUnderTest();
    const runner = steppedExecutor();
    const made: number[] = [];
    let arrived = 0;
    slot.start(
      planWork(runner.execute, () => ({
        tasks,
        finish: (results) => `final of ${results.length}`,
        provisional: {
          add: () => (arrived += 1) % 2 === 0, // due after every second run
          make: () => {
            made.push(arrived);
            return `after ${arrived}`;
          },
        },
      })),
    );
    expect(slot.getState().phase).toMatchObject({ kind: 'running', done: 0, total: 4 });
    runner.send([0, 1, 2, 3]); // one burst: two answers due, one made
    await settle();
    expect(made).toEqual([4]);
    expect(slot.getState()).toMatchObject({ result: 'after 4', provisional: true, phase: { done: 4, total: 4 } });
    runner.end();
    await settle();
    expect(slot.getState()).toMatchObject({ phase: { kind: 'done', total: 4 }, result: 'final of 4' });
  });

  it('makes no provisional answer once the job is cancelled, and survives one that fails', async () => {
    const { slot } = slotUnderTest();
    const runner = steppedExecutor();
    let calls = 0;
    slot.start(
      planWork(runner.execute, () => ({
        tasks,
        finish: () => 'final',
        provisional: {
          add: () => true,
          make: () => {
            calls += 1;
            throw new Error('not enough seeds');
          },
        },
      })),
    );
    runner.send([0]);
    await settle();
    expect(calls).toBe(1);
    expect(slot.getState()).toMatchObject({ phase: { kind: 'running', done: 1 }, result: null });
    runner.send([1]);
    slot.cancel();
    await settle();
    expect(calls).toBe(1);
    expect(slot.getState().phase.kind).toBe('cancelled');
  });
});
