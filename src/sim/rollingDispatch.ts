/**
 * Rolling-horizon dispatch (MODEL.md section 4; the `rolling` policy): the method of the Meal Delivery Routing
 * Problem (Reyes, Erera, Savelsbergh, Sahasrabudhe and O'Neil, 2018) with what Meituan has published of its own
 * dispatch. At every batch the platform
 *
 * 1. takes the waiting orders whose food is ready soon enough to matter;
 * 2. groups them into bundles of orders whose restaurants are close and whose food is ready at about the same time,
 *    to a target size set by how many orders there are for each free courier (one when couriers are plenty, up to
 *    `bundleMax` at the peak), a bundle growing only while each order it takes adds little to its route;
 * 3. scores every bundle against the nearest usable couriers: a free courier (empty bag) by the time until the
 *    pickup can start plus the ride to it, plus weighted lateness beyond the promises; a courier with a bag only for
 *    a single order that lies on the way (its cheapest insertion adds at most `onTheWayMin`), by the insertion cost;
 * 4. solves the assignment of bundles to couriers at least total cost (src/sim/assignment.ts), each bundle free to
 *    wait;
 * 5. commits late: an assignment is made only when the courier would not wait at the restaurant more than
 *    `commitHorizonMin` for the food; the rest go back to the pool for the next batch (postponement).
 *
 * A courier whose bag is empty starts a wave with its bundle; it takes further orders only on its way, so waves end
 * when the bag empties. The dispatcher owns its scratch; the engine and the replay call it through `RollingHost`.
 */
import type { Rules } from '../scenario/schema.ts';
import { SparseAssignment } from './assignment.ts';
import type { City } from './city.ts';
import type { Fleet } from './fleet.ts';
import { WAITING, type OrderBook } from './orderBook.ts';
import type { InsertionSearch, PlanParams } from './plan.ts';
import { dist, type SpatialGrid } from './spatialGrid.ts';

/** What every dispatch policy reads: the engine's state, or a replay's (src/sim/replay.ts). */
export interface DispatchWorld {
  readonly rules: Rules;
  readonly city: City;
  readonly fleet: Fleet;
  readonly grid: SpatialGrid;
  readonly insertion: InsertionSearch;
  readonly plan: PlanParams;
  readonly book: OrderBook;
  /** Assessment scores (0–1) by courier, for `rankByOnTime`. */
  readonly score: Float64Array;
  /** Whether a cap on online hours forbids orders that would end past it (heat). */
  readonly hardCap: boolean;
  /** Where dispatch counts its work (evaluations, orders considered and left waiting). */
  readonly work: DispatchWork;
}

/** What the rolling dispatcher reads and asks of the engine or replay that runs it. */
export interface RollingHost extends DispatchWorld {
  /** Whether courier c could start a wave now: online, taking orders, the bag empty and the last delivery done. */
  isFree(c: number, now: number): boolean;
  /** Whether courier c turns down an offer (crowd couriers may). */
  declines(c: number): boolean;
  /** The last moment courier c may pick food up, seconds (a replayed courier's shift end; Infinity in the engine). */
  pickupDeadlineSec(c: number): number;
  /**
   * Gives order o to courier c with its stops at the given plan positions (as `Fleet.take`); `last` is false while
   * more orders of the same bundle follow, so the courier sets off only once the whole bundle is in the plan.
   */
  assign(o: number, c: number, now: number, pickupAt: number, dropAt: number, last: boolean): void;
}

/** Counts of a dispatcher's work (every policy), for the bench. */
export interface DispatchWork {
  /** Order-batches in which an order was considered for assignment. */
  considered: number;
  /** Of those, the ones that ended without an assignment (no courier, postponed, declined). */
  failed: number;
  /** Of the failed (rolling policy): postponed by late commitment, and left with no courier at all. */
  postponed: number;
  noCourier: number;
  /** Courier evaluations: a bundle's route from a free courier, or an insertion into a busy courier's plan. */
  evaluations: number;
}

/** A zeroed work count. */
export const newDispatchWork = (): DispatchWork => ({
  considered: 0,
  failed: 0,
  postponed: 0,
  noCourier: 0,
  evaluations: 0,
});

const STAY_PER_ORDER = 1e7;
/** The most orders in one bundle when the scenario does not say (and the bag allows): an assumption. */
export const DEFAULT_BUNDLE_MAX = 4;
/** How many more couriers than `candidates` a bundle's search looks at, to find enough of each kind. */
const SEARCH_WIDTH = 4;
/**
 * The longest an order that found no courier rests before it is looked at again anyway (a courier with a bag may
 * pass by), seconds.
 */
