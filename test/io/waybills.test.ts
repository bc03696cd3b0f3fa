// The waybill importers on small files written here in the published TSL-Meituan layout, with answers worked out by
// hand from the rows of waybillFixtures.ts (times in minutes after 11:00 local, 2022-10-17):
//   order 1: refused by B, then A grabs +2, fetch +12, arrive +25, promise +30, placed +0   → click-to-door 25, on time
//   order 2: A grabs +6 (order 1 in the bag: bag 2), fetch +14, arrive +40, promise +35, placed +5 → 35, late 5 min
//   order 3: B grabs +61, fetch +70, arrive +100, promise +90, placed +60                 → 40, late 10 min (> 8)
//   order 4: A grabs +50 (bag empty again: a new wave), fetch +55, arrive +70, promise +78, placed +48 → 22, on time
//   order 5: pre-booked (placed −120, promise +120), B grabs +101, arrive +115: out of the order timings
//   order 6: never grabbed, placed +120, promise +150
//   waybill 21 appears twice: one duplicate row.
import { describe, expect, it } from 'vitest';
import { loadTargets } from '../../src/analysis/calibrate/targets.ts';
import { CsvLineReader } from '../../src/io/csvLines.ts';
import { dayOfYmd } from '../../src/io/geoTime.ts';
import { ClusteredRatio, quantileInterval, type Figure } from '../../src/io/observed.ts';
import { DataFormatError, type RecordSink } from '../../src/io/records.ts';
import { WaybillObserver, waybillTargets } from '../../src/io/waybillObserve.ts';
import { WaybillReplayBuilder, waybillScenario } from '../../src/io/waybillReplay.ts';
import { WAYBILL_COLUMNS } from '../../src/io/waybillRow.ts';
import { WaveObserver } from '../../src/io/waves.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import {
  generateWaybills,
  nextDay,
  smallWaybills,
  T0,
  waybill,
  waybillCsv,
  type WaybillSpec,
} from './waybillFixtures.ts';

/** Feeds CSV text to a sink in pieces of `piece` characters (to cross every line boundary), as a stream would. */
function feed(sink: RecordSink, text: string, file = 'w.csv', piece = 7): void {
  const reader = new CsvLineReader(sink, file);
  for (let i = 0; i < text.length; i += piece) reader.push(text.slice(i, i + piece));
  reader.end();
}

function observe(text: string, waves?: string): ReturnType<WaybillObserver['finish']> {
  const obs = new WaybillObserver('w.csv');
  feed(obs, text);
  let w;
  if (waves !== undefined) {
    const wo = new WaveObserver('waves.csv');
    feed(wo, waves, 'waves.csv');
    w = wo.finish();
  }
  return obs.finish(w);
}

const byId = (figures: Figure[]) => new Map(figures.map((f) => [f.id, f]));

/** The message of the DataFormatError that reading `text` throws. */
function refusal(text: string, make: () => RecordSink = () => new WaybillObserver('w.csv')): string {
  try {
    feed(make(), text);
  } catch (e) {
    expect(e).toBeInstanceOf(DataFormatError);
    return (e as DataFormatError).problems.join('\n');
  }
  throw new Error('expected a DataFormatError');
}

describe('interval helpers', () => {
  it('clusters a mean by group: two groups {1, 3} and {5}', () => {
    const m = new ClusteredRatio();
    m.add(0, 1);
    m.add(0, 3);
    m.add(1, 5);
    // mean 3; residual sums −2 and +2; variance 2/1 × 8 / 3² = 16/9; t(1 df) = 12.706205.
    const i = m.interval();
    expect(i.value).toBe(3);
    expect(i.hi - 3).toBeCloseTo(12.706205 * (4 / 3), 9);
    expect(3 - i.lo).toBeCloseTo(12.706205 * (4 / 3), 9);
  });

  it('treats group −1 as independent rows, and a ratio Σy ÷ Σx', () => {
    const r = new ClusteredRatio();
    r.add(-1, 1, 2);
    r.add(-1, 3, 2);
    // R = 4/4 = 1; residuals −1, +1; variance 2/1 × 2 / 16 = 1/4; half-width 12.706205 × 0.5.
    const i = r.interval();
    expect(i.value).toBe(1);
    expect(i.hi).toBeCloseTo(1 + 12.706205 * 0.5, 9);
  });

  it('gives a quantile with order-statistic bounds', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, k) => k + 1);
    const q = quantileInterval(sorted, 0.5);
    // value 50.5; ranks 50 ∓ 1.96 × 5 = 40.2 and 59.8 → the 40th and 60th values.
    expect(q).toEqual({ value: 50.5, lo: 40, hi: 60, n: 100 });
  });
});

