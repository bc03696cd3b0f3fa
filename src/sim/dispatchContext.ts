/** The state a dispatch policy (dispatch.ts) reads and writes, apart from the policies themselves. */
import type { DispatchWorld } from './rollingDispatch.ts';

/**
 * What a policy reads and writes: the engine's state, or a replay's (src/sim/replay.ts), which dispatches a real
 * order stream with the same policies.
 */
export interface DispatchContext extends DispatchWorld {
  /** What each courier earned today, fen (the fairShare policy). */
  readonly ledger: { earnedFen(c: number): number };
  // The per-order memo of couriers no insertion fits (see cheapestInsertion), `noFitWidth` per order.
  readonly noFitWidth: number;
  readonly noFitSeq: Float64Array;
  readonly noFitCount: Uint8Array;
  readonly noFitCouriers: Int32Array;
  readonly fitlessScratch: Int32Array;
  /** Where the chosen courier's plan takes the order's stops (set by `choose`). */
  pickupAt: number;
  dropAt: number;
}
