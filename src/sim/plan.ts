/**
 * Cheapest insertion of a new order into a courier's plan (MODEL.md section 4). The platform times plans as it
 * estimates them: travel at the planning speed, waits for food, service at every stop. Scratch arrays are allocated
 * once per run; a search allocates nothing.
 */
import type { City } from './city.ts';
import { isDropoff, stopOrder, type Fleet } from './fleet.ts';
import type { OrderBook } from './orderBook.ts';
import { dist } from './spatialGrid.ts';

/** Fixed inputs of plan timing and insertion cost. */
export interface PlanParams {
  /** Seconds per straight-line km at the planning speed (detour included). */
  secPerKm: number;
  pickupSvcSec: number;
  dropSvcSec: number;
  /** No pickup is planned further than this from the stop before it. */
  maxPickupKm: number;
  /** Weight of added lateness (seconds) against added route time. */
  latenessWeight: number;
  /** Weight of the new order's own delivery time (seconds from now) against added route time. */
  deliveryWeight: number;
  /** No position is allowed that delivers the new order more than this after its due time, seconds. */
  maxPlannedLateSec: number;
}

/** Searches insertions for one run; the best of the last search is in `pickupAt`, `dropAt`, `endSec`. */
export class InsertionSearch {
  private readonly sX: Float64Array;
  private readonly sY: Float64Array;
  private readonly sReady: Float64Array;
  private readonly sLate: Float64Array;
  private readonly sDrop: Uint8Array;
  private readonly prefT: Float64Array;
  private readonly prefLate: Float64Array;
  /** Plan index of the new pickup in the best insertion. */
  pickupAt = 0;
  /** Plan index (without the pickup) of the new drop-off in the best insertion. */
  dropAt = 0;
  /** When the plan with the best insertion ends, seconds. */
  endSec = 0;
  /** When the plan as it was (without the new order) ends, seconds: `endSec − oldEndSec` is the detour. */
  oldEndSec = 0;
  /** When the best insertion reaches the new order's restaurant, seconds. */
  pickupArriveSec = 0;
  /** The lateness beyond due times the best insertion adds, the new order's own included, seconds. */
  addedLateSec = 0;

  constructor(
    planCap: number,
    private readonly p: PlanParams,
    private readonly city: City,
  ) {
    this.sX = new Float64Array(planCap);
    this.sY = new Float64Array(planCap);
    this.sReady = new Float64Array(planCap);
    this.sLate = new Float64Array(planCap);
    this.sDrop = new Uint8Array(planCap);
    this.prefT = new Float64Array(planCap + 1);
    this.prefLate = new Float64Array(planCap + 1);
  }

  /**
   * A lower bound, seconds, on the detour of inserting order o into courier c's plan at any positions, as
   * `cheapest` times it (`endSec − oldEndSec` less o's own two service stops): the least extra riding to pass o's
   * restaurant, or its customer, whichever is more, less every wait for food in the plan (a detour may fill a wait).
   * Passing both points rides at least as far as passing either (triangle inequality), and the end moves by the extra
   * riding and waits less the waits absorbed. One pass over the plan, no scratch written.
   */
  detourLowerBound(fleet: Fleet, c: number, book: OrderBook, o: number, now: number): number {
    const { city } = this;
    const { secPerKm, pickupSvcSec, dropSvcSec } = this.p;
    const orders = book.orders;
    const r = orders.restaurant[o] as number;
    const rx = city.restaurantX[r] as number;
    const ry = city.restaurantY[r] as number;
    const cx = orders.custX[o] as number;
    const cy = orders.custY[o] as number;
    const base = c * fleet.planCap;
    const len = fleet.planLen[c] as number;
    let px = fleet.x[c] as number;
    let py = fleet.y[c] as number;
    let t = Math.max(now, fleet.freeAt[c] as number);
    let waits = 0;
    let viaR = Infinity;
    let viaC = Infinity;
    for (let k = 0; k < len; k++) {
      const st = fleet.plan[base + k] as number;
      const oo = stopOrder(st);
      const drop = isDropoff(st);
      const rr = drop ? 0 : (orders.restaurant[oo] as number);
      const kx = drop ? (orders.custX[oo] as number) : (city.restaurantX[rr] as number);
      const ky = drop ? (orders.custY[oo] as number) : (city.restaurantY[rr] as number);
      // Passing a point between this stop and the one before: the ride there and on, less the ride it replaces.
      const edge = dist(kx - px, ky - py);
      const r1 = dist(rx - px, ry - py) + dist(kx - rx, ky - ry) - edge;
      const c1 = dist(cx - px, cy - py) + dist(kx - cx, ky - cy) - edge;
      if (r1 < viaR) viaR = r1;
      if (c1 < viaC) viaC = c1;
      t += edge * secPerKm;
      if (drop) t += dropSvcSec;
      else {
        const ready = orders.readySec[oo] as number;
        if (ready > t) {
          waits += ready - t;
          t = ready;
        }
        t += pickupSvcSec;
      }
      px = kx;
      py = ky;
    }
    // Or after the last stop.
    const rEnd = dist(rx - px, ry - py);
    const cEnd = dist(cx - px, cy - py);
    if (rEnd < viaR) viaR = rEnd;
    if (cEnd < viaC) viaC = cEnd;
    return (viaR > viaC ? viaR : viaC) * secPerKm - waits;
  }

