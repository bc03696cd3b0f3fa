// The rolling-horizon dispatcher on hand-made cities: late commitment, bundles within the bag, on-the-way orders
// for couriers with a bag, and the batch matching that an order-by-order dispatcher cannot do.
import { describe, expect, it } from 'vitest';
import { Rules, Scenario } from '../../src/scenario/schema.ts';
import type { City } from '../../src/sim/city.ts';
import type { DayOrders } from '../../src/sim/demand.ts';
import { runEngine } from '../../src/sim/engine.ts';
import { Fleet, IDLE } from '../../src/sim/fleet.ts';
import { ASSIGNED, OrderBook } from '../../src/sim/orderBook.ts';
import { InsertionSearch, type PlanParams } from '../../src/sim/plan.ts';
import { newDispatchWork, RollingDispatcher, type RollingHost } from '../../src/sim/rollingDispatch.ts';
import { SpatialGrid } from '../../src/sim/spatialGrid.ts';

interface OrderSpec {
  r: number;
  readyMin: number;
  cx: number;
  cy: number;
}

interface Given {
  o: number;
  c: number;
  pickupAt: number;
  dropAt: number;
  last: boolean;
}

/** A 10 × 10 km city with the given restaurants, couriers standing still at the given points, and orders at t = 0. */
function world(
  restaurants: [number, number][],
  couriers: [number, number][],
  specs: OrderSpec[],
  dispatch = {},
  shiftEndSec: (c: number) => number = () => Infinity,
) {
  const rules = Rules.parse({ dispatch: { maxPickupKm: 5, ...dispatch } });
  const city: City = {
    widthKm: 10,
    heightKm: 10,
    restaurantX: Float64Array.from(restaurants, (r) => r[0]),
    restaurantY: Float64Array.from(restaurants, (r) => r[1]),
  };
  const n = couriers.length;
  const fleet = new Fleet(n, rules.dispatch.maxBag);
  const grid = new SpatialGrid(10, 10, n, rules.dispatch.maxPickupKm, () => true);
  couriers.forEach(([x, y], c) => {
    fleet.x[c] = x;
    fleet.y[c] = y;
    fleet.state[c] = IDLE;
    grid.update(c, true, x, y);
  });
  const orders: DayOrders = {
    count: specs.length,
    placeSec: new Float64Array(specs.length),
    readySec: Float64Array.from(specs, (s) => s.readyMin * 60),
    restaurant: Int32Array.from(specs, (s) => s.r),
    custX: Float64Array.from(specs, (s) => s.cx),
    custY: Float64Array.from(specs, (s) => s.cy),
    straightKm: Float64Array.from(specs, (s) =>
      Math.sqrt((s.cx - city.restaurantX[s.r]!) ** 2 + (s.cy - city.restaurantY[s.r]!) ** 2),
    ),
  };
  const book = new OrderBook(orders, 1);
  for (let o = 0; o < book.count; o++) {
    book.promiseAt[o] = 45 * 60; // every promise at 00:45 (no window, no grace: due and late then too)
  }
  const plan: PlanParams = {
    secPerKm: 240, // 15 km/h
    pickupSvcSec: 120,
    dropSvcSec: 120,
    maxPickupKm: rules.dispatch.maxPickupKm,
    latenessWeight: rules.dispatch.latenessWeight,
    deliveryWeight: 0,
    maxPlannedLateSec: rules.dispatch.maxPlannedLateMin * 60,
  };
  const given: Given[] = [];
  const host: RollingHost = {
    rules,
    city,
    fleet,
    grid,
    insertion: new InsertionSearch(fleet.planCap, plan, city),
    plan,
    book,
    score: new Float64Array(n).fill(1),
    hardCap: false,
    work: newDispatchWork(),
    isFree: (c) => fleet.bagCount[c] === 0,
    declines: () => false,
    pickupDeadlineSec: shiftEndSec,
    assign: (o, c, _now, pickupAt, dropAt, last) => {
      given.push({ o, c, pickupAt, dropAt, last });
      book.status[o] = ASSIGNED;
      book.courier[o] = c;
      fleet.take(c, o, pickupAt, dropAt);
    },
  };
  const dispatcher = new RollingDispatcher(rules, n);
  const pool = Int32Array.from(specs.keys());
  let waiting = pool.length;
  const tick = (min: number) => {
    waiting = dispatcher.tick(host, pool, waiting, min * 60);
    return Array.from(pool.subarray(0, waiting));
  };
  return { host, fleet, book, given, tick };
}

