/**
 * Replay mode: a real order stream (an MDRP instance) dispatched minute by minute under the instance's travel model and
 * timing rules, with the arm's deadline, penalty and pay rules on top. Fills the same Tally as the synthetic engine,
 * so every standard metric works, and keeps the solution for `fairpace export mdrp`.
 */
import type { ReplayInstance, Rules, Scenario } from '../scenario/schema.ts';
import { deadlineModelFor, lateAfterPromiseSec } from './deadline/index.ts';
import { stream } from './random.ts';
import { hourOf, Recorder } from './recorder.ts';
import type { ReplayAssignment, ReplayMove, ReplayOrderTimes, ReplaySolution } from './results.ts';
import type { Tally } from './tally.ts';

/** Travel minutes between two points: ceil(euclidean metres / metres per minute), the MDRP travel model. */
export function travelMin(ax: number, ay: number, bx: number, by: number, metersPerMinute: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  return Math.ceil(Math.sqrt(dx * dx + dy * dy) / metersPerMinute);
}

/** The two halves of a service time in whole minutes: the first half rounded down, the rest after it. */
export function serviceHalves(serviceMin: number): [number, number] {
  const first = Math.floor(serviceMin / 2);
  return [first, serviceMin - first];
}

/** What a replay produces: the tally for the standard metrics, the solution, and per-courier columns. */
export interface ReplayOutcome {
  tally: Tally;
  solution: ReplaySolution;
  /** Orders delivered by each courier (instance order). */
  courierOrders: Float64Array;
  /** Minutes each courier spent executing assignments. */
  courierBusyMin: Float64Array;
}

