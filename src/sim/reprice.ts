/**
 * Runs that differ only in money. The platform's per-order economics (`rules.platform`: revenue per order, the
 * customer's share of it, the food's value, other costs per order) are read by one thing only, the ledger's booking
 * of each delivered order (ledger.ts, through money.ts's `perOrderFlows`): no courier, customer or dispatcher sees
 * them. So a run under other values of them is the same run, order for order, with other amounts booked. `reprice`
 * gives that run's result from the one made, with the run's own arithmetic (money.ts), in integer fen: the bytes
 * a run made under the other values would give (test/sim/reprice.test.ts compares the two on every preset).
 *
 * Sensitivity, sweeps and target searches over these rules then need no run of their own (issue 21: parameters that
 * only change accounting are re-summarised from the base runs, not rerun).
 */
import type { Rules } from '../scenario/schema.ts';
import { FLOWS, type FlowAmounts } from './flows.ts';
import { moneyOf, perOrderFlows, type PerOrderFlows } from './money.ts';
import { PAY_TERM_NAMES, type PayAmounts } from './payTerms.ts';
import type { RunResult } from './results.ts';

/** The rules under `rules.platform` a run re-prices (see the file's comment). */
export const PER_ORDER_MONEY = [
  'deliveryRevenuePerOrder',
  'customerFeeShare',
  'orderValue',
  'otherCostPerOrder',
] as const;

/** Whether two arms' rules differ at most in the per-order money (the rest compared as the caller says). */
export function perOrderMoneyOnly(a: Rules['platform'], b: Rules['platform']): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if ((PER_ORDER_MONEY as readonly string[]).includes(k)) continue;
    if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  }
  return true;
}

/** Amounts held in CNY back to the integer fen they were summed in. */
const toFen = (cny: number): number => Math.round(cny * 100);

/**
 * The result `made` (a synthetic run under `from`) would have been under `to`, which differs from `from` only in
 * the per-order money. A replay's result is never re-priced (its figures come from the instance, not only the
 * ledger): the caller runs it.
 */
export function reprice(made: RunResult, from: Rules, to: Rules): RunResult {
  const days = made.perDay.length;
  const delivered = Math.round(made.metrics.service.ordersDelivered * days);
  const flows = {} as FlowAmounts;
  for (const f of FLOWS) flows[f] = toFen(made.ledger.flows[f]);
  const payTerms = {} as PayAmounts;
  for (const term of PAY_TERM_NAMES) payTerms[term] = toFen(made.ledger[term]);
  const was = perOrderFlows(from.platform);
  const now = perOrderFlows(to.platform);
  for (const f of Object.keys(now) as (keyof PerOrderFlows)[]) flows[f] += (now[f] - was[f]) * delivered;
  const money = moneyOf(to, flows, payTerms, delivered, days);
  // Spread, then set: every key keeps its place, so the result serialises as a run's would.
  return {
    ...made,
    metrics: {
      ...made.metrics,
      platform: money.platform,
      station: money.station,
      customers: { ...made.metrics.customers, compensation: money.compensation },
      insurer: money.insurer,
    },
    ledger: money.ledger,
  };
}
