/**
 * The route of a bundle of the rolling dispatcher (MODEL.md section 4): pickups by ready time, then drop-offs
 * nearest first, timed at the planning speed, and its timing for a free courier. Bundling (bundles.ts) times its
 * trial bundles with the same operations in the same order.
 */
import type { DispatchWorld } from './dispatchContext.ts';
import { dist } from './spatialGrid.ts';

/**
 * The route of a bundle from its first restaurant: pickups by ready time, then drop-offs nearest first from the
 * last pickup, timed at the planning speed from the first ready time (or now). Writes the two sequences (as
 * indices into `b`) and returns the route's length in seconds; lateness is scored when a courier is known.
 */
export function bundleRoute(h: DispatchWorld, b: Int32Array, now: number, pick: Int32Array, drop: Int32Array): number {
  const { book, city, plan } = h;
  const orders = book.orders;
  const m = b.length;
  for (let k = 0; k < m; k++) pick[k] = k;
  // Insertion sort by ready time, then order index: m is at most the bag.
  for (let k = 1; k < m; k++) {
    const x = pick[k] as number;
    const rx = orders.readySec[b[x] as number] as number;
    let j = k - 1;
    while (j >= 0) {
      const y = pick[j] as number;
      const ry = orders.readySec[b[y] as number] as number;
      if (ry < rx || (ry === rx && (b[y] as number) < (b[x] as number))) break;
      pick[j + 1] = y;
      j--;
    }
    pick[j + 1] = x;
  }
  let t = Math.max(now, orders.readySec[b[pick[0] as number] as number] as number);
  let px = 0;
  let py = 0;
  for (let k = 0; k < m; k++) {
    const o = b[pick[k] as number] as number;
    const r = orders.restaurant[o] as number;
    const x = city.restaurantX[r] as number;
    const y = city.restaurantY[r] as number;
    if (k > 0) t += dist(x - px, y - py) * plan.secPerKm;
    const ready = orders.readySec[o] as number;
    t = (t > ready ? t : ready) + plan.pickupSvcSec;
    px = x;
    py = y;
  }
  const start = Math.max(now, orders.readySec[b[pick[0] as number] as number] as number);
  // Drop-offs: nearest next (ties to the lower order index).
  let left = (1 << m) - 1;
  for (let k = 0; k < m; k++) {
    let best = -1;
    let bestD = Infinity;
    for (let i = 0; i < m; i++) {
      if ((left & (1 << i)) === 0) continue;
      const o = b[i] as number;
      const d = dist((orders.custX[o] as number) - px, (orders.custY[o] as number) - py);
      if (d < bestD || (d === bestD && best >= 0 && o < (b[best] as number))) {
        bestD = d;
        best = i;
      }
    }
    left &= ~(1 << best);
    drop[k] = best;
    const o = b[best] as number;
    t += bestD * plan.secPerKm + plan.dropSvcSec;
    px = orders.custX[o] as number;
    py = orders.custY[o] as number;
  }
  return t - start;
}

/** A bundle timed for a free courier (`time`), and what the last timing found. */
export class BundleTiming {
  /** When the first pickup starts, when the last one does, when the route ends, and how many orders are late. */
  pickupStart = 0;
  lastPickup = 0;
  end = 0;
  lateCount = 0;

  /**
   * A free courier arriving at the bundle's first restaurant at `arrive`: the planned lateness beyond the orders'
   * due times, seconds; sets when the first pickup starts and when the route ends (`pickSeq`, `dropSeq`: the
   * sequences `bundleRoute` wrote for the bundle).
   */
  time(h: DispatchWorld, b: Int32Array, arrive: number, pickSeq: Int32Array, dropSeq: Int32Array): number {
    const { book, city, plan } = h;
    const orders = book.orders;
    const m = b.length;
    let t = arrive;
    let px = 0;
    let py = 0;
    let pickupStart = 0;
    for (let k = 0; k < m; k++) {
      const o = b[pickSeq[k] as number] as number;
      const r = orders.restaurant[o] as number;
      const x = city.restaurantX[r] as number;
      const y = city.restaurantY[r] as number;
      if (k > 0) t += dist(x - px, y - py) * plan.secPerKm;
      const ready = orders.readySec[o] as number;
      t = t > ready ? t : ready;
      if (k === 0) pickupStart = t;
      this.lastPickup = t;
      t += plan.pickupSvcSec;
      px = x;
      py = y;
    }
    let late = 0;
    let lateCount = 0;
    for (let k = 0; k < m; k++) {
      const o = b[dropSeq[k] as number] as number;
      const x = orders.custX[o] as number;
      const y = orders.custY[o] as number;
      t += dist(x - px, y - py) * plan.secPerKm + plan.dropSvcSec;
      const due = book.dueAt(o);
      if (t > due) {
        late += t - due;
        lateCount++;
      }
      px = x;
      py = y;
    }
    this.pickupStart = pickupStart;
    this.end = t;
    this.lateCount = lateCount;
    return late;
  }
}