/** Replays the scenario's instance under `rules`; pure and deterministic in (scenario, rules, seed). */
export function runReplay(scenario: Scenario, rules: Rules, seed: number): ReplayOutcome {
  const inst = scenario.replay;
  if (!inst) throw new RangeError('runReplay needs a replay scenario');
  const par = inst.parameters;
  const mpm = par.metersPerMinute;
  const [pickIn, pickOut] = serviceHalves(par.pickupServiceMin);
  const [dropIn, dropOut] = serviceHalves(par.dropoffServiceMin);
  const maxBag = rules.dispatch.maxBag;
  const restIndex = new Map(inst.restaurants.map((r, i) => [r.id, i]));
  const orders = inst.orders;
  const couriers = inst.couriers;
  const nO = orders.length;
  const nC = couriers.length;
  const oRest = Int32Array.from(orders, (o) => restIndex.get(o.restaurant) ?? 0);

  // Courier state: free from `freeAt`, standing at (x, y), which is `locId` ("0" = the on-location).
  const freeAt = Float64Array.from(couriers, (c) => c.onMin);
  const cx = Float64Array.from(couriers, (c) => c.xM);
  const cy = Float64Array.from(couriers, (c) => c.yM);
  const locId = couriers.map(() => '0');
  const courierOrders = new Float64Array(nC);
  const courierBusyMin = new Float64Array(nC);
  const movesBy: ReplayMove[][] = couriers.map(() => []);
  const assignments: ReplayAssignment[] = [];
  const times: (ReplayOrderTimes & { index: number })[] = [];

  const byPlacement = Array.from({ length: nO }, (_, i) => i).sort(
    (a, b) => (orders[a]?.placementMin ?? 0) - (orders[b]?.placementMin ?? 0) || a - b,
  );
  const lastOff = couriers.reduce((m, c) => Math.max(m, c.offMin), 0);
  const firstMin = couriers.reduce((m, c) => Math.min(m, c.onMin), orders[byPlacement[0] ?? 0]?.placementMin ?? 0);
  let next = 0;
  const pending: number[] = [];

  for (let t = firstMin; t <= lastOff; t++) {
    while (next < nO && (orders[byPlacement[next] as number]?.placementMin ?? 0) <= t) {
      pending.push(byPlacement[next] as number);
      next++;
    }
    if (pending.length === 0) {
      if (next >= nO) break;
      continue;
    }
    // Restaurants in order of their earliest pending order; within one, orders by ready time.
    const groups = new Map<number, number[]>();
    for (const o of pending) {
      const r = oRest[o] as number;
      const list = groups.get(r);
      if (list) list.push(o);
      else groups.set(r, [o]);
    }
    const taken = new Set<number>();
    for (const [r, list] of groups) {
      const rest = inst.restaurants[r];
      if (!rest) continue;
      list.sort((a, b) => (orders[a]?.readyMin ?? 0) - (orders[b]?.readyMin ?? 0) || a - b);
      let start = 0;
      while (start < list.length) {
        const firstReady = orders[list[start] as number]?.readyMin ?? 0;
        // The free courier who reaches the restaurant first and can still pick up before going off.
        let best = -1;
        let bestArrive = Infinity;
        for (let c = 0; c < nC; c++) {
          if ((freeAt[c] as number) > t || (couriers[c]?.onMin ?? 0) > t) continue;
          const arrive = t + travelMin(cx[c] as number, cy[c] as number, rest.xM, rest.yM, mpm);
          if (arrive >= bestArrive) continue;
          if (Math.max(firstReady, arrive + pickIn) >= (couriers[c]?.offMin ?? 0)) continue;
          best = c;
          bestArrive = arrive;
        }
        // Dispatch just in time: not while the chosen courier would stand waiting for the food.
        if (best < 0 || bestArrive + pickIn < firstReady) break;
        const pickupMin0 = Math.max(firstReady, bestArrive + pickIn);
        // Bundle the orders that are ready by the time the first is picked up anyway (no delay to it).
        const bundle: number[] = [];
        while (start < list.length && bundle.length < maxBag) {
          const o = list[start] as number;
          if ((orders[o]?.readyMin ?? 0) > pickupMin0) break;
          bundle.push(o);
          start++;
        }
        assign(best, t, r, bundle, pickupMin0);
        for (const o of bundle) taken.add(o);
      }
    }
    if (taken.size > 0) {
      const keep = pending.filter((o) => !taken.has(o));
      pending.length = 0;
      pending.push(...keep);
    }
  }

  function assign(c: number, t: number, r: number, bundle: number[], pickupMin: number): void {
    const rest = inst?.restaurants[r];
    const courier = couriers[c];
    if (!rest || !courier) return;
    const moves = movesBy[c] as ReplayMove[];
    moves.push({ courier: courier.id, departureMin: t, origin: locId[c] as string, destination: rest.id });
    let depart = pickupMin + pickOut;
    let x = rest.xM;
    let y = rest.yM;
    let from = rest.id;
    // Drop-offs nearest first from where the courier stands.
    const left = [...bundle];
    const sequence: number[] = [];
    while (left.length > 0) {
      let k = 0;
      let bestTravel = Infinity;
      left.forEach((o, i) => {
        const ord = orders[o];
        const tr = ord ? travelMin(x, y, ord.xM, ord.yM, mpm) : Infinity;
        if (tr < bestTravel) {
          bestTravel = tr;
          k = i;
        }
      });
      const o = left.splice(k, 1)[0] as number;
      const ord = orders[o];
      if (!ord) continue;
      sequence.push(o);
      moves.push({ courier: courier.id, departureMin: depart, origin: from, destination: ord.id });
      const dropoffMin = depart + bestTravel + dropIn;
      times.push({
        index: o,
        order: ord.id,
        placementMin: ord.placementMin,
        readyMin: ord.readyMin,
        pickupMin,
        dropoffMin,
        courier: courier.id,
      });
      depart = dropoffMin + dropOut;
      x = ord.xM;
      y = ord.yM;
      from = ord.id;
    }
    assignments.push({
      courier: courier.id,
      restaurant: rest.id,
      orders: sequence.map((o) => orders[o]?.id ?? ''),
      assignmentMin: t,
      pickupMin,
    });
    freeAt[c] = depart;
    cx[c] = x;
    cy[c] = y;
    locId[c] = from;
    courierOrders[c] = (courierOrders[c] as number) + sequence.length;
    courierBusyMin[c] = (courierBusyMin[c] as number) + depart - t;
  }

  const tally = fillTally(scenario, rules, seed, times, movesBy, assignments, courierBusyMin);
  times.sort((a, b) => a.dropoffMin - b.dropoffMin || a.index - b.index);
  const solution: ReplaySolution = {
    assignments,
    orders: times.map(({ index: _index, ...rest }) => rest),
    moves: movesBy.flat(),
  };
  return { tally, solution, courierOrders, courierBusyMin };
}

/** Straight-line km between two points given in metres. */
function kmBetween(ax: number, ay: number, bx: number, by: number): number {
  return Math.sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay)) / 1000;
}

/**
 * The promise of every order (seconds after placement) through the arm's deadline model. The dispatch does not look
 * at deadlines, so every warm-up day of a replay is the instance replayed again: its delivery durations are the
 * history that day 0 learns from (with no warm-up day, the first-day rule applies).
 */
