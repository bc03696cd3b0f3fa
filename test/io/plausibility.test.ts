// The plausibility bounds of the importers (src/io/plausibility.ts), each on a row that is well formed but that no
// platform could have produced, in the cases of issue 23: a row 77 years after its dt, a delivery 30 days after its
// pickup, a dt that disagrees with the row's times, 0.1 h online on a full working day, a day online with no order.
// By default the reader refuses the row with a located message; with a dropping check it leaves the row out, counts
// it by kind, and the figures are those of the file without it.
import { describe, expect, it } from 'vitest';
import { presetStandards } from '../../src/io/auditStandards.ts';
import { CsvLineReader } from '../../src/io/csvLines.ts';
import { MdrpFormatError, mdrpScenario, readMdrpInstance } from '../../src/io/mdrp.ts';
import type { Figure } from '../../src/io/observed.ts';
import {
  droppedSentence,
  PLAUSIBILITY_BOUNDS,
  PlausibilityCheck,
  refusalLines,
  tooFastKmh,
} from '../../src/io/plausibility.ts';
import { DataFormatError, type RecordSink } from '../../src/io/records.ts';
import { auditRiders, RiderOnlineReader, RiderOrdersReader, RiderRecords } from '../../src/io/riders.ts';
import { WaybillObserver } from '../../src/io/waybillObserve.ts';
import { WaybillReplayBuilder, waybillScenario } from '../../src/io/waybillReplay.ts';
import { WaveObserver } from '../../src/io/waves.ts';
import { smallInstance } from './mdrpFixtures.ts';
import { at, ONLINE_CSV, RIDER_CSV, RIDER_HEADER } from './riderFixtures.ts';
import { MIDNIGHT_1017, smallWaybills, T0, waybill, waybillCsv, type WaybillSpec } from './waybillFixtures.ts';

const MIN = 60;
const DAY = 86400;

function feed(sink: RecordSink, text: string, file: string): void {
  const reader = new CsvLineReader(sink, file);
  reader.push(text);
  reader.end();
}

/** The message of the DataFormatError that `read` throws. */
function refusal(read: () => unknown): string {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(DataFormatError);
    return (e as DataFormatError).problems.join('\n');
  }
  throw new Error('expected a DataFormatError');
}

const observe = (rows: WaybillSpec[], check?: PlausibilityCheck) => {
  const o = new WaybillObserver('w.csv', {}, check);
  feed(o, waybillCsv(rows), 'w.csv');
  return o.finish();
};
const values = (figures: Figure[]) => Object.fromEntries(figures.map((f) => [f.id, [f.value, f.lo, f.hi, f.n]]));

/** The small file with one more row (line 10) for order 7, delivered by courier 101 after its other orders. */
const withRow = (over: Partial<WaybillSpec>) => [
  ...smallWaybills(),
  waybill({
    order_id: 7,
    waybill_id: 71,
    platform_order_time: T0 + 200 * MIN,
    estimate_arrived_time: T0 + 230 * MIN,
    estimate_meal_prepare_time: T0 + 210 * MIN,
    order_push_time: T0 + 200 * MIN,
    dispatch_time: T0 + 201 * MIN,
    grab_time: T0 + 202 * MIN,
    fetch_time: T0 + 212 * MIN,
    arrive_time: T0 + 225 * MIN,
    ...over,
  }),
];
const clean = withRow({});