/** Courier c's plan as stops: 'p3' is the pickup of order 3, 'd3' its drop-off. */
function planOf(fleet: Fleet, c: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < fleet.planLen[c]!; k++) {
    const st = fleet.plan[c * fleet.planCap + k]!;
    out.push(`${st & 1 ? 'd' : 'p'}${st >> 1}`);
  }
  return out;
}

describe('rolling dispatch', () => {
  it('commits late: a courier is sent only when it would wait at most the commitment horizon for the food', () => {
    // The courier stands at the restaurant; the food is ready at minute 20; the horizon is 5 minutes.
    const w = world([[5, 5]], [[5, 5]], [{ r: 0, readyMin: 20, cx: 6, cy: 5 }], { commitHorizonMin: 5 });
    expect(w.tick(0)).toEqual([0]);
    expect(w.tick(10)).toEqual([0]);
    expect(w.tick(14.5)).toEqual([0]); // would wait 5.5 minutes
    expect(w.tick(15)).toEqual([]);
    expect(w.given).toEqual([{ o: 0, c: 0, pickupAt: 0, dropAt: 0, last: true }]);
  });

  it('sends a distant courier earlier, so that it arrives as the food is ready', () => {
    // 2 km away at 15 km/h: 8 minutes' ride; ready at minute 20, horizon 5: sent at minute 7 (20 − 8 − 5).
    const w = world([[5, 5]], [[3, 5]], [{ r: 0, readyMin: 20, cx: 6, cy: 5 }], { commitHorizonMin: 5 });
    expect(w.tick(6.5)).toEqual([0]);
    expect(w.tick(7)).toEqual([]);
  });

  it('bundles orders of nearby restaurants for a scarce courier, never more than the bag', () => {
    const specs = [0, 1, 2].map(() => ({ r: 0, readyMin: 0, cx: 5.5, cy: 5 }));
    const w = world([[5, 5]], [[5, 5]], specs, { maxBag: 2 });
    expect(w.tick(0)).toEqual([2]);
    expect(w.fleet.bagCount[0]).toBe(2);
    expect(planOf(w.fleet, 0)).toEqual(['p0', 'p1', 'd0', 'd1']);
    // The courier sets off once the whole bundle is in the plan.
    expect(w.given.map((g) => g.last)).toEqual([false, true]);
  });

  it('does not bundle when couriers are plenty: one order each', () => {
    const specs = [0, 1].map(() => ({ r: 0, readyMin: 0, cx: 5.5, cy: 5 }));
    const w = world(
      [[5, 5]],
      [
        [5, 5],
        [5.1, 5],
      ],
      specs,
    );
    expect(w.tick(0)).toEqual([]);
    expect(w.fleet.bagCount[0]).toBe(1);
    expect(w.fleet.bagCount[1]).toBe(1);
  });

  it('leaves out of a bundle an order that would add too much to its route', () => {
    // Same restaurant, customers 3 km apart in opposite directions: 2 + 6 km × 4 min/km ≫ 12 minutes added.
    const specs = [
      { r: 0, readyMin: 0, cx: 8, cy: 5 },
      { r: 0, readyMin: 0, cx: 2, cy: 5 },
    ];
    const w = world([[5, 5]], [[5, 5]], specs);
    expect(w.tick(0)).toHaveLength(1);
    expect(w.fleet.bagCount[0]).toBe(1);
  });

  it('gives a courier with a bag an order on its way, but not one off it', () => {
    const w = world(
      [
        [5, 5],
        [8, 8],
      ],
      [[5, 5]],
      [{ r: 0, readyMin: 0, cx: 6, cy: 5 }],
    );
    expect(w.tick(0)).toEqual([]);
    // A second order of the same restaurant for a customer beside the first: on the way.
    const near = world(
      [
        [5, 5],
        [8, 8],
      ],
      [[5, 5]],
      [
        { r: 0, readyMin: 0, cx: 6, cy: 5 },
        { r: 0, readyMin: 1, cx: 6.1, cy: 5 },
      ],
      { bundleMax: 1 },
    );
    expect(near.tick(0)).toEqual([1]);
    expect(near.tick(0.5)).toEqual([]);
    expect(near.fleet.bagCount[0]).toBe(2);
    // An order 4 km away: off the way; with no free courier it waits for the wave to end.
    const far = world(
      [
        [5, 5],
        [8, 8],
      ],
      [[5, 5]],
      [
        { r: 0, readyMin: 0, cx: 6, cy: 5 },
        { r: 1, readyMin: 1, cx: 8, cy: 9 },
      ],
      { bundleMax: 1 },
    );
    expect(far.tick(0)).toEqual([1]);
    expect(far.tick(0.5)).toEqual([1]);
    expect(far.fleet.bagCount[0]).toBe(1);
  });

  it('serves an order already late before a fresh one when one courier must choose', () => {
    // Two orders of one restaurant for customers 1 km away; order 1 was due a minute after it was placed, so it is
    // late already. Leaving it costs its lateness growing by a batch; leaving order 0 costs nothing yet.
    const w = world(
      [[5, 5]],
      [[5, 5]],
      [
        { r: 0, readyMin: 0, cx: 6, cy: 5 },
        { r: 0, readyMin: 0, cx: 5, cy: 6 },
      ],
      { bundleMax: 1 },
    );
    w.book.promiseAt[1] = 60;
    expect(w.tick(5)).toEqual([0]);
    expect(w.given.map((g) => g.o)).toEqual([1]);
  });

  it('looks at an order that lost every courier again only when a courier near it changed, or after 2 minutes', () => {
    // One courier and three orders: order 0 takes the courier, orders 1 and 2 lose it to order 0 and rest.
    const w = world(
      [
        [5, 5],
        [5, 6],
        [8, 5],
      ],
      [[5, 5]],
      [
        { r: 0, readyMin: 0, cx: 6, cy: 5 },
        { r: 1, readyMin: 0, cx: 4, cy: 8 },
        { r: 2, readyMin: 0, cx: 9, cy: 3 },
      ],
      { bundleMax: 1 },
    );
    const looks = () => w.host.work.considered;
    expect(w.tick(0)).toEqual([1, 2]);
    const first = looks();
    // The courier was given order 0: news to the resting order nearest it (one, a bundle's worth), not to both.
    expect(w.tick(0.5)).toEqual([1, 2]);
    expect(looks()).toBe(first + 1);
    // Nothing changed near either since: both rest.
    expect(w.tick(1)).toEqual([1, 2]);
    expect(w.tick(1.5)).toEqual([1, 2]);
    expect(looks()).toBe(first + 1);
    // Two minutes after its last look each is looked at anyway.
    expect(w.tick(2.25)).toEqual([1, 2]);
    expect(looks()).toBe(first + 2);
  });

  it('matches the batch as a whole: an order-by-order dispatcher would strand the second order', () => {
    // Courier A at x = 0, B at x = 2; o0's restaurant at x = 1.9 (B is nearest, A 1.9 km away), o1's at x = 2.5,
    // beyond A's reach (maxPickupKm 2.2). Oldest first, o0 would go to B and o1 to nobody; the matching gives o0
    // to A and o1 to B.
    const w = world(
      [
        [1.9, 5],
        [2.5, 5],
      ],
      [
        [0, 5],
        [2, 5],
      ],
      [
        { r: 0, readyMin: 0, cx: 1.9, cy: 6 },
        { r: 1, readyMin: 0, cx: 2.5, cy: 4 },
      ],
      { maxPickupKm: 2.2, bundleMax: 1 },
    );
    expect(w.tick(0)).toEqual([]);
    expect(w.book.courier[0]).toBe(0);
    expect(w.book.courier[1]).toBe(1);
  });

  it('offers no courier food it could not pick up before its shift ends', () => {
    // The nearer courier's shift ends at minute 5, before the food is ready at minute 10: the farther one goes.
    const w = world(
      [[5, 5]],
      [
        [5, 5],
        [6, 5],
      ],
      [{ r: 0, readyMin: 10, cx: 6, cy: 6 }],
      {},
      (c) => (c === 0 ? 5 * 60 : Infinity),
    );
    expect(w.tick(6)).toEqual([]);
    expect(w.book.courier[0]).toBe(1);
  });

  it('refuses a bundle larger than the bag, naming the field', () => {
    const r = Scenario.safeParse({ schemaVersion: 2, rules: { dispatch: { maxBag: 2, bundleMax: 3 } } });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain('rules.dispatch.bundleMax');
    const arm = Scenario.safeParse({
      schemaVersion: 2,
      arms: [{ id: 'a', label: 'A', rules: { dispatch: { bundleMax: 12 } } }],
    });
    expect(arm.success).toBe(false);
    expect(arm.error?.issues.map((i) => i.path.join('.'))).toContain('arms.0.rules.dispatch.bundleMax');
    // The scenario's own pair is reported once, not again for every arm that does not touch it.
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['rules.dispatch.bundleMax']);
    for (const [field, value] of [
      ['commitHorizonMin', -1],
      ['commitHorizonMin', 1e9],
      ['onTheWayMin', -1],
      ['bundleMax', 0],
    ] as const) {
      const bad = Scenario.safeParse({ schemaVersion: 2, rules: { dispatch: { [field]: value } } });
      expect(bad.success, `${field} = ${value}`).toBe(false);
    }
  });
});

