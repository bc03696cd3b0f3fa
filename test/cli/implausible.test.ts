// The importers' plausibility checks through the command line: an implausible row refuses the input (exit 2, every
// count, the located messages, nothing written) unless --drop-implausible, which leaves such rows out and says how
// many of each kind on stdout and in the output's metadata. A property test writes small waybill and rider files in
// the published layouts with exactly one impossible row and checks both.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { PLAUSIBILITY_BOUNDS, type ImplausibleKind } from '../../src/io/plausibility.ts';
import { smallInstance } from '../io/mdrpFixtures.ts';
import { at, ONLINE_CSV, RIDER_CSV, RIDER_HEADER } from '../io/riderFixtures.ts';
import { MIDNIGHT_1017, smallWaybills, T0, waybill, waybillCsv, type WaybillSpec } from '../io/waybillFixtures.ts';
import { capture } from './fixtures.ts';

let dir = '';
const path = (name: string) => join(dir, name);
const run = async (...argv: string[]) => {
  const io = capture();
  const code = await main(argv, { io, env: {} });
  return { code, out: io.out, err: io.err };
};
const listing = async () => (await readdir(dir)).sort();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-implausible-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const MIN = 60;
const DAY = 86400;
const label = (kind: ImplausibleKind) => PLAUSIBILITY_BOUNDS[kind].label;
const refusalEnd =
  'which no platform could have produced: nothing written. --drop-implausible leaves them out and reports how many.';

/** The small file and one row 30 days late (line 10), as in the issue: click-to-door would move by half. */
const lateRows: WaybillSpec[] = [
  ...smallWaybills(),
  waybill({ order_id: 7, waybill_id: 71, courier_id: 102, arrive_time: T0 + 25 * MIN + 30 * DAY }),
];

describe('observe waybills', () => {
  it('refuses an implausible row by default: exit 2, located message and counts, nothing written', async () => {
    await writeFile(path('late.csv'), waybillCsv(lateRows));
    const before = await listing();
    const r = await run('observe', 'waybills', path('late.csv'), '--out', path('late.json'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `${path('late.csv')}:10: arrive_time (column 21) ${T0 + 25 * MIN + 30 * DAY} is 2022-11-16 11:25 +08:00, not on its dt 20221017 or the next day [implausible: a time outside its day]\n` +
        `${path('late.csv')}: 1 implausible row (1 with a time outside its day (outside-day)), ${refusalEnd}\n`,
    );
    expect(r.out).toBe('');
    expect(await listing()).toEqual(before);
  });

  it('with --drop-implausible leaves it out and reports it on stdout and in the targets file', async () => {
    await writeFile(path('clean.csv'), waybillCsv(smallWaybills()));
    const r = await run('observe', 'waybills', path('late.csv'), '--drop-implausible', '--out', path('late.json'));
    expect(r.code).toBe(0);
    const sentence = '1 implausible row left out: 1 with a time outside its day (outside-day).';
    expect(r.out).toContain(`note: --drop-implausible: ${path('late.csv')}: ${sentence}\n`);
    expect(r.out).toMatch(/^9 rows over 1 day \(20221017–20221017\): 1 implausible row left out/);
    const targets = JSON.parse(await readFile(path('late.json'), 'utf8')) as {
      description: string;
      targets: { id: string; range: number[] }[];
    };
    expect(targets.description).toContain(sentence);
    const cleanRun = await run('observe', 'waybills', path('clean.csv'), '--out', path('clean.json'));
    expect(cleanRun.code).toBe(0);
    const clean = JSON.parse(await readFile(path('clean.json'), 'utf8')) as typeof targets;
    expect(targets.targets.map((t) => [t.id, t.range])).toEqual(clean.targets.map((t) => [t.id, t.range]));
  });

  it('says so when --drop-implausible finds nothing to drop', async () => {
    const r = await run('observe', 'waybills', path('clean.csv'), '--drop-implausible', '--out', path('c2.json'));
    expect(r.code).toBe(0);
    expect(r.out).toContain(`note: --drop-implausible: ${path('clean.csv')}: no implausible row\n`);
  });

  it('refuses --drop-implausible with observe trace, whose rows are the engine’s own', async () => {
    const r = await run('observe', 'trace', path('clean.csv'), '--drop-implausible');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--drop-implausible goes with observe waybills/);
  });
});

