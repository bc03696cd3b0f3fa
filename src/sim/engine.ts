/**
 * The discrete-event engine: one arm with one seed, day by day (MODEL.md sections 3–8). Each day the platform
 * promises every order (the deadline model, deadline/), dispatches the waiting orders in batches (dispatch.ts,
 * rollingDispatch.ts) and books the money (ledger.ts), while the couriers work the day as their courier model says,
 * through events: the synthetic couriers of syntheticDay.ts (shifts.ts, legs.ts) or a replay's (replayTravel.ts).
 * The orders come from an order source: drawn demand (syntheticDay.ts) or a replayed instance (replay.ts). The other
 * parts live beside it: courier state (fleet.ts), the grid of usable couriers (spatialGrid.ts), plan insertion
 * (plan.ts) and the recorder that turns events into counts (recorder.ts).
 */
import type { Rules, Scenario, Weather } from '../scenario/schema.ts';
import { Assessment } from './assessment.ts';
import type { City } from './city.ts';
import { CustomerResponse } from './customers.ts';
import { deadlineLines, deadlineModelFor, type DeadlineLines, type DeadlineModel } from './deadline/index.ts';
import { DayBuffers } from './dayBuffers.ts';
import type { DayOrders } from './demand.ts';
import { dispatchTick } from './dispatch.ts';
import type { CourierModel, EngineState, EngineWorld, Handler, OrderSource } from './engineState.ts';
import { EventQueue } from './eventQueue.ts';
import { PRIORITY } from './events.ts';
import { Fleet, IDLE, RIDING, SERVICE } from './fleet.ts';
import { Ledger } from './ledger.ts';
import { ASSIGNED, CANCELLED, OrderBook, WAITING } from './orderBook.ts';
import { OrderSlots, type SlotColumn } from './orderSlots.ts';
import { OrderTrace } from './orderTrace.ts';
import { InsertionSearch, type PlanParams } from './plan.ts';
import type { Population } from './population.ts';
import { draws, stream, type Draws, type Rng } from './random.ts';
import { Recorder } from './recorder.ts';
import { newDispatchWork, RollingDispatcher, type DispatchWork } from './rollingDispatch.ts';
import { SpatialGrid } from './spatialGrid.ts';
import { DrawnOrders, SYNTHETIC_COURIERS, syntheticWorld } from './syntheticDay.ts';
import type { Tally } from './tally.ts';
import { hourOf } from './time.ts';
import { warmupKey, type WarmupCache } from './warmup.ts';

/** The inputs an engine run needs besides the scenario: the arm's resolved rules and the seed. */
export interface EngineInput {
  scenario: Scenario;
  rules: Rules;
  seed: number;
  /**
   * A day's orders given instead of drawn (analytic tests). Restaurant indices refer to the city built from the
   * scenario.
   */
  ordersForDay?: (day: number, city: City) => DayOrders;
  /** Keep one row per order of the reported days (`fairpace run --orders`). */
  trace?: boolean;
  /** Keep each courier-day's whole row, not only what the metrics read (evidence packs' courier-day CSV). */
  courierDayRows?: boolean;
  /** Warm-up states to reuse, and to keep this run's in (see warmup.ts). */
  warmups?: WarmupCache;
  /** Where to count dispatch's work (the bench); counts add to what it holds. */
  work?: DispatchWork;
}

/** What an engine run leaves: the tally, the population it drew and, when asked, the order trace. */
export interface EngineOutput {
  tally: Tally;
  population: Population;
  trace?: OrderTrace;
}

/** The state of one run, shared by the engine's parts. */
export class Engine implements EngineState {
  readonly city: City;
  readonly pop: Population;
  readonly fleet: Fleet;
  readonly grid: SpatialGrid;
  readonly queue = new EventQueue();
  /** The recorder and the ledger of the days being simulated (throw-away ones during warm-up). */
  rec: Recorder;
  ledger: Ledger;
  /** Customers' response to lateness on the reported days (a throw-away one during warm-up). */
  customers: CustomerResponse;
  deadline: DeadlineModel;
  readonly plan: PlanParams;
  readonly insertion: InsertionSearch;
  // The day-by-day streams (the warm-up's own during warm-up days).
  behaviour: Rng;
  riding: Rng;
  shifts: Draws;
  /** Each courier's risk tolerance today: drawn, then adapted day by day (MODEL.md section 5). */
  readonly riskTolerance: Float64Array;
  readonly detourFactor: number;
  readonly signalsPerKm: number;
  readonly rushWhenLate: boolean;
  /** The lines of every order's deadline (window, grace, severe lateness), from the arm's rules. */
  readonly lines: DeadlineLines;
  /** The order trace of the reported days, when asked for. */
  trace: OrderTrace | null = null;
  readonly breakAfterSec: number;
  readonly cancelAfterSec: number;
  readonly batchWhenIdle: boolean;
  readonly restaurantMemo: boolean;
  /** The platform's assessment of couriers, and its scores (the same array). */
  readonly assessment: Assessment;
  readonly score: Float64Array;
  /** Per restaurant: the tick (and grid version) at which a search found no courier. */
  readonly noCourierTick: Float64Array;
  readonly noCourierVersion: Float64Array;

