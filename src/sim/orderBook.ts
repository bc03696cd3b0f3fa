/** One day's orders as the platform tracks them: the drawn orders plus status, promise and what happened when. */
import type { DeadlineLines } from './deadline/lines.ts';
import { DayBuffers } from './dayBuffers.ts';
import type { DayOrders } from './demand.ts';

/** Order states. */
export const WAITING = 0;
export const ASSIGNED = 1;
export const PICKED = 2;
export const DELIVERED = 3;
export const CANCELLED = 4;

/** The day's orders with their life so far (times in seconds from midnight of day 0, NaN until they happen). */
export class OrderBook {
  readonly count: number;
  readonly status: Uint8Array;
  /** Promised delivery time, absolute seconds. */
  readonly promiseAt: Float64Array;
  /** What the platform plans for: the promise, or the end of its window. */
  readonly dueAt: Float64Array;
  /** When the order counts as late for the courier: the promise plus window and grace. */
  readonly lateAt: Float64Array;
  /** Restaurant-to-customer road km (straight line × the city's detour factor). */
  readonly roadKm: Float64Array;
  readonly assignedAt: Float64Array;
  readonly pickedAt: Float64Array;
  readonly deliveredAt: Float64Array;
  readonly courier: Int32Array;
  /** 1 when delivered late, 0 when on time. */
  readonly late: Uint8Array;
  /** The fee paid for a delivered order, fen. */
  readonly feeFen: Float64Array;
  /** 1 when its courier ran a red light on a leg while the order was in the bag (it loses the safety bonus). */
  readonly ranRedLight: Uint8Array;

  /**
   * `buffers`: where the arrays come from; the engine passes its own, so each day's book reuses the last day's memory
   * (the last day's book is then no longer valid).
   */
  constructor(
    readonly orders: DayOrders,
    detourFactor: number,
    buffers: DayBuffers = new DayBuffers(),
  ) {
    const m = orders.count;
    this.count = m;
    this.status = buffers.uint8('book.status', m);
    this.promiseAt = buffers.float64('book.promiseAt', m);
    this.dueAt = buffers.float64('book.dueAt', m);
    this.lateAt = buffers.float64('book.lateAt', m);
    this.roadKm = buffers.float64('book.roadKm', m);
    for (let o = 0; o < m; o++) this.roadKm[o] = (orders.straightKm[o] as number) * detourFactor;
    this.assignedAt = buffers.float64('book.assignedAt', m, Number.NaN);
    this.pickedAt = buffers.float64('book.pickedAt', m, Number.NaN);
    this.deliveredAt = buffers.float64('book.deliveredAt', m, Number.NaN);
    this.courier = buffers.int32('book.courier', m, -1);
    this.late = buffers.uint8('book.late', m);
    this.feeFen = buffers.float64('book.feeFen', m);
    this.ranRedLight = buffers.uint8('book.ranRedLight', m);
  }

  /** Order o is promised for `promiseAt` (absolute seconds): its due and late lines follow from the deadline's lines. */
  promise(o: number, promiseAt: number, lines: DeadlineLines): void {
    this.promiseAt[o] = promiseAt;
    this.dueAt[o] = promiseAt + lines.windowSec;
    this.lateAt[o] = promiseAt + lines.lateAfterSec;
  }
}
