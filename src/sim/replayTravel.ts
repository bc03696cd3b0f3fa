/**
 * How a replay's couriers work (the courier model of replay.ts): the instance's shifts and its travel model. Each
 * courier stands at its on-location from its on time, takes what it is given while on shift, and carries out its plan
 * in whole minutes: travel `ceil(metres / metres per minute)`, service split around the pickup and drop-off. The
 * MDRP's rules make the solution pass its checks: consecutive pickups at one restaurant are one assignment, picked up
 * once everything in it is ready; an order planned next at the restaurant a courier is about to pick up at joins that
 * pickup if its food is ready by then; a courier who could not pick up before its off time hands its orders back.
 * Couriers act in the order of the instance at the same minute, and every plan stop is an event at the minute the
 * courier is free to start it.
 */
import type { ReplayInstance } from '../scenario/schema.ts';
import type { CourierModel, EngineState, Handler, Ticks } from './engineState.ts';
import { addPending } from './dispatch.ts';
import { EV_STOP_DUE } from './events.ts';
import { IDLE, isDropoff, stopOrder } from './fleet.ts';
import type { CourierDayTimes } from './ledger.ts';
import { ASSIGNED, DELIVERED, PICKED, WAITING } from './orderBook.ts';
import { kmBetween, type ReplayWorld } from './replayWorld.ts';
import type { ReplayAssignment, ReplayMove, ReplayOrderTimes, ReplaySolution } from './results.ts';
import { hourOf } from './time.ts';

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

type Courier = ReplayInstance['couriers'][number];

/** A replay's couriers; after a run, the last day's solution and per-courier figures. */
export class ReplayCouriers implements CourierModel {
  readonly handlers: Readonly<Record<number, Handler>>;
  private readonly inst: ReplayInstance;
  private readonly mpm: number;
  private readonly pick: [number, number];
  private readonly drop: [number, number];
  private readonly payFen: number;
  // The day's state. Where each courier stands or is going: "0" (the on-location), a restaurant id or an order id,
  // and in metres; the minute it is free to leave; whether its next stop is queued as an event.
  private loc: string[] = [];
  private readonly locX: Float64Array;
  private readonly locY: Float64Array;
  private readonly freeMin: Float64Array;
  private readonly due: Uint8Array;
  /** Each courier's last pickup, open to orders of the same restaurant until its pickup minute. */
  private open: ({ assignment: ReplayAssignment; restaurant: number; group: number[] } | null)[] = [];
  /** Couriers who accepted an offer in the batch under way. */
  private offered: number[] = [];
  // The day's solution: drop-offs in execution order, moves by courier (with their km), assignments.
  private times: (ReplayOrderTimes & { index: number })[] = [];
  private movesBy: ReplayMove[][] = [];
  private legKm: number[][] = [];
  private assignments: ReplayAssignment[] = [];
  /** Orders delivered by each courier today (instance order). */
  readonly courierOrders: Float64Array;
  /** Minutes each courier spent executing assignments today. */
  readonly courierBusyMin: Float64Array;

  constructor(private readonly world: ReplayWorld) {
    const inst = world.inst;
    this.inst = inst;
    const par = inst.parameters;
    const n = inst.couriers.length;
    this.mpm = par.metersPerMinute;
    this.pick = serviceHalves(par.pickupServiceMin);
    this.drop = serviceHalves(par.dropoffServiceMin);
    this.payFen = par.payPerOrder * 100;
    this.locX = new Float64Array(n);
    this.locY = new Float64Array(n);
    this.freeMin = new Float64Array(n);
    this.due = new Uint8Array(n);
    this.courierOrders = new Float64Array(n);
    this.courierBusyMin = new Float64Array(n);
    this.handlers = { [EV_STOP_DUE]: { run: (e, c, now) => this.stopDue(e, c, now), superseded: true } };
  }

  /** The last day's solution: drop-offs in drop-off order, moves grouped by courier. */
  solution(): ReplaySolution {
    const times = [...this.times].sort((a, b) => a.dropoffMin - b.dropoffMin || a.index - b.index);
    return {
      assignments: this.assignments,
      orders: times.map(({ index: _index, ...rest }) => rest),
      moves: this.movesBy.flat(),
    };
  }

  /** On shift, taking orders, with an empty bag. */
  isFree(e: EngineState, c: number, now: number): boolean {
    const f = e.fleet;
    const t = now / 60;
    const courier = this.inst.couriers[c];
    const on = courier !== undefined && courier.onMin <= t && t < courier.offMin && f.closing[c] === 0;
    return on && f.bagCount[c] === 0;
  }