  /** The per-order arrays of the day (book, memos, queue of waiting orders), reused from day to day. */
  readonly buffers = new DayBuffers();

  // Per-day state.
  day = 0;
  speedFactor = 1;
  book: OrderBook = new OrderBook(emptyOrders(), 1);
  pending = new Int32Array(0);
  pendingCount = 0;
  nextToPlace = 0;
  serviceEndAbs = 0;
  /** Whether today's online-hours limit is the platform's heat cap (then no order may run past it). */
  hardCap = false;
  /**
   * Per order, in a slot while it needs one (orderSlots.ts): the busy couriers no position of whose plan fitted it at
   * its last fruitless search (`noFitWidth` at most), how many, and the fleet's change count then (−1: none).
   */
  readonly noFitWidth: number;
  readonly noFit = new OrderSlots();
  readonly noFitSeq: SlotColumn<Float64Array>;
  readonly noFitCount: SlotColumn<Uint8Array>;
  readonly noFitCouriers: SlotColumn<Int32Array>;
  readonly fitlessScratch: Int32Array;
  /** Where the last chosen courier's plan takes the new order's pickup and drop-off. */
  pickupAt = 0;
  dropAt = 0;
  // The offer being assigned (several orders of one bundle): how many so far, and whether it began with an empty bag.
  private offerSize = 0;
  private offerStartsWave = false;
  /** What dispatch did over the run (all days, warm-up included), for the bench. */
  work: DispatchWork = newDispatchWork();
  /** The rolling-horizon dispatcher, when the arm's policy is `rolling`. */
  readonly rolling: RollingDispatcher | null;

  constructor(
    readonly scenario: Scenario,
    readonly rules: Rules,
    readonly seed: number,
    world: EngineWorld,
    /** How the couriers work their days. */
    readonly couriers: CourierModel,
    /** Keep each reported courier-day's whole row (see EngineInput). */
    courierDayRows = false,
  ) {
    this.city = world.city;
    this.pop = world.pop;
    const n = this.pop.count;
    const dispatch = rules.dispatch;
    this.fleet = new Fleet(n, dispatch.maxBag);
    this.rec = new Recorder(scenario, rules, scenario.time.days, n, courierDayRows);
    this.ledger = new Ledger(scenario, rules, n, stream(seed, 'complaints'));
    this.customers = new CustomerResponse(scenario.demand, scenario.time.days);
    this.detourFactor = world.detourFactor;
    this.deadline = deadlineModelFor(rules.deadline, world.deadlineContext);
    this.riskTolerance = Float64Array.from(this.pop.riskTolerance);
    this.signalsPerKm = scenario.city.signalsPerKm;
    this.plan = world.plan;
    this.insertion = new InsertionSearch(this.fleet.planCap, this.plan, this.city);
    this.noFitWidth = Math.min(dispatch.candidates, 255);
    this.fitlessScratch = new Int32Array(this.noFitWidth);
    this.noFitSeq = this.noFit.float64(1, -1);
    this.noFitCount = this.noFit.uint8(1);
    this.noFitCouriers = this.noFit.int32(this.noFitWidth);
    this.grid = new SpatialGrid(this.city.widthKm, this.city.heightKm, n, dispatch.maxPickupKm, world.usable);
    this.behaviour = stream(seed, 'behaviour');
    this.riding = stream(seed, 'riding');
    this.shifts = draws(stream(seed, 'shifts'));
    this.rushWhenLate = rules.penalties.perMinuteLate > 0;
    this.lines = deadlineLines(rules);
    this.breakAfterSec = scenario.behaviour.breakAfterHours * 3600;
    this.cancelAfterSec = world.cancelAfterSec;
    this.batchWhenIdle = world.batchWhenIdle;
    this.restaurantMemo = world.restaurantMemo;
    this.assessment = new Assessment(rules, n);
    this.score = this.assessment.score;
    this.noCourierTick = new Float64Array(this.city.restaurantX.length).fill(-1);
    this.noCourierVersion = new Float64Array(this.city.restaurantX.length).fill(-1);
    this.rolling = dispatch.policy === 'rolling' ? new RollingDispatcher(rules, n) : null;
  }

  /** Whether courier c could start a wave now (as its courier model says). */
  isFree(c: number, now: number): boolean {
    return this.couriers.isFree(this, c, now);
  }