describe('waybills: a time outside its dt day', () => {
  it('refuses a delivery 77 years after its dt, naming file, line, column and value', () => {
    const late = T0 + 225 * MIN + Math.round(77 * 365.25 * DAY);
    expect(refusal(() => observe(withRow({ arrive_time: late })))).toBe(
      `w.csv:10: arrive_time (column 21) ${late} is 2099-10-17 20:45 +08:00, not on its dt 20221017 or the next day [implausible: a time outside its day]`,
    );
  });

  it('drops it and counts it: online hours and click-to-door are those of the file without the row', () => {
    const late = T0 + 225 * MIN + Math.round(77 * 365.25 * DAY);
    const check = new PlausibilityCheck(true);
    const dropped = observe(withRow({ arrive_time: late }), check);
    expect(dropped.counts.implausible).toEqual({ rows: 1, byKind: { 'outside-day': 1 } });
    expect(dropped.counts.rows).toBe(9);
    const without = observe(smallWaybills());
    expect(values(dropped.figures)).toEqual(values(without.figures));
    expect(check.examples[0]).toMatch(/^w\.csv:10: arrive_time \(column 21\)/);
  });

  it('refuses a delivery 30 days after its pickup', () => {
    expect(refusal(() => observe(withRow({ arrive_time: T0 + 212 * MIN + 30 * DAY })))).toMatch(
      /^w\.csv:10: arrive_time \(column 21\) \d+ is 2022-11-16 14:32 \+08:00, not on its dt 20221017 or the next day/,
    );
  });

  it('refuses a row whose dt disagrees with its times', () => {
    expect(refusal(() => observe(withRow({ dt: 20221019 })))).toBe(
      `w.csv:10: platform_order_time (column 10) ${T0 + 200 * MIN} is 2022-10-17 14:20 +08:00, not on its dt 20221019 or the next day [implausible: a time outside its day]`,
    );
  });

  it('accepts a late-night order delivered after midnight, and a pre-booked order placed the day before', () => {
    const night = MIDNIGHT_1017 + 23 * 3600 + 50 * MIN;
    const lateNight = withRow({
      platform_order_time: night,
      estimate_arrived_time: night + 30 * MIN,
      estimate_meal_prepare_time: night + 10 * MIN,
      order_push_time: night,
      dispatch_time: night + MIN,
      grab_time: night + 2 * MIN,
      fetch_time: night + 12 * MIN,
      arrive_time: night + 40 * MIN,
    });
    expect(observe(lateNight).counts.implausible.rows).toBe(0);
    const dayBefore = MIDNIGHT_1017 - 5 * 3600;
    expect(observe(withRow({ is_prebook: 1, platform_order_time: dayBefore })).counts.deliveredOrders).toBe(6);
    expect(refusal(() => observe(withRow({ platform_order_time: dayBefore })))).toMatch(
      /^w\.csv:10: platform_order_time \(column 10\) \d+ is 2022-10-16 19:00 \+08:00, not on its dt 20221017/,
    );
  });
});

