// `fairpace observe trace` on a small order trace written here in the layout of `fairpace run --orders`, with the
// figures worked out by hand. Times are seconds from the midnight of day 0 (39600 = 11:00); every restaurant is at
// (0, 0) km, so an order's distance is its customer's distance from the origin.
//
//   order  courier  placed  grab   fetch  arrive  promise  click-to-door  accept→pickup  pickup→door  late by  bag
//   1      7        39000   39600  40200  40800   40500    30             10             10           5 min    1 (11:00, a wave starts)
//   2      7        39300   39900  40200  41400   41400    35              5             20           0        2 (11:05)
//   3      7        39900   40500  41100  42000   41400    35             10             15           10 min   3 (11:15)
//   4      9        60000   60600  61200  62400   61800    40             10             20           10 min   1 (16:50, not peak; a wave starts)
//   5      9        61500   61800  61800  63000   63600    25              0             20           early    2 (17:10)
//   6      —        62000   —      —      —       63800    (never accepted: promised 30 min, not delivered)
//
// Courier 7 has one wave of 3 orders, courier 9 one of 2: orders per wave (3 + 2) ÷ 2 = 2.5.
// Click-to-door 30, 35, 35, 40, 25: mean 33; sorted 25, 30, 35, 35, 40 → p10 27, p50 35, p90 38. The mean's
// interval is clustered by courier: residuals 100 − 3·33 = 1 and 65 − 2·33 = −1, se = √(2/1 · 2 / 5²) = 0.4, and
// t(1) = 12.706205, so 33 ± 5.08248 → [27.91, 38.09].
// Accept→pickup 10, 5, 10, 10, 0: mean 7; sorted 0, 5, 10, 10, 10 → p10 2, p50 10, p90 10.
// Pickup→door 10, 20, 15, 20, 20: mean 17; sorted 10, 15, 20, 20, 20 → p10 12, p50 20, p90 20.
// Promised 25, 35, 25, 30, 35, 30 (all six orders): mean 30. On time (at or before the promise): orders 2 and 5,
// 2/5 = 0.4. Late by more than 8 min: orders 3 and 4, 2/5 = 0.4. Delivered share 5/6 = 0.8333.
// Bag at the peak (11, 12, 17, 18 h): 1, 2, 3 and 2 (order 4 is at 16:50) → mean 2, p50 2, p90 2.7 (sorted 1, 2, 2, 3).
// Courier-days: each courier's first accept to last delivery is 2400 s, so 40 min active + 2 × 10 min = 1 h online;
// 3 and 2 orders → 2.5 orders per courier-day.
import { describe, expect, it } from 'vitest';
import { loadTargets } from '../../src/analysis/calibrate/targets.ts';
import { CsvLineReader } from '../../src/io/csvLines.ts';
import type { Figure } from '../../src/io/observed.ts';
import { ORDER_TRACE_COLUMNS } from '../../src/io/orderTrace.ts';
import { DataFormatError } from '../../src/io/records.ts';
import { TraceObserver, traceCountsSentence, traceTargets } from '../../src/io/traceObserve.ts';

type Column = (typeof ORDER_TRACE_COLUMNS)[number];
type Row = Partial<Record<Column, string | number>>;

/** A trace row: the given fields, the rest as `fairpace run --orders` would write them. */
function row(over: Row): Row {
  return { arm: 'median', seed: 1, day: 0, restaurant_x_km: 0, restaurant_y_km: 0, late: '', fee: '', ...over };
}

const ROWS: Row[] = [
  [1, 7, 39000, 39600, 40200, 40800, 40500, 0.5, 0],
  [2, 7, 39300, 39900, 40200, 41400, 41400, 1.5, 0],
  [3, 7, 39900, 40500, 41100, 42000, 41400, 3, 4],
  [4, 9, 60000, 60600, 61200, 62400, 61800, 0, 0.6],
  [5, 9, 61500, 61800, 61800, 63000, 63600, 2.5, 0],
  [6, '', 62000, '', '', '', 63800, 1.2, 0],
].map(([id, courier, placed, grab, fetch, arrive, promise, x, y]) =>
  row({
    order_id: id,
    courier_id: courier,
    platform_order_time: placed,
    estimate_meal_prepare_time: placed,
    dispatch_time: grab,
    grab_time: grab,
    fetch_time: fetch,
    arrive_time: arrive,
    estimate_arrived_time: promise,
    customer_x_km: x,
    customer_y_km: y,
  }),
);