describe('rolling dispatch in the engine', () => {
  // A busy small city for one day: the order trace shows every courier's bag over time.
  const scenario = Scenario.parse({
    schemaVersion: 2,
    city: { widthKm: 6, heightKm: 6, restaurants: 60, hotspots: [{ xKm: 3, yKm: 3, weight: 1, spreadKm: 1 }] },
    population: { couriers: 25 },
    demand: { ordersPerCourierDay: 40 },
    rules: { dispatch: { maxBag: 3 } },
  });
  const run = (armId: 'strictest' | 'median') => {
    const rules = Rules.parse({
      ...scenario.rules,
      deadline: { ...scenario.rules.deadline, percentile: armId === 'strictest' ? 10 : 50 },
    });
    return runEngine({ scenario, rules, seed: 3, trace: true }).trace!.columns;
  };

  it('never gives a courier more orders at once than the bag holds', () => {
    const t = run('median');
    const events = new Map<number, [number, number][]>();
    for (let i = 0; i < t.courier.length; i++) {
      const c = t.courier[i]!;
      if (c < 0 || Number.isNaN(t.assignedSec[i]!)) continue;
      const list = events.get(c) ?? [];
      list.push([t.assignedSec[i]!, 1]);
      // An order leaves the bag on arrival at the door; it counts as delivered after the drop-off service.
      const dropSvcSec = scenario.rules.deadline.dropoffServiceMin * 60;
      if (!Number.isNaN(t.deliveredSec[i]!)) list.push([t.deliveredSec[i]! - dropSvcSec, -1]);
      events.set(c, list);
    }
    let most = 0;
    for (const list of events.values()) {
      list.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      let bag = 0;
      for (const [, d] of list) most = Math.max(most, (bag += d));
    }
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(3);
  });

  it('accepts an order within minutes of the pickup, not long before', () => {
    const t = run('median');
    const gaps: number[] = [];
    for (let i = 0; i < t.courier.length; i++) {
      if (!Number.isNaN(t.pickedSec[i]!)) gaps.push((t.pickedSec[i]! - t.assignedSec[i]!) / 60);
    }
    gaps.sort((a, b) => a - b);
    expect(gaps.length).toBeGreaterThan(500);
    // Riding to the restaurant (at most maxPickupKm) and waiting at most the horizon for the food.
    expect(gaps[Math.floor(gaps.length * 0.9)]!).toBeLessThan(25);
  });
});
