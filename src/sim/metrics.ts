/** Summarises a run's tally into the metrics of MODEL.md section 10 (with d3-array for courier-day distributions). */
import { max, mean, quantileSorted } from 'd3-array';
import type { Rules, Scenario } from '../scenario/schema.ts';
import type { CourierDay, DayMetrics, Dist, HourMetrics, Ledger, Metrics } from './results.ts';
import { moneyOf, ratio } from './money.ts';
import { netOf, PAY_TERM_NAMES, type PayAmounts } from './payTerms.ts';
import type { CourierDayRows } from './courierDayColumns.ts';
import { MINUTE_BINS, type Tally } from './tally.ts';

const ZERO_DIST: Dist = { mean: 0, p10: 0, p50: 0, p90: 0 };

/** Mean and quantiles of a sample (zeros for an empty one, so no metric is ever NaN). */
export function distOf(values: ArrayLike<number>): Dist {
  if (values.length === 0) return { ...ZERO_DIST };
  const sorted = Float64Array.from(values).sort();
  return {
    mean: mean(sorted) ?? 0,
    p10: quantileSorted(sorted as unknown as number[], 0.1) ?? 0,
    p50: quantileSorted(sorted as unknown as number[], 0.5) ?? 0,
    p90: quantileSorted(sorted as unknown as number[], 0.9) ?? 0,
  };
}

/** Quantile q of a 0.1-minute histogram, interpolated inside the bin. */
export function histQuantile(hist: Float64Array, q: number): number {
  let total = 0;
  for (let i = 0; i < MINUTE_BINS; i++) total += hist[i] as number;
  if (total === 0) return 0;
  const target = q * total;
  let cum = 0;
  for (let i = 0; i < MINUTE_BINS; i++) {
    const c = hist[i] as number;
    if (c > 0 && cum + c >= target) return (i + (target - cum) / c) / 10;
    cum += c;
  }
  return MINUTE_BINS / 10;
}

function histDist(hist: Float64Array, sum: number, count: number): Dist {
  if (count === 0) return { ...ZERO_DIST };
  return {
    mean: sum / count,
    p10: histQuantile(hist, 0.1),
    p50: histQuantile(hist, 0.5),
    p90: histQuantile(hist, 0.9),
  };
}

/**
 * Mean, quantiles (as d3's quantileSorted would give on the sorted values) and max of a sample given as counts per
 * whole value: counts[k] values equal to k.
 */
export function countsDist(counts: Float64Array): Dist & { max: number } {
  let n = 0;
  let sum = 0;
  let top = 0;
  for (let k = 0; k < counts.length; k++) {
    const c = counts[k] as number;
    n += c;
    sum += k * c;
    if (c > 0) top = k;
  }
  if (n === 0) return { ...ZERO_DIST, max: 0 };
  // The value at sorted position i (0-based).
  const at = (i: number): number => {
    let cum = 0;
    for (let k = 0; k < counts.length; k++) {
      cum += counts[k] as number;
      if (i < cum) return k;
    }
    return top;
  };
  const q = (p: number): number => {
    const pos = (n - 1) * p;
    const i0 = Math.floor(pos);
    const v0 = at(i0);
    return i0 + 1 < n ? v0 + (at(i0 + 1) - v0) * (pos - i0) : v0;
  };
  return { mean: sum / n, p10: q(0.1), p50: q(0.5), p90: q(0.9), max: top };
}

/** Gini coefficient of non-negative values (negative values count as 0; 0 when the total is 0). */
export function gini(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values, (v) => (v > 0 ? v : 0)).sort();
  const n = sorted.length;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i] as number;
    weighted += (2 * (i + 1) - n - 1) * (sorted[i] as number);
  }
  return total > 0 ? weighted / (n * total) : 0;
}

/** Each pay term of kept row i, fen. */
function payOf(rows: CourierDayRows, i: number): PayAmounts {
  const out = {} as PayAmounts;
  for (const term of PAY_TERM_NAMES) out[term] = rows.payFen[term].at(i) as number;
  return out;
}

/** Everything a run reports, computed from its tally. */
export interface Summary {
  metrics: Metrics;
  perDay: DayMetrics[];
  perHour: HourMetrics[];
  ledger: Ledger;
  speedHistogramKm: number[];
}

