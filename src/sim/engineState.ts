/**
 * The state of one engine run as its parts see it: legs (legs.ts), shifts (shifts.ts) and dispatch (dispatch.ts)
 * take an `EngineState`, and the engine (engine.ts) is the one class that implements it, so the parts never import
 * the engine and the engine's imports run one way.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { CustomerResponse } from './customers.ts';
import type { DeadlineLines, DeadlineModel } from './deadline/index.ts';
import type { DispatchContext } from './dispatchContext.ts';
import type { EventQueue } from './eventQueue.ts';
import type { Ledger } from './ledger.ts';
import type { Population } from './population.ts';
import type { Draws, Rng } from './random.ts';
import type { Recorder } from './recorder.ts';
import type { RollingDispatcher, RollingHost } from './rollingDispatch.ts';

/** Everything the engine's parts read and write. */
export interface EngineState extends DispatchContext, RollingHost {
  readonly scenario: Scenario;
  readonly pop: Population;
  readonly queue: EventQueue;
  /** The recorder, ledger and customers of the days being simulated (throw-away ones during warm-up). */
  readonly rec: Recorder;
  readonly ledger: Ledger;
  readonly customers: CustomerResponse;
  readonly deadline: DeadlineModel;
  readonly lines: DeadlineLines;
  // The day-by-day streams.
  readonly behaviour: Rng;
  readonly riding: Rng;
  readonly shifts: Draws;
  readonly riskTolerance: Float64Array;
  readonly detourFactor: number;
  readonly signalsPerKm: number;
  readonly rushWhenLate: boolean;
  readonly breakAfterSec: number;
  readonly cancelAfterSec: number;
  readonly noCourierTick: Float64Array;
  readonly noCourierVersion: Float64Array;
  readonly rolling: RollingDispatcher | null;
  // Per-day state.
  readonly day: number;
  readonly speedFactor: number;
  readonly serviceEndAbs: number;
  readonly pending: Int32Array;
  pendingCount: number;
  nextToPlace: number;
  /** Schedules courier c's next event; any earlier one still queued is superseded. */
  schedule(time: number, kind: number, c: number): void;
  /** Puts courier c in the grid when it can take an order, else out. */
  gridUpdate(c: number): void;
  /** Counts a delivery toward courier c's assessment. */
  assessed(c: number, late: boolean): void;
}