describe('waybills: stages', () => {
  it('refuses a stage longer than a day inside the two days', () => {
    const early = MIDNIGHT_1017 + 10 * MIN;
    const row = withRow({
      platform_order_time: early,
      estimate_arrived_time: early + 30 * MIN,
      estimate_meal_prepare_time: early + 10 * MIN,
      order_push_time: early,
      dispatch_time: early + MIN,
      grab_time: early + 2 * MIN,
      fetch_time: early + 12 * MIN,
      arrive_time: early + 12 * MIN + 25 * 3600,
    });
    expect(refusal(() => observe(row))).toBe(
      `w.csv:10: arrive_time (column 21) ${early + 12 * MIN + 25 * 3600} is 25 h after fetch_time ${early + 12 * MIN}, more than 24 h [implausible: a stage longer than a day]`,
    );
  });

  it('refuses an order accepted before it was placed', () => {
    expect(refusal(() => observe(withRow({ grab_time: T0 + 199 * MIN })))).toBe(
      `w.csv:10: grab_time (column 19) ${T0 + 199 * MIN} is before platform_order_time ${T0 + 200 * MIN}: accepted before it was ordered [implausible: times out of order]`,
    );
  });

  it('refuses a ride faster than any e-bike, and takes a fast one that is not', () => {
    // The fixture's trip is 0.0135° of latitude, 1.50 km: 1.3 km after the slack may take 1.3 min at 60 km/h.
    expect(refusal(() => observe(withRow({ arrive_time: T0 + 213 * MIN })))).toBe(
      `w.csv:10: arrive_time (column 21) ${T0 + 213 * MIN} is 1 min after fetch_time ${T0 + 212 * MIN} for 1.5 km in a straight line from sender to recipient (90 km/h) [implausible: a ride faster than any e-bike]`,
    );
    expect(observe(withRow({ arrive_time: T0 + 214 * MIN })).counts.deliveredOrders).toBe(6);
    expect(tooFastKmh(1.5, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(tooFastKmh(0.2, 0)).toBeUndefined();
  });

  it('counts each kind once per row in the replay import, and says so in the scenario', () => {
    const rows = [
      ...clean,
      waybill({ order_id: 8, waybill_id: 81, grab_time: T0 - MIN }),
      waybill({ order_id: 9, waybill_id: 91, arrive_time: T0 + 13 * MIN }),
      waybill({ order_id: 10, waybill_id: 92, fetch_time: T0 + 12 * MIN + 40 * DAY }),
    ];
    const b = new WaybillReplayBuilder('w.csv', {}, new PlausibilityCheck(true));
    feed(b, waybillCsv(rows), 'w.csv');
    const result = b.finish('w.csv');
    expect(result.counts.implausible).toEqual({
      rows: 3,
      byKind: { 'outside-day': 1, 'out-of-order': 1, 'too-fast': 1 },
    });
    const scenario = waybillScenario(result, { fileName: 'w.csv', sha256: 'ab'.repeat(32) });
    const sentence =
      '3 implausible rows left out: 1 with a time outside its day (outside-day), 1 with times out of order (out-of-order), 1 with a ride faster than any e-bike (too-fast).';
    expect(droppedSentence(result.counts.implausible)).toBe(sentence);
    expect(scenario.meta?.description).toContain(sentence);
    expect(scenario.meta?.sources?.[0]?.note).toContain(sentence);
    expect(() => {
      const refusing = new WaybillReplayBuilder('w.csv');
      feed(refusing, waybillCsv(rows), 'w.csv');
    }).toThrow(/^w\.csv:11: grab_time \(column 19\)/);
  });
});

describe('waves', () => {
  const header = 'dt,courier_id,wave_id,wave_start_time,wave_end_time,order_ids\n';
  it('refuses a wave longer than a day and one outside its dt, and drops them when asked', () => {
    const long = `20221017,1,1,${T0},${T0 + 25 * 3600},[1]\n`;
    const off = `20221017,1,2,${T0 + 3 * DAY},${T0 + 3 * DAY + 60},[2]\n`;
    expect(refusal(() => feed(new WaveObserver('v.csv'), header + long, 'v.csv'))).toBe(
      `v.csv:2: wave_end_time (column 5) ${T0 + 25 * 3600} is 25 h after wave_start_time ${T0}, more than 24 h [implausible: a stage longer than a day]`,
    );
    expect(refusal(() => feed(new WaveObserver('v.csv'), header + off, 'v.csv'))).toMatch(
      /^v\.csv:2: wave_start_time \(column 4\) \d+ is 2022-10-20 11:00 \+08:00, not on its dt 20221017 or the next day/,
    );
    const w = new WaveObserver('v.csv', new PlausibilityCheck(true));
    feed(w, `${header}${long}${off}20221017,1,3,${T0},${T0 + 600},[3]\n`, 'v.csv');
    const got = w.finish();
    expect(got.waves).toBe(1);
    expect(got.implausible).toEqual({ rows: 2, byKind: { 'outside-day': 1, 'over-a-day': 1 } });
  });
});

describe('rider records', () => {
  /** Alice worked 08:00–16:00 on 2024-05-06: eight orders of 55 minutes, 7.33 h engaged. */
  const fullDay = Array.from({ length: 8 }, (_, k) => {
    const h = String(8 + k).padStart(2, '0');
    return `alice-001,${at('06', `${h}:00`)},${at('06', `${h}:10`)},${at('06', `${h}:55`)},3,10,0,`;
  });
  const orders = `${RIDER_HEADER}\n${fullDay.join('\n')}\n`;
  const audit = (online: string, check?: PlausibilityCheck) => {
    const records = new RiderRecords(check);
    feed(new RiderOrdersReader('r.csv', records), orders, 'r.csv');
    feed(new RiderOnlineReader('o.csv', records), online, 'o.csv');
    return auditRiders(records, presetStandards('yantai-2021'), 'a salt of the union');
  };

  it('refuses 0.1 h online on a full working day (which gave 655 CNY/h)', () => {
    expect(refusal(() => audit('rider_id,date,online_hours\nalice-001,2024-05-06,0.1\n'))).toBe(
      'o.csv:2: online_hours (column 3) 0.1 is shorter than the 7.33 h this rider-day spent on orders (accepted_at to delivered_at) [implausible: online hours shorter than the hours spent on orders]',
    );
    // 14 minutes short is rounding, and passes.
    expect(audit('rider_id,date,online_hours\nalice-001,2024-05-06,7.1\n').counts.implausible.rows).toBe(0);
  });

  it('drops the online row: the day keeps its orders and leaves the hour figures', () => {
    const a = audit('rider_id,date,online_hours\nalice-001,2024-05-06,0.1\n', new PlausibilityCheck(true));
    expect(a.counts.implausible).toEqual({ rows: 1, byKind: { 'online-short': 1 } });
    expect(a.counts.daysWithoutOnline).toBe(1);
    expect(a.figures.find((f) => f.id === 'net-per-hour-mean')?.n).toBe(0);
  });

  it('counts the days of the online file without an order (zero-pay days)', () => {
    const records = new RiderRecords();
    feed(new RiderOrdersReader('r.csv', records), RIDER_CSV, 'r.csv');
    feed(new RiderOnlineReader('o.csv', records), ONLINE_CSV, 'o.csv');
    const a = auditRiders(records, presetStandards('yantai-2021'), 'a salt of the union');
    expect(a.counts.onlineDaysWithoutOrders).toBe(1); // bob, 2024-05-08
  });

  const one = (cells: string) => `${RIDER_HEADER}\n${cells}\n`;
  const read = (text: string) => () => {
    const records = new RiderRecords();
    feed(new RiderOrdersReader('r.csv', records), text, 'r.csv');
  };

  it('refuses a ride faster than any e-bike, and a promise more than a day from acceptance', () => {
    expect(refusal(read(one(`x,${at('06', '10:00')},${at('06', '10:02')},${at('06', '10:10')},20,9,0,`)))).toBe(
      'r.csv:2: delivered_at (column 4) 2024-05-06T10:10:00+08:00 is 10 min after accepted_at for 20 km (120 km/h) [implausible: a ride faster than any e-bike]',
    );
    expect(
      refusal(read(one(`x,${at('06', '10:00')},${at('06', '10:02')},${at('06', '10:30')},2,9,0,${at('08', '10:00')}`))),
    ).toBe(
      'r.csv:2: promised_at (column 8) 2024-05-08T10:00:00+08:00 is 2 days after accepted_at, more than 24 h [implausible: a stage longer than a day]',
    );
  });

  it('refuses a delivery more than a day after acceptance as implausible, and a year outside 2000–2100 as malformed', () => {
    expect(refusal(read(one(`x,${at('06', '10:00')},${at('06', '10:02')},${at('07', '10:30')},2,9,0,`)))).toMatch(
      /^r\.csv:2: delivered_at \(column 4\) \S+ is 24\.5 h after accepted_at, more than 24 h \[implausible: a stage longer than a day\]$/,
    );
    const future = '2101-05-06T10:00:00+08:00';
    expect(refusal(read(one(`x,${future},${future},${future},2,9,0,`)))).toBe(
      `r.csv:2: accepted_at '${future}' is not between the years 2000 and 2100`,
    );
  });
});

describe('MDRP instances', () => {
  const problems = (texts: ReturnType<typeof smallInstance>) => {
    try {
      readMdrpInstance(texts);
    } catch (e) {
      expect(e).toBeInstanceOf(MdrpFormatError);
      return (e as MdrpFormatError).problems;
    }
    throw new Error('expected an MdrpFormatError');
  };

  it('refuses an order ready before it was placed, one beyond the next day and a shift longer than a day', () => {
    const texts = smallInstance();
    texts.orders = texts.orders.replace('o1\t640\t0\t0\tr1\t10', 'o1\t640\t0\t20\tr1\t10');
    texts.orders = texts.orders.replace('o4\t100\t100\t500\tr1\t510', 'o4\t100\t100\t3000\tr1\t3010');
    texts.couriers = texts.couriers.replace('c2\t99000\t99000\t0\t60', 'c2\t99000\t99000\t0\t1500');
    expect(problems(texts)).toEqual([
      'orders.txt:2: ready_time (column 6) 10 is before placement_time 20: ready before it was ordered [implausible: times out of order]',
      "orders.txt:5: placement_time (column 4) 3000 is after the end of the next day (minute 2880): an instance's times are minutes of one day [implausible: a time outside its day]",
      'couriers.txt:3: off_time (column 5) 1500 is 1500 min after on_time 0: a shift longer than 24 h [implausible: a stage longer than a day]',
    ]);
    const read = readMdrpInstance(texts, { dropImplausible: true });
    expect(read.implausible).toEqual({ rows: 3, byKind: { 'outside-day': 1, 'out-of-order': 1, 'over-a-day': 1 } });
    expect(read.instance.orders.map((o) => o.id)).toEqual(['o2', 'o3']);
    expect(read.instance.couriers.map((c) => c.id)).toEqual(['c1']);
    expect(mdrpScenario(read.instance, 'small', read.implausible).meta?.description).toContain(
      '3 implausible rows left out: 1 with a time outside its day (outside-day)',
    );
  });

  it('refuses travel faster than any e-bike even when dropping, since the parameters cannot be left out', () => {
    const texts = smallInstance();
    texts.parameters = texts.parameters.replace('\n320\t', '\n1200\t');
    const expected =
      "instance_parameters.txt:2: meters_per_minute (column 1) 1200 is 72 km/h in a straight line, above 1000 m/min [implausible: a ride faster than any e-bike] (the instance's one parameters line cannot be left out)";
    expect(problems(texts)).toEqual([expected]);
    expect(() => readMdrpInstance(texts, { dropImplausible: true })).toThrow(expected);
  });
});

describe('the bounds', () => {
  it('have a label and an explanation each, and a refusal names the counts and the way out', () => {
    for (const bound of Object.values(PLAUSIBILITY_BOUNDS)) {
      expect(bound.label.length).toBeGreaterThan(5);
      expect(bound.explanation.length).toBeGreaterThan(40);
    }
    const check = new PlausibilityCheck(true);
    for (let i = 0; i < 12; i++) check.reject('too-fast', `f:${i + 2}: x`);
    const lines = refusalLines(check, 'f');
    expect(lines).toHaveLength(12);
    expect(lines[10]).toBe('… and 2 more');
    expect(lines[11]).toBe(
      'f: 12 implausible rows (12 with a ride faster than any e-bike (too-fast)), which no platform could have produced: nothing written. --drop-implausible leaves them out and reports how many.',
    );
  });
});
