/**
 * The order-level trace of a run (`fairpace run --orders`): one row per order of the reported days, as columns.
 * Times are seconds from the scenario's day-0 midnight; NaN where something did not happen (an undelivered order).
 */
import { DELIVERED, type OrderBook } from './orderBook.ts';

/** One column per field; row i of every column is the same order. */
export interface OrderTraceColumns {
  day: number[];
  /** The order's index within its day. */
  index: number[];
  courier: number[];
  placeSec: number[];
  readySec: number[];
  assignedSec: number[];
  pickedSec: number[];
  deliveredSec: number[];
  promiseSec: number[];
  roadKm: number[];
  restaurantXKm: number[];
  restaurantYKm: number[];
  customerXKm: number[];
  customerYKm: number[];
  /** 1 late, 0 on time, NaN undelivered. */
  late: number[];
  /** Fee paid, CNY; NaN undelivered. */
  feeCny: number[];
}

/** Collects the trace day by day. */
export class OrderTrace {
  readonly columns: OrderTraceColumns = {
    day: [],
    index: [],
    courier: [],
    placeSec: [],
    readySec: [],
    assignedSec: [],
    pickedSec: [],
    deliveredSec: [],
    promiseSec: [],
    roadKm: [],
    restaurantXKm: [],
    restaurantYKm: [],
    customerXKm: [],
    customerYKm: [],
    late: [],
    feeCny: [],
  };

  /** Appends every order of a day, in placement order. */
  addDay(day: number, book: OrderBook, restaurantX: Float64Array, restaurantY: Float64Array): void {
    const t = this.columns;
    const o = book.orders;
    for (let i = 0; i < book.count; i++) {
      const delivered = book.status[i] === DELIVERED;
      const r = o.restaurant[i] as number;
      t.day.push(day);
      t.index.push(i);
      t.courier.push(book.courier[i] as number);
      t.placeSec.push(o.placeSec[i] as number);
      t.readySec.push(o.readySec[i] as number);
      t.assignedSec.push(book.assignedAt[i] as number);
      t.pickedSec.push(book.pickedAt[i] as number);
      t.deliveredSec.push(book.deliveredAt[i] as number);
      t.promiseSec.push(book.promiseAt[i] as number);
      t.roadKm.push(book.roadKm(i));
      t.restaurantXKm.push(restaurantX[r] as number);
      t.restaurantYKm.push(restaurantY[r] as number);
      t.customerXKm.push(o.custX[i] as number);
      t.customerYKm.push(o.custY[i] as number);
      t.late.push(delivered ? (book.late[i] as number) : Number.NaN);
      t.feeCny.push(delivered ? (book.feeFen[i] as number) / 100 : Number.NaN);
    }
  }
}
