/**
 * The guided walk-through (一步步看懂 / Walk me through it): six steps, each with one parameter a person can move
 * ("try it"), over live runs of the scenario on screen. This file is the pure part: which parameter each step moves,
 * its range, the scenario a step runs, and the numbers its sentence and chart need.
 */
import { deviation, quantile } from 'd3-array';
import type { Comparison } from '../analysis/index.ts';
import { getPath, ScenarioPathError, withParam } from '../scenario/paths.ts';
import { rulesForArm } from '../scenario/rulesForArm.ts';
import { Scenario } from '../scenario/schema.ts';
import type { OrderTraceColumns } from '../sim/orderTrace.ts';

/** The steps, in order. */
export const GUIDE_STEPS = ['promise', 'pressure', 'ratchet', 'pay', 'platform', 'model'] as const;
export type GuideStep = (typeof GUIDE_STEPS)[number];

/** What a step's "try it" control moves: a scenario path, or the stricter arm's percentile. */
export interface TryControl {
  /** A scenario path, or `arms[0].rules.deadline.percentile` for the stricter arm. */
  path: string;
  min: number;
  max: number;
  step: number;
}

export const TRY: Readonly<Record<GuideStep, TryControl>> = {
  promise: { path: 'arms[0].rules.deadline.percentile', min: 5, max: 50, step: 5 },
  pressure: { path: 'rules.penalties.lateFine', min: 0, max: 10, step: 1 },
  ratchet: { path: 'time.days', min: 3, max: 14, step: 1 },
  pay: { path: 'rules.pay.base', min: 3, max: 15, step: 0.5 },
  platform: { path: 'rules.platform.deliveryRevenuePerOrder', min: 3, max: 12, step: 0.5 },
  model: { path: 'population.comfortSpeedKmh.mean', min: 12, max: 26, step: 1 },
};

/** Days the platform learns from in the ratchet step, when the scenario itself does not learn. */
export const RATCHET_WINDOW_DAYS = 3;
/** Days the ratchet step runs when the scenario has fewer. */
export const RATCHET_DAYS = 7;
/** Replications of a guide run: few, so each step answers in seconds. */
export const GUIDE_REPLICATIONS = 2;

const clampTo = (c: TryControl, v: number) => Math.min(c.max, Math.max(c.min, Math.round(v / c.step) * c.step));

/** The value a step's control starts on: the scenario's own, kept inside the control's range. */
export function startValue(scenario: Scenario, step: GuideStep): number {
  const c = TRY[step];
  if (step === 'promise') {
    const first = scenario.arms[0]?.id;
    return clampTo(c, first ? rulesForArm(scenario, first).deadline.percentile : 10);
  }
  if (step === 'ratchet') return clampTo(c, Math.max(scenario.time.days, RATCHET_DAYS));
  const v = getPath(scenario, c.path);
  return clampTo(c, typeof v === 'number' ? v : c.min);
}

/**
 * The scenario a step runs: the one on screen with its first and last arm only, a few replications, the step's value
 * set, and for the ratchet a platform that learns from recent days. Returns null when the scenario has fewer than two
 * arms or the value makes it invalid.
 */
export function guideScenario(scenario: Scenario, step: GuideStep, value: number): Scenario | null {
  const first = scenario.arms[0];
  const last = scenario.arms.at(-1);
  if (!first || !last || first.id === last.id) return null;
  let next: Scenario = {
    ...scenario,
    arms: [first, last],
    replications: Math.min(GUIDE_REPLICATIONS, scenario.replications),
  };
  try {
    if (step === 'promise') {
      const deadline = { ...first.rules.deadline, percentile: value };
      next = { ...next, arms: [{ ...first, rules: { ...first.rules, deadline } }, last] };
    } else {
      next = withParam(next, TRY[step].path, value);
    }
    if (step === 'ratchet' && scenario.rules.deadline.learning.windowDays === 0) {
      next = withParam(next, 'rules.deadline.learning.windowDays', RATCHET_WINDOW_DAYS);
    }
  } catch (error) {
    if (error instanceof ScenarioPathError) return null;
    throw error;
  }
  const parsed = Scenario.safeParse(next);
  return parsed.success ? parsed.data : null;
}

/** Minutes from order to door of every delivered order in a trace. */
export function deliveryMinutes(trace: OrderTraceColumns | undefined): number[] {
  if (!trace) return [];
  const out: number[] = [];
  for (let i = 0; i < trace.placeSec.length; i++) {
    const d = (trace.deliveredSec[i] ?? Number.NaN) - (trace.placeSec[i] ?? Number.NaN);
    if (Number.isFinite(d)) out.push(d / 60);
  }
  return out;
}

/** The p-th percentile (0–100) of a list of minutes, or NaN for an empty list. */
export function percentileOf(minutes: readonly number[], p: number): number {
  const sorted = [...minutes].sort((a, b) => a - b);
  return quantile(sorted, p / 100) ?? Number.NaN;
}

/** The spread of a list (for a sentence that says how varied delivery times are); NaN below two values. */
export function spreadOf(minutes: readonly number[]): number {
  return deviation(minutes) ?? Number.NaN;
}

/** An arm's mean of a metric in a comparison (NaN when absent). */
export function armMean(comparison: Comparison, armIndex: number, read: (m: Comparison['arms'][number]) => number) {
  const arm = comparison.arms[armIndex];
  return arm ? read(arm) : Number.NaN;
}
