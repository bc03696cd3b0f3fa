// The job state machine: every phase, and the events it must ignore (a result after Cancel, a replaced job's events).
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../../src/analysis/index.ts';
import { initialJobState, jobReducer, type JobEvent, type JobState } from '../../../src/app/jobs/jobState.ts';

type State = JobState<string, string>;
type Event = JobEvent<string, string>;

const report = { elapsedMs: 1500, workers: 2, reused: 3 };

/** The state after each event in turn, from a fresh slot. */
function after(...events: Event[]): State {
  return events.reduce<State>((state, event) => jobReducer(state, event), initialJobState<string, string>());
}

describe('jobReducer', () => {
  it('starts idle, with nothing shown', () => {
    expect(after()).toEqual({ phase: { kind: 'idle' }, result: null, provisional: false, settled: null });
  });

  it('start → progress → provisional → done', () => {
    const running = after({ type: 'start', job: 1, meta: 'm' });
    expect(running.phase).toEqual({ kind: 'running', job: 1, meta: 'm', done: 0, total: 0 });
    const progressed = jobReducer(running, { type: 'progress', job: 1, done: 3, total: 20 });
    expect(progressed.phase).toEqual({ kind: 'running', job: 1, meta: 'm', done: 3, total: 20 });
    const early = jobReducer(progressed, { type: 'provisional', job: 1, result: 'two seeds' });
    expect(early).toMatchObject({ result: 'two seeds', provisional: true, settled: null });
    expect(early.phase.kind).toBe('running');
    const done = jobReducer(early, { type: 'finish', job: 1, result: 'final', report });
    expect(done).toEqual({
      phase: { kind: 'done', job: 1, meta: 'm', total: 20, elapsedMs: 1500, workers: 2, reused: 3 },
      result: 'final',
      provisional: false,
      settled: 'final',
    });
  });

  it('an error is shown in words and leaves the last final result, not the provisional one', () => {
    const state = after(
      { type: 'start', job: 1, meta: 'm' },
      { type: 'finish', job: 1, result: 'first', report },
      { type: 'start', job: 2, meta: 'n' },
      { type: 'provisional', job: 2, result: 'early' },
      { type: 'fail', job: 2, error: new Error('arm "p10", seed 3: out of memory') },
    );
    expect(state.phase).toMatchObject({
      kind: 'error',
      job: 2,
      meta: 'n',
      message: 'arm "p10", seed 3: out of memory',
    });
    expect(state).toMatchObject({ result: 'first', provisional: false, settled: 'first' });
    expect(
      after({ type: 'start', job: 1, meta: 'm' }, { type: 'fail', job: 1, error: 'plain text' }).phase,
    ).toMatchObject({ kind: 'error', message: 'plain text', error: 'plain text' });
  });

  it('Cancel ends the job at once and takes its provisional answer away', () => {
    const state = after(
      { type: 'start', job: 1, meta: 'm' },
      { type: 'finish', job: 1, result: 'first', report },
      { type: 'start', job: 2, meta: 'm' },
      { type: 'progress', job: 2, done: 4, total: 20 },
      { type: 'provisional', job: 2, result: 'early' },
      { type: 'cancel', job: 2 },
    );
    expect(state).toEqual({
      phase: { kind: 'cancelled', job: 2, meta: 'm' },
      result: 'first',
      provisional: false,
      settled: 'first',
    });
  });

  it('a cancelled run the pool reports by throwing reads as cancelled, not as an error', () => {
    const state = after({ type: 'start', job: 1, meta: 'm' }, { type: 'fail', job: 1, error: new CancelledError() });
    expect(state.phase).toEqual({ kind: 'cancelled', job: 1, meta: 'm' });
  });

  it('ignores whatever a job sends after Cancel: results, progress, provisional answers, errors', () => {
    const cancelled = after(
      { type: 'start', job: 1, meta: 'm' },
      { type: 'progress', job: 1, done: 1, total: 20 },
      { type: 'cancel', job: 1 },
    );
    for (const late of [
      { type: 'finish', job: 1, result: 'late', report },
      { type: 'progress', job: 1, done: 20, total: 20 },
      { type: 'provisional', job: 1, result: 'late' },
      { type: 'fail', job: 1, error: new Error('late') },
      { type: 'cancel', job: 1 },
    ] satisfies Event[]) {
      expect(jobReducer(cancelled, late)).toBe(cancelled);
    }
  });

  it('a second start replaces the first: the first job’s events are ignored, the second’s count', () => {
    const second = after(
      { type: 'start', job: 1, meta: 'first' },
      { type: 'progress', job: 1, done: 2, total: 10 },
      { type: 'start', job: 2, meta: 'second' },
    );
    expect(second.phase).toEqual({ kind: 'running', job: 2, meta: 'second', done: 0, total: 0 });
    expect(jobReducer(second, { type: 'progress', job: 1, done: 9, total: 10 })).toBe(second);
    expect(jobReducer(second, { type: 'finish', job: 1, result: 'old', report })).toBe(second);
    expect(jobReducer(second, { type: 'fail', job: 1, error: new CancelledError() })).toBe(second);
    const done = jobReducer(second, { type: 'finish', job: 2, result: 'new', report });
    expect(done).toMatchObject({ phase: { kind: 'done', job: 2, meta: 'second' }, result: 'new' });
  });

  it('a new start drops the replaced job’s provisional answer and keeps the last final one', () => {
    const state = after(
      { type: 'start', job: 1, meta: 'm' },
      { type: 'finish', job: 1, result: 'first', report },
      { type: 'start', job: 2, meta: 'm' },
      { type: 'provisional', job: 2, result: 'early' },
      { type: 'start', job: 3, meta: 'm' },
    );
    expect(state).toMatchObject({ result: 'first', provisional: false, settled: 'first' });
  });

  it('show puts a result on screen as final and ends any job; clear forgets everything', () => {
    const shown = after(
      { type: 'start', job: 1, meta: 'm' },
      { type: 'provisional', job: 1, result: 'early' },
      { type: 'show', result: 'saved' },
    );
    expect(shown).toEqual({ phase: { kind: 'idle' }, result: 'saved', provisional: false, settled: 'saved' });
    expect(jobReducer(shown, { type: 'finish', job: 1, result: 'late', report })).toBe(shown);
    const cleared = jobReducer(shown, { type: 'clear' });
    expect(cleared).toEqual(initialJobState());
    expect(jobReducer(cleared, { type: 'clear' })).toBe(cleared);
  });
});