/** The rows as CSV with CRLF line ends and a byte-order mark, as `fairpace run --orders` writes them. */
function traceCsv(rows: Row[], columns: readonly string[] = ORDER_TRACE_COLUMNS): string {
  const line = (cells: (string | number | undefined)[]) => `${cells.map((c) => String(c ?? '')).join(',')}\r\n`;
  return `\ufeff${line([...columns])}${rows.map((r) => line(columns.map((c) => r[c as Column]))).join('')}`;
}

/** Feeds CSV text to a new observer in pieces of 5 characters (crossing every line boundary). */
function observe(text: string, peakHours?: number[]): ReturnType<TraceObserver['finish']> {
  const obs = new TraceObserver('t.csv', peakHours ? { peakHours } : {});
  const reader = new CsvLineReader(obs, 't.csv');
  for (let i = 0; i < text.length; i += 5) reader.push(text.slice(i, i + 5));
  reader.end();
  return obs.finish();
}

/** The message of the DataFormatError that reading `text` throws. */
function refusal(text: string): string {
  try {
    observe(text);
  } catch (e) {
    expect(e).toBeInstanceOf(DataFormatError);
    return (e as DataFormatError).problems.join('\n');
  }
  throw new Error('expected a DataFormatError');
}

const byId = (figures: Figure[]) => new Map(figures.map((f) => [f.id, f]));
/** A figure's value, interval and n. */
const stat = (figures: Map<string, Figure>, id: string) => {
  const f = figures.get(id);
  return f && [f.value, f.lo, f.hi, f.n];
};

