/**
 * The scenario file format: the single source of truth. Types are inferred from these schemas; defaults, bounds and
 * the messages a person reads live here and nowhere else. Sections and defaults follow docs/model.md. Each field's
 * names, unit and status live in the parameter catalogue (./catalogue.ts), attached to its node here.
 */
import { z } from 'zod';
import { attachFacts } from './catalogue.ts';

/** Version of the scenario file format written into every file. */
export const SCHEMA_VERSION = 2;

/** Weather kinds a day can have (MODEL.md section 2). */
export const WEATHER_KINDS = ['clear', 'rain', 'heavyRain', 'snow', 'heat35', 'heat37', 'heat40'] as const;
export const Weather = z.enum(WEATHER_KINDS);
export type Weather = z.infer<typeof Weather>;

/** Upper bounds that keep one run from exhausting the machine. */
export const LIMITS = {
  couriers: 200_000,
  ordersPerDay: 5_000_000,
  days: 120,
  replications: 1_000,
  restaurants: 100_000,
  arms: 16,
  replayOrders: 200_000,
  replayCouriers: 50_000,
  replayRestaurants: 50_000,
} as const;

const num = (min: number, max: number) => z.number().min(min).max(max);
const int = (min: number, max: number) => z.number().int().min(min).max(max);
const share = () => num(0, 1);

/** A value per weather kind (a factor or a CNY amount). */
const perWeather = (def: Record<Weather, number>, min = 0, max = 100) =>
  z
    .strictObject({
      clear: num(min, max).default(def.clear),
      rain: num(min, max).default(def.rain),
      heavyRain: num(min, max).default(def.heavyRain),
      snow: num(min, max).default(def.snow),
      heat35: num(min, max).default(def.heat35),
      heat37: num(min, max).default(def.heat37),
      heat40: num(min, max).default(def.heat40),
    })
    .prefault({} as never);

// Nested sections are filled from their field defaults when left out.
const section = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape).prefault({} as never);

/** A list of tiers by minutes (`afterMin`), each later than the one before; at most 20. */
const increasingTiers = <T extends z.ZodObject<{ afterMin: z.ZodNumber }>>(tier: T, def: z.input<T>[] = []) =>
  z
    .array(tier)
    .max(20)
    .superRefine((tiers, ctx) => {
      tiers.forEach((t, i) => {
        const before = i > 0 ? (tiers[i - 1] as { afterMin: number }).afterMin : -Infinity;
        if ((t as { afterMin: number }).afterMin <= before)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'afterMin'],
            message: `tiers must be in increasing order of minutes (tier ${i + 1} starts at ${(t as { afterMin: number }).afterMin}, not after ${before})`,
          });
      });
    })
    .default(def as never);

/** The platform's rules: dispatch, deadline, assessment, pay, penalties, platform economics, heat measures. */
export const Rules = z.strictObject({
  dispatch: z
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
    .prefault({} as never),
  deadline: section({
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
    }),
  }),
  assessment: section({
    windowDays: int(1, 120).default(7),
    rankByOnTime: z.boolean().default(false),
    priorityWeightSec: num(0, 7200).default(300),
  }),
  pay: section({
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
  }),
  penalties: section({
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
  }),
  platform: section({
    deliveryRevenuePerOrder: num(0, 1000).default(6.5),
    /** The share of deliveryRevenuePerOrder the customer pays as a delivery fee; the merchant pays the rest as commission. */
    customerFeeShare: share().default(0.45),
    /** The food's value of an order: paid by the customer, received by the merchant. */
    orderValue: num(0, 10_000).default(48),
    /** The platform's costs per delivered order other than couriers (staff, servers, subsidies, marketing). */
    otherCostPerOrder: num(0, 1000).default(1.57),
    depositCny: num(0, 100_000).default(0),
    exclusivity: z.boolean().default(false),
  }),
  compensation: section({
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
  }),
  heat: section({
    suspendOnHeat40: z.boolean().default(false),
    maxOnlineHoursHeat37: num(0, 24).nullable().default(null),
  }),
});
export type Rules = z.output<typeof Rules>;

/** Every field optional, recursively (arrays and records are replaced whole, not merged). */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> | undefined }
    : T;

/**
 * Derives the partial schema of an arm's override from the full one: the same fields and bounds, no defaults.
 * Deriving it keeps the file format defined once.
 */