  /** A replayed courier picks up no later than its off time (MDRP). */
  pickupDeadlineSec(c: number): number {
    return (this.inst.couriers[c]?.offMin ?? 0) * 60;
  }

  /** The instance's pay per order times the orders delivered today (fines and the guarantee aside). */
  earnedFen(_e: EngineState, c: number): number {
    return (this.courierOrders[c] as number) * this.payFen;
  }

  /**
   * Every replayed day is the instance afresh: couriers at their on-locations with empty plans, a new grid and
   * dispatcher. Batches run every `batchSeconds` rounded up to whole minutes, from the first placement or on time,
   * while any courier is on shift.
   */
  openDay(e: EngineState): Ticks {
    const { inst, world } = this;
    const f = e.fleet;
    const n = f.n;
    this.loc = inst.couriers.map(() => '0');
    this.open = inst.couriers.map(() => null);
    this.movesBy = inst.couriers.map(() => []);
    this.legKm = inst.couriers.map(() => []);
    this.times = [];
    this.assignments = [];
    this.offered = [];
    this.due.fill(0);
    this.courierOrders.fill(0);
    this.courierBusyMin.fill(0);
    let start = Infinity;
    let lastOff = 0;
    for (let c = 0; c < n; c++) {
      const courier = inst.couriers[c] as Courier;
      f.resetDay(c);
      f.state[c] = IDLE;
      f.x[c] = world.courierX[c] as number;
      f.y[c] = world.courierY[c] as number;
      f.freeAt[c] = courier.onMin * 60;
      this.locX[c] = courier.xM;
      this.locY[c] = courier.yM;
      this.freeMin[c] = courier.onMin;
      start = Math.min(start, courier.onMin);
      lastOff = Math.max(lastOff, courier.offMin);
    }
    e.grid.reset();
    for (let c = 0; c < n; c++) e.gridUpdate(c);
    e.rolling?.startDay();
    const orders = world.orders;
    const first = orders.count > 0 ? (orders.placeSec[orders.arrival?.[0] ?? 0] as number) / 60 : 0;
    const step = Math.max(1, Math.ceil(e.rules.dispatch.batchSeconds / 60));
    return { firstSec: Math.min(first, start) * 60, stepSec: step * 60, lastSec: (lastOff - 1) * 60 };
  }

  /** Order o went into courier c's plan: it joins the pickup c is about to make when it can. */
  took(e: EngineState, c: number, o: number, now: number, pickupAt: number): void {
    e.pickupAt = pickupAt;
    this.joinPickup(e, c, o, now / 60, pickupAt);
  }

  /** Courier c accepted an offer: it may leave at once, after the batch. */
  accepted(e: EngineState, c: number): void {
    e.gridUpdate(c);
    this.offered.push(c);
  }

  /** Couriers given their first stops in this batch start them, in instance order, or queue them. */
  afterBatch(e: EngineState, now: number): void {
    if (this.offered.length === 0) return;
    const t = now / 60;
    for (const c of this.offered.sort((a, b) => a - b)) {
      if (this.due[c] === 1) continue;
      this.advance(e, c, t);
      this.queueNext(e, c);
    }
    this.offered = [];
  }

  /**
   * Counts every move as a leg ridden at the instance's fixed speed past no signals (with the km measured when it was
   * ridden), in the solution's order of moves, courier by courier, so the day's sums add up in that order; the day's
   * times are the shifts, and the busy minutes the engaged ones.
   */
  closeDay(e: EngineState): CourierDayTimes {
    const inst = this.inst;
    const n = inst.couriers.length;
    const kmh = (this.mpm * 60) / 1000;
    const onlineSec = new Float64Array(n);
    for (let c = 0; c < n; c++) {
      const courier = inst.couriers[c] as Courier;
      onlineSec[c] = (courier.offMin - courier.onMin) * 60;
      const moves = this.movesBy[c] as ReplayMove[];
      const km = this.legKm[c] as number[];
      moves.forEach((m, k) => {
        const startSec = m.departureMin * 60;
        e.rec.leg(c, km[k] as number, kmh, 0, 0, (m.departureMin - courier.onMin) * 60, kmh, startSec);
      });
    }
    e.rec.riskToleranceToday(0);
    return {
      loggedOn: new Uint8Array(n).fill(1),
      onlineSec,
      engagedSec: Float64Array.from(this.courierBusyMin, (m) => m * 60),
      longestSec: onlineSec,
    };
  }

