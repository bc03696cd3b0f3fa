/**
 * The `ridingPace` basis (MODEL.md section 5, the first version, kept for comparison): median preparation + service
 * + road km × the p-th percentile of the riding pace of past legs. It leaves out the approach, waiting and bundling,
 * so most orders end late under any percentile.
 */
import { quantileSorted } from 'd3-array';
import {
  daysKept,
  learningWindow,
  nextEstimate,
  percentileOn,
  withProtection,
  type DeadlineModel,
  type DeadlineRules,
} from './common.ts';

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
 * preparation (`prepEstimateMin` when measured from placement, else the restaurant's ready time) + travel estimate +
 * service, at least the distance band's protection time.
 */
export function promisedDurationSec(
  deadline: DeadlineRules,
  roadKm: number,
  paceSecPerKm: number,
  readyInSec: number,
): number {
  const prepSec = deadline.measureFrom === 'placement' ? 60 * deadline.prepEstimateMin : readyInSec;
  const estimate = prepSec + 60 * (deadline.pickupServiceMin + deadline.dropoffServiceMin) + roadKm * paceSecPerKm;
  return withProtection(deadline, roadKm, estimate);
}

/** Promises from the percentile of the riding pace of past legs. */
export class RidingPaceDeadline implements DeadlineModel {
  private readonly history: Float64Array[] = [];
  private today = newPaceHistogram();
  private pace: number | undefined;
  private readonly comfortPace: number;
  private day: number;

  /** `comfortKmh`: the couriers' comfort speeds, whose percentile is the pace before any leg was ridden. */
  constructor(
    private readonly deadline: DeadlineRules,
    comfortKmh: Float64Array,
    firstDay: number,
  ) {
    this.comfortPace = comfortPaceQuantile(comfortKmh, deadline.percentile);
    this.day = firstDay - 1;
  }

  startDay(): void {
    this.day++;
    if (this.history.length > 0) {
      const target = paceQuantile(learningWindow(this.history, this.deadline), percentileOn(this.deadline, this.day));
      this.pace = nextEstimate(this.deadline.learning, this.day, this.pace ?? this.comfortPace, target);
    }
    this.today = newPaceHistogram();
  }

  promiseSec(roadKm: number, readyInSec: number): number {
    return promisedDurationSec(this.deadline, roadKm, this.pace ?? this.comfortPace, readyInSec);
  }

  observeLeg(km: number, kmh: number): void {
    if (km >= 0.1) recordPace(this.today, 3600 / kmh);
  }

  observeDelivery(): void {}

  clone(deadline: DeadlineRules): RidingPaceDeadline {
    const copy = new RidingPaceDeadline(deadline, Float64Array.of(16), 0);
    Object.assign(copy, { comfortPace: this.comfortPace, pace: this.pace, day: this.day, today: this.today.slice() });
    copy.history.push(...this.history);
    return copy;
  }

  endDay(): void {
    this.history.push(this.today);
    const keep = daysKept(this.deadline);
    if (this.history.length > keep) this.history.splice(0, this.history.length - keep);
  }
}
