/**
 * The parties of a delivery and the money flows between them (MODEL.md section 8c). Every yuan of a run is one of
 * these flows, from one party to another, so money is conserved by construction: the parties' balances sum to zero.
 * Who receives fines and who pays compensation are rules; the rest is fixed.
 */
import type { Rules } from '../scenario/schema.ts';

/** The parties: `elsewhere` is everyone outside the delivery (suppliers of couriers' vehicles, the platform's other costs, a fund that receives fines). */
export const PARTIES = ['customers', 'merchants', 'platform', 'station', 'couriers', 'insurer', 'elsewhere'] as const;
export type Party = (typeof PARTIES)[number];

/** Every flow, in the order the ledger and its chart list them. */
export const FLOWS = [
  'orderValue',
  'deliveryFee',
  'merchantCommission',
  'courierFees',
  'courierCommission',
  'fines',
  'bonuses',
  'topUps',
  'premiums',
  'compensation',
  'courierExpenses',
  'otherCosts',
] as const;
export type Flow = (typeof FLOWS)[number];

/** Amounts per flow. */
export type FlowAmounts = Record<Flow, number>;

/** A flow's payer and receiver. */
export type FlowParties = Record<Flow, readonly [from: Party, to: Party]>;

/** Who pays and who receives each flow under these rules. */
export function flowParties(rules: Rules): FlowParties {
  const recipient = rules.penalties.recipient;
  return {
    orderValue: ['customers', 'merchants'],
    deliveryFee: ['customers', 'platform'],
    merchantCommission: ['merchants', 'platform'],
    courierFees: ['platform', 'couriers'],
    courierCommission: ['couriers', 'platform'],
    fines: ['couriers', recipient === 'none' ? 'elsewhere' : recipient],
    bonuses: ['platform', 'couriers'],
    topUps: ['platform', 'couriers'],
    premiums: ['merchants', 'insurer'],
    compensation: [rules.compensation.funder === 'platform' ? 'platform' : 'insurer', 'customers'],
    courierExpenses: ['couriers', 'elsewhere'],
    otherCosts: ['platform', 'elsewhere'],
  };
}

/** Zero for every flow. */
export function zeroFlows(): FlowAmounts {
  return Object.fromEntries(FLOWS.map((f) => [f, 0])) as FlowAmounts;
}

/** Each party's balance: what it received less what it paid. The balances sum to zero. */
export function balancesOf(amounts: FlowAmounts, parties: FlowParties): Record<Party, number> {
  const out = Object.fromEntries(PARTIES.map((p) => [p, 0])) as Record<Party, number>;
  for (const flow of FLOWS) {
    const [from, to] = parties[flow];
    out[from] -= amounts[flow];
    out[to] += amounts[flow];
  }
  return out;
}

/** The net of the flows between two parties, as `a` sees it: what `a` received from `b` less what it paid `b`. */
export function netBetween(amounts: FlowAmounts, parties: FlowParties, a: Party, b: Party): number {
  let net = 0;
  for (const flow of FLOWS) {
    const [from, to] = parties[flow];
    if (from === b && to === a) net += amounts[flow];
    else if (from === a && to === b) net -= amounts[flow];
  }
  return net;
}
