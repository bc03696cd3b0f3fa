/**
 * The terms of a courier's pay for a day (MODEL.md section 8), declared once. Net pay, the platform's courier pay,
 * the ledger and the courier-day rows are all derived from this table, so a new term is added here and nowhere else,
 * and the money-identity test covers it at once:
 * courier net = Σ sign × term; courier pay (what the platform pays) = Σ over platform terms;
 * revenue = platform margin + courier net + the courier's own costs.
 */
export const PAY_TERMS = {
  /** Piece-rate fees of delivered orders. */
  fees: { sign: 1, platform: true },
  /** The share of fees kept by the platform or agency. */
  commission: { sign: -1, platform: true },
  /** Fines for late orders and complaints. */
  penalties: { sign: -1, platform: true },
  /** Daily order-count tier bonuses. */
  bonuses: { sign: 1, platform: true },
  /** Minimum-guarantee top-ups. */
  topUps: { sign: 1, platform: true },
  /** The courier's own costs (battery, vehicle, per km): not paid by the platform. */
  expenses: { sign: -1, platform: false },
} as const satisfies Record<string, { sign: 1 | -1; platform: boolean }>;

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

/** What the platform pays couriers: Σ sign × amount over the platform's terms (before the couriers' own costs). */
export function courierPayOf(amounts: PayAmounts): number {
  let pay = 0;
  for (const term of PAY_TERM_NAMES) if (PAY_TERMS[term].platform) pay += PAY_TERMS[term].sign * amounts[term];
  return pay;
}