  /** The last moment courier c may pick food up (as its courier model says). */
  pickupDeadlineSec(c: number): number {
    return this.couriers.pickupDeadlineSec(c);
  }

  /** What courier c has earned today as dispatch sees it, fen. */
  earnedTodayFen(c: number): number {
    return this.couriers.earnedFen(this, c);
  }

  /** Whether courier c turns down an offer: crowd couriers decline with `declineProb`. */
  declines(c: number): boolean {
    const p = this.scenario.behaviour.declineProb;
    return this.pop.crowd[c] === 1 && p > 0 && this.behaviour() < p;
  }

  /**
   * Schedules courier c's next event (`priority` orders events at one time, by default the kind's); any earlier one
   * still queued is superseded.
   */
  schedule(time: number, kind: number, c: number, priority = PRIORITY[kind] as number): void {
    const t = (this.fleet.token[c] as number) + 1;
    this.fleet.token[c] = t;
    this.queue.push(time, priority, kind, c, t);
  }

  /** Puts courier c in the grid when it can take an order (online, not closing, room in the bag), else out. */
  gridUpdate(c: number): void {
    const f = this.fleet;
    const s = f.state[c];
    const eligible =
      (s === IDLE || s === RIDING || s === SERVICE) && f.closing[c] === 0 && (f.bagCount[c] as number) < f.maxBag;
    this.grid.update(c, eligible, f.x[c] as number, f.y[c] as number);
  }

  /** Gives order o to courier c with its stops at the given plan positions. */
  assign(o: number, c: number, now: number, pickupAt: number, dropAt: number, last = true): void {
    // A new stop in a plan can make an insertion feasible that was not (a pickup near it), so memos expire.
    this.grid.touch();
    const f = this.fleet;
    this.book.status[o] = ASSIGNED;
    this.book.assignedAt[o] = now;
    this.book.courier[o] = c;
    if (f.bagCount[c] === 0) f.engagedSince[c] = now;
    // A wave starts from an idle courier: an offer made while the last drop-off is still being handed over
    // continues the wave (as the TSL-Meituan wave records count it).
    if (this.offerSize === 0) this.offerStartsWave = f.bagCount[c] === 0 && (f.freeAt[c] as number) <= now;
    this.offerSize++;
    f.take(c, o, pickupAt, dropAt);
    this.couriers.took(this, c, o, now, pickupAt);
    if (!last) return;
    // The orders of one offer are accepted together: each is counted with the bag as it is once all are in it.
    for (let k = 0; k < this.offerSize; k++)
      this.rec.accepted(now, f.bagCount[c] as number, k === 0 && this.offerStartsWave);
    this.offerSize = 0;
    this.couriers.accepted(this, c, now);
  }

  /** Counts a delivery in courier c's assessment window. */
  assessed(c: number, late: boolean): void {
    this.assessment.record(c, late, this.day);
  }

  /** Moves the assessment to today. */
  updateScores(): void {
    this.assessment.startDay(this.day);
  }

  /** Switches the day-by-day streams: the reported days' own, or the warm-up's (`warmup/…`). */
  useStreams(warmup: boolean): void {
    const seed = this.seed;
    this.behaviour = stream(seed, warmup ? 'warmup/behaviour' : 'behaviour');
    this.riding = stream(seed, warmup ? 'warmup/riding' : 'riding');
    this.shifts = draws(stream(seed, warmup ? 'warmup/shifts' : 'shifts'));
  }