/** Summarises a tally; `minHourlyWage` etc. come from the scenario's standards. */
export function summarise(scenario: Scenario, rules: Rules, t: Tally): Summary {
  const std = scenario.standards;
  const days = t.days;
  const cd = t.courierDays;
  const n = cd.length;
  const onlineHours = cd.onlineHours.view();
  const engagedHours = cd.engagedHours.view();
  const netCny = cd.netCny.view();
  const orders = cd.orders.view();
  const courierDay = cd.day.view();
  const perOnline = new Float64Array(n);
  const perEngaged = new Float64Array(n);
  const fullTimeHourly: number[] = [];
  const fullTimeOrders: number[] = [];
  const fullTimeOnline: number[] = [];
  let below = 0;
  let overStd = 0;
  let overLegal = 0;
  const totals = t.courierDayPayFen;
  const legalLimit = std.standardDailyHours + std.maxDailyOvertime;
  const dayBelow = new Float64Array(days);
  const dayCourierDays = new Float64Array(days);
  const dayOnlineHours = new Float64Array(days);
  for (let i = 0; i < n; i++) {
    const online = onlineHours[i] as number;
    const net = netCny[i] as number;
    const hourly = ratio(net, online);
    perOnline[i] = hourly;
    perEngaged[i] = ratio(net, engagedHours[i] as number);
    const isBelow = hourly < std.minHourlyWage;
    if (isBelow) below++;
    if (online >= std.fullTimeMinHours) {
      fullTimeHourly.push(hourly);
      fullTimeOrders.push(orders[i] as number);
      fullTimeOnline.push(online);
    }
    if (online > std.standardDailyHours) overStd++;
    if (online > legalLimit) overLegal++;
    const d = courierDay[i] as number;
    dayCourierDays[d] = (dayCourierDays[d] as number) + 1;
    dayOnlineHours[d] = (dayOnlineHours[d] as number) + online;
    if (isBelow) dayBelow[d] = (dayBelow[d] as number) + 1;
  }
  const money = moneyOf(rules, t.flowFen, totals, t.delivered, days);
  const onlineDist = distOf(onlineHours);

  const metrics: Metrics = {
    earnings: {
      netPerOnlineHour: distOf(perOnline),
      netPerEngagedHour: distOf(perEngaged),
      shareBelowMinWage: ratio(below, n),
      gini: gini(perOnline),
      penaltyShareOfGross: ratio(totals.penalties, totals.fees),
      topUpShare: ratio(t.toppedUpCourierDays, n),
      feePerOrder: ratio(totals.fees / 100, t.delivered),
      totalPay: (netOf(totals) + totals.expenses) / 100 / days,
      fullTime: { netPerOnlineHour: distOf(fullTimeHourly) },
    },
    workload: {
      onlineHours: { ...onlineDist, max: max(onlineHours) ?? 0 },
      shareOverStandardDay: ratio(overStd, n),
      shareOverLegalLimit: ratio(overLegal, n),
      ordersPerCourierDay: distOf(orders),
      kmPerCourierDay: distOf(cd.km.view()),
      longestStretchHours: distOf(cd.longestHours.view()),
      fullTime: { ordersPerCourierDay: distOf(fullTimeOrders), onlineHours: distOf(fullTimeOnline) },
    },
    safety: {
      speedingKmShare: ratio(t.speedingKm, t.km),
      meanSpeedKmh: ratio(t.kmTimesKmh, t.km),
      redLightRunsPerCourierDay: ratio(t.redRuns, n),
      relativeCrashRisk: ratio(t.crashes, t.baseline, 1),
      injuryCrashesPer1000CourierDays: ratio(t.crashes * 1000, n),
      fatiguedKmShare: ratio(t.fatiguedKm, t.km),
    },
    service: {
      ordersPlaced: t.placed / days,
      ordersDelivered: t.delivered / days,
      ordersUndelivered: t.cancelled / days,
      onTimeRate: ratio(t.onTime, t.delivered),
      clickToDoorMin: histDist(t.clickToDoorHist, t.clickToDoorSumMin, t.delivered),
      acceptToPickupMin: histDist(t.acceptToPickupHist, t.acceptToPickupSumMin, t.delivered),
      pickupToDoorMin: histDist(t.pickupToDoorHist, t.pickupToDoorSumMin, t.delivered),
      promisedMin: histDist(t.promisedHist, t.promisedSumMin, t.placed),
      lateOver8MinRate: ratio(t.lateOver8, t.delivered),
      ordersPerWave: ratio(t.accepted, t.waves),
      bagAtPeak: countsDist(t.bagAtPeak),
    },
    platform: money.platform,
    station: money.station,
    customers: {
      compensation: money.compensation,
      compensatedShare: ratio(t.compensated, t.covered),
      lostOrders: t.lostOrders / days,
      ordersNotPlaced: t.ordersNotPlaced / days,
    },
    insurer: money.insurer,
  };

  const perDay: DayMetrics[] = [];
  for (let d = 0; d < days; d++) {
    perDay.push({
      day: d,
      promisedMinMean: ratio(t.dayPromisedSumMin[d] as number, t.dayPlaced[d] as number),
      onTimeRate: ratio(t.dayOnTime[d] as number, t.dayDelivered[d] as number),
      speedingKmShare: ratio(t.daySpeedingKm[d] as number, t.dayKm[d] as number),
      relativeCrashRisk: ratio(t.dayCrashes[d] as number, t.dayBaseline[d] as number, 1),
      shareBelowMinWage: ratio(dayBelow[d] as number, dayCourierDays[d] as number),
      onlineHoursMean: ratio(dayOnlineHours[d] as number, dayCourierDays[d] as number),
      meanRiskTolerance: t.dayRiskTolerance[d] as number,
    });
  }
  const perHour: HourMetrics[] = [];
  for (let h = 0; h < 24; h++) {
    perHour.push({
      hour: h,
      ordersPlaced: (t.hourPlaced[h] as number) / days,
      onTimeRate: ratio(t.hourOnTime[h] as number, t.hourDelivered[h] as number),
      promisedMinMean: ratio(t.hourPromisedSumMin[h] as number, t.hourPlaced[h] as number),
      speedingKmShare: ratio(t.hourSpeedingKm[h] as number, t.hourKm[h] as number),
    });
  }
  return { metrics, perDay, perHour, ledger: money.ledger, speedHistogramKm: Array.from(t.speedHistKm) };
}