function partialOf(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) return partialOf(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.ZodType> = {};
    for (const [key, field] of Object.entries(schema.shape)) shape[key] = partialOf(field as z.ZodType);
    return z.strictObject(shape).optional();
  }
  return schema.optional();
}

/** A partial rules object that an arm deep-merges over the scenario's rules. */
export const RulesOverride = partialOf(Rules) as unknown as z.ZodType<DeepPartial<Rules> | undefined>;
export type RulesOverride = DeepPartial<Rules>;

const Source = z.strictObject({
  id: z.string().max(100).optional(),
  title: z.string().min(1).max(500),
  url: z.string().max(2000).optional(),
  note: z.string().max(2000).optional(),
});

const Hotspot = z.strictObject({
  xKm: num(0, 1000),
  yKm: num(0, 1000),
  weight: num(0.000001, 1e6),
  spreadKm: num(0.01, 100),
});

const Arm = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'an arm id is 1–40 letters, digits, "-" or "_"'),
  label: z.string().min(1).max(200),
  rules: RulesOverride.default({}),
});
export type Arm = z.output<typeof Arm>;

/** Default arms: MODEL.md section 8b. */
export const DEFAULT_ARMS: z.input<typeof Arm>[] = [
  { id: 'strictest', label: 'Strictest algorithm (p10) / 最严算法', rules: { deadline: { percentile: 10 } } },
  { id: 'median', label: 'Algorithm-median (p50) / 算法取中', rules: { deadline: { percentile: 50 } } },
];

/** An id of an MDRP instance row: 1–40 characters without spaces ("o12", "r3", "c7"; "0" is the on-location). */
const ReplayId = z.string().regex(/^[^\s]{1,40}$/, 'an id is 1–40 characters without spaces');
/** A coordinate in metres. */
const metres = () => num(-1e9, 1e9);
/** A time in integer minutes from the instance's origin. */
const minute = () => int(0, 1_000_000);

/**
 * A replayed order stream (the Grubhub MDRP instance format, imported by `fairpace import mdrp`): restaurants,
 * orders and courier shifts in metres and integer minutes, and the instance's parameters.
 */
export const ReplayInstance = z.strictObject({
  restaurants: z
    .array(z.strictObject({ id: ReplayId, xM: metres(), yM: metres() }))
    .min(1)
    .max(LIMITS.replayRestaurants),
  orders: z
    .array(
      z.strictObject({
        id: ReplayId,
        xM: metres(),
        yM: metres(),
        placementMin: minute(),
        restaurant: ReplayId,
        readyMin: minute(),
      }),
    )
    .max(LIMITS.replayOrders),
  couriers: z
    .array(z.strictObject({ id: ReplayId, xM: metres(), yM: metres(), onMin: minute(), offMin: minute() }))
    .min(1)
    .max(LIMITS.replayCouriers),
  parameters: z.strictObject({
    metersPerMinute: num(1, 100_000),
    pickupServiceMin: int(0, 600),
    dropoffServiceMin: int(0, 600),
    targetClickToDoorMin: num(0, 100_000),
    maxClickToDoorMin: num(0, 100_000),
    payPerOrder: num(0, 1e6),
    guaranteedPayPerHour: num(0, 1e6),
  }),
});
export type ReplayInstance = z.output<typeof ReplayInstance>;

const DEFAULT_HOURLY_PROFILE = [0, 0, 0, 0, 0, 0, 0, 1, 2, 2.5, 3, 7, 9, 6, 3, 2.5, 3, 6, 8, 6, 4, 3, 2, 0];

