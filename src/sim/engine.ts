/**
 * The discrete-event engine: couriers log on, the platform dispatches pending orders in batches, couriers ride legs
 * under time pressure, deliver, get paid and fined, take breaks and log off (MODEL.md sections 3–8). One call runs
 * one arm with one seed; all state lives in typed arrays and the event queue, so the hot path allocates little.
 */
import type { Rules, Scenario, Weather } from '../scenario/schema.ts';
import { buildCity, type City } from './city.ts';
import {
  comfortPaceQuantile,
  lateAfterPromiseSec,
  newPaceHistogram,
  paceQuantile,
  promisedDurationSec,
  recordPace,
} from './deadline.ts';
import { drawDayOrders, type DayOrders } from './demand.ts';
import { EventQueue } from './eventQueue.ts';
import { commissionFen, expensesFen, guaranteeTopUpFen, latePenaltyFen, orderFeeFen, tierBonusFen } from './pay.ts';
import { drawPopulation, type Population } from './population.ts';
import { draws, stream } from './random.ts';
import { baselineCrashes, chooseSpeed, legCrashes, redRunProbability, type RiskTerms } from './riding.ts';
import { addMinutes, SPEED_BINS, Tally } from './tally.ts';

/** Euclidean length of (dx, dy); Math.hypot is much slower in V8 and this is the hot path. */
const dist = (dx: number, dy: number): number => Math.sqrt(dx * dx + dy * dy);

// Courier states.
const OFF = 0;
const IDLE = 1;
const RIDING = 2;
const SERVICE = 3;
const BREAK = 4;
const DONE = 5;

// Order states.
const WAITING = 0;
const ASSIGNED = 1;
const PICKED = 2;
const DELIVERED = 3;
const CANCELLED = 4;

// Event kinds, with priorities that order simultaneous events: arrivals before breaks end, before shift limits,
// before log-ons, before the end of service.
const EV_LEG_END = 0;
const EV_SERVICE_DONE = 1;
const EV_BREAK_END = 2;
const EV_SHIFT_LIMIT = 3;
const EV_LOGON = 4;
const EV_SERVICE_END = 5;
const PRIORITY = [0, 0, 1, 2, 3, 4];

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
}

/** What an engine run leaves: the tally and the population it drew. */
export interface EngineOutput {
  tally: Tally;
  population: Population;
}

