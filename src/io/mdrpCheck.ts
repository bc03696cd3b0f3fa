/**
 * Feasibility of an MDRP solution against its instance: the eight published checks of github.com/grubhub/mdrplib,
 * with the travel model ceil(euclidean metres / metres per minute) and the service times split in halves.
 */
import type { ReplayInstance } from '../scenario/schema.ts';
import { serviceHalves, travelMin } from '../sim/replay.ts';
import type { MdrpSolution } from './mdrp.ts';

/** The eight checks, in the published order. */
export const MDRP_RULES = [
  'oneAssignmentPerOrder',
  'assignedAfterPlacement',
  'pickupBeforeOffTime',
  'pickupAfterReady',
  'dropoffsInSequence',
  'continuousMoves',
  'atRestaurantForPickup',
  'atCustomerForDropoff',
] as const;
/** One of the eight checks. */
export type MdrpRule = (typeof MDRP_RULES)[number];

/** One broken rule, with what broke it. */
export interface MdrpViolation {
  rule: MdrpRule;
  message: string;
}

/** Checks `solution` against `instance`; an empty list means feasible. */
export function checkMdrpSolution(instance: ReplayInstance, solution: MdrpSolution): MdrpViolation[] {
  const out: MdrpViolation[] = [];
  const fail = (rule: MdrpRule, message: string) => out.push({ rule, message });
  const p = instance.parameters;
  const [pickIn, pickOut] = serviceHalves(p.pickupServiceMin);
  const [dropIn, dropOut] = serviceHalves(p.dropoffServiceMin);
  const restaurants = new Map(instance.restaurants.map((r) => [r.id, r]));
  const orders = new Map(instance.orders.map((o) => [o.id, o]));
  const couriers = new Map(instance.couriers.map((c) => [c.id, c]));
  const times = new Map(solution.orders.map((o) => [o.order, o]));
  const travel = (a: { xM: number; yM: number }, b: { xM: number; yM: number }) =>
    travelMin(a.xM, a.yM, b.xM, b.yM, p.metersPerMinute);
  const place = (id: string, courier: string) =>
    id === '0' ? couriers.get(courier) : (restaurants.get(id) ?? orders.get(id));

  // 1. Each order in at most one assignment (and one line of the orders file).
  const seen = new Set<string>();
  for (const a of solution.assignments) {
    for (const id of a.orders) {
      if (seen.has(id)) fail('oneAssignmentPerOrder', `order ${id} is in more than one assignment`);
      seen.add(id);
    }
  }
  if (new Set(solution.orders.map((o) => o.order)).size !== solution.orders.length) {
    fail('oneAssignmentPerOrder', 'an order has more than one line in the orders file');
  }

  // Moves per courier with arrival times, for checks 6–8.
  const movesBy = new Map<string, { departure: number; arrival: number; origin: string; destination: string }[]>();
  for (const m of solution.moves) {
    const from = place(m.origin, m.courier);
    const to = place(m.destination, m.courier);
    if (!from || !to || !couriers.has(m.courier)) {
      fail('continuousMoves', `move of ${m.courier} from ${m.origin} to ${m.destination} names an unknown place`);
      continue;
    }
    const list = movesBy.get(m.courier) ?? [];
    list.push({ departure: m.departureMin, arrival: m.departureMin + travel(from, to), ...m });
    movesBy.set(m.courier, list);
  }

  for (const a of solution.assignments) {
    const courier = couriers.get(a.courier);
    const first = orders.get(a.orders[0] ?? '');
    const restaurant = first ? restaurants.get(first.restaurant) : undefined;
    if (!courier || !first || !restaurant) {
      fail('oneAssignmentPerOrder', `assignment of ${a.courier} names an unknown courier or order`);
      continue;
    }
    let previous: { at: { xM: number; yM: number }; leave: number } = { at: restaurant, leave: a.pickupMin + pickOut };
    for (const id of a.orders) {
      const o = orders.get(id);
      if (!o) {
        fail('oneAssignmentPerOrder', `assignment of ${a.courier} names unknown order ${id}`);
        continue;
      }
      // 2. Not assigned before placement.
      if (a.assignmentMin < o.placementMin) {
        fail('assignedAfterPlacement', `order ${id} assigned at ${a.assignmentMin}, placed at ${o.placementMin}`);
      }
      // 4. One restaurant per bundle, picked up at or after every ready time.
      if (o.restaurant !== restaurant.id) {
        fail('pickupAfterReady', `assignment of ${a.courier} mixes restaurants ${restaurant.id} and ${o.restaurant}`);
      }
      if (a.pickupMin < o.readyMin)
        fail('pickupAfterReady', `order ${id} picked up at ${a.pickupMin}, ready at ${o.readyMin}`);
      // 5. Drop-offs in the bundle's sequence, with travel and service time between them.
      const t = times.get(id);
      if (!t) {
        fail('dropoffsInSequence', `order ${id} is assigned but has no line in the orders file`);
        continue;
      }
      if (t.pickupMin !== a.pickupMin || t.courier !== a.courier) {
        fail('dropoffsInSequence', `order ${id}: pickup or courier differ between the assignment and orders files`);
      }
      const earliest = previous.leave + travel(previous.at, o) + dropIn;
      if (t.dropoffMin < earliest) {
        fail('dropoffsInSequence', `order ${id} dropped off at ${t.dropoffMin}, at the earliest ${earliest}`);
      }
      previous = { at: o, leave: t.dropoffMin + dropOut };
    }
    // 3. No pickup after the courier's off time.
    if (a.pickupMin > courier.offMin) {
      fail('pickupBeforeOffTime', `${a.courier} picks up at ${a.pickupMin}, off at ${courier.offMin}`);
    }
    // 7. The courier reached the restaurant in time for the pickup service and stayed through it.
    if (!visited(movesBy.get(a.courier), restaurant.id, a.pickupMin, pickIn, pickOut)) {
      fail('atRestaurantForPickup', `${a.courier} is not at ${restaurant.id} for the pickup at ${a.pickupMin}`);
    }
  }

  // 6. Moves: each starts where the previous ended (the first at the on-location), no earlier than its arrival.
  for (const [courierId, moves] of movesBy) {
    const courier = couriers.get(courierId);
    let where = '0';
    let free = courier?.onMin ?? 0;
    for (const m of moves) {
      if (m.origin !== where) fail('continuousMoves', `${courierId} moves from ${m.origin} but stands at ${where}`);
      if (m.departure < free)
        fail('continuousMoves', `${courierId} leaves ${m.origin} at ${m.departure}, before ${free}`);
      where = m.destination;
      free = m.arrival;
    }
  }

  // 8. The courier reached each customer in time for the drop-off service and stayed through it.
  for (const t of solution.orders) {
    if (!visited(movesBy.get(t.courier), t.order, t.dropoffMin, dropIn, dropOut)) {
      fail('atCustomerForDropoff', `${t.courier} is not at order ${t.order} for the drop-off at ${t.dropoffMin}`);
    }
  }
  return out;
}

/**
 * Whether the courier arrives at `place` by `at − before` on a move and leaves no earlier than `at + after` (or not at
 * all): the service at `at` happens while the courier is there.
 */
function visited(
  moves: readonly { departure: number; arrival: number; origin: string; destination: string }[] | undefined,
  place: string,
  at: number,
  before: number,
  after: number,
): boolean {
  if (!moves) return false;
  for (let i = moves.length - 1; i >= 0; i--) {
    const m = moves[i];
    if (!m || m.destination !== place || m.arrival + before > at) continue;
    const next = moves[i + 1];
    return next === undefined || next.departure >= at + after;
  }
  return false;
}