function replayPromisesSec(
  inst: ReplayInstance,
  rules: Rules,
  times: readonly (ReplayOrderTimes & { index: number })[],
  orderKm: Float64Array,
  kmh: number,
): Float64Array {
  const xs = [...inst.restaurants.map((r) => r.xM), ...inst.orders.map((o) => o.xM)];
  const ys = [...inst.restaurants.map((r) => r.yM), ...inst.orders.map((o) => o.yM)];
  const extentKm = kmBetween(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
  const model = deadlineModelFor(rules.deadline, { comfortKmh: Float64Array.of(kmh), maxRoadKm: extentKm });
  for (let w = 0; w < rules.deadline.warmupDays; w++) {
    model.startDay();
    for (const t of times) {
      model.observeDelivery(
        orderKm[t.index] as number,
        (t.dropoffMin - t.placementMin) * 60,
        (t.readyMin - t.placementMin) * 60,
        hourOf(t.placementMin * 60, 0),
      );
    }
    model.endDay();
  }
  model.startDay();
  return Float64Array.from(orderKm, (km, i) => {
    const o = inst.orders[i];
    const placeSec = (o?.placementMin ?? 0) * 60;
    return model.promiseSec(km, o ? Math.max(0, o.readyMin - o.placementMin) * 60 : 0, hourOf(placeSec, 0));
  });
}

/** Counts a replay through the recorder: placements, deliveries in execution order, legs, and one courier-day each. */
function fillTally(
  scenario: Scenario,
  rules: Rules,
  seed: number,
  times: readonly (ReplayOrderTimes & { index: number })[],
  movesBy: readonly ReplayMove[][],
  assignments: readonly ReplayAssignment[],
  courierBusyMin: Float64Array,
): Tally {
  const inst = scenario.replay as ReplayInstance;
  const par = inst.parameters;
  const nC = inst.couriers.length;
  const kmh = (par.metersPerMinute * 60) / 1000;
  const restaurants = new Map(inst.restaurants.map((r) => [r.id, r]));
  const courierIndex = new Map(inst.couriers.map((c, i) => [c.id, i]));
  const orderKm = Float64Array.from(inst.orders, (o) => {
    const r = restaurants.get(o.restaurant);
    return r ? kmBetween(r.xM, r.yM, o.xM, o.yM) : 0;
  });
  const promise = replayPromisesSec(inst, rules, times, orderKm, kmh);
  const lateAfter = lateAfterPromiseSec(rules.deadline);
  const rec = new Recorder(scenario, rules, 1, nC, stream(seed, 'complaints'));
  rec.beginDay(0, 0, scenario.weather[0] ?? 'clear', scenario.holidays.includes(0));

  inst.orders.forEach((o, i) => rec.placed(o.placementMin * 60, o.placementMin * 60 + (promise[i] as number)));
  for (const a of assignments) {
    for (let k = 1; k <= a.orders.length; k++) rec.accepted(a.assignmentMin * 60, k);
  }
  // Drop-offs are counted in execution order (assignment by assignment), so complaint draws never depend on sorting.
  for (const t of times) {
    const placeSec = t.placementMin * 60;
    const promiseAt = placeSec + (promise[t.index] as number);
    const c = courierIndex.get(t.courier) ?? 0;
    rec.delivered(c, placeSec, orderKm[t.index] as number, t.dropoffMin * 60, promiseAt, promiseAt + lateAfter);
  }
  const tally = rec.tally;
  tally.cancelled = tally.placed - tally.delivered;

  // Riding: every move at the instance's fixed speed, with no signals.
  const orderById = new Map(inst.orders.map((o) => [o.id, o]));
  const point = (id: string, c: number): [number, number] => {
    const r = restaurants.get(id);
    if (r) return [r.xM, r.yM];
    const o = orderById.get(id);
    if (o) return [o.xM, o.yM];
    const courier = inst.couriers[c];
    return [courier?.xM ?? 0, courier?.yM ?? 0];
  };
  const onlineSec = new Float64Array(nC);
  for (let c = 0; c < nC; c++) {
    const courier = inst.couriers[c];
    if (!courier) continue;
    onlineSec[c] = (courier.offMin - courier.onMin) * 60;
    for (const m of movesBy[c] ?? []) {
      const [ax, ay] = m.origin === '0' ? [courier.xM, courier.yM] : point(m.origin, c);
      const [bx, by] = point(m.destination, c);
      const km = kmBetween(ax, ay, bx, by);
      rec.leg(c, km, kmh, 0, 0, (m.departureMin - courier.onMin) * 60, kmh, m.departureMin * 60);
    }
  }
  rec.riskToleranceToday(0);
  rec.settleDay({
    loggedOn: new Uint8Array(nC).fill(1),
    onlineSec,
    engagedSec: Float64Array.from(courierBusyMin, (m) => m * 60),
    longestSec: onlineSec,
  });
  return tally;
}
