/**
 * Replay mode: a real order stream (an MDRP instance, or imported waybills) dispatched by the engine's policies
 * (cheapest insertion with deadlines and bags) under the arm's rules and its deadline model, carried out in the
 * instance's travel model and timing rules. Fills the same Tally as the synthetic engine, so every standard metric
 * works, and keeps the solution for `fairpace export mdrp`.
 */
import type { ReplayInstance, Rules, Scenario } from '../scenario/schema.ts';
import type { City } from './city.ts';
import { deadlineLines, deadlineModelFor, type DeadlineModel } from './deadline/index.ts';
import type { DayOrders } from './demand.ts';
import { bestCourier, type DispatchContext } from './dispatch.ts';
import { Fleet, isDropoff, stopOrder } from './fleet.ts';
import { ASSIGNED, DELIVERED, OrderBook, PICKED, WAITING } from './orderBook.ts';
import { InsertionSearch, type PlanParams } from './plan.ts';
import { stream } from './random.ts';
import { newDispatchWork, RollingDispatcher, type DispatchWork, type RollingHost } from './rollingDispatch.ts';
import { Ledger } from './ledger.ts';
import { Recorder } from './recorder.ts';
import { hourOf } from './time.ts';
import type { ReplayAssignment, ReplayMove, ReplayOrderTimes, ReplaySolution } from './results.ts';
import { dist, SpatialGrid } from './spatialGrid.ts';
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

/** The instance in the engine's terms: km from the south-west corner of every point, seconds; fixed for a run. */
interface ReplayWorld {
  inst: ReplayInstance;
  city: City;
  orders: DayOrders;
  /** Restaurant index of each order. */
  restOf: Int32Array;
  /** Orders by placement (then instance order), and each order's rank in it. */
  byPlacement: Int32Array;
  rank: Int32Array;
  courierX: Float64Array;
  courierY: Float64Array;
  /** The south-west corner in the instance's metres. */
  originXM: number;
  originYM: number;
  /** The longest straight distance in the instance, km. */
  extentKm: number;
}

function replayWorld(inst: ReplayInstance): ReplayWorld {
  const points = [...inst.restaurants, ...inst.orders, ...inst.couriers];
  const x0 = Math.min(...points.map((p) => p.xM));
  const y0 = Math.min(...points.map((p) => p.yM));
  const x1 = Math.max(...points.map((p) => p.xM));
  const y1 = Math.max(...points.map((p) => p.yM));
  const km = (m: number, origin: number) => (m - origin) / 1000;
  const restIndex = new Map(inst.restaurants.map((r, i) => [r.id, i]));
  const restOf = Int32Array.from(inst.orders, (o) => restIndex.get(o.restaurant) ?? 0);
  const city: City = {
    widthKm: Math.max(km(x1, x0), 0.001),
    heightKm: Math.max(km(y1, y0), 0.001),
    restaurantX: Float64Array.from(inst.restaurants, (r) => km(r.xM, x0)),
    restaurantY: Float64Array.from(inst.restaurants, (r) => km(r.yM, y0)),
  };
  const custX = Float64Array.from(inst.orders, (o) => km(o.xM, x0));
  const custY = Float64Array.from(inst.orders, (o) => km(o.yM, y0));
  const orders: DayOrders = {
    count: inst.orders.length,
    placeSec: Float64Array.from(inst.orders, (o) => o.placementMin * 60),
    readySec: Float64Array.from(inst.orders, (o) => o.readyMin * 60),
    restaurant: restOf,
    custX,
    custY,
    straightKm: Float64Array.from(inst.orders, (o, i) => {
      const r = restOf[i] as number;
      return dist(
        (city.restaurantX[r] as number) - (custX[i] as number),
        (city.restaurantY[r] as number) - (custY[i] as number),
      );
    }),
  };
  const byPlacement = Int32Array.from(
    Array.from({ length: inst.orders.length }, (_, i) => i).sort(
      (a, b) => (inst.orders[a]?.placementMin ?? 0) - (inst.orders[b]?.placementMin ?? 0) || a - b,
    ),
  );
  const rank = new Int32Array(byPlacement.length);
  byPlacement.forEach((o, k) => (rank[o] = k));
  return {
    inst,
    city,
    orders,
    restOf,
    byPlacement,
    rank,
    courierX: Float64Array.from(inst.couriers, (c) => km(c.xM, x0)),
    courierY: Float64Array.from(inst.couriers, (c) => km(c.yM, y0)),
    originXM: x0,
    originYM: y0,
    extentKm: dist(km(x1, x0), km(y1, y0)),
  };
}