describe('observe waybills', () => {
  const obs = observe(waybillCsv(smallWaybills()));
  const f = byId(obs.figures);
  const v = (id: string) => f.get(id)?.value;

  it('counts rows, duplicates, orders, refusals and pre-booked orders', () => {
    expect(obs.counts).toMatchObject({
      rows: 8,
      duplicateRows: 1,
      waybills: 7,
      orders: 6,
      deliveredOrders: 5,
      notGrabbed: 2,
      prebookedOrders: 1,
      couriers: 2,
      courierDays: 2,
      days: [{ day: '20221017', rows: 7 }],
    });
  });

  it('computes the order timings by hand', () => {
    expect(v('click-to-door-mean')).toBe(30.5); // (25 + 35 + 40 + 22) / 4
    expect(v('click-to-door-p50')).toBe(30); // (25 + 35) / 2
    expect(v('click-to-door-p10')).toBe(22.9); // 22 + 0.3 × 3
    expect(v('click-to-door-p90')).toBe(38.5); // 35 + 0.7 × 5
    expect(v('promised-mean')).toBe(30); // orders 1, 2, 3, 4, 6: 30 min each
    expect(f.get('promised-mean')?.n).toBe(5);
    expect(v('promised-1-2-km-mean')).toBe(30); // 0.0135° of latitude ≈ 1.50 km
    expect(f.get('promised-0-1-km-mean')?.n).toBe(0);
    expect(v('on-time')).toBe(0.5); // orders 1 and 4
    expect(v('late-over-8')).toBe(0.25); // order 3
    expect(v('accept-to-pickup-mean')).toBe(8); // (10 + 8 + 9 + 5) / 4
    expect(v('pickup-to-door-mean')).toBe(21); // (13 + 26 + 30 + 15) / 4
    expect(v('waybills-per-order')).toBe(1.17); // 7 / 6
    expect(v('not-grabbed-share')).toBe(0.2857); // 2 / 7
  });

  it('computes bags, waves and courier-days by hand', () => {
    // Accepts: A at 11:02 (1), 11:06 (2), 11:50 (1); B at 12:01 (1), 12:41 (1, order 3 delivered at 12:40).
    expect(v('bag-at-peak-mean')).toBe(1.2);
    expect(v('bag-at-peak-p90')).toBe(1.6);
    expect(v('bag-hour-11-mean')).toBe(1.33);
    expect(v('orders-per-wave')).toBe(1.25); // 5 accepts, 4 waves
    expect(f.get('orders-per-wave')?.metric).toBe('service.ordersPerWave');
    // A: 11:02 to 12:10 (68 min active, 88 online), 3 orders; B: 12:01 to 12:55 (54, 74), 2 orders.
    expect(v('orders-per-courier-day-mean')).toBe(2.5);
    expect(v('online-hours-mean')).toBe(1.35); // 81 min
    expect(v('active-hours-mean')).toBe(1.02); // 61 min
    expect(v('over-standard-day')).toBe(0);
    expect(f.get('full-time-orders-mean')?.n).toBe(0);
  });

  it('writes a targets file that calibrate loads, the interval as the range, only figures with data', () => {
    const targets = waybillTargets(obs, { arm: 'strictest', fileName: 'w.csv', sha256: 'ab'.repeat(32) });
    const loaded = loadTargets(JSON.stringify(targets));
    expect(loaded.ok).toBe(true);
    const ids = targets.targets.map((t) => t.id);
    expect(ids).toContain('click-to-door-mean');
    expect(ids).toContain('online-hours-mean');
    expect(ids).not.toContain('full-time-orders-mean'); // no full-time courier-day
    expect(ids).toContain('accept-to-pickup-mean');
    expect(ids).not.toContain('accept-to-pickup-p50'); // no model metric
    expect(targets.targets.find((t) => t.id === 'pickup-to-door-mean')?.metric).toBe('service.pickupToDoorMin.mean');
    for (const t of targets.targets) {
      expect(t.arm).toBe('strictest');
      expect(t.range?.[0]).toBeLessThanOrEqual(t.range?.[1] as number);
      expect(t.note).toContain('ab'.repeat(32));
    }
    const ctd = targets.targets.find((t) => t.id === 'click-to-door-p50');
    expect(ctd?.range).toEqual([22, 40]); // n = 4: ranks clamp to the sample's ends
    expect(targets.description).toContain('Accept to pickup, p50 8.5 min');
    expect(targets.description).not.toContain('Accept to pickup, mean');
  });

  it('reads columns in any order, a pandas index column, a BOM and CRLF line ends', () => {
    const cols = ['', ...[...WAYBILL_COLUMNS].reverse()];
    const rows = smallWaybills().map((r, i) => ({ ...r, '': i }) as WaybillSpec);
    const text = `\uFEFF${waybillCsv(rows, cols).replaceAll('\n', '\r\n')}`;
    const again = observe(text);
    expect(again.figures).toEqual(obs.figures);
  });

  it('reads quoted fields, even one holding a comma and a line break', () => {
    const text = waybillCsv(smallWaybills()).replace('order_id,waybill_id', '"order_id","waybill_id"');
    expect(observe(text).figures).toEqual(obs.figures);
    const withNote = `${waybillCsv(smallWaybills(), [...WAYBILL_COLUMNS, 'note']).trimEnd()}\n`.replace(
      /\n(\d+,11,.*)$/m,
      '\n$1"a, b\nc"',
    );
    expect(observe(withNote).counts.rows).toBe(8);
  });

  it('takes orders per wave from the wave file when given', () => {
    const waves = [
      'courier_id,wave_id,wave_start_time,wave_end_time,order_ids',
      `101,1,${T0 + 120},${T0 + 2400},"[1, 2]"`,
      `101,2,${T0 + 3000},${T0 + 4200},[4]`,
      `102,1,${T0 + 3660},${T0 + 6000},[3]`,
      `102,1,${T0 + 3660},${T0 + 6000},[3]`,
      `102,2,${T0 + 6060},${T0 + 6900},['5']`,
      `103,1,${T0},${T0 + 60},[]`,
    ].join('\n');
    const w = observe(waybillCsv(smallWaybills()), waves);
    const g = byId(w.figures);
    expect(g.get('orders-per-wave')?.value).toBe(1.25); // 5 orders in 4 waves (the empty one left out)
    expect(g.get('orders-per-wave')?.n).toBe(4);
    expect(g.get('wave-minutes-mean')?.value).toBe(27.75); // (38 + 20 + 39 + 14) / 4
    expect(g.get('orders-per-wave-derived')?.metric).toBeUndefined();
  });
});