  /**
   * Simulates one day with the given orders: `recordDay` is its index in the recorder's tally, `day` the day it is
   * (negative for warm-up days) and `clockDay` the day whose midnight its times count from.
   */
  runDay(recordDay: number, day: number, clockDay: number, weather: Weather, orders: DayOrders): void {
    const { fleet, queue, rec } = this;
    this.day = day;
    rec.beginDay(recordDay, clockDay, weather);
    this.ledger.beginDay(clockDay, weather, this.scenario.holidays.includes(clockDay));
    const buffers = this.buffers;
    const book = new OrderBook(orders, this.detourFactor, buffers, this.lines, this.trace !== null);
    this.book = book;
    this.noFit.startDay(book.count, buffers, 'noFitSlot');
    const m = book.count;
    this.pendingCount = 0;
    this.nextToPlace = 0;

    this.deadline.startDay();
    for (let o = 0; o < m; o++) {
      const place = orders.placeSec[o] as number;
      const hour = hourOf(place, clockDay);
      const promise = place + this.deadline.promiseSec(book.roadKm(o), (orders.readySec[o] as number) - place, hour);
      book.promise(o, promise);
      rec.placed(place, promise);
    }

    queue.clear();
    const ticks = this.couriers.openDay(this, weather);
    const handlers = this.couriers.handlers;
    // Event loop: events up to each dispatch batch, then the batch; after the last batch, events until none.
    const lastTick = ticks.lastSec;
    let tick = ticks.firstSec;
    for (;;) {
      const limit = tick <= lastTick ? tick : Infinity;
      while (queue.size > 0 && queue.peekTime() <= limit) {
        queue.pop();
        const c = queue.poppedSubject;
        const handler = handlers[queue.poppedKind] as Handler;
        // A courier's event is superseded by a later one scheduled for the same courier (shift limits and the end of
        // service never are).
        if (handler.superseded && queue.poppedToken !== fleet.token[c]) continue;
        handler.run(this, c, queue.poppedTime);
      }
      if (tick <= lastTick) {
        dispatchTick(this, tick);
        this.couriers.afterBatch(this, tick);
        tick += ticks.stepSec;
      } else if (queue.size === 0) {
        break;
      }
    }
    // Orders never placed into the queue (a suspended day) are undelivered too.
    for (let o = 0; o < m; o++) if (book.status[o] === WAITING) book.status[o] = CANCELLED;
    for (let o = 0; o < m; o++) if (book.status[o] === CANCELLED) rec.tally.cancelled++;
    this.deadline.endDay();
    const times = this.couriers.closeDay(this);
    this.ledger.settleDay(times, (c) => rec.kmToday(c));
    rec.settleDay(times, this.ledger);
  }
}

function emptyOrders(): DayOrders {
  return {
    count: 0,
    placeSec: new Float64Array(0),
    readySec: new Float64Array(0),
    restaurant: new Int32Array(0),
    custX: new Float64Array(0),
    custY: new Float64Array(0),
    straightKm: new Float64Array(0),
  };
}

/**
 * Runs the days of a run with orders from `source`: first the warm-up days (`rules.deadline.warmupDays`, clear
 * weather, the warm-up's own streams, counted by a recorder that is thrown away), so day 0 has a history to learn
 * from, or their state from `warmups`; then every reported day.
 */
export function runDays(e: Engine, source: OrderSource, warmups?: WarmupCache): void {
  const { scenario, rules, seed } = e;
  const reported = e.rec;
  const reportedLedger = e.ledger;
  const reportedCustomers = e.customers;
  const warmup = rules.deadline.warmupDays;
  const key = warmup > 0 && warmups ? warmupKey(scenario, rules, seed) : '';
  const kept = key ? warmups?.get(key) : undefined;
  if (kept) {
    e.riskTolerance.set(kept.riskTolerance);
    e.deadline = kept.deadline.clone(rules.deadline);
    e.assessment.delivered.set(kept.assessDelivered);
    e.assessment.onTime.set(kept.assessOnTime);
    e.score.set(kept.score);
  } else if (warmup > 0) {
    e.useStreams(true);
    e.rec = new Recorder(scenario, rules, warmup, e.pop.count);
    e.ledger = new Ledger(scenario, rules, e.pop.count, stream(seed, 'warmup/complaints'));
    e.customers = new CustomerResponse(scenario.demand, warmup);
    for (let k = 0; k < warmup; k++) {
      const day = k - warmup;
      e.runDay(k, day, source.clockDay(day), 'clear', source.warmupOrders(e, day));
    }
    e.useStreams(false);
    e.rec = reported;
    e.ledger = reportedLedger;
    e.customers = reportedCustomers;
    if (key) {
      warmups?.set(key, {
        riskTolerance: e.riskTolerance.slice(),
        deadline: e.deadline.clone(rules.deadline),
        assessDelivered: e.assessment.delivered.slice(),
        assessOnTime: e.assessment.onTime.slice(),
        score: e.score.slice(),
      });
    }
  }
  for (let day = 0; day < scenario.time.days; day++) {
    const weather = scenario.weather[day] ?? 'clear';
    e.runDay(day, day, source.clockDay(day), weather, source.dayOrders(e, day, weather));
  }
}

/** Runs a synthetic scenario under one arm's rules (see runDays); returns the filled tally. */
export function runEngine(input: EngineInput): EngineOutput {
  const { scenario, rules, seed, ordersForDay, trace, warmups, work } = input;
  const world = syntheticWorld(scenario, rules, seed);
  const e = new Engine(scenario, rules, seed, world, SYNTHETIC_COURIERS, input.courierDayRows === true);
  if (work) e.work = work;
  if (trace) e.trace = new OrderTrace();
  runDays(e, new DrawnOrders(scenario, rules, seed, ordersForDay), warmups);
  const out: EngineOutput = { tally: e.rec.tally, population: e.pop };
  if (e.trace) out.trace = e.trace;
  return out;
}
