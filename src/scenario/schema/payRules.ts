/** The platform's rules on money: pay, penalties, economics, compensation and heat measures; sections of `rules`. */
import { z } from 'zod';
import { increasingTiers, int, num, section, share } from './fields.ts';
import { perWeather } from './weather.ts';

/** What a courier is paid per order and per day (`rules.pay`). */
export const PayRules = section({
  base: num(0, 1000).default(7),
  freeKm: num(0, 100).default(3),
  perKm: num(0, 100).default(1),
  peakBonus: num(0, 1000).default(1),
  peakHours: z.array(int(0, 23)).max(24).default([11, 12, 17, 18]),
  weatherBonus: perWeather({ clear: 0, rain: 1, heavyRain: 2, snow: 2, heat35: 0, heat37: 2, heat40: 2 }, 0, 1000),
  holidayMultiplier: num(0, 10).default(1),
  commissionRate: share().default(0.1),
  dailyTiers: z
    .array(z.strictObject({ orders: int(1, 10_000), bonus: num(0, 100_000) }))
    .max(20)
    .default([]),
  guarantee: z
    .strictObject({ perHour: num(0, 1000), basis: z.enum(['online', 'engaged']) })
    .nullable()
    .default(null),
  /**
   * A bonus per delivered order during whose legs the courier ran no red light (detection certain), CNY; 0: none.
   * Paid as a bonus (platform → courier), so it is weighed at every red light (docs/model.md sections 6 and 8).
   */
  safetyBonusPerOrder: num(0, 100).default(0),
});

/** The fines for lateness and complaints, and who receives them (`rules.penalties`). */
export const PenaltyRules = section({
  lateFine: num(0, 1000).default(3),
  perMinuteLate: num(0, 100).default(0),
  severeLateMin: num(0, 600).default(10),
  severeLateFine: num(0, 1000).default(5),
  complaintFine: num(0, 1000).default(10),
  /**
   * A fine as a share of the order's fee by minutes late (the highest tier reached), added to the flat fines above;
   * empty: none. Tiers in increasing order of minutes.
   */
  lateTiers: increasingTiers(z.strictObject({ afterMin: num(0, 600), shareOfFee: share() })),
  /** Who receives the fines: the platform, the delivery station (agency), or no party of the delivery (a fund). */
  recipient: z.enum(['platform', 'station', 'none']).default('platform'),
});

/** The platform's economics per order (`rules.platform`). */
export const PlatformRules = section({
  deliveryRevenuePerOrder: num(0, 1000).default(6.5),
  /** The share of deliveryRevenuePerOrder the customer pays as a delivery fee; the merchant pays the rest as commission. */
  customerFeeShare: share().default(0.45),
  /** The food's value of an order: paid by the customer, received by the merchant. */
  orderValue: num(0, 10_000).default(48),
  /** The platform's costs per delivered order other than couriers (staff, servers, subsidies, marketing). */
  otherCostPerOrder: num(0, 1000).default(1.57),
  depositCny: num(0, 100_000).default(0),
  exclusivity: z.boolean().default(false),
});

/** Compensation to customers for lateness, and who funds it (`rules.compensation`). */
export const CompensationRules = section({
  /** Compensation to the customer by minutes after the promise (the highest tier reached), CNY; increasing. */
  tiers: increasingTiers(z.strictObject({ afterMin: num(0, 600), cny: num(0, 1000) }), [
    { afterMin: 10, cny: 4 },
    { afterMin: 20, cny: 6 },
    { afterMin: 30, cny: 13 },
  ]),
  /** Share of orders covered by the compensation promise (drawn per order from its own stream). */
  coveredShare: share().default(0.19),
  /** Who pays compensation: an insurer, from premiums merchants pay per covered order, or the platform itself. */
  funder: z.enum(['merchantInsurance', 'platform']).default('merchantInsurance'),
  /** The premium a merchant pays per covered delivered order (funder merchantInsurance), CNY. */
  premiumPerOrder: num(0, 100).default(0.2),
});

/** Measures for hot days (`rules.heat`). */
export const HeatRules = section({
  suspendOnHeat40: z.boolean().default(false),
  maxOnlineHoursHeat37: num(0, 24).nullable().default(null),
});
