/**
 * What the looser arm of a pair (algorithm-median) costs the platform, per day and per delivered order, split into
 * its parts. Every part is the paired difference of one metric (looser − stricter, over replications that share
 * seeds), so the parts add up to the whole exactly and each has its own 95% interval:
 *
 *   cost = margin(stricter) − margin(looser)
 *        = − Δ platform.deliveryRevenue          (orders delivered today)
 *          + Δ platform.courierPayBeforeFines    (fees, bonuses and top-ups paid)
 *          − Δ platform.fineIncome               (fines the platform no longer keeps; 0 when it receives none)
 *          + Δ platform.compensationPaid         (compensation it pays itself; 0 when merchants' insurance pays)
 *
 * and, beside it, the orders customers keep placing because fewer were late (− Δ customers.lostOrders), valued at
 * the looser arm's margin per order: a later gain, not part of the day's cost. Per order divides by the looser arm's
 * orders delivered a day, held fixed.
 */
import { rulesForArm } from '../scenario/rulesForArm.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Comparison } from './compare.ts';
import { metricAt } from './metricPaths.ts';
import { armPair, scaled, type CostFigure } from './strictestCost.ts';

/** The parts of the platform's cost, in the order they are said. */
export const PLATFORM_COST_PARTS = ['revenue', 'courierPay', 'fines', 'compensation'] as const;
export type PlatformCostPart = (typeof PLATFORM_COST_PARTS)[number];

/** The metric behind each part, and the sign that turns its difference (looser − stricter) into a cost. */
const PART_METRICS: Record<PlatformCostPart, { path: string; sign: 1 | -1 }> = {
  revenue: { path: 'platform.deliveryRevenue', sign: -1 },
  courierPay: { path: 'platform.courierPayBeforeFines', sign: 1 },
  fines: { path: 'platform.fineIncome', sign: -1 },
  compensation: { path: 'platform.compensationPaid', sign: 1 },
};

/** What the looser arm costs the platform (positive: it earns less under the looser arm). */
export interface MedianPlatformCost {
  stricter: string;
  looser: string;
  /** CNY a day, and per delivered order. */
  perDay: CostFigure;
  perOrder: CostFigure;
  /** Each part, CNY a day; they add up to perDay. */
  parts: Record<PlatformCostPart, CostFigure>;
  /** Future orders a day customers keep placing under the looser arm (expected), and their worth to the platform. */
  retainedOrdersPerDay: CostFigure;
  retainedWorthPerDay: CostFigure;
  /** The looser arm's margin per delivered order, at which retained orders are valued. */
  marginPerOrder: number;
  /** Who receives fines and who pays compensation under the looser arm (the parts that are 0 say why). */
  finesTo: Scenario['rules']['penalties']['recipient'];
  compensationBy: Scenario['rules']['compensation']['funder'];
}

/**
 * The platform's cost of the looser arm of the first arm and arm `index` (by deadline percentile, as strictestCost
 * pairs them), or undefined when the pair has no differences.
 */
export function platformCost(
  scenario: Scenario,
  comparison: Comparison,
  index: number,
): MedianPlatformCost | undefined {
  const pair = armPair(scenario, comparison, index);
  if (!pair || pair.size === 0) return undefined;
  const { looser, get } = pair;
  // The differences are other − first; a part's difference must be looser − stricter.
  const turn = pair.firstStricter ? 1 : -1;
  const parts = Object.fromEntries(
    (Object.keys(PART_METRICS) as PlatformCostPart[]).map((part) => {
      const { path, sign } = PART_METRICS[part];
      return [part, scaled(get(path), sign * turn)];
    }),
  ) as Record<PlatformCostPart, CostFigure>;
  const perDay = scaled(get('platform.margin'), -turn);
  const delivered = metricAt(looser.metrics, 'service.ordersDelivered') ?? Number.NaN;
  const marginPerOrder = metricAt(looser.metrics, 'platform.marginPerOrder') ?? Number.NaN;
  const retainedOrdersPerDay = scaled(get('customers.lostOrders'), -turn);
  const rules = rulesForArm(scenario, looser.id);
  return {
    stricter: pair.stricter.id,
    looser: looser.id,
    perDay,
    perOrder: scaled(get('platform.margin'), -turn / delivered),
    parts,
    retainedOrdersPerDay,
    retainedWorthPerDay: scaled(get('customers.lostOrders'), -turn * marginPerOrder),
    marginPerOrder,
    finesTo: rules.penalties.recipient,
    compensationBy: rules.compensation.funder,
  };
}
