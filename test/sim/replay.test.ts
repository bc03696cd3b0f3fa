import { describe, expect, it } from 'vitest';
import { mdrpScenario, parseMdrpInstance } from '../../src/io/mdrp.ts';
import { Scenario } from '../../src/scenario/schema.ts';
import { travelMin } from '../../src/sim/replay.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { checkMdrpSolution } from '../../src/io/mdrpCheck.ts';
import { generatedInstance, smallInstance } from '../io/mdrpFixtures.ts';
import { naiveReplay } from './naiveReplay.ts';

const small = () => Scenario.parse(mdrpScenario(parseMdrpInstance(smallInstance()), 'small'));

describe('replay', () => {
  it('uses ceil(metres / metres per minute) as travel time', () => {
    expect(travelMin(0, 0, 640, 0, 320)).toBe(2);
    expect(travelMin(640, 0, 0, 960, 320)).toBe(4);
    expect(travelMin(0, 0, 0, 0, 320)).toBe(0);
  });

  it('gives the MDRP metrics computed by hand on the small instance (order-by-order greedy dispatch)', () => {
    // The hand computation follows cheapest insertion order by order; the rolling policy has its own tests
    // (test/sim/rollingDispatch.test.ts) and meets the naive baseline below.
    const greedy = small();
    greedy.rules.dispatch.policy = 'greedy';
    const m = simulate(greedy, 'median', 1).metrics;
    // o1: 0 → 16, o2: 2 → 24, o3: 20 → 54 (see test/io/mdrp.test.ts for the times); o4 comes after every shift.
    // c1 is on the move from minute 0 (sent to r1 for o1; o2 joins that pickup at minute 2) until it leaves o3's door
    // at 56: 56 busy minutes of the 120 + 60 on shift.
    expect(m.mdrp).toEqual({
      ordersDelivered: 3,
      deliveredShare: 0.75,
      clickToDoorMin: { mean: 24, p10: 17.2, p50: 22, p90: 31.6, max: 34 },
      clickToDoorOverageMin: 0,
      shareOverTarget: 0,
      readyToDoorMin: { mean: 44 / 3, p10: 7.6, p50: 14, p90: 22 },
      readyToPickupMin: { mean: 3, p10: 0, p50: 0, p90: 7.2 },
      courierUtilisation: 56 / 180,
      ordersPerCourierHour: 1,
      totalCourierPay: 45,
      shareCouriersPaidGuarantee: 0.5,
    });
    expect(m.service.ordersPlaced).toBe(4);
    expect(m.service.ordersDelivered).toBe(3);
    expect(m.service.ordersUndelivered).toBe(1);
    // Accepted at minutes 0, 2 and 20 (o3 when it is placed), picked up at 10, 10 and 39.
    expect(m.service.acceptToPickupMin.mean).toBeCloseTo((10 + 8 + 19) / 3, 12);
    expect(m.service.pickupToDoorMin.mean).toBeCloseTo((6 + 14 + 15) / 3, 12);
    expect(m.safety.speedingKmShare).toBe(0);
    expect(m.safety.meanSpeedKmh).toBeCloseTo(19.2, 10);
  });

  it("dispatches with the arm's deadlines, so the arms differ, and every solution passes the eight MDRP checks", () => {
    const s = Scenario.parse(mdrpScenario(parseMdrpInstance(generatedInstance(300, 30, 20)), 'gen'));
    const strict = simulate(s, 'strictest', 1, { solution: true });
    const median = simulate(s, 'median', 1, { solution: true });
    expect(strict.metrics.service.promisedMin.mean).toBeLessThan(median.metrics.service.promisedMin.mean);
    expect(strict.metrics.service.onTimeRate).toBeLessThan(median.metrics.service.onTimeRate);
    // The dispatcher plans against the promise (maxPlannedLateMin, lateness weight), so the plans differ.
    expect(JSON.stringify(strict.solution)).not.toBe(JSON.stringify(median.solution));
    for (const r of [strict, median]) expect(checkMdrpSolution(s.replay!, r.solution!)).toEqual([]);
  });

  it.each([
    [300, 30, 20],
    [1000, 60, 40],
  ])('beats a naive dispatcher (%i orders, %i couriers) on delivered share and click-to-door', (n, c, r) => {
    const s = Scenario.parse(mdrpScenario(parseMdrpInstance(generatedInstance(n, c, r)), 'gen'));
    const naive = naiveReplay(s.replay!);
    expect(checkMdrpSolution(s.replay!, naive)).toEqual([]);
    const naiveShare = naive.orders.length / s.replay!.orders.length;
    const naiveC2d = naive.orders.reduce((a, o) => a + o.dropoffMin - o.placementMin, 0) / naive.orders.length;
    for (const arm of ['strictest', 'median']) {
      const m = simulate(s, arm, 1).metrics.mdrp!;
      expect(m.deliveredShare).toBeGreaterThan(naiveShare);
      expect(m.clickToDoorMin.mean).toBeLessThan(naiveC2d);
    }
  });

  it('balances the money identity to the cent and is deterministic', () => {
    const s = Scenario.parse(mdrpScenario(parseMdrpInstance(generatedInstance(300, 30, 20)), 'gen'));
    const a = simulate(s, 'strictest', 3);
    expect(JSON.stringify(simulate(s, 'strictest', 3))).toBe(JSON.stringify(a));
    const l = a.ledger;
    expect(Math.round((l.platformMargin + l.courierNet + l.expenses) * 100)).toBe(Math.round(l.revenue * 100));
  });

  it('is refused by the schema without its instance, and the instance without kind replay', () => {
    expect(Scenario.safeParse({ schemaVersion: 2, kind: 'replay' }).success).toBe(false);
    const inst = parseMdrpInstance(smallInstance());
    expect(Scenario.safeParse({ schemaVersion: 2, replay: inst }).success).toBe(false);
  });
});
