/**
 * The deadline seam (MODEL.md section 5): one model per `rules.deadline.basis`, as a typed record, so a basis added
 * to the schema does not compile without its implementation. The engine and the replay both promise through it.
 */
import type { DeadlineModel, DeadlineRules } from './common.ts';
import { DeliveryDurationDeadline } from './deliveryDuration.ts';
import { comfortPaceQuantile, RidingPaceDeadline } from './ridingPace.ts';

export { lateAfterPromiseSec, type DeadlineModel, type DeadlineRules } from './common.ts';

/** What a deadline model needs to know of the world it promises in. */
export interface DeadlineContext {
  /** The couriers' comfort speeds, km/h (the pace before any leg was ridden). */
  comfortKmh: Float64Array;
  /** The longest road distance an order can have, km. */
  maxRoadKm: number;
}

/** The deadline model of each basis. */
export const DEADLINE_BASES: Record<
  DeadlineRules['basis'],
  (deadline: DeadlineRules, ctx: DeadlineContext) => DeadlineModel
> = {
  deliveryDuration: (deadline, ctx) =>
    new DeliveryDurationDeadline(
      deadline,
      ctx.maxRoadKm,
      comfortPaceQuantile(ctx.comfortKmh, 50),
      -deadline.warmupDays,
    ),
  ridingPace: (deadline, ctx) => new RidingPaceDeadline(deadline, ctx.comfortKmh, -deadline.warmupDays),
};

/** The deadline model of an arm's rules; its first day is the first warm-up day. */
export function deadlineModelFor(deadline: DeadlineRules, ctx: DeadlineContext): DeadlineModel {
  return DEADLINE_BASES[deadline.basis](deadline, ctx);
}
