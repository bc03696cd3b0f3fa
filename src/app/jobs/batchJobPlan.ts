/**
 * A job plan of one prefix batch (src/analysis/prefixBatch.ts: a sweep, a zone, a sensitivity batch): its tasks, its
 * final answer exactly as the batch summarises it, and a provisional answer each time more seeds are done for every
 * task group (the longest such prefix, once; never whichever runs a worker happened to finish first). Its tasks are
 * listed seed by seed (src/analysis/prefixBatch.ts, seedMajorOrder).
 */
import { ProvisionalBatch, seedMajorOrder, type PrefixBatch } from '../../analysis/prefixBatch.ts';
import type { JobPlan } from './planWork.ts';

/** How far a provisional answer is: seeds it rests on, of the seeds the final answer uses. */
export interface ProvisionalCount {
  replications: number;
  of: number;
}

/**
 * The plan of `batch`; `mark` receives each provisional answer with its count and gives what the job shows (the
 * answer itself, noted as provisional by the caller).
 */
export function batchJobPlan<T>(batch: PrefixBatch<T>, mark: (answer: T, count: ProvisionalCount) => T): JobPlan<T> {
  const tracker = new ProvisionalBatch(batch);
  // The tasks run seed by seed (every point's first seed, then every point's second...), so the first answer comes
  // after a fraction of the runs; results go back to the batch's own order before anything reads them.
  const order = seedMajorOrder(batch);
  return {
    tasks: order.map((i) => batch.tasks[i] as (typeof batch.tasks)[number]),
    finish: (results) => {
      const own = new Array<(typeof results)[number]>(results.length);
      results.forEach((r, k) => (own[order[k] as number] = r));
      return batch.summarise(own);
    },
    provisional: {
      add: (index, result) => tracker.add(order[index] as number, result),
      make: () => {
        const p = tracker.take();
        return p === null ? null : mark(p.answer, { replications: p.replications, of: p.of });
      },
    },
  };
}
