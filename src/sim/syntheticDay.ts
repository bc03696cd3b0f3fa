/**
 * What is particular to a synthetic run, plugged into the engine (engine.ts): its world (the drawn city and
 * population), its orders (drawn demand, less what lateness lost: customers.ts) and its couriers' day (shifts.ts: log
 * on, breaks, log off; legs.ts: riding the plan under time pressure; risk tolerance that adapts to lateness).
 */
import type { Rules, Scenario, Weather } from '../scenario/schema.ts';
import { buildCity, type City } from './city.ts';
import { DayBuffers } from './dayBuffers.ts';
import { drawDayOrders, type DayOrders } from './demand.ts';
import type { CourierModel, EngineState, EngineWorld, OrderSource } from './engineState.ts';
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
import { IDLE, RIDING, SERVICE } from './fleet.ts';
import { onLegEnd, startNextLeg } from './legs.ts';
import { CANCELLED } from './orderBook.ts';
import { drawPopulation } from './population.ts';
import { draws, stream, type Draws, type Rng } from './random.ts';
import { closeService, endBreak, idleRest, logOn, scheduleShifts, shiftLimit } from './shifts.ts';

/** The synthetic world of a seed: the city, the population, and how the platform plans and waits in it. */
export function syntheticWorld(scenario: Scenario, rules: Rules, seed: number): EngineWorld {
  const city = buildCity(scenario, seed);
  const pop = drawPopulation(scenario, seed);
  const detourFactor = scenario.city.detourFactor;
  const dispatch = rules.dispatch;
  const exclusivity = rules.platform.exclusivity;
  return {
    city,
    pop,
    deadlineContext: {
      comfortKmh: pop.comfortKmh,
      maxRoadKm: Math.sqrt(city.widthKm * city.widthKm + city.heightKm * city.heightKm) * detourFactor,
    },
    plan: {
      secPerKm: (3600 / dispatch.planningSpeedKmh) * detourFactor,
      pickupSvcSec: rules.deadline.pickupServiceMin * 60,
      dropSvcSec: rules.deadline.dropoffServiceMin * 60,
      maxPickupKm: dispatch.maxPickupKm,
      latenessWeight: dispatch.latenessWeight,
      deliveryWeight: dispatch.deliveryTimeWeight,
      maxPlannedLateSec: dispatch.maxPlannedLateMin * 60,
    },
    // A courier on another platform is away from this one for a share of every hour.
    usable: (c, now) => {
      const share = pop.otherPlatformShare[c] as number;
      if (share === 0 || exclusivity) return true;
      const phase = (((now - (pop.otherPlatformPhaseSec[c] as number)) % 3600) + 3600) % 3600;
      return phase >= share * 3600;
    },
    detourFactor,
    cancelAfterSec: scenario.demand.cancelAfterMin * 60,
    batchWhenIdle: true,
    restaurantMemo: true,
  };
}

/**
 * Drawn demand: each warm-up day's orders from the warm-up's own streams; each reported day's from `demand` and
 * `prep`, with one retention and one insurance draw per order, thinned by the orders lateness lost.
 */
export class DrawnOrders implements OrderSource {
  private warmup: { demand: Draws; prep: Draws } | null = null;
  private readonly demand: Draws;
  private readonly prep: Draws;
  private readonly retention: Rng;
  private readonly insurance: Rng;
  /** The drawn orders' arrays, each day's in the last day's memory (the engine is done with a day before the next). */
  private readonly buffers = new DayBuffers();

  constructor(
    private readonly scenario: Scenario,
    private readonly rules: Rules,
    private readonly seed: number,
    /** A day's orders given instead of drawn (analytic tests); the drawn ones are still drawn. */
    private readonly given?: (day: number, city: City) => DayOrders,
  ) {
    this.demand = draws(stream(seed, 'demand'));
    this.prep = draws(stream(seed, 'prep'));
    this.retention = stream(seed, 'retention');
    this.insurance = stream(seed, 'insurance');
  }

  clockDay(day: number): number {
    return day;
  }

  warmupOrders(e: EngineState, day: number): DayOrders {
    this.warmup ??= {
      demand: draws(stream(this.seed, 'warmup/demand')),
      prep: draws(stream(this.seed, 'warmup/prep')),
    };
    return drawDayOrders(this.scenario, e.city, day, 'clear', this.warmup.demand, this.warmup.prep, this.buffers);
  }

  dayOrders(e: EngineState, day: number, weather: Weather): DayOrders {
    // Drawn even when replaced, so the demand streams stay aligned across days whatever is injected.
    let orders = drawDayOrders(this.scenario, e.city, day, weather, this.demand, this.prep, this.buffers);
    if (this.given) orders = this.given(day, e.city);
    // One draw per drawn order from each stream, whatever the arm, so arms share them (common random numbers).
    const n = orders.count;
    const coveredShare = this.rules.compensation.coveredShare;
    const covered = this.buffers.uint8('covered', n);
    for (let i = 0; i < n; i++) covered[i] = this.insurance() < coveredShare ? 1 : 0;
    orders.covered = covered;
    // Drawn orders are thinned where they lie; given ones (tests) are the caller's, so they are copied.
    const thinned = e.customers.thin(day, orders, this.retention, !this.given);
    e.rec.tally.ordersNotPlaced += thinned.dropped;
    return thinned.orders;
  }
}

