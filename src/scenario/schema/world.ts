/** The scenario's own settings, the city and demand: the `meta`, `time`, `city` and `demand` sections. */
import { z } from 'zod';
import { int, num, section } from './fields.ts';
import { LIMITS } from './limits.ts';
import { perWeather } from './weather.ts';

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

const DEFAULT_HOURLY_PROFILE = [0, 0, 0, 0, 0, 0, 0, 1, 2, 2.5, 3, 7, 9, 6, 3, 2.5, 3, 6, 8, 6, 4, 3, 2, 0];

/** What the scenario is and where its figures come from (`meta`). */
export const Meta = z
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
  .prefault({} as never);

/** The days simulated and the service hours (`time`). */
export const Time = z
  .strictObject({
    days: int(1, LIMITS.days).default(1),
    serviceStartHour: int(0, 23).default(7),
    serviceEndHour: int(1, 24).default(23),
  })
  .prefault({} as never)
  .refine((t) => t.serviceEndHour > t.serviceStartHour, {
    message: 'serviceEndHour must be later than serviceStartHour',
    path: ['serviceEndHour'],
  });

/** The city: its extent, roads, restaurants and where customers are (`city`). */
export const City = z
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
  });

/** Orders: how many, when, how long the food takes, and how customers respond to lateness (`demand`). */
export const Demand = z
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
  });
