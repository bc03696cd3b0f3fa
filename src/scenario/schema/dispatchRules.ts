/** The platform's dispatch, deadline and assessment rules: sections of `rules` (see ./rules.ts). */
import { z } from 'zod';
import { int, num, section, share } from './fields.ts';

/** How orders are given to couriers (`rules.dispatch`): the policy, its batches, bags and bundles. */
export const DispatchRules = z
  .strictObject({
    /**
     * `rolling` (rolling-horizon bundling, matching and late commitment: src/sim/rollingDispatch.ts), `greedy`
     * (cheapest insertion, order by order), `nearest` (nearest courier, appended) or `fairShare` (greedy plus a cost
     * per CNY already earned today).
     */
    policy: z.enum(['rolling', 'greedy', 'nearest', 'fairShare']).default('rolling'),
    batchSeconds: int(5, 600).default(30),
    maxBag: int(1, 20).default(10),
    maxPickupKm: num(0.5, 50).default(5),
    planningSpeedKmh: num(3, 60).default(15),
    fairShareSecPerCny: num(0, 3600).default(10),
    latenessWeight: num(0, 1000).default(10),
    /** Weight of the new order's own delivery time in the insertion cost (0: detour and lateness only). */
    deliveryTimeWeight: num(0, 100).default(0),
    /** The platform gives no courier an order its plan would deliver more than this after the promise; it waits. */
    maxPlannedLateMin: num(0, 1440).default(20),
    candidates: int(1, 1000).default(12),
    /**
     * rolling: the most orders one bundle holds (null: 4, or maxBag when smaller; an explicit value above maxBag is
     * refused); the batch's target size is orders per free courier, up to this.
     */
    bundleMax: int(1, 20).nullable().default(null),
    /** rolling: restaurants of one bundle lie at most this far from its first, straight-line km. */
    bundlePickupKm: num(0, 10).default(1.5),
    /** rolling: food of one bundle is ready at most this long after the first order's, minutes. */
    bundleReadyGapMin: num(0, 120).default(10),
    /** rolling: an order joins a bundle only when it adds at most this much to the bundle's route, minutes. */
    bundleAddedMin: num(0, 120).default(12),
    /** rolling: an assignment is committed only when the courier would wait at most this long for the food, minutes. */
    commitHorizonMin: num(0, 120).default(5),
    /** rolling: a courier with a bag takes a further order only when it adds at most this to the plan, minutes. */
    onTheWayMin: num(0, 120).default(5),
  })
  .refine((d) => d.bundleMax === null || d.bundleMax <= d.maxBag, {
    path: ['bundleMax'],
    message: 'a bundle cannot hold more orders than the bag (maxBag)',
  })
  .prefault({} as never);

/** How the promise to the customer is learned (`rules.deadline`), and the lines around it. */
export const DeadlineRules = section({
  /**
   * What the promise is learned from: `deliveryDuration` (the percentile of past click-to-door durations per
   * distance band) or `ridingPace` (median preparation + service + road km × the percentile of past riding pace;
   * the first version, kept for comparison). `bandKm` and `minSamples` apply to the first, `prepEstimateMin` to
   * the second and to the first day without history.
   */
  basis: z.enum(['deliveryDuration', 'ridingPace']).default('deliveryDuration'),
  /**
   * What durations the promise is learned from: `placement` (MODEL.md: click to door; the riding-pace promise adds
   * `prepEstimateMin`), `mealReady` (the restaurant's ready time, which the platform knows, to the door; the promise
   * is the ready time plus that estimate), or `latestOfBoth` (the later of the two promises).
   */
  measureFrom: z.enum(['placement', 'mealReady', 'latestOfBoth']).default('latestOfBoth'),
  /** Learn durations per hour of the day as well as per distance band (deliveryDuration basis). */
  byHour: z.boolean().default(true),
  percentile: num(0, 100).default(50),
  bandKm: num(0.1, 10).default(0.5),
  minSamples: int(1, 1_000_000).default(30),
  prepEstimateMin: num(0, 180).default(15),
  pickupServiceMin: num(0, 60).default(2),
  dropoffServiceMin: num(0, 60).default(2),
  protectionMin: z
    .array(z.strictObject({ upToKm: num(0, 1000), minutes: num(0, 600) }))
    .max(50)
    .default([]),
  windowMin: num(0, 240).default(0),
  graceMin: num(0, 240).default(8),
  /** Days simulated before day 0 (not reported), so day 0 has a history to learn from. */
  warmupDays: int(0, 30).default(1),
  /** The percentile of the platform's practice before day 0 (the history every arm starts from). */
  warmupPercentile: num(0, 100).default(50),
  learning: section({
    windowDays: int(0, 60).default(0),
    /** Share of the way from yesterday's estimate to today's target that the platform moves each day. */
    rate: share().default(0.3),
    /**
     * The promise in force on day 0, as a level: minutes for an order of `startKm` road km (null: day 0 learns from
     * the warm-up like any other day). The shape over distance and hour is the warm-up's.
     */
    startMinutes: num(1, 600).nullable().default(null),
    startKm: num(0.5, 50).default(3),
  }),
});

/** How couriers are assessed and ranked for dispatch (`rules.assessment`). */
export const AssessmentRules = section({
  windowDays: int(1, 120).default(7),
  rankByOnTime: z.boolean().default(false),
  priorityWeightSec: num(0, 7200).default(300),
});