  /** Courier c's next stop is due. */
  private stopDue(e: EngineState, c: number, now: number): void {
    this.due[c] = 0;
    this.advance(e, c, now / 60);
    this.queueNext(e, c);
  }

  /** Queues courier c's next stop at the minute it is free, if it has one. */
  private queueNext(e: EngineState, c: number): void {
    if ((e.fleet.planLen[c] as number) === 0) return;
    this.due[c] = 1;
    e.schedule((this.freeMin[c] as number) * 60, EV_STOP_DUE, c, c);
  }

  /** Carries out courier c's plan up to minute t: each stop it is free to start by t starts at t. */
  private advance(e: EngineState, c: number, t: number): void {
    const f = e.fleet;
    while ((f.planLen[c] as number) > 0 && (this.freeMin[c] as number) <= t) {
      const head = f.plan[c * f.planCap] as number;
      if (isDropoff(head)) this.dropOff(e, c, stopOrder(head), t);
      else this.pickUp(e, c, stopOrder(head), t);
    }
  }

  /** Moves courier c from where it stands to (x, y) named `id`, leaving at t; returns the arrival minute. */
  private moveTo(e: EngineState, c: number, t: number, id: string, xM: number, yM: number): number {
    const arrive = t + travelMin(this.locX[c] as number, this.locY[c] as number, xM, yM, this.mpm);
    if (this.loc[c] !== id) {
      const courier = this.inst.couriers[c]?.id ?? '';
      (this.movesBy[c] as ReplayMove[]).push({
        courier,
        departureMin: t,
        origin: this.loc[c] as string,
        destination: id,
      });
      const km = kmBetween(this.locX[c] as number, this.locY[c] as number, xM, yM);
      (this.legKm[c] as number[]).push(km);
      if (km > 0) e.deadline.observeLeg(km, (this.mpm * 60) / 1000);
    }
    this.loc[c] = id;
    this.locX[c] = xM;
    this.locY[c] = yM;
    return arrive;
  }

  /** Courier c is done with its location at `freeMin`, standing at the location's point. */
  private settle(e: EngineState, c: number, t: number, freeMin: number): void {
    const f = e.fleet;
    this.freeMin[c] = freeMin;
    this.courierBusyMin[c] = (this.courierBusyMin[c] as number) + freeMin - t;
    f.x[c] = ((this.locX[c] as number) - this.world.originXM) / 1000;
    f.y[c] = ((this.locY[c] as number) - this.world.originYM) / 1000;
    f.freeAt[c] = freeMin * 60;
    f.touch(c);
    e.gridUpdate(c);
  }

  /** Picks up the run of pickups at o's restaurant at the head of c's plan, as one assignment. */
  private pickUp(e: EngineState, c: number, o: number, t: number): void {
    const { inst, world } = this;
    const { fleet: f, book } = e;
    const r = world.restOf[o] as number;
    const rest = inst.restaurants[r] as ReplayInstance['restaurants'][number];
    const courier = inst.couriers[c] as Courier;
    const base = c * f.planCap;
    const group: number[] = [];
    let ready = 0;
    for (let k = 0; k < (f.planLen[c] as number); k++) {
      const st = f.plan[base + k] as number;
      if (isDropoff(st) || world.restOf[stopOrder(st)] !== r) break;
      group.push(stopOrder(st));
      ready = Math.max(ready, inst.orders[stopOrder(st)]?.readyMin ?? 0);
    }
    const arrive = t + travelMin(this.locX[c] as number, this.locY[c] as number, rest.xM, rest.yM, this.mpm);
    const pickupMin = Math.max(arrive + (this.pick[0] as number), ready);
    if (pickupMin > courier.offMin) {
      this.handBack(e, c);
      return;
    }
    this.moveTo(e, c, t, rest.id, rest.xM, rest.yM);
    for (let k = 0; k < group.length; k++) f.planRemoveAt(c, 0);
    let assignmentMin = 0;
    for (const g of group) {
      book.status[g] = PICKED;
      book.pickedAt[g] = pickupMin * 60;
      assignmentMin = Math.max(assignmentMin, (book.assignedAt[g] as number) / 60);
    }
    const assignment = { courier: courier.id, restaurant: rest.id, orders: [], assignmentMin, pickupMin };
    this.assignments.push(assignment);
    this.open[c] = { assignment, restaurant: r, group };
    this.sortBundle(e, c);
    this.settle(e, c, t, pickupMin + (this.pick[1] as number));
  }

