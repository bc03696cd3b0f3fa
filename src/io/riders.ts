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
import { civilFromDays, isoDate, isoWeek } from './geoTime.ts';
import { figuresToTargets, type Figure, type ObservedSource } from './observed.ts';
import { droppedSentence, type ImplausibleCounts } from './plausibility.ts';
import { RiderTallies, riderFigures } from './riderFigures.ts';
import { engagedHours, keyDay, keyRider, riderDayKey, type RiderRecords } from './riderRecords.ts';

// The audit reads the records first: its readers are part of its public face.
export { RiderOnlineReader, RiderOrdersReader, RiderRecords } from './riderRecords.ts';

/** The labour standards the audit holds the records against (a scenario's `standards`). */
export type Standards = Scenario['standards'];

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

  const t = new RiderTallies();
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
      t.fineShare.add(rider, fine, pay);
      t.feePerOrder.add(rider, pay);
      t.fined.add(rider, fine > 0 ? 1 : 0);
      const l = records.late.data[i] as number;
      if (l >= 0) {
        withPromise++;
        late += l;
        t.onTime.add(rider, 1 - l);
        t.over8.add(rider, records.lateOver8.data[i] as number);
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
    t.ordersPerDay.add(rider, list.length);
    t.ordersValues.push(list.length);
    t.netPerDay.add(rider, net);
    if (netPerHour !== null) {
      t.perHour.add(rider, netPerHour);
      t.perHourValues.push(netPerHour);
      t.below.add(rider, isBelow ? 1 : 0);
    }
    if (hours !== null) {
      t.hoursMean.add(rider, hours);
      t.hoursValues.push(hours);
      t.overStd.add(rider, isOverStd ? 1 : 0);
      t.overLegal.add(rider, isOverLegal ? 1 : 0);
      const week = `${rider}|${isoWeek(day)}`;
      t.weekHours.set(week, (t.weekHours.get(week) ?? 0) + hours);
      const c = civilFromDays(day);
      const month = `${rider}|${c.y}-${c.m}`;
      t.monthOvertime.set(month, (t.monthOvertime.get(month) ?? 0) + Math.max(0, hours - standards.standardDailyHours));
      if (hours >= standards.fullTimeMinHours) {
        t.ftOrders.add(rider, list.length);
        t.ftHours.add(rider, hours);
        if (netPerHour !== null) t.ftPerHour.add(rider, netPerHour);
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

  const figures = riderFigures(t, standards, basis);

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