  /**
   * The cost in seconds of the cheapest insertion of order o into courier c's plan: the detour (the extra time the
   * plan takes) + latenessWeight × the lateness beyond the promise (or its window's end) it adds, o's own and that of
   * the orders already in the bag: the two objectives Meituan names for its assignment. The couriers' grace is a
   * concession on fines, not part of what the platform plans for. A position that delivers o more than
   * `maxPlannedLateSec` after its due time is not allowed (the order waits for another courier); Infinity when no
   * position is.
   */
  cheapest(fleet: Fleet, c: number, book: OrderBook, o: number, now: number): number {
    const { sX, sY, sReady, sLate, sDrop, prefT, prefLate, city } = this;
    const { secPerKm, pickupSvcSec, dropSvcSec, maxPickupKm, latenessWeight, deliveryWeight, maxPlannedLateSec } =
      this.p;
    const orders = book.orders;
    const base = c * fleet.planCap;
    const len = fleet.planLen[c] as number;
    for (let k = 0; k < len; k++) {
      const st = fleet.plan[base + k] as number;
      const oo = stopOrder(st);
      if (isDropoff(st)) {
        sX[k] = orders.custX[oo] as number;
        sY[k] = orders.custY[oo] as number;
        sDrop[k] = 1;
        sLate[k] = book.dueAt(oo);
      } else {
        const r = orders.restaurant[oo] as number;
        sX[k] = city.restaurantX[r] as number;
        sY[k] = city.restaurantY[r] as number;
        sDrop[k] = 0;
        sReady[k] = orders.readySec[oo] as number;
      }
    }
    // The plan as it is: time and accumulated lateness after each prefix.
    const t0 = Math.max(now, fleet.freeAt[c] as number);
    const ax = fleet.x[c] as number;
    const ay = fleet.y[c] as number;
    let t = t0;
    let px = ax;
    let py = ay;
    let lateSum = 0;
    prefT[0] = t0;
    prefLate[0] = 0;
    for (let k = 0; k < len; k++) {
      const kx = sX[k] as number;
      const ky = sY[k] as number;
      t += dist(kx - px, ky - py) * secPerKm;
      if (sDrop[k]) {
        t += dropSvcSec;
        if (t > (sLate[k] as number)) lateSum += t - (sLate[k] as number);
      } else {
        const ready = sReady[k] as number;
        t = (t > ready ? t : ready) + pickupSvcSec;
      }
      px = kx;
      py = ky;
      prefT[k + 1] = t;
      prefLate[k + 1] = lateSum;
    }
    const oldEnd = t;
    const oldLate = lateSum;
    this.oldEndSec = oldEnd;

    const r = orders.restaurant[o] as number;
    const rx = city.restaurantX[r] as number;
    const ry = city.restaurantY[r] as number;
    const readyO = orders.readySec[o] as number;
    const cx = orders.custX[o] as number;
    const cy = orders.custY[o] as number;
    const lateO = book.dueAt(o);
    // The new order is never planned more than maxPlannedLateSec after the later of its due time and the time this
    // courier could deliver it by going straight for it (so an order past hope still goes to the courier who can
    // bring it soonest, but is not buried at the end of a long plan).
    const directPickup = (() => {
      const t = t0 + dist(rx - ax, ry - ay) * secPerKm;
      return (t > readyO ? t : readyO) + pickupSvcSec;
    })();
    const direct = directPickup + dist(cx - rx, cy - ry) * secPerKm + dropSvcSec;
    const limitO = (lateO > direct ? lateO : direct) + maxPlannedLateSec;
    // However the stops are ordered, the new order is delivered at least a pickup, the ride and a drop-off after the
    // prefix it follows; once that is past its limit, so is every later position.
    const afterPrefix = pickupSvcSec + dist(cx - rx, cy - ry) * secPerKm + dropSvcSec;
    let best = Infinity;
    for (let i = 0; i <= len; i++) {
      if ((prefT[i] as number) + afterPrefix > limitO) break;
      // The prefix plan[0..i), then the new pickup.
      const fx = i === 0 ? ax : (sX[i - 1] as number);
      const fy = i === 0 ? ay : (sY[i - 1] as number);
      const approachKm = dist(rx - fx, ry - fy);
      if (approachKm > maxPickupKm) continue;
      const arriveI = (prefT[i] as number) + approachKm * secPerKm;
      let tj = (arriveI > readyO ? arriveI : readyO) + pickupSvcSec;
      let jx = rx;
      let jy = ry;
      let lateJ = prefLate[i] as number;
      for (let j = i; j <= len; j++) {
        // The new drop-off after plan[i..j), then the rest of the plan.
        const td = tj + dist(cx - jx, cy - jy) * secPerKm + dropSvcSec;
        if (td > limitO) break; // later drop-off positions only deliver it later
        let te = td;
        let late = lateJ + (td > lateO ? td - lateO : 0);
        let ex = cx;
        let ey = cy;
        let pushed = false;
        for (let k = j; k < len; k++) {
          const kx = sX[k] as number;
          const ky = sY[k] as number;
          te += dist(kx - ex, ky - ey) * secPerKm;
          if (sDrop[k]) {
            te += dropSvcSec;
            const due = sLate[k] as number;
            if (te > due) late += te - due;
            // No order already in the bag is pushed past its limit, nor any later once past it.
            if (te - due > maxPlannedLateSec && te > (prefT[k + 1] as number)) {
              pushed = true;
              break;
            }
          } else {
            const ready = sReady[k] as number;
            te = (te > ready ? te : ready) + pickupSvcSec;
          }
          ex = kx;
          ey = ky;
        }
        const cost = te - oldEnd + deliveryWeight * (td - now) + latenessWeight * (late - oldLate);
        if (!pushed && cost < best) {
          best = cost;
          this.pickupAt = i;
          this.dropAt = j;
          this.endSec = te;
          this.pickupArriveSec = arriveI;
          this.addedLateSec = late - oldLate;
        }
        // Advance: visit plan[j] before the new drop-off.
        if (j < len) {
          const kx = sX[j] as number;
          const ky = sY[j] as number;
          tj += dist(kx - jx, ky - jy) * secPerKm;
          if (sDrop[j]) {
            tj += dropSvcSec;
            const due = sLate[j] as number;
            if (tj > due) lateJ += tj - due;
            // Visited after the new pickup, this drop-off is pushed past its limit for every later position too.
            if (tj - due > maxPlannedLateSec && tj > (prefT[j + 1] as number)) break;
          } else {
            const ready = sReady[j] as number;
            tj = (tj > ready ? tj : ready) + pickupSvcSec;
          }
          jx = kx;
          jy = ky;
        }
      }
    }
    return best;
  }
}