export const Scenario = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION, { error: `schemaVersion must be ${SCHEMA_VERSION}` }),
    /** `synthetic`: demand and couriers drawn from the sections below; `replay`: the order stream in `replay`. */
    kind: z.enum(['synthetic', 'replay']).default('synthetic'),
    meta: z
      .strictObject({
        name: z.string().min(1).max(200).default('Untitled scenario'),
        description: z.string().max(10_000).default(''),
        region: z.string().max(200).default(''),
        sources: z.array(Source).max(100).default([]),
        /** Written by `fairpace calibrate --fit`: which parameters were fitted to which targets, and how well. */
        calibration: z
          .strictObject({
            targetsName: z.string().max(200),
            targetsDigest: z.string().regex(/^[0-9a-f]{64}$/),
            loss: z.number().min(0),
            parameters: z.record(z.string().max(200), z.number()),
            evaluations: z.number().int().min(0),
            seeds: z.array(z.number().int()).max(LIMITS.replications),
          })
          .optional(),
      })
      .prefault({} as never),
    time: z
      .strictObject({
        days: int(1, LIMITS.days).default(1),
        serviceStartHour: int(0, 23).default(7),
        serviceEndHour: int(1, 24).default(23),
      })
      .prefault({} as never)
      .refine((t) => t.serviceEndHour > t.serviceStartHour, {
        message: 'serviceEndHour must be later than serviceStartHour',
        path: ['serviceEndHour'],
      }),
    city: z
      .strictObject({
        widthKm: num(1, 200).default(12),
        heightKm: num(1, 200).default(10),
        detourFactor: num(1, 3).default(1.3),
        signalsPerKm: num(0, 20).default(3),
        restaurants: int(1, LIMITS.restaurants).default(400),
        hotspots: z
          .array(Hotspot)
          .min(1)
          .max(100)
          .default([
            { xKm: 4, yKm: 4, weight: 3, spreadKm: 1.5 },
            { xKm: 8, yKm: 6, weight: 2, spreadKm: 1.2 },
            { xKm: 6, yKm: 7.5, weight: 1, spreadKm: 2 },
          ]),
        customerDistanceMedianKm: num(0.1, 50).default(1.3),
        customerDistanceP90Km: num(0.1, 100).default(2.6),
      })
      .prefault({} as never)
      .refine((c) => c.customerDistanceP90Km > c.customerDistanceMedianKm, {
        message: 'customerDistanceP90Km must be above customerDistanceMedianKm',
        path: ['customerDistanceP90Km'],
      }),
    demand: z
      .strictObject({
        ordersPerDay: int(0, LIMITS.ordersPerDay).nullable().default(null),
        ordersPerCourierDay: num(0, 1000).default(28),
        hourlyProfile: z
          .array(num(0, 1e6))
          .length(24, 'hourlyProfile needs 24 weights, one per hour 0–23')
          .default(DEFAULT_HOURLY_PROFILE),
        prepMedianMin: num(0.1, 180).default(15),
        prepP90Min: num(0.1, 360).default(30),
        cancelAfterMin: num(1, 1440).default(45),
        /**
         * Customers order less after lateness: each order delivered more than `afterMin` after its promise, or not
         * delivered, costs `lostOrdersPerLate` future orders, spread evenly over the next `days` days.
         */
        lateResponse: section({
          lostOrdersPerLate: num(0, 5).default(0.1),
          afterMin: num(0, 240).default(10),
          days: int(1, 60).default(7),
        }),
        weatherFactor: perWeather(
          { clear: 1, rain: 1.2, heavyRain: 1.3, snow: 1.2, heat35: 1, heat37: 1, heat40: 1 },
          0,
          10,
        ),
      })
      .prefault({} as never)
      .refine((d) => d.prepP90Min > d.prepMedianMin, {
        message: 'prepP90Min must be above prepMedianMin',
        path: ['prepP90Min'],
      }),
    weather: z.array(Weather).max(LIMITS.days).default([]),
    holidays: z
      .array(int(0, LIMITS.days - 1))
      .max(LIMITS.days)
      .default([]),
    population: z
      .strictObject({
        couriers: int(1, LIMITS.couriers).default(50),
        crowdShare: share().default(0.3),
        newShare: share().default(0.15),
        multiPlatformShare: share().default(0.2),
        comfortSpeedKmh: z
          .strictObject({
            mean: num(1, 60).default(20),
            sd: num(0, 30).default(2.5),
            min: num(1, 60).default(10),
            max: num(1, 80).default(28),
          })
          .prefault({} as never),
        maxSpeedKmh: z
          .strictObject({
            mean: num(1, 80).default(30),
            sd: num(0, 30).default(4),
            min: num(1, 80).default(20),
            max: num(1, 100).default(45),
          })
          .prefault({} as never),
        incomeTargetMedianCny: num(0, 10_000).default(250),
        incomeTargetSigma: num(0, 3).default(0.3),
        maxHoursMin: num(0.5, 24).default(8),
        maxHoursMax: num(0.5, 24).default(13),
        /** Online hours of crowd (众包) couriers, who come for a peak: uniform between these. */
        crowdHoursMin: num(0.5, 24).default(3),
        crowdHoursMax: num(0.5, 24).default(6),
        /** How much later than dedicated couriers crowd couriers log on (towards the lunch or dinner peak), hours. */
        crowdStartDelayHours: num(-12, 12).default(1),
        morningShare: share().default(0.75),
        /** Mean log-on hour of the couriers who start in the morning, and of those who start in the afternoon. */
        morningStartHour: num(0, 23).default(9.5),
        eveningStartHour: num(0, 23).default(16),
        expensePerDay: num(0, 10_000).default(10),
        expensePerKm: num(0, 100).default(0.05),
      })
      .prefault({} as never)
      .refine((p) => p.maxHoursMax >= p.maxHoursMin, {
        message: 'maxHoursMax must be at least maxHoursMin',
        path: ['maxHoursMax'],
      })
      .refine((p) => p.crowdHoursMax >= p.crowdHoursMin, {
        message: 'crowdHoursMax must be at least crowdHoursMin',
        path: ['crowdHoursMax'],
      }),
    behaviour: z
      .strictObject({
        declineProb: share().default(0.1),
        breakAfterHours: num(0.5, 24).default(4),
        breakProb: share().default(0.8),
        breakMinMinutes: num(1, 240).default(20),
        breakMaxMinutes: num(1, 480).default(40),
        /** Minutes without an order after which an idle courier rests (a break); 0: never. */
        idleRestMin: num(0, 600).default(15),
        complaintProbLate: share().default(0.05),
        newCourierSlowdown: share().default(0.1),
        newCourierDetour: num(1, 3).default(1.1),
        redLightProb: share().default(0.4),
        redRunBase: share().default(0.05),
        redRunPressure: share().default(0.5),
        /** Step by which a courier's risk tolerance rises after a day with too many late orders, or falls back. */
        pressureAdaptation: share().default(0.05),
        /** Share of a day's orders late above which a courier raises their risk tolerance. */
        lateTolerance: share().default(0.1),
        weatherSpeedFactor: perWeather(
          { clear: 1, rain: 0.9, heavyRain: 0.75, snow: 0.7, heat35: 1, heat37: 1, heat40: 1 },
          0.05,
          2,
        ),
      })
      .prefault({} as never)
      .refine((b) => b.breakMaxMinutes >= b.breakMinMinutes, {
        message: 'breakMaxMinutes must be at least breakMinMinutes',
        path: ['breakMaxMinutes'],
      }),
    rules: Rules.prefault({} as never),
    standards: z
      .strictObject({
        minHourlyWage: num(0, 1000).default(21),
        minMonthlyWage: num(0, 100_000).default(2100),
        standardDailyHours: num(1, 24).default(8),
        maxDailyOvertime: num(0, 24).default(3),
        maxMonthlyOvertime: num(0, 744).default(36),
        standardWeeklyHours: num(1, 168).default(40),
        /** Online hours from which a courier-day counts as full-time (the group most surveys describe). */
        fullTimeMinHours: num(0, 24).default(6),
      })
      .prefault({} as never),
    risk: z
      .strictObject({
        baseInjuryCrashesPerMillionKm: num(0, 1e6).default(1),
        referenceSpeedKmh: num(1, 100).default(15),
        speedExponent: num(0, 10).default(2),
        redLightOddsRatio: num(1, 100).default(1.75),
        fatiguePerHour: num(0, 10).default(0.1),
        fatigueAfterHours: num(0, 24).default(8),
        speedingThresholdKmh: num(1, 100).default(25),
        weatherFactor: perWeather(
          { clear: 1, rain: 1.5, heavyRain: 2, snow: 2.5, heat35: 1, heat37: 1.3, heat40: 1.3 },
          0,
          100,
        ),
      })
      .prefault({} as never),
    compliance: z
      .strictObject({
        minWageMaxShare: share().default(0.05),
        legalLimitMaxShare: share().default(0),
        strictestMinPercentile: num(0, 100).default(50),
        speedingKmMaxShare: share().default(0.05),
        relativeCrashRiskMax: num(0, 100).default(1.2),
        heat37MaxHours: num(0, 24).default(6),
      })
      .prefault({} as never),
    arms: z
      .array(Arm)
      .min(1)
      .max(LIMITS.arms)
      .default(DEFAULT_ARMS as never)
      .refine((arms) => new Set(arms.map((a) => a.id)).size === arms.length, { message: 'arm ids must be unique' }),
    replications: int(1, LIMITS.replications).default(5),
    seed: int(0, 2147483647).default(1),
    replay: ReplayInstance.nullable().default(null),
  })
  .superRefine((s, ctx) => {
    checkReplay(s.kind, s.replay, s.time.days, ctx);
    const perDay = s.demand.ordersPerDay ?? Math.round(s.demand.ordersPerCourierDay * s.population.couriers);
    // An explicit ordersPerDay is bounded by its own field; only the derived count needs this check.
    if (s.demand.ordersPerDay === null && perDay > LIMITS.ordersPerDay) {
      ctx.addIssue({
        code: 'custom',
        path: ['demand', 'ordersPerCourierDay'],
        message: `ordersPerCourierDay × couriers = ${perDay} orders a day, above the bound of ${LIMITS.ordersPerDay}`,
      });
    }
    s.arms.forEach((arm, i) => {
      const over = arm.rules.dispatch ?? {};
      const maxBag = over.maxBag ?? s.rules.dispatch.maxBag;
      const bundleMax = over.bundleMax ?? s.rules.dispatch.bundleMax;
      // Only an arm that sets either field can break the pair; the scenario's own rules are checked above.
      const own = over.maxBag !== undefined || over.bundleMax !== undefined;
      if (own && bundleMax !== null && bundleMax > maxBag) {
        ctx.addIssue({
          code: 'custom',
          path: ['arms', i, 'rules', 'dispatch', over.bundleMax !== undefined ? 'bundleMax' : 'maxBag'],
          message: `this arm's bundles (bundleMax ${bundleMax}) would not fit its bag (maxBag ${maxBag})`,
        });
      }
    });
    s.holidays.forEach((d, i) => {
      if (d >= s.time.days) {
        ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `day ${d} is outside 0..${s.time.days - 1}` });
      }
    });
    if (s.demand.hourlyProfile.every((w, h) => w === 0 || h < s.time.serviceStartHour || h >= s.time.serviceEndHour)) {
      if (perDay > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['demand', 'hourlyProfile'],
          message: 'no hour inside the service window has a positive weight',
        });
      }
    }
  });