describe('observe waybills on a generated file', () => {
  it('derives the same orders per wave from the waybills as the wave file counts', () => {
    let waybills = '';
    let waves = '';
    generateWaybills(
      5000,
      (t) => void (waybills += t),
      2,
      3,
      (t) => void (waves += t),
    );
    const obs = observe(waybills, waves);
    const f = byId(obs.figures);
    expect(obs.counts.rows).toBe(5000);
    expect(f.get('orders-per-wave-derived')?.value).toBe(f.get('orders-per-wave')?.value);
    // Every order is delivered; one waybill in eight is refused first.
    expect(obs.counts.deliveredOrders).toBe(obs.counts.orders);
    expect(f.get('waybills-per-order')?.value).toBeCloseTo(1.125, 1);
  });
});

describe('observe waybills refuses malformed input at its first bad line', () => {
  const rows = smallWaybills();
  const bad = (over: Partial<WaybillSpec>, at = 2) => {
    const copy = [...rows];
    copy[at] = { ...(copy[at] as WaybillSpec), ...over };
    return waybillCsv(copy);
  };

  it('names missing and repeated columns, and a file that is not a waybill file', () => {
    const cols = WAYBILL_COLUMNS.filter((c) => c !== 'grab_time' && c !== 'arrive_time');
    expect(refusal(waybillCsv(rows, cols))).toBe('w.csv:1: missing columns grab_time, arrive_time');
    expect(refusal(waybillCsv(rows, [...WAYBILL_COLUMNS, 'dt']))).toBe('w.csv:1: column "dt" appears twice');
    expect(refusal('rider_id,accepted_at\nx,y\n')).toMatch(
      /^w\.csv:1: missing columns order_id, .* \(is this a waybill file\? its header names none of them\)$/,
    );
    expect(refusal('')).toBe('w.csv:1: the file is empty (no header line)');
  });

  it('refuses a row with the wrong number of fields', () => {
    const text = waybillCsv(rows).replace(/\n([^\n]*)\n$/, '\n$1,extra\n');
    expect(refusal(text)).toBe('w.csv:9: expected 23 fields as in the header, found 24');
  });

  it('refuses non-numeric times and times in the wrong unit', () => {
    expect(refusal(bad({ grab_time: '11:02' }))).toBe("w.csv:4: grab_time '11:02' is not a time in whole Unix seconds");
    expect(refusal(bad({ arrive_time: T0 * 1000 }))).toBe(
      `w.csv:4: arrive_time ${T0 * 1000} is not a Unix time in seconds between the years 2000 and 2100`,
    );
    expect(refusal(bad({ platform_order_time: 0 }))).toBe(
      'w.csv:4: platform_order_time is missing (0): every waybill has an order time',
    );
  });

  it('refuses times out of order, as implausible rows located by column', () => {
    expect(refusal(bad({ arrive_time: T0 + 60, fetch_time: 0 }))).toBe(
      `w.csv:4: arrive_time (column 21) ${T0 + 60} is before grab_time ${T0 + 360}: delivered before it was accepted [implausible: times out of order]`,
    );
    expect(refusal(bad({ fetch_time: T0 + 60 }))).toBe(
      `w.csv:4: fetch_time (column 20) ${T0 + 60} is before grab_time ${T0 + 360}: picked up before it was accepted [implausible: times out of order]`,
    );
    expect(refusal(bad({ fetch_time: T0 + 1800, arrive_time: T0 + 1700 }))).toMatch(
      /^w\.csv:4: arrive_time \(column 21\) \d+ is before fetch_time \d+: delivered before it was picked up \[implausible: times out of order\]$/,
    );
  });

  it('refuses coordinates out of range, bad dates, flags and ids', () => {
    expect(refusal(bad({ sender_lat: 95000000 }))).toBe(
      'w.csv:4: sender_lat 95000000 is outside the valid range of ±90 degrees (× 10⁶ = ±90000000)',
    );
    expect(refusal(bad({ recipient_lng: -181000000 }))).toMatch(
      /recipient_lng -181000000 is outside the valid range of ±180/,
    );
    expect(refusal(bad({ sender_lng: 'east' }))).toBe("w.csv:4: sender_lng 'east' is not a number (degrees × 10⁶)");
    expect(refusal(bad({ dt: 20221345 }))).toBe("w.csv:4: dt '20221345' is not a date written YYYYMMDD");
    expect(refusal(bad({ is_courier_grabbed: 2 }))).toBe("w.csv:4: is_courier_grabbed '2' must be 0 or 1");
    expect(refusal(bad({ order_id: '' }))).toBe("w.csv:4: order_id '' is not an id (1–40 characters, no spaces)");
  });

  it('refuses a stray or unclosed quote', () => {
    expect(refusal(waybillCsv(rows).replace('\n1,11,', '\n1,1"1",'))).toMatch(/^w\.csv:2: a field has a stray quote/);
    expect(refusal(`${waybillCsv(rows)}"7,71\n`)).toBe('w.csv:10: a quoted field is never closed');
  });

  it('refuses a bad wave file', () => {
    const wave = (line: string) =>
      refusal(`courier_id,wave_id,wave_start_time,wave_end_time,order_ids\n${line}\n`, () => new WaveObserver('w.csv'));
    expect(wave(`1,1,${T0 + 60},${T0},[1]`)).toBe(
      `w.csv:2: wave_end_time (column 4) ${T0} is before wave_start_time ${T0 + 60}: the wave ends before it starts [implausible: times out of order]`,
    );
    expect(wave(`1,1,${T0},${T0 + 60},1;2`)).toBe("w.csv:2: order_ids '1;2' is not a list like [123, 456]");
    expect(wave(`1,1,${T0},${T0 + 60},"[1,,2]"`)).toBe("w.csv:2: order_ids '[1,,2]' has an empty item");
  });
});

