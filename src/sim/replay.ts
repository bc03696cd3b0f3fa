/**
 * Replay mode: a real order stream (an MDRP instance) dispatched minute by minute under the instance's travel model and
 * timing rules, with the arm's deadline, penalty and pay rules on top. Fills the same Tally as the synthetic engine,
 * so every standard metric works, and keeps the solution for `fairpace export mdrp`.
 */
import { quantileSorted } from 'd3-array';
import type { ReplayInstance, Rules, Scenario } from '../scenario/schema.ts';
import { detExp, detLog } from './detMath.ts';
import {
  commissionFen,
  expensesFen,
  fen,
  guaranteeTopUpFen,
  latePenaltyFen,
  orderFeeFen,
  tierBonusFen,
} from './pay.ts';
import { stream } from './random.ts';
import type { ReplayAssignment, ReplayMove, ReplayOrderTimes, ReplaySolution } from './results.ts';
import { addMinutes, SPEED_BINS, Tally } from './tally.ts';

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

/**
 * The promised click-to-door minutes of each order in replay mode: the p-th percentile of the instance's preparation
 * times (ready − placement) + direct travel restaurant → customer + pickup and drop-off service, at least the distance
 * band's protection. The instance fixes the riding speed, so the percentile acts on the part that varies.
 */
export function replayPromisedMin(instance: ReplayInstance, deadline: Rules['deadline']): Float64Array {
  const p = instance.parameters;
  const prep = instance.orders.map((o) => Math.max(0, o.readyMin - o.placementMin)).sort((a, b) => a - b);
  const prepQ = quantileSorted(prep, deadline.percentile / 100) ?? 0;
  const restaurants = new Map(instance.restaurants.map((r) => [r.id, r]));
  const out = new Float64Array(instance.orders.length);
  instance.orders.forEach((o, i) => {
    const r = restaurants.get(o.restaurant);
    const dx = r ? o.xM - r.xM : 0;
    const dy = r ? o.yM - r.yM : 0;
    const km = Math.sqrt(dx * dx + dy * dy) / 1000;
    const travel = r ? travelMin(r.xM, r.yM, o.xM, o.yM, p.metersPerMinute) : 0;
    let floor = 0;
    let bandKm = Infinity;
    for (const band of deadline.protectionMin) {
      if (km <= band.upToKm && band.upToKm < bandKm) {
        bandKm = band.upToKm;
        floor = band.minutes;
      }
    }
    out[i] = Math.max(prepQ + travel + p.pickupServiceMin + p.dropoffServiceMin, floor);
  });
  return out;
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

  const tally = fillTally(scenario, rules, seed, times, movesBy, courierOrders, courierBusyMin);
  times.sort((a, b) => a.dropoffMin - b.dropoffMin || a.index - b.index);
  const solution: ReplaySolution = {
    assignments,
    orders: times.map(({ index: _index, ...rest }) => rest),
    moves: movesBy.flat(),
  };
  return { tally, solution, courierOrders, courierBusyMin };
}

