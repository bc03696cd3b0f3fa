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
  readonly assignedAt: Float64Array;
  readonly pickedAt: Float64Array;
  readonly courier: Int32Array;
  /** 1 when its courier ran a red light on a leg while the order was in the bag (it loses the safety bonus). */
  readonly ranRedLight: Uint8Array;
  /**
   * What only the order trace reads, kept when the day is traced (`traced`; empty arrays otherwise): when it was
   * delivered, 1 when late (0 on time), and the fee paid for it, fen.
   */
  readonly deliveredAt: Float64Array;
  readonly late: Uint8Array;
  readonly feeFen: Float64Array;

  /**
   * `buffers`: where the arrays come from; the engine passes its own, so each day's book reuses the last day's memory
   * (the last day's book is then no longer valid). `lines`: the offsets of the due and late lines from the promise
   * (the arm's, the same for every order). `traced`: keep what only the order trace reads.
   */
  constructor(
    readonly orders: DayOrders,
    private readonly detourFactor: number,
    buffers: DayBuffers = new DayBuffers(),
    private readonly lines: Pick<DeadlineLines, 'windowSec' | 'lateAfterSec'> = NO_LINES,
    readonly traced = true,
  ) {
    const m = orders.count;
    this.count = m;
    this.status = buffers.uint8('book.status', m);
    this.promiseAt = buffers.float64('book.promiseAt', m);
    this.assignedAt = buffers.float64('book.assignedAt', m, Number.NaN);
    this.pickedAt = buffers.float64('book.pickedAt', m, Number.NaN);
    this.courier = buffers.int32('book.courier', m, -1);
    this.ranRedLight = buffers.uint8('book.ranRedLight', m);
    const kept = traced ? m : 0;
    this.deliveredAt = buffers.float64('book.deliveredAt', kept, Number.NaN);
    this.late = buffers.uint8('book.late', kept);
    this.feeFen = buffers.float64('book.feeFen', kept);
  }

  /** Order o is promised for `promiseAt` (absolute seconds); its due and late lines follow (dueAt, lateAt). */
  promise(o: number, promiseAt: number): void {
    this.promiseAt[o] = promiseAt;
  }

  /**
   * What the platform plans order o for: the promise, or the end of its window. Computed when read, as it was once
   * stored, so that a large city's day does not keep another array per order.
   */
  dueAt(o: number): number {
    return (this.promiseAt[o] as number) + this.lines.windowSec;
  }

  /** When order o counts as late for the courier: the promise plus window and grace. */
  lateAt(o: number): number {
    return (this.promiseAt[o] as number) + this.lines.lateAfterSec;
  }

  /** Order o's restaurant-to-customer road km (straight line × the city's detour factor). */
  roadKm(o: number): number {
    return (this.orders.straightKm[o] as number) * this.detourFactor;
  }
}

/** No window and no grace: due and late at the promise. */
const NO_LINES = { windowSec: 0, lateAfterSec: 0 };