/**
 * The courier-day rows of a tally (for evidence packs and charts); the tally must have kept its rows (a run asked for
 * `courierDays`).
 */
export function courierDaysOf(t: Tally, crowd: Uint8Array, isNew: Uint8Array): CourierDay[] {
  const kept = t.courierDayRows;
  if (!kept) throw new Error('courier-day rows were not kept for this run (run it with courierDays)');
  const cd = t.courierDays;
  const rows: CourierDay[] = [];
  for (let i = 0; i < cd.length; i++) {
    const c = kept.courier.at(i) as number;
    const online = cd.onlineHours.at(i) as number;
    const pay = payOf(kept, i);
    const net = netOf(pay) / 100;
    const row = {
      courier: c,
      day: cd.day.at(i) as number,
      employment: crowd[c] === 1 ? 'crowd' : 'dedicated',
      isNew: isNew[c] === 1,
      onlineHours: online,
      engagedHours: cd.engagedHours.at(i) as number,
      longestStretchHours: cd.longestHours.at(i) as number,
      orders: cd.orders.at(i) as number,
      lateOrders: kept.lateOrders.at(i) as number,
      km: cd.km.at(i) as number,
      speedingKm: kept.speedingKm.at(i) as number,
      fatiguedKm: kept.fatiguedKm.at(i) as number,
      redLightRuns: kept.redRuns.at(i) as number,
      relativeCrashRisk: ratio(kept.crashes.at(i) as number, kept.baseline.at(i) as number, 1),
    } as CourierDay;
    for (const term of PAY_TERM_NAMES) row[`${term}Cny`] = pay[term] / 100;
    row.netCny = net;
    row.netPerOnlineHour = ratio(net, online);
    rows.push(row);
  }
  return rows;
}
