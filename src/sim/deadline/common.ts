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

/** Seconds after the promise before an order counts as late: the window plus the grace. */
export function lateAfterPromiseSec(deadline: DeadlineRules): number {
  return 60 * (deadline.windowMin + deadline.graceMin);
}

/**
 * The platform's delivery-time model as the engine and the replay see it: promise each order, learn from what
 * happened, and move the estimate at the close of each day.
 */
export interface DeadlineModel {
  /** Sets the day's estimate from what was learned so far; called before the day's first promise. */
  startDay(): void;
  /** Promised click-to-door seconds of an order of `roadKm` road km placed today (protection floors included). */
  promiseSec(roadKm: number): number;
  /** A leg of `km` was ridden at `kmh`. */
  observeLeg(km: number, kmh: number): void;
  /** An order of `roadKm` road km was delivered `clickToDoorSec` after it was placed. */
  observeDelivery(roadKm: number, clickToDoorSec: number): void;
  /** Closes the day. */
  endDay(): void;
}
