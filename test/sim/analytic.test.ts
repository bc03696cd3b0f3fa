// One courier, one order: time, pay, penalty and risk worked out by hand from MODEL.md and compared exactly.
import { describe, expect, it } from 'vitest';
import { Rules, Scenario } from '../../src/scenario/schema.ts';
import { runEngine } from '../../src/sim/engine.ts';
import { drawPopulation } from '../../src/sim/population.ts';
import { summarise } from '../../src/sim/metrics.ts';
import type { DayOrders } from '../../src/sim/demand.ts';

const SEED = 7;
const PLACE = 12 * 3600; // 12:00, a peak hour
const PREP_MIN = 30;

/**
 * The rules these hand computations assume: the first version's riding-pace promise from placement (median
 * preparation 15 min + service + road km × comfort pace), no warm-up day, no grace, and the version-1 pay and fine.
 */
const HAND_RULES = {
  deadline: { basis: 'ridingPace', measureFrom: 'placement', warmupDays: 0, graceMin: 0 },
  pay: { base: 6 },
  penalties: { lateFine: 2 },
};

/** Deep-merges plain objects (for the rules of one test over HAND_RULES). */
function merged(a: object, b: object): object {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && prev && typeof prev === 'object' ? merged(prev, v) : v;
  }
  return out;
}

/**
 * A city with one restaurant at (5, 5); the courier logs on there. Speeds fixed; no red lights; no breaks, and no
 * resting while waiting for the order.
 */
function oneCourierScenario(rules: object = {}) {
  return Scenario.parse({
    schemaVersion: 2,
    city: { restaurants: 1, hotspots: [{ xKm: 5, yKm: 5, weight: 1, spreadKm: 0.01 }], signalsPerKm: 0 },
    population: {
      couriers: 1,
      crowdShare: 0,
      newShare: 0,
      multiPlatformShare: 0,
      comfortSpeedKmh: { mean: 16, sd: 0 },
      maxSpeedKmh: { mean: 30, sd: 0 },
      maxHoursMin: 12,
      maxHoursMax: 12,
      morningShare: 1,
      incomeTargetMedianCny: 10_000,
      incomeTargetSigma: 0,
    },
    behaviour: { breakProb: 0, idleRestMin: 0 },
    rules: merged(HAND_RULES, rules),
  });
}

/** The single order: placed at 12:00, customer 3 km east of the restaurant, food ready after PREP_MIN. */
function oneOrder(restaurantX: number, restaurantY: number): DayOrders {
  return {
    count: 1,
    placeSec: Float64Array.of(PLACE),
    readySec: Float64Array.of(PLACE + PREP_MIN * 60),
    restaurant: Int32Array.of(0),
    custX: Float64Array.of(restaurantX + 3),
    custY: Float64Array.of(restaurantY),
    straightKm: Float64Array.of(3),
  };
}

function run(percentile: number, extraRules: object = {}) {
  const scenario = oneCourierScenario(extraRules);
  const rules = Rules.parse({ ...scenario.rules, deadline: { ...scenario.rules.deadline, percentile } });
  let restaurant = { x: 0, y: 0 };
  const { tally } = runEngine({
    scenario,
    rules,
    seed: SEED,
    ordersForDay: (_day, city) => {
      restaurant = { x: city.restaurantX[0] as number, y: city.restaurantY[0] as number };
      return oneOrder(restaurant.x, restaurant.y);
    },
  });
  return {
    scenario,
    tally,
    summary: summarise(scenario, rules, tally),
    r: drawPopulation(scenario, SEED).riskTolerance[0]!,
  };
}

