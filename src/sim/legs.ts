/**
 * Riding the plan (MODEL.md sections 6–7): each leg goes to the plan's next stop at a speed set by the time left
 * before the most urgent order's deadline, with red lights run under pressure; a pickup collects every ready order of
 * that restaurant, a drop-off delivers and pays.
 */
import type { EngineState } from './engineState.ts';
import { isDropoff, RIDING, SERVICE, stopOrder } from './fleet.ts';
import { DELIVERED, PICKED } from './orderBook.ts';
import { hourOf } from './time.ts';
import { fen } from './pay.ts';
import { chooseSpeed, mayRunRedLight, redLightWaitCostFen, redRunProbability, requiredKmh } from './riding.ts';
import { dist } from './spatialGrid.ts';
import { EV_LEG_END, EV_SERVICE_DONE } from './events.ts';
import { becomeIdle } from './shifts.ts';

/** Where a plan stop is: an order's restaurant (pickup) or its customer (drop-off). */
function stopX(e: EngineState, stop: number): number {
  const o = stopOrder(stop);
  const orders = e.book.orders;
  return isDropoff(stop) ? (orders.custX[o] as number) : (e.city.restaurantX[orders.restaurant[o] as number] as number);
}
function stopY(e: EngineState, stop: number): number {
  const o = stopOrder(stop);
  const orders = e.book.orders;
  return isDropoff(stop) ? (orders.custY[o] as number) : (e.city.restaurantY[orders.restaurant[o] as number] as number);
}

/** Online time after which a courier values time at today's earnings rather than at the income target's rate. */
const OWN_RATE_AFTER_SEC = 3600;

/**
 * What courier c earns per second online, fen: today's earnings so far over the time online, or, before an hour
 * online with something earned, the income target over the hours limit (what the courier means to earn per hour).
 */
function earnFenPerSec(e: EngineState, c: number, now: number): number {
  const online = e.fleet.onlineSecAt(c, now);
  const earned = e.ledger.earnedFen(c);
  if (online >= OWN_RATE_AFTER_SEC && earned > 0) return earned / online;
  return ((e.pop.incomeTargetCny[c] as number) * 100) / ((e.pop.maxHours[c] as number) * 3600);
}

/** The safety bonus the orders in courier c's bag would lose by a red light run, fen: 0 when there is no bonus. */
function safetyStakeFen(e: EngineState, c: number): number {
  const bonus = e.rules.pay.safetyBonusPerOrder;
  if (bonus === 0) return 0;
  const { fleet } = e;
  const base = c * fleet.maxBag;
  let clean = 0;
  for (let k = 0; k < (fleet.bagCount[c] as number); k++)
    if (e.book.ranRedLight[fleet.bag[base + k] as number] === 0) clean++;
  return clean * fen(bonus);
}

/** Road km from courier c's next stop (at dx, dy) through the rest of the plan. */
function restOfPlanKm(e: EngineState, c: number, dx: number, dy: number, routeFactor: number): number {
  const { fleet } = e;
  const base = c * fleet.planCap;
  let km = 0;
  let fx = dx;
  let fy = dy;
  for (let k = 0; k < (fleet.planLen[c] as number); k++) {
    const stop = fleet.plan[base + k] as number;
    const nx = stopX(e, stop);
    const ny = stopY(e, stop);
    km += dist(nx - fx, ny - fy) * routeFactor;
    fx = nx;
    fy = ny;
  }
  return km;
}

/** Every order in courier c's bag loses the safety bonus: the courier ran a red light while carrying it. */
function markBagRanRedLight(e: EngineState, c: number): void {
  const { fleet } = e;
  const base = c * fleet.maxBag;
  for (let k = 0; k < (fleet.bagCount[c] as number); k++) e.book.ranRedLight[fleet.bag[base + k] as number] = 1;
}

