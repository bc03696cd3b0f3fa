/**
 * Customers' response to lateness (MODEL.md section 2b): each order delivered more than
 * `demand.lateResponse.afterMin` after its promise, or not delivered, costs `lostOrdersPerLate` future orders, spread
 * evenly over the next `days` days. A day's drawn orders are thinned by the orders lost to it, with one uniform draw
 * per drawn order from the `retention` stream, so every arm draws the same numbers and an arm that lost more orders
 * loses a superset of the same orders.
 */
import type { Scenario } from '../scenario/schema.ts';
import { DayBuffers } from './dayBuffers.ts';
import type { DayOrders } from './demand.ts';

/** Lateness counted today and the orders it takes from the days ahead. */
export class CustomerResponse {
  private readonly ahead: Float64Array;
  private readonly lostPerLate: number;
  private readonly afterSec: number;
  private readonly spread: number;
  /** Late or undelivered orders today. */
  private lateToday = 0;
  /** Where the keep flags of the day being thinned live (one byte an order), reused from day to day. */
  private readonly buffers = new DayBuffers();

  constructor(demand: Scenario['demand'], days: number) {
    const r = demand.lateResponse;
    this.lostPerLate = r.lostOrdersPerLate;
    this.afterSec = r.afterMin * 60;
    this.spread = r.days;
    this.ahead = new Float64Array(days + r.days + 1);
  }

  /** An order was delivered `secondsAfterPromise` after its promise (negative: early). */
  delivered(secondsAfterPromise: number): void {
    if (secondsAfterPromise > this.afterSec) this.lateToday++;
  }

  /** An order was not delivered. */
  undelivered(): void {
    this.lateToday++;
  }

  /**
   * Day `day`'s orders, less those lost to earlier lateness: an order is dropped when its retention draw (`draw`,
   * called once per order in order, whatever is lost, so the stream stays aligned across arms and days) is below the
   * share of the day's orders lost. Returns the orders kept and how many were dropped. `inPlace`: the kept orders are
   * moved to the front of the given arrays (which the caller owns) instead of copied.
   */
  thin(day: number, orders: DayOrders, draw: () => number, inPlace = false): { orders: DayOrders; dropped: number } {
    const n = orders.count;
    const lost = this.ahead[day] as number;
    const share = lost / n;
    // Whether each order is kept (the draws themselves are not kept).
    const keep = this.buffers.uint8('customers.keep', n);
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const k = draw() >= share ? 1 : 0;
      keep[i] = k;
      kept += k;
    }
    if (lost <= 0 || n === 0) return { orders, dropped: 0 };
    return { orders: keepOrders(orders, keep, kept, inPlace), dropped: n - kept };
  }

  /** Closes day `day`: its lateness becomes lost orders on the days after. Returns the orders lost (expected). */
  endDay(day: number): number {
    const lost = this.lateToday * this.lostPerLate;
    this.lateToday = 0;
    if (lost > 0) {
      const each = lost / this.spread;
      for (let k = 1; k <= this.spread; k++) {
        const d = day + k;
        if (d >= 0 && d < this.ahead.length) this.ahead[d] = (this.ahead[d] as number) + each;
      }
    }
    return lost;
  }
}

/** The orders with `keep` 1 (`kept` of them), in order: copied, or moved to the front. */
function keepOrders(o: DayOrders, keep: Uint8Array, kept: number, inPlace: boolean): DayOrders {
  const pick = <A extends Float64Array | Int32Array | Uint8Array>(a: A): A => {
    const out = inPlace ? a : new (a.constructor as new (n: number) => A)(kept);
    // In place, an order only ever moves towards the front, over orders already moved or dropped.
    let k = 0;
    for (let i = 0; i < o.count; i++) if (keep[i] === 1) out[k++] = a[i] as number;
    return (inPlace ? a.subarray(0, kept) : out) as A;
  };
  const out: DayOrders = {
    count: kept,
    placeSec: pick(o.placeSec),
    readySec: pick(o.readySec),
    restaurant: pick(o.restaurant),
    custX: pick(o.custX),
    custY: pick(o.custY),
    straightKm: pick(o.straightKm),
  };
  if (o.covered) out.covered = pick(o.covered);
  return out;
}