describe('one courier, one order', () => {
  it('delivers at the time, pay, penalty and risk computed by hand', () => {
    // Without a severe-late fine the promise is the only threshold; once it is lost there is no point in hurrying.
    const { tally, summary, r } = run(50, { penalties: { severeLateFine: 0 } });
    const roadKm = 3 * 1.3; // detour factor
    // Promise: placement + (prep 15 + service 2 + 2) min + road km × pace; the one courier's comfort pace is 225 s/km.
    const promisedSec = PLACE + 19 * 60 + roadKm * 225;
    // The courier waits at the restaurant for the food (ready at 12:30) and picks up in 2 min: leaves at 12:32.
    const leave = PLACE + PREP_MIN * 60 + 120;
    // Already past the promise minus the drop-off service: no pressure (no per-minute fine), so comfort speed 16 km/h.
    expect(leave + 120).toBeGreaterThan(promisedSec);
    const rideSec = (roadKm / 16) * 3600;
    const delivered = leave + rideSec + 120;
    expect(summary.metrics.service.clickToDoorMin.mean).toBeCloseTo((delivered - PLACE) / 60, 9);
    // Picked up when the food is ready (12:30); accepted between placement and then (when, is the dispatcher's
    // choice: a late commitment shortens accept → pickup).
    const { clickToDoorMin, acceptToPickupMin, pickupToDoorMin } = summary.metrics.service;
    expect(pickupToDoorMin.mean).toBeCloseTo((delivered - (PLACE + PREP_MIN * 60)) / 60, 9);
    expect(acceptToPickupMin.mean).toBeGreaterThanOrEqual(0);
    expect(acceptToPickupMin.mean).toBeLessThanOrEqual(PREP_MIN);
    expect(clickToDoorMin.mean - acceptToPickupMin.mean - pickupToDoorMin.mean).toBeGreaterThanOrEqual(0);
    expect(summary.metrics.service.promisedMin.mean).toBeCloseTo((promisedSec - PLACE) / 60, 9);
    expect(summary.metrics.service.onTimeRate).toBe(0);

    // Fee: base 6 + 1.0 × (3.9 − 3) km + peak 1 = 7.90; commission 10% = 0.79.
    expect(summary.ledger.fees).toBe(7.9);
    expect(summary.ledger.commission).toBe(0.79);
    // Late: fine 2 (no severe-late fine here), plus a complaint (10) only if one was drawn.
    const minutesLate = (delivered - promisedSec) / 60;
    expect(minutesLate).toBeGreaterThan(10);
    expect([2, 12]).toContain(summary.ledger.penalties);
    // Risk: one leg to the customer at comfort speed → relative risk exactly 1; no red lights; no fatigue.
    expect(summary.metrics.safety.relativeCrashRisk).toBeCloseTo(1, 12);
    expect(summary.metrics.safety.meanSpeedKmh).toBeCloseTo(16, 12);
    expect(tally.km).toBeCloseTo(roadKm, 12);
    expect(tally.crashes).toBeCloseTo(roadKm * 1e-6 * (16 / 15) ** 2, 18);
    expect(r).toBeGreaterThan(0);
  });

  it('rides faster under pressure when the food is ready early, by v = v0 + r × (v_req − v0)', () => {
    // A 0 min prep estimate makes the promise 4 min + 3.9 km × 225 s/km; the order is placed 10 s after 12:00 and
    // waits 20 s for the next batch (12:00:30), so the courier is 20 s behind the comfort pace when it sets off.
    const scenario = oneCourierScenario({ deadline: { prepEstimateMin: 0 } });
    const rules = Rules.parse(scenario.rules);
    const r = drawPopulation(scenario, SEED).riskTolerance[0]!;
    const { tally } = runEngine({
      scenario,
      rules,
      seed: SEED,
      ordersForDay: (_d, city) => {
        const o = oneOrder(city.restaurantX[0] as number, city.restaurantY[0] as number);
        o.placeSec[0] = PLACE + 10;
        o.readySec[0] = PLACE + 10; // food ready at placement
        return o;
      },
    });
    const roadKm = 3.9;
    const promised = PLACE + 10 + 4 * 60 + roadKm * 225;
    const leave = PLACE + 30 + 120; // assigned at 12:00:30, already at the restaurant, pickup 2 min
    const timeLeft = promised - leave - 120;
    const vreq = (roadKm / timeLeft) * 3600;
    const v = Math.min(30, 16 + r * Math.max(0, vreq - 16));
    expect(vreq).toBeGreaterThan(16);
    expect(tally.kmTimesKmh / tally.km).toBeCloseTo(v, 9);
    const relative = (v / 16) ** 2;
    expect(tally.crashes / tally.baseline).toBeCloseTo(relative, 9);
  });

  it('rides for the severe-late line once the promise is lost, when that line carries a fine', () => {
    // The same order with the default severe fine (5 CNY beyond 10 min late): the promise is out of reach when the
    // courier leaves at 12:32, but promise + 10 min is not, so the courier hurries for it.
    const { tally, r } = run(50);
    const roadKm = 3 * 1.3;
    const promisedSec = PLACE + 19 * 60 + roadKm * 225;
    const leave = PLACE + PREP_MIN * 60 + 120;
    const timeLeft = promisedSec + 10 * 60 - leave - 120;
    expect((roadKm / 30) * 3600).toBeLessThan(timeLeft); // reachable at the maximum speed of 30 km/h
    const vreq = (roadKm / timeLeft) * 3600;
    expect(vreq).toBeGreaterThan(16);
    expect(tally.kmTimesKmh / tally.km).toBeCloseTo(16 + r * (vreq - 16), 9);
  });

  it('tops pay up to the minimum guarantee per online hour', () => {
    const { summary } = run(50, { pay: { guarantee: { perHour: 30, basis: 'online' } } });
    const cd = summary.metrics;
    expect(cd.earnings.topUpShare).toBe(1);
    // Net = guarantee − expenses exactly (the top-up makes pay before expenses equal to 30 × online hours).
    const online = cd.workload.onlineHours.mean;
    const expenses = summary.ledger.expenses;
    expect(summary.ledger.courierNet).toBeCloseTo(Math.round(30 * online * 100) / 100 - expenses, 9);
  });
});

describe('one courier, two orders from one restaurant', () => {
  it('are bundled: picked up together and delivered on one trip, nearer customer first', () => {
    const scenario = oneCourierScenario();
    const rules = Rules.parse(scenario.rules);
    const { tally } = runEngine({
      scenario,
      rules,
      seed: SEED,
      ordersForDay: (_d, city) => {
        const rx = city.restaurantX[0] as number;
        const ry = city.restaurantY[0] as number;
        return {
          count: 2,
          placeSec: Float64Array.of(PLACE, PLACE + 60),
          readySec: Float64Array.of(PLACE + 20 * 60, PLACE + 15 * 60),
          restaurant: Int32Array.of(0, 0),
          custX: Float64Array.of(rx + 3.5, rx + 3),
          custY: Float64Array.of(ry, ry),
          straightKm: Float64Array.of(3.5, 3),
        };
      },
    });
    expect(tally.delivered).toBe(2);
    // Restaurant → 3 km customer → 0.5 km further: 3.5 km straight, × 1.3 detour; no second trip to the restaurant.
    expect(tally.km).toBeCloseTo(3.5 * 1.3, 9);
  });
});
