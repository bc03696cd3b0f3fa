/**
 * Reading riders' own order records (what a union can collect from its members' rider apps) for the audit of
 * `fairpace audit riders` (src/io/riders.ts, which describes the layout): the rows of both files, checked and
 * numbered, and the engaged hours of each rider-day. Rider ids are kept only to be hashed at the end.
 */
import { daysFromCivil, isDate, parseIsoTime } from './geoTime.ts';
import {
  durationText,
  implausibleMessage,
  MAX_STAGE_HOURS,
  ONLINE_SLACK_HOURS,
  PlausibilityCheck,
  tooFastKmh,
  type ImplausibleKind,
} from './plausibility.ts';
import {
  Column,
  type HeaderMap,
  IdIndex,
  MAX_UNIX,
  MIN_UNIX,
  readHeader,
  type RecordSink,
  rowCells,
  shown,
} from './records.ts';

/** The columns a rider records file needs. */
export const RIDER_COLUMNS = [
  'rider_id',
  'accepted_at',
  'picked_up_at',
  'delivered_at',
  'km',
  'pay_cny',
  'fine_cny',
] as const;
/** Columns it may have. */
export const RIDER_OPTIONAL_COLUMNS = ['promised_at', 'order_id'] as const;
/** The columns of the online-time file. */
export const ONLINE_COLUMNS = ['rider_id', 'date', 'online_hours'] as const;

/**
 * The rows of both files, and the rider ids numbered (kept only to hash them at the end). Read the order records
 * first, then the online file: an online row is checked against the hours its rider-day spent on orders.
 */
export class RiderRecords {
  /** @param plausibility where implausible rows go: refused at the first (the default), or left out and counted */
  constructor(readonly plausibility = new PlausibilityCheck()) {}
  readonly riders = new IdIndex();
  // One entry per order.
  readonly rider = new Column();
  readonly day = new Column();
  readonly accepted = new Column();
  readonly delivered = new Column();
  readonly km = new Column();
  readonly pay = new Column();
  readonly fine = new Column();
  /** 1 late, 0 on time, −1 no promise. */
  readonly late = new Column();
  /** 1 more than 8 minutes late, 0 not, −1 no promise. */
  readonly lateOver8 = new Column();
  duplicateOrders = 0;
  /** Online hours by rider-day key (rider × 2^20 + day number). */
  readonly online = new Map<number, number>();
  duplicateOnline = 0;
  hasOnlineFile = false;
}

/** A rider-day's key. */
export const riderDayKey = (rider: number, day: number) => rider * 1_048_576 + (day + 200_000);
/** The rider of a rider-day key. */
export const keyRider = (key: number) => Math.floor(key / 1_048_576);
/** The day number of a rider-day key. */
export const keyDay = (key: number) => (key % 1_048_576) - 200_000;

/** Most rows a records file may have (a union's members over years, far below what would exhaust memory). */
export const MAX_RIDER_ROWS = 5_000_000;

function money(text: string, column: string, fail: (m: string) => never, max: number): number {
  if (!/^\d+(\.\d+)?$/.test(text)) return fail(`${column} ${shown(text)} is not an amount (a number of 0 or more)`);
  const v = Number(text);
  if (v > max) return fail(`${column} ${text} is above ${max}, not a plausible value`);
  return v;
}

/** Reads the order records into `records` (a RecordSink). */
export class RiderOrdersReader implements RecordSink {
  private map: HeaderMap | undefined;
  private readonly seen = new Set<string>();

  constructor(
    readonly file: string,
    private readonly records: RiderRecords,
  ) {}

  header(cells: readonly string[], line: number): void {
    this.map = readHeader(this.file, line, cells, RIDER_COLUMNS, RIDER_OPTIONAL_COLUMNS, 'a rider records file');
  }