/** What one replayed day leaves: the solution, the promises and per-courier columns. */
interface ReplayDayOutcome {
  times: (ReplayOrderTimes & { index: number })[];
  movesBy: ReplayMove[][];
  assignments: ReplayAssignment[];
  /** Promised seconds after placement, per order. */
  promiseSec: Float64Array;
  courierOrders: Float64Array;
  courierBusyMin: Float64Array;
  /** Each acceptance as (minute, orders in the courier's bag with the new one), in dispatch order. */
  accepts: number[];
  /** The minute each order was last accepted (by the courier who delivered it, for a delivered order). */
  assignedMin: Float64Array;
}

/**
 * One day of the instance under the arm's dispatch rules, with the engine's dispatch (src/sim/dispatch.ts): every
 * batch, each waiting order, oldest first, goes to the courier whose plan takes it at the least cost (detour and
 * weighted lateness against its due time, bag limit, planned-lateness limit) among the nearest usable couriers. The
 * promises come from the arm's deadline model, which learns from the day's deliveries. Plans are carried out in the
 * MDRP travel model (whole minutes, service split around the pickup and drop-off), so the solution passes the MDRP
 * checks: consecutive pickups at one restaurant are one assignment, picked up once everything in it is ready, and a
 * courier who could not reach a pickup before the end of the shift hands its orders back to the queue.
 */
class ReplayDay implements DispatchContext, RollingHost {
  readonly city: City;
  readonly fleet: Fleet;
  readonly grid: SpatialGrid;
  readonly insertion: InsertionSearch;
  readonly plan: PlanParams;
  readonly book: OrderBook;
  readonly score: Float64Array;
  readonly hardCap = false;
  readonly ledger: { earnedFen(c: number): number };
  readonly noFitWidth: number;
  readonly noFitSeq: Float64Array;
  readonly noFitCount: Uint8Array;
  readonly noFitCouriers: Int32Array;
  readonly fitlessScratch: Int32Array;
  pickupAt = 0;
  dropAt = 0;

  private readonly inst: ReplayInstance;
  private readonly mpm: number;
  private readonly pick: [number, number];
  private readonly drop: [number, number];
  /** Where each courier stands or is going: "0" (the on-location), a restaurant id or an order id, and in metres. */
  private readonly loc: string[];
  private readonly locX: Float64Array;
  private readonly locY: Float64Array;
  /** The minute each courier is free to leave its location. */
  private readonly freeMin: Float64Array;
  private readonly assignedMin: Float64Array;
  private readonly pickedMin: Float64Array;
  private readonly out: ReplayDayOutcome;
  private pending: number[] = [];
  /** Each courier's last pickup, open to orders of the same restaurant until its pickup minute. */
  private readonly open: ({ assignment: ReplayAssignment; restaurant: number; group: number[] } | null)[];
  /** The rolling-horizon dispatcher, when the arm's policy is `rolling`. */
  private readonly rolling: RollingDispatcher | null;
  private offerSize = 0;
  private offerStartsWave = false;

