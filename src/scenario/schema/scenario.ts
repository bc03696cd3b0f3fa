/**
 * The scenario file format assembled from its sections (the files beside this one), with the checks across sections.
 * The parameter catalogue's facts are attached to these nodes by ../schema.ts, the entry every other module imports;
 * this module imports nothing of the catalogue, so the catalogue's field paths can be typed from it.
 */
import { z } from 'zod';
import { Arm, DEFAULT_ARMS } from './arms.ts';
import { Behaviour, Population } from './couriers.ts';
import { int } from './fields.ts';
import { LIMITS } from './limits.ts';
import { checkReplay, ReplayInstance } from './replay.ts';
import { Rules } from './rules.ts';
import { Compliance, Risk, Standards } from './standards.ts';
import { Weather } from './weather.ts';
import { City, Demand, Meta, Time } from './world.ts';

/** Version of the scenario file format written into every file. */
export const SCHEMA_VERSION = 2;

/** A scenario file: every section, the arms to compare, replications, seed and a replay's instance. */
export const Scenario = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION, { error: `schemaVersion must be ${SCHEMA_VERSION}` }),
    /** `synthetic`: demand and couriers drawn from the sections below; `replay`: the order stream in `replay`. */
    kind: z.enum(['synthetic', 'replay']).default('synthetic'),
    meta: Meta,
    time: Time,
    city: City,
    demand: Demand,
    weather: z.array(Weather).max(LIMITS.days).default([]),
    holidays: z
      .array(int(0, LIMITS.days - 1))
      .max(LIMITS.days)
      .default([]),
    population: Population,
    behaviour: Behaviour,
    rules: Rules.prefault({} as never),
    standards: Standards,
    risk: Risk,
    compliance: Compliance,
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
    // A synthetic day without orders is well formed but answers nothing: every courier would earn only minus their
    // costs. (A replay's orders come from its instance.)
    // (A fleet of no couriers is refused at its own field; that is not said twice.)
    if (s.kind === 'synthetic' && perDay < 1 && s.population.couriers >= 1) {
      const explicit = s.demand.ordersPerDay !== null;
      ctx.addIssue({
        code: 'custom',
        path: ['demand', explicit ? 'ordersPerDay' : 'ordersPerCourierDay'],
        message: explicit
          ? 'no orders a day: a synthetic day needs at least 1 order'
          : `no orders a day: ordersPerCourierDay × couriers = ${s.demand.ordersPerCourierDay} × ${s.population.couriers} rounds to 0; a synthetic day needs at least 1 order`,
      });
    }
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
    // A day-0 promise level scales the warm-up's learned durations: it needs that basis and a warm-up to scale.
    const deadlines = [
      { path: ['rules', 'deadline'] as (string | number)[], over: {} as Record<string, unknown> },
      ...s.arms.map((arm, i) => ({
        path: ['arms', i, 'rules', 'deadline'] as (string | number)[],
        over: (arm.rules.deadline ?? {}) as Record<string, unknown>,
      })),
    ];
    for (const [k, { path, over }] of deadlines.entries()) {
      // An arm that sets none of the three inherits the scenario's pair, checked once.
      if (k > 0 && over.learning === undefined && over.basis === undefined && over.warmupDays === undefined) continue;
      const learning = { ...s.rules.deadline.learning, ...((over.learning as object | undefined) ?? {}) };
      const basis = (over.basis as string | undefined) ?? s.rules.deadline.basis;
      const warmupDays = (over.warmupDays as number | undefined) ?? s.rules.deadline.warmupDays;
      if (learning.startMinutes === null || learning.startMinutes === undefined) continue;
      if (basis !== 'deliveryDuration' || warmupDays < 1) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'learning', 'startMinutes'],
          message: `a day-0 promise scales the durations the warm-up learned: it needs basis "deliveryDuration" and warmupDays of at least 1 (here "${basis}", ${warmupDays})`,
        });
      }
    }
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

/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof Scenario>;
/** What a scenario file may contain (defaults may be left out). */
export type ScenarioInput = z.input<typeof Scenario>;