const MAX_REST_SEC = 120;
/** How many busy couriers found off an order's way are remembered per order. */
const OFF_WAY_SLOTS = 4;
/** Orders whose food is ready more than this beyond the commitment horizon are not yet looked at, seconds. */
const LOOKAHEAD_SEC = 600;

/** The rolling-horizon dispatcher of one run. */
export class RollingDispatcher {
  private readonly assignment = new SparseAssignment();
  private readonly maxBundle: number;
  private readonly horizonSec: number;
  private readonly onTheWaySec: number;
  private readonly pickupKm: number;
  private readonly readyGapSec: number;
  private readonly addedSec: number;
  /** How many of the nearest couriers with a bag are tried for an on-the-way order. */
  private readonly busyCandidates: number;
  /** Per order of the day's book: the time before which it is not looked at again (a postponed order). */
  private nextLook = new Float64Array(0);
  private lookBook: OrderBook | null = null;
  /** Per order: 1 when its last look found no courier at all (it rests until one is freed nearby). */
  private noCourier = new Uint8Array(0);
  /** Per order, `OFF_WAY_SLOTS` busy couriers found off its way, with their plans' change count then. */
  private offWayCourier = new Int32Array(0);
  private offWaySeq = new Float64Array(0);
  private offWayNext = new Uint8Array(0);
  /** Per courier: free at the last batch; and the couriers freed since, this batch. */
  private readonly wasFree: Uint8Array;
  private readonly freed: Int32Array;
  private nFreed = 0;
  // The active orders filed by restaurant cell (bundling), and one seed's possible partners.
  private cellHead = new Int32Array(0);
  private cellNext = new Int32Array(0);
  private cand = new Int32Array(0);
  private cellKm = 1;
  private cellCols = 1;
  private cellRows = 1;
  // Per batch scratch, grown as needed.
  private active = new Int32Array(64);
  private inBundle = new Uint8Array(0);
  private bundleOf = new Int32Array(64); // orders of bundles, concatenated
  private bundleStart = new Int32Array(65);
  private rowStart = new Int32Array(65);
  private edgeCol = new Int32Array(256);
  private edgeCost = new Float64Array(256);
  private edgeGap = new Float64Array(256);
  private edgePickAt = new Int32Array(256);
  private edgeDropAt = new Int32Array(256);
  private stay = new Float64Array(64);
  private out = new Int32Array(64);
  private colCourier = new Int32Array(64);
  private colOf: Int32Array;
  private colStamp: Int32Array;
  private stamp = 0;
  // A bundle's route: its orders in pickup order and in drop-off order.
  private readonly pickSeq: Int32Array;
  private readonly dropSeq: Int32Array;
  private readonly trialPick: Int32Array;
  private readonly trialDrop: Int32Array;

  constructor(rules: Rules, couriers: number) {
    const d = rules.dispatch;
    this.maxBundle = Math.min(d.bundleMax ?? DEFAULT_BUNDLE_MAX, d.maxBag);
    this.horizonSec = d.commitHorizonMin * 60;
    this.onTheWaySec = d.onTheWayMin * 60;
    this.pickupKm = d.bundlePickupKm;
    this.readyGapSec = d.bundleReadyGapMin * 60;
    this.addedSec = d.bundleAddedMin * 60;
    this.busyCandidates = Math.max(1, Math.ceil(d.candidates / 4));
    this.wasFree = new Uint8Array(couriers);
    this.freed = new Int32Array(couriers);
    this.colOf = new Int32Array(couriers);
    this.colStamp = new Int32Array(couriers).fill(-1);
    this.pickSeq = new Int32Array(this.maxBundle + 1);
    this.dropSeq = new Int32Array(this.maxBundle + 1);
    this.trialPick = new Int32Array(this.maxBundle + 1);
    this.trialDrop = new Int32Array(this.maxBundle + 1);
  }