  constructor(
    private readonly world: ReplayWorld,
    readonly rules: Rules,
    private readonly model: DeadlineModel,
    readonly work: DispatchWork,
  ) {
    const inst = world.inst;
    this.inst = inst;
    const nC = inst.couriers.length;
    const nO = inst.orders.length;
    const par = inst.parameters;
    const dispatch = rules.dispatch;
    this.mpm = par.metersPerMinute;
    this.pick = serviceHalves(par.pickupServiceMin);
    this.drop = serviceHalves(par.dropoffServiceMin);
    this.city = world.city;
    this.fleet = new Fleet(nC, dispatch.maxBag);
    this.fleet.x.set(world.courierX);
    this.fleet.y.set(world.courierY);
    this.fleet.freeAt.set(inst.couriers.map((c) => c.onMin * 60));
    this.plan = {
      secPerKm: 60_000 / par.metersPerMinute,
      pickupSvcSec: par.pickupServiceMin * 60,
      dropSvcSec: par.dropoffServiceMin * 60,
      maxPickupKm: dispatch.maxPickupKm,
      latenessWeight: dispatch.latenessWeight,
      deliveryWeight: dispatch.deliveryTimeWeight,
      maxPlannedLateSec: dispatch.maxPlannedLateMin * 60,
    };
    this.insertion = new InsertionSearch(this.fleet.planCap, this.plan, this.city);
    const onSec = Float64Array.from(inst.couriers, (c) => c.onMin * 60);
    const offSec = Float64Array.from(inst.couriers, (c) => c.offMin * 60);
    this.grid = new SpatialGrid(
      this.city.widthKm,
      this.city.heightKm,
      nC,
      dispatch.maxPickupKm,
      (c, now) => (onSec[c] as number) <= now && now < (offSec[c] as number),
    );
    this.book = new OrderBook(world.orders, 1);
    this.score = new Float64Array(nC).fill(1);
    const courierOrders = new Float64Array(nC);
    const payFen = par.payPerOrder * 100;
    this.ledger = { earnedFen: (c) => (courierOrders[c] as number) * payFen };
    this.noFitWidth = Math.min(dispatch.candidates, 255);
    this.noFitSeq = new Float64Array(nO).fill(-1);
    this.noFitCount = new Uint8Array(nO);
    this.noFitCouriers = new Int32Array(nO * this.noFitWidth);
    this.fitlessScratch = new Int32Array(this.noFitWidth);
    this.loc = inst.couriers.map(() => '0');
    this.locX = Float64Array.from(inst.couriers, (c) => c.xM);
    this.locY = Float64Array.from(inst.couriers, (c) => c.yM);
    this.freeMin = Float64Array.from(inst.couriers, (c) => c.onMin);
    this.assignedMin = new Float64Array(nO);
    this.pickedMin = new Float64Array(nO);
    this.open = inst.couriers.map(() => null);
    this.out = {
      times: [],
      movesBy: inst.couriers.map(() => []),
      assignments: [],
      promiseSec: new Float64Array(nO),
      courierOrders,
      courierBusyMin: new Float64Array(nC),
      accepts: [],
      assignedMin: this.assignedMin,
    };
    this.rolling = dispatch.policy === 'rolling' ? new RollingDispatcher(rules, nC) : null;
    for (let c = 0; c < nC; c++) this.gridUpdate(c);
  }

  /** Runs the day: promises at placement, dispatch every batch, plans carried out minute by minute. */
  run(): ReplayDayOutcome {
    const { inst, world, book, model, rules } = this;
    const orders = world.orders;
    model.startDay();
    const lines = deadlineLines(rules);
    for (let o = 0; o < book.count; o++) {
      const place = orders.placeSec[o] as number;
      const sec = model.promiseSec(book.roadKm[o] as number, (orders.readySec[o] as number) - place, hourOf(place, 0));
      this.out.promiseSec[o] = sec;
      book.promise(o, place + sec, lines);
    }
    const nO = book.count;
    const nC = inst.couriers.length;
    const step = Math.max(1, Math.ceil(rules.dispatch.batchSeconds / 60));
    const firstOrder = nO > 0 ? (inst.orders[world.byPlacement[0] as number]?.placementMin ?? 0) : 0;
    const start = Math.min(firstOrder, ...inst.couriers.map((c) => c.onMin));
    const lastOff = Math.max(0, ...inst.couriers.map((c) => c.offMin));
    let next = 0;
    for (let t = start; ; t++) {
      while (next < nO && (inst.orders[world.byPlacement[next] as number]?.placementMin ?? 0) <= t) {
        this.pending.push(world.byPlacement[next++] as number);
      }
      for (let c = 0; c < nC; c++) this.advance(c, t);
      if ((t - start) % step === 0 && this.pending.length > 0 && t < lastOff) this.dispatch(t);
      let busy = false;
      for (let c = 0; c < nC; c++) {
        this.advance(c, t); // a courier given its first order leaves at once
        if ((this.fleet.planLen[c] as number) > 0) busy = true;
      }
      // After the last shift no order can be picked up; the day ends when the last plan is carried out.
      if (!busy && (t >= lastOff || (next >= nO && this.pending.length === 0))) break;
    }
    model.endDay();
    return this.out;
  }

