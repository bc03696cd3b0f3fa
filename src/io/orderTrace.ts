/**
 * The order trace as CSV (`fairpace run --orders`): one row per order of the reported days. Columns that mean what
 * the INFORMS TSL-Meituan 2024 waybill data's columns mean carry their names, so a researcher can compare the two
 * with one script; times are seconds from the scenario's day-0 midnight (the TSL data uses Unix seconds), and an
 * undelivered order keeps empty times after placement.
 */
import { csvNumber, csvRecord } from '../format/csv.ts';
import type { OrderTraceColumns } from '../sim/orderTrace.ts';

/** The columns, in order. */
export const ORDER_TRACE_COLUMNS = [
  'order_id',
  'courier_id',
  'platform_order_time',
  'estimate_meal_prepare_time',
  'dispatch_time',
  'grab_time',
  'fetch_time',
  'arrive_time',
  'estimate_arrived_time',
  'arm',
  'seed',
  'day',
  'road_km',
  'restaurant_x_km',
  'restaurant_y_km',
  'customer_x_km',
  'customer_y_km',
  'late',
  'fee',
] as const;

/**
 * The trace of one run as CSV text (CRLF line ends, no byte-order mark). `order_id` numbers the orders of the run
 * from 1 in placement order, day by day; `estimate_meal_prepare_time` is the model's meal-ready time (the model has
 * no separate estimate); `dispatch_time` and `grab_time` are both the assignment (a courier accepts what the platform
 * gives, or declines and the order waits); `late` is 1 or 0, empty when undelivered; `fee` is in CNY.
 */
export function orderTraceCsv(trace: OrderTraceColumns, arm: string, seed: number): string {
  const n = trace.day.length;
  const parts = [csvRecord(ORDER_TRACE_COLUMNS)];
  for (let i = 0; i < n; i++) {
    const courier = trace.courier[i] as number;
    const assigned = trace.assignedSec[i] as number;
    parts.push(
      csvRecord([
        String(i + 1),
        courier >= 0 ? String(courier) : '',
        csvNumber(trace.placeSec[i]),
        csvNumber(trace.readySec[i]),
        csvNumber(assigned),
        csvNumber(assigned),
        csvNumber(trace.pickedSec[i]),
        csvNumber(trace.deliveredSec[i]),
        csvNumber(trace.promiseSec[i]),
        arm,
        String(seed),
        String(trace.day[i]),
        csvNumber(trace.roadKm[i]),
        csvNumber(trace.restaurantXKm[i]),
        csvNumber(trace.restaurantYKm[i]),
        csvNumber(trace.customerXKm[i]),
        csvNumber(trace.customerYKm[i]),
        csvNumber(trace.late[i]),
        csvNumber(trace.feeCny[i]),
      ]),
    );
  }
  return parts.join('');
}
