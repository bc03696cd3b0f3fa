// Waiting at red lights (behaviour.redLightWaitSec) and the per-order safety bonus (rules.pay.safetyBonusPerOrder):
// a wait lengthens the legs of couriers who stop, the bonus is paid only for orders carried without a red light run
// and money stays conserved, and a bonus lowers red lights run (docs/model.md sections 6 and 8).
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/load.ts';
import { Rules, Scenario } from '../../src/scenario/schema.ts';
import type { DayOrders } from '../../src/sim/demand.ts';
import { runEngine } from '../../src/sim/engine.ts';
import { balancesOf, flowParties, FLOWS } from '../../src/sim/flows.ts';
import { Ledger } from '../../src/sim/ledger.ts';
import { summarise } from '../../src/sim/metrics.ts';
import { PAY_TERM_NAMES, PAY_TERMS } from '../../src/sim/payTerms.ts';
import { mayRunRedLight, redLightWaitCostFen } from '../../src/sim/riding.ts';
import { simulate } from '../../src/sim/simulate.ts';

const PLACE = 12 * 3600;

/** One courier at one restaurant, one order 3 km away (as in analytic.test.ts), with signals and the given parts. */
function oneCourier(behaviour: object, rules: object = {}, signalsPerKm = 2) {
  const scenario = Scenario.parse({
    schemaVersion: 2,
    city: { restaurants: 1, hotspots: [{ xKm: 5, yKm: 5, weight: 1, spreadKm: 0.01 }], signalsPerKm },
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
    behaviour: { breakProb: 0, idleRestMin: 0, ...behaviour },
    rules: { deadline: { basis: 'ridingPace', measureFrom: 'placement', warmupDays: 0 }, ...rules },
  });
  const { tally } = runEngine({
    scenario,
    rules: Rules.parse(scenario.rules),
    seed: 7,
    ordersForDay: (_day, city): DayOrders => {
      const x = city.restaurantX[0] as number;
      const y = city.restaurantY[0] as number;
      return {
        count: 1,
        placeSec: Float64Array.of(PLACE),
        readySec: Float64Array.of(PLACE + 30 * 60),
        restaurant: Int32Array.of(0),
        custX: Float64Array.of(x + 3),
        custY: Float64Array.of(y),
        straightKm: Float64Array.of(3),
      };
    },
  });
  return { tally, summary: summarise(scenario, Rules.parse(scenario.rules), tally) };
}

describe('waiting at red lights', () => {
  // Nobody runs a red light: every red signal is stopped at.
  const obeying = { redRunBase: 0, redRunPressure: 0 };

  it('adds the wait of every red light stopped at to the leg', () => {
    const base = oneCourier({ ...obeying, redLightProb: 1, redLightWaitSec: 0 }).summary.metrics;
    const waited = oneCourier({ ...obeying, redLightProb: 1, redLightWaitSec: 30 }).summary.metrics;
    // The one leg to the customer is 3.9 road km: floor(3.9 × 2 + u) = 7 or 8 signals, every one red.
    const extraSec = (waited.service.clickToDoorMin.mean - base.service.clickToDoorMin.mean) * 60;
    expect([7 * 30, 8 * 30].some((s) => Math.abs(extraSec - s) < 1e-6)).toBe(true);
    // The riding speed and the km are the leg's own: the wait is time at the light, not a slower ride.
    expect(waited.safety.meanSpeedKmh).toBe(base.safety.meanSpeedKmh);
    expect(waited.safety.redLightRunsPerCourierDay).toBe(0);
  });

  it('costs nothing when no signal is red, or when the courier runs every red', () => {
    const green = (wait: number) => oneCourier({ ...obeying, redLightProb: 0, redLightWaitSec: wait }).summary;
    expect(green(60)).toEqual(green(0));
    const running = (wait: number) =>
      oneCourier({ redRunBase: 1, redRunPressure: 0, redLightProb: 1, redLightWaitSec: wait }).summary;
    expect(running(60)).toEqual(running(0));
  });
});

describe('the decision at a red light', () => {
  it('is today’s when no bonus is at stake, whatever waiting costs', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (cost) => mayRunRedLight(cost, 0)));
  });

  it('runs only when stopping costs more than the bonus at stake', () => {
    expect(mayRunRedLight(100, 125)).toBe(false);
    expect(mayRunRedLight(125, 125)).toBe(false);
    expect(mayRunRedLight(126, 125)).toBe(true);
  });

  it('prices the waits by earnings, and by the expected fine as the waits eat into the time left under pressure', () => {
    const w = { waitSec: 60, earnFenPerSec: 1, pressure: 0.5, lateFineFen: 350, perMinuteLateFen: 0 };
    // 60 s × 1 fen/s, plus 0.5 × (60 / 600) × 350 fen.
    expect(redLightWaitCostFen({ ...w, timeLeftSec: 600 })).toBeCloseTo(60 + 17.5, 12);
    // Waits longer than the time left: the whole expected fine, weighed by pressure.
    expect(redLightWaitCostFen({ ...w, timeLeftSec: 30 })).toBeCloseTo(60 + 175, 12);
    // Past every threshold: only a per-minute fine makes the waits cost more than the earnings.
    expect(redLightWaitCostFen({ ...w, timeLeftSec: Infinity })).toBe(60);
    expect(redLightWaitCostFen({ ...w, timeLeftSec: Infinity, perMinuteLateFen: 50 })).toBe(110);
  });
});