/** Counts a replay into a Tally: orders, lateness, riding, and one courier-day per courier with its pay. */
function fillTally(
  scenario: Scenario,
  rules: Rules,
  seed: number,
  times: readonly (ReplayOrderTimes & { index: number })[],
  movesBy: readonly ReplayMove[][],
  courierOrders: Float64Array,
  courierBusyMin: Float64Array,
): Tally {
  const inst = scenario.replay as ReplayInstance;
  const par = inst.parameters;
  const tally = new Tally(1);
  const weather = scenario.weather[0] ?? 'clear';
  const holiday = scenario.holidays.includes(0);
  const peak = new Set(rules.pay.peakHours);
  const promised = replayPromisedMin(inst, rules.deadline);
  const lateAfter = rules.deadline.windowMin + rules.deadline.graceMin;
  const complaints = stream(seed, 'complaints');
  const revenueFen = fen(rules.platform.deliveryRevenuePerOrder);
  const hourOf = (min: number) => Math.floor(min / 60) % 24;
  const restaurants = new Map(inst.restaurants.map((r) => [r.id, r]));
  const courierIndex = new Map(inst.couriers.map((c, i) => [c.id, i]));
  const nC = inst.couriers.length;
  const fees = new Float64Array(nC);
  const commission = new Float64Array(nC);
  const penalties = new Float64Array(nC);
  const late = new Float64Array(nC);

  inst.orders.forEach((o, i) => {
    const minutes = promised[i] as number;
    const hour = hourOf(o.placementMin);
    tally.placed++;
    tally.promisedSumMin += minutes;
    addMinutes(tally.promisedHist, minutes);
    tally.dayPlaced[0] = (tally.dayPlaced[0] as number) + 1;
    tally.dayPromisedSumMin[0] = (tally.dayPromisedSumMin[0] as number) + minutes;
    tally.hourPlaced[hour] = (tally.hourPlaced[hour] as number) + 1;
    tally.hourPromisedSumMin[hour] = (tally.hourPromisedSumMin[hour] as number) + minutes;
  });
  // Drop-offs are counted in execution order (assignment by assignment), so complaint draws never depend on sorting.
  for (const t of times) {
    const o = inst.orders[t.index];
    const c = courierIndex.get(t.courier) ?? 0;
    if (!o) continue;
    const r = restaurants.get(o.restaurant);
    const km = r ? Math.sqrt((o.xM - r.xM) * (o.xM - r.xM) + (o.yM - r.yM) * (o.yM - r.yM)) / 1000 : 0;
    const hour = hourOf(o.placementMin);
    const clickToDoor = t.dropoffMin - t.placementMin;
    const lateMin = clickToDoor - (promised[t.index] as number) - lateAfter;
    const fee = orderFeeFen(rules.pay, km, peak.has(hour), weather, holiday);
    fees[c] = (fees[c] as number) + fee;
    commission[c] = (commission[c] as number) + commissionFen(rules.pay, fee);
    tally.delivered++;
    tally.revenueFen += revenueFen;
    tally.clickToDoorSumMin += clickToDoor;
    addMinutes(tally.clickToDoorHist, clickToDoor);
    tally.dayDelivered[0] = (tally.dayDelivered[0] as number) + 1;
    tally.hourDelivered[hour] = (tally.hourDelivered[hour] as number) + 1;
    if (lateMin > 0) {
      const complaint = complaints() < scenario.behaviour.complaintProbLate;
      penalties[c] = (penalties[c] as number) + latePenaltyFen(rules.penalties, lateMin, complaint);
      late[c] = (late[c] as number) + 1;
    } else {
      tally.onTime++;
      tally.dayOnTime[0] = (tally.dayOnTime[0] as number) + 1;
      tally.hourOnTime[hour] = (tally.hourOnTime[hour] as number) + 1;
    }
  }
  tally.cancelled = tally.placed - tally.delivered;

  // Riding: every move at the instance's fixed speed.
  const kmh = (par.metersPerMinute * 60) / 1000;
  const risk = scenario.risk;
  const speedTerm = detExp(risk.speedExponent * detLog(kmh / risk.referenceSpeedKmh));
  const speedBin = Math.min(Math.floor(kmh), SPEED_BINS - 1);
  const orderById = new Map(inst.orders.map((o) => [o.id, o]));
  const point = (id: string, c: number): [number, number] => {
    const r = restaurants.get(id);
    if (r) return [r.xM, r.yM];
    const o = orderById.get(id);
    if (o) return [o.xM, o.yM];
    const courier = inst.couriers[c];
    return [courier?.xM ?? 0, courier?.yM ?? 0];
  };
  for (let c = 0; c < nC; c++) {
    const courier = inst.couriers[c];
    if (!courier) continue;
    const onlineHours = (courier.offMin - courier.onMin) / 60;
    let km = 0;
    let fatiguedKm = 0;
    let crashes = 0;
    let baseline = 0;
    for (const m of movesBy[c] ?? []) {
      const [ax, ay] = m.origin === '0' ? [courier.xM, courier.yM] : point(m.origin, c);
      const [bx, by] = point(m.destination, c);
      const legKm = Math.sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay)) / 1000;
      const onlineSoFarH = (m.departureMin - courier.onMin) / 60;
      const fatigue = 1 + risk.fatiguePerHour * Math.max(0, onlineSoFarH - risk.fatigueAfterHours);
      const base = (legKm * risk.baseInjuryCrashesPerMillionKm) / 1e6;
      km += legKm;
      if (onlineSoFarH > risk.fatigueAfterHours) fatiguedKm += legKm;
      crashes += base * speedTerm * fatigue;
      baseline += base * speedTerm;
      const hour = hourOf(m.departureMin);
      tally.hourKm[hour] = (tally.hourKm[hour] as number) + legKm;
      if (kmh > risk.speedingThresholdKmh) {
        tally.hourSpeedingKm[hour] = (tally.hourSpeedingKm[hour] as number) + legKm;
      }
    }
    const speedingKm = kmh > risk.speedingThresholdKmh ? km : 0;
    tally.km += km;
    tally.kmTimesKmh += km * kmh;
    tally.speedingKm += speedingKm;
    tally.fatiguedKm += fatiguedKm;
    tally.crashes += crashes;
    tally.baseline += baseline;
    tally.speedHistKm[speedBin] = (tally.speedHistKm[speedBin] as number) + km;
    tally.dayKm[0] = (tally.dayKm[0] as number) + km;
    tally.daySpeedingKm[0] = (tally.daySpeedingKm[0] as number) + speedingKm;
    tally.dayCrashes[0] = (tally.dayCrashes[0] as number) + crashes;
    tally.dayBaseline[0] = (tally.dayBaseline[0] as number) + baseline;

    const orders = courierOrders[c] as number;
    const engagedHours = (courierBusyMin[c] as number) / 60;
    const bonuses = tierBonusFen(rules.pay, orders);
    const earned = (fees[c] as number) - (commission[c] as number) - (penalties[c] as number) + bonuses;
    tally.cdCourier.push(c);
    tally.cdDay.push(0);
    tally.cdOnlineHours.push(onlineHours);
    tally.cdEngagedHours.push(engagedHours);
    tally.cdLongestHours.push(onlineHours);
    tally.cdOrders.push(orders);
    tally.cdLate.push(late[c] as number);
    tally.cdKm.push(km);
    tally.cdSpeedingKm.push(speedingKm);
    tally.cdFatiguedKm.push(fatiguedKm);
    tally.cdRedRuns.push(0);
    tally.cdCrashes.push(crashes);
    tally.cdBaseline.push(baseline);
    tally.cdPayFen.fees.push(fees[c] as number);
    tally.cdPayFen.commission.push(commission[c] as number);
    tally.cdPayFen.penalties.push(penalties[c] as number);
    tally.cdPayFen.bonuses.push(bonuses);
    tally.cdPayFen.topUps.push(guaranteeTopUpFen(rules.pay, earned, onlineHours, engagedHours));
    tally.cdPayFen.expenses.push(expensesFen(scenario.population, km));
  }
  return tally;
}
