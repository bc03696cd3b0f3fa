/**
 * Who gains and who pays when a rule moves from its current value to the one the target finder found: what the
 * couriers gain (their balance in the ledger: fees, bonuses and top-ups less commission, fines and their own riding
 * costs), what the platform pays (the fall of its margin), and where the difference between the two goes. Every yuan
 * of a run is a flow between two parties (src/sim/flows.ts), so the difference is exactly the flows that touch one of
 * the two and not the other:
 *
 *   platform pays − couriers gain = revenue lost          (delivery fees and merchants' commission it no longer gets)
 *                                 + compensation paid     (to customers for late orders, when the platform funds it)
 *                                 + fines elsewhere       (fines couriers pay to a party other than the platform)
 *                                 + courier expenses      (what couriers spend riding, to no party of the delivery)
 *
 * Each term is the paired difference (found − current) over replications that share seeds, CNY a day for the whole
 * fleet, so the terms add up to the whole and each has its own 95% interval.
 */
import { flowParties, FLOWS, type Flow } from '../sim/flows.ts';
import type { RunResult } from '../sim/results.ts';
import type { Rules } from '../scenario/schema.ts';
import { pairedDifference, type Difference } from './stats.ts';

/** The parts of the difference between what the platform pays and what couriers gain, in the order they are said. */
export const MONEY_GAP_PARTS = ['revenue', 'compensation', 'finesElsewhere', 'courierExpenses'] as const;
export type MoneyGapPart = (typeof MONEY_GAP_PARTS)[number];

/** What moving the rule does to each side's money, CNY a day for the whole fleet, paired (found − current). */
export interface MoneyChange {
  /** The couriers' balance: what they keep after commission, fines and their riding costs (positive: they gain). */
  couriersGain: Difference;
  /** The fall of the platform's margin (positive: it pays more). */
  platformPays: Difference;
  /** platformPays − couriersGain, split into its parts (positive: the platform pays it, couriers do not get it). */
  gap: Difference;
  parts: Record<MoneyGapPart, Difference>;
  /** Each flow's change, CNY a day, and who pays and receives it under the arm's rules. */
  flows: Record<Flow, Difference>;
  /** Who receives fines and who pays compensation (the parts that are zero say why). */
  finesTo: Rules['penalties']['recipient'];
  compensationBy: Rules['compensation']['funder'];
  /** Courier-days a day at the current value (mean over replications), for a per-courier figure. */
  courierDaysPerDay: number;
}

/** A run's flows per day (its ledger holds the totals over its reported days). */
function flowsPerDay(run: RunResult): Record<Flow, number> {
  const days = Math.max(1, run.perDay.length);
  return Object.fromEntries(FLOWS.map((f) => [f, run.ledger.flows[f] / days])) as Record<Flow, number>;
}

/**
 * The money change from the runs at the current value to the runs at the found one (same seeds, same order), or
 * undefined when a run carries no ledger (a stand-in executor's results).
 */
export function moneyChange(
  rules: Rules,
  current: readonly RunResult[],
  found: readonly RunResult[],
): MoneyChange | undefined {
  if ([...current, ...found].some((r) => !r.ledger?.flows || !Array.isArray(r.perDay))) return undefined;
  const parties = flowParties(rules);
  const finesToPlatform = parties.fines[1] === 'platform';
  const platformFunds = parties.compensation[0] === 'platform';
  /** Per replication: each side's figure and each part, from the flows alone. */
  const figures = (run: RunResult) => {
    const f = flowsPerDay(run);
    const toCouriers = f.courierFees + f.bonuses + f.topUps - f.courierCommission;
    const revenue = f.deliveryFee + f.merchantCommission;
    const compensation = platformFunds ? f.compensation : 0;
    const finesElsewhere = finesToPlatform ? 0 : f.fines;
    return {
      couriers: toCouriers - f.fines - f.courierExpenses,
      // The margin before the platform's other costs: revenue and fines kept, less what it pays couriers and customers.
      margin: revenue + (finesToPlatform ? f.fines : 0) - toCouriers - compensation,
      revenue,
      compensation,
      finesElsewhere,
      courierExpenses: f.courierExpenses,
    };
  };
  const a = current.map(figures);
  const b = found.map(figures);
  const diff = (pick: (x: ReturnType<typeof figures>) => number, sign = 1) =>
    pairedDifference(
      a.map((x) => sign * pick(x)),
      b.map((x) => sign * pick(x)),
    );
  const fa = current.map(flowsPerDay);
  const fb = found.map(flowsPerDay);
  const flows = Object.fromEntries(
    FLOWS.map((flow) => [
      flow,
      pairedDifference(
        fa.map((x) => x[flow]),
        fb.map((x) => x[flow]),
      ),
    ]),
  ) as Record<Flow, Difference>;
  const courierDays = current.map((r) => r.metrics.service.ordersDelivered / Math.max(1e-9, perCourier(r)));
  return {
    couriersGain: diff((x) => x.couriers),
    platformPays: diff((x) => x.margin, -1),
    gap: diff((x) => -x.margin - x.couriers),
    parts: {
      revenue: diff((x) => x.revenue, -1),
      compensation: diff((x) => x.compensation),
      finesElsewhere: diff((x) => x.finesElsewhere),
      courierExpenses: diff((x) => x.courierExpenses),
    },
    flows,
    finesTo: rules.penalties.recipient,
    compensationBy: rules.compensation.funder,
    courierDaysPerDay: courierDays.length > 0 ? courierDays.reduce((s, x) => s + x, 0) / courierDays.length : 0,
  };
}

/** Orders per courier-day of a run (the mean of the distribution), to count courier-days from orders delivered. */
function perCourier(run: RunResult): number {
  return run.metrics.workload.ordersPerCourierDay.mean;
}