/** Runs every day of the scenario under one arm's rules; returns the filled tally. */
export function runEngine({ scenario, rules, seed, ordersForDay }: EngineInput): EngineOutput {
  const days = scenario.time.days;
  const city: City = buildCity(scenario, seed);
  const pop: Population = drawPopulation(scenario, seed);
  const n = pop.count;
  const tally = new Tally(days);

  const demandDraws = draws(stream(seed, 'demand'));
  const prepDraws = draws(stream(seed, 'prep'));
  const shifts = draws(stream(seed, 'shifts'));
  const behaviour = stream(seed, 'behaviour');
  const riding = stream(seed, 'riding');
  const complaints = stream(seed, 'complaints');

  const { detourFactor, signalsPerKm } = scenario.city;
  const beh = scenario.behaviour;
  const dl = rules.deadline;
  const dispatch = rules.dispatch;
  const maxBag = dispatch.maxBag;
  const pickupSvc = dl.pickupServiceMin * 60;
  const dropSvc = dl.dropoffServiceMin * 60;
  const lateAfter = lateAfterPromiseSec(dl);
  const planSecPerKm = (3600 / dispatch.planningSpeedKmh) * detourFactor;
  const rushWhenLate = rules.penalties.perMinuteLate > 0;
  const latenessWeight = dispatch.latenessWeight;
  const peakHour = new Uint8Array(24);
  for (const h of rules.pay.peakHours) peakHour[h] = 1;
  const holidays = new Set(scenario.holidays);
  const exclusivity = rules.platform.exclusivity;
  const revenuePerOrderFen = Math.round(rules.platform.deliveryRevenuePerOrder * 100);
  const speedingKmh = scenario.risk.speedingThresholdKmh;
  const fatigueAfterSec = scenario.risk.fatigueAfterHours * 3600;
  const breakAfterSec = beh.breakAfterHours * 3600;
  const cancelAfterSec = scenario.demand.cancelAfterMin * 60;

  // Spatial grid over the anchors of couriers who can take an order (doubly linked lists per cell).
  const cellKm = Math.min(2, Math.max(0.25, 3 * Math.sqrt((city.widthKm * city.heightKm) / n)));
  const cols = Math.max(1, Math.ceil(city.widthKm / cellKm));
  const rows = Math.max(1, Math.ceil(city.heightKm / cellKm));
  const cellHead = new Int32Array(cols * rows).fill(-1);
  const cellNext = new Int32Array(n).fill(-1);
  const cellPrev = new Int32Array(n).fill(-1);
  const cellOf = new Int32Array(n).fill(-1);
  const maxRing = Math.ceil(dispatch.maxPickupKm / cellKm) + 1;

  // Courier state.
  const state = new Uint8Array(n);
  const closing = new Uint8Array(n);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const legEnd = new Float64Array(n);
  const legTarget = new Int32Array(n);
  const legPickup = new Uint8Array(n);
  const token = new Int32Array(n);
  const bag = new Int32Array(n * maxBag);
  const bagCount = new Uint8Array(n);
  const onlineSince = new Float64Array(n);
  const onlineAccum = new Float64Array(n);
  const stretchStart = new Float64Array(n);
  const longest = new Float64Array(n);
  const engagedSince = new Float64Array(n);
  const engagedAccum = new Float64Array(n);
  const nextBreakCheck = new Float64Array(n);
  const breakStartAt = new Float64Array(n);
  // The courier's plan: the stops still to visit after the current leg, in order. A stop is order × 2 + (0 for its
  // pickup, 1 for its drop-off). The platform inserts each new order's two stops where they cost least.
  const planCap = 2 * maxBag;
  const plan = new Int32Array(n * planCap);
  const planLen = new Uint8Array(n);
  /** When the courier is done with the current leg and its service (food wait included), seconds. */
  const freeAt = new Float64Array(n);
  const maxOnlineSec = new Float64Array(n);
  const loggedOn = new Uint8Array(n);
  const cOrders = new Float64Array(n);
  const cLate = new Float64Array(n);
  const cKm = new Float64Array(n);
  const cSpeedingKm = new Float64Array(n);
  const cFatiguedKm = new Float64Array(n);
  const cRedRuns = new Float64Array(n);
  const cCrashes = new Float64Array(n);
  const cBaseline = new Float64Array(n);
  const cFeesFen = new Float64Array(n);
  const cCommissionFen = new Float64Array(n);
  const cPenaltiesFen = new Float64Array(n);
  // Assessment: delivered and on-time counts per courier for each of the last windowDays days (a ring).
  const assessDays = rules.assessment.windowDays;
  const assessDelivered = new Float64Array(n * assessDays);
  const assessOnTime = new Float64Array(n * assessDays);
  const score = new Float64Array(n).fill(1);

  const paceHists: Float64Array[] = [];
  const comfortPace = comfortPaceQuantile(pop.comfortKmh, dl.percentile);
  const queue = new EventQueue();

  // Per-day state, replaced each day.
  let day = 0;
  let weather: Weather = 'clear';
  let holiday = false;
  let speedFactor = 1;
  let risk: RiskTerms;
  let orders: DayOrders;
  let oStatus = new Uint8Array(0);
  let oPromised = new Float64Array(0);
  let oLate = new Float64Array(0);
  let oRoadKm = new Float64Array(0);
  let pending = new Int32Array(0);
  let pendingCount = 0;
  let nextToPlace = 0;
  let serviceEndAbs = 0;
  /** Whether today's online-hours limit is the platform's heat cap (then no order may run past it). */
  let hardCap = false;
  let paceHist = newPaceHistogram();

  const onlineSecAt = (c: number, now: number): number =>
    state[c] === BREAK || state[c] === DONE || state[c] === OFF
      ? (onlineAccum[c] as number)
      : (onlineAccum[c] as number) + now - (onlineSince[c] as number);

  const earnedFen = (c: number): number =>
    (cFeesFen[c] as number) - (cCommissionFen[c] as number) - (cPenaltiesFen[c] as number);

  // --- Spatial grid -------------------------------------------------------------------------------------------

  const cellIndex = (px: number, py: number): number => {
    let cx = Math.floor(px / cellKm);
    let cy = Math.floor(py / cellKm);
    if (cx >= cols) cx = cols - 1;
    if (cy >= rows) cy = rows - 1;
    if (cx < 0) cx = 0;
    if (cy < 0) cy = 0;
    return cy * cols + cx;
  };

  /** Puts the courier in the grid cell of its anchor when it can take an order, or takes it out. */
  // Counts couriers entering a grid cell and orders entering plans: either may give a search that failed a courier
  // it lacked, so the no-courier memos below hold only while this count is unchanged.
  let gridVersion = 0;
  const gridUpdate = (c: number): void => {
    const s = state[c];
    const eligible =
      (s === IDLE || s === RIDING || s === SERVICE) && closing[c] === 0 && (bagCount[c] as number) < maxBag;
    const want = eligible ? cellIndex(x[c] as number, y[c] as number) : -1;
    const have = cellOf[c] as number;
    if (want === have) return;
    if (have >= 0) {
      const p = cellPrev[c] as number;
      const nx = cellNext[c] as number;
      if (p >= 0) cellNext[p] = nx;
      else cellHead[have] = nx;
      if (nx >= 0) cellPrev[nx] = p;
    }
    if (want >= 0) {
      gridVersion++;
      const head = cellHead[want] as number;
      cellNext[c] = head;
      cellPrev[c] = -1;
      if (head >= 0) cellPrev[head] = c;
      cellHead[want] = c;
    }
    cellOf[c] = want;
  };

  // --- Courier life cycle -------------------------------------------------------------------------------------

  const schedule = (time: number, kind: number, c: number): void => {
    const t = (token[c] as number) + 1;
    token[c] = t;
    queue.push(time, PRIORITY[kind] as number, kind, c, t);
  };

  const logOn = (c: number, now: number): void => {
    state[c] = IDLE;
    freeAt[c] = now;
    loggedOn[c] = 1;
    onlineSince[c] = now;
    stretchStart[c] = now;
    nextBreakCheck[c] = now;
    queue.push(now + (maxOnlineSec[c] as number), PRIORITY[EV_SHIFT_LIMIT] as number, EV_SHIFT_LIMIT, c, 0);
    gridUpdate(c);
  };

  const endStretch = (c: number, now: number): void => {
    const stretch = now - (stretchStart[c] as number);
    if (stretch > (longest[c] as number)) longest[c] = stretch;
  };

  const logOff = (c: number, now: number): void => {
    if (state[c] !== BREAK) {
      onlineAccum[c] = (onlineAccum[c] as number) + now - (onlineSince[c] as number);
      endStretch(c, now);
    }
    state[c] = DONE;
    token[c] = (token[c] as number) + 1;
    gridUpdate(c);
  };

  const shouldLogOff = (c: number, now: number): boolean =>
    closing[c] === 1 ||
    now >= serviceEndAbs ||
    onlineSecAt(c, now) >= (maxOnlineSec[c] as number) ||
    earnedFen(c) >= (pop.incomeTargetCny[c] as number) * 100;

  /** Income pressure: how far behind the pace to the income target the courier is, 0–1. */
  const incomePressure = (c: number, now: number): number => {
    const target = (pop.incomeTargetCny[c] as number) * 100;
    const online = onlineSecAt(c, now) / (maxOnlineSec[c] as number);
    const behind = (target - earnedFen(c)) / target - (1 - online);
    return behind <= 0 ? 0 : behind >= 1 ? 1 : behind;
  };

  const becomeIdle = (c: number, now: number): void => {
    if (shouldLogOff(c, now)) {
      logOff(c, now);
      return;
    }
    if (now - (stretchStart[c] as number) >= breakAfterSec && now >= (nextBreakCheck[c] as number)) {
      const p = beh.breakProb * (1 - incomePressure(c, now));
      if (behaviour() < p) {
        const minutes = beh.breakMinMinutes + (beh.breakMaxMinutes - beh.breakMinMinutes) * behaviour();
        onlineAccum[c] = (onlineAccum[c] as number) + now - (onlineSince[c] as number);
        if (minutes >= 20) endStretch(c, now);
        breakStartAt[c] = now;
        state[c] = BREAK;
        gridUpdate(c);
        schedule(now + minutes * 60, EV_BREAK_END, c);
        return;
      }
      nextBreakCheck[c] = now + 3600;
    }
    state[c] = IDLE;
    gridUpdate(c);
  };

  const endBreak = (c: number, now: number): void => {
    onlineSince[c] = now;
    // Only a break of 20 minutes or more ends an online stretch (workload.longestStretchHours).
    if (now - (breakStartAt[c] as number) >= 20 * 60) stretchStart[c] = now;
    nextBreakCheck[c] = now;
    state[c] = IDLE;
    becomeIdle(c, now);
  };

  // --- Legs ---------------------------------------------------------------------------------------------------

  // Where a stop is: an order's restaurant (pickup) or its customer (drop-off).
  const stopX = (stop: number): number => {
    const o = stop >> 1;
    return stop & 1 ? (orders.custX[o] as number) : (city.restaurantX[orders.restaurant[o] as number] as number);
  };
  const stopY = (stop: number): number => {
    const o = stop >> 1;
    return stop & 1 ? (orders.custY[o] as number) : (city.restaurantY[orders.restaurant[o] as number] as number);
  };

  /** Removes the plan entry at index k of courier c. */
  const planRemoveAt = (c: number, k: number): void => {
    const base = c * planCap;
    const len = planLen[c] as number;
    for (let i = k; i < len - 1; i++) plan[base + i] = plan[base + i + 1] as number;
    planLen[c] = len - 1;
  };

  const startNextLeg = (c: number, now: number): void => {
    const len = planLen[c] as number;
    if (len === 0) {
      freeAt[c] = now;
      becomeIdle(c, now);
      return;
    }
    const base = c * planCap;
    const stop = plan[base] as number;
    planRemoveAt(c, 0);
    const target = stop >> 1;
    const pickup = (stop & 1) === 0;
    const px = x[c] as number;
    const py = y[c] as number;
    const dx = stopX(stop);
    const dy = stopY(stop);
    const routeFactor = detourFactor * (pop.detour[c] as number);
    const km = dist(dx - px, dy - py) * routeFactor;
    const v0 = (pop.comfortKmh[c] as number) * speedFactor;
    const vmax = (pop.maxKmh[c] as number) * speedFactor;

    // The most urgent order in the bag sets the pressure: the distance along the plan to its drop-off, and the time
    // left before it is late minus the service times on the way.
    const bagBase = c * maxBag;
    let e = bag[bagBase] as number;
    for (let k = 1; k < (bagCount[c] as number); k++) {
      const o = bag[bagBase + k] as number;
      if ((oLate[o] as number) < (oLate[e] as number)) e = o;
    }
    let viaKm = km / routeFactor;
    let services = pickup ? pickupSvc : dropSvc;
    if (!(target === e && !pickup)) {
      let fx = dx;
      let fy = dy;
      for (let k = 0; k < len - 1; k++) {
        const next = plan[base + k] as number;
        const nx = stopX(next);
        const ny = stopY(next);
        viaKm += dist(nx - fx, ny - fy);
        services += next & 1 ? dropSvc : pickupSvc;
        fx = nx;
        fy = ny;
        if (next === e * 2 + 1) break;
      }
    }

    let kmh = v0;
    let pressure = 0;
    // No point hurrying to a restaurant whose food will not be ready on arrival at comfort speed.
    const foodLate = pickup && now + (km / v0) * 3600 < (orders.readySec[target] as number);
    if (!foodLate) {
      const timeLeft = (oLate[e] as number) - now - services;
      const choice = chooseSpeed(v0, vmax, pop.riskTolerance[c] as number, viaKm * routeFactor, timeLeft, rushWhenLate);
      kmh = choice.kmh;
      pressure = choice.pressure;
    }
    const duration = km > 0 ? (km / kmh) * 3600 : 0;

    if (km > 0) {
      // Red lights: the number of signals is km × signalsPerKm rounded at random; each is red and run at once.
      const signals = Math.floor(km * signalsPerKm + riding());
      const pRedRun =
        beh.redLightProb *
        redRunProbability(beh.redRunBase, beh.redRunPressure, pop.riskTolerance[c] as number, pressure);
      let runs = 0;
      for (let s = 0; s < signals; s++) if (riding() < pRedRun) runs++;
      const onlineSec = onlineSecAt(c, now);
      const crashes = legCrashes(risk, km, kmh, signals > 0 ? runs / signals : 0, onlineSec / 3600);
      const baseline = baselineCrashes(risk, km, pop.comfortKmh[c] as number);
      const hour = Math.floor((now - day * 86400) / 3600) % 24;
      cKm[c] = (cKm[c] as number) + km;
      cRedRuns[c] = (cRedRuns[c] as number) + runs;
      cCrashes[c] = (cCrashes[c] as number) + crashes;
      cBaseline[c] = (cBaseline[c] as number) + baseline;
      tally.km += km;
      tally.kmTimesKmh += km * kmh;
      tally.redRuns += runs;
      tally.crashes += crashes;
      tally.baseline += baseline;
      tally.dayKm[day] = (tally.dayKm[day] as number) + km;
      tally.dayCrashes[day] = (tally.dayCrashes[day] as number) + crashes;
      tally.dayBaseline[day] = (tally.dayBaseline[day] as number) + baseline;
      tally.hourKm[hour] = (tally.hourKm[hour] as number) + km;
      const bin = kmh >= SPEED_BINS - 1 ? SPEED_BINS - 1 : Math.floor(kmh);
      tally.speedHistKm[bin] = (tally.speedHistKm[bin] as number) + km;
      if (kmh > speedingKmh) {
        cSpeedingKm[c] = (cSpeedingKm[c] as number) + km;
        tally.speedingKm += km;
        tally.daySpeedingKm[day] = (tally.daySpeedingKm[day] as number) + km;
        tally.hourSpeedingKm[hour] = (tally.hourSpeedingKm[hour] as number) + km;
      }
      if (onlineSec > fatigueAfterSec) {
        cFatiguedKm[c] = (cFatiguedKm[c] as number) + km;
        tally.fatiguedKm += km;
      }
      if (km >= 0.1) recordPace(paceHist, 3600 / kmh);
    }

    x[c] = dx;
    y[c] = dy;
    legTarget[c] = target;
    legPickup[c] = pickup ? 1 : 0;
    legEnd[c] = now + duration;
    freeAt[c] = pickup
      ? Math.max(now + duration, orders.readySec[target] as number) + pickupSvc
      : now + duration + dropSvc;
    state[c] = RIDING;
    gridUpdate(c);
    schedule(now + duration, EV_LEG_END, c);
  };

  const removeFromBag = (c: number, o: number): void => {
    const base = c * maxBag;
    const count = bagCount[c] as number;
    for (let k = 0; k < count; k++) {
      if (bag[base + k] === o) {
        bag[base + k] = bag[base + count - 1] as number;
        bagCount[c] = count - 1;
        return;
      }
    }
  };

  const deliver = (c: number, o: number, at: number): void => {
    oStatus[o] = DELIVERED;
    removeFromBag(c, o);
    const placeHour = Math.floor(((orders.placeSec[o] as number) - day * 86400) / 3600) % 24;
    const fee = orderFeeFen(rules.pay, oRoadKm[o] as number, peakHour[placeHour] === 1, weather, holiday);
    const lateSec = at - (oLate[o] as number);
    const late = lateSec > 0;
    let penalty = 0;
    if (late) {
      const complaint = complaints() < beh.complaintProbLate;
      penalty = latePenaltyFen(rules.penalties, lateSec / 60, complaint);
      cLate[c] = (cLate[c] as number) + 1;
    }
    cOrders[c] = (cOrders[c] as number) + 1;
    cFeesFen[c] = (cFeesFen[c] as number) + fee;
    cCommissionFen[c] = (cCommissionFen[c] as number) + commissionFen(rules.pay, fee);
    cPenaltiesFen[c] = (cPenaltiesFen[c] as number) + penalty;
    const ring = (c * assessDays + (day % assessDays)) as number;
    assessDelivered[ring] = (assessDelivered[ring] as number) + 1;
    if (!late) assessOnTime[ring] = (assessOnTime[ring] as number) + 1;

    const clickToDoorMin = (at - (orders.placeSec[o] as number)) / 60;
    tally.delivered++;
    tally.revenueFen += revenuePerOrderFen;
    tally.clickToDoorSumMin += clickToDoorMin;
    addMinutes(tally.clickToDoorHist, clickToDoorMin);
    tally.dayDelivered[day] = (tally.dayDelivered[day] as number) + 1;
    tally.hourDelivered[placeHour] = (tally.hourDelivered[placeHour] as number) + 1;
    if (!late) {
      tally.onTime++;
      tally.dayOnTime[day] = (tally.dayOnTime[day] as number) + 1;
      tally.hourOnTime[placeHour] = (tally.hourOnTime[placeHour] as number) + 1;
    }
    if (bagCount[c] === 0) engagedAccum[c] = (engagedAccum[c] as number) + at - (engagedSince[c] as number);
    // A courier who has reached the income target takes no new order and logs off once the bag is empty.
    if (earnedFen(c) >= (pop.incomeTargetCny[c] as number) * 100) closing[c] = 1;
  };

  const onLegEnd = (c: number, now: number): void => {
    const e = legTarget[c] as number;
    let done: number;
    if (legPickup[c] === 1) {
      const r = orders.restaurant[e] as number;
      const start = Math.max(now, orders.readySec[e] as number);
      // Every order in the bag from this restaurant whose food is ready by then is picked up together.
      oStatus[e] = PICKED;
      const base = c * planCap;
      for (let k = 0; k < (planLen[c] as number); k++) {
        const st = plan[base + k] as number;
        const o = st >> 1;
        if ((st & 1) === 0 && orders.restaurant[o] === r && (orders.readySec[o] as number) <= start) {
          oStatus[o] = PICKED;
          planRemoveAt(c, k);
          k--;
        }
      }
      done = start + pickupSvc;
    } else {
      done = now + dropSvc;
      deliver(c, e, done);
    }
    freeAt[c] = done;
    state[c] = SERVICE;
    gridUpdate(c);
    schedule(done, EV_SERVICE_DONE, c);
  };

  // --- Dispatch -----------------------------------------------------------------------------------------------

  const available = (c: number, now: number): boolean => {
    const share = pop.otherPlatformShare[c] as number;
    if (share === 0 || exclusivity) return true;
    const phase = (((now - (pop.otherPlatformPhaseSec[c] as number)) % 3600) + 3600) % 3600;
    return phase >= share * 3600;
  };

  // Scratch for insertion: the plan's stops (position, food-ready time or late-after time, drop-off or not) and the
  // platform's estimate of the time and place after each prefix of the plan.
  const sX = new Float64Array(planCap);
  const sY = new Float64Array(planCap);
  const sReady = new Float64Array(planCap);
  const sLate = new Float64Array(planCap);
  const sDrop = new Uint8Array(planCap);
  const prefT = new Float64Array(planCap + 1);
  const prefLate = new Float64Array(planCap + 1);
  let insertPickupAt = 0;
  let insertDropAt = 0;
  let insertEnd = 0;

  /**
   * The cheapest insertion of order o into courier c's plan (MODEL.md section 4: pickup travel + insertion delay):
   * cost = time until o is delivered + extra time the plan takes + latenessWeight × the lateness it adds (o's own
   * and that of the orders already in the bag). Plans are timed as the platform estimates them: travel at the
   * planning speed, waits for food, service. Sets insertPickupAt/insertDropAt; returns the cost in seconds.
   */
  const insertionCost = (c: number, o: number, now: number): number => {
    const base = c * planCap;
    const len = planLen[c] as number;
    for (let k = 0; k < len; k++) {
      const st = plan[base + k] as number;
      const oo = st >> 1;
      if (st & 1) {
        sX[k] = orders.custX[oo] as number;
        sY[k] = orders.custY[oo] as number;
        sDrop[k] = 1;
        sLate[k] = oLate[oo] as number;
      } else {
        const r = orders.restaurant[oo] as number;
        sX[k] = city.restaurantX[r] as number;
        sY[k] = city.restaurantY[r] as number;
        sDrop[k] = 0;
        sReady[k] = orders.readySec[oo] as number;
      }
    }
    // The plan as it is: time and accumulated lateness after each prefix.
    const t0 = Math.max(now, freeAt[c] as number);
    const ax = x[c] as number;
    const ay = y[c] as number;
    let t = t0;
    let px = ax;
    let py = ay;
    let lateSum = 0;
    prefT[0] = t0;
    prefLate[0] = 0;
    for (let k = 0; k < len; k++) {
      const kx = sX[k] as number;
      const ky = sY[k] as number;
      t += dist(kx - px, ky - py) * planSecPerKm;
      if (sDrop[k]) {
        t += dropSvc;
        if (t > (sLate[k] as number)) lateSum += t - (sLate[k] as number);
      } else {
        const ready = sReady[k] as number;
        t = (t > ready ? t : ready) + pickupSvc;
      }
      px = kx;
      py = ky;
      prefT[k + 1] = t;
      prefLate[k + 1] = lateSum;
    }
    const oldEnd = t;
    const oldLate = lateSum;

    const r = orders.restaurant[o] as number;
    const rx = city.restaurantX[r] as number;
    const ry = city.restaurantY[r] as number;
    const readyO = orders.readySec[o] as number;
    const cx = orders.custX[o] as number;
    const cy = orders.custY[o] as number;
    const lateO = oLate[o] as number;
    let best = Infinity;
    for (let i = 0; i <= len; i++) {
      // The prefix plan[0..i), then the new pickup.
      const fx = i === 0 ? ax : (sX[i - 1] as number);
      const fy = i === 0 ? ay : (sY[i - 1] as number);
      // A pickup is never planned further than maxPickupKm from the stop before it.
      const approachKm = dist(rx - fx, ry - fy);
      if (approachKm > dispatch.maxPickupKm) continue;
      let tj = (prefT[i] as number) + approachKm * planSecPerKm;
      tj = (tj > readyO ? tj : readyO) + pickupSvc;
      let jx = rx;
      let jy = ry;
      let lateJ = prefLate[i] as number;
      for (let j = i; j <= len; j++) {
        // The new drop-off after plan[i..j), then the rest of the plan.
        const td = tj + dist(cx - jx, cy - jy) * planSecPerKm + dropSvc;
        let te = td;
        let late = lateJ + (td > lateO ? td - lateO : 0);
        let ex = cx;
        let ey = cy;
        for (let k = j; k < len; k++) {
          const kx = sX[k] as number;
          const ky = sY[k] as number;
          te += dist(kx - ex, ky - ey) * planSecPerKm;
          if (sDrop[k]) {
            te += dropSvc;
            if (te > (sLate[k] as number)) late += te - (sLate[k] as number);
          } else {
            const ready = sReady[k] as number;
            te = (te > ready ? te : ready) + pickupSvc;
          }
          ex = kx;
          ey = ky;
        }
        const cost = te - oldEnd + (td - now) + latenessWeight * (late - oldLate);
        if (cost < best) {
          best = cost;
          insertPickupAt = i;
          insertDropAt = j;
          insertEnd = te;
        }
        // Advance: visit plan[j] before the new drop-off.
        if (j < len) {
          const kx = sX[j] as number;
          const ky = sY[j] as number;
          tj += dist(kx - jx, ky - jy) * planSecPerKm;
          if (sDrop[j]) {
            tj += dropSvc;
            if (tj > (sLate[j] as number)) lateJ += tj - (sLate[j] as number);
          } else {
            const ready = sReady[j] as number;
            tj = (tj > ready ? tj : ready) + pickupSvc;
          }
          jx = kx;
          jy = ky;
        }
      }
    }
    return best;
  };

  let bestPickupAt = 0;
  let bestDropAt = 0;

  // Scratch for the candidate couriers of one search: index and straight distance to the restaurant.
  const candC = new Int32Array(n);
  const candD = new Float64Array(n);
  const candOrder: number[] = [];

  /**
   * The courier the policy gives order o to, or −1. A ring search of the grid collects the usable couriers within
   * maxPickupKm, nearest first, until the `candidates` nearest are certain; `nearest` takes the closest, the other
   * policies score each of those candidates by its cheapest insertion (plus ranking or fair-share terms).
   */
  const bestCourier = (o: number, now: number): number => {
    const r = orders.restaurant[o] as number;
    const rx = city.restaurantX[r] as number;
    const ry = city.restaurantY[r] as number;
    const policy = dispatch.policy;
    const wanted = policy === 'nearest' ? 1 : dispatch.candidates;
    const homeX = Math.min(cols - 1, Math.max(0, Math.floor(rx / cellKm)));
    const homeY = Math.min(rows - 1, Math.max(0, Math.floor(ry / cellKm)));
    const home = homeY * cols + homeX;
    if (noCourierCellTick[home] === now && noCourierCellVersion[home] === gridVersion) return -1;
    // Whether the scanned cells hold any courier who can take an order now, at whatever distance.
    let sawUsable = false;
    let count = 0;
    for (let ring = 0; ring <= maxRing; ring++) {
      const lowerKm = (ring - 1) * cellKm;
      if (lowerKm > dispatch.maxPickupKm) break;
      // Every courier in this ring or beyond is at least lowerKm away: stop once `wanted` are nearer than that.
      if (count >= wanted && lowerKm > 0) {
        let nearer = 0;
        for (let k = 0; k < count; k++) if ((candD[k] as number) < lowerKm) nearer++;
        if (nearer >= wanted) break;
      }
      const x0 = homeX - ring;
      const x1 = homeX + ring;
      const y0 = homeY - ring;
      const y1 = homeY + ring;
      for (let cy = y0; cy <= y1; cy++) {
        if (cy < 0 || cy >= rows) continue;
        const edgeRow = cy === y0 || cy === y1;
        for (let cx = x0; cx <= x1; cx += edgeRow || ring === 0 ? 1 : x1 - x0) {
          if (cx < 0 || cx >= cols) continue;
          for (let c = cellHead[cy * cols + cx] as number; c >= 0; c = cellNext[c] as number) {
            if (!available(c, now)) continue;
            sawUsable = true;
            const distKm = dist((x[c] as number) - rx, (y[c] as number) - ry);
            if (distKm > dispatch.maxPickupKm) continue;
            candC[count] = c;
            candD[count] = distKm;
            count++;
          }
        }
      }
    }
    if (count === 0) {
      // The square scanned is the same for every restaurant of this home cell (the ring limit does not depend on
      // the point); if it held nobody usable, every such search fails this tick.
      if (!sawUsable) {
        noCourierCellTick[home] = now;
        noCourierCellVersion[home] = gridVersion;
      }
      return -1;
    }
    // Nearest first; equal distances by courier index, so the order never depends on the grid's list order.
    candOrder.length = count;
    for (let k = 0; k < count; k++) candOrder[k] = k;
    candOrder.sort(
      (a, b) => (candD[a] as number) - (candD[b] as number) || (candC[a] as number) - (candC[b] as number),
    );
    const take = Math.min(count, wanted);
    if (policy === 'nearest') {
      const c = candC[candOrder[0] as number] as number;
      bestPickupAt = bestDropAt = planLen[c] as number;
      return c;
    }

    const rank = rules.assessment.rankByOnTime;
    const weight = rules.assessment.priorityWeightSec;
    // Every insertion costs at least the new order's own delivery time (the ride to the restaurant or the food's
    // readiness, pickup, the ride to the customer, drop-off) and its weighted lateness: a bound that skips
    // candidates without changing which one wins.
    const readyIn = (orders.readySec[o] as number) - now;
    const afterPickupSec = (orders.straightKm[o] as number) * planSecPerKm + pickupSvc + dropSvc;
    const lateIn = (oLate[o] as number) - now;
    let best = -1;
    let bestCost = Infinity;
    for (let k = 0; k < take; k++) {
      const idx = candOrder[k] as number;
      const c = candC[idx] as number;
      const freeIn = (freeAt[c] as number) > now ? (freeAt[c] as number) - now : 0;
      const delivery = Math.max(freeIn + (candD[idx] as number) * planSecPerKm, readyIn) + afterPickupSec;
      const bound = delivery > lateIn ? delivery + latenessWeight * (delivery - lateIn) : delivery;
      if (bound >= bestCost) continue;
      let cost = insertionCost(c, o, now);
      if (cost === Infinity) continue;
      // Under a heat cap the platform gives no order the courier could not finish within it.
      if (hardCap && onlineSecAt(c, now) + insertEnd - now > (maxOnlineSec[c] as number)) continue;
      if (rank) cost += (1 - (score[c] as number)) * weight;
      if (policy === 'fairShare') cost += (earnedFen(c) / 100) * dispatch.fairShareSecPerCny;
      if (cost < bestCost) {
        best = c;
        bestCost = cost;
        bestPickupAt = insertPickupAt;
        bestDropAt = insertDropAt;
      }
    }
    return best;
  };

  const assign = (o: number, c: number, now: number, pickupAt: number, dropAt: number): void => {
    // A new stop in a plan can make an insertion feasible that was not (a pickup near it), so memos expire.
    gridVersion++;
    oStatus[o] = ASSIGNED;
    if (bagCount[c] === 0) engagedSince[c] = now;
    bag[c * maxBag + (bagCount[c] as number)] = o;
    bagCount[c] = (bagCount[c] as number) + 1;
    // Insert the drop-off first (its index counts the plan without the pickup), then the pickup before it.
    const base = c * planCap;
    let len = planLen[c] as number;
    for (let k = len; k > dropAt; k--) plan[base + k] = plan[base + k - 1] as number;
    plan[base + dropAt] = o * 2 + 1;
    len++;
    for (let k = len; k > pickupAt; k--) plan[base + k] = plan[base + k - 1] as number;
    plan[base + pickupAt] = o * 2;
    planLen[c] = len + 1;
    if (state[c] === IDLE) startNextLeg(c, now);
    else gridUpdate(c);
  };

  // Within one tick, and while no courier has entered a grid cell, couriers only become busier: a restaurant that
  // found no courier finds none again, and nor does any restaurant in a home cell whose search square held nobody
  // usable. Remembering both skips the searches that dominate an overloaded city, without changing any result.
  const noCourierTick = new Float64Array(city.restaurantX.length).fill(-1);
  const noCourierVersion = new Float64Array(city.restaurantX.length).fill(-1);
  const noCourierCellTick = new Float64Array(cols * rows).fill(-1);
  const noCourierCellVersion = new Float64Array(cols * rows).fill(-1);

  const dispatchTick = (now: number): void => {
    // Orders placed by now join the queue with their promise.
    while (nextToPlace < orders.count && (orders.placeSec[nextToPlace] as number) <= now) {
      pending[pendingCount++] = nextToPlace++;
    }
    let kept = 0;
    for (let i = 0; i < pendingCount; i++) {
      const o = pending[i] as number;
      if (now - (orders.placeSec[o] as number) > cancelAfterSec) {
        oStatus[o] = CANCELLED;
        continue;
      }
      const r = orders.restaurant[o] as number;
      if (noCourierTick[r] === now && noCourierVersion[r] === gridVersion) {
        pending[kept++] = o;
        continue;
      }
      const c = bestCourier(o, now);
      if (c < 0) {
        noCourierTick[r] = now;
        noCourierVersion[r] = gridVersion;
      }
      if (c >= 0 && !(pop.crowd[c] === 1 && beh.declineProb > 0 && behaviour() < beh.declineProb)) {
        assign(o, c, now, bestPickupAt, bestDropAt);
      } else {
        pending[kept++] = o;
      }
    }
    pendingCount = kept;
  };

  // --- Days ---------------------------------------------------------------------------------------------------

  for (day = 0; day < days; day++) {
    weather = scenario.weather[day] ?? 'clear';
    holiday = holidays.has(day);
    speedFactor = beh.weatherSpeedFactor[weather];
    risk = {
      basePerKm: scenario.risk.baseInjuryCrashesPerMillionKm / 1e6,
      referenceKmh: scenario.risk.referenceSpeedKmh,
      speedExponent: scenario.risk.speedExponent,
      redLightOddsRatio: scenario.risk.redLightOddsRatio,
      fatiguePerHour: scenario.risk.fatiguePerHour,
      fatigueAfterHours: scenario.risk.fatigueAfterHours,
      weatherFactor: scenario.risk.weatherFactor[weather],
    };
    // Drawn even when replaced, so the demand streams stay aligned across days whatever is injected.
    orders = drawDayOrders(scenario, city, day, weather, demandDraws, prepDraws);
    if (ordersForDay) orders = ordersForDay(day, city);
    const m = orders.count;
    oStatus = new Uint8Array(m);
    oPromised = new Float64Array(m);
    oLate = new Float64Array(m);
    oRoadKm = new Float64Array(m);
    pending = new Int32Array(m);
    pendingCount = 0;
    nextToPlace = 0;

    // The day's pace estimate: learned from the window's legs, else the couriers' comfort speeds.
    const w = dl.learning.windowDays;
    const window = w > 0 ? paceHists.slice(Math.max(0, day - w), day) : [];
    const pace = (window.length > 0 ? paceQuantile(window, dl.percentile) : undefined) ?? comfortPace;
    paceHist = newPaceHistogram();
    paceHists.push(paceHist);

    for (let o = 0; o < m; o++) {
      const roadKm = (orders.straightKm[o] as number) * detourFactor;
      const promised = promisedDurationSec(dl, roadKm, pace);
      oRoadKm[o] = roadKm;
      oPromised[o] = (orders.placeSec[o] as number) + promised;
      oLate[o] = (oPromised[o] as number) + lateAfter;
      const minutes = promised / 60;
      const hour = Math.floor(((orders.placeSec[o] as number) - day * 86400) / 3600) % 24;
      tally.placed++;
      tally.promisedSumMin += minutes;
      addMinutes(tally.promisedHist, minutes);
      tally.dayPlaced[day] = (tally.dayPlaced[day] as number) + 1;
      tally.dayPromisedSumMin[day] = (tally.dayPromisedSumMin[day] as number) + minutes;
      tally.hourPlaced[hour] = (tally.hourPlaced[hour] as number) + 1;
      tally.hourPromisedSumMin[hour] = (tally.hourPromisedSumMin[hour] as number) + minutes;
    }

    // Assessment scores from the previous windowDays days.
    if (rules.assessment.rankByOnTime) {
      for (let c = 0; c < n; c++) {
        let del = 0;
        let ok = 0;
        for (let k = 0; k < assessDays; k++) {
          del += assessDelivered[c * assessDays + k] as number;
          ok += assessOnTime[c * assessDays + k] as number;
        }
        score[c] = del > 0 ? ok / del : 1;
      }
    }
    for (let c = 0; c < n; c++) {
      assessDelivered[c * assessDays + (day % assessDays)] = 0;
      assessOnTime[c * assessDays + (day % assessDays)] = 0;
    }

    const dayStart = day * 86400;
    const serviceStartAbs = dayStart + scenario.time.serviceStartHour * 3600;
    serviceEndAbs = dayStart + scenario.time.serviceEndHour * 3600;
    const suspended = weather === 'heat40' && rules.heat.suspendOnHeat40;
    const heat37Cap = weather === 'heat37' ? rules.heat.maxOnlineHoursHeat37 : null;
    hardCap = heat37Cap !== null;

    // Shifts: every courier's log-on time and place are drawn whatever the rules, to keep the streams aligned.
    queue.clear();
    for (let c = 0; c < n; c++) {
      const jitterHours = shifts.normal(0, 0.5);
      const r = shifts.index(city.restaurantX.length);
      state[c] = OFF;
      closing[c] = 0;
      bagCount[c] = 0;
      planLen[c] = 0;
      onlineAccum[c] = 0;
      engagedAccum[c] = 0;
      longest[c] = 0;
      loggedOn[c] = 0;
      cOrders[c] = cLate[c] = cKm[c] = cSpeedingKm[c] = cFatiguedKm[c] = cRedRuns[c] = 0;
      cCrashes[c] = cBaseline[c] = cFeesFen[c] = cCommissionFen[c] = cPenaltiesFen[c] = 0;
      x[c] = city.restaurantX[r] as number;
      y[c] = city.restaurantY[r] as number;
      legEnd[c] = 0;
      const hours = heat37Cap === null ? (pop.maxHours[c] as number) : Math.min(pop.maxHours[c] as number, heat37Cap);
      maxOnlineSec[c] = hours * 3600;
      const start = Math.min(
        serviceEndAbs - 1800,
        Math.max(serviceStartAbs, dayStart + ((pop.startHour[c] as number) + jitterHours) * 3600),
      );
      if (!suspended && hours > 0) schedule(start, EV_LOGON, c);
    }
    queue.push(serviceEndAbs, PRIORITY[EV_SERVICE_END] as number, EV_SERVICE_END, -1, 0);

    // Event loop: events up to each dispatch tick, then the tick; after the end of service, events until none.
    let tick = suspended ? Infinity : serviceStartAbs;
    for (;;) {
      const limit = tick <= serviceEndAbs ? tick : Infinity;
      while (queue.size > 0 && queue.peekTime() <= limit) {
        queue.pop();
        const kind = queue.poppedKind;
        const c = queue.poppedSubject;
        const now = queue.poppedTime;
        if (kind === EV_SERVICE_END) {
          for (let i = 0; i < pendingCount; i++) oStatus[pending[i] as number] = CANCELLED;
          pendingCount = 0;
          nextToPlace = m;
          for (let k = 0; k < n; k++) {
            closing[k] = 1;
            if (state[k] === IDLE) logOff(k, now);
            else gridUpdate(k);
          }
          continue;
        }
        if (kind === EV_SHIFT_LIMIT) {
          if (state[c] === OFF || state[c] === DONE) continue;
          const left = (maxOnlineSec[c] as number) - onlineSecAt(c, now);
          if (left > 1e-6) {
            queue.push(now + left, PRIORITY[EV_SHIFT_LIMIT] as number, EV_SHIFT_LIMIT, c, 0);
          } else if (state[c] === IDLE) {
            logOff(c, now);
          } else {
            closing[c] = 1;
            gridUpdate(c);
          }
          continue;
        }
        if (queue.poppedToken !== token[c]) continue; // superseded
        if (kind === EV_LOGON) logOn(c, now);
        else if (kind === EV_LEG_END) onLegEnd(c, now);
        else if (kind === EV_SERVICE_DONE) startNextLeg(c, now);
        else if (kind === EV_BREAK_END) endBreak(c, now);
      }
      if (tick <= serviceEndAbs) {
        dispatchTick(tick);
        tick += dispatch.batchSeconds;
      } else if (queue.size === 0) {
        break;
      }
    }
    // Orders never placed into the queue (a suspended day) are undelivered too.
    for (let o = 0; o < m; o++) if (oStatus[o] === WAITING) oStatus[o] = CANCELLED;
    for (let o = 0; o < m; o++) if (oStatus[o] === CANCELLED) tally.cancelled++;

    settleDay(scenario, rules, tally, day, weather, {
      n,
      loggedOn,
      onlineAccum,
      engagedAccum,
      longest,
      cOrders,
      cLate,
      cKm,
      cSpeedingKm,
      cFatiguedKm,
      cRedRuns,
      cCrashes,
      cBaseline,
      cFeesFen,
      cCommissionFen,
      cPenaltiesFen,
    });
  }
  return { tally, population: pop };
}