describe('import waybills', () => {
  const build = (text: string, options: ConstructorParameters<typeof WaybillReplayBuilder>[1] = {}) => {
    const b = new WaybillReplayBuilder('w.csv', options);
    feed(b, text);
    return b.finish('w.csv');
  };

  it('builds the replay by hand: minutes from local midnight, couriers online 10 min either side, ids renamed', () => {
    const r = build(waybillCsv(smallWaybills()));
    expect(r.day).toBe('20221017');
    expect(r.originUnix).toBe(T0 - 11 * 3600);
    const { orders, couriers, restaurants, parameters } = r.instance;
    // Order 1 placed 11:00 (minute 660), ready 11:10; order 5 pre-booked at 09:00, ready 12:40.
    expect(orders.map((o) => [o.id, o.placementMin, o.readyMin, o.restaurant])).toEqual([
      ['o1', 660, 670, 'r1'],
      ['o2', 665, 675, 'r1'],
      ['o3', 720, 730, 'r2'],
      ['o4', 708, 715, 'r1'],
      ['o5', 540, 760, 'r1'],
      ['o6', 780, 790, 'r1'],
    ]);
    // B (first seen refusing order 1) grabs 12:01–12:55 → 711–785; A grabs 11:02, last delivery 12:10 → 652–740.
    expect(couriers.map((c) => [c.id, c.onMin, c.offMin])).toEqual([
      ['c1', 711, 785],
      ['c2', 652, 740],
    ]);
    // The plane's origin is the mean sender position over the six orders: 45.0 + 0.01 / 6 degrees north.
    const metresPerDegree = (6371008.8 * Math.PI) / 180;
    expect(restaurants[0]?.yM).toBe(Math.round(-(0.01 / 6) * metresPerDegree));
    expect(restaurants[1]?.yM).toBe(Math.round((0.01 - 0.01 / 6) * metresPerDegree));
    expect(orders[0]?.yM).toBe(Math.round((0.0135 - 0.01 / 6) * metresPerDegree));
    expect(parameters).toMatchObject({ metersPerMinute: 250, targetClickToDoorMin: 30, maxClickToDoorMin: 90 });
    expect(r.counts).toMatchObject({ rows: 8, duplicateRows: 1, speedTrips: 3 });
  });

  it('makes a valid replay scenario that records the digest and none of the data ids', () => {
    const r = build(waybillCsv(smallWaybills()));
    const scenario = waybillScenario(r, { fileName: 'w.csv', sha256: 'cd'.repeat(32) });
    const loaded = validateScenario(scenario);
    expect(loaded.ok).toBe(true);
    const text = JSON.stringify(scenario);
    expect(text).toContain('cd'.repeat(32));
    expect(text).not.toMatch(/"(101|102|900|901|11|12|21)"/);
    expect(scenario.meta?.description).toContain('Minute 0 is 2022-10-17 00:00 +08:00');
  });

  it('asks for --day when the file holds several days, and filters by area', () => {
    const rows = [...smallWaybills(), nextDay({ order_id: 9, waybill_id: 91, da_id: 8 })];
    const text = waybillCsv(rows);
    expect(() => build(text)).toThrow(
      'w.csv: the file holds 2 days: 20221017 (7 rows), 20221018 (1 rows); choose one with --day YYYYMMDD',
    );
    expect(() => build(text, { day: dayOfYmd('20221020') })).toThrow(
      /no rows on 20221020 \(days: 20221017, 20221018\)/,
    );
    const area8 = build(text, { area: '8' });
    expect(area8.day).toBe('20221018');
    expect(area8.instance.orders).toHaveLength(1);
  });

  it('keeps minute 0 at local midnight: an order pre-booked the evening before is placed at minute 0', () => {
    const early = waybill({ order_id: 8, waybill_id: 81, is_prebook: 1, platform_order_time: T0 - 12 * 3600 });
    const r = build(waybillCsv([...smallWaybills(), early]));
    expect(r.originUnix).toBe(T0 - 11 * 3600);
    expect(r.counts.ordersPlacedBefore).toBe(1);
    expect(r.instance.orders.at(-1)).toMatchObject({ placementMin: 0, readyMin: 670 });
  });

  it('measures speed on trips made with nothing else in the bag', () => {
    // 25 trips of 0.0135° north (1501.13 m), each alone: pickup to door 8 min, less 4 min of service → 4 min.
    const rows: WaybillSpec[] = [];
    for (let k = 0; k < 25; k++) {
      const t = T0 + k * 1800;
      rows.push(
        waybill({
          order_id: k + 1,
          waybill_id: k + 1,
          platform_order_time: t,
          estimate_arrived_time: t + 1800,
          grab_time: t + 60,
          fetch_time: t + 600,
          arrive_time: t + 1080,
        }),
      );
    }
    const r = build(waybillCsv(rows));
    expect(r.counts.speedTrips).toBe(25);
    expect(r.instance.parameters.metersPerMinute).toBe(Math.round((0.0135 * Math.PI * 6371008.8) / 180 / 4));
  });
});
