/**
 * The money metrics of a run, from its flows alone (MODEL.md section 8c): the platform's, the station's and the
 * insurer's margins, the customers' compensation, and the ledger's money lines. Kept apart from the rest of
 * summarise (metrics.ts) so that a run re-priced under other per-order economics (reprice.ts) is summarised by the
 * very same arithmetic, and so gives the same bytes as a run made under them.
 */
import type { Rules } from '../scenario/schema.ts';
import { balancesOf, FLOWS, flowParties, netBetween, zeroFlows, type FlowAmounts } from './flows.ts';
import { fen } from './pay.ts';
import { netOf, PAY_TERM_NAMES, type PayAmounts } from './payTerms.ts';
import type { Ledger, Metrics } from './results.ts';

/** The flows a delivered order books whatever happens to it, fen. */
export type PerOrderFlows = Pick<FlowAmounts, 'orderValue' | 'deliveryFee' | 'merchantCommission' | 'otherCosts'>;

/** What each delivered order books under the platform's economics (`rules.platform`), fen. */
export function perOrderFlows(p: Rules['platform']): PerOrderFlows {
  const revenue = fen(p.deliveryRevenuePerOrder);
  const customerFee = Math.round(revenue * p.customerFeeShare);
  return {
    orderValue: fen(p.orderValue),
    deliveryFee: customerFee,
    merchantCommission: revenue - customerFee,
    otherCosts: fen(p.otherCostPerOrder),
  };
}

/** a ÷ b, or `ifEmpty` when b is not positive (so no metric is NaN); metrics.ts uses it too. */
export const ratio = (a: number, b: number, ifEmpty = 0): number => (b > 0 ? a / b : ifEmpty);

/** The money metrics and ledger of a run: `flows` and `payTerms` in fen, `delivered` orders over `days` days. */
export interface Money {
  platform: Metrics['platform'];
  station: Metrics['station'];
  insurer: Metrics['insurer'];
  /** Compensation paid to customers, CNY per day. */
  compensation: number;
  ledger: Ledger;
}

/** The run's money (see the file's comment): flows and pay terms in fen. */
export function moneyOf(
  rules: Rules,
  flows: FlowAmounts,
  payTerms: PayAmounts,
  delivered: number,
  days: number,
): Money {
  const parties = flowParties(rules);
  const revenueFen = flows.deliveryFee + flows.merchantCommission;
  const courierPayFen = netBetween(flows, parties, 'couriers', 'platform');
  const balances = balancesOf(flows, parties);
  // The margin is the platform's balance before its other costs; operating profit is after them.
  const marginFen = balances.platform + flows.otherCosts;
  const fineIncomeFen = parties.fines[1] === 'platform' ? flows.fines : 0;
  const platformCompensationFen = parties.compensation[0] === 'platform' ? flows.compensation : 0;

  const ledger = { revenue: revenueFen / 100 } as Ledger;
  for (const term of PAY_TERM_NAMES) ledger[term] = payTerms[term] / 100;
  ledger.courierNet = netOf(payTerms) / 100;
  ledger.platformMargin = marginFen / 100;
  ledger.flows = zeroFlows();
  for (const flow of FLOWS) ledger.flows[flow] = flows[flow] / 100;
  ledger.parties = balancesOf(ledger.flows, parties);

  return {
    platform: {
      deliveryRevenue: revenueFen / 100 / days,
      courierPay: courierPayFen / 100 / days,
      margin: marginFen / 100 / days,
      courierPayPerOrder: ratio(courierPayFen / 100, delivered),
      marginPerOrder: ratio(marginFen / 100, delivered),
      courierPayBeforeFines: (courierPayFen + fineIncomeFen) / 100 / days,
      fineIncome: fineIncomeFen / 100 / days,
      compensationPaid: platformCompensationFen / 100 / days,
      operatingProfit: balances.platform / 100 / days,
      operatingProfitPerOrder: ratio(balances.platform / 100, delivered),
    },
    station: {
      margin: balances.station / 100 / days,
      marginPerOrder: ratio(balances.station / 100, delivered),
    },
    insurer: { margin: balances.insurer / 100 / days },
    compensation: flows.compensation / 100 / days,
    ledger,
  };
}
