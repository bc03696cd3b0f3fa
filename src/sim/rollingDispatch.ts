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
 *    wait at a cost that grows with its lateness, so the longest-waiting late orders go first;
 * 5. commits late: an assignment is made only when the courier would not wait at the restaurant more than
 *    `commitHorizonMin` for the food; the rest go back to the pool for the next batch (postponement).
 *
 * An order left waiting is looked at again when something near it changed: a courier near it freed, or given orders
 * (`wakeNearest`).
 *
 * A courier whose bag is empty starts a wave with its bundle; it takes further orders only on its way, so waves end
 * when the bag empties. Step 2 and the routes of bundles are bundles.ts's; the dispatcher owns its scratch, and the
 * engine calls it through `RollingHost` (dispatchContext.ts).
 */
import type { Rules } from '../scenario/schema.ts';
import { SparseAssignment } from './assignment.ts';
import { BundleTiming, bundleRoute } from './bundleRoute.ts';
import { Bundler } from './bundles.ts';
import { OrderLooks } from './dispatchLooks.ts';
import type { RollingHost } from './dispatchContext.ts';
import { WAITING } from './orderBook.ts';

export { newDispatchWork, type DispatchWork, type DispatchWorld, type RollingHost } from './dispatchContext.ts';

const STAY_PER_ORDER = 1e7;
/** The most orders in one bundle when the scenario does not say (and the bag allows): an assumption. */
export const DEFAULT_BUNDLE_MAX = 4;
/** How many more couriers than `candidates` a bundle's search looks at, to find enough of each kind. */
const SEARCH_WIDTH = 4;
/** Orders whose food is ready more than this beyond the commitment horizon are not yet looked at, seconds. */
const LOOKAHEAD_SEC = 600;

/** The rolling-horizon dispatcher of one run. */
export class RollingDispatcher {
  private readonly assignment = new SparseAssignment();
  private readonly maxBundle: number;
  private readonly horizonSec: number;
  private readonly onTheWaySec: number;
  private readonly batchSec: number;
  /** How many of the nearest couriers with a bag are tried for an on-the-way order. */
  private readonly busyCandidates: number;
  /** When each waiting order is looked at again. */
  private readonly looks: OrderLooks;
  /** The batch's bundles and their routes. */
  private readonly bundles: Bundler;
  private readonly timing = new BundleTiming();
  // Per batch scratch of the matching, grown as needed.
  private rowStart = new Int32Array(65);
  private edgeCol = new Int32Array(256);
  private edgeCost = new Float64Array(256);
  private edgeGap = new Float64Array(256);
  private edgePickAt = new Int32Array(256);
  private edgeDropAt = new Int32Array(256);
  private stay = new Float64Array(64);
  private out = new Int32Array(64);
  private sawAllFree = new Uint8Array(64);
  private colCourier = new Int32Array(64);
  private colOf: Int32Array;
  private colStamp: Int32Array;
  private stamp = 0;

  constructor(rules: Rules, couriers: number) {
    const d = rules.dispatch;
    this.maxBundle = Math.min(d.bundleMax ?? DEFAULT_BUNDLE_MAX, d.maxBag);
    this.horizonSec = d.commitHorizonMin * 60;
    this.onTheWaySec = d.onTheWayMin * 60;
    this.batchSec = d.batchSeconds;
    this.busyCandidates = Math.max(1, Math.ceil(d.candidates / 4));
    this.looks = new OrderLooks(couriers, this.maxBundle);
    this.colOf = new Int32Array(couriers);
    this.colStamp = new Int32Array(couriers).fill(-1);
    this.bundles = new Bundler(d, this.maxBundle);
  }