describe('the safety bonus in the ledger', () => {
  const sum = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0);

  it('is paid only for orders carried without a red light run, and money is conserved to the fen', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.array(fc.record({ courier: fc.integer({ min: 0, max: 2 }), ran: fc.boolean() }), { maxLength: 30 }),
        (bonus, orders) => {
          const rules = Rules.parse({
            pay: { safetyBonusPerOrder: bonus, dailyTiers: [{ orders: 2, bonus: 5 }] },
          });
          const scenario = Scenario.parse({ schemaVersion: 2, rules });
          const ledger = new Ledger(scenario, rules, 3, seedrandom.alea('complaints'));
          const parties = flowParties(rules);
          ledger.beginDay(0, 'clear', false);
          for (const o of orders) {
            ledger.delivered(o.courier, {
              placeSec: PLACE - 1800,
              roadKm: 2,
              atSec: PLACE,
              promiseSec: PLACE,
              lateAtSec: PLACE,
              covered: false,
              ranRedLight: o.ran,
            });
            expect(sum(Object.values(balancesOf(ledger.day, parties)))).toBe(0);
          }
          const clean = orders.filter((o) => !o.ran).length;
          expect(ledger.day.bonuses).toBe(clean * Math.round(bonus * 100));
          ledger.settleDay(
            {
              loggedOn: Uint8Array.of(1, 1, 1),
              onlineSec: Float64Array.of(3600, 3600, 3600),
              engagedSec: Float64Array.of(1800, 1800, 1800),
              longestSec: Float64Array.of(3600, 3600, 3600),
            },
            () => 10,
          );
          for (const f of FLOWS) expect(Number.isInteger(ledger.day[f]), f).toBe(true);
          expect(sum(Object.values(balancesOf(ledger.day, parties)))).toBe(0);
          // Every pay term is its flow: the couriers' rows add up to the day's flows (bonuses = tiers + safety).
          for (const term of PAY_TERM_NAMES) {
            expect(sum([0, 1, 2].map((c) => ledger.amountsOf(c)[term])), term).toBe(ledger.day[PAY_TERMS[term].flow]);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is paid for every order when nobody runs a red light, and for none when every red light is run', () => {
    const obeying = oneCourier({ redRunBase: 0, redRunPressure: 0, redLightWaitSec: 26 }, SAFETY_RULES).summary;
    expect(obeying.ledger.bonuses).toBe(1.25 * obeying.metrics.service.ordersDelivered);
    // Waits of 5 min at every signal of a dense grid cost more than the bonus: the courier runs them, and loses it.
    const running = oneCourier(
      { redRunBase: 1, redRunPressure: 0, redLightProb: 1, redLightWaitSec: 300 },
      SAFETY_RULES,
      10,
    ).summary;
    expect(running.metrics.safety.redLightRunsPerCourierDay).toBeGreaterThan(0);
    expect(running.ledger.bonuses).toBe(0);
  });
});

const SAFETY_RULES = { pay: { safetyBonusPerOrder: 1.25 } };

describe('a safety bonus in a small city', () => {
  /** demo-small's size for one day, dedicated couriers only, with red-light waits. */
  function city(bonus: number): Scenario {
    const loaded = validateScenario({
      schemaVersion: 2,
      population: { couriers: 40, crowdShare: 0 },
      city: { restaurants: 150 },
      behaviour: { redLightWaitSec: 26 },
      arms: [{ id: 'a', label: 'a', rules: { pay: { safetyBonusPerOrder: bonus } } }],
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    return loaded.scenario;
  }

  it('lowers red lights run with the same seed, and its money is conserved', () => {
    const without = simulate(city(0), 'a', 1);
    const withBonus = simulate(city(1.25), 'a', 1);
    expect(withBonus.metrics.safety.redLightRunsPerCourierDay).toBeLessThan(
      without.metrics.safety.redLightRunsPerCourierDay,
    );
    expect(without.ledger.bonuses).toBe(0);
    expect(withBonus.ledger.bonuses).toBeGreaterThan(0);
    // revenue = platform margin + courier net + expenses, to the cent.
    const l = withBonus.ledger;
    expect(Math.round(l.revenue * 100)).toBe(Math.round((l.platformMargin + l.courierNet + l.expenses) * 100));
  });
});
