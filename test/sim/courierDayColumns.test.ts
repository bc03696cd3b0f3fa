// Courier-day rows kept only when asked for (src/sim/courierDayColumns.ts, src/sim/tally.ts): a run without them has
// the same metrics, per-day series and everything else, and the metrics read from the kept columns are what the
// same summaries of the rows as plain arrays give, to the last bit.
import { describe, expect, it } from 'vitest';
import { mdrpScenario, parseMdrpInstance } from '../../src/io/mdrp.ts';
import { rulesForArm } from '../../src/scenario/rulesForArm.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import { Scenario } from '../../src/scenario/schema.ts';
import { runEngine } from '../../src/sim/engine.ts';
import { courierDaysOf, distOf, gini } from '../../src/sim/metrics.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { generatedInstance } from '../io/mdrpFixtures.ts';

function scenarioWith(patch: Record<string, unknown>): Scenario {
  const r = validateScenario({ schemaVersion: 2, population: { couriers: 60 }, time: { days: 3 }, ...patch });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

const json = (x: unknown) => JSON.stringify(x);

describe('courier-day rows', () => {
  const cases: [string, Scenario][] = [
    ['synthetic, three days', scenarioWith({})],
    ['synthetic, a heat wave', scenarioWith({ weather: ['heat37', 'heat40', 'clear'] })],
    ['an MDRP replay', Scenario.parse(mdrpScenario(parseMdrpInstance(generatedInstance(300, 30, 20)), 'gen'))],
  ];

  it.each(cases)('are kept only when asked for, and the result is otherwise the same (%s)', (_name, scenario) => {
    for (const arm of scenario.arms.map((a) => a.id)) {
      const withRows = simulate(scenario, arm, 3, { courierDays: true });
      const without = simulate(scenario, arm, 3);
      expect(without.courierDays).toBeUndefined();
      expect(withRows.courierDays?.length).toBeGreaterThan(0);
      const { courierDays: _rows, ...rest } = withRows;
      expect(json(without)).toBe(json(rest));
    }
  });

  it('give the metrics exactly what the same summaries of plain arrays of the rows give', () => {
    const scenario = scenarioWith({});
    const r = simulate(scenario, 'strictest', 5, { courierDays: true });
    const rows = r.courierDays ?? [];
    const std = scenario.standards;
    const col = (f: (row: (typeof rows)[number]) => number) => rows.map(f);
    const e = r.metrics.earnings;
    const w = r.metrics.workload;
    expect(e.netPerOnlineHour).toEqual(distOf(col((x) => x.netPerOnlineHour)));
    expect(e.gini).toBe(gini(col((x) => x.netPerOnlineHour)));
    expect(w.onlineHours).toEqual({
      ...distOf(col((x) => x.onlineHours)),
      max: Math.max(...col((x) => x.onlineHours)),
    });
    expect(w.ordersPerCourierDay).toEqual(distOf(col((x) => x.orders)));
    expect(w.kmPerCourierDay).toEqual(distOf(col((x) => x.km)));
    expect(w.longestStretchHours).toEqual(distOf(col((x) => x.longestStretchHours)));
    const fullTime = rows.filter((x) => x.onlineHours >= std.fullTimeMinHours);
    expect(w.fullTime.onlineHours).toEqual(distOf(fullTime.map((x) => x.onlineHours)));
    expect(e.fullTime.netPerOnlineHour).toEqual(distOf(fullTime.map((x) => x.netPerOnlineHour)));
    const below = rows.filter((x) => x.netPerOnlineHour < std.minHourlyWage).length;
    expect(e.shareBelowMinWage).toBe(below / rows.length);
    expect(e.topUpShare).toBe(rows.filter((x) => x.topUpsCny > 0).length / rows.length);
    // Money is summed in fen as the days close, in row order: the rows' yuan agree to the cent.
    expect(r.ledger.fees).toBeCloseTo(
      rows.reduce((s, x) => s + x.feesCny, 0),
      6,
    );
    expect(r.ledger.courierNet).toBeCloseTo(
      rows.reduce((s, x) => s + x.netCny, 0),
      6,
    );
  });

  it('cannot be asked of a run that did not keep them', () => {
    const scenario = scenarioWith({ time: { days: 1 } });
    const rules = rulesForArm(scenario, 'median');
    const plain = runEngine({ scenario, rules, seed: 1 });
    expect(plain.tally.courierDayRows).toBeNull();
    expect(plain.tally.courierDays.length).toBeGreaterThan(0);
    expect(() => courierDaysOf(plain.tally, plain.population.crowd, plain.population.isNew)).toThrow(/not kept/);
    const kept = runEngine({ scenario, rules, seed: 1, courierDayRows: true });
    const rows = courierDaysOf(kept.tally, kept.population.crowd, kept.population.isNew);
    expect(rows.length).toBe(plain.tally.courierDays.length);
  });
});
