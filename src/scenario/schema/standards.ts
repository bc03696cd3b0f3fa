/** Labour standards (`standards`), the crash-risk model (`risk`) and the scorecard's thresholds (`compliance`). */
import { z } from 'zod';
import { num, share } from './fields.ts';
import { perWeather } from './weather.ts';

/** Labour standards: minimum wages and legal hours (`standards`). */
export const Standards = z
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
  // Each is within a day, but the legal day they make together must be too.
  .refine((s) => s.standardDailyHours + s.maxDailyOvertime <= 24, {
    path: ['maxDailyOvertime'],
    message: 'standardDailyHours + maxDailyOvertime is more than 24 hours: a legal limit no day can reach',
  })
  .prefault({} as never);

/** The crash-risk model: a base rate and what raises it (`risk`). */
export const Risk = z
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
  .prefault({} as never);

/** The scorecard's thresholds (`compliance`). */
export const Compliance = z
  .strictObject({
    minWageMaxShare: share().default(0.05),
    legalLimitMaxShare: share().default(0),
    strictestMinPercentile: num(0, 100).default(50),
    speedingKmMaxShare: share().default(0.05),
    relativeCrashRiskMax: num(0, 100).default(1.2),
    heat37MaxHours: num(0, 24).default(6),
  })
  .prefault({} as never);
