/** Riding under time pressure (MODEL.md section 6) and the safety-risk terms of one leg (section 7). */

import { detExp, detLog } from './detMath.ts';

/**
 * x^k with whole exponents done by multiplication, others through detMath: Math.pow may differ in the last digit
 * between JavaScript engines (Node's V8 and a newer Chromium's), and results must be byte-identical in both.
 */
export function power(x: number, k: number): number {
  if (Number.isInteger(k) && k >= 0 && k <= 16) {
    let out = 1;
    for (let i = 0; i < k; i++) out *= x;
    return out;
  }
  return detExp(k * detLog(x));
}

/** Speed chosen for a leg and the pressure behind it. */
export interface SpeedChoice {
  kmh: number;
  /** min(1, max(0, v_req − v0) / v0); 0 when nothing is left to gain. */
  pressure: number;
}

/**
 * The speed an order asks for (MODEL.md section 6): penalties come in steps, so the courier aims at the earliest
 * threshold still reachable at `vmax`. The thresholds are the promise itself (`timeLeftSec` from now, service on the
 * way taken off; the platform's on-time record counts from it), then the late line `graceSec` later (where the fine
 * starts), then the severe-late line `severeAfterSec` after that (Infinity when it carries no fine). Returns the
 * required speed `km / time left`, or 0 when no threshold can be reached any more.
 */
export function requiredKmh(
  km: number,
  timeLeftSec: number,
  graceSec: number,
  severeAfterSec: number,
  vmax: number,
): number {
  const minSec = (km / vmax) * 3600;
  if (timeLeftSec > 0 && minSec <= timeLeftSec) return (km / timeLeftSec) * 3600;
  const lateLeft = timeLeftSec + graceSec;
  if (graceSec > 0 && lateLeft > 0 && minSec <= lateLeft) return (km / lateLeft) * 3600;
  const severeLeft = lateLeft + severeAfterSec;
  if (severeLeft > 0 && minSec <= severeLeft) return (km / severeLeft) * 3600;
  return 0;
}

/**
 * The riding speed for a leg: v = clamp(v0 + r × max(0, v_req − v0), v0, vmax). `vreq` is the most demanding
 * required speed of the orders in the bag (`requiredKmh`); 0 means no threshold can be reached any more: no pressure,
 * unless `rushWhenLate` (per-minute lateness fines), when the courier rides as if v_req were vmax.
 */
export function chooseSpeed(
  v0: number,
  vmax: number,
  riskTolerance: number,
  vreq: number,
  rushWhenLate: boolean,
): SpeedChoice {
  if (vreq <= 0) {
    if (!rushWhenLate) return { kmh: v0, pressure: 0 };
    vreq = vmax;
  }
  const gap = vreq > v0 ? vreq - v0 : 0;
  let v = v0 + riskTolerance * gap;
  if (v > vmax) v = vmax;
  if (v < v0) v = v0;
  const pressure = gap / v0 > 1 ? 1 : gap / v0;
  return { kmh: v, pressure };
}

/** Probability that a courier runs a red light: 0.05 + 0.5 × r × pressure with the scenario's coefficients. */
export function redRunProbability(base: number, perPressure: number, riskTolerance: number, pressure: number): number {
  const p = base + perPressure * riskTolerance * pressure;
  return p > 1 ? 1 : p;
}

/** What a courier at a red light weighs against a safety bonus (docs/model.md section 6). */
export interface RedLightWait {
  /** The waits ahead at red lights if the courier runs none until the bag is delivered, seconds. */
  waitSec: number;
  /** What the courier earns per second online, fen. */
  earnFenPerSec: number;
  /** Time pressure, 0–1, as in `redRunProbability`. */
  pressure: number;
  /** Seconds left to the threshold the most demanding order aims at; Infinity when none can be reached. */
  timeLeftSec: number;
  /** What a late order expects to be fined at its late line, fen (the fine plus the complaint's expected fine). */
  lateFineFen: number;
  /** The fine per minute late, fen: what a wait costs when every threshold is already lost. */
  perMinuteLateFen: number;
}

/**
 * What stopping at red lights costs, fen: the earnings of the time (waits × earnings per second) plus the fine the
 * waits may bring, pressure × min(1, waits / time left) × the expected fine (the waits' share of the time left,
 * weighed by how pressed the courier is); past every threshold, the per-minute fine of the waits.
 */
export function redLightWaitCostFen(w: RedLightWait): number {
  const earnings = w.waitSec * w.earnFenPerSec;
  if (!(w.timeLeftSec < Infinity)) return earnings + (w.waitSec / 60) * w.perMinuteLateFen;
  const share = w.timeLeftSec > w.waitSec ? w.waitSec / w.timeLeftSec : 1;
  return earnings + w.pressure * share * w.lateFineFen;
}

/**
 * Whether a courier may run a red light (the existing probability then decides): always when no safety bonus is at
 * stake, else only when stopping costs more than the bonus the orders in the bag would lose.
 */
export function mayRunRedLight(waitCostFen: number, bonusAtStakeFen: number): boolean {
  return bonusAtStakeFen <= 0 || waitCostFen > bonusAtStakeFen;
}

/** Risk model parameters, resolved for one day's weather. */
export interface RiskTerms {
  /** Expected injury crashes per km at the reference speed, before the multiplying terms. */
  basePerKm: number;
  referenceKmh: number;
  speedExponent: number;
  redLightOddsRatio: number;
  fatiguePerHour: number;
  fatigueAfterHours: number;
  weatherFactor: number;
}

/** Expected injury crashes on a leg: km × base × speed term × red-light term × fatigue term × weather term. */
export function legCrashes(terms: RiskTerms, km: number, kmh: number, runShare: number, onlineHours: number): number {
  const speedTerm = power(kmh / terms.referenceKmh, terms.speedExponent);
  const redTerm = 1 + (terms.redLightOddsRatio - 1) * runShare;
  const over = onlineHours - terms.fatigueAfterHours;
  const fatigueTerm = 1 + terms.fatiguePerHour * (over > 0 ? over : 0);
  return km * terms.basePerKm * speedTerm * redTerm * fatigueTerm * terms.weatherFactor;
}

/** The same km at the courier's comfort speed, no red-light runs, no fatigue, clear weather: the denominator of relativeCrashRisk. */
export function baselineCrashes(terms: RiskTerms, km: number, comfortKmh: number): number {
  return km * terms.basePerKm * power(comfortKmh / terms.referenceKmh, terms.speedExponent);
}
