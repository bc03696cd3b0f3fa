/**
 * The discrete-event engine: couriers log on, the platform dispatches pending orders in batches, couriers ride legs
 * under time pressure, deliver, get paid and fined, take breaks and log off (MODEL.md sections 3–8). One call runs
 * one arm with one seed. The parts live beside it: courier state (fleet.ts), the grid of usable couriers
 * (spatialGrid.ts), plan insertion (plan.ts), dispatch policies (dispatch.ts), legs (legs.ts), shifts (shifts.ts),
 * the deadline model (deadline/) and the recorder that turns events into counts (recorder.ts).
 */
import type { Rules, Scenario, Weather } from '../scenario/schema.ts';
import { buildCity, type City } from './city.ts';
import { deadlineLines, deadlineModelFor, type DeadlineLines, type DeadlineModel } from './deadline/index.ts';
import { drawDayOrders, type DayOrders } from './demand.ts';
import { dispatchTick } from './dispatch.ts';
import { EventQueue } from './eventQueue.ts';
import { Fleet, IDLE, RIDING, SERVICE } from './fleet.ts';
import {
  EV_BREAK_END,
  EV_IDLE_REST,
  EV_LEG_END,
  EV_LOGON,
  EV_SERVICE_DONE,
  EV_SERVICE_END,
  EV_SHIFT_LIMIT,
  PRIORITY,
} from './events.ts';
import type { EngineState } from './engineState.ts';
import { onLegEnd, startNextLeg } from './legs.ts';
import { ASSIGNED, CANCELLED, OrderBook, WAITING } from './orderBook.ts';
import { InsertionSearch, type PlanParams } from './plan.ts';
import { drawPopulation, type Population } from './population.ts';
import { OrderTrace } from './orderTrace.ts';
import { draws, stream, type Draws, type Rng } from './random.ts';
import { CustomerResponse } from './customers.ts';
import { Ledger } from './ledger.ts';
import { Recorder } from './recorder.ts';
import { hourOf } from './time.ts';
import { endBreak, idleRest, logOff, logOn, scheduleShifts, shiftLimit } from './shifts.ts';
import { newDispatchWork, RollingDispatcher, type DispatchWork } from './rollingDispatch.ts';
import { SpatialGrid } from './spatialGrid.ts';
import { warmupKey, type WarmupCache } from './warmup.ts';
import type { Tally } from './tally.ts';

