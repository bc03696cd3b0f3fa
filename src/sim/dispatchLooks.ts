/**
 * When the rolling dispatcher looks at a waiting order again (issue 18: re-dispatch when something near it changed,
 * not at every batch). Per order of the day's book it keeps the time before which the order rests, whether it waits
 * for news (a courier near it freed or given orders), and the busy couriers found off its way; per courier, which
 * were free at the last batch and which were given orders.
 */
import { DayBuffers } from './dayBuffers.ts';
import type { RollingHost } from './dispatchContext.ts';
import type { Fleet } from './fleet.ts';
import type { OrderBook } from './orderBook.ts';
import { OrderSlots } from './orderSlots.ts';
import { dist } from './spatialGrid.ts';

/** The longest an order waiting for news rests before it is looked at again anyway, seconds. */
export const MAX_REST_SEC = 120;
/** How many busy couriers found off an order's way are remembered per order. */
const OFF_WAY_SLOTS = 4;

/** The look state of one run's rolling dispatcher. */
export class OrderLooks {
  /** Per order: the time before which it is not looked at again (postponed, or waiting for news). */
  private nextLook = new Float64Array(0);
  private book: OrderBook | null = null;
  /**
   * Per order: 1 when its last look found nothing it could take (no courier at all, or every free courier it saw went
   * to other bundles): it rests until a courier near it is freed or given orders, at most `MAX_REST_SEC`.
   */
  private waitsForNews = new Uint8Array(0);
  /**
   * Per order, in a slot while it needs one (orderSlots.ts): `OFF_WAY_SLOTS` busy couriers found off its way, with
   * their plans' change count then, and where the next one goes.
   */
  private readonly offWay = new OrderSlots();
  private readonly offWayCourier = this.offWay.int32(OFF_WAY_SLOTS, -1);
  private readonly offWaySeq = this.offWay.float64(OFF_WAY_SLOTS);
  private readonly offWayNext = this.offWay.uint8(1);
  /** Where the per-order arrays live, reused from day to day. */
  private readonly buffers = new DayBuffers();
  /** Per courier: free at the last batch; and the couriers freed since, this batch. */
  private readonly wasFree: Uint8Array;
  private readonly freed: Int32Array;
  private nFreed = 0;
  /** Couriers given orders at the last batch (their plans changed), and at this one. */
  private assignedLast: Int32Array;
  private nAssignedLast = 0;
  private assignedNow: Int32Array;
  private nAssignedNow = 0;
  private restList = new Int32Array(64);
  private wakeO: Int32Array;
  private wakeD: Float64Array;
  private wakeI: Int32Array;
  // The resting orders (by index in restList) filed by restaurant cell, for the changed couriers' searches.
  private cellHead = new Int32Array(0);
  private cellNext = new Int32Array(0);
  private cellKm = 1;
  private cols = 1;
  private rows = 1;

  /** `wake`: how many resting orders a changed courier wakes (one bundle's worth). */
  constructor(
    couriers: number,
    private readonly wake: number,
  ) {
    this.wasFree = new Uint8Array(couriers);
    this.freed = new Int32Array(couriers);
    this.assignedLast = new Int32Array(couriers);
    this.assignedNow = new Int32Array(couriers);
    this.wakeO = new Int32Array(wake);
    this.wakeD = new Float64Array(wake);
    this.wakeI = new Int32Array(wake);
  }

  /** Forgets the couriers of the last batch, as a new dispatcher would (a replayed day starts afresh). */
  startDay(): void {
    this.wasFree.fill(0);
    this.nAssignedLast = 0;
    this.nAssignedNow = 0;
  }

