/**
 * Riders' own order records (what a union can collect from its members' rider apps) and the pay and hours audit of
 * `fairpace audit riders` and the workbench's audit panel.
 *
 * The layout (a CSV, UTF-8, one row per order; ISO 8601 times with their UTC offset, e.g. 2024-05-01T11:32:00+08:00):
 *   rider_id, accepted_at, picked_up_at, delivered_at, km, pay_cny, fine_cny  (required)
 *   promised_at, order_id                                                       (optional)
 * and optionally a second CSV of online time per day: rider_id, date (YYYY-MM-DD), online_hours.
 *
 * A rider-day is a rider on the local date (in the record's own offset) of accepted_at. Net pay = pay − fines. Hours
 * are online hours when the online file is given, else engaged hours (the union of accepted → delivered spans, when
 * the rider had an order in the bag), which are fewer, so pay per hour is then an upper bound. Every interval is
 * clustered by rider. Rider ids are replaced by salted hashes; they appear in no output.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Target } from '../analysis/calibrate/targets.ts';
import type { Scenario } from '../scenario/schema.ts';
import { civilFromDays, daysFromCivil, isDate, isoDate, isoWeek, parseIsoTime } from './geoTime.ts';
import {
  ClusteredRatio,
  figure,
  figuresToTargets,
  quantileInterval,
  type Figure,
  type ObservedSource,
} from './observed.ts';
import {
  droppedSentence,
  durationText,
  implausibleMessage,
  MAX_STAGE_HOURS,
  ONLINE_SLACK_HOURS,
  PlausibilityCheck,
  tooFastKmh,
  type ImplausibleCounts,
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

/** The labour standards the audit holds the records against (a scenario's `standards`). */
export type Standards = Scenario['standards'];

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
const keyRider = (key: number) => Math.floor(key / 1_048_576);
const keyDay = (key: number) => (key % 1_048_576) - 200_000;

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

/** One rider-day of the audit (the rider as a salted hash). */
export interface RiderDay {
  rider: string;
  date: string;
  orders: number;
  km: number;
  grossCny: number;
  finesCny: number;
  netCny: number;
  engagedHours: number;
  /** Online hours, or null without an online entry for the day. */
  onlineHours: number | null;
  /** Hours the audit counts (online, or engaged without the online file); null when the day has none. */
  hours: number | null;
  netPerHour: number | null;
  belowMinWage: boolean | null;
  overStandardDay: boolean | null;
  overLegalLimit: boolean | null;
  lateOrders: number;
  ordersWithPromise: number;
}

/** What the audit finds. */
export interface RiderAudit {
  /** `online` with the online file, else `engaged`. */
  basis: 'online' | 'engaged';
  standards: Standards;
  counts: {
    riders: number;
    orders: number;
    riderDays: number;
    duplicateOrders: number;
    duplicateOnline: number;
    /** Rider-days with orders but no online entry (left out of the hour figures). */
    daysWithoutOnline: number;
    /** Rider-days of the online file without an order: counted as days online with no pay. */
    onlineDaysWithoutOrders: number;
    /** Rows of either file left out as implausible (src/io/plausibility.ts), by kind. */
    implausible: ImplausibleCounts;
    ordersWithPromise: number;
    firstDate: string;
    lastDate: string;
  };
  figures: Figure[];
  riderDays: RiderDay[];
}

