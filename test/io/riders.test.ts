// The rider audit on records written here in the documented layout, with answers worked out by hand:
//   alice, Mon 2024-05-06: 10:00–10:40 (pay 8, promise 10:45: on time) and 10:30–11:20 (pay 9, fine 5, promise
//     11:10: 10 min late); engaged 10:00–11:20 = 4/3 h; net 12; online 12 h
//   alice, Tue 2024-05-07: 18:00–18:50 (pay 7, no promise); engaged 5/6 h; net 7; online 9 h
//   bob,   Mon 2024-05-06: 12:00–12:30 (pay 6, promise 12:40: on time); engaged 0.5 h; net 6; online 1.5 h
//   bob,   Wed 2024-05-08: online 4 h, no order: net 0
// Yantai's standards: 21 CNY/h, 8 h a day + 3 h overtime, 40 h a week, 36 h of overtime a month, full-time ≥ 6 h.
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadTargets } from '../../src/analysis/calibrate/targets.ts';
import { auditFiles, auditTargetsFile } from '../../src/io/auditBundle.ts';
import { presetStandards } from '../../src/io/auditStandards.ts';
import { CsvLineReader } from '../../src/io/csvLines.ts';
import { DataFormatError, type RecordSink } from '../../src/io/records.ts';
import {
  auditRiders,
  riderHash,
  RiderOnlineReader,
  RiderOrdersReader,
  RiderRecords,
  type RiderAudit,
} from '../../src/io/riders.ts';
import { at, ONLINE_CSV, RIDER_CSV, RIDER_HEADER, RIDER_ROWS } from './riderFixtures.ts';

function feed(sink: RecordSink, text: string, file: string): void {
  const reader = new CsvLineReader(sink, file);
  reader.push(text);
  reader.end();
}

function run(orders: string, online?: string, salt = 'a salt of the union'): RiderAudit {
  const records = new RiderRecords();
  feed(new RiderOrdersReader('r.csv', records), orders, 'r.csv');
  if (online !== undefined) feed(new RiderOnlineReader('o.csv', records), online, 'o.csv');
  return auditRiders(records, presetStandards('yantai-2021'), salt);
}

const value = (a: RiderAudit, id: string) => a.figures.find((f) => f.id === id)?.value;

function refusal(orders: string, online?: string): string {
  try {
    run(orders, online);
  } catch (e) {
    expect(e).toBeInstanceOf(DataFormatError);
    return (e as DataFormatError).problems.join('\n');
  }
  throw new Error('expected a DataFormatError');
}