  /**
   * Starts a batch over the waiting orders `pool[0..count)`: new per-order state for a new book, the couriers freed
   * since the last batch, and the resting orders they (and the couriers given orders at the last batch) wake. Orders
   * ready more than `lookahead` seconds from now are not considered. Returns how many couriers are free.
   */
  startBatch(h: RollingHost, pool: Int32Array, count: number, now: number, lookahead: number): number {
    const { book } = h;
    if (this.book !== book) {
      this.book = book;
      // Reused from the last book's day (a new book is a new day: the last one is done).
      const buffers = this.buffers;
      this.nextLook = buffers.float64('looks.nextLook', book.count, -Infinity);
      this.waitsForNews = buffers.uint8('looks.waitsForNews', book.count);
      this.offWay.startDay(book.count, buffers, 'looks.offWaySlot');
    }
    // Orders picked up, delivered or cancelled since the last batch never wait again: their slots are free.
    this.offWay.releaseSettled(book.status);
    const free = this.countFree(h, now);
    const last = this.assignedLast;
    this.assignedLast = this.assignedNow;
    this.nAssignedLast = this.nAssignedNow;
    this.assignedNow = last;
    this.nAssignedNow = 0;
    this.wakeNearest(h, pool, count, now, lookahead);
    return free;
  }

  /** Whether order o is looked at this batch. */
  awake(o: number, now: number): boolean {
    return (this.nextLook[o] as number) <= now;
  }

  /** Order o found nothing it could take: it rests until news or `MAX_REST_SEC`. */
  waitForNews(o: number, now: number): void {
    this.waitsForNews[o] = 1;
    this.nextLook[o] = now + MAX_REST_SEC;
  }

  /** Order o is postponed until `until` (late commitment): no news wakes it sooner. */
  postpone(o: number, until: number): void {
    this.waitsForNews[o] = 0;
    this.nextLook[o] = until;
  }

  /** Courier c was given orders this batch. */
  assigned(c: number): void {
    this.assignedNow[this.nAssignedNow++] = c;
  }

  /** Whether busy courier c was found off order o's way and its plan has not changed since. */
  knownOffWay(o: number, c: number, fleet: Fleet): boolean {
    const s = this.offWay.slotOf(o);
    if (s < 0) return false;
    const base = s * OFF_WAY_SLOTS;
    const couriers = this.offWayCourier.data;
    for (let k = 0; k < OFF_WAY_SLOTS; k++) {
      if (couriers[base + k] === c) return (fleet.changedSeq[c] as number) <= (this.offWaySeq.data[base + k] as number);
    }
    return false;
  }