  /** Forgets which couriers were free at the last batch, as a new dispatcher would (a replayed day starts afresh). */
  startDay(): void {
    this.looks.startDay();
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
    const looks = this.looks;
    const free = looks.startBatch(h, pool, count, now, lookahead);
    let nActive = 0;
    let awake = 0;
    for (let i = 0; i < count; i++) {
      const o = pool[i] as number;
      if ((orders.readySec[o] as number) - now > lookahead) continue;
      active[nActive++] = o;
      if (looks.awake(o, now)) awake++;
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

  /** Scores bundles against couriers, solves the assignment and commits what is due. */
  private match(h: RollingHost, nB: number, now: number): void {
    const { book, city, fleet, grid, insertion, plan, rules } = h;
    const { bundles, timing } = this;
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
      this.sawAllFree = new Uint8Array(nB * 2);
    }
    for (let b = 0; b < nB; b++) {
      this.rowStart[b] = nE;
      const from = bundleStart[b] as number;
      const size = (bundleStart[b + 1] as number) - from;
      const bundle = bundleOf.subarray(from, from + size);
      this.stay[b] = STAY_PER_ORDER * size;
      let minLate = Infinity;
      let minLateCount = 0;
      // A bundle all of whose orders rest (postponed until a courier could be sent) is not scored this batch.
      let resting = true;
      for (let k = 0; k < size && resting; k++) if (this.looks.awake(bundle[k] as number, now)) resting = false;
      if (resting) continue;
      bundleRoute(h, bundle, now, pickSeq, dropSeq);
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
          const late = timing.time(h, bundle, arrive, pickSeq, dropSeq);
          // A courier whose shift ends before the bundle's last pickup is not offered it.
          if (timing.lastPickup > h.pickupDeadlineSec(c)) continue;
          gap = (orders.readySec[first] as number) - arrive;
          endSec = timing.end;
          if (late < minLate) {
            minLate = late;
            minLateCount = timing.lateCount;
          }
          cost = timing.pickupStart - now + approach + plan.latenessWeight * late;
        } else {
          // A courier with a bag takes a single order (see the search loop), and only one that lies on the way. A
          // busy courier whose plan has not changed since it was found off this order's way still is.
          if ((fleet.freeAt[c] as number) > now && this.looks.knownOffWay(first, c, fleet)) continue;
          // Nor one whose plan cannot pass by it within the detour allowed, by a bound cheaper than the insertion
          // (the same answer: the bound never exceeds the insertion's detour; a millisecond's margin for rounding).
          if (insertion.detourLowerBound(fleet, c, book, first, now) > this.onTheWaySec + 1e-3) {
            h.work.screened++;
            this.looks.rememberOffWay(first, c, fleet);
            continue;
          }
          h.work.evaluations++;
          cost = insertion.cheapest(fleet, c, book, first, now);
          // On the way: little extra riding, and no order planned later than its due time because of it.
          const off =
            cost === Infinity ||
            insertion.addedLateSec > 0 ||
            insertion.endSec - insertion.oldEndSec - ownStopsSec > this.onTheWaySec;
          if (off) {
            this.looks.rememberOffWay(first, c, fleet);
            continue;
          }
          if (insertion.pickupArriveSec > h.pickupDeadlineSec(c)) continue;
          gap = (orders.readySec[first] as number) - insertion.pickupArriveSec;
          endSec = insertion.endSec;
          pickAt = insertion.pickupAt;
          dropAt = insertion.dropAt;
          minLate = 0;
          minLateCount = 0;
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
      // Every free courier among the nearest was scored: losing them all to other bundles, it has nothing new to
      // look at until one of them is freed or given orders nearby (wakeNearest).
      this.sawAllFree[b] = freeSeen < d.candidates ? 1 : 0;
      // Leaving a bundle for the next batch costs its lateness now, plus a batch more for each order already late: an
      // order that waits grows more urgent instead of losing every courier to fresher orders (Meituan's objective
      // counts delays beyond the promise; MDRP's, click-to-door).
      if (minLate < Infinity)
        this.stay[b] = STAY_PER_ORDER * size + plan.latenessWeight * (minLate + minLateCount * this.batchSec);
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
          if (!this.looks.awake(o, now)) continue;
          failedOrders++;
          if (none) h.work.noCourier++;
          else h.work.lost++;
          if (none || this.sawAllFree[b] === 1) this.looks.waitForNews(o, now);
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
        for (let k = from; k < from + size; k++) this.looks.postpone(bundleOf[k] as number, until);
        failedOrders += size;
        h.work.postponed += size;
        continue;
      }
      if (h.declines(c)) {
        failedOrders += size;
        h.work.declined += size;
        continue;
      }
      const bundle = bundleOf.subarray(from, from + size);
      if ((fleet.bagCount[c] as number) > 0) {
        h.assign(bundle[0] as number, c, now, this.edgePickAt[e] as number, this.edgeDropAt[e] as number, true);
        this.looks.assigned(c);
        continue;
      }
      bundleRoute(h, bundle, now, pickSeq, dropSeq);
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
      this.looks.assigned(c);
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