describe('observe trace', () => {
  const obs = observe(traceCsv(ROWS));
  const f = byId(obs.figures);

  it('counts the orders, deliveries, couriers and courier-days', () => {
    expect(obs.counts).toEqual({
      orders: 6,
      deliveredOrders: 5,
      undeliveredOrders: 1,
      acceptedNotDelivered: 0,
      ordersWithoutPromise: 0,
      couriers: 2,
      courierDays: 2,
      days: [{ day: 0, orders: 6 }],
      arms: ['median'],
      seeds: ['1'],
    });
    expect(obs.ignoredColumns).toEqual([]);
    expect(traceCountsSentence(obs.counts)).toBe(
      '6 orders over 1 day (day 0) of arm median, seed 1: 5 delivered by 2 couriers on 2 courier-days; 1 not delivered (0 of them accepted, still in a bag at the end), 0 orders without a promise.',
    );
  });

  it('has click-to-door, its mean clustered by courier', () => {
    expect(stat(f, 'click-to-door-mean')).toEqual([33, 27.91, 38.09, 5]);
    expect(f.get('click-to-door-mean')?.metric).toBe('service.clickToDoorMin.mean');
    expect(stat(f, 'click-to-door-p10')?.[0]).toBe(27);
    expect(stat(f, 'click-to-door-p50')).toEqual([35, 25, 40, 5]);
    expect(stat(f, 'click-to-door-p90')?.[0]).toBe(38);
  });

  it('has the promise over every order, by distance band', () => {
    expect(stat(f, 'promised-mean')?.slice(0, 1)).toEqual([30]);
    expect(f.get('promised-mean')?.n).toBe(6);
    expect(stat(f, 'promised-0-1-km-mean')?.[0]).toBe(27.5); // orders 1 (0.5 km) and 4 (0.6 km)
    expect(stat(f, 'promised-1-2-km-mean')?.[0]).toBe(32.5); // orders 2 (1.5 km) and 6 (1.2 km)
    expect(stat(f, 'promised-2-3-km-mean')?.[0]).toBe(35); // order 5
    expect(stat(f, 'promised-5plus-km-mean')?.[0]).toBe(25); // order 3, (3, 4) km: 5 km
    expect(f.get('promised-3-4-km-mean')?.n).toBe(0);
  });

  it('has the on-time, late-over-8 and delivered shares', () => {
    expect(stat(f, 'on-time')?.[0]).toBe(0.4);
    expect(stat(f, 'late-over-8')?.slice(0, 1)).toEqual([0.4]);
    expect(f.get('late-over-8')?.metric).toBe('service.lateOver8MinRate');
    expect(stat(f, 'delivered-share')?.[0]).toBe(0.8333);
    expect(f.get('delivered-share')?.n).toBe(6);
  });

  it('has accept → pickup and pickup → door, mean and quantiles', () => {
    expect(['mean', 'p10', 'p50', 'p90'].map((p) => stat(f, `accept-to-pickup-${p}`)?.[0])).toEqual([7, 2, 10, 10]);
    expect(['mean', 'p10', 'p50', 'p90'].map((p) => stat(f, `pickup-to-door-${p}`)?.[0])).toEqual([17, 12, 20, 20]);
    expect(f.get('accept-to-pickup-p50')?.n).toBe(5);
    // The means are held against the model's metrics; the quantiles are not.
    expect(f.get('accept-to-pickup-mean')?.metric).toBe('service.acceptToPickupMin.mean');
    expect(f.get('pickup-to-door-mean')?.metric).toBe('service.pickupToDoorMin.mean');
    expect(f.get('accept-to-pickup-p50')?.metric).toBeUndefined();
  });

  it('has the bag at the peak, by hour, and orders per wave', () => {
    expect(stat(f, 'bag-at-peak-mean')?.[0]).toBe(2);
    expect(f.get('bag-at-peak-mean')?.n).toBe(4);
    expect(stat(f, 'bag-at-peak-p50')?.[0]).toBe(2);
    expect(stat(f, 'bag-at-peak-p90')?.[0]).toBe(2.7);
    expect(stat(f, 'bag-hour-11-mean')?.[0]).toBe(2);
    expect(stat(f, 'bag-hour-16-mean')?.[0]).toBe(1);
    expect(stat(f, 'bag-hour-17-mean')?.[0]).toBe(2);
    expect(stat(f, 'orders-per-wave')).toEqual([2.5, 0, 8.86, 2]); // 2.5 ± 12.706205 · 0.5
    expect(f.get('orders-per-wave')?.metric).toBe('service.ordersPerWave');
  });

  it('takes the peak hours it is given', () => {
    const other = byId(observe(traceCsv(ROWS), [16]).figures);
    expect(stat(other, 'bag-at-peak-mean')?.slice(0, 1)).toEqual([1]); // only order 4
    expect(other.get('bag-at-peak-mean')?.n).toBe(1);
  });

  it('has the courier-day figures', () => {
    expect(stat(f, 'orders-per-courier-day-mean')?.[0]).toBe(2.5);
    expect(stat(f, 'online-hours-mean')?.[0]).toBe(1);
    expect(stat(f, 'active-hours-mean')?.[0]).toBe(0.67);
    expect(stat(f, 'over-standard-day')?.[0]).toBe(0);
  });

  it('keeps an accepted, undelivered order in the bag: later accepts join its wave', () => {
    const rows = [
      row({ order_id: 1, courier_id: 3, platform_order_time: 39000, grab_time: 39600, fetch_time: 40000 }),
      row({ order_id: 2, courier_id: 3, platform_order_time: 43000, grab_time: 43200, fetch_time: 43800 }),
      row({ order_id: 3, courier_id: 3, platform_order_time: 43100, grab_time: 43500, fetch_time: 43800 }),
    ].map((r): Row => ({ ...r, estimate_arrived_time: 50000, customer_x_km: 1, customer_y_km: 0 }));
    rows[2] = { ...(rows[2] as Row), arrive_time: 44400 };
    const o = observe(traceCsv(rows));
    const g = byId(o.figures);
    expect(o.counts).toMatchObject({ deliveredOrders: 1, acceptedNotDelivered: 2, courierDays: 1 });
    // Accepts at 11:00, 12:00, 12:05 with nothing delivered before them: bags 1, 2, 3, one wave of 3.
    expect(stat(g, 'bag-at-peak-mean')?.[0]).toBe(2);
    expect(stat(g, 'orders-per-wave')?.[0]).toBe(3);
    // The courier-day holds the delivered order only: 1 order, 12:05 to 12:20 active.
    expect(stat(g, 'orders-per-courier-day-mean')?.[0]).toBe(1);
    expect(stat(g, 'active-hours-mean')?.[0]).toBe(0.25);
    expect(stat(g, 'delivered-share')?.[0]).toBe(0.3333);
  });

  it('becomes a targets file in the layout of observe waybills', () => {
    const targets = traceTargets(obs, { arm: 'median', fileName: 'o.csv', sha256: 'ab'.repeat(32), year: 2026 });
    const loaded = loadTargets(JSON.stringify(targets));
    expect(loaded.ok).toBe(true);
    const ids = targets.targets.map((t) => t.id);
    expect(ids).toContain('click-to-door-mean');
    expect(ids).toContain('orders-per-wave');
    expect(ids).not.toContain('delivered-share');
    expect(targets.targets.find((t) => t.id === 'click-to-door-mean')?.range).toEqual([27.91, 38.09]);
    expect(targets.description).toContain('Delivered share 0.8333 share');
  });
});

