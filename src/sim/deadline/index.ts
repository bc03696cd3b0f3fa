/**
 * The deadline seam (MODEL.md section 5): one model per `rules.deadline.basis`, as a typed record, so a basis added
 * to the schema does not compile without its implementation. The engine and the replay both promise through it.
 */
import type { DeadlineModel, DeadlineRules } from './common.ts';
import type { Bi } from './lines.ts';
import { DeliveryDurationDeadline } from './deliveryDuration.ts';
import { comfortPaceQuantile, RidingPaceDeadline } from './ridingPace.ts';

export { type DeadlineModel, type DeadlineRules } from './common.ts';
export { deadlineLines, type DeadlineLines } from './lines.ts';

/** What a deadline model needs to know of the world it promises in. */
export interface DeadlineContext {
  /** The couriers' comfort speeds, km/h (the pace before any leg was ridden). */
  comfortKmh: Float64Array;
  /** The longest road distance an order can have, km. */
  maxRoadKm: number;
}

/** One deadline basis: its model, how its promise is said in both languages, and what its warm-up reads. */
export interface DeadlineBasis {
  create(deadline: DeadlineRules, ctx: DeadlineContext): DeadlineModel;
  /** The rule of an arm's promise at `percentile`, in words (report, guide). */
  describe(percentile: number): Bi;
  /**
   * Whether the warm-up days read the arm's own percentile (then a warm-up is not shared between arms that differ
   * only in it); otherwise they run the platform's past practice, `warmupPercentile`.
   */
  warmupReadsArmPercentile: boolean;
}

/** Every basis of the schema, as a typed record: a basis added to the schema does not compile without its entry. */
export const DEADLINE_BASES: Record<DeadlineRules['basis'], DeadlineBasis> = {
  deliveryDuration: {
    create: (deadline, ctx) =>
      new DeliveryDurationDeadline(
        deadline,
        ctx.maxRoadKm,
        comfortPaceQuantile(ctx.comfortKmh, 50),
        -deadline.warmupDays,
      ),
    describe: (p) => ({
      zh: `配送时限按过往同类订单送达用时的第 ${p} 百分位设定`,
      en: `deadline set at the ${p}th percentile of past delivery times of similar orders`,
    }),
    warmupReadsArmPercentile: false,
  },
  ridingPace: {
    create: (deadline, ctx) => new RidingPaceDeadline(deadline, ctx.comfortKmh, -deadline.warmupDays),
    describe: (p) => ({
      zh: `配送时限按过往骑行速度的第 ${p} 百分位设定`,
      en: `deadline set at the ${p}th percentile of past riding pace`,
    }),
    warmupReadsArmPercentile: true,
  },
};

/** The deadline model of an arm's rules; its first day is the first warm-up day. */
export function deadlineModelFor(deadline: DeadlineRules, ctx: DeadlineContext): DeadlineModel {
  return DEADLINE_BASES[deadline.basis].create(deadline, ctx);
}
