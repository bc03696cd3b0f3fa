/**
 * The terms of a courier's pay for a day (MODEL.md section 8), declared once. Each term is one money flow of the
 * ledger (src/sim/ledger.ts), so who pays and who receives it is the ledger's, and the money-conservation test covers
 * a new term at once: courier net = Σ sign × term; what the courier earned from the work (the minimum guarantee's
 * yardstick) = the same without the courier's own costs.
 */
import type { Flow } from './flows.ts';

export const PAY_TERMS = {
  /** Piece-rate fees of delivered orders. */
  fees: { sign: 1, flow: 'courierFees', ownCost: false },
  /** The share of fees kept by the platform. */
  commission: { sign: -1, flow: 'courierCommission', ownCost: false },
  /** Fines for late orders and complaints (received as `rules.penalties.recipient` says). */
  penalties: { sign: -1, flow: 'fines', ownCost: false },
  /** Daily order-count tier bonuses, and safety bonuses per order carried without a red light run. */
  bonuses: { sign: 1, flow: 'bonuses', ownCost: false },
  /** Minimum-guarantee top-ups. */
  topUps: { sign: 1, flow: 'topUps', ownCost: false },
  /** The courier's own costs (battery, vehicle, per km): paid to no party of the delivery. */
  expenses: { sign: -1, flow: 'courierExpenses', ownCost: true },
} as const satisfies Record<string, { sign: 1 | -1; flow: Flow; ownCost: boolean }>;

/** The name of a pay term. */
export type PayTerm = keyof typeof PAY_TERMS;

/** Every pay term, in declaration order. */
export const PAY_TERM_NAMES = Object.keys(PAY_TERMS) as PayTerm[];

/** Amounts per pay term. */
export type PayAmounts = Record<PayTerm, number>;

/** Courier net: Σ sign × amount over every term. */
export function netOf(amounts: PayAmounts): number {
  let net = 0;
  for (const term of PAY_TERM_NAMES) net += PAY_TERMS[term].sign * amounts[term];
  return net;
}

/** What the courier earned from the work, before their own costs: Σ sign × amount over the other terms. */
export function earnedOf(amounts: PayAmounts): number {
  let earned = 0;
  for (const term of PAY_TERM_NAMES) if (!PAY_TERMS[term].ownCost) earned += PAY_TERMS[term].sign * amounts[term];
  return earned;
}
