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
 * when the bag empties. Step 2 and the routes of bundles are bundles.ts's; the dispatcher owns its scratch, and the
 * engine calls it through `RollingHost` (dispatchContext.ts).
 */
import type { Rules } from '../scenario/schema.ts';
import { SparseAssignment } from './assignment.ts';
import { Bundler } from './bundles.ts';
import type { RollingHost } from './dispatchContext.ts';
import type { Fleet } from './fleet.ts';
import { WAITING, type OrderBook } from './orderBook.ts';
import { dist } from './spatialGrid.ts';

export { newDispatchWork, type DispatchWork, type DispatchWorld, type RollingHost } from './dispatchContext.ts';

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
  /** The batch's bundles and their routes. */
  private readonly bundles: Bundler;
  // Per batch scratch of the matching, grown as needed.
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

  constructor(rules: Rules, couriers: number) {
    const d = rules.dispatch;
    this.maxBundle = Math.min(d.bundleMax ?? DEFAULT_BUNDLE_MAX, d.maxBag);
    this.horizonSec = d.commitHorizonMin * 60;
    this.onTheWaySec = d.onTheWayMin * 60;
    this.busyCandidates = Math.max(1, Math.ceil(d.candidates / 4));
    this.wasFree = new Uint8Array(couriers);
    this.freed = new Int32Array(couriers);
    this.colOf = new Int32Array(couriers);
    this.colStamp = new Int32Array(couriers).fill(-1);
    this.bundles = new Bundler(d, this.maxBundle);
  }

  /** Forgets which couriers were free at the last batch, as a new dispatcher would (a replayed day starts afresh). */
  startDay(): void {
    this.wasFree.fill(0);
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
    this.bundles.reserve(count);
    const active = this.bundles.active;
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
      active[nActive++] = o;
      // An order that found no courier at all rests until one is freed within reach of its restaurant.
      if (this.noCourier[o] === 1 && (this.nextLook[o] as number) > now && this.freedNear(h, o)) {
        this.nextLook[o] = -Infinity;
      }
      if ((this.nextLook[o] as number) <= now) awake++;
    }
    if (awake > 0) {
      h.work.considered += awake;
      const target = Math.max(1, Math.min(this.maxBundle, Math.ceil(nActive / Math.max(1, free))));
      const nBundles = this.bundles.form(h, nActive, target, now);
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

  /** Scores bundles against couriers, solves the assignment and commits what is due. */
  private match(h: RollingHost, nB: number, now: number): void {
    const { book, city, fleet, grid, insertion, plan, rules } = h;
    const bundles = this.bundles;
    const { bundleOf, bundleStart, pickSeq, dropSeq } = bundles;
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
      const from = bundleStart[b] as number;
      const size = (bundleStart[b + 1] as number) - from;
      const bundle = bundleOf.subarray(from, from + size);
      this.stay[b] = STAY_PER_ORDER * size;
      // A bundle all of whose orders rest (postponed until a courier could be sent) is not scored this batch.
      let resting = true;
      for (let k = 0; k < size && resting; k++)
        if ((this.nextLook[bundle[k] as number] as number) <= now) resting = false;
      if (resting) continue;
      bundles.route(h, bundle, now, pickSeq, dropSeq);
      const first = bundle[pickSeq[0] as number] as number;
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
          const late = bundles.timeBundle(h, bundle, arrive);
          // A courier whose shift ends before the bundle's last pickup is not offered it.
          if (bundles.timedLastPickup > h.pickupDeadlineSec(c)) continue;
          gap = (orders.readySec[first] as number) - arrive;
          endSec = bundles.timedEnd;
          cost = bundles.timedPickupStart - now + approach + plan.latenessWeight * late;
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
      const from = bundleStart[b] as number;
      const size = (bundleStart[b + 1] as number) - from;
      const col = this.out[b] as number;
      if (col < 0) {
        const none = this.rowStart[b] === this.rowStart[b + 1];
        for (let k = from; k < from + size; k++) {
          const o = bundleOf[k] as number;
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
        for (let k = from; k < from + size; k++) this.noCourier[bundleOf[k] as number] = 0;
        for (let k = from; k < from + size; k++) this.nextLook[bundleOf[k] as number] = until;
        failedOrders += size;
        h.work.postponed += size;
        continue;
      }
      if (h.declines(c)) {
        failedOrders += size;
        continue;
      }
      const bundle = bundleOf.subarray(from, from + size);
      if ((fleet.bagCount[c] as number) > 0) {
        h.assign(bundle[0] as number, c, now, this.edgePickAt[e] as number, this.edgeDropAt[e] as number, true);
        continue;
      }
      bundles.route(h, bundle, now, pickSeq, dropSeq);
      // Orders in drop-off order; each one's pickup goes among the pickups already placed by its rank.
      for (let j = 0; j < size; j++) {
        const i = dropSeq[j] as number;
        let pickRank = 0;
        while (pickSeq[pickRank] !== i) pickRank++;
        let pickupAt = 0;
        for (let q = 0; q < j; q++) {
          const other = dropSeq[q] as number;
          let otherRank = 0;
          while (pickSeq[otherRank] !== other) otherRank++;
          if (otherRank < pickRank) pickupAt++;
        }
        h.assign(bundle[i] as number, c, now, pickupAt, 2 * j, j === size - 1);
      }
    }
    h.work.failed += failedOrders;
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