/** Courier c sets off for the next stop of the plan, or becomes idle when the plan is empty. */
export function startNextLeg(e: EngineState, c: number, now: number): void {
  const { fleet, pop, book } = e;
  const len = fleet.planLen[c] as number;
  fleet.touch(c);
  if (len === 0) {
    fleet.freeAt[c] = now;
    becomeIdle(e, c, now);
    return;
  }
  const base = c * fleet.planCap;
  const stop = fleet.plan[base] as number;
  fleet.planRemoveAt(c, 0);
  const target = stopOrder(stop);
  const pickup = !isDropoff(stop);
  const px = fleet.x[c] as number;
  const py = fleet.y[c] as number;
  const dx = stopX(e, stop);
  const dy = stopY(e, stop);
  const routeFactor = e.detourFactor * (pop.detour[c] as number);
  const km = dist(dx - px, dy - py) * routeFactor;
  const v0 = (pop.comfortKmh[c] as number) * e.speedFactor;
  const vmax = (pop.maxKmh[c] as number) * e.speedFactor;
  const r = e.riskTolerance[c] as number;

  let kmh = v0;
  let pressure = 0;
  // Seconds left to the threshold of the order that sets the pace (Infinity when none can be reached).
  let bindLeftSec = Infinity;
  // No point hurrying to a restaurant whose food will not be ready on arrival at comfort speed.
  const foodLate = pickup && now + (km / v0) * 3600 < (book.orders.readySec[target] as number);
  if (!foodLate) {
    // Every order in the bag asks for the speed that reaches its earliest reachable threshold along the plan (the
    // distance to its drop-off, and the time left minus the service times on the way); the most demanding one sets
    // the pace.
    let vreq = 0;
    let viaKm = km;
    let services = pickup ? e.plan.pickupSvcSec : e.plan.dropSvcSec;
    let stopAt = stop;
    let fx = dx;
    let fy = dy;
    for (let k = -1; k < len - 1; k++) {
      if (k >= 0) {
        stopAt = fleet.plan[base + k] as number;
        const nx = stopX(e, stopAt);
        const ny = stopY(e, stopAt);
        viaKm += dist(nx - fx, ny - fy) * routeFactor;
        services += isDropoff(stopAt) ? e.plan.dropSvcSec : e.plan.pickupSvcSec;
        fx = nx;
        fy = ny;
      }
      if (!isDropoff(stopAt)) continue;
      const o = stopOrder(stopAt);
      const need = requiredKmh(viaKm, book.dueAt(o) - now - services, e.lines.graceSec, e.lines.severeAfterSec, vmax);
      if (need > vreq) {
        vreq = need;
        bindLeftSec = (viaKm / need) * 3600;
      }
    }
    const choice = chooseSpeed(v0, vmax, r, vreq, e.rushWhenLate);
    kmh = choice.kmh;
    pressure = choice.pressure;
  }
  let duration = km > 0 ? (km / kmh) * 3600 : 0;

  if (km > 0) {
    // Red lights: the number of signals is km × signalsPerKm rounded at random; one draw per signal says whether it
    // is red and run (below redLightProb × the run probability), red and stopped at (below redLightProb), or green.
    const beh = e.scenario.behaviour;
    const signals = Math.floor(km * e.signalsPerKm + e.riding());
    // With a safety bonus at stake the courier runs only when stopping at every red light until the bag is delivered
    // (the expected reds over this leg and the rest of the plan) costs more than the bonus (docs/model.md 6).
    const stake = safetyStakeFen(e, c);
    const mayRun =
      stake === 0 ||
      mayRunRedLight(
        redLightWaitCostFen({
          waitSec:
            (km + restOfPlanKm(e, c, dx, dy, routeFactor)) * e.signalsPerKm * beh.redLightProb * beh.redLightWaitSec,
          earnFenPerSec: earnFenPerSec(e, c, now),
          pressure,
          timeLeftSec: bindLeftSec,
          lateFineFen: fen(e.rules.penalties.lateFine) + beh.complaintProbLate * fen(e.rules.penalties.complaintFine),
          perMinuteLateFen: fen(e.rules.penalties.perMinuteLate),
        }),
        stake,
      );
    const pRedRun = mayRun ? beh.redLightProb * redRunProbability(beh.redRunBase, beh.redRunPressure, r, pressure) : 0;
    let runs = 0;
    let stops = 0;
    for (let s = 0; s < signals; s++) {
      const u = e.riding();
      if (u < pRedRun) runs++;
      else if (u < beh.redLightProb) stops++;
    }
    if (runs > 0) markBagRanRedLight(e, c);
    e.rec.leg(c, km, kmh, signals, runs, fleet.onlineSecAt(c, now), pop.comfortKmh[c] as number, now);
    if (stops > 0 && beh.redLightWaitSec > 0) {
      // Each red light stopped at costs its wait; the platform sees the leg's pace with the waits in it.
      duration += stops * beh.redLightWaitSec;
      e.deadline.observeLeg(km, (km / duration) * 3600);
    } else e.deadline.observeLeg(km, kmh);
  }

  fleet.x[c] = dx;
  fleet.y[c] = dy;
  fleet.legTarget[c] = target;
  fleet.legPickup[c] = pickup ? 1 : 0;
  fleet.freeAt[c] = pickup
    ? Math.max(now + duration, book.orders.readySec[target] as number) + e.plan.pickupSvcSec
    : now + duration + e.plan.dropSvcSec;
  fleet.state[c] = RIDING;
  e.gridUpdate(c);
  e.schedule(now + duration, EV_LEG_END, c);
}