/** Per-courier day columns handed to settlement. */
interface DayColumns {
  n: number;
  loggedOn: Uint8Array;
  onlineAccum: Float64Array;
  engagedAccum: Float64Array;
  longest: Float64Array;
  cOrders: Float64Array;
  cLate: Float64Array;
  cKm: Float64Array;
  cSpeedingKm: Float64Array;
  cFatiguedKm: Float64Array;
  cRedRuns: Float64Array;
  cCrashes: Float64Array;
  cBaseline: Float64Array;
  cFeesFen: Float64Array;
  cCommissionFen: Float64Array;
  cPenaltiesFen: Float64Array;
}

/** Closes a day: tiers, guarantee top-ups and expenses per courier-day, appended to the tally's columns. */
function settleDay(scenario: Scenario, rules: Rules, tally: Tally, day: number, weather: Weather, d: DayColumns): void {
  for (let c = 0; c < d.n; c++) {
    if (d.loggedOn[c] !== 1) continue;
    const onlineHours = (d.onlineAccum[c] as number) / 3600;
    const engagedHours = (d.engagedAccum[c] as number) / 3600;
    const orders = d.cOrders[c] as number;
    const fees = d.cFeesFen[c] as number;
    const commission = d.cCommissionFen[c] as number;
    const penalties = d.cPenaltiesFen[c] as number;
    const bonuses = tierBonusFen(rules.pay, orders);
    const topUp = guaranteeTopUpFen(rules.pay, fees - commission - penalties + bonuses, onlineHours, engagedHours);
    const expenses = expensesFen(scenario.population, d.cKm[c] as number);
    tally.cdCourier.push(c);
    tally.cdDay.push(day);
    tally.cdOnlineHours.push(onlineHours);
    tally.cdEngagedHours.push(engagedHours);
    tally.cdLongestHours.push((d.longest[c] as number) / 3600);
    tally.cdOrders.push(orders);
    tally.cdLate.push(d.cLate[c] as number);
    tally.cdKm.push(d.cKm[c] as number);
    tally.cdSpeedingKm.push(d.cSpeedingKm[c] as number);
    tally.cdFatiguedKm.push(d.cFatiguedKm[c] as number);
    tally.cdRedRuns.push(d.cRedRuns[c] as number);
    tally.cdCrashes.push(d.cCrashes[c] as number);
    tally.cdBaseline.push(d.cBaseline[c] as number);
    tally.cdFeesFen.push(fees);
    tally.cdCommissionFen.push(commission);
    tally.cdPenaltiesFen.push(penalties);
    tally.cdBonusesFen.push(bonuses);
    tally.cdTopUpFen.push(topUp);
    tally.cdExpensesFen.push(expenses);
    if (weather === 'heat40' && onlineHours > 0) tally.heat40CourierDays++;
    if (weather === 'heat37' && onlineHours > tally.heat37MaxOnlineHours) tally.heat37MaxOnlineHours = onlineHours;
  }
}
