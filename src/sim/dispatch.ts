/**
 * Dispatch (MODEL.md section 4): every batch the platform gives each waiting order, oldest first, to the courier its
 * policy chooses among the nearest usable couriers. Policies are a typed record, so a policy added to the schema does
 * not compile without its implementation here.
 */
import type { Rules } from '../scenario/schema.ts';
import type { EngineState } from './engineState.ts';
import type { DispatchContext } from './dispatchContext.ts';
import { CANCELLED } from './orderBook.ts';

export type { DispatchContext } from './dispatchContext.ts';

/** The dispatch policies of the schema. */
export type PolicyId = Rules['dispatch']['policy'];

/** How a policy picks a courier for an order among the candidates of a grid search. */
export interface DispatchPolicy {
  /** How many of the nearest usable couriers it considers. */
  candidates(dispatch: Rules['dispatch']): number;
  /**
   * The chosen courier among the `count` candidates of the last search (nearest first), or −1; sets the engine's
   * `pickupAt`/`dropAt` to where the order's stops go in the courier's plan.
   */
  choose(e: DispatchContext, o: number, now: number, count: number): number;
}

/**
 * Scores each candidate by its cheapest insertion (plus the assessment-ranking penalty and the policy's own term)
 * and returns the cheapest. The new order cannot be delivered before the candidate rides straight to the restaurant
 * (or the food is ready), picks up, rides to the customer and drops off, so every insertion costs at least the
 * weighted lateness of that delivery: a bound that skips candidates without changing which one wins.
 */
function cheapestInsertion(
  e: DispatchContext,
  o: number,
  now: number,
  count: number,
  extraSec: ((e: DispatchContext, c: number) => number) | null,
): number {
  const { fleet, grid, insertion, rules, plan } = e;
  const orders = e.book.orders;
  const rank = rules.assessment.rankByOnTime;
  const weight = rules.assessment.priorityWeightSec;
  const take = Math.min(count, rules.dispatch.candidates);
  const readyIn = (orders.readySec[o] as number) - now;
  const afterPickupSec = (orders.straightKm[o] as number) * plan.secPerKm + plan.pickupSvcSec + plan.dropSvcSec;
  const lateIn = e.book.dueAt(o) - now;
  const latenessWeight = plan.latenessWeight;
  let best = -1;
  let bestCost = Infinity;
  // Couriers that no position fits: remembered, with the time of this search, if the order stays unassigned.
  const K = e.noFitWidth;
  const slot = e.noFit.slotOf(o);
  const memo = slot * K;
  const memoSeq = slot < 0 ? -1 : (e.noFitSeq.data[slot] as number);
  const memoCount = slot < 0 ? 0 : (e.noFitCount.data[slot] as number);
  const memoCouriers = e.noFitCouriers.data;
  let fitless = 0;
  for (let k = 0; k < take; k++) {
    const c = grid.candC[k] as number;
    const freeIn = (fleet.freeAt[c] as number) > now ? (fleet.freeAt[c] as number) - now : 0;
    const delivery = Math.max(freeIn + (grid.candD[k] as number) * plan.secPerKm, readyIn) + afterPickupSec;
    const bound = plan.deliveryWeight * delivery + (delivery > lateIn ? latenessWeight * (delivery - lateIn) : 0);
    if (bound >= bestCost) continue;
    // A busy courier (free time ahead) unchanged since no position of its plan fitted this order still has none:
    // an insertion depends on now only through the free time.
    const busy = freeIn > 0;
    let known = false;
    if (busy && (fleet.changedSeq[c] as number) <= memoSeq) {
      for (let m = 0; m < memoCount; m++) {
        if (memoCouriers[memo + m] === c) {
          known = true;
          break;
        }
      }
    }
    if (!known) e.work.evaluations++;
    let cost = known ? Infinity : insertion.cheapest(fleet, c, e.book, o, now);
    if (cost === Infinity) {
      if (busy) e.fitlessScratch[fitless++] = c;
      continue;
    }
    // Under a heat cap the platform gives no order the courier could not finish within it.
    if (e.hardCap && fleet.onlineSecAt(c, now) + insertion.endSec - now > (fleet.maxOnlineSec[c] as number)) continue;
    if (rank) cost += (1 - (e.score[c] as number)) * weight;
    if (extraSec) cost += extraSec(e, c);
    if (cost < bestCost) {
      best = c;
      bestCost = cost;
      e.pickupAt = insertion.pickupAt;
      e.dropAt = insertion.dropAt;
    }
  }
  if (best < 0) {
    const s = e.noFit.take(o);
    e.noFitSeq.data[s] = fleet.seq;
    e.noFitCount.data[s] = fitless;
    const couriers = e.noFitCouriers.data;
    for (let m = 0; m < fitless; m++) couriers[s * K + m] = e.fitlessScratch[m] as number;
  }
  return best;
}

