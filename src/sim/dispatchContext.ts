/**
 * What dispatch sees of the run it works in (the engine's state, in a synthetic run or a replay): the world every
 * policy reads (`DispatchWorld`), what a policy of dispatch.ts reads and writes (`DispatchContext`), what the
 * rolling dispatcher asks of its host (`RollingHost`), and the count of dispatch's work.
 */
import type { Rules } from '../scenario/schema.ts';
import type { City } from './city.ts';
import type { Fleet } from './fleet.ts';
import type { OrderBook } from './orderBook.ts';
import type { OrderSlots, SlotColumn } from './orderSlots.ts';
import type { InsertionSearch, PlanParams } from './plan.ts';
import type { SpatialGrid } from './spatialGrid.ts';

/** What every dispatch policy reads: the engine's state, in a synthetic run or a replay. */
export interface DispatchWorld {
  readonly rules: Rules;
  readonly city: City;
  readonly fleet: Fleet;
  readonly grid: SpatialGrid;
  readonly insertion: InsertionSearch;
  readonly plan: PlanParams;
  readonly book: OrderBook;
  /** Assessment scores (0–1) by courier, for `rankByOnTime`. */
  readonly score: Float64Array;
  /** Whether a cap on online hours forbids orders that would end past it (heat). */
  readonly hardCap: boolean;
  /** Where dispatch counts its work (evaluations, orders considered and left waiting). */
  readonly work: DispatchWork;
}

/** What the rolling dispatcher reads and asks of the engine that runs it. */
export interface RollingHost extends DispatchWorld {
  /** Whether courier c could start a wave now: online, taking orders, the bag empty and the last delivery done. */
  isFree(c: number, now: number): boolean;
  /** Whether courier c turns down an offer (crowd couriers may). */
  declines(c: number): boolean;
  /** The last moment courier c may pick food up, seconds (a replayed courier's shift end; Infinity if none). */
  pickupDeadlineSec(c: number): number;
  /**
   * Gives order o to courier c with its stops at the given plan positions (as `Fleet.take`); `last` is false while
   * more orders of the same bundle follow, so the courier sets off only once the whole bundle is in the plan.
   */
  assign(o: number, c: number, now: number, pickupAt: number, dropAt: number, last: boolean): void;
}

/** Counts of a dispatcher's work (every policy), for the bench. */
export interface DispatchWork {
  /** Order-batches in which an order was considered for assignment. */
  considered: number;
  /** Of those, the ones that ended without an assignment (no courier, postponed, declined). */
  failed: number;
  /** Of the failed (rolling policy): postponed by late commitment, and left with no courier at all. */
  postponed: number;
  noCourier: number;
  /** Of the failed (rolling policy): left unmatched though couriers could take them, and turned down by a courier. */
  lost: number;
  declined: number;
  /** Courier evaluations: a bundle's route from a free courier, or an insertion into a busy courier's plan. */
  evaluations: number;
  /** Busy couriers not evaluated for an order because a bound showed it could not lie on their way (rolling). */
  screened: number;
}

/** A zeroed work count. */
export const newDispatchWork = (): DispatchWork => ({
  considered: 0,
  failed: 0,
  postponed: 0,
  noCourier: 0,
  lost: 0,
  declined: 0,
  evaluations: 0,
  screened: 0,
});

/** What a policy of dispatch.ts reads and writes. */
export interface DispatchContext extends DispatchWorld {
  /** What courier c has earned today as dispatch sees it, fen (the fairShare policy). */
  earnedTodayFen(c: number): number;
  // The per-order memo of couriers no insertion fits (see cheapestInsertion), `noFitWidth` per order, in slots.
  readonly noFitWidth: number;
  readonly noFit: OrderSlots;
  readonly noFitSeq: SlotColumn<Float64Array>;
  readonly noFitCount: SlotColumn<Uint8Array>;
  readonly noFitCouriers: SlotColumn<Int32Array>;
  readonly fitlessScratch: Int32Array;
  /** Where the chosen courier's plan takes the order's stops (set by `choose`). */
  pickupAt: number;
  dropAt: number;
}