  /** Puts courier c in the grid while its bag has room, at the anchor of its plan. */
  private gridUpdate(c: number): void {
    const f = this.fleet;
    const eligible = f.closing[c] === 0 && (f.bagCount[c] as number) < f.maxBag;
    this.grid.update(c, eligible, f.x[c] as number, f.y[c] as number);
  }

  private dispatch(t: number): void {
    const now = t * 60;
    if (this.rolling) {
      const pool = Int32Array.from(this.pending);
      const kept = this.rolling.tick(this, pool, pool.length, now);
      this.pending = Array.from(pool.subarray(0, kept));
      return;
    }
    const kept: number[] = [];
    for (const o of this.pending) {
      const c = bestCourier(this, o, now);
      this.work.considered++;
      if (c < 0) {
        this.work.failed++;
        kept.push(o);
        continue;
      }
      this.assign(o, c, now, this.pickupAt, this.dropAt, true);
    }
    this.pending = kept;
  }

  /** Whether courier c could start a wave now: on shift, taking orders, with an empty bag. */
  isFree(c: number, now: number): boolean {
    const f = this.fleet;
    const t = now / 60;
    const courier = this.inst.couriers[c];
    const on = courier !== undefined && courier.onMin <= t && t < courier.offMin && f.closing[c] === 0;
    return on && f.bagCount[c] === 0;
  }

  /** A replayed courier picks up no later than its off time (MDRP). */
  pickupDeadlineSec(c: number): number {
    return (this.inst.couriers[c]?.offMin ?? 0) * 60;
  }

  /** Replayed couriers take what they are given. */
  declines(): boolean {
    return false;
  }

  /** Gives order o to courier c (see RollingHost.assign); the orders of one offer are accepted together. */
  assign(o: number, c: number, now: number, pickupAt: number, dropAt: number, last: boolean): void {
    const t = now / 60;
    const f = this.fleet;
    this.grid.touch();
    if (this.offerSize === 0) this.offerStartsWave = f.bagCount[c] === 0 && (f.freeAt[c] as number) <= now;
    this.offerSize++;
    this.book.status[o] = ASSIGNED;
    this.book.courier[o] = c;
    this.assignedMin[o] = t;
    f.take(c, o, pickupAt, dropAt);
    this.pickupAt = pickupAt;
    this.joinPickup(c, o, t);
    if (!last) return;
    const bag = f.bagCount[c] as number;
    for (let k = 0; k < this.offerSize; k++) this.out.accepts.push(t, bag, k === 0 && this.offerStartsWave ? 1 : 0);
    this.offerSize = 0;
    this.gridUpdate(c);
  }

  /** Carries out courier c's plan up to minute t: each stop it is free to start by t starts at t. */
  private advance(c: number, t: number): void {
    const f = this.fleet;
    while ((f.planLen[c] as number) > 0 && (this.freeMin[c] as number) <= t) {
      const head = f.plan[c * f.planCap] as number;
      if (isDropoff(head)) this.dropOff(c, stopOrder(head), t);
      else this.pickUp(c, stopOrder(head), t);
    }
  }

  /** Moves courier c from where it stands to (x, y) named `id`, leaving at t; returns the arrival minute. */
  private moveTo(c: number, t: number, id: string, xM: number, yM: number): number {
    const arrive = t + travelMin(this.locX[c] as number, this.locY[c] as number, xM, yM, this.mpm);
    if (this.loc[c] !== id) {
      const courier = this.inst.couriers[c]?.id ?? '';
      (this.out.movesBy[c] as ReplayMove[]).push({
        courier,
        departureMin: t,
        origin: this.loc[c] as string,
        destination: id,
      });
      const km = kmBetween(this.locX[c] as number, this.locY[c] as number, xM, yM);
      if (km > 0) this.model.observeLeg(km, (this.mpm * 60) / 1000);
    }
    this.loc[c] = id;
    this.locX[c] = xM;
    this.locY[c] = yM;
    return arrive;
  }