/** A rider id as a salted hash: `R` and the first 16 hex digits of SHA-256(salt, LF, id). */
export function riderHash(salt: string, id: string): string {
  return `R${bytesToHex(sha256(utf8ToBytes(`${salt}\n${id}`))).slice(0, 16)}`;
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
function engagedHours(spans: [number, number][]): number {
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

const r2 = (x: number) => Math.round(x * 100) / 100;

/** The audit of the records against `standards`, with rider ids hashed with `salt`. */
export function auditRiders(records: RiderRecords, standards: Standards, salt: string): RiderAudit {
  const basis = records.hasOnlineFile ? 'online' : 'engaged';
  const legal = standards.standardDailyHours + standards.maxDailyOvertime;
  // Gather the orders by rider-day.
  const byDay = new Map<number, number[]>();
  const n = records.rider.length;
  for (let i = 0; i < n; i++) {
    const key = riderDayKey(records.rider.data[i] as number, records.day.data[i] as number);
    const list = byDay.get(key);
    if (list) list.push(i);
    else byDay.set(key, [i]);
  }
  for (const key of records.online.keys()) if (!byDay.has(key)) byDay.set(key, []);
  const keys = [...byDay.keys()].sort((a, b) => a - b);
  const hashes = records.riders.ids.map((id) => riderHash(salt, id));
  if (new Set(hashes).size !== hashes.length) throw new Error('two rider ids share a hash');

  const perHour = new ClusteredRatio();
  const perHourValues: number[] = [];
  const below = new ClusteredRatio();
  const ftPerHour = new ClusteredRatio();
  const ordersPerDay = new ClusteredRatio();
  const ordersValues: number[] = [];
  const hoursMean = new ClusteredRatio();
  const hoursValues: number[] = [];
  const overStd = new ClusteredRatio();
  const overLegal = new ClusteredRatio();
  const ftOrders = new ClusteredRatio();
  const ftHours = new ClusteredRatio();
  const netPerDay = new ClusteredRatio();
  const fineShare = new ClusteredRatio();
  const feePerOrder = new ClusteredRatio();
  const fined = new ClusteredRatio();
  const onTime = new ClusteredRatio();
  const over8 = new ClusteredRatio();
  const weekHours = new Map<string, number>();
  const monthOvertime = new Map<string, number>();
  const riderDays: RiderDay[] = [];
  let daysWithoutOnline = 0;
  let onlineDaysWithoutOrders = 0;
  let ordersWithPromise = 0;
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;

  for (const key of keys) {
    const rider = keyRider(key);
    const day = keyDay(key);
    firstDay = Math.min(firstDay, day);
    lastDay = Math.max(lastDay, day);
    const list = byDay.get(key) as number[];
    let gross = 0;
    let fines = 0;
    let km = 0;
    let late = 0;
    let withPromise = 0;
    const spans: [number, number][] = [];
    for (const i of list) {
      const pay = records.pay.data[i] as number;
      const fine = records.fine.data[i] as number;
      gross += pay;
      fines += fine;
      km += records.km.data[i] as number;
      spans.push([records.accepted.data[i] as number, records.delivered.data[i] as number]);
      fineShare.add(rider, fine, pay);
      feePerOrder.add(rider, pay);
      fined.add(rider, fine > 0 ? 1 : 0);
      const l = records.late.data[i] as number;
      if (l >= 0) {
        withPromise++;
        late += l;
        onTime.add(rider, 1 - l);
        over8.add(rider, records.lateOver8.data[i] as number);
      }
    }
    ordersWithPromise += withPromise;
    const net = gross - fines;
    const engaged = engagedHours(spans);
    const onlineHours = records.online.get(key);
    const hours = basis === 'online' ? (onlineHours ?? null) : engaged;
    if (basis === 'online' && onlineHours === undefined) daysWithoutOnline++;
    if (list.length === 0) onlineDaysWithoutOrders++;
    const netPerHour = hours !== null && hours > 0 ? net / hours : null;
    const isBelow = netPerHour === null ? null : netPerHour < standards.minHourlyWage;
    const isOverStd = hours === null ? null : hours > standards.standardDailyHours;
    const isOverLegal = hours === null ? null : hours > legal;
    ordersPerDay.add(rider, list.length);
    ordersValues.push(list.length);
    netPerDay.add(rider, net);
    if (netPerHour !== null) {
      perHour.add(rider, netPerHour);
      perHourValues.push(netPerHour);
      below.add(rider, isBelow ? 1 : 0);
    }
    if (hours !== null) {
      hoursMean.add(rider, hours);
      hoursValues.push(hours);
      overStd.add(rider, isOverStd ? 1 : 0);
      overLegal.add(rider, isOverLegal ? 1 : 0);
      const week = `${rider}|${isoWeek(day)}`;
      weekHours.set(week, (weekHours.get(week) ?? 0) + hours);
      const c = civilFromDays(day);
      const month = `${rider}|${c.y}-${c.m}`;
      monthOvertime.set(month, (monthOvertime.get(month) ?? 0) + Math.max(0, hours - standards.standardDailyHours));
      if (hours >= standards.fullTimeMinHours) {
        ftOrders.add(rider, list.length);
        ftHours.add(rider, hours);
        if (netPerHour !== null) ftPerHour.add(rider, netPerHour);
      }
    }
    riderDays.push({
      rider: hashes[rider] as string,
      date: isoDate(day),
      orders: list.length,
      km: r2(km),
      grossCny: r2(gross),
      finesCny: r2(fines),
      netCny: r2(net),
      engagedHours: r2(engaged),
      onlineHours: onlineHours ?? null,
      hours: hours === null ? null : r2(hours),
      netPerHour: netPerHour === null ? null : r2(netPerHour),
      belowMinWage: isBelow,
      overStandardDay: isOverStd,
      overLegalLimit: isOverLegal,
      lateOrders: late,
      ordersWithPromise: withPromise,
    });
  }

  const weeks = new ClusteredRatio();
  for (const [k, h] of weekHours) weeks.add(Number(k.split('|')[0]), h > standards.standardWeeklyHours ? 1 : 0);
  const months = new ClusteredRatio();
  for (const [k, o] of monthOvertime) months.add(Number(k.split('|')[0]), o > standards.maxMonthlyOvertime ? 1 : 0);

  const online = basis === 'online';
  const hourWord = online ? 'online' : 'engaged';
  const hourZh = online ? '在线' : '接单';
  const hoursNote = online
    ? "Hours are the riders' own online hours per day (the online file)."
    : 'Hours are engaged hours (an order in the bag, from accepted_at to delivered_at): without online times, fewer than the hours online, so pay per hour is an upper bound and hours a lower bound.';
  const cl = 'Interval clustered by rider.';
  const sortedOf = (v: number[]) => Float64Array.from(v).sort();
  const perHourSorted = sortedOf(perHourValues);
  const hoursSorted = sortedOf(hoursValues);
  const ordersSorted = sortedOf(ordersValues);
  const payMetric = online ? 'earnings.netPerOnlineHour' : 'earnings.netPerEngagedHour';
  const f = (
    id: string,
    label: string,
    labelZh: string,
    unit: string,
    note: string,
    stat: { value: number; lo: number; hi: number; n: number },
    metric?: string,
  ): Figure => figure({ id, label, labelZh, unit, note, ...(metric !== undefined ? { metric } : {}) }, stat);
  const figures: Figure[] = [
    f(
      'net-per-hour-mean',
      `Net pay per ${hourWord} hour, mean`,
      `每${hourZh}小时净收入，平均`,
      'CNY/h',
      `Net pay (pay − fines) per ${hourWord} hour of each rider-day, mean over rider-days. ${hoursNote} ${cl}`,
      perHour.interval(),
      `${payMetric}.mean`,
    ),
    ...(['p10', 'p50', 'p90'] as const).map((p, k) =>
      f(
        `net-per-hour-${p}`,
        `Net pay per ${hourWord} hour, ${p}`,
        `每${hourZh}小时净收入，${p}`,
        'CNY/h',
        `Net pay per ${hourWord} hour over rider-days. ${hoursNote}`,
        quantileInterval(perHourSorted, [0.1, 0.5, 0.9][k] as number),
        `${payMetric}.${p}`,
      ),
    ),
    f(
      'below-min-wage',
      `Rider-days below the minimum wage (${standards.minHourlyWage} CNY/h)`,
      `低于最低工资（${standards.minHourlyWage} 元/小时）的骑手日占比`,
      'share',
      `Share of rider-days whose net pay per ${hourWord} hour is below the hourly minimum wage of ${standards.minHourlyWage} CNY. ${hoursNote} ${cl}`,
      below.interval(),
      online ? 'earnings.shareBelowMinWage' : undefined,
    ),
    f(
      'net-per-day-mean',
      'Net pay per rider-day, mean',
      '每骑手日净收入，平均',
      'CNY',
      `Pay − fines per rider-day. ${cl}`,
      netPerDay.interval(),
    ),
    f(
      'fee-per-order',
      'Pay per order',
      '每单收入',
      'CNY',
      `Mean pay_cny per order (before fines). ${cl}`,
      feePerOrder.interval(),
      'earnings.feePerOrder',
    ),
    f(
      'fines-share',
      'Fines as a share of pay',
      '罚款占收入比例',
      'share',
      `Σ fine_cny ÷ Σ pay_cny. ${cl}`,
      fineShare.interval(),
      'earnings.penaltyShareOfGross',
    ),
    f(
      'fined-orders',
      'Orders with a fine',
      '被罚款订单占比',
      'share',
      `Share of orders with fine_cny above 0. ${cl}`,
      fined.interval(),
    ),
    f(
      'orders-per-day-mean',
      'Orders per rider-day, mean',
      '每骑手日订单数，平均',
      'orders',
      `Orders accepted per rider-day. ${cl}`,
      ordersPerDay.interval(),
      'workload.ordersPerCourierDay.mean',
    ),
    f(
      'orders-per-day-p50',
      'Orders per rider-day, p50',
      '每骑手日订单数，中位数',
      'orders',
      'Orders per rider-day; quantile interval from order statistics.',
      quantileInterval(ordersSorted, 0.5),
      'workload.ordersPerCourierDay.p50',
    ),
    f(
      'hours-mean',
      `${online ? 'Online' : 'Engaged'} hours per rider-day, mean`,
      `每骑手日${hourZh}时长，平均`,
      'h',
      `${hoursNote} ${cl}`,
      hoursMean.interval(),
      online ? 'workload.onlineHours.mean' : undefined,
    ),
    f(
      'hours-p50',
      `${online ? 'Online' : 'Engaged'} hours per rider-day, p50`,
      `每骑手日${hourZh}时长，中位数`,
      'h',
      hoursNote,
      quantileInterval(hoursSorted, 0.5),
      online ? 'workload.onlineHours.p50' : undefined,
    ),
    f(
      'hours-p90',
      `${online ? 'Online' : 'Engaged'} hours per rider-day, p90`,
      `每骑手日${hourZh}时长，p90`,
      'h',
      hoursNote,
      quantileInterval(hoursSorted, 0.9),
      online ? 'workload.onlineHours.p90' : undefined,
    ),
    f(
      'over-standard-day',
      `Rider-days over ${standards.standardDailyHours} h`,
      `超过 ${standards.standardDailyHours} 小时的骑手日占比`,
      'share',
      `Share of rider-days with more than the standard ${standards.standardDailyHours} hours. ${hoursNote} ${cl}`,
      overStd.interval(),
      online ? 'workload.shareOverStandardDay' : undefined,
    ),
    f(
      'over-legal-limit',
      `Rider-days over ${legal} h`,
      `超过 ${legal} 小时的骑手日占比`,
      'share',
      `Share of rider-days with more than ${legal} hours (the standard day plus ${standards.maxDailyOvertime} hours of overtime, the legal limit). ${hoursNote} ${cl}`,
      overLegal.interval(),
      online ? 'workload.shareOverLegalLimit' : undefined,
    ),
    f(
      'over-standard-week',
      `Rider-weeks over ${standards.standardWeeklyHours} h`,
      `超过 ${standards.standardWeeklyHours} 小时的骑手周占比`,
      'share',
      `Share of rider-weeks (ISO weeks, as far as the records reach) with more than ${standards.standardWeeklyHours} hours. ${hoursNote} ${cl}`,
      weeks.interval(),
    ),
    f(
      'over-monthly-overtime',
      `Rider-months over ${standards.maxMonthlyOvertime} h of overtime`,
      `加班超过 ${standards.maxMonthlyOvertime} 小时的骑手月占比`,
      'share',
      `Share of rider-months whose hours beyond ${standards.standardDailyHours} a day add up to more than ${standards.maxMonthlyOvertime}. ${hoursNote} ${cl}`,
      months.interval(),
    ),
    f(
      'full-time-net-per-hour-mean',
      `Net pay per online hour, full-time rider-days`,
      '全职骑手日每在线小时净收入，平均',
      'CNY/h',
      `Rider-days with at least ${standards.fullTimeMinHours} hours. ${hoursNote} ${cl}`,
      ftPerHour.interval(),
      online ? 'earnings.fullTime.netPerOnlineHour.mean' : undefined,
    ),
    f(
      'full-time-orders-mean',
      'Orders per full-time rider-day, mean',
      '全职骑手日订单数，平均',
      'orders',
      `Rider-days with at least ${standards.fullTimeMinHours} hours. ${hoursNote} ${cl}`,
      ftOrders.interval(),
      online ? 'workload.fullTime.ordersPerCourierDay.mean' : undefined,
    ),
    f(
      'full-time-hours-mean',
      `${online ? 'Online' : 'Engaged'} hours per full-time rider-day, mean`,
      `全职骑手日${hourZh}时长，平均`,
      'h',
      `Rider-days with at least ${standards.fullTimeMinHours} hours. ${hoursNote} ${cl}`,
      ftHours.interval(),
      online ? 'workload.fullTime.onlineHours.mean' : undefined,
    ),
    f(
      'on-time',
      'On-time rate',
      '准时率',
      'share',
      `Share of orders with promised_at delivered at or before it. ${cl}`,
      onTime.interval(),
      'service.onTimeRate',
    ),
    f(
      'late-over-8',
      'Late by more than 8 min',
      '超时 8 分钟以上',
      'share',
      `Share of orders with promised_at delivered more than 8 minutes after it. ${cl}`,
      over8.interval(),
      'service.lateOver8MinRate',
    ),
  ];

  return {
    basis,
    standards,
    counts: {
      riders: records.riders.size,
      orders: n,
      riderDays: keys.length,
      duplicateOrders: records.duplicateOrders,
      duplicateOnline: records.duplicateOnline,
      daysWithoutOnline,
      onlineDaysWithoutOrders,
      implausible: records.plausibility.counts(),
      ordersWithPromise,
      firstDate: Number.isFinite(firstDay) ? isoDate(firstDay) : '',
      lastDate: Number.isFinite(lastDay) ? isoDate(lastDay) : '',
    },
    figures,
    riderDays,
  };
}

/** The audit's figures as a targets file of `arm`. */
export function auditTargets(
  audit: RiderAudit,
  options: { arm: string; fileName: string; sha256: string },
): ReturnType<typeof figuresToTargets> {
  const year = Number(audit.counts.lastDate.slice(0, 4)) || 2024;
  const source: ObservedSource = {
    title: `Riders' own order records ${options.fileName} (${audit.counts.riders} riders, ${audit.counts.firstDate} to ${audit.counts.lastDate}), audited with fairpace audit riders`,
    year,
    sha256: options.sha256,
  };
  const c = audit.counts;
  const leftOut =
    (c.implausible.rows > 0 ? `${droppedSentence(c.implausible)} ` : '') +
    (c.onlineDaysWithoutOrders > 0
      ? `${c.onlineDaysWithoutOrders} rider-days of the online file have no order and count as days online with no pay. `
      : '');
  // A union's members are not a random sample of a city's riders: the figures describe them.
  const strength: Target['strength'] = 'medium';
  return figuresToTargets(audit.figures, {
    name: `Observed: rider records ${options.fileName}`,
    description:
      `Figures of ${audit.counts.riders} riders' own order records (${audit.counts.orders} orders on ${audit.counts.riderDays} rider-days, ${audit.counts.firstDate} to ${audit.counts.lastDate}; file SHA-256 ${options.sha256}), held against the arm "${options.arm}". ` +
      `Hours are ${audit.basis} hours. ${leftOut}The riders are those who gave their records, not a random sample; each range is the sample's 95% interval clustered by rider. Rider ids are not in this file.`,
    arm: options.arm,
    source,
    strength,
  });
}

/** The rider-days as CSV rows (header first); the rider is its salted hash. */
export const RIDER_DAY_COLUMNS = [
  'rider_hash',
  'date',
  'orders',
  'km',
  'gross_cny',
  'fines_cny',
  'net_cny',
  'engaged_hours',
  'online_hours',
  'hours_basis',
  'net_per_hour_cny',
  'below_min_wage',
  'over_standard_day',
  'over_legal_limit',
  'late_orders',
  'orders_with_promise',
] as const;

/** The rider-days as CSV text (CRLF, no byte-order mark). */
export function riderDaysCsv(audit: RiderAudit): string {
  const cell = (v: string | number | boolean | null) =>
    v === null ? '' : typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
  const lines = [RIDER_DAY_COLUMNS.join(',')];
  for (const d of audit.riderDays) {
    lines.push(
      [
        d.rider,
        d.date,
        d.orders,
        d.km,
        d.grossCny,
        d.finesCny,
        d.netCny,
        d.engagedHours,
        d.onlineHours,
        audit.basis,
        d.netPerHour,
        d.belowMinWage,
        d.overStandardDay,
        d.overLegalLimit,
        d.lateOrders,
        d.ordersWithPromise,
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