/** The inputs an engine run needs besides the scenario: the arm's resolved rules and the seed. */
export interface EngineInput {
  scenario: Scenario;
  rules: Rules;
  seed: number;
  /**
   * A day's orders given instead of drawn (replayed order streams, analytic tests). Restaurant indices refer to
   * the city built from the scenario.
   */
  ordersForDay?: (day: number, city: City) => DayOrders;
  /** Keep one row per order of the reported days (`fairpace run --orders`). */
  trace?: boolean;
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
  // Assessment: delivered and on-time counts per courier for each of the last windowDays days (a ring).
  private readonly assessDays: number;
  readonly assessDelivered: Float64Array;
  readonly assessOnTime: Float64Array;
  readonly score: Float64Array;
  /** Per restaurant: the tick (and grid version) at which a search found no courier. */
  readonly noCourierTick: Float64Array;
  readonly noCourierVersion: Float64Array;

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
   * Per order: the busy couriers no position of whose plan fitted it at its last fruitless search (`noFitWidth`
   * slots each), and the fleet's change count then (−1: none).
   */
  readonly noFitWidth: number;
  noFitSeq = new Float64Array(0);
  noFitCount = new Uint8Array(0);
  noFitCouriers = new Int32Array(0);
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
  ) {
    this.city = buildCity(scenario, seed);
    this.pop = drawPopulation(scenario, seed);
    const n = this.pop.count;
    const dispatch = rules.dispatch;
    this.fleet = new Fleet(n, dispatch.maxBag);
    this.rec = new Recorder(scenario, rules, scenario.time.days, n);
    this.ledger = new Ledger(scenario, rules, n, stream(seed, 'complaints'));
    this.customers = new CustomerResponse(scenario.demand, scenario.time.days);
    this.detourFactor = scenario.city.detourFactor;
    this.deadline = deadlineModelFor(rules.deadline, {
      comfortKmh: this.pop.comfortKmh,
      maxRoadKm:
        Math.sqrt(this.city.widthKm * this.city.widthKm + this.city.heightKm * this.city.heightKm) * this.detourFactor,
    });
    this.riskTolerance = Float64Array.from(this.pop.riskTolerance);
    this.signalsPerKm = scenario.city.signalsPerKm;
    this.plan = {
      secPerKm: (3600 / dispatch.planningSpeedKmh) * this.detourFactor,
      pickupSvcSec: rules.deadline.pickupServiceMin * 60,
      dropSvcSec: rules.deadline.dropoffServiceMin * 60,
      maxPickupKm: dispatch.maxPickupKm,
      latenessWeight: dispatch.latenessWeight,
      deliveryWeight: dispatch.deliveryTimeWeight,
      maxPlannedLateSec: dispatch.maxPlannedLateMin * 60,
    };
    this.insertion = new InsertionSearch(this.fleet.planCap, this.plan, this.city);
    this.noFitWidth = Math.min(dispatch.candidates, 255);
    this.fitlessScratch = new Int32Array(this.noFitWidth);
    const exclusivity = rules.platform.exclusivity;
    const pop = this.pop;
    this.grid = new SpatialGrid(this.city.widthKm, this.city.heightKm, n, dispatch.maxPickupKm, (c, now) => {
      const share = pop.otherPlatformShare[c] as number;
      if (share === 0 || exclusivity) return true;
      const phase = (((now - (pop.otherPlatformPhaseSec[c] as number)) % 3600) + 3600) % 3600;
      return phase >= share * 3600;
    });
    this.behaviour = stream(seed, 'behaviour');
    this.riding = stream(seed, 'riding');
    this.shifts = draws(stream(seed, 'shifts'));
    this.rushWhenLate = rules.penalties.perMinuteLate > 0;
    this.lines = deadlineLines(rules);
    this.breakAfterSec = scenario.behaviour.breakAfterHours * 3600;
    this.cancelAfterSec = scenario.demand.cancelAfterMin * 60;
    this.assessDays = rules.assessment.windowDays;
    this.assessDelivered = new Float64Array(n * this.assessDays);
    this.assessOnTime = new Float64Array(n * this.assessDays);
    this.score = new Float64Array(n).fill(1);
    this.noCourierTick = new Float64Array(this.city.restaurantX.length).fill(-1);
    this.noCourierVersion = new Float64Array(this.city.restaurantX.length).fill(-1);
    this.rolling = dispatch.policy === 'rolling' ? new RollingDispatcher(rules, n) : null;
  }

  /** Whether courier c could start a wave now: taking orders (online, not closing) with an empty bag. */
  isFree(c: number): boolean {
    const f = this.fleet;
    const s = f.state[c];
    return (s === IDLE || s === RIDING || s === SERVICE) && f.closing[c] === 0 && f.bagCount[c] === 0;
  }

  /** The engine's couriers end their shifts by closing (they finish their bags): any pickup time will do. */
  pickupDeadlineSec(): number {
    return Infinity;
  }

  /** Whether courier c turns down an offer: crowd couriers decline with `declineProb`. */
  declines(c: number): boolean {
    const p = this.scenario.behaviour.declineProb;
    return this.pop.crowd[c] === 1 && p > 0 && this.behaviour() < p;
  }

  /** Schedules courier c's next event; any earlier one still queued is superseded. */
  schedule(time: number, kind: number, c: number): void {
    const t = (this.fleet.token[c] as number) + 1;
    this.fleet.token[c] = t;
    this.queue.push(time, PRIORITY[kind] as number, kind, c, t);
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
    if (!last) return;
    // The orders of one offer are accepted together: each is counted with the bag as it is once all are in it.
    for (let k = 0; k < this.offerSize; k++)
      this.rec.accepted(now, f.bagCount[c] as number, k === 0 && this.offerStartsWave);
    this.offerSize = 0;
    if (f.state[c] === IDLE) startNextLeg(this, c, now);
    else this.gridUpdate(c);
  }

  /** Counts a delivery in courier c's assessment window. */
  assessed(c: number, late: boolean): void {
    const ring = c * this.assessDays + this.assessSlot();
    this.assessDelivered[ring] = (this.assessDelivered[ring] as number) + 1;
    if (!late) this.assessOnTime[ring] = (this.assessOnTime[ring] as number) + 1;
  }

  /** Today's slot in the assessment ring (warm-up days have negative indices). */
  private assessSlot(): number {
    const k = this.assessDays;
    return ((this.day % k) + k) % k;
  }

  /** Assessment scores from the previous windowDays days; today's slot of the ring is cleared. */
  private updateScores(): void {
    const n = this.fleet.n;
    const k0 = this.assessDays;
    if (this.rules.assessment.rankByOnTime) {
      for (let c = 0; c < n; c++) {
        let del = 0;
        let ok = 0;
        for (let k = 0; k < k0; k++) {
          del += this.assessDelivered[c * k0 + k] as number;
          ok += this.assessOnTime[c * k0 + k] as number;
        }
        this.score[c] = del > 0 ? ok / del : 1;
      }
    }
    const slot = this.assessSlot();
    for (let c = 0; c < n; c++) {
      this.assessDelivered[c * k0 + slot] = 0;
      this.assessOnTime[c * k0 + slot] = 0;
    }
  }

  /** Switches the day-by-day streams: the reported days' own, or the warm-up's (`warmup/…`). */
  useStreams(warmup: boolean): void {
    const seed = this.seed;
    this.behaviour = stream(seed, warmup ? 'warmup/behaviour' : 'behaviour');
    this.riding = stream(seed, warmup ? 'warmup/riding' : 'riding');
    this.shifts = draws(stream(seed, warmup ? 'warmup/shifts' : 'shifts'));
  }

  /**
   * Simulates one day with the given orders: `recordDay` is its index in the recorder's tally, `day` the day its
   * times count from (negative for warm-up days).
   */
  runDay(recordDay: number, day: number, weather: Weather, orders: DayOrders): void {
    const { scenario, rules, fleet, queue, rec } = this;
    const holiday = scenario.holidays.includes(day);
    this.day = day;
    this.speedFactor = scenario.behaviour.weatherSpeedFactor[weather];
    rec.beginDay(recordDay, day, weather);
    this.ledger.beginDay(day, weather, holiday);
    const book = new OrderBook(orders, this.detourFactor);
    this.book = book;
    this.noFitSeq = new Float64Array(book.count).fill(-1);
    this.noFitCount = new Uint8Array(book.count);
    this.noFitCouriers = new Int32Array(book.count * this.noFitWidth);
    const m = book.count;
    this.pending = new Int32Array(m);
    this.pendingCount = 0;
    this.nextToPlace = 0;

    this.deadline.startDay();
    for (let o = 0; o < m; o++) {
      const place = orders.placeSec[o] as number;
      const hour = hourOf(place, day);
      const promise =
        place + this.deadline.promiseSec(book.roadKm[o] as number, (orders.readySec[o] as number) - place, hour);
      book.promise(o, promise, this.lines);
      rec.placed(place, promise);
    }
    this.updateScores();

    const dayStart = day * 86400;
    const serviceStartAbs = dayStart + scenario.time.serviceStartHour * 3600;
    this.serviceEndAbs = dayStart + scenario.time.serviceEndHour * 3600;
    const suspended = weather === 'heat40' && rules.heat.suspendOnHeat40;
    const heat37Cap = weather === 'heat37' ? rules.heat.maxOnlineHoursHeat37 : null;
    this.hardCap = heat37Cap !== null;

    queue.clear();
    scheduleShifts(this, dayStart, serviceStartAbs, suspended, heat37Cap);
    queue.push(this.serviceEndAbs, PRIORITY[EV_SERVICE_END] as number, EV_SERVICE_END, -1, 0);

    // Event loop: events up to each dispatch tick, then the tick; after the end of service, events until none.
    let tick = suspended ? Infinity : serviceStartAbs;
    for (;;) {
      const limit = tick <= this.serviceEndAbs ? tick : Infinity;
      while (queue.size > 0 && queue.peekTime() <= limit) {
        queue.pop();
        const kind = queue.poppedKind;
        const c = queue.poppedSubject;
        const now = queue.poppedTime;
        if (kind === EV_SERVICE_END) {
          this.closeService(now);
          continue;
        }
        const handler = HANDLERS[kind] as Handler;
        // A courier's event is superseded by a later one scheduled for the same courier (shift limits never are).
        if (handler.superseded && queue.poppedToken !== fleet.token[c]) continue;
        handler.run(this, c, now);
      }
      if (tick <= this.serviceEndAbs) {
        dispatchTick(this, tick);
        tick += rules.dispatch.batchSeconds;
      } else if (queue.size === 0) {
        break;
      }
    }
    // Orders never placed into the queue (a suspended day) are undelivered too.
    for (let o = 0; o < m; o++) if (book.status[o] === WAITING) book.status[o] = CANCELLED;
    for (let o = 0; o < m; o++) {
      if (book.status[o] !== CANCELLED) continue;
      rec.tally.cancelled++;
      this.customers.undelivered();
    }
    this.deadline.endDay();
    this.trace?.addDay(day, book, this.city.restaurantX, this.city.restaurantY);
    this.adaptRiskTolerance();

    const times = {
      loggedOn: fleet.loggedOn,
      onlineSec: fleet.onlineAccum,
      engagedSec: fleet.engagedAccum,
      longestSec: fleet.longest,
    };
    this.ledger.settleDay(times, (c) => rec.kmToday(c));
    rec.settleDay(times, this.ledger);
    rec.tally.lostOrders += this.customers.endDay(day);
  }

  /**
   * Couriers adapt (MODEL.md section 5): one whose share of late orders today was above `lateTolerance` raises
   * their risk tolerance by `pressureAdaptation` (at most 1); one below it lowers it by the same step, back toward
   * their drawn value. Records today's mean over the couriers who logged on.
   */
  private adaptRiskTolerance(): void {
    const { pressureAdaptation: step, lateTolerance } = this.scenario.behaviour;
    const f = this.fleet;
    const r = this.riskTolerance;
    let sum = 0;
    let online = 0;
    for (let c = 0; c < f.n; c++) {
      if (f.loggedOn[c] !== 1) continue;
      sum += r[c] as number;
      online++;
    }
    this.rec.riskToleranceToday(online > 0 ? sum / online : 0);
    if (step === 0) return;
    for (let c = 0; c < f.n; c++) {
      const delivered = this.rec.deliveredToday(c);
      if (delivered === 0) continue;
      const rc = r[c] as number;
      if (this.rec.lateToday(c) / delivered > lateTolerance) r[c] = rc + step < 1 ? rc + step : 1;
      else {
        const drawn = this.pop.riskTolerance[c] as number;
        r[c] = rc - step > drawn ? rc - step : drawn;
      }
    }
  }

  /** The end of service: waiting orders are cancelled, idle couriers log off, the rest finish their bags. */
  private closeService(now: number): void {
    const f = this.fleet;
    for (let i = 0; i < this.pendingCount; i++) this.book.status[this.pending[i] as number] = CANCELLED;
    this.pendingCount = 0;
    this.nextToPlace = this.book.count;
    for (let k = 0; k < f.n; k++) {
      f.closing[k] = 1;
      if (f.state[k] === IDLE) logOff(this, k, now);
      else this.gridUpdate(k);
    }
  }
}