describe('import waybills', () => {
  it('refuses by default and writes the dropped count into the scenario with --drop-implausible', async () => {
    const before = await listing();
    const refused = await run('import', 'waybills', path('late.csv'), '--out', path('replay.json'));
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/late\.csv:10: arrive_time \(column 21\) .* \[implausible: a time outside its day\]/);
    expect(await listing()).toEqual(before);
    const r = await run('import', 'waybills', path('late.csv'), '--out', path('replay.json'), '--drop-implausible');
    expect(r.code).toBe(0);
    const sentence = '1 implausible row left out: 1 with a time outside its day (outside-day).';
    expect(r.out).toContain(`note: --drop-implausible: ${path('late.csv')}: ${sentence}\n`);
    const scenario = JSON.parse(await readFile(path('replay.json'), 'utf8')) as {
      meta: { description: string; sources: { note: string }[] };
    };
    expect(scenario.meta.description).toContain(sentence);
    expect(scenario.meta.sources[0]?.note).toContain(sentence);
  });
});

describe('audit riders', () => {
  const shortOnline = 'rider_id,date,online_hours\nalice-001,2024-05-06,0.1\nbob-002,2024-05-08,4\n';

  it('refuses 0.1 h online on a day with more hours of orders, writing neither the zip nor a salt', async () => {
    await writeFile(path('riders.csv'), RIDER_CSV);
    await writeFile(path('short.csv'), shortOnline);
    const before = await listing();
    const r = await run(
      'audit',
      'riders',
      path('riders.csv'),
      '--standards',
      'yantai-2021',
      '--online',
      path('short.csv'),
      '--salt-file',
      path('a.salt'),
      '--out',
      path('audit.zip'),
    );
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `${path('short.csv')}:2: online_hours (column 3) 0.1 is shorter than the 1.33 h this rider-day spent on orders (accepted_at to delivered_at) [implausible: online hours shorter than the hours spent on orders]\n` +
        `${path('riders.csv')} and ${path('short.csv')}: 1 implausible row (1 with online hours shorter than the hours spent on orders (online-short)), ${refusalEnd}\n`,
    );
    expect(r.err).not.toMatch(/alice|bob/);
    expect(await listing()).toEqual(before);
  });

  it('with --drop-implausible reports the dropped rows and the days online without orders, in audit.json too', async () => {
    const r = await run(
      'audit',
      'riders',
      path('riders.csv'),
      '--standards',
      'yantai-2021',
      '--online',
      path('short.csv'),
      '--salt-file',
      path('a.salt'),
      '--out',
      path('audit.zip'),
      '--drop-implausible',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('note: 3 rider-days with orders have no online time: left out of the hour figures\n');
    expect(r.out).toContain(
      'note: 1 rider-days of the online file have no order: counted as days online with no pay\n',
    );
    expect(r.out).toContain(
      ': 1 implausible row left out: 1 with online hours shorter than the hours spent on orders (online-short).\n',
    );
    const zip = unzipSync(new Uint8Array(await readFile(path('audit.zip'))));
    const summary = JSON.parse(strFromU8(zip['audit.json'] as Uint8Array)) as {
      counts: { implausible: unknown; onlineDaysWithoutOrders: number };
    };
    expect(summary.counts.implausible).toEqual({ rows: 1, byKind: { 'online-short': 1 } });
    expect(summary.counts.onlineDaysWithoutOrders).toBe(1);
    const targets = JSON.parse(strFromU8(zip['targets.json'] as Uint8Array)) as { description: string };
    expect(targets.description).toContain('1 implausible row left out');
    expect(strFromU8(zip['report.html'] as Uint8Array)).toContain('1 rider-days of the online file have no order');
  });

  it('says how many online days have no order even when nothing is dropped', async () => {
    await writeFile(path('online.csv'), ONLINE_CSV);
    const r = await run(
      'audit',
      'riders',
      path('riders.csv'),
      '--standards',
      'yantai-2021',
      '--online',
      path('online.csv'),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'note: 1 rider-days of the online file have no order: counted as days online with no pay\n',
    );
  });
});

