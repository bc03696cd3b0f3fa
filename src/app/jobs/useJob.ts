/**
 * The app's one job hook: a JobSlot on the page's shared worker pool, rendered through React. The comparison, the
 * guide, the sweep, the bargaining panels and the evidence panel each hold one.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { sharedPool } from '../simClient.ts';
import { JobSlot, type StartMeta } from './jobSlot.ts';
import type { JobPhase, JobState } from './jobState.ts';
import { planWork, type JobPlan } from './planWork.ts';

/** A job slot's state and actions, as components read them. */
export interface Job<T, M = undefined> {
  state: JobState<T, M>;
  phase: JobPhase<M>;
  /** The result on screen (see JobState). */
  result: T | null;
  /** Starts a job, cancelling the one under way. */
  start: JobSlot<T, M>['start'];
  /** Plans (on this thread: light work only) and starts a batch of runs on the shared pool. */
  runPlan: (makePlan: () => JobPlan<T>, ...meta: StartMeta<M>) => void;
  cancel: () => void;
  /** Cancels and forgets the shown result. */
  clear: () => void;
  /** Cancels any job and shows a result computed earlier (a saved run), without running anything. */
  show: (result: T) => void;
}

/** A hook owning one job slot on the page's shared pool; a job still running when the component goes is cancelled. */
export function useJob<T, M = undefined>(): Job<T, M> {
  const [slot] = useState(() => new JobSlot<T, M>(sharedPool()));
  const state = useSyncExternalStore(slot.subscribe, slot.getState);
  useEffect(() => () => slot.cancel(), [slot]);
  const runPlan = useCallback(
    (makePlan: () => JobPlan<T>, ...meta: StartMeta<M>) =>
      slot.start(planWork(sharedPool().runTasks, makePlan), ...meta),
    [slot],
  );
  return {
    state,
    phase: state.phase,
    result: state.result,
    start: slot.start,
    runPlan,
    cancel: slot.cancel,
    clear: slot.clear,
    show: slot.show,
  };
}
