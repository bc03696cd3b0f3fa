/**
 * Bundling for the rolling dispatcher (rollingDispatch.ts; MODEL.md section 4): a batch's active orders grouped into
 * bundles of orders whose restaurants are close and whose food is ready at about the same time, to a target size, a
 * bundle growing only while each order it takes adds little to its route; and a bundle's route, timed at the
 * planning speed.
 */
import type { Rules } from '../scenario/schema.ts';
import type { DispatchWorld } from './dispatchContext.ts';
import { dist } from './spatialGrid.ts';

/** The bundles of one batch, and the scratch that forms them (grown as needed, never shrunk). */
export class Bundler {
  /** The batch's active orders; `form` puts them in order of ready time. */
  active = new Int32Array(64);
  /** The orders of the bundles, concatenated: bundle b is `bundleOf[bundleStart[b]]` up to `bundleStart[b + 1]`. */
  bundleOf = new Int32Array(64);
  bundleStart = new Int32Array(65);
  /** The last route's sequences: the bundle's orders (as indices into it) in pickup order and in drop-off order. */
  readonly pickSeq: Int32Array;
  readonly dropSeq: Int32Array;
  // What the last timeBundle found: when the first pickup starts, when the last one does and when the route ends.
  timedPickupStart = 0;
  timedLastPickup = 0;
  timedEnd = 0;
  timedLateCount = 0;
  private readonly trialPick: Int32Array;
  private readonly trialDrop: Int32Array;
  private readonly pickupKm: number;
  private readonly readyGapSec: number;
  private readonly addedSec: number;
  private inBundle = new Uint8Array(0);
  // The active orders filed by restaurant cell, and one seed's possible partners.
  private cellHead = new Int32Array(0);
  private cellNext = new Int32Array(0);
  private cand = new Int32Array(0);
  private cellKm = 1;
  private cellCols = 1;
  private cellRows = 1;

  constructor(dispatch: Rules['dispatch'], maxBundle: number) {
    this.pickupKm = dispatch.bundlePickupKm;
    this.readyGapSec = dispatch.bundleReadyGapMin * 60;
    this.addedSec = dispatch.bundleAddedMin * 60;
    this.pickSeq = new Int32Array(maxBundle + 1);
    this.dropSeq = new Int32Array(maxBundle + 1);
    this.trialPick = new Int32Array(maxBundle + 1);
    this.trialDrop = new Int32Array(maxBundle + 1);
  }

  /** Makes room for `count` active orders. */
  reserve(count: number): void {
    if (this.active.length < count) this.active = new Int32Array(count * 2);
  }

  /** Groups the active orders into bundles of at most `target`; returns how many. */
  form(h: DispatchWorld, nActive: number, target: number, now: number): number {
    const { book, city } = h;
    const orders = book.orders;
    const active = this.active;
    // Seeds in order of ready time (then order index), so the bundles depend only on the pool.
    const seq = Array.from(active.subarray(0, nActive)).sort(
      (a, b) => (orders.readySec[a] as number) - (orders.readySec[b] as number) || a - b,
    );
    for (let k = 0; k < nActive; k++) active[k] = seq[k] as number;
    if (this.bundleOf.length < nActive) {
      this.bundleOf = new Int32Array(nActive * 2);
      this.bundleStart = new Int32Array(nActive * 2 + 1);
    }
    if (this.inBundle.length < nActive) this.inBundle = new Uint8Array(nActive * 2);
    this.inBundle.fill(0, 0, nActive);
    if (target > 1) this.bucketByRestaurant(h, nActive);
    let nB = 0;
    let n = 0;
    for (let s = 0; s < nActive; s++) {
      if (this.inBundle[s] === 1) continue;
      this.inBundle[s] = 1;
      const seed = active[s] as number;
      this.bundleStart[nB] = n;
      this.bundleOf[n++] = seed;
      let size = 1;
      if (target > 1) {
        const rs = orders.restaurant[seed] as number;
        const sx = city.restaurantX[rs] as number;
        const sy = city.restaurantY[rs] as number;
        const seedReady = orders.readySec[seed] as number;
        let routeSec = this.route(h, this.bundleOf.subarray(n - 1, n), now, this.pickSeq, this.dropSeq);
        // The orders that may join: restaurants within reach of the seed's, food ready soon after, in pool order.
        const nCand = this.partnersOf(h, s, sx, sy, seedReady);
        while (size < target) {
          let best = -1;
          let bestAdded = Infinity;
          for (let k = 0; k < nCand; k++) {
            const q = this.cand[k] as number;
            if (this.inBundle[q] === 1) continue;
            const o = active[q] as number;
            this.bundleOf[n] = o;
            const t = this.route(h, this.bundleOf.subarray(n - size, n + 1), now, this.trialPick, this.trialDrop);
            if (t - routeSec < bestAdded) {
              bestAdded = t - routeSec;
              best = q;
            }
          }
          if (best < 0 || bestAdded > this.addedSec) break;
          this.inBundle[best] = 1;
          this.bundleOf[n++] = active[best] as number;
          size++;
          routeSec = this.route(h, this.bundleOf.subarray(n - size, n), now, this.pickSeq, this.dropSeq);
        }
      }
      nB++;
    }
    this.bundleStart[nB] = n;
    return nB;
  }

