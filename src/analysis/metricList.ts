/** The metric paths of MODEL.md section 10, known without running anything (for checking user input early). */
import type { Dist, Metrics } from '../sim/results.ts';
import { metricLeaves } from './metricPaths.ts';

const D: Dist = { mean: 0, p10: 0, p50: 0, p90: 0 };

/** A zero metrics object; typed as Metrics, so the compiler keeps it complete when a metric is added. */
const TEMPLATE: Metrics = {
  earnings: {
    netPerOnlineHour: D,
    netPerEngagedHour: D,
    shareBelowMinWage: 0,
    gini: 0,
    penaltyShareOfGross: 0,
    topUpShare: 0,
    feePerOrder: 0,
    totalPay: 0,
    fullTime: { netPerOnlineHour: D },
  },
  workload: {
    onlineHours: { ...D, max: 0 },
    shareOverStandardDay: 0,
    shareOverLegalLimit: 0,
    ordersPerCourierDay: D,
    kmPerCourierDay: D,
    longestStretchHours: D,
    fullTime: { ordersPerCourierDay: D, onlineHours: D },
  },
  safety: {
    speedingKmShare: 0,
    meanSpeedKmh: 0,
    redLightRunsPerCourierDay: 0,
    relativeCrashRisk: 0,
    injuryCrashesPer1000CourierDays: 0,
    fatiguedKmShare: 0,
  },
  service: {
    ordersPlaced: 0,
    ordersDelivered: 0,
    ordersUndelivered: 0,
    onTimeRate: 0,
    clickToDoorMin: D,
    acceptToPickupMin: D,
    pickupToDoorMin: D,
    promisedMin: D,
    lateOver8MinRate: 0,
    ordersPerWave: 0,
    bagAtPeak: { ...D, max: 0 },
  },
  platform: {
    deliveryRevenue: 0,
    courierPay: 0,
    margin: 0,
    courierPayPerOrder: 0,
    marginPerOrder: 0,
    courierPayBeforeFines: 0,
    fineIncome: 0,
    compensationPaid: 0,
    operatingProfit: 0,
    operatingProfitPerOrder: 0,
  },
  station: { margin: 0, marginPerOrder: 0 },
  customers: { compensation: 0, compensatedShare: 0, lostOrders: 0, ordersNotPlaced: 0 },
  insurer: { margin: 0 },
};

/** Every numeric metric path, e.g. `earnings.shareBelowMinWage`, `workload.onlineHours.p90`. */
export const METRIC_PATHS: readonly string[] = metricLeaves(TEMPLATE).map(([path]) => path);

/** Whether `path` names a numeric metric. */
export function isMetricPath(path: string): boolean {
  return METRIC_PATHS.includes(path);
}