describe('observe trace refuses malformed input at its first bad line', () => {
  const bad = (at: number, over: Row) => traceCsv(ROWS.map((r, i) => (i === at ? { ...r, ...over } : r)));

  it('names missing columns and a file that is not a trace', () => {
    const cols = ORDER_TRACE_COLUMNS.filter((c) => c !== 'grab_time' && c !== 'arrive_time');
    expect(refusal(traceCsv(ROWS, cols))).toBe('t.csv:1: missing columns grab_time, arrive_time');
    expect(refusal('order_id,waybill_id\n1,2\n')).toMatch(/^t\.csv:1: missing columns courier_id, platform_order_time/);
    expect(refusal('rider_id,accepted_at\nx,y\n')).toMatch(
      /\(is this an order trace of fairpace run --orders\? its header names none of them\)$/,
    );
  });

  it('refuses non-numbers, with the line', () => {
    // Row i is on line i + 2 (the header is line 1).
    expect(refusal(bad(1, { grab_time: 'abc' }))).toBe(
      "t.csv:3: grab_time 'abc' is not a time (seconds from the midnight of day 0, not negative)",
    );
    expect(refusal(bad(4, { platform_order_time: '' }))).toBe(
      't.csv:6: platform_order_time is empty: every order has one',
    );
    expect(refusal(bad(0, { customer_x_km: '1,5' }))).toBe('t.csv:2: expected 19 fields as in the header, found 20');
    expect(refusal(bad(2, { customer_y_km: 'x' }))).toBe("t.csv:4: customer_y_km 'x' is not a number of km");
    expect(refusal(bad(2, { day: '-1' }))).toBe("t.csv:4: day '-1' is not a day number (0, 1, 2 …)");
  });

  it('refuses times out of order, a courier without an acceptance, and an order read twice', () => {
    expect(refusal(bad(0, { fetch_time: 39500 }))).toBe(
      't.csv:2: fetch_time 39500 is before grab_time 39600: picked up before it was accepted',
    );
    expect(refusal(bad(0, { arrive_time: 40000 }))).toBe(
      't.csv:2: arrive_time 40000 is before fetch_time 40200: delivered before it was picked up',
    );
    expect(refusal(bad(0, { grab_time: '' }))).toBe(
      't.csv:2: courier_id 7 without grab_time: when did the courier accept it?',
    );
    expect(refusal(bad(5, { grab_time: 62100 }))).toBe(
      't.csv:7: grab_time 62100 without a courier_id: only an accepted order has one',
    );
    expect(refusal(bad(3, { order_id: 2 }))).toBe(
      't.csv:5: order_id 2 was already read on line 3: a trace holds one run, each order once',
    );
  });
});
