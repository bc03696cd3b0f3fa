/**
 * What every deadline basis shares (MODEL.md section 5): protection floors per distance band, and when an order
 * counts as late (after the window and the grace).
 */
import type { Rules } from '../../scenario/schema.ts';

/** The deadline rules of one arm. */
export type DeadlineRules = Rules['deadline'];

/**
 * The promise in seconds after placement: the model estimate, but at least the protection time of the narrowest
 * distance band that covers `roadKm` (Meituan, Sept 2021: the latest of the estimate and the protection times).
 */
export function withProtection(deadline: DeadlineRules, roadKm: number, estimateSec: number): number {
  // The band is the narrowest one that covers the distance, whatever order the file lists them in.
  let floor = 0;
  let bandKm = Infinity;
  for (const band of deadline.protectionMin) {
    if (roadKm <= band.upToKm && band.upToKm < bandKm) {
      bandKm = band.upToKm;
      floor = band.minutes * 60;
    }
  }
  return Math.max(estimateSec, floor);
}

/**
 * The platform's delivery-time model as the engine and the replay see it: promise each order, learn from what
 * happened, and move the estimate at the close of each day.
 */
export interface DeadlineModel {
  /** Sets the day's estimate from what was learned so far; called before the day's first promise. */
  startDay(): void;
  /**
   * Promised click-to-door seconds of an order of `roadKm` road km placed today at `hour` (0–23) whose food the
   * restaurant expects `readyInSec` after placement (protection floors included).
   */
  promiseSec(roadKm: number, readyInSec: number, hour: number): number;
  /** A leg of `km` was ridden at `kmh`. */
  observeLeg(km: number, kmh: number): void;
  /**
   * An order of `roadKm` road km placed at `hour`, ready `readyInSec` after placement, was delivered `clickToDoorSec`
   * after it.
   */
  observeDelivery(roadKm: number, clickToDoorSec: number, readyInSec: number, hour: number): void;
  /** Closes the day. */
  endDay(): void;
  /**
   * An independent copy with the same history and estimates, under `deadline`: the rules of an arm whose warm-up is
   * the same as this one's (see warmup.ts), to reuse a warm-up.
   */
  clone(deadline: DeadlineRules): DeadlineModel;
}

/**
 * The platform's estimate for a day (MODEL.md section 5); `day` < 0 is a warm-up day. `previous` is yesterday's
 * estimate, or what the promises made yesterday implied when it had none (the first-day rule). Without a learning
 * window the estimate is learned from the warm-up and then stays; with one, the platform moves `rate` of the way
 * from yesterday's estimate to today's target (models are retrained and rolled out gradually).
 */
export function nextEstimate(
  learning: DeadlineRules['learning'],
  day: number,
  previous: number | undefined,
  target: number | undefined,
): number | undefined {
  if (target === undefined) return previous;
  if (previous === undefined) return target;
  if (learning.windowDays === 0) return day <= 0 ? target : previous;
  return previous + learning.rate * (target - previous);
}

/**
 * The percentile a day's promise is learned at: the arm's own from day 0, and `warmupPercentile` before it (the
 * platform's past practice, algorithm-median by default, so that day 0 is where an arm's own rule starts).
 */
export function percentileOn(deadline: DeadlineRules, day: number): number {
  return day < 0 ? deadline.warmupPercentile : deadline.percentile;
}

/** How many past days a basis must keep: the learning window, or every warm-up day when there is none. */
export function daysKept(deadline: DeadlineRules): number {
  return Math.max(1, deadline.learning.windowDays, deadline.warmupDays);
}

/** The days a target is learned from: the last `windowDays` of the history, or all of it without a window. */
export function learningWindow<T>(history: readonly T[], deadline: DeadlineRules): readonly T[] {
  const w = deadline.learning.windowDays;
  return w > 0 ? history.slice(Math.max(0, history.length - w)) : history;
}