/** What happens at a courier's event, and whether a later event for the same courier supersedes it. */
interface Handler {
  run(e: EngineState, c: number, now: number): void;
  superseded: boolean;
}

/** The courier events by kind (the end of service is the engine's own). */
const HANDLERS: Record<number, Handler> = {
  [EV_LEG_END]: { run: onLegEnd, superseded: true },
  [EV_SERVICE_DONE]: { run: startNextLeg, superseded: true },
  [EV_BREAK_END]: { run: endBreak, superseded: true },
  [EV_SHIFT_LIMIT]: { run: shiftLimit, superseded: false },
  [EV_LOGON]: { run: logOn, superseded: true },
  [EV_IDLE_REST]: { run: idleRest, superseded: true },
};

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
 * Runs the scenario under one arm's rules: first the warm-up days (`rules.deadline.warmupDays`, clear weather, the
 * warm-up's own streams, counted by a recorder that is thrown away), so day 0 has a history to learn from; then every
 * reported day. Returns the filled tally.
 */
export function runEngine({ scenario, rules, seed, ordersForDay, trace, warmups, work }: EngineInput): EngineOutput {
  const e = new Engine(scenario, rules, seed);
  if (work) e.work = work;
  const reported = e.rec;
  const reportedLedger = e.ledger;
  const reportedCustomers = e.customers;
  const warmup = rules.deadline.warmupDays;
  const key = warmup > 0 && warmups ? warmupKey(scenario, rules, seed) : '';
  const kept = key ? warmups?.get(key) : undefined;
  if (kept) {
    e.riskTolerance.set(kept.riskTolerance);
    e.deadline = kept.deadline.clone(rules.deadline);
    e.assessDelivered.set(kept.assessDelivered);
    e.assessOnTime.set(kept.assessOnTime);
    e.score.set(kept.score);
  } else if (warmup > 0) {
    e.useStreams(true);
    e.rec = new Recorder(scenario, rules, warmup, e.pop.count);
    e.ledger = new Ledger(scenario, rules, e.pop.count, stream(seed, 'warmup/complaints'));
    e.customers = new CustomerResponse(scenario.demand, warmup);
    const demand = draws(stream(seed, 'warmup/demand'));
    const prep = draws(stream(seed, 'warmup/prep'));
    for (let k = 0; k < warmup; k++) {
      const day = k - warmup;
      e.runDay(k, day, 'clear', drawDayOrders(scenario, e.city, day, 'clear', demand, prep));
    }
    e.useStreams(false);
    e.rec = reported;
    e.ledger = reportedLedger;
    e.customers = reportedCustomers;
    if (key) {
      warmups?.set(key, {
        riskTolerance: e.riskTolerance.slice(),
        deadline: e.deadline.clone(rules.deadline),
        assessDelivered: e.assessDelivered.slice(),
        assessOnTime: e.assessOnTime.slice(),
        score: e.score.slice(),
      });
    }
  }
  if (trace) e.trace = new OrderTrace();
  const demandDraws = draws(stream(seed, 'demand'));
  const prepDraws = draws(stream(seed, 'prep'));
  const retention = stream(seed, 'retention');
  const insurance = stream(seed, 'insurance');
  const coveredShare = rules.compensation.coveredShare;
  for (let day = 0; day < scenario.time.days; day++) {
    const weather = scenario.weather[day] ?? 'clear';
    // Drawn even when replaced, so the demand streams stay aligned across days whatever is injected.
    let orders = drawDayOrders(scenario, e.city, day, weather, demandDraws, prepDraws);
    if (ordersForDay) orders = ordersForDay(day, e.city);
    // One draw per drawn order from each stream, whatever the arm, so arms share them (common random numbers).
    const keepDraw = Float64Array.from({ length: orders.count }, () => retention());
    orders.covered = Uint8Array.from({ length: orders.count }, () => (insurance() < coveredShare ? 1 : 0));
    const thinned = e.customers.thin(day, orders, keepDraw);
    reported.tally.ordersNotPlaced += thinned.dropped;
    e.runDay(day, day, weather, thinned.orders);
  }
  const out: EngineOutput = { tally: reported.tally, population: e.pop };
  if (e.trace) out.trace = e.trace;
  return out;
}