describe('audit riders with online time', () => {
  const a = run(RIDER_CSV, ONLINE_CSV);

  it('counts riders, orders and rider-days (a day online without orders included)', () => {
    expect(a.basis).toBe('online');
    expect(a.counts).toMatchObject({
      riders: 2,
      orders: 4,
      riderDays: 4,
      firstDate: '2024-05-06',
      lastDate: '2024-05-08',
    });
  });

  it('pays per online hour against the minimum wage', () => {
    // 12/12, 7/9, 6/1.5, 0/4 CNY per hour.
    expect(value(a, 'net-per-hour-mean')).toBe(1.44);
    expect(value(a, 'net-per-hour-p50')).toBe(0.89);
    expect(value(a, 'below-min-wage')).toBe(1);
    expect(value(a, 'full-time-net-per-hour-mean')).toBe(0.89); // alice's two days
    expect(value(a, 'fee-per-order')).toBe(7.5); // 30 / 4
    expect(value(a, 'fines-share')).toBe(0.1667); // 5 / 30
    expect(value(a, 'fined-orders')).toBe(0.25);
  });

  it('holds hours against the daily, weekly and monthly limits', () => {
    expect(value(a, 'hours-mean')).toBe(6.63); // (12 + 9 + 1.5 + 4) / 4
    expect(value(a, 'over-standard-day')).toBe(0.5); // 12 and 9 h
    expect(value(a, 'over-legal-limit')).toBe(0.25); // 12 h
    expect(value(a, 'over-standard-week')).toBe(0); // alice 21 h, bob 5.5 h in 2024-W19
    expect(value(a, 'over-monthly-overtime')).toBe(0); // alice 4 + 1 h of overtime in May
    expect(value(a, 'full-time-orders-mean')).toBe(1.5);
    expect(value(a, 'orders-per-day-mean')).toBe(1);
  });

  it('finds the late share from promised_at', () => {
    expect(value(a, 'on-time')).toBe(0.6667);
    expect(value(a, 'late-over-8')).toBe(0.3333);
  });

  it('keeps rider-days with hashed riders and engaged hours', () => {
    const alice = riderHash('a salt of the union', 'alice-001');
    expect(alice).toMatch(/^R[0-9a-f]{16}$/);
    expect(riderHash('another salt', 'alice-001')).not.toBe(alice);
    const day = a.riderDays.find((d) => d.rider === alice && d.date === '2024-05-06');
    expect(day).toMatchObject({
      orders: 2,
      grossCny: 17,
      finesCny: 5,
      netCny: 12,
      engagedHours: 1.33,
      onlineHours: 12,
    });
    expect(day).toMatchObject({ belowMinWage: true, overStandardDay: true, overLegalLimit: true, lateOrders: 1 });
  });

  it('writes files that hold no rider id, and a targets file calibrate loads', () => {
    const files = auditFiles({
      audit: a,
      standardsName: { zh: '烟台', en: 'Yantai' },
      files: [{ role: { zh: '记录', en: 'Records' }, name: 'r.csv', sha256: 'ef'.repeat(32) }],
      arm: 'median',
      fairpaceVersion: '0.1.0',
    });
    expect(files.map((f) => f.name)).toEqual(['report.html', 'targets.json', 'rider_days.csv', 'audit.json']);
    for (const f of files) {
      const text = strFromU8(f.bytes);
      expect(text).not.toContain('alice');
      expect(text).not.toContain('bob-002');
    }
    const csvBytes = files[2]?.bytes as Uint8Array;
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = strFromU8(csvBytes.subarray(3));
    expect(csv.startsWith('rider_hash,date,orders')).toBe(true);
    expect(csv).toContain(`${riderHash('a salt of the union', 'bob-002')},2024-05-08,0,0,0,0,0,0,4,online,0,true`);
    const targets = loadTargets(strFromU8(files[1]?.bytes as Uint8Array));
    expect(targets.ok).toBe(true);
    const metrics = targets.ok ? targets.targets.targets.map((t) => t.metric) : [];
    expect(metrics).toContain('earnings.netPerOnlineHour.mean');
    expect(metrics).toContain('earnings.shareBelowMinWage');
    expect(metrics).toContain('workload.onlineHours.mean');
    const html = strFromU8(files[0]?.bytes as Uint8Array);
    expect(html).toContain('低于最低工资 21 元/小时的骑手日');
    expect(html).toContain('Rider-days below the 21 CNY/h minimum wage');
    expect(html).not.toMatch(/<script|src=|href="http/);
  });
});

describe('audit riders without online time', () => {
  const a = run(RIDER_CSV);

  it('counts engaged hours, and holds back the figures they only bound', () => {
    expect(a.basis).toBe('engaged');
    expect(a.counts.riderDays).toBe(3);
    // alice Mon 12 / (4/3) = 9, Tue 7 / (5/6) = 8.4, bob 6 / 0.5 = 12.
    expect(value(a, 'net-per-hour-mean')).toBe(9.8);
    const targets = auditTargetsFile({
      audit: a,
      standardsName: { zh: '烟台', en: 'Yantai' },
      files: [{ role: { zh: '记录', en: 'Records' }, name: 'r.csv', sha256: 'ef'.repeat(32) }],
      arm: 'median',
      fairpaceVersion: '0.1.0',
    });
    const metrics = targets.targets.map((t) => t.metric);
    expect(metrics).toContain('earnings.netPerEngagedHour.mean');
    expect(metrics).not.toContain('earnings.shareBelowMinWage');
    expect(metrics).not.toContain('workload.onlineHours.mean');
  });

  it('counts a repeated row once', () => {
    const twice = `${RIDER_CSV}${RIDER_ROWS[0]?.join(',')}\n`;
    expect(run(twice).counts.duplicateOrders).toBe(1);
    expect(run(twice).counts.orders).toBe(4);
  });
});

describe('audit riders refuses malformed records without naming the rider', () => {
  const row = (k: number, over: Record<number, string>) => {
    const r = [...(RIDER_ROWS[k] as string[])];
    for (const [i, v] of Object.entries(over)) r[Number(i)] = v;
    return `${RIDER_HEADER}\n${r.join(',')}\n`;
  };

  it('names missing columns', () => {
    expect(refusal('rider_id,accepted_at,delivered_at\nx,y,z\n')).toBe(
      'r.csv:1: missing columns picked_up_at, km, pay_cny, fine_cny',
    );
  });

  it('refuses times without an offset, and times out of order', () => {
    const noOffset = refusal(row(0, { 1: '2024-05-06T10:00:00' }));
    expect(noOffset).toBe(
      "r.csv:2: accepted_at '2024-05-06T10:00:00' is not an ISO 8601 time with its UTC offset, e.g. 2024-05-01T11:32:00+08:00",
    );
    expect(refusal(row(0, { 2: at('06', '09:50') }))).toBe(
      'r.csv:2: picked_up_at (column 3) 2024-05-06T09:50:00+08:00 is before accepted_at: picked up before it was accepted [implausible: times out of order]',
    );
    expect(refusal(row(0, { 3: at('06', '10:05') }))).toBe(
      'r.csv:2: delivered_at (column 4) 2024-05-06T10:05:00+08:00 is before picked_up_at: delivered before it was picked up [implausible: times out of order]',
    );
  });

  it('refuses amounts that are not amounts', () => {
    expect(refusal(row(0, { 4: 'far' }))).toBe("r.csv:2: km 'far' is not an amount (a number of 0 or more)");
    expect(refusal(row(0, { 5: '-3' }))).toBe("r.csv:2: pay_cny '-3' is not an amount (a number of 0 or more)");
    expect(refusal(row(0, { 6: '20000' }))).toBe('r.csv:2: fine_cny 20000 is above 10000, not a plausible value');
  });

  it('refuses bad online rows', () => {
    expect(refusal(RIDER_CSV, 'rider_id,date,online_hours\nalice-001,2024-05-06,25\n')).toBe(
      'o.csv:2: online_hours 25 is more than the 24 hours of a day',
    );
    expect(refusal(RIDER_CSV, 'rider_id,date,online_hours\nalice-001,06/05/2024,8\n')).toBe(
      "o.csv:2: date '06/05/2024' is not a date written YYYY-MM-DD",
    );
  });

  it('never puts the rider id in a message', () => {
    const messages = [
      refusal(row(0, { 1: 'soon' })),
      refusal(row(0, { 3: at('06', '10:05') })),
      refusal(row(0, { 5: 'x' })),
      refusal(`${RIDER_HEADER}\nalice-001,${at('06', '10:00')}\n`),
    ];
    for (const m of messages) expect(m).not.toContain('alice');
  });
});
