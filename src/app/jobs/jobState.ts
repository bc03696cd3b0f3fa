/**
 * The state machine of one job slot, as a pure reducer: idle → running (with progress, and perhaps provisional
 * results) → done, error or cancelled. Every event of a job names the job it belongs to, and only the running job's
 * events count: a result, progress or provisional answer that arrives after Cancel, or from a job a newer one
 * replaced, changes nothing.
 */
import { CancelledError } from '../../analysis/index.ts';

/** What the pool reports about a finished job, for the status line. */
export interface JobReport {
  /** Milliseconds from the start of the job to its result. */
  elapsedMs: number;
  /** Workers in the pool. */
  workers: number;
  /** Runs answered from the run cache during the job. */
  reused: number;
}

/**
 * Where the slot is. `job` numbers the jobs of a slot (1, 2, ...); `meta` is what the caller said the job is (the
 * evidence panel: export or verify, and the file). An error keeps the thrown value and its message in words.
 */
export type JobPhase<M = undefined> =
  | { kind: 'idle' }
  | { kind: 'running'; job: number; meta: M; done: number; total: number }
  | ({ kind: 'done'; job: number; meta: M; total: number } & JobReport)
  | { kind: 'cancelled'; job: number; meta: M }
  | { kind: 'error'; job: number; meta: M; message: string; error: unknown };

/** The slot's phase and the result it shows. */
export interface JobState<T, M = undefined> {
  phase: JobPhase<M>;
  /** The result on screen: the last final one, or while a job runs, a provisional one of that job. */
  result: T | null;
  /** Whether `result` is a provisional answer of the running job. */
  provisional: boolean;
  /** The last final result: what a cancelled or failed job leaves on screen. */
  settled: T | null;
}

/** What happens to a slot. */
export type JobEvent<T, M = undefined> =
  | { type: 'start'; job: number; meta: M }
  | { type: 'progress'; job: number; done: number; total: number }
  | { type: 'provisional'; job: number; result: T }
  | { type: 'finish'; job: number; result: T; report: JobReport }
  | { type: 'fail'; job: number; error: unknown }
  | { type: 'cancel'; job: number }
  /** Shows a result computed earlier (a saved run) and forgets any job. */
  | { type: 'show'; result: T }
  /** Forgets any job and the result shown. */
  | { type: 'clear' };

/** A slot before its first job. */
export function initialJobState<T, M = undefined>(): JobState<T, M> {
  return { phase: { kind: 'idle' }, result: null, provisional: false, settled: null };
}

/** The words of anything a job threw. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A provisional answer never outlives its job: what is left is the last final result. */
function settledOf<T, M>(state: JobState<T, M>): Pick<JobState<T, M>, 'result' | 'provisional' | 'settled'> {
  return { result: state.provisional ? state.settled : state.result, provisional: false, settled: state.settled };
}

/** The slot after `event`; the same object when the event changes nothing (it belongs to no running job). */
export function jobReducer<T, M>(state: JobState<T, M>, event: JobEvent<T, M>): JobState<T, M> {
  switch (event.type) {
    case 'start':
      return { ...settledOf(state), phase: { kind: 'running', job: event.job, meta: event.meta, done: 0, total: 0 } };
    case 'show':
      return { phase: { kind: 'idle' }, result: event.result, provisional: false, settled: event.result };
    case 'clear':
      return state.phase.kind === 'idle' && state.result === null ? state : initialJobState();
    default:
      break;
  }
  const phase = state.phase;
  if (phase.kind !== 'running' || phase.job !== event.job) return state;
  const { job, meta } = phase;
  switch (event.type) {
    case 'progress':
      if (event.done === phase.done && event.total === phase.total) return state;
      return { ...state, phase: { ...phase, done: event.done, total: event.total } };
    case 'provisional':
      return { ...state, result: event.result, provisional: true };
    case 'finish':
      return {
        phase: { kind: 'done', job, meta, total: phase.total, ...event.report },
        result: event.result,
        provisional: false,
        settled: event.result,
      };
    case 'cancel':
      return { ...settledOf(state), phase: { kind: 'cancelled', job, meta } };
    case 'fail': {
      // The pool says a cancelled run is cancelled by throwing; that is not an error to show.
      const { error } = event;
      if (error instanceof CancelledError) return { ...settledOf(state), phase: { kind: 'cancelled', job, meta } };
      return { ...settledOf(state), phase: { kind: 'error', job, meta, message: messageOf(error), error } };
    }
  }
}

/** The phase of a job that needs no description of its own: comparisons, guide steps, sweeps, bargaining. */
export type RunPhase = JobPhase;