  /**
   * One batch over the waiting orders `pool[0..count)` (oldest first): assigns what it commits and compacts the
   * rest, in their order, to the front of `pool`; returns how many wait.
   */
  tick(h: RollingHost, pool: Int32Array, count: number, now: number): number {
    const { book } = h;
    const orders = book.orders;
    // Orders ready too late for any courier to need to set off now are not looked at.
    const lookahead = this.horizonSec + LOOKAHEAD_SEC;
    if (this.active.length < count) this.active = new Int32Array(count * 2);
    if (this.lookBook !== book) {
      this.lookBook = book;
      this.nextLook = new Float64Array(book.count).fill(-Infinity);
      this.noCourier = new Uint8Array(book.count);
      this.offWayCourier = new Int32Array(book.count * OFF_WAY_SLOTS).fill(-1);
      this.offWaySeq = new Float64Array(book.count * OFF_WAY_SLOTS);
      this.offWayNext = new Uint8Array(book.count);
    }
    const free = this.countFree(h, now);
    let nActive = 0;
    let awake = 0;
    for (let i = 0; i < count; i++) {
      const o = pool[i] as number;
      if ((orders.readySec[o] as number) - now > lookahead) continue;
      this.active[nActive++] = o;
      // An order that found no courier at all rests until one is freed within reach of its restaurant.
      if (this.noCourier[o] === 1 && (this.nextLook[o] as number) > now && this.freedNear(h, o)) {
        this.nextLook[o] = -Infinity;
      }
      if ((this.nextLook[o] as number) <= now) awake++;
    }
    if (awake > 0) {
      h.work.considered += awake;
      const target = Math.max(1, Math.min(this.maxBundle, Math.ceil(nActive / Math.max(1, free))));
      const nBundles = this.formBundles(h, nActive, target, now);
      this.match(h, nBundles, now);
    }
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const o = pool[i] as number;
      if (book.status[o] === WAITING) pool[kept++] = o;
    }
    return kept;
  }

  /** Whether busy courier c was found off order o's way and its plan has not changed since. */
  private knownOffWay(o: number, c: number, fleet: Fleet): boolean {
    const base = o * OFF_WAY_SLOTS;
    for (let k = 0; k < OFF_WAY_SLOTS; k++) {
      if (this.offWayCourier[base + k] === c)
        return (fleet.changedSeq[c] as number) <= (this.offWaySeq[base + k] as number);
    }
    return false;
  }

  private rememberOffWay(o: number, c: number, fleet: Fleet): void {
    const base = o * OFF_WAY_SLOTS;
    let slot = -1;
    for (let k = 0; k < OFF_WAY_SLOTS && slot < 0; k++) if (this.offWayCourier[base + k] === c) slot = k;
    if (slot < 0) {
      slot = (this.offWayNext[o] as number) % OFF_WAY_SLOTS;
      this.offWayNext[o] = slot + 1;
    }
    this.offWayCourier[base + slot] = c;
    this.offWaySeq[base + slot] = fleet.seq;
  }

  /** Counts the free couriers and notes those freed since the last batch. */
  private countFree(h: RollingHost, now: number): number {
    const n = h.fleet.n;
    let free = 0;
    this.nFreed = 0;
    for (let c = 0; c < n; c++) {
      const isFree = h.isFree(c, now);
      if (isFree) {
        free++;
        if (this.wasFree[c] === 0) this.freed[this.nFreed++] = c;
      }
      this.wasFree[c] = isFree ? 1 : 0;
    }
    return free;
  }

  /** Whether a courier freed this batch stands within reach of order o's restaurant. */
  private freedNear(h: RollingHost, o: number): boolean {
    const { city, fleet } = h;
    const r = h.book.orders.restaurant[o] as number;
    const rx = city.restaurantX[r] as number;
    const ry = city.restaurantY[r] as number;
    const reach = h.rules.dispatch.maxPickupKm;
    for (let k = 0; k < this.nFreed; k++) {
      const c = this.freed[k] as number;
      if (dist((fleet.x[c] as number) - rx, (fleet.y[c] as number) - ry) <= reach) return true;
    }
    return false;
  }

  /** Groups the active orders into bundles of at most `target`; returns how many. */
  private formBundles(h: RollingHost, nActive: number, target: number, now: number): number {
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
  private bucketByRestaurant(h: RollingHost, nActive: number): void {
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
  private partnersOf(h: RollingHost, s: number, sx: number, sy: number, seedReady: number): number {
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
  private route(h: RollingHost, b: Int32Array, now: number, pick: Int32Array, drop: Int32Array): number {
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

  /** Scores bundles against couriers, solves the assignment and commits what is due. */
  private match(h: RollingHost, nB: number, now: number): void {
    const { book, city, fleet, grid, insertion, plan, rules } = h;
    const orders = book.orders;
    const d = rules.dispatch;
    const rank = rules.assessment.rankByOnTime;
    const weight = rules.assessment.priorityWeightSec;
    // An on-the-way order's own two stops take their service time wherever they go: the detour is the rest.
    const ownStopsSec = plan.pickupSvcSec + plan.dropSvcSec;
    this.stamp++;
    let nCols = 0;
    let nE = 0;
    if (this.rowStart.length < nB + 1) this.rowStart = new Int32Array(nB * 2 + 1);
    if (this.stay.length < nB) {
      this.stay = new Float64Array(nB * 2);
      this.out = new Int32Array(nB * 2);
    }
    for (let b = 0; b < nB; b++) {
      this.rowStart[b] = nE;
      const from = this.bundleStart[b] as number;
      const size = (this.bundleStart[b + 1] as number) - from;
      const bundle = this.bundleOf.subarray(from, from + size);
      this.stay[b] = STAY_PER_ORDER * size;
      // A bundle all of whose orders rest (postponed until a courier could be sent) is not scored this batch.
      let resting = true;
      for (let k = 0; k < size && resting; k++)
        if ((this.nextLook[bundle[k] as number] as number) <= now) resting = false;
      if (resting) continue;
      this.route(h, bundle, now, this.pickSeq, this.dropSeq);
      const first = bundle[this.pickSeq[0] as number] as number;
      const r0 = orders.restaurant[first] as number;
      const rx = city.restaurantX[r0] as number;
      const ry = city.restaurantY[r0] as number;
      // The nearest `candidates` couriers of each kind: at the peak most near couriers carry a bag, and a free one
      // a little further away must still be seen.
      const count = grid.search(rx, ry, d.candidates * SEARCH_WIDTH, now, fleet.x, fleet.y);
      let freeSeen = 0;
      let busySeen = 0;
      for (let k = 0; k < count; k++) {
        const c = grid.candC[k] as number;
        const bag = fleet.bagCount[c] as number;
        if (bag + size > fleet.maxBag) continue;
        // A courier with a bag is offered single orders only.
        if (bag === 0 ? freeSeen++ >= d.candidates : size > 1 || busySeen++ >= this.busyCandidates) continue;
        let cost: number;
        let gap: number;
        let endSec: number;
        let pickAt = 0;
        let dropAt = 0;
        if (bag === 0) {
          const start = Math.max(now, fleet.freeAt[c] as number);
          const approach = (grid.candD[k] as number) * plan.secPerKm;
          const arrive = start + approach;
          h.work.evaluations++;
          const late = this.timeBundle(h, bundle, arrive);
          // A courier whose shift ends before the bundle's last pickup is not offered it.
          if (this.timedLastPickup > h.pickupDeadlineSec(c)) continue;
          gap = (orders.readySec[first] as number) - arrive;
          endSec = this.timedEnd;
          cost = this.timedPickupStart - now + approach + plan.latenessWeight * late;
        } else {
          // A courier with a bag takes a single order (see the search loop), and only one that lies on the way. A
          // busy courier whose plan has not changed since it was found off this order's way still is.
          if ((fleet.freeAt[c] as number) > now && this.knownOffWay(first, c, fleet)) continue;
          h.work.evaluations++;
          cost = insertion.cheapest(fleet, c, book, first, now);
          // On the way: little extra riding, and no order planned later than its due time because of it.
          const off =
            cost === Infinity ||
            insertion.addedLateSec > 0 ||
            insertion.endSec - insertion.oldEndSec - ownStopsSec > this.onTheWaySec;
          if (off) {
            this.rememberOffWay(first, c, fleet);
            continue;
          }
          if (insertion.pickupArriveSec > h.pickupDeadlineSec(c)) continue;
          gap = (orders.readySec[first] as number) - insertion.pickupArriveSec;
          endSec = insertion.endSec;
          pickAt = insertion.pickupAt;
          dropAt = insertion.dropAt;
        }
        if (h.hardCap && fleet.onlineSecAt(c, now) + endSec - now > (fleet.maxOnlineSec[c] as number)) continue;
        if (rank) cost += (1 - (h.score[c] as number)) * weight;
        let col: number;
        if (this.colStamp[c] === this.stamp) col = this.colOf[c] as number;
        else {
          col = nCols++;
          this.colStamp[c] = this.stamp;
          this.colOf[c] = col;
          if (this.colCourier.length <= col) this.colCourier = grow32(this.colCourier);
          this.colCourier[col] = c;
        }
        if (this.edgeCol.length <= nE) this.growEdges();
        this.edgeCol[nE] = col;
        this.edgeCost[nE] = cost;
        this.edgeGap[nE] = gap;
        this.edgePickAt[nE] = pickAt;
        this.edgeDropAt[nE] = dropAt;
        nE++;
      }
    }
    this.rowStart[nB] = nE;
    this.assignment.solve(nB, nCols, this.rowStart, this.edgeCol, this.edgeCost, this.stay, this.out);
    let failedOrders = 0;
    for (let b = 0; b < nB; b++) {
      const from = this.bundleStart[b] as number;
      const size = (this.bundleStart[b + 1] as number) - from;
      const col = this.out[b] as number;
      if (col < 0) {
        const none = this.rowStart[b] === this.rowStart[b + 1];
        for (let k = from; k < from + size; k++) {
          const o = this.bundleOf[k] as number;
          if ((this.nextLook[o] as number) > now) continue;
          failedOrders++;
          if (none) {
            h.work.noCourier++;
            this.noCourier[o] = 1;
            this.nextLook[o] = now + MAX_REST_SEC;
          }
        }
        continue;
      }
      let e = this.rowStart[b] as number;
      while (this.edgeCol[e] !== col) e++;
      const c = this.colCourier[col] as number;
      // Late commitment: a courier who would wait long for the food is not sent yet. Until the courier chosen now
      // could be sent, a nearer one could not either (it would wait longer), so the bundle's orders rest till then.
      const gap = this.edgeGap[e] as number;
      if (gap > this.horizonSec) {
        const until = now + gap - this.horizonSec;
        for (let k = from; k < from + size; k++) this.noCourier[this.bundleOf[k] as number] = 0;
        for (let k = from; k < from + size; k++) this.nextLook[this.bundleOf[k] as number] = until;
        failedOrders += size;
        h.work.postponed += size;
        continue;
      }
      if (h.declines(c)) {
        failedOrders += size;
        continue;
      }
      const bundle = this.bundleOf.subarray(from, from + size);
      if ((fleet.bagCount[c] as number) > 0) {
        h.assign(bundle[0] as number, c, now, this.edgePickAt[e] as number, this.edgeDropAt[e] as number, true);
        continue;
      }
      this.route(h, bundle, now, this.pickSeq, this.dropSeq);
      // Orders in drop-off order; each one's pickup goes among the pickups already placed by its rank.
      for (let j = 0; j < size; j++) {
        const i = this.dropSeq[j] as number;
        let pickRank = 0;
        while (this.pickSeq[pickRank] !== i) pickRank++;
        let pickupAt = 0;
        for (let q = 0; q < j; q++) {
          const other = this.dropSeq[q] as number;
          let otherRank = 0;
          while (this.pickSeq[otherRank] !== other) otherRank++;
          if (otherRank < pickRank) pickupAt++;
        }
        h.assign(bundle[i] as number, c, now, pickupAt, 2 * j, j === size - 1);
      }
    }
    h.work.failed += failedOrders;
  }

  // What the last timeBundle found: when the first pickup starts and when the route ends, seconds.
  private timedPickupStart = 0;
  private timedLastPickup = 0;
  private timedEnd = 0;

  /**
   * A free courier arriving at the bundle's first restaurant at `arrive`: the planned lateness beyond the orders'
   * due times, seconds; sets when the first pickup starts and when the route ends (uses the sequences of the last
   * `route`).
   */
  private timeBundle(h: RollingHost, b: Int32Array, arrive: number): number {
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
    for (let k = 0; k < m; k++) {
      const o = b[this.dropSeq[k] as number] as number;
      const x = orders.custX[o] as number;
      const y = orders.custY[o] as number;
      t += dist(x - px, y - py) * plan.secPerKm + plan.dropSvcSec;
      const due = book.dueAt[o] as number;
      if (t > due) late += t - due;
      px = x;
      py = y;
    }
    this.timedPickupStart = pickupStart;
    this.timedEnd = t;
    return late;
  }

  private growEdges(): void {
    const n = this.edgeCol.length * 2;
    this.edgeCol = grow32(this.edgeCol, n);
    const f = (a: Float64Array) => {
      const g = new Float64Array(n);
      g.set(a);
      return g;
    };
    this.edgeCost = f(this.edgeCost);
    this.edgeGap = f(this.edgeGap);
    this.edgePickAt = grow32(this.edgePickAt, n);
    this.edgeDropAt = grow32(this.edgeDropAt, n);
  }
}

function grow32(a: Int32Array, n = a.length * 2): Int32Array<ArrayBuffer> {
  const g = new Int32Array(n);
  g.set(a);
  return g;
}
