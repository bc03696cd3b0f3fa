/** The couriers: who they are (`population`) and how they behave (`behaviour`). */
import { z } from 'zod';
import { int, num, share } from './fields.ts';
import { LIMITS } from './limits.ts';
import { perWeather } from './weather.ts';

/** Who the couriers are: how many, their kinds, speeds, income targets, hours and costs (`population`). */
export const Population = z
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
    /**
     * How dedicated couriers' usual starts are set: 'fixed' draws them from the morning/afternoon mixture below;
     * 'demand' has the station plan them so that couriers online follow the expected orders per hour (docs/model.md
     * section 3). Crowd couriers keep their drawn starts either way.
     */
    staffing: z.enum(['fixed', 'demand']).default('fixed'),
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
  });

/** How couriers behave: declining, breaks, complaints, new couriers' pace and red lights (`behaviour`). */
export const Behaviour = z
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
    /**
     * Mean wait at a red signal for a courier who stops, seconds; 0 (the default): a red light costs no time, as
     * before. Every red light stopped at adds this wait to the leg (docs/model.md section 6).
     */
    redLightWaitSec: num(0, 300).default(0),
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
  });
