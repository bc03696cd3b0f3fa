/**
 * A job made of one batch of runs (a comparison, a guide step, a sweep): the tasks, how their results become the
 * answer, and perhaps provisional answers while the runs come in.
 */
import type { Executor, RunTask } from '../../analysis/index.ts';
import type { RunResult } from '../../sim/results.ts';
import type { JobWork } from './jobSlot.ts';

/** What a job runs: the tasks, and how their results (in task order) become the job's result. */
export interface JobPlan<T> {
  tasks: RunTask[];
  finish: (results: RunResult[]) => T;
  /** A provisional result, shown while the job runs (a comparison on the seeds done so far). */
  provisional?: Provisional<T>;
}

/**
 * How a job answers before it ends: `add` takes each run as it finishes (its task index) and says whether a new
 * provisional result is due; `make` makes it, or null when none is due after all. `make` runs at most once per
 * batch of runs that came in together, so a burst of finished runs is summarised once.
 */
export interface Provisional<T> {
  add: (index: number, result: RunResult) => boolean;
  make: () => T | null;
}

/**
 * The work of a plan made by `makePlan` (on this thread when the job starts: light work only), run by `runTasks`.
 * The progress bar shows the plan's size at once; a plan that cannot be made fails the job with its message.
 */
export function planWork<T>(runTasks: Executor, makePlan: () => JobPlan<T>): JobWork<T> {
  return async ({ signal, progress, provisional, current }) => {
    const plan = makePlan();
    progress(0, plan.tasks.length);
    // Runs come in one message at a time; a provisional result waits a turn of the event loop, so runs that arrive
    // together (say, from the run cache) make one summary.
    let scheduled = false;
    const source = plan.provisional;
    const onResult = source
      ? (index: number, finishedRun: RunResult) => {
          if (!source.add(index, finishedRun) || scheduled) return;
          scheduled = true;
          setTimeout(() => {
            scheduled = false;
            if (!current()) return; // finished, cancelled or replaced meanwhile
            let shown: T | null;
            try {
              shown = source.make();
            } catch {
              // No provisional answer then; the final one is made from the same runs and reports any error.
              return;
            }
            if (shown !== null) provisional(shown);
          }, 0);
        }
      : undefined;
    const results = await runTasks(plan.tasks, progress, signal, onResult);
    return plan.finish(results);
  };
}
