/**
 * Pay (MODEL.md section 8): piece rate, commission, penalties, tiers, expenses and the minimum guarantee. Money is
 * counted in integer fen (0.01 CNY), rounded once per item, so the ledger identity holds exactly.
 */
import type { Rules, Scenario, Weather } from '../scenario/schema.ts';

/** CNY → fen, rounded half away from zero. */
export function fen(cny: number): number {
  return Math.round(cny * 100);
}

/** Fee of one delivered order, fen: (base + perKm × max(0, km − freeKm) + peak + weather bonus) × holiday multiplier. */
export function orderFeeFen(
  pay: Rules['pay'],
  roadKm: number,
  peak: boolean,
  weather: Weather,
  holiday: boolean,
): number {
  const extraKm = roadKm > pay.freeKm ? roadKm - pay.freeKm : 0;
  const fee = pay.base + pay.perKm * extraKm + (peak ? pay.peakBonus : 0) + pay.weatherBonus[weather];
  return fen(holiday ? fee * pay.holidayMultiplier : fee);
}

/** Commission kept by the platform or agency on one fee, fen. */
export function commissionFen(pay: Rules['pay'], feeFen: number): number {
  return Math.round(feeFen * pay.commissionRate);
}

/**
 * Penalties for one late order, fen: fine + per-minute fine + severe-lateness fine + the share of the fee of the
 * highest `lateTiers` tier passed + complaint fine if one came.
 */
export function latePenaltyFen(
  penalties: Rules['penalties'],
  minutesLate: number,
  complaint: boolean,
  feeFen: number,
): number {
  let cny = penalties.lateFine + penalties.perMinuteLate * minutesLate;
  if (minutesLate > penalties.severeLateMin) cny += penalties.severeLateFine;
  if (complaint) cny += penalties.complaintFine;
  let share = 0;
  for (const tier of penalties.lateTiers) if (minutesLate > tier.afterMin) share = tier.shareOfFee;
  return fen(cny) + Math.round(feeFen * share);
}

/** Compensation to the customer of an order delivered `minutesLate` after its promise, fen (highest tier passed). */
export function compensationFen(compensation: Rules['compensation'], minutesLate: number): number {
  let cny = 0;
  for (const tier of compensation.tiers) if (minutesLate > tier.afterMin) cny = tier.cny;
  return fen(cny);
}

/** The daily order-count bonus: the bonus of the highest tier reached, fen. */
export function tierBonusFen(pay: Rules['pay'], orders: number): number {
  let best = 0;
  let bestOrders = -1;
  for (const tier of pay.dailyTiers) {
    if (orders >= tier.orders && tier.orders > bestOrders) {
      bestOrders = tier.orders;
      best = tier.bonus;
    }
  }
  return fen(best);
}

/**
 * Top-up of the minimum guarantee, fen: pay is raised to perHour × hours (online or engaged), compared with what the
 * courier earned from the platform before expenses (fees − commission − penalties + bonuses).
 */
export function guaranteeTopUpFen(
  pay: Rules['pay'],
  earnedFen: number,
  onlineHours: number,
  engagedHours: number,
): number {
  const g = pay.guarantee;
  if (!g) return 0;
  const floor = fen(g.perHour * (g.basis === 'online' ? onlineHours : engagedHours));
  return floor > earnedFen ? floor - earnedFen : 0;
}

/** The courier's own costs for a day, fen: per day plus per km. */
export function expensesFen(population: Scenario['population'], km: number): number {
  return fen(population.expensePerDay + population.expensePerKm * km);
}
