// The order trace of `fairpace run --orders`: one row per order, the run's delivered and undelivered counts, times in
// order, and the TSL-Meituan column names.
import { describe, expect, it } from 'vitest';
import { csvRows } from '../../src/format/csv.ts';
import { ORDER_TRACE_COLUMNS, orderTraceCsv } from '../../src/io/orderTrace.ts';
import { Scenario } from '../../src/scenario/schema.ts';
import { simulate } from '../../src/sim/simulate.ts';

describe('the order trace', () => {
  const s = Scenario.parse({ schemaVersion: 2, population: { couriers: 15 }, time: { days: 2 } });
  const run = simulate(s, 'median', 4, { orders: true });
  const trace = run.orders!;

  it('has one row per order placed, delivered and undelivered as the run counts them', () => {
    const m = run.metrics.service;
    const days = s.time.days;
    expect(trace.day.length).toBe(m.ordersPlaced * days);
    const delivered = trace.deliveredSec.filter((t) => !Number.isNaN(t)).length;
    expect(delivered).toBe(m.ordersDelivered * days);
    expect(trace.day.length - delivered).toBe(m.ordersUndelivered * days);
    expect(new Set(trace.day)).toEqual(new Set([0, 1]));
  });

  it('keeps the times in their order and marks lateness against the promise and grace', () => {
    const grace = s.rules.deadline.graceMin * 60;
    for (let i = 0; i < trace.day.length; i++) {
      if (Number.isNaN(trace.deliveredSec[i]!)) {
        expect(Number.isNaN(trace.late[i]!)).toBe(true);
        continue;
      }
      expect(trace.assignedSec[i]).toBeGreaterThanOrEqual(trace.placeSec[i]!);
      expect(trace.pickedSec[i]).toBeGreaterThanOrEqual(Math.max(trace.assignedSec[i]!, trace.readySec[i]!));
      expect(trace.deliveredSec[i]).toBeGreaterThan(trace.pickedSec[i]!);
      expect(trace.late[i]).toBe(trace.deliveredSec[i]! > trace.promiseSec[i]! + grace ? 1 : 0);
      expect(trace.courier[i]).toBeGreaterThanOrEqual(0);
    }
  });

  it('writes CSV with the waybill data’s column names, empty times for undelivered orders', () => {
    const rows = csvRows(orderTraceCsv(trace, 'median', 4));
    expect(rows[0]).toEqual([...ORDER_TRACE_COLUMNS]);
    expect(rows.length - 1).toBe(trace.day.length);
    const col = (name: (typeof ORDER_TRACE_COLUMNS)[number]) => ORDER_TRACE_COLUMNS.indexOf(name);
    const undelivered = rows.slice(1).filter((r) => r[col('arrive_time')] === '');
    expect(undelivered.length).toBe(run.metrics.service.ordersUndelivered * 2);
    for (const r of undelivered) expect(r[col('late')]).toBe('');
    expect(rows[1]?.[col('order_id')]).toBe('1');
    expect(rows[1]?.[col('arm')]).toBe('median');
  });
});
