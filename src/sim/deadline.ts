/**
 * The deadline policy (MODEL.md section 5): promised time from a percentile of riding pace, with protection floors,
 * windows, grace, and the learning ratchet over past days' legs.
 */
import { quantileSorted } from 'd3-array';
import type { Rules } from '../scenario/schema.ts';

/** Pace histogram resolution: 1 s/km bins up to 1800 s/km (2 km/h); slower legs go in the last bin. */
export const PACE_BINS = 1800;

/** Counts of legs ridden per 1 s/km pace bin. */
export function newPaceHistogram(): Float64Array {
  return new Float64Array(PACE_BINS);
}

/** Adds one leg's pace (seconds per km) to a histogram. */
export function recordPace(hist: Float64Array, secPerKm: number): void {
  const bin = secPerKm >= PACE_BINS ? PACE_BINS - 1 : Math.floor(secPerKm);
  hist[bin] = (hist[bin] as number) + 1;
}

/**
 * The p-th percentile (0–100) of the paces in the summed histograms, interpolated inside the bin; undefined when
 * they hold no leg.
 */
export function paceQuantile(hists: readonly Float64Array[], p: number): number | undefined {
  let total = 0;
  for (const h of hists) for (let i = 0; i < PACE_BINS; i++) total += h[i] as number;
  if (total === 0) return undefined;
  const target = (p / 100) * total;
  let cum = 0;
  for (let i = 0; i < PACE_BINS; i++) {
    let c = 0;
    for (const h of hists) c += h[i] as number;
    if (c > 0 && cum + c >= target) return i + (target - cum) / c;
    cum += c;
  }
  return PACE_BINS;
}

/** The p-th percentile of pace (s/km) at the couriers' comfort speeds: the estimate before any leg was ridden. */
export function comfortPaceQuantile(comfortKmh: Float64Array, p: number): number {
  const paces = Array.from(comfortKmh, (v) => 3600 / v).sort((a, b) => a - b);
  return quantileSorted(paces, p / 100) ?? 3600 / 16;
}

/**
 * The promised duration, seconds, for an order whose road distance is `roadKm`, given the day's pace (s/km):
 * prep estimate + travel estimate + service, at least the distance band's protection time.
 */
export function promisedDurationSec(deadline: Rules['deadline'], roadKm: number, paceSecPerKm: number): number {
  const estimate =
    60 * (deadline.prepEstimateMin + deadline.pickupServiceMin + deadline.dropoffServiceMin) + roadKm * paceSecPerKm;
  // The band is the narrowest one that covers the distance, whatever order the file lists them in.
  let floor = 0;
  let bandKm = Infinity;
  for (const band of deadline.protectionMin) {
    if (roadKm <= band.upToKm && band.upToKm < bandKm) {
      bandKm = band.upToKm;
      floor = band.minutes * 60;
    }
  }
  return Math.max(estimate, floor);
}

/** Seconds after the promise before an order counts as late: the window plus the grace. */
export function lateAfterPromiseSec(deadline: Rules['deadline']): number {
  return 60 * (deadline.windowMin + deadline.graceMin);
}