describe('import mdrp', () => {
  it('refuses an implausible courier row by default, and leaves it out with --drop-implausible', async () => {
    const inst = path('inst');
    await mkdir(inst);
    const texts = smallInstance();
    texts.couriers = texts.couriers.replace('c2\t99000\t99000\t0\t60', 'c2\t99000\t99000\t60\t0');
    const names = {
      restaurants: 'restaurants.txt',
      orders: 'orders.txt',
      couriers: 'couriers.txt',
      parameters: 'instance_parameters.txt',
    } as const;
    for (const [role, name] of Object.entries(names))
      await writeFile(join(inst, name), texts[role as keyof typeof names]);
    const before = await listing();
    const r = await run('import', 'mdrp', inst, '--out', path('mdrp.json'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `${join(inst, 'couriers.txt')}:3: off_time (column 5) 0 is before on_time 60: off before on [implausible: times out of order]\n` +
        `${inst}: rows no platform could have produced: nothing written. --drop-implausible leaves implausible order and courier rows out and reports how many.\n`,
    );
    expect(await listing()).toEqual(before);
    const dropped = await run('import', 'mdrp', inst, '--out', path('mdrp.json'), '--drop-implausible');
    expect(dropped.code).toBe(0);
    expect(dropped.out).toBe(
      `note: --drop-implausible: ${inst}: 1 implausible row left out: 1 with times out of order (out-of-order).\n` +
        `wrote ${path('mdrp.json')}: 4 orders, 1 couriers, 2 restaurants\n`,
    );
    const scenario = JSON.parse(await readFile(path('mdrp.json'), 'utf8')) as { meta: { description: string } };
    expect(scenario.meta.description).toContain('1 implausible row left out');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property: files with exactly one impossible row.

/** µdegrees of latitude per km. */
const LAT_KM = 1e6 / 111.2;

const plainWaybill = fc.record({
  minute: fc.integer({ min: 9 * 60, max: 20 * 60 }),
  km: fc.double({ min: 0.3, max: 3, noNaN: true }),
  courier: fc.integer({ min: 1, max: 3 }),
});
const WAYBILL_KINDS = ['outside-day', 'out-of-order', 'over-a-day', 'too-fast'] as const;

/** A delivered waybill placed at `minute` of 2022-10-17, ridden at 15 km/h over `km` straight north. */
function plausibleRow(i: number, w: { minute: number; km: number; courier: number }): WaybillSpec {
  const placed = MIDNIGHT_1017 + w.minute * 60;
  const grab = placed + 120;
  const fetch = grab + 600;
  return waybill({
    order_id: 1000 + i,
    waybill_id: 5000 + i,
    courier_id: 100 + w.courier,
    recipient_lat: 45000000 + Math.round(w.km * LAT_KM),
    platform_order_time: placed,
    estimate_arrived_time: placed + 40 * MIN,
    estimate_meal_prepare_time: placed + 10 * MIN,
    order_push_time: placed,
    dispatch_time: placed + 60,
    grab_time: grab,
    fetch_time: fetch,
    arrive_time: fetch + Math.ceil((w.km / 15) * 3600) + 60,
  });
}

/** The row made impossible in the way `kind` names (`shift` in days for outside-day). */
function impossible(row: WaybillSpec, kind: (typeof WAYBILL_KINDS)[number], shift: number): WaybillSpec {
  const t = (c: keyof WaybillSpec) => Number(row[c]);
  switch (kind) {
    case 'outside-day':
      return { ...row, arrive_time: t('arrive_time') + shift * DAY };
    case 'out-of-order':
      return { ...row, fetch_time: t('grab_time') - 60 };
    case 'over-a-day': {
      // Placed just after midnight, accepted 25 h later: still inside the two days of its dt.
      const placed = MIDNIGHT_1017 + 10 * MIN;
      return {
        ...row,
        platform_order_time: placed,
        estimate_arrived_time: placed + 40 * MIN,
        estimate_meal_prepare_time: placed + 10 * MIN,
        order_push_time: placed,
        dispatch_time: placed + 60,
        grab_time: placed + 25 * 3600,
        fetch_time: placed + 25 * 3600 + 600,
        arrive_time: placed + 25 * 3600 + 1800,
      };
    }
    case 'too-fast':
      // 1.5 km north: 1.3 km after the slack cannot be ridden in 30 s.
      return { ...row, recipient_lat: 45000000 + Math.round(1.5 * LAT_KM), arrive_time: t('fetch_time') + 30 };
  }
}

describe('property: a waybill file with exactly one impossible row', () => {
  it('is refused at that row by default, and --drop-implausible drops exactly that row', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(plainWaybill, { minLength: 2, maxLength: 12 }),
        fc.nat(),
        fc.constantFrom(...WAYBILL_KINDS),
        fc.integer({ min: 2, max: 20000 }),
        async (plain, at, kind, shift) => {
          const rows = plain.map((w, i) => plausibleRow(i, w));
          const bad = at % rows.length;
          rows[bad] = impossible(rows[bad] as WaybillSpec, kind, shift);
          const file = path(`p${++n}.csv`);
          const out = path(`p${n}.json`);
          await writeFile(file, waybillCsv(rows));
          const refused = await run('observe', 'waybills', file, '--out', out);
          expect(refused.code).toBe(2);
          const lines = refused.err.trimEnd().split('\n');
          expect(lines).toHaveLength(2);
          expect(lines[0]).toMatch(new RegExp(`^${escape(file)}:${bad + 2}: .* \\[implausible: ${label(kind)}\\]$`));
          expect(lines[1]).toContain(`1 implausible row (1 with ${label(kind)} (${kind}))`);
          await expect(readFile(out)).rejects.toThrow();

          const dropped = await run('observe', 'waybills', file, '--out', out, '--drop-implausible');
          expect(dropped.code).toBe(0);
          expect(dropped.out).toContain(`${file}: 1 implausible row left out: 1 with ${label(kind)} (${kind}).\n`);
          type Targets = { description: string; targets: { id: string; range: number[] }[] };
          const targets = JSON.parse(await readFile(out, 'utf8')) as Targets;
          expect(targets.description).toContain(`1 implausible row left out: 1 with ${label(kind)} (${kind}).`);
          // What is left is the file without that row.
          const without = path(`p${n}-without.csv`);
          await writeFile(without, waybillCsv(rows.filter((_, i) => i !== bad)));
          expect((await run('observe', 'waybills', without, '--out', `${without}.json`)).code).toBe(0);
          const expected = JSON.parse(await readFile(`${without}.json`, 'utf8')) as Targets;
          expect(targets.targets.map((t) => [t.id, t.range])).toEqual(expected.targets.map((t) => [t.id, t.range]));
        },
      ),
      { numRuns: 25, seed: 23 },
    );
  });
});

const plainOrder = fc.record({
  minute: fc.integer({ min: 9 * 60, max: 20 * 60 }),
  ride: fc.integer({ min: 25, max: 60 }),
  km: fc.double({ min: 0.5, max: 5, noNaN: true }),
});
const RIDER_KINDS = ['out-of-order', 'over-a-day', 'too-fast', 'online-short'] as const;

/** A time of 2024-05-06 (day 0) or later, written as riders' records write it. */
const iso = (minute: number) => {
  const day = 6 + Math.floor(minute / 1440);
  const m = minute % 1440;
  return at(
    String(day).padStart(2, '0'),
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
  );
};

/** Engaged hours of spans [start, end) in minutes. */
function engagedHours(spans: [number, number][]): number {
  const sorted = [...spans].sort((x, y) => x[0] - y[0]);
  let total = 0;
  let [start, end] = sorted[0] as [number, number];
  for (const [a, b] of sorted.slice(1)) {
    if (a > end) {
      total += end - start;
      [start, end] = [a, b];
    } else end = Math.max(end, b);
  }
  return (total + end - start) / 60;
}

describe('property: rider files with exactly one impossible row', () => {
  it('are refused at that row by default, and --drop-implausible drops exactly that row', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(plainOrder, { minLength: 2, maxLength: 10 }),
        fc.nat(),
        fc.constantFrom(...RIDER_KINDS),
        async (plain, at, kind) => {
          const bad = at % plain.length;
          const orderLines = plain.map((o, i) => {
            const start = o.minute;
            const cells = [
              `rider-${i % 2}`,
              iso(start),
              iso(start + 10),
              iso(start + o.ride),
              o.km.toFixed(2),
              '8',
              '0',
              '',
            ];
            if (i === bad && kind === 'out-of-order') cells[2] = iso(start - 5);
            if (i === bad && kind === 'over-a-day') cells[3] = iso(start + 25 * 60);
            if (i === bad && kind === 'too-fast') cells[4] = '100';
            return cells.join(',');
          });
          // Online hours: an hour above each rider-day's engaged hours, counted without the impossible order.
          const onlineLines = [0, 1].flatMap((rider) => {
            const spans = plain
              .map((o, i) => ({ o, i }))
              .filter(({ i }) => i % 2 === rider && !(i === bad && kind !== 'online-short'))
              .map(({ o }) => [o.minute, o.minute + o.ride] as [number, number]);
            if (spans.length === 0) return [];
            const short = kind === 'online-short' && bad % 2 === rider;
            const hours = short ? 0.1 : Math.ceil((engagedHours(spans) + 1) * 10) / 10;
            return [`rider-${rider},2024-05-06,${hours}`];
          });
          // The impossible online row must be on a day with orders: the bad order's own rider-day.
          const records = path(`r${++n}.csv`);
          const online = path(`o${n}.csv`);
          await writeFile(records, `${RIDER_HEADER}\n${orderLines.join('\n')}\n`);
          await writeFile(online, `rider_id,date,online_hours\n${onlineLines.join('\n')}\n`);
          const args = ['audit', 'riders', records, '--standards', 'yantai-2021', '--online', online];
          const refused = await run(...args);
          expect(refused.code, refused.err).toBe(2);
          const lines = refused.err.trimEnd().split('\n');
          expect(lines, refused.err).toHaveLength(2);
          const where =
            kind === 'online-short' ? `${escape(online)}:${(bad % 2) + 2}` : `${escape(records)}:${bad + 2}`;
          expect(lines[0]).toMatch(new RegExp(`^${where}: .* \\[implausible: ${label(kind)}\\]$`));
          expect(lines[1]).toContain(`1 implausible row (1 with ${label(kind)} (${kind}))`);
          expect(refused.err).not.toMatch(/rider-\d/);

          const dropped = await run(...args, '--drop-implausible');
          expect(dropped.code).toBe(0);
          expect(dropped.out).toContain(`: 1 implausible row left out: 1 with ${label(kind)} (${kind}).\n`);
        },
      ),
      { numRuns: 25, seed: 23 },
    );
  });
});

/** A path as a regular expression matches it. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
