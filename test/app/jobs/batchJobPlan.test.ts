// A prefix batch as a workbench job (the zone and the sweep's shape): the slot shows the answer of the first seeds
// every group has finished, marked with its count, whatever order the runs arrive in, and then the final answer,
// byte for byte the batch's summary.
import { describe, expect, it } from 'vitest';
import { parseTarget, runInProcess, zoneBatch, type Executor, type ZoneResult } from '../../../src/analysis/index.ts';
import { seedMajorOrder } from '../../../src/analysis/prefixBatch.ts';
import { batchJobPlan, type ProvisionalCount } from '../../../src/app/jobs/batchJobPlan.ts';
import { JobSlot } from '../../../src/app/jobs/jobSlot.ts';
import type { JobState } from '../../../src/app/jobs/jobState.ts';
import { planWork } from '../../../src/app/jobs/planWork.ts';
import { Scenario } from '../../../src/scenario/schema.ts';
import type { RunResult } from '../../../src/sim/results.ts';

const TINY = Scenario.parse({
  schemaVersion: 2,
  population: { couriers: 6 },
  demand: { ordersPerCourierDay: 10 },
  replications: 3,
});
const batch = () =>
  zoneBatch(TINY, {
    x: { param: 'rules.deadline.percentile', values: [30, 50] },
    y: { param: 'rules.pay.base', values: [6, 9] },
    union: [parseTarget('earnings.shareBelowMinWage <= 0.5')],
    platform: [parseTarget('platform.margin >= 0')],
    arm: 'median',
  });
const runs = runInProcess(batch().tasks);

/**
 * An executor that hands over the precomputed runs (by the batch's task index) in `order` of the batch's indices,
 * each as its own message (a turn apart). The job lists its tasks seed by seed (`seedMajorOrder`), so its task k is
 * the batch's task `listed[k]`.
 */
function replay(all: RunResult[], order: number[], listed: number[]): Executor {
  const at = new Map(listed.map((b, k) => [b, k]));
  return async (tasks, onProgress, _signal, onResult) => {
    expect(tasks).toHaveLength(listed.length);
    let done = 0;
    for (const i of order) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      onResult?.(at.get(i) as number, all[i] as RunResult);
      onProgress?.(++done, tasks.length);
    }
    return listed.map((b) => all[b] as RunResult);
  };
}

/** Every state a slot running the zone's job plan goes through, with the counts its provisional answers carried. */
async function shownStates(order: (n: number) => number[]) {
  const all = await runs;
  const slot = new JobSlot<ZoneResult>({ size: 2, cacheCount: { hits: 0 } });
  const seen: JobState<ZoneResult>[] = [];
  const counts = new Map<ZoneResult, ProvisionalCount>();
  slot.subscribe(() => seen.push(slot.getState()));
  const plan = batch();
  slot.start(
    planWork(replay(all, order(all.length), seedMajorOrder(plan)), () =>
      batchJobPlan(plan, (answer, count) => {
        counts.set(answer, count);
        return answer;
      }),
    ),
  );
  while (slot.getState().phase.kind === 'running') await new Promise((resolve) => setTimeout(resolve, 5));
  return { all, plan, seen, counts, final: slot.getState() };
}

describe('batchJobPlan', () => {
  it('shows the zone on 2 of 3 seeds, marked, then the final zone exactly as the batch summarises it', async () => {
    const forwards = await shownStates((n) => Array.from({ length: n }, (_, i) => i));
    // Seed by seed, the cells from the last: seeds 1 and 2 are complete before any cell has run seed 3.
    const backwards = await shownStates((n) =>
      Array.from({ length: n }, (_, i) => n - 1 - i).sort((a, b) => (a % 3) - (b % 3)),
    );
    for (const run of [forwards, backwards]) {
      // Every state while it is on screen (progress goes on), but one answer.
      const provisional = [...new Set(run.seen.filter((s) => s.provisional).map((s) => s.result as ZoneResult))];
      expect(provisional).toHaveLength(1);
      const shown = provisional[0] as ZoneResult;
      expect(run.counts.get(shown)).toEqual({ replications: 2, of: 3 });
      expect(shown.seeds).toHaveLength(2);
      expect(JSON.stringify(shown)).toBe(JSON.stringify(run.plan.seedPrefix?.answer(run.all, 2)));
      expect(run.final.phase.kind).toBe('done');
      expect(run.final.provisional).toBe(false);
      expect(JSON.stringify(run.final.result)).toBe(JSON.stringify(run.plan.summarise(run.all)));
    }
    // Whichever order the runs arrived in, the same provisional answer.
    const first = (r: typeof forwards) => JSON.stringify(r.seen.find((s) => s.provisional)?.result);
    expect(first(backwards)).toBe(first(forwards));
  });
});