  /** Courier c is done with its location at `freeMin`, standing at the location's point. */
  private settle(c: number, t: number, freeMin: number): void {
    const f = this.fleet;
    this.freeMin[c] = freeMin;
    this.out.courierBusyMin[c] = (this.out.courierBusyMin[c] as number) + freeMin - t;
    f.x[c] = ((this.locX[c] as number) - this.world.originXM) / 1000;
    f.y[c] = ((this.locY[c] as number) - this.world.originYM) / 1000;
    f.freeAt[c] = freeMin * 60;
    f.touch(c);
    this.gridUpdate(c);
  }

  /** Picks up the run of pickups at o's restaurant at the head of c's plan, as one assignment. */
  private pickUp(c: number, o: number, t: number): void {
    const { fleet: f, inst, world } = this;
    const r = world.restOf[o] as number;
    const rest = inst.restaurants[r] as ReplayInstance['restaurants'][number];
    const courier = inst.couriers[c] as ReplayInstance['couriers'][number];
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
      this.handBack(c);
      return;
    }
    this.moveTo(c, t, rest.id, rest.xM, rest.yM);
    for (let k = 0; k < group.length; k++) f.planRemoveAt(c, 0);
    let assignmentMin = 0;
    for (const g of group) {
      this.book.status[g] = PICKED;
      this.pickedMin[g] = pickupMin;
      assignmentMin = Math.max(assignmentMin, this.assignedMin[g] as number);
    }
    const assignment = { courier: courier.id, restaurant: rest.id, orders: [], assignmentMin, pickupMin };
    this.out.assignments.push(assignment);
    this.open[c] = { assignment, restaurant: r, group };
    this.sortBundle(c);
    this.settle(c, t, pickupMin + (this.pick[1] as number));
  }

  /** The open bundle's orders in the order they are dropped off (insertions never reorder a plan's stops). */
  private sortBundle(c: number): void {
    const bundle = this.open[c];
    if (!bundle) return;
    const f = this.fleet;
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
  private joinPickup(c: number, o: number, t: number): void {
    const bundle = this.open[c];
    const f = this.fleet;
    if (!bundle || this.pickupAt !== 0 || bundle.restaurant !== this.world.restOf[o]) return;
    const pickupMin = bundle.assignment.pickupMin;
    if (t > pickupMin || (this.inst.orders[o]?.readyMin ?? Infinity) > pickupMin) return;
    f.planRemoveAt(c, 0);
    this.book.status[o] = PICKED;
    this.pickedMin[o] = pickupMin;
    bundle.assignment.assignmentMin = Math.max(bundle.assignment.assignmentMin, t);
    bundle.group.push(o);
    this.sortBundle(c);
  }

  private dropOff(c: number, o: number, t: number): void {
    const { fleet: f, inst } = this;
    const order = inst.orders[o] as ReplayInstance['orders'][number];
    this.open[c] = null;
    const arrive = this.moveTo(c, t, order.id, order.xM, order.yM);
    const dropoffMin = arrive + (this.drop[0] as number);
    f.planRemoveAt(c, 0);
    f.removeFromBag(c, o);
    this.book.status[o] = DELIVERED;
    const courier = inst.couriers[c]?.id ?? '';
    this.out.times.push({
      index: o,
      order: order.id,
      placementMin: order.placementMin,
      readyMin: order.readyMin,
      pickupMin: this.pickedMin[o] as number,
      dropoffMin,
      courier,
    });
    this.out.courierOrders[c] = (this.out.courierOrders[c] as number) + 1;
    this.model.observeDelivery(
      this.book.roadKm[o] as number,
      (dropoffMin - order.placementMin) * 60,
      (order.readyMin - order.placementMin) * 60,
      hourOf(order.placementMin * 60, 0),
    );
    this.settle(c, t, dropoffMin + (this.drop[1] as number));
  }

  /**
   * Courier c cannot reach its next pickup before its shift ends: every order it has not picked up goes back to the
   * queue, in placement order, its plan keeps the drop-offs of what it carries, and it takes no new order.
   */
  private handBack(c: number): void {
    const f = this.fleet;
    const base = c * f.planCap;
    // Backwards, so an order's drop-off (after its pickup in the plan) goes first and the pickup returns the order.
    for (let k = (f.planLen[c] as number) - 1; k >= 0; k--) {
      const st = f.plan[base + k] as number;
      const o = stopOrder(st);
      if (this.book.status[o] !== ASSIGNED) continue;
      f.planRemoveAt(c, k);
      if (isDropoff(st)) continue;
      f.removeFromBag(c, o);
      this.book.status[o] = WAITING;
      this.book.courier[o] = -1;
      this.pending.push(o);
    }
    const rank = this.world.rank;
    this.pending.sort((a, b) => (rank[a] as number) - (rank[b] as number));
    f.closing[c] = 1;
    this.gridUpdate(c);
  }
}