/** Every policy of the schema. */
export const DISPATCH_POLICIES: Record<PolicyId, DispatchPolicy> = {
  /**
   * Rolling-horizon bundling and matching (rollingDispatch.ts). Its batches go through `RollingDispatcher`; asked
   * for one order alone, it answers as greedy does.
   */
  rolling: {
    candidates: (d) => d.candidates,
    choose: (e, o, now, count) => cheapestInsertion(e, o, now, count, null),
  },
  /** Cheapest insertion among the nearest candidates. */
  greedy: {
    candidates: (d) => d.candidates,
    choose: (e, o, now, count) => cheapestInsertion(e, o, now, count, null),
  },
  /** The nearest usable courier, the order appended to the end of the plan. */
  nearest: {
    candidates: () => 1,
    choose: (e) => {
      const c = e.grid.candC[0] as number;
      e.pickupAt = e.dropAt = e.fleet.planLen[c] as number;
      return c;
    },
  },
  /** Cheapest insertion plus a cost per CNY the courier has already earned today (FairFoody's spirit). */
  fairShare: {
    candidates: (d) => d.candidates,
    choose: (e, o, now, count) =>
      cheapestInsertion(
        e,
        o,
        now,
        count,
        (en, c) => (en.earnedTodayFen(c) / 100) * en.rules.dispatch.fairShareSecPerCny,
      ),
  },
};

/** The courier the scenario's policy gives order o to at `now`, or −1. */
export function bestCourier(e: DispatchContext, o: number, now: number): number {
  const policy = DISPATCH_POLICIES[e.rules.dispatch.policy];
  const r = e.book.orders.restaurant[o] as number;
  const rx = e.city.restaurantX[r] as number;
  const ry = e.city.restaurantY[r] as number;
  const count = e.grid.search(rx, ry, policy.candidates(e.rules.dispatch), now, e.fleet.x, e.fleet.y);
  return count === 0 ? -1 : policy.choose(e, o, now, count);
}

/**
 * One batch: orders placed by now join the queue (in the book's arrival order); orders waiting too long are
 * cancelled; the rest, oldest first, go to the policy's courier, unless a crowd courier declines.
 */
/**
 * Adds order o to the orders waiting for dispatch. The list holds the orders waiting at one time, not the day's, so it
 * grows (doubling) only when a busier moment than any before needs it.
 */
export function addPending(e: EngineState, o: number): void {
  if (e.pendingCount === e.pending.length) {
    const next = new Int32Array(Math.max(256, e.pending.length * 2));
    next.set(e.pending);
    e.pending = next;
  }
  e.pending[e.pendingCount++] = o;
}

export function dispatchTick(e: EngineState, now: number): void {
  const orders = e.book.orders;
  // Orders picked up, delivered or cancelled since the last batch never wait again: their memo slots are free.
  e.noFit.releaseSettled(e.book.status);
  const arrival = orders.arrival;
  while (e.nextToPlace < orders.count) {
    const o = arrival ? (arrival[e.nextToPlace] as number) : e.nextToPlace;
    if ((orders.placeSec[o] as number) > now) break;
    addPending(e, o);
    e.nextToPlace++;
  }
  if (e.pendingCount === 0 && !e.batchWhenIdle) return;
  if (e.rolling) {
    let open = 0;
    for (let i = 0; i < e.pendingCount; i++) {
      const o = e.pending[i] as number;
      if (now - (orders.placeSec[o] as number) > e.cancelAfterSec) e.book.status[o] = CANCELLED;
      else e.pending[open++] = o;
    }
    e.pendingCount = e.rolling.tick(e, e.pending, open, now);
    return;
  }
  const declineProb = e.scenario.behaviour.declineProb;
  const memo = e.restaurantMemo;
  let kept = 0;
  for (let i = 0; i < e.pendingCount; i++) {
    const o = e.pending[i] as number;
    if (now - (orders.placeSec[o] as number) > e.cancelAfterSec) {
      e.book.status[o] = CANCELLED;
      continue;
    }
    // Within one tick, and while no courier has entered a grid cell, couriers only become busier: a restaurant that
    // found no courier finds none again. Remembering it skips the searches that dominate an overloaded city.
    const r = orders.restaurant[o] as number;
    if (memo && e.noCourierTick[r] === now && e.noCourierVersion[r] === e.grid.version) {
      e.pending[kept++] = o;
      continue;
    }
    const c = bestCourier(e, o, now);
    e.work.considered++;
    if (c < 0 && memo) {
      e.noCourierTick[r] = now;
      e.noCourierVersion[r] = e.grid.version;
    }
    if (c >= 0 && !(e.pop.crowd[c] === 1 && declineProb > 0 && e.behaviour() < declineProb)) {
      e.assign(o, c, now, e.pickupAt, e.dropAt, true);
    } else {
      e.work.failed++;
      e.pending[kept++] = o;
    }
  }
  e.pendingCount = kept;
}
