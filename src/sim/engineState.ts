/**
 * The state of one engine run as its parts see it, and the seams where a run differs: where its orders come from
 * (`OrderSource`) and how its couriers work (`CourierModel`: the synthetic couriers' shifts and riding, or a replay's
 * fixed shifts and MDRP travel). Legs (legs.ts), shifts (shifts.ts), dispatch (dispatch.ts) and the courier models
 * take an `EngineState`, and the engine (engine.ts) is the one class that implements it, so the parts never import
 * the engine and the engine's imports run one way.
 */
import type { Scenario, Weather } from '../scenario/schema.ts';
import type { City } from './city.ts';
import type { CustomerResponse } from './customers.ts';
import type { DeadlineContext, DeadlineLines, DeadlineModel } from './deadline/index.ts';
import type { DayOrders } from './demand.ts';
import type { DispatchContext } from './dispatchContext.ts';
import type { EventQueue } from './eventQueue.ts';
import type { CourierDayTimes, Ledger } from './ledger.ts';
import type { OrderTrace } from './orderTrace.ts';
import type { PlanParams } from './plan.ts';
import type { Population } from './population.ts';
import type { Draws, Rng } from './random.ts';
import type { Recorder } from './recorder.ts';
import type { RollingDispatcher, RollingHost } from './rollingDispatch.ts';
import type { Usable } from './spatialGrid.ts';

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
  /** Whether a batch runs when no order waits (see EngineWorld). */
  readonly batchWhenIdle: boolean;
  /** Whether a batch skips orders of a restaurant that found no courier earlier in it (see EngineWorld). */
  readonly restaurantMemo: boolean;
  readonly noCourierTick: Float64Array;
  readonly noCourierVersion: Float64Array;
  readonly rolling: RollingDispatcher | null;
  /** The order trace of the reported days, when asked for. */
  readonly trace: OrderTrace | null;
  // Per-day state.
  readonly day: number;
  speedFactor: number;
  serviceEndAbs: number;
  hardCap: boolean;
  pending: Int32Array;
  pendingCount: number;
  nextToPlace: number;
  /** Schedules courier c's next event (ties at one time by `priority`, by default the kind's); supersedes earlier. */
  schedule(time: number, kind: number, c: number, priority?: number): void;
  /** Puts courier c in the grid when it can take an order, else out. */
  gridUpdate(c: number): void;
  /** Counts a delivery toward courier c's assessment. */
  assessed(c: number, late: boolean): void;
  /** Moves the assessment to today: scores from the previous days, today's slot cleared. */
  updateScores(): void;
}

/** What happens at a courier's event, and whether a later event for the same courier supersedes it. */
export interface Handler {
  run(e: EngineState, c: number, now: number): void;
  superseded: boolean;
}

/** A day's dispatch batches: at `firstSec`, then every `stepSec` while not after `lastSec` (absolute seconds). */
export interface Ticks {
  firstSec: number;
  stepSec: number;
  lastSec: number;
}

/**
 * How a run's couriers work a day: when they are there and how they carry out their plans. The synthetic couriers
 * (syntheticDay.ts) log on, ride legs at their own pace and take breaks; a replay's (replayTravel.ts) keep the
 * instance's shifts and travel in its minutes.
 */
export interface CourierModel {
  /** The courier events by kind. */
  readonly handlers: Readonly<Record<number, Handler>>;
  /** Whether courier c could start a wave at `now` (see RollingHost.isFree). */
  isFree(e: EngineState, c: number, now: number): boolean;
  /** The last moment courier c may pick food up, seconds. */
  pickupDeadlineSec(c: number): number;
  /** What courier c has earned today as dispatch sees it, fen (the fairShare policy). */
  earnedFen(e: EngineState, c: number): number;
  /** Opens the day, after its promises: puts the couriers on and queues their first events; returns the batches. */
  openDay(e: EngineState, weather: Weather): Ticks;
  /** Order o went into courier c's plan, its pickup at plan position `pickupAt`. */
  took(e: EngineState, c: number, o: number, now: number, pickupAt: number): void;
  /** Courier c accepted an offer (every order of it is in the plan). */
  accepted(e: EngineState, c: number, now: number): void;
  /** A batch at `now` is over. */
  afterBatch(e: EngineState, now: number): void;
  /** Closes the day (undelivered orders are cancelled): returns each courier's times for the day's pay. */
  closeDay(e: EngineState): CourierDayTimes;
}

/** What an engine runs in: the city, the couriers and how the platform plans and waits. */
export interface EngineWorld {
  city: City;
  pop: Population;
  /** What the deadline model knows of the world. */
  deadlineContext: DeadlineContext;
  plan: PlanParams;
  /** Whether courier c, in the grid, can take an order at `now`. */
  usable: Usable;
  /** Road km per straight-line km. */
  detourFactor: number;
  /** How long an order waits for a courier before it is cancelled, seconds (Infinity: never). */
  cancelAfterSec: number;
  /**
   * Whether a batch runs when no order waits. It matters to the rolling dispatcher, which notes at every batch who
   * has become free since the last; a replay batches only when orders wait, as the MDRP replay always has.
   */
  batchWhenIdle: boolean;
  /**
   * Whether a batch of the order-by-order policies skips the orders of a restaurant that found no courier earlier in
   * it. A shortcut for overloaded cities: a later order of that restaurant, due later, might have fitted. A replay
   * searches for every order.
   */
  restaurantMemo: boolean;
}

/** Where a run's orders come from, day by day. */
export interface OrderSource {
  /** The day whose midnight day `day`'s times count from. */
  clockDay(day: number): number;
  /** The orders of warm-up day `day` (negative). */
  warmupOrders(e: EngineState, day: number): DayOrders;
  /** The orders of reported day `day`. */
  dayOrders(e: EngineState, day: number, weather: Weather): DayOrders;
}
