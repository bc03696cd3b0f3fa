/**
 * The naive baseline the replay dispatcher is compared with (issue 12): each order, in order of its ready time, goes
 * at that time (or when a courier next frees up) to the nearest free courier who can pick it up before the end of
 * the shift, one order per trip, in the MDRP travel model. Only the tests use it.
 */
import type { ReplayInstance } from '../../src/scenario/schema.ts';
import type { ReplaySolution } from '../../src/sim/results.ts';
import { serviceHalves, travelMin } from '../../src/sim/replay.ts';

export function naiveReplay(inst: ReplayInstance): ReplaySolution {
  const p = inst.parameters;
  const [pickIn, pickOut] = serviceHalves(p.pickupServiceMin);
  const [dropIn, dropOut] = serviceHalves(p.dropoffServiceMin);
  const restaurants = new Map(inst.restaurants.map((r) => [r.id, r]));
  const couriers = inst.couriers.map((c) => ({ ...c, freeMin: c.onMin, at: '0', x: c.xM, y: c.yM }));
  const solution: ReplaySolution = { assignments: [], orders: [], moves: [] };
  const movesBy = couriers.map(() => [] as ReplaySolution['moves']);
  const byReady = inst.orders
    .map((o, i) => ({ o, i }))
    .sort((a, b) => a.o.readyMin - b.o.readyMin || a.i - b.i)
    .map((x) => x.o);
  for (const order of byReady) {
    const rest = restaurants.get(order.restaurant);
    if (!rest) continue;
    let t = order.readyMin;
    for (;;) {
      let best = -1;
      let bestTravel = Infinity;
      couriers.forEach((c, k) => {
        if (c.onMin > t || c.freeMin > t) return;
        const travel = travelMin(c.x, c.y, rest.xM, rest.yM, p.metersPerMinute);
        if (Math.max(t + travel + pickIn, order.readyMin) > c.offMin) return;
        if (travel < bestTravel) {
          best = k;
          bestTravel = travel;
        }
      });
      if (best >= 0) {
        const c = couriers[best] as (typeof couriers)[number];
        const pickupMin = Math.max(t + bestTravel + pickIn, order.readyMin);
        const leave = pickupMin + pickOut;
        const dropoffMin = leave + travelMin(rest.xM, rest.yM, order.xM, order.yM, p.metersPerMinute) + dropIn;
        const moves = movesBy[best] as ReplaySolution['moves'];
        moves.push({ courier: c.id, departureMin: t, origin: c.at, destination: rest.id });
        moves.push({ courier: c.id, departureMin: leave, origin: rest.id, destination: order.id });
        solution.assignments.push({
          courier: c.id,
          restaurant: rest.id,
          orders: [order.id],
          assignmentMin: t,
          pickupMin,
        });
        solution.orders.push({
          order: order.id,
          placementMin: order.placementMin,
          readyMin: order.readyMin,
          pickupMin,
          dropoffMin,
          courier: c.id,
        });
        Object.assign(c, { freeMin: dropoffMin + dropOut, at: order.id, x: order.xM, y: order.yM });
        break;
      }
      // Nobody free now: wait for the next courier to free up or come on shift.
      const later = couriers
        .flatMap((c) => [c.freeMin, c.onMin])
        .filter((m) => m > t)
        .reduce((a, b) => Math.min(a, b), Infinity);
      if (later === Infinity || later > inst.couriers.reduce((m, c) => Math.max(m, c.offMin), 0)) break;
      t = later;
    }
  }
  solution.orders.sort((a, b) => a.dropoffMin - b.dropoffMin);
  solution.moves = movesBy.flat();
  return solution;
}
