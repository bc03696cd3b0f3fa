/**
 * Bundling for the rolling dispatcher (rollingDispatch.ts; MODEL.md section 4): a batch's active orders grouped into
 * bundles of orders whose restaurants are close and whose food is ready at about the same time, to a target size, a
 * bundle growing only while each order it takes adds little to its route (timed as bundleRoute.ts times a bundle).
 */
import type { Rules } from '../scenario/schema.ts';
import type { DispatchWorld } from './dispatchContext.ts';
import { sortByReady } from './readyOrder.ts';
import { dist } from './spatialGrid.ts';

/** Rounding that the bound on a trial's added time allows for, seconds (routes are sums of a few dozen terms). */
const BOUND_MARGIN_SEC = 1e-3;

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
  private sortTmp = new Int32Array(0);
  // Per active order (by its index in `active`), for forming: ready time, restaurant and customer.
  private aReady = new Float64Array(0);
  private aRx = new Float64Array(0);
  private aRy = new Float64Array(0);
  private aCx = new Float64Array(0);
  private aCy = new Float64Array(0);
  private aOwnKm = new Float64Array(0);
  private lastReachKm = 0;
  // The bundle being formed: its members (indices into `active`, ascending) and the time after each one's pickup.
  private readonly mem: Int32Array;
  private readonly memT: Float64Array;
  private memN = 0;
  private readonly dropQ: Int32Array;

  constructor(dispatch: Rules['dispatch'], maxBundle: number) {
    this.pickupKm = dispatch.bundlePickupKm;
    this.readyGapSec = dispatch.bundleReadyGapMin * 60;
    this.addedSec = dispatch.bundleAddedMin * 60;
    this.pickSeq = new Int32Array(maxBundle + 1);
    this.dropSeq = new Int32Array(maxBundle + 1);
    this.mem = new Int32Array(maxBundle + 1);
    this.memT = new Float64Array(maxBundle + 1);
    this.dropQ = new Int32Array(maxBundle + 1);
  }

  /** Makes room for `count` active orders. */
  reserve(count: number): void {
    if (this.active.length < count) this.active = new Int32Array(count * 2);
  }

  /** Groups the active orders into bundles of at most `target`; returns how many. */
  form(h: DispatchWorld, nActive: number, target: number, now: number): number {
    const orders = h.book.orders;
    const active = this.active;
    // Seeds in order of ready time (then order index), so the bundles depend only on the pool.
    if (this.sortTmp.length < nActive) this.sortTmp = new Int32Array(nActive * 2);
    sortByReady(active, nActive, orders.readySec, this.sortTmp);
    if (this.bundleOf.length < nActive) {
      this.bundleOf = new Int32Array(nActive * 2);
      this.bundleStart = new Int32Array(nActive * 2 + 1);
    }
    if (this.inBundle.length < nActive) this.inBundle = new Uint8Array(nActive * 2);
    this.inBundle.fill(0, 0, nActive);
    if (target > 1) {
      this.gather(h, nActive);
      this.bucketByRestaurant(h, nActive);
    }
    const { mem, aReady, aRx, aRy } = this;
    let nB = 0;
    let n = 0;
    for (let s = 0; s < nActive; s++) {
      if (this.inBundle[s] === 1) continue;
      this.inBundle[s] = 1;
      this.bundleStart[nB] = n;
      this.bundleOf[n++] = active[s] as number;
      let size = 1;
      if (target > 1) {
        // The bundle's members by their index in `active` (ready order, so pickup order); the seed comes first.
        mem[0] = s;
        this.memN = 1;
        this.pickups(h, now);
        let routeSec = this.trial(h, -1, now);
        // The orders that may join: restaurants within reach of the seed's, food ready soon after.
        const nCand = this.partnersOf(s, aRx[s] as number, aRy[s] as number, aReady[s] as number);
        while (size < target) {
          let best = -1;
          let bestAdded = Infinity;
          let bestSec = 0;
          // A bound on the time q adds, to pass over those that cannot be taken (see `addedAtLeast`).
          const last = mem[this.memN - 1] as number;
          const tp = this.memT[this.memN - 1] as number;
          const fixedSec = this.boundFixed(h, routeSec, now);
          for (let k = 0; k < nCand; k++) {
            const q = this.cand[k] as number;
            if (this.inBundle[q] === 1) continue;
            const limit = bestAdded < this.addedSec ? bestAdded : this.addedSec;
            if (this.addedAtLeast(h, q, last, tp, fixedSec) - BOUND_MARGIN_SEC > limit) continue;
            const t = this.trial(h, q, now, routeSec, limit);
            // The least added time; ties to the earlier in the pool (`cand` is not in pool order).
            if (t - routeSec < bestAdded || (t - routeSec === bestAdded && q < best)) {
              bestAdded = t - routeSec;
              best = q;
              bestSec = t;
            }
          }
          if (best < 0 || bestAdded > this.addedSec) break;
          this.inBundle[best] = 1;
          this.bundleOf[n++] = active[best] as number;
          size++;
          let k = this.memN++;
          while ((mem[k - 1] as number) > best) {
            mem[k] = mem[k - 1] as number;
            k--;
          }
          mem[k] = best;
          this.pickups(h, now);
          // The trial's route is the new bundle's: the same stops in the same order.
          routeSec = bestSec;
        }
      }
      nB++;
    }
    this.bundleStart[nB] = n;
    return nB;
  }

  /** Copies each active order's ready time, restaurant and customer to arrays by its index in `active`. */
  private gather(h: DispatchWorld, nActive: number): void {
    const { city } = h;
    const orders = h.book.orders;
    if (this.aReady.length < nActive) {
      const m = nActive * 2;
      this.aReady = new Float64Array(m);
      this.aRx = new Float64Array(m);
      this.aRy = new Float64Array(m);
      this.aCx = new Float64Array(m);
      this.aCy = new Float64Array(m);
      this.aOwnKm = new Float64Array(m);
    }
    for (let q = 0; q < nActive; q++) {
      const o = this.active[q] as number;
      const r = orders.restaurant[o] as number;
      this.aReady[q] = orders.readySec[o] as number;
      this.aRx[q] = city.restaurantX[r] as number;
      this.aRy[q] = city.restaurantY[r] as number;
      this.aCx[q] = orders.custX[o] as number;
      this.aCy[q] = orders.custY[o] as number;
      this.aOwnKm[q] = dist(
        (this.aCx[q] as number) - (this.aRx[q] as number),
        (this.aCy[q] as number) - (this.aRy[q] as number),
      );
    }
  }

  /** Files the active orders (by their index in `active`) in cells of `bundlePickupKm` by restaurant. */
  private bucketByRestaurant(h: DispatchWorld, nActive: number): void {
    const { city } = h;
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
    // Filed from the last, so each cell's list runs in pool order, which is the order of ready time.
    for (let q = nActive - 1; q >= 0; q--) {
      const cx = Math.min(cols - 1, Math.max(0, Math.floor((this.aRx[q] as number) / cell)));
      const c = Math.min(rows - 1, Math.max(0, Math.floor((this.aRy[q] as number) / cell))) * cols + cx;
      this.cellNext[q] = this.cellHead[c] as number;
      this.cellHead[c] = q;
    }
  }

  /**
   * Writes to `cand`, cell by cell, the active orders after seed s whose restaurant lies within `bundlePickupKm` of
   * (sx, sy) and whose food is ready at most `bundleReadyGapMin` after the seed's; returns how many. A cell's list
   * (in ready order) drops from its head what no later seed can take, and is read only to the end of the gap.
   */
  private partnersOf(s: number, sx: number, sy: number, seedReady: number): number {
    const { cellHead, cellNext, inBundle, aReady, aRx, aRy } = this;
    const km = this.pickupKm;
    const cx = Math.min(this.cellCols - 1, Math.max(0, Math.floor(sx / this.cellKm)));
    const cy = Math.min(this.cellRows - 1, Math.max(0, Math.floor(sy / this.cellKm)));
    let n = 0;
    for (let yy = Math.max(0, cy - 1); yy <= Math.min(this.cellRows - 1, cy + 1); yy++) {
      for (let xx = Math.max(0, cx - 1); xx <= Math.min(this.cellCols - 1, cx + 1); xx++) {
        const cell = yy * this.cellCols + xx;
        let q = cellHead[cell] as number;
        while (q >= 0 && (q <= s || inBundle[q] === 1)) q = cellNext[q] as number;
        cellHead[cell] = q;
        for (; q >= 0; q = cellNext[q] as number) {
          if (inBundle[q] === 1) continue;
          if ((aReady[q] as number) - seedReady > this.readyGapSec) break;
          const dx = (aRx[q] as number) - sx;
          const dy = (aRy[q] as number) - sy;
          // Outside the square around the seed's restaurant is beyond reach (the distance is at least |dx| and |dy|).
          if (dx > km || dx < -km || dy > km || dy < -km || dist(dx, dy) > km) continue;
          this.cand[n++] = q;
        }
      }
    }
    return n;
  }

  /**
   * What `addedAtLeast` adds to its pickup and drop-off bounds for the bundle's members: the drop-offs' service, less
   * the route now (its start and length); sets `lastReachKm`, the farthest member's customer from the last pickup.
   */
  private boundFixed(h: DispatchWorld, routeSec: number, now: number): number {
    const { mem, memN, aRx, aRy, aCx, aCy, aReady } = this;
    const last = mem[memN - 1] as number;
    let reach = 0;
    for (let k = 0; k < memN; k++) {
      const i = mem[k] as number;
      const d = dist((aCx[i] as number) - (aRx[last] as number), (aCy[i] as number) - (aRy[last] as number));
      if (d > reach) reach = d;
    }
    this.lastReachKm = reach;
    return (memN + 1) * h.plan.dropSvcSec - Math.max(now, aReady[mem[0] as number] as number) - routeSec;
  }

  /**
   * A lower bound on the time active order q adds to the bundle's route (`trial` less the route now), up to rounding:
   * pickups never end sooner with a stop more, nor before q's food is ready and picked up; a route from the last
   * pickup through the customers rides at least as far as to the farthest of them (q's own, when q is picked up
   * last). `last` and `tp` are the last member and the end of its pickup.
   */
  private addedAtLeast(h: DispatchWorld, q: number, last: number, tp: number, fixedSec: number): number {
    const { secPerKm, pickupSvcSec } = h.plan;
    const ready = this.aReady[q] as number;
    if (q > last) return (tp > ready ? tp : ready) + pickupSvcSec + secPerKm * (this.aOwnKm[q] as number) + fixedSec;
    const picked = ready + pickupSvcSec;
    return (tp > picked ? tp : picked) + secPerKm * this.lastReachKm + fixedSec;
  }

  /** The time after each pickup of the bundle's members, in pickup order (as `bundleRoute` times them). */
  private pickups(h: DispatchWorld, now: number): void {
    const { secPerKm, pickupSvcSec } = h.plan;
    const { mem, memT, aReady, aRx, aRy } = this;
    const first = mem[0] as number;
    let t = Math.max(now, aReady[first] as number);
    let px = 0;
    let py = 0;
    for (let k = 0; k < this.memN; k++) {
      const q = mem[k] as number;
      const x = aRx[q] as number;
      const y = aRy[q] as number;
      if (k > 0) t += dist(x - px, y - py) * secPerKm;
      const ready = aReady[q] as number;
      t = (t > ready ? t : ready) + pickupSvcSec;
      px = x;
      py = y;
      memT[k] = t;
    }
  }

  /**
   * The length of the route of the bundle's members and active order q (none when −1), in seconds: the same
   * operations in the same order as `bundleRoute` on those orders, the pickups before q's taken from `pickups`.
   * Infinity once the pickups show that q adds more than `limit` to the route now (`routeSec`).
   */
  private trial(h: DispatchWorld, q: number, now: number, routeSec = 0, limit = Infinity): number {
    const { secPerKm, pickupSvcSec, dropSvcSec } = h.plan;
    const { mem, memN, aReady, aRx, aRy, aCx, aCy, dropQ } = this;
    if (memN === 1 && q >= 0) {
      // The seed and q, most trials: the operations below unrolled (q is picked up after the seed).
      const s = mem[0] as number;
      const qx = aRx[q] as number;
      const qy = aRy[q] as number;
      let t = (this.memT[0] as number) + dist(qx - (aRx[s] as number), qy - (aRy[s] as number)) * secPerKm;
      const ready = aReady[q] as number;
      t = (t > ready ? t : ready) + pickupSvcSec;
      const dq = this.aOwnKm[q] as number; // dist(customer − restaurant) of q, as gathered
      const start = Math.max(now, aReady[s] as number);
      // The drop-offs ride at least to q's customer: past the limit, q cannot be taken (see `addedAtLeast`).
      if (t + 2 * dropSvcSec + secPerKm * dq - start - routeSec - BOUND_MARGIN_SEC > limit) return Infinity;
      const ds = dist((aCx[s] as number) - qx, (aCy[s] as number) - qy);
      const qFirst = dq < ds || (dq === ds && (this.active[q] as number) < (this.active[s] as number));
      const first = qFirst ? q : s;
      const second = qFirst ? s : q;
      t += (qFirst ? dq : ds) * secPerKm + dropSvcSec;
      const fx = aCx[first] as number;
      const fy = aCy[first] as number;
      t += dist((aCx[second] as number) - fx, (aCy[second] as number) - fy) * secPerKm + dropSvcSec;
      return t - start;
    }
    // q is ready after the seed, so it is picked up after at least one member.
    let p = memN;
    if (q >= 0) {
      p = 1;
      while (p < memN && (mem[p] as number) < q) p++;
    }
    let t = this.memT[p - 1] as number;
    let px = aRx[mem[p - 1] as number] as number;
    let py = aRy[mem[p - 1] as number] as number;
    let m = 0;
    for (let k = 0; k < memN; k++) dropQ[m++] = mem[k] as number;
    if (q >= 0) {
      dropQ[m++] = q;
      for (let k = p - 1; k < memN; k++) {
        const i = k < p ? q : (mem[k] as number);
        const x = aRx[i] as number;
        const y = aRy[i] as number;
        t += dist(x - px, y - py) * secPerKm;
        const ready = aReady[i] as number;
        t = (t > ready ? t : ready) + pickupSvcSec;
        px = x;
        py = y;
      }
    }
    const start = Math.max(now, aReady[mem[0] as number] as number);
    if (q >= 0) {
      // The drop-offs ride at least to the farthest customer from the last pickup (q's own when q is picked up last).
      const reachKm = p === memN ? (this.aOwnKm[q] as number) : this.lastReachKm;
      if (t + m * dropSvcSec + secPerKm * reachKm - start - routeSec - BOUND_MARGIN_SEC > limit) return Infinity;
    }
    // Drop-offs: nearest next (ties to the lower order index).
    const active = this.active;
    let left = (1 << m) - 1;
    for (let k = 0; k < m; k++) {
      let best = -1;
      let bestD = Infinity;
      for (let i = 0; i < m; i++) {
        if ((left & (1 << i)) === 0) continue;
        const a = dropQ[i] as number;
        const d = dist((aCx[a] as number) - px, (aCy[a] as number) - py);
        if (
          d < bestD ||
          (d === bestD && best >= 0 && (active[a] as number) < (active[dropQ[best] as number] as number))
        ) {
          bestD = d;
          best = i;
        }
      }
      left &= ~(1 << best);
      const a = dropQ[best] as number;
      t += bestD * secPerKm + dropSvcSec;
      px = aCx[a] as number;
      py = aCy[a] as number;
    }
    return t - start;
  }
}
