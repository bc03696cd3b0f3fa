// Shifts a station plans from its demand (population.staffing 'demand', src/sim/staffing.ts): the plan changes only
// dedicated couriers' usual starts, makes no random draw, follows the expected orders per hour better than the drawn
// mixture, and staffs the opening hour so that fewer of its orders are cancelled.
import { describe, expect, it } from 'vitest';
import { rulesForArm } from '../../src/scenario/rulesForArm.ts';
import { Scenario } from '../../src/scenario/schema.ts';
import { runEngine } from '../../src/sim/engine.ts';
import { drawPopulation } from '../../src/sim/population.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { demandBySlot, nominalOnlineBySlot, plannedStartHours } from '../../src/sim/staffing.ts';

/** A small busy city for one day, with the default demand profile and shifts; `staffing` as given. */
function small(staffing: 'fixed' | 'demand', couriers = 60): Scenario {
  return Scenario.parse({
    schemaVersion: 2,
    city: { widthKm: 8, heightKm: 8, restaurants: 120, hotspots: [{ xKm: 4, yKm: 4, weight: 1, spreadKm: 1.5 }] },
    population: { couriers, staffing },
    replications: 1,
  });
}

/** The fewest couriers online per unit of expected orders over the service slots (higher: no hour left short). */
function leastCouriersPerOrder(online: Float64Array, demand: Float64Array): number {
  let least = Infinity;
  for (let j = 0; j < demand.length; j++) if (demand[j]! > 0) least = Math.min(least, online[j]! / demand[j]!);
  return least;
}

describe('shifts planned from demand', () => {
  it('changes only dedicated couriers’ usual starts: every draw and every crowd courier stay as they were', () => {
    const fixed = drawPopulation(small('fixed'), 7);
    const demand = drawPopulation(small('demand'), 7);
    expect(demand.crowd).toEqual(fixed.crowd);
    expect(demand.maxHours).toEqual(fixed.maxHours);
    expect(demand.incomeTargetCny).toEqual(fixed.incomeTargetCny);
    expect(demand.comfortKmh).toEqual(fixed.comfortKmh);
    expect(demand.otherPlatformPhaseSec).toEqual(fixed.otherPlatformPhaseSec);
    let moved = 0;
    for (let c = 0; c < fixed.count; c++) {
      if (fixed.crowd[c] === 1) expect(demand.startHour[c], `crowd courier ${c}`).toBe(fixed.startHour[c]);
      else if (demand.startHour[c] !== fixed.startHour[c]) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('covers a quiet opening and closing hour with the couriers whose hours fit them (an analytic case)', () => {
    // Orders only 7:00–8:00 and 22:00–23:00, two dedicated couriers of 2 h: one opens, the other closes (from 21:00,
    // the earliest start that covers 22:00–23:00 in full); the crowd courier keeps its start.
    const profile = Array.from({ length: 24 }, (_, h) => (h === 7 || h === 22 ? 1 : 0));
    const scenario = Scenario.parse({ schemaVersion: 2, demand: { hourlyProfile: profile } });
    const pop = {
      crowd: Uint8Array.from([0, 0, 1]),
      startHour: Float64Array.from([12, 12, 12]),
      maxHours: Float64Array.from([2, 2, 3]),
    };
    expect([...plannedStartHours(scenario, pop)]).toEqual([7, 21, 12]);
  });

  it('leaves no hour as short of couriers per expected order as the drawn mixture does, on every seed', () => {
    // The plan's aim: the hour with the fewest couriers online per expected order is better staffed. Shifts of 8–13 h
    // cannot follow two peaks six hours apart, so the plan lifts the worst hours rather than raising the correlation
    // with demand (measured: up a little on this scenario, down a little on yantai-2021), which is not held here.
    for (const seed of [1, 2, 3]) {
      const [fixed, demand] = (['fixed', 'demand'] as const).map((staffing) => {
        const scenario = small(staffing);
        return { scenario, online: nominalOnlineBySlot(scenario, drawPopulation(scenario, seed), 'all') };
      });
      const expected = demandBySlot(fixed!.scenario);
      expect(leastCouriersPerOrder(demand!.online, expected), `seed ${seed}`).toBeGreaterThan(
        leastCouriersPerOrder(fixed!.online, expected),
      );
    }
  });

  it('cancels fewer of the opening hour’s orders in a run', () => {
    const cancelledAtOpening = (staffing: 'fixed' | 'demand'): number => {
      const scenario = small(staffing);
      let cancelled = 0;
      for (const seed of [1, 2]) {
        const t = runEngine({ scenario, rules: rulesForArm(scenario, 'median'), seed, trace: true }).trace!.columns;
        const opening = scenario.time.serviceStartHour * 3600;
        for (let i = 0; i < t.placeSec.length; i++) {
          if (t.placeSec[i]! - t.day[i]! * 86400 < opening + 3600 && Number.isNaN(t.deliveredSec[i]!)) cancelled++;
        }
      }
      return cancelled;
    };
    expect(cancelledAtOpening('demand')).toBeLessThan(cancelledAtOpening('fixed'));
  });

  it('gives the same result for the same seed twice', () => {
    const scenario = small('demand');
    expect(JSON.stringify(simulate(scenario, 'median', 4))).toBe(JSON.stringify(simulate(scenario, 'median', 4)));
    expect(drawPopulation(scenario, 4).startHour).toEqual(drawPopulation(scenario, 4).startHour);
  });

  it('is off by default', () => {
    expect(Scenario.parse({ schemaVersion: 2 }).population.staffing).toBe('fixed');
  });
});
