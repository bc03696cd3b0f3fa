/**
 * Riding the plan (MODEL.md sections 6–7): each leg goes to the plan's next stop at a speed set by the time left
 * before the most urgent order's deadline, with red lights run under pressure; a pickup collects every ready order of
 * that restaurant, a drop-off delivers and pays.
 */
import type { EngineState } from './engineState.ts';
import { isDropoff, RIDING, SERVICE, stopOrder } from './fleet.ts';
import { DELIVERED, PICKED } from './orderBook.ts';
import { hourOf } from './time.ts';
import { chooseSpeed, redRunProbability, requiredKmh } from './riding.ts';
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
  const dueAt = book.dueAt;
  const r = e.riskTolerance[c] as number;

  let kmh = v0;
  let pressure = 0;
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
      const need = requiredKmh(
        viaKm,
        (dueAt[o] as number) - now - services,
        e.lines.graceSec,
        e.lines.severeAfterSec,
        vmax,
      );
      if (need > vreq) vreq = need;
    }
    const choice = chooseSpeed(v0, vmax, r, vreq, e.rushWhenLate);
    kmh = choice.kmh;
    pressure = choice.pressure;
  }
  const duration = km > 0 ? (km / kmh) * 3600 : 0;

  if (km > 0) {
    // Red lights: the number of signals is km × signalsPerKm rounded at random; each is red and run at once.
    const beh = e.scenario.behaviour;
    const signals = Math.floor(km * e.signalsPerKm + e.riding());
    const pRedRun = beh.redLightProb * redRunProbability(beh.redRunBase, beh.redRunPressure, r, pressure);
    let runs = 0;
    for (let s = 0; s < signals; s++) if (e.riding() < pRedRun) runs++;
    e.rec.leg(c, km, kmh, signals, runs, fleet.onlineSecAt(c, now), pop.comfortKmh[c] as number, now);
    e.deadline.observeLeg(km, kmh);
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
  book.deliveredAt[o] = at;
  fleet.removeFromBag(c, o);
  const placeSec = book.orders.placeSec[o] as number;
  const atPromise = at - (book.promiseAt[o] as number);
  const late = e.ledger.delivered(c, {
    placeSec,
    roadKm: book.roadKm[o] as number,
    atSec: at,
    promiseSec: book.promiseAt[o] as number,
    lateAtSec: book.lateAt[o] as number,
    covered: book.orders.covered?.[o] === 1,
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
  book.late[o] = late ? 1 : 0;
  book.feeFen[o] = e.ledger.lastFeeFen;
  e.deadline.observeDelivery(
    book.roadKm[o] as number,
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