/**
 * Couriers adapt (MODEL.md section 5): one whose share of late orders today was above `lateTolerance` raises their
 * risk tolerance by `pressureAdaptation` (at most 1); one below it lowers it by the same step, back toward their
 * drawn value. Records today's mean over the couriers who logged on.
 */
function adaptRiskTolerance(e: EngineState): void {
  const { pressureAdaptation: step, lateTolerance } = e.scenario.behaviour;
  const f = e.fleet;
  const r = e.riskTolerance;
  let sum = 0;
  let online = 0;
  for (let c = 0; c < f.n; c++) {
    if (f.loggedOn[c] !== 1) continue;
    sum += r[c] as number;
    online++;
  }
  e.rec.riskToleranceToday(online > 0 ? sum / online : 0);
  if (step === 0) return;
  for (let c = 0; c < f.n; c++) {
    const delivered = e.rec.deliveredToday(c);
    if (delivered === 0) continue;
    const rc = r[c] as number;
    if (e.rec.lateToday(c) / delivered > lateTolerance) r[c] = rc + step < 1 ? rc + step : 1;
    else {
      const drawn = e.pop.riskTolerance[c] as number;
      r[c] = rc - step > drawn ? rc - step : drawn;
    }
  }
}

/** The synthetic couriers' day: shifts, breaks and riding, and the end of service. */
export const SYNTHETIC_COURIERS: CourierModel = {
  handlers: {
    [EV_LEG_END]: { run: onLegEnd, superseded: true },
    [EV_SERVICE_DONE]: { run: startNextLeg, superseded: true },
    [EV_BREAK_END]: { run: endBreak, superseded: true },
    [EV_SHIFT_LIMIT]: { run: shiftLimit, superseded: false },
    [EV_LOGON]: { run: logOn, superseded: true },
    [EV_IDLE_REST]: { run: idleRest, superseded: true },
    [EV_SERVICE_END]: { run: (e, _c, now) => closeService(e, now), superseded: false },
  },

  /** Taking orders (online, not closing) with an empty bag. */
  isFree(e, c) {
    const f = e.fleet;
    const s = f.state[c];
    return (s === IDLE || s === RIDING || s === SERVICE) && f.closing[c] === 0 && f.bagCount[c] === 0;
  },

  /** Couriers end their shifts by closing (they finish their bags): any pickup time will do. */
  pickupDeadlineSec: () => Infinity,

  earnedFen: (e, c) => e.ledger.earnedFen(c),

  /** The day's weather and assessment, the service hours and heat measures, and every courier's log-on. */
  openDay(e, weather) {
    const { scenario, rules } = e;
    const dayStart = e.day * 86400;
    e.speedFactor = scenario.behaviour.weatherSpeedFactor[weather];
    e.updateScores();
    const serviceStartAbs = dayStart + scenario.time.serviceStartHour * 3600;
    e.serviceEndAbs = dayStart + scenario.time.serviceEndHour * 3600;
    const suspended = weather === 'heat40' && rules.heat.suspendOnHeat40;
    const heat37Cap = weather === 'heat37' ? rules.heat.maxOnlineHoursHeat37 : null;
    e.hardCap = heat37Cap !== null;
    scheduleShifts(e, dayStart, serviceStartAbs, suspended, heat37Cap);
    e.queue.push(e.serviceEndAbs, PRIORITY[EV_SERVICE_END] as number, EV_SERVICE_END, -1, 0);
    return {
      firstSec: suspended ? Infinity : serviceStartAbs,
      stepSec: rules.dispatch.batchSeconds,
      lastSec: e.serviceEndAbs,
    };
  },

  took() {},

  /** An idle courier sets off at once; a busy one carries on with the longer plan. */
  accepted(e, c, now) {
    if (e.fleet.state[c] === IDLE) startNextLeg(e, c, now);
    else e.gridUpdate(c);
  },

  afterBatch() {},

  /** Customers count the undelivered orders; couriers adapt; the fleet's clocks give the day's times. */
  closeDay(e) {
    const { book, fleet } = e;
    for (let o = 0; o < book.count; o++) if (book.status[o] === CANCELLED) e.customers.undelivered();
    if (e.day >= 0) e.trace?.addDay(e.day, book, e.city.restaurantX, e.city.restaurantY);
    adaptRiskTolerance(e);
    e.rec.tally.lostOrders += e.customers.endDay(e.day);
    return {
      loggedOn: fleet.loggedOn,
      onlineSec: fleet.onlineAccum,
      engagedSec: fleet.engagedAccum,
      longestSec: fleet.longest,
    };
  },
};
