/**
 * The rolling dispatcher skips a busy courier for an on-the-way order when `InsertionSearch.detourLowerBound` exceeds
 * the detour allowed. That is only the same answer if the bound never exceeds the detour of any insertion, so it is
 * held against the cheapest insertion's own detour on random plans (with only the detour in the cost, the cheapest
 * insertion is the one of least detour).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { City } from '../../src/sim/city.ts';
import type { DayOrders } from '../../src/sim/demand.ts';
import { Fleet } from '../../src/sim/fleet.ts';
import { OrderBook } from '../../src/sim/orderBook.ts';
import { InsertionSearch, type PlanParams } from '../../src/sim/plan.ts';

const params: PlanParams = {
  secPerKm: 240,
  pickupSvcSec: 120,
  dropSvcSec: 120,
  maxPickupKm: 1e9,
  latenessWeight: 0,
  deliveryWeight: 0,
  maxPlannedLateSec: 1e12,
};

const point = fc.record({
  x: fc.double({ min: 0, max: 10, noNaN: true }),
  y: fc.double({ min: 0, max: 10, noNaN: true }),
});
const order = fc.record({ restaurant: point, customer: point, readyMin: fc.double({ min: 0, max: 60, noNaN: true }) });
const world = fc.record({
  courier: point,
  nowMin: fc.double({ min: 0, max: 30, noNaN: true }),
  freeInMin: fc.double({ min: 0, max: 10, noNaN: true }),
  // The orders already held: picked up (drop-off only) or not yet (pickup and drop-off).
  held: fc.array(fc.record({ order, pickedUp: fc.boolean() }), { minLength: 0, maxLength: 4 }),
  fresh: order,
});

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

/** The world as the engine's arrays: order i's restaurant is restaurant i; the fresh order is the last. */
function build(w: World) {
  const all = [...w.held.map((h) => h.order), w.fresh];
  const n = all.length;
  const city: City = {
    widthKm: 10,
    heightKm: 10,
    restaurantX: Float64Array.from(all, (o) => o.restaurant.x),
    restaurantY: Float64Array.from(all, (o) => o.restaurant.y),
  };
  const orders: DayOrders = {
    count: n,
    placeSec: new Float64Array(n),
    readySec: Float64Array.from(all, (o) => o.readyMin * 60),
    restaurant: Int32Array.from(all, (_, i) => i),
    custX: Float64Array.from(all, (o) => o.customer.x),
    custY: Float64Array.from(all, (o) => o.customer.y),
    straightKm: new Float64Array(n),
  };
  const book = new OrderBook(orders, 1.3);
  for (let o = 0; o < n; o++) book.promiseAt[o] = 1e9; // due (no window) long after anything
  const fleet = new Fleet(1, 6);
  fleet.x[0] = w.courier.x;
  fleet.y[0] = w.courier.y;
  fleet.freeAt[0] = (w.nowMin + w.freeInMin) * 60;
  // Pickups first (in order), then drop-offs in order: a valid plan.
  let len = 0;
  w.held.forEach((h, o) => {
    if (!h.pickedUp) fleet.plan[len++] = o * 2;
  });
  w.held.forEach((_, o) => {
    fleet.plan[len++] = o * 2 + 1;
  });
  fleet.planLen[0] = len;
  fleet.bagCount[0] = w.held.length;
  return { city, book, fleet, fresh: n - 1, now: w.nowMin * 60 };
}

describe('the detour bound of an on-the-way order', () => {
  it('never exceeds the detour of the cheapest insertion', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { city, book, fleet, fresh, now } = build(w);
        const search = new InsertionSearch(fleet.planCap, params, city);
        const bound = search.detourLowerBound(fleet, 0, book, fresh, now);
        const cost = search.cheapest(fleet, 0, book, fresh, now);
        const detour = search.endSec - search.oldEndSec - params.pickupSvcSec - params.dropSvcSec;
        expect(cost).toBeCloseTo(detour + params.pickupSvcSec + params.dropSvcSec, 6);
        expect(bound).toBeLessThanOrEqual(detour + 1e-6);
      }),
      { numRuns: 2000, seed: 18 },
    );
  });

  it('is tight when the order lies on the courier’s last leg', () => {
    // The courier at (0, 0) rides to a customer at (4, 0); the fresh order's restaurant and customer lie on that line.
    const w = {
      courier: { x: 0, y: 0 },
      nowMin: 0,
      freeInMin: 0,
      held: [{ order: { restaurant: { x: 0, y: 0 }, customer: { x: 4, y: 0 }, readyMin: 0 }, pickedUp: true }],
      fresh: { restaurant: { x: 1, y: 0 }, customer: { x: 2, y: 0 }, readyMin: 0 },
    };
    const { city, book, fleet, fresh, now } = build(w);
    const search = new InsertionSearch(fleet.planCap, params, city);
    expect(search.detourLowerBound(fleet, 0, book, fresh, now)).toBeCloseTo(0, 9);
    search.cheapest(fleet, 0, book, fresh, now);
    expect(search.endSec - search.oldEndSec - 240).toBeCloseTo(0, 9);
  });

  it('grows with the ride off the route, less the plan’s waits for food', () => {
    // A courier at (0, 0) with one order to pick up at (0, 0), ready in a minute, and drop at (1, 0); the fresh
    // order's restaurant is off the route at (0.5, 0.5) and its customer at (1, 0). Passing the restaurant on the way
    // to (1, 0) rides 2√0.5 − 1 km more (cheaper than going on from (1, 0)); the minute's wait may absorb some.
    const w = {
      courier: { x: 0, y: 0 },
      nowMin: 0,
      freeInMin: 0,
      held: [{ order: { restaurant: { x: 0, y: 0 }, customer: { x: 1, y: 0 }, readyMin: 1 }, pickedUp: false }],
      fresh: { restaurant: { x: 0.5, y: 0.5 }, customer: { x: 1, y: 0 }, readyMin: 0 },
    };
    const { city, book, fleet, fresh, now } = build(w);
    const search = new InsertionSearch(fleet.planCap, params, city);
    const via = 2 * Math.sqrt(0.5) - 1;
    expect(search.detourLowerBound(fleet, 0, book, fresh, now)).toBeCloseTo(via * 240 - 60, 6);
  });
});