  /** Files the active orders (by their index in `active`) in cells of `bundlePickupKm` by restaurant. */
  private bucketByRestaurant(h: DispatchWorld, nActive: number): void {
    const { city } = h;
    const orders = h.book.orders;
    // Cells no smaller than the bundle's reach, and no more than 256 a side.
    const cell = Math.max(this.pickupKm, city.widthKm / 256, city.heightKm / 256, 1e-3);
    const cols = Math.max(1, Math.ceil(city.widthKm / cell));
    const rows = Math.max(1, Math.ceil(city.heightKm / cell));
    this.cellKm = cell;
    this.cellCols = cols;
    this.cellRows = rows;
    if (this.cellHead.length < cols * rows) this.cellHead = new Int32Array(cols * rows);
    this.cellHead.fill(-1, 0, cols * rows);
    if (this.cellNext.length < nActive) this.cellNext = new Int32Array(nActive * 2);
    if (this.cand.length < nActive) this.cand = new Int32Array(nActive * 2);
    // Filed from the last, so each cell's list runs in pool order.
    for (let q = nActive - 1; q >= 0; q--) {
      const r = orders.restaurant[this.active[q] as number] as number;
      const c = this.cellOf(city.restaurantX[r] as number, city.restaurantY[r] as number);
      this.cellNext[q] = this.cellHead[c] as number;
      this.cellHead[c] = q;
    }
  }

  private cellOf(x: number, y: number): number {
    const cx = Math.min(this.cellCols - 1, Math.max(0, Math.floor(x / this.cellKm)));
    const cy = Math.min(this.cellRows - 1, Math.max(0, Math.floor(y / this.cellKm)));
    return cy * this.cellCols + cx;
  }

  /**
   * Writes to `cand`, in pool order, the active orders after seed s whose restaurant lies within `bundlePickupKm` of
   * (sx, sy) and whose food is ready at most `bundleReadyGapMin` after the seed's; returns how many.
   */
  private partnersOf(h: DispatchWorld, s: number, sx: number, sy: number, seedReady: number): number {
    const { city } = h;
    const orders = h.book.orders;
    const cx = Math.min(this.cellCols - 1, Math.max(0, Math.floor(sx / this.cellKm)));
    const cy = Math.min(this.cellRows - 1, Math.max(0, Math.floor(sy / this.cellKm)));
    let n = 0;
    for (let yy = Math.max(0, cy - 1); yy <= Math.min(this.cellRows - 1, cy + 1); yy++) {
      for (let xx = Math.max(0, cx - 1); xx <= Math.min(this.cellCols - 1, cx + 1); xx++) {
        for (let q = this.cellHead[yy * this.cellCols + xx] as number; q >= 0; q = this.cellNext[q] as number) {
          if (q <= s || this.inBundle[q] === 1) continue;
          const o = this.active[q] as number;
          if ((orders.readySec[o] as number) - seedReady > this.readyGapSec) continue;
          const r = orders.restaurant[o] as number;
          if (dist((city.restaurantX[r] as number) - sx, (city.restaurantY[r] as number) - sy) > this.pickupKm)
            continue;
          this.cand[n++] = q;
        }
      }
    }
    this.cand.subarray(0, n).sort();
    return n;
  }

  /**
   * The route of a bundle from its first restaurant: pickups by ready time, then drop-offs nearest first from the
   * last pickup, timed at the planning speed from the first ready time (or now). Writes the two sequences (as
   * indices into `b`) and returns the route's length in seconds; lateness is scored when a courier is known.
   */
  route(h: DispatchWorld, b: Int32Array, now: number, pick: Int32Array, drop: Int32Array): number {
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

  /**
   * A free courier arriving at the bundle's first restaurant at `arrive`: the planned lateness beyond the orders'
   * due times, seconds; sets when the first pickup starts and when the route ends (uses the sequences of the last
   * `route`).
   */
  timeBundle(h: DispatchWorld, b: Int32Array, arrive: number): number {
    const { book, city, plan } = h;
    const orders = book.orders;
    const m = b.length;
    let t = arrive;
    let px = 0;
    let py = 0;
    let pickupStart = 0;
    for (let k = 0; k < m; k++) {
      const o = b[this.pickSeq[k] as number] as number;
      const r = orders.restaurant[o] as number;
      const x = city.restaurantX[r] as number;
      const y = city.restaurantY[r] as number;
      if (k > 0) t += dist(x - px, y - py) * plan.secPerKm;
      const ready = orders.readySec[o] as number;
      t = t > ready ? t : ready;
      if (k === 0) pickupStart = t;
      this.timedLastPickup = t;
      t += plan.pickupSvcSec;
      px = x;
      py = y;
    }
    let late = 0;
    let lateCount = 0;
    for (let k = 0; k < m; k++) {
      const o = b[this.dropSeq[k] as number] as number;
      const x = orders.custX[o] as number;
      const y = orders.custY[o] as number;
      t += dist(x - px, y - py) * plan.secPerKm + plan.dropSvcSec;
      const due = book.dueAt[o] as number;
      if (t > due) {
        late += t - due;
        lateCount++;
      }
      px = x;
      py = y;
    }
    this.timedPickupStart = pickupStart;
    this.timedEnd = t;
    this.timedLateCount = lateCount;
    return late;
  }
}
