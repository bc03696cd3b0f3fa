/**
 * What the strictest algorithm costs a courier, in the direction a negotiator reads it: "under the strictest
 * algorithm each courier earns X CNY less a day, is online Y hours longer, rides Z km more above the speed limit,
 * and runs a W% higher crash risk". Every figure is derived from a comparison's paired differences (second arm minus
 * first, over replications that share seeds) and its arms' means, nothing else, so anyone can derive the same
 * numbers from `fairpace compare` JSON:
 *
 * - pay: the change of `earnings.totalPay` (CNY a day, all couriers, before their own costs) divided by the number
 *   of couriers;
 * - hours: the change of `workload.onlineHours.mean`;
 * - speeding km: the change of `safety.speedingKmShare` times the km a courier rides a day under the stricter arm
 *   (`workload.kmPerCourierDay.mean`);
 * - crash risk: the change of `safety.relativeCrashRisk` as a share of the looser arm's;
 * - a month is 26 working days (as MODEL.md's income figures count it): pay, hours and km times 26.
 *
 * Intervals are the paired 95% intervals transformed the same way; the km and risk intervals treat the arm mean
 * they are scaled by as fixed.
 */
import { rulesForArm } from '../scenario/rulesForArm.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ArmSummary, Comparison } from './compare.ts';
import { metricAt } from './metricPaths.ts';
import type { Difference } from './stats.ts';

/** Working days in a month, for the monthly figures. */
export const DAYS_PER_MONTH = 26;

/** One figure of the cost: its value per courier-day (or a percentage) and its 95% interval. */
export interface CostFigure {
  value: number;
  ci95: [number, number];
}

/** What the stricter arm of a pair costs, per courier-day and per month of 26 days. */
export interface StrictestCost {
  /** The stricter arm (lower deadline percentile; the further arm when both are equal). */
  stricter: string;
  /** The arm it is compared with. */
  looser: string;
  /** Pay lost per courier-day (CNY; negative: earned more). */
  payLostPerDay: CostFigure;
  payLostPerMonth: CostFigure;
  /** Extra online hours per courier-day. */
  extraHoursPerDay: CostFigure;
  extraHoursPerMonth: CostFigure;
  /** Extra km ridden above the speed limit per courier-day. */
  extraSpeedingKmPerDay: CostFigure;
  extraSpeedingKmPerMonth: CostFigure;
  /** Crash risk higher by this share of the looser arm's relative crash risk (0.05 = 5%). */
  crashRiskHigher: CostFigure;
  /** Click-to-door minutes and on-time rate of both arms (means over replications). */
  clickToDoor: { stricter: number; looser: number };
  onTime: { stricter: number; looser: number };
}

/** A paired difference scaled by `k` (the interval's ends swap when k is negative). */
export const scaled = (d: Difference, k: number): CostFigure => {
  const a = d.ci95[0] * k;
  const b = d.ci95[1] * k;
  return { value: d.mean * k, ci95: [Math.min(a, b), Math.max(a, b)] };
};

const times = (f: CostFigure, k: number): CostFigure => ({ value: f.value * k, ci95: [f.ci95[0] * k, f.ci95[1] * k] });

/** The paired differences of arm `index` (≥ 1) minus the first arm. */
function differencesOf(comparison: Comparison, index: number): Record<string, Difference> | undefined {
  const arm = comparison.arms[index];
  if (!arm) return undefined;
  return comparison.differencesVsFirst?.[arm.id] ?? (index === 1 ? comparison.differences : undefined);
}

/** The first arm and arm `index` read as a pair: which is stricter (lower deadline percentile), and their differences. */
export interface ArmPair {
  stricter: ArmSummary;
  looser: ArmSummary;
  /** Whether the first arm is the stricter one: the differences are other − first, so a reader may turn their sign. */
  firstStricter: boolean;
  /** The difference of a metric path (other − first), NaN when the comparison has none. */
  get(path: string): Difference;
  /** How many differences the pair has. */
  size: number;
}

/** The pair of the first arm and arm `index`, or undefined when that pair has no differences. */
export function armPair(scenario: Scenario, comparison: Comparison, index: number): ArmPair | undefined {
  const first = comparison.arms[0];
  const other = comparison.arms[index];
  const d = differencesOf(comparison, index);
  if (!first || !other || !d || index < 1) return undefined;
  const p0 = rulesForArm(scenario, first.id).deadline.percentile;
  const p1 = rulesForArm(scenario, other.id).deadline.percentile;
  const firstStricter = p0 < p1;
  const [stricter, looser] = firstStricter ? [first, other] : [other, first];
  const get = (path: string) => d[path] ?? { mean: Number.NaN, ci95: [Number.NaN, Number.NaN] as [number, number] };
  return { stricter, looser, firstStricter, get, size: Object.keys(d).length };
}

/**
 * The cost of the stricter arm of the first arm and arm `index`, or undefined when that pair has no differences.
 * `couriers` is the scenario's number of couriers.
 */
export function strictestCost(scenario: Scenario, comparison: Comparison, index: number): StrictestCost | undefined {
  const pair = armPair(scenario, comparison, index);
  if (!pair) return undefined;
  const { stricter, looser, get } = pair;
  // The differences are other − first; the cost is stricter − looser, so the sign turns when the first is stricter.
  const sign = pair.firstStricter ? -1 : 1;
  const mean = (arm: ArmSummary, path: string) => metricAt(arm.metrics, path) ?? Number.NaN;
  const couriers = scenario.population.couriers;
  const payLostPerDay = scaled(get('earnings.totalPay'), -sign / couriers);
  const extraHoursPerDay = scaled(get('workload.onlineHours.mean'), sign);
  const extraSpeedingKmPerDay = scaled(
    get('safety.speedingKmShare'),
    sign * mean(stricter, 'workload.kmPerCourierDay.mean'),
  );
  const crashRiskHigher = scaled(get('safety.relativeCrashRisk'), sign / mean(looser, 'safety.relativeCrashRisk'));
  return {
    stricter: stricter.id,
    looser: looser.id,
    payLostPerDay,
    payLostPerMonth: times(payLostPerDay, DAYS_PER_MONTH),
    extraHoursPerDay,
    extraHoursPerMonth: times(extraHoursPerDay, DAYS_PER_MONTH),
    extraSpeedingKmPerDay,
    extraSpeedingKmPerMonth: times(extraSpeedingKmPerDay, DAYS_PER_MONTH),
    crashRiskHigher,
    clickToDoor: {
      stricter: mean(stricter, 'service.clickToDoorMin.mean'),
      looser: mean(looser, 'service.clickToDoorMin.mean'),
    },
    onTime: { stricter: mean(stricter, 'service.onTimeRate'), looser: mean(looser, 'service.onTimeRate') },
  };
}
