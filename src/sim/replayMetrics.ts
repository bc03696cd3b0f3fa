/** The MDRP benchmark's figures of a replay (Reyes et al. 2018): service, utilisation and the MDRP pay rule. */
import { max } from 'd3-array';
import type { ReplayInstance } from '../scenario/schema.ts';
import { distOf } from './metrics.ts';
import type { MdrpMetrics, ReplaySolution } from './results.ts';

/**
 * Computes the MDRP metrics of one replay from its solution. Pay follows the instance's rule, courier by courier:
 * max(pay per order × orders, guaranteed pay per hour × shift hours), whatever the arm's own pay rules say.
 */
export function mdrpMetrics(
  instance: ReplayInstance,
  solution: ReplaySolution,
  courierOrders: Float64Array,
  courierBusyMin: Float64Array,
): MdrpMetrics {
  const p = instance.parameters;
  const clickToDoor = solution.orders.map((o) => o.dropoffMin - o.placementMin);
  const n = clickToDoor.length;
  let overage = 0;
  let overTarget = 0;
  for (const m of clickToDoor) {
    if (m > p.targetClickToDoorMin) {
      overage += m - p.targetClickToDoorMin;
      overTarget++;
    }
  }
  let shiftMin = 0;
  let busyMin = 0;
  let pay = 0;
  let guaranteed = 0;
  instance.couriers.forEach((c, i) => {
    const minutes = c.offMin - c.onMin;
    shiftMin += minutes;
    busyMin += courierBusyMin[i] as number;
    const perOrder = p.payPerOrder * (courierOrders[i] as number);
    const guarantee = (p.guaranteedPayPerHour * minutes) / 60;
    pay += Math.max(perOrder, guarantee);
    if (guarantee > perOrder) guaranteed++;
  });
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  return {
    ordersDelivered: n,
    deliveredShare: ratio(n, instance.orders.length),
    clickToDoorMin: { ...distOf(clickToDoor), max: max(clickToDoor) ?? 0 },
    clickToDoorOverageMin: ratio(overage, n),
    shareOverTarget: ratio(overTarget, n),
    readyToDoorMin: distOf(solution.orders.map((o) => o.dropoffMin - o.readyMin)),
    readyToPickupMin: distOf(solution.orders.map((o) => o.pickupMin - o.readyMin)),
    courierUtilisation: ratio(busyMin, shiftMin),
    ordersPerCourierHour: ratio(n * 60, shiftMin),
    totalCourierPay: pay,
    shareCouriersPaidGuarantee: ratio(guaranteed, instance.couriers.length),
  };
}