  /** The open bundle's orders in the order they are dropped off (insertions never reorder a plan's stops). */
  private sortBundle(e: EngineState, c: number): void {
    const bundle = this.open[c];
    if (!bundle) return;
    const f = e.fleet;
    const base = c * f.planCap;
    const position = (g: number) => {
      for (let k = 0; k < (f.planLen[c] as number); k++) if (f.plan[base + k] === g * 2 + 1) return k;
      return -1;
    };
    bundle.group.sort((a, b) => position(a) - position(b));
    bundle.assignment.orders = bundle.group.map((g) => this.inst.orders[g]?.id ?? '');
  }

  /**
   * Order o was just planned as courier c's next stop: when that is a pickup at the restaurant c is about to pick up
   * at, and the food is ready by then, it joins that pickup (one service, one assignment) instead of a second one.
   */
  private joinPickup(e: EngineState, c: number, o: number, t: number, pickupAt: number): void {
    const bundle = this.open[c];
    if (!bundle || pickupAt !== 0 || bundle.restaurant !== this.world.restOf[o]) return;
    const pickupMin = bundle.assignment.pickupMin;
    if (t > pickupMin || (this.inst.orders[o]?.readyMin ?? Infinity) > pickupMin) return;
    e.fleet.planRemoveAt(c, 0);
    e.book.status[o] = PICKED;
    e.book.pickedAt[o] = pickupMin * 60;
    bundle.assignment.assignmentMin = Math.max(bundle.assignment.assignmentMin, t);
    bundle.group.push(o);
    this.sortBundle(e, c);
  }

  /** Courier c drops order o off: the delivery is paid, fined and counted as it happens. */
  private dropOff(e: EngineState, c: number, o: number, t: number): void {
    const { fleet: f, book } = e;
    const order = this.inst.orders[o] as ReplayInstance['orders'][number];
    this.open[c] = null;
    const arrive = this.moveTo(e, c, t, order.id, order.xM, order.yM);
    const dropoffMin = arrive + (this.drop[0] as number);
    f.planRemoveAt(c, 0);
    f.removeFromBag(c, o);
    book.status[o] = DELIVERED;
    const pickedSec = book.pickedAt[o] as number;
    this.times.push({
      index: o,
      order: order.id,
      placementMin: order.placementMin,
      readyMin: order.readyMin,
      pickupMin: pickedSec / 60,
      dropoffMin,
      courier: this.inst.couriers[c]?.id ?? '',
    });
    this.courierOrders[c] = (this.courierOrders[c] as number) + 1;
    e.deadline.observeDelivery(
      book.roadKm(o),
      (dropoffMin - order.placementMin) * 60,
      (order.readyMin - order.placementMin) * 60,
      hourOf(order.placementMin * 60, 0),
    );
    const placeSec = order.placementMin * 60;
    const atSec = dropoffMin * 60;
    const promiseSec = book.promiseAt[o] as number;
    const late = e.ledger.delivered(c, {
      placeSec,
      roadKm: this.world.orderKm[o] as number,
      atSec,
      promiseSec,
      lateAtSec: book.lateAt(o),
      covered: false,
    });
    e.rec.delivered(c, placeSec, atSec, promiseSec, late, book.assignedAt[o] as number, pickedSec);
    this.settle(e, c, t, dropoffMin + (this.drop[1] as number));
  }

  /**
   * Courier c cannot reach its next pickup before its shift ends: every order it has not picked up goes back to the
   * queue, in placement order, its plan keeps the drop-offs of what it carries, and it takes no new order.
   */
  private handBack(e: EngineState, c: number): void {
    const { fleet: f, book } = e;
    const base = c * f.planCap;
    // Backwards, so an order's drop-off (after its pickup in the plan) goes first and the pickup returns the order.
    for (let k = (f.planLen[c] as number) - 1; k >= 0; k--) {
      const st = f.plan[base + k] as number;
      const o = stopOrder(st);
      if (book.status[o] !== ASSIGNED) continue;
      f.planRemoveAt(c, k);
      if (isDropoff(st)) continue;
      f.removeFromBag(c, o);
      book.status[o] = WAITING;
      book.courier[o] = -1;
      addPending(e, o);
    }
    const rank = this.world.rank;
    e.pending.subarray(0, e.pendingCount).sort((a, b) => (rank[a] as number) - (rank[b] as number));
    f.closing[c] = 1;
    e.gridUpdate(c);
  }
}