  row(cells: readonly string[], line: number): void {
    // Messages never quote the rider id: it is what the audit keeps out of every output.
    const { get, fail, index } = rowCells(this.file, line, cells, this.map);
    const r = this.records;
    if (r.rider.length >= MAX_RIDER_ROWS) fail(`more than ${MAX_RIDER_ROWS} rows: split the file`);
    const riderId = get('rider_id');
    if (riderId === '') fail('rider_id is empty');
    if (riderId.length > 200) fail('rider_id is longer than 200 characters');
    const time = (c: string) => {
      const text = get(c);
      const t = parseIsoTime(text);
      if (!t) {
        return fail(`${c} ${shown(text)} is not an ISO 8601 time with its UTC offset, e.g. 2024-05-01T11:32:00+08:00`);
      }
      if (t.unix < MIN_UNIX || t.unix >= MAX_UNIX)
        return fail(`${c} ${shown(text)} is not between the years 2000 and 2100`);
      return t;
    };
    const accepted = time('accepted_at');
    const picked = time('picked_up_at');
    const delivered = time('delivered_at');
    const km = money(get('km'), 'km', fail, 500);
    const pay = money(get('pay_cny'), 'pay_cny', fail, 10_000);
    const fineCny = money(get('fine_cny'), 'fine_cny', fail, 10_000);
    const promisedText = get('promised_at');
    const promised = promisedText !== '' ? time('promised_at') : undefined;
    // Well formed; now what no platform's record can show (src/io/plausibility.ts). The value shown is the column's
    // own text: a time, never the rider id.
    const implausible = (kind: ImplausibleKind, column: string, problem: string): void => {
      const where = { file: this.file, line, column, index: index(column) };
      r.plausibility.reject(kind, implausibleMessage(where, get(column), problem, kind));
    };
    const day = MAX_STAGE_HOURS * 3600;
    if (picked.unix < accepted.unix)
      return implausible('out-of-order', 'picked_up_at', 'is before accepted_at: picked up before it was accepted');
    if (delivered.unix < picked.unix)
      return implausible('out-of-order', 'delivered_at', 'is before picked_up_at: delivered before it was picked up');
    if (delivered.unix - accepted.unix > day) {
      return implausible(
        'over-a-day',
        'delivered_at',
        `is ${durationText(delivered.unix - accepted.unix)} after accepted_at, more than ${MAX_STAGE_HOURS} h`,
      );
    }
    if (promised && Math.abs(promised.unix - accepted.unix) > day) {
      return implausible(
        'over-a-day',
        'promised_at',
        `is ${durationText(Math.abs(promised.unix - accepted.unix))} ${promised.unix < accepted.unix ? 'before' : 'after'} accepted_at, more than ${MAX_STAGE_HOURS} h`,
      );
    }
    const kmh = tooFastKmh(km, delivered.unix - accepted.unix);
    if (kmh !== undefined) {
      return implausible(
        'too-fast',
        'delivered_at',
        `is ${durationText(delivered.unix - accepted.unix)} after accepted_at for ${km} km (${Number.isFinite(kmh) ? `${Math.round(kmh)} km/h` : 'no time at all'})`,
      );
    }
    let late = -1;
    let over8 = -1;
    if (promised) {
      late = delivered.unix > promised.unix ? 1 : 0;
      over8 = delivered.unix - promised.unix > 480 ? 1 : 0;
    }
    const orderId = get('order_id');
    const key =
      orderId !== ''
        ? `${riderId}\u0000${orderId}`
        : `${riderId}\u0000${accepted.unix}\u0000${delivered.unix}\u0000${pay}`;
    if (this.seen.has(key)) {
      r.duplicateOrders++;
      return;
    }
    this.seen.add(key);
    const localDayNumber = Math.floor((accepted.unix + accepted.offsetMin * 60) / 86400);
    r.rider.push(r.riders.of(riderId));
    r.day.push(localDayNumber);
    r.accepted.push(accepted.unix);
    r.delivered.push(delivered.unix);
    r.km.push(km);
    r.pay.push(pay);
    r.fine.push(fineCny);
    r.late.push(late);
    r.lateOver8.push(over8);
  }
}

/** Reads the online-time file into `records` (a RecordSink), after the order records. */
export class RiderOnlineReader implements RecordSink {
  private map: HeaderMap | undefined;
  /** Engaged hours by rider-day key, of the orders read before. */
  private engaged: Map<number, number> | undefined;

  constructor(
    readonly file: string,
    private readonly records: RiderRecords,
  ) {
    records.hasOnlineFile = true;
  }

  header(cells: readonly string[], line: number): void {
    this.map = readHeader(this.file, line, cells, ONLINE_COLUMNS, [], 'an online-time file');
  }

  row(cells: readonly string[], line: number): void {
    const { get, fail, index } = rowCells(this.file, line, cells, this.map);
    const riderId = get('rider_id');
    if (riderId === '') fail('rider_id is empty');
    const dateText = get('date');
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateText);
    if (!m || !isDate(Number(m[1]), Number(m[2]), Number(m[3])))
      fail(`date ${shown(dateText)} is not a date written YYYY-MM-DD`);
    const day = daysFromCivil(Number(m?.[1]), Number(m?.[2]), Number(m?.[3]));
    const hoursText = get('online_hours');
    if (!/^\d+(\.\d+)?$/.test(hoursText)) fail(`online_hours ${shown(hoursText)} is not a number of hours`);
    const hours = Number(hoursText);
    if (hours > 24) fail(`online_hours ${hoursText} is more than the 24 hours of a day`);
    if (day < Math.floor(MIN_UNIX / 86400) || day >= Math.floor(MAX_UNIX / 86400)) {
      fail(`date ${shown(dateText)} is not between the years 2000 and 2100`);
    }
    const key = riderDayKey(this.records.riders.of(riderId), day);
    if (this.records.online.has(key)) {
      this.records.duplicateOnline++;
      return;
    }
    this.engaged ??= engagedByRiderDay(this.records);
    const engaged = this.engaged.get(key) ?? 0;
    if (hours < engaged - ONLINE_SLACK_HOURS) {
      const where = { file: this.file, line, column: 'online_hours', index: index('online_hours') };
      const problem = `is shorter than the ${Math.round(engaged * 100) / 100} h this rider-day spent on orders (accepted_at to delivered_at)`;
      this.records.plausibility.reject('online-short', implausibleMessage(where, hoursText, problem, 'online-short'));
      return;
    }
    this.records.online.set(key, hours);
  }
}

/** Engaged hours (engagedHours) of every rider-day with orders, by rider-day key. */
function engagedByRiderDay(records: RiderRecords): Map<number, number> {
  const spans = new Map<number, [number, number][]>();
  for (let i = 0; i < records.rider.length; i++) {
    const key = riderDayKey(records.rider.data[i] as number, records.day.data[i] as number);
    const span: [number, number] = [records.accepted.data[i] as number, records.delivered.data[i] as number];
    const list = spans.get(key);
    if (list) list.push(span);
    else spans.set(key, [span]);
  }
  const out = new Map<number, number>();
  for (const [key, list] of spans) out.set(key, engagedHours(list));
  return out;
}

/** Hours with at least one order in the bag: the union of the [accepted, delivered] spans, in hours. */
export function engagedHours(spans: [number, number][]): number {
  spans.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let start = Number.NEGATIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const [a, b] of spans) {
    if (a > end) {
      if (end > start) total += end - start;
      start = a;
      end = b;
    } else end = Math.max(end, b);
  }
  if (end > start) total += end - start;
  return total / 3600;
}