/** Courier c delivers order o at `at`: pay, fines, assessment, and the end of an engaged stretch. */
function deliver(e: EngineState, c: number, o: number, at: number): void {
  const { fleet, book } = e;
  book.status[o] = DELIVERED;
  fleet.removeFromBag(c, o);
  const placeSec = book.orders.placeSec[o] as number;
  const atPromise = at - (book.promiseAt[o] as number);
  const late = e.ledger.delivered(c, {
    placeSec,
    roadKm: book.roadKm(o),
    atSec: at,
    promiseSec: book.promiseAt[o] as number,
    lateAtSec: book.lateAt(o),
    covered: book.orders.covered?.[o] === 1,
    ranRedLight: book.ranRedLight[o] === 1,
  });
  e.rec.delivered(
    c,
    placeSec,
    at,
    book.promiseAt[o] as number,
    late,
    book.assignedAt[o] as number,
    book.pickedAt[o] as number,
  );
  e.customers.delivered(atPromise);
  if (book.traced) {
    book.deliveredAt[o] = at;
    book.late[o] = late ? 1 : 0;
    book.feeFen[o] = e.ledger.lastFeeFen;
  }
  e.deadline.observeDelivery(
    book.roadKm(o),
    at - placeSec,
    (book.orders.readySec[o] as number) - placeSec,
    hourOf(placeSec, e.day),
  );
  e.assessed(c, late);
  if (fleet.bagCount[c] === 0)
    fleet.engagedAccum[c] = (fleet.engagedAccum[c] as number) + at - (fleet.engagedSince[c] as number);
  // A courier who has reached the income target takes no new order and logs off once the bag is empty.
  if (e.ledger.earnedFen(c) >= (e.pop.incomeTargetCny[c] as number) * 100) fleet.closing[c] = 1;
}

/** Courier c arrives at a stop: picks up (after the food is ready) or drops off, then serves. */
export function onLegEnd(e: EngineState, c: number, now: number): void {
  const { fleet, book } = e;
  const orders = book.orders;
  const t = fleet.legTarget[c] as number;
  let done: number;
  if (fleet.legPickup[c] === 1) {
    const r = orders.restaurant[t] as number;
    const start = Math.max(now, orders.readySec[t] as number);
    // Every order in the bag from this restaurant whose food is ready by then is picked up together.
    book.status[t] = PICKED;
    book.pickedAt[t] = start;
    const base = c * fleet.planCap;
    for (let k = 0; k < (fleet.planLen[c] as number); k++) {
      const st = fleet.plan[base + k] as number;
      const o = stopOrder(st);
      if (!isDropoff(st) && orders.restaurant[o] === r && (orders.readySec[o] as number) <= start) {
        book.status[o] = PICKED;
        book.pickedAt[o] = start;
        fleet.planRemoveAt(c, k);
        k--;
      }
    }
    done = start + e.plan.pickupSvcSec;
  } else {
    done = now + e.plan.dropSvcSec;
    deliver(e, c, t, done);
  }
  fleet.touch(c);
  fleet.freeAt[c] = done;
  fleet.state[c] = SERVICE;
  e.gridUpdate(c);
  e.schedule(done, EV_SERVICE_DONE, c);
}