// Every field carries its facts (names, unit, status) from the parameter catalogue, for `.meta()` and the JSON Schema.
attachFacts(Scenario);

/** A replay scenario carries its instance, a synthetic one none; ids are unique and order restaurants exist. */
function checkReplay(kind: string, replay: ReplayInstance | null, days: number, ctx: z.RefinementCtx): void {
  if (kind !== 'replay') {
    if (replay !== null)
      ctx.addIssue({ code: 'custom', path: ['replay'], message: 'replay is only for kind "replay"' });
    return;
  }
  if (replay === null) {
    ctx.addIssue({ code: 'custom', path: ['replay'], message: 'a replay scenario needs its instance' });
    return;
  }
  if (days !== 1) ctx.addIssue({ code: 'custom', path: ['time', 'days'], message: 'a replay runs one day' });
  const unique = (rows: readonly { id: string }[], key: string) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      if (seen.has(row.id)) {
        ctx.addIssue({ code: 'custom', path: ['replay', key, i, 'id'], message: `id "${row.id}" appears twice` });
      }
      seen.add(row.id);
    });
    return seen;
  };
  const restaurants = unique(replay.restaurants, 'restaurants');
  unique(replay.orders, 'orders');
  unique(replay.couriers, 'couriers');
  replay.orders.forEach((o, i) => {
    if (!restaurants.has(o.restaurant)) {
      ctx.addIssue({
        code: 'custom',
        path: ['replay', 'orders', i, 'restaurant'],
        message: `unknown restaurant "${o.restaurant}"`,
      });
    }
  });
  replay.couriers.forEach((c, i) => {
    if (c.offMin < c.onMin) {
      ctx.addIssue({ code: 'custom', path: ['replay', 'couriers', i, 'offMin'], message: 'offMin is before onMin' });
    }
  });
}

/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof Scenario>;
/** What a scenario file may contain (defaults may be left out). */
export type ScenarioInput = z.input<typeof Scenario>;