/** Replays the scenario's instance under `rules`: warm-up days first (learning the promise), then the reported day. */
export function runReplay(
  scenario: Scenario,
  rules: Rules,
  seed: number,
  work: DispatchWork = newDispatchWork(),
): ReplayOutcome {
  const inst = scenario.replay;
  if (!inst) throw new RangeError('runReplay needs a replay scenario');
  const world = replayWorld(inst);
  const kmh = (inst.parameters.metersPerMinute * 60) / 1000;
  const model = deadlineModelFor(rules.deadline, { comfortKmh: Float64Array.of(kmh), maxRoadKm: world.extentKm });
  for (let w = 0; w < rules.deadline.warmupDays; w++) new ReplayDay(world, rules, model, work).run();
  const day = new ReplayDay(world, rules, model, work).run();
  const tally = fillTally(scenario, rules, seed, day);
  const times = [...day.times].sort((a, b) => a.dropoffMin - b.dropoffMin || a.index - b.index);
  const solution: ReplaySolution = {
    assignments: day.assignments,
    orders: times.map(({ index: _index, ...rest }) => rest),
    moves: day.movesBy.flat(),
  };
  return { tally, solution, courierOrders: day.courierOrders, courierBusyMin: day.courierBusyMin };
}

/** Straight-line km between two points given in metres. */
function kmBetween(ax: number, ay: number, bx: number, by: number): number {
  return dist(bx - ax, by - ay) / 1000;
}

/** Counts a replay through the recorder: placements, deliveries in execution order, legs, and one courier-day each. */
function fillTally(scenario: Scenario, rules: Rules, seed: number, day: ReplayDayOutcome): Tally {
  const { times, movesBy, accepts, courierBusyMin, promiseSec: promise, assignedMin } = day;
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
  const lateAfter = deadlineLines(rules).lateAfterSec;
  const rec = new Recorder(scenario, rules, 1, nC);
  const ledger = new Ledger(scenario, rules, nC, stream(seed, 'complaints'));
  rec.beginDay(0, 0, scenario.weather[0] ?? 'clear');
  ledger.beginDay(0, scenario.weather[0] ?? 'clear', scenario.holidays.includes(0));

  inst.orders.forEach((o, i) => rec.placed(o.placementMin * 60, o.placementMin * 60 + (promise[i] as number)));
  for (let k = 0; k < accepts.length; k += 3) {
    rec.accepted((accepts[k] as number) * 60, accepts[k + 1] as number, accepts[k + 2] === 1);
  }
  // Drop-offs are counted in execution order (assignment by assignment), so complaint draws never depend on sorting.
  for (const t of times) {
    const placeSec = t.placementMin * 60;
    const promiseAt = placeSec + (promise[t.index] as number);
    const c = courierIndex.get(t.courier) ?? 0;
    const atSec = t.dropoffMin * 60;
    const late = ledger.delivered(c, {
      placeSec,
      roadKm: orderKm[t.index] as number,
      atSec,
      promiseSec: promiseAt,
      lateAtSec: promiseAt + lateAfter,
      covered: false,
    });
    rec.delivered(c, placeSec, atSec, promiseAt, late, (assignedMin[t.index] as number) * 60, t.pickupMin * 60);
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
  const courierTimes = {
    loggedOn: new Uint8Array(nC).fill(1),
    onlineSec,
    engagedSec: Float64Array.from(courierBusyMin, (m) => m * 60),
    longestSec: onlineSec,
  };
  ledger.settleDay(courierTimes, (c) => rec.kmToday(c));
  rec.settleDay(courierTimes, ledger);
  return tally;
}