  rememberOffWay(o: number, c: number, fleet: Fleet): void {
    const s = this.offWay.take(o);
    const base = s * OFF_WAY_SLOTS;
    const couriers = this.offWayCourier.data;
    let slot = -1;
    for (let k = 0; k < OFF_WAY_SLOTS && slot < 0; k++) if (couriers[base + k] === c) slot = k;
    if (slot < 0) {
      slot = (this.offWayNext.data[s] as number) % OFF_WAY_SLOTS;
      this.offWayNext.data[s] = slot + 1;
    }
    couriers[base + slot] = c;
    this.offWaySeq.data[base + slot] = fleet.seq;
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

  /**
   * Wakes, for each courier freed this batch or given orders at the last one, the resting orders nearest to it within
   * reach, as many as one bundle holds. A freed courier takes one bundle, and a courier with a new plan may pass by a
   * few orders; either is news to the orders nearest it, not to the rest of the city.
   */
  private wakeNearest(h: RollingHost, pool: Int32Array, count: number, now: number, lookahead: number): void {
    if (this.nFreed === 0 && this.nAssignedLast === 0) return;
    const { city, fleet } = h;
    const orders = h.book.orders;
    if (this.restList.length < count) this.restList = new Int32Array(count * 2);
    let n = 0;
    for (let i = 0; i < count; i++) {
      const o = pool[i] as number;
      if ((orders.readySec[o] as number) - now > lookahead) continue;
      if (this.waitsForNews[o] === 1 && (this.nextLook[o] as number) > now) this.restList[n++] = o;
    }
    if (n === 0) return;
    const reach = h.rules.dispatch.maxPickupKm;
    this.fileResting(h, n);
    const { wakeO, wakeD, wakeI, cellHead, cellNext, restList } = this;
    const { cols, rows } = this;
    const cell = this.cellKm;
    const K = this.wake;
    for (let f = 0; f < this.nFreed + this.nAssignedLast; f++) {
      const c = (f < this.nFreed ? this.freed[f] : this.assignedLast[f - this.nFreed]) as number;
      const cx = fleet.x[c] as number;
      const cy = fleet.y[c] as number;
      const homeX = Math.min(cols - 1, Math.max(0, Math.floor(cx / cell)));
      const homeY = Math.min(rows - 1, Math.max(0, Math.floor(cy / cell)));
      // The K nearest, sorted by distance (ties: the earlier in the pool, which is oldest first), ring by ring of
      // cells until no order further out can be nearer (a millimetre's margin for rounding).
      let m = 0;
      for (let ring = 0; ; ring++) {
        const lowerKm = ring === 0 ? 0 : (ring - 1) * cell - 1e-6;
        if (lowerKm > reach || (m === K && (wakeD[K - 1] as number) < lowerKm)) break;
        if (homeX - ring < 0 && homeY - ring < 0 && homeX + ring >= cols && homeY + ring >= rows) break;
        for (let gy = homeY - ring; gy <= homeY + ring; gy++) {
          if (gy < 0 || gy >= rows) continue;
          const edgeRow = gy === homeY - ring || gy === homeY + ring;
          for (let gx = homeX - ring; gx <= homeX + ring; gx += edgeRow || ring === 0 ? 1 : 2 * ring) {
            if (gx < 0 || gx >= cols) continue;
            for (let i = cellHead[gy * cols + gx] as number; i >= 0; i = cellNext[i] as number) {
              const o = restList[i] as number;
              if ((this.nextLook[o] as number) <= now) continue; // woken by an earlier courier
              const r = orders.restaurant[o] as number;
              const d = dist((city.restaurantX[r] as number) - cx, (city.restaurantY[r] as number) - cy);
              if (d > reach) continue;
              if (m === K) {
                const lastD = wakeD[K - 1] as number;
                if (d > lastD || (d === lastD && i > (wakeI[K - 1] as number))) continue;
              }
              let k = m < K ? m++ : K - 1;
              while (k > 0 && ((wakeD[k - 1] as number) > d || (wakeD[k - 1] === d && (wakeI[k - 1] as number) > i))) {
                wakeD[k] = wakeD[k - 1] as number;
                wakeO[k] = wakeO[k - 1] as number;
                wakeI[k] = wakeI[k - 1] as number;
                k--;
              }
              wakeD[k] = d;
              wakeO[k] = o;
              wakeI[k] = i;
            }
          }
        }
      }
      for (let k = 0; k < m; k++) this.nextLook[wakeO[k] as number] = -Infinity;
    }
  }

  /** Files the resting orders `restList[0..n)` by their restaurant's cell, each cell's list in pool order. */
  private fileResting(h: RollingHost, n: number): void {
    const { city } = h;
    const orders = h.book.orders;
    const w = city.widthKm;
    const ht = city.heightKm;
    const cell = Math.max(Math.sqrt((w * ht) / n), w / 128, ht / 128, 0.05);
    this.cellKm = cell;
    this.cols = Math.max(1, Math.ceil(w / cell));
    this.rows = Math.max(1, Math.ceil(ht / cell));
    const cells = this.cols * this.rows;
    if (this.cellHead.length < cells) this.cellHead = new Int32Array(cells);
    this.cellHead.fill(-1, 0, cells);
    if (this.cellNext.length < n) this.cellNext = new Int32Array(n * 2);
    for (let i = n - 1; i >= 0; i--) {
      const r = orders.restaurant[this.restList[i] as number] as number;
      const gx = Math.min(this.cols - 1, Math.max(0, Math.floor((city.restaurantX[r] as number) / cell)));
      const gy = Math.min(this.rows - 1, Math.max(0, Math.floor((city.restaurantY[r] as number) / cell)));
      const g = gy * this.cols + gx;
      this.cellNext[i] = this.cellHead[g] as number;
      this.cellHead[g] = i;
    }
  }
}
