/** One day's orders as the platform tracks them: the drawn orders plus status, promise and what happened when. */
import type { DeadlineLines } from './deadline/lines.ts';
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

  constructor(
    readonly orders: DayOrders,
    detourFactor: number,
  ) {
    const m = orders.count;
    this.count = m;
    this.status = new Uint8Array(m);
    this.promiseAt = new Float64Array(m);
    this.dueAt = new Float64Array(m);
    this.lateAt = new Float64Array(m);
    this.roadKm = new Float64Array(m);
    for (let o = 0; o < m; o++) this.roadKm[o] = (orders.straightKm[o] as number) * detourFactor;
    this.assignedAt = new Float64Array(m).fill(Number.NaN);
    this.pickedAt = new Float64Array(m).fill(Number.NaN);
    this.deliveredAt = new Float64Array(m).fill(Number.NaN);
    this.courier = new Int32Array(m).fill(-1);
    this.late = new Uint8Array(m);
    this.feeFen = new Float64Array(m);
    this.ranRedLight = new Uint8Array(m);
  }

  /** Order o is promised for `promiseAt` (absolute seconds): its due and late lines follow from the deadline's lines. */
  promise(o: number, promiseAt: number, lines: DeadlineLines): void {
    this.promiseAt[o] = promiseAt;
    this.dueAt[o] = promiseAt + lines.windowSec;
    this.lateAt[o] = promiseAt + lines.lateAfterSec;
  }
}
