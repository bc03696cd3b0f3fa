/**
 * What the target finder reports, the same from the search, the grid and the sequential search (targetSequential.ts):
 * every evaluated value with its metrics, the value found and what it costs the platform against the scenario's
 * current value, paired over the same seeds.
 */
import { rulesForArm } from '../scenario/rulesForArm.ts';
import { digestOf } from '../scenario/canonical.ts';
import { SCHEMA_VERSION, type Rules, type Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../version.ts';
import { metricAt } from './metricPaths.ts';
import { valueBounds } from './metricBounds.ts';
import { boundedInterval, pairedDifference, type Difference } from './stats.ts';
import type { TargetOptions } from './targetOptions.ts';
import { targetHolds, type MetricEstimate, type TargetSpec } from './targetSpec.ts';
import { moneyChange, type MoneyChange } from './targetMoney.ts';

/** One evaluated value of the parameter. */
export interface TargetStep {
  value: number;
  phase: 'initial' | 'bisection' | 'grid';
  feasible: boolean;
  /** The target metrics and platform.courierPay / platform.margin at this value. */
  metrics: Record<string, MetricEstimate>;
}

/** Courier pay and margin per day (CNY) with intervals, and the paired change from the scenario's current value. */
export interface PlatformCost {
  currentValue: number;
  at: { courierPay: MetricEstimate; margin: MetricEstimate };
  current: { courierPay: MetricEstimate; margin: MetricEstimate };
  /** Found value minus current value, paired over the same seeds. */
  change: { courierPay: Difference; margin: Difference };
  /** What couriers gain, what the platform pays and where the difference goes (from the runs' ledgers). */
  money?: MoneyChange;
}

/** The `fairpace target` output. */
export interface TargetResult {
  schemaVersion: number;
  fairpaceVersion: string;
  /** The model fingerprint of the build that computed this (SHA-256 over src/sim and the scenario defaults). */
  modelDigest: string;
  scenarioDigest: string;
  param: string;
  min: number;
  max: number;
  direction: 'smallest' | 'largest';
  confidence: 'mean' | 'ci';
  /** The value found, or null when no evaluated value meets every target. */
  value: number | null;
  reached: boolean;
  message: string;
  targets: (TargetSpec & { achieved: number | null; ci95: [number, number] | null; met: boolean })[];
  arm: string;
  seeds: number[];
  /** Whether feasibility switched at most once along the evaluated values (what bisection relies on). */
  monotone: boolean;
  /** Why the predicate is not monotone (the evaluated values and their feasibility), when it is not. */
  monotoneEvidence?: string;
  method: 'bisection' | 'grid';
  /** With bisection: the last bracket, infeasible end and feasible end (its width is the answer's resolution). */
  bracket?: [number, number];
  steps: TargetStep[];
  platformCost: PlatformCost | null;
}

/** The metrics every step records besides the targets': what the answer costs. */
export const COST_METRICS = ['platform.courierPay', 'platform.margin'] as const;

/** What a search or a grid found, for `targetResult`. */
export interface Found {
  arm: string;
  seeds: number[];
  steps: TargetStep[];
  runsAt: Map<number, RunResult[]>;
  value: number | null;
  monotone: boolean;
  monotoneEvidence: string | undefined;
  method: TargetResult['method'];
  bracket: [number, number] | undefined;
  current: number | null;
}

/** The result of a search or grid from what it found (shared with the sequential search, targetSequential.ts). */
export function targetResult(scenario: Scenario, options: TargetOptions, found: Found): TargetResult {
  const { param, min, max, targets } = options;
  const direction = options.direction ?? 'smallest';
  const confidence = options.confidence ?? 'ci';
  const { arm, seeds, steps, runsAt, value, monotone, monotoneEvidence, method, bracket, current } = found;
  const metricNames = [...new Set([...targets.map((t) => t.metric), ...COST_METRICS])];
  const at = value === null ? undefined : estimatesAt(runsAt.get(value) ?? [], metricNames);
  const reached = value !== null;
  return {
    schemaVersion: SCHEMA_VERSION,
    fairpaceVersion: FAIRPACE_VERSION,
    modelDigest: MODEL_DIGEST,
    scenarioDigest: digestOf(scenario),
    param,
    min,
    max,
    direction,
    confidence,
    value,
    reached,
    message: reached
      ? `${param} = ${value} is the ${direction} value in [${min}, ${max}] found to meet every target`
      : 'no value in bounds meets the targets',
    targets: targets.map((t) => {
      const e = at?.[t.metric];
      return {
        ...t,
        achieved: e ? e.mean : null,
        ci95: e ? e.ci95 : null,
        met: e ? targetHolds(t, e, confidence) : false,
      };
    }),
    arm,
    seeds,
    monotone,
    ...(monotoneEvidence !== undefined ? { monotoneEvidence } : {}),
    method,
    ...(bracket ? { bracket } : {}),
    steps,
    platformCost:
      value !== null && current !== null ? costOf(runsAt, value, current, rulesForArm(scenario, arm)) : null,
  };
}

/** Each metric's mean and 95% interval over runs, cut to the values the metric can take. */
export function estimatesAt(runs: RunResult[], paths: readonly string[]): Record<string, MetricEstimate> {
  const out: Record<string, MetricEstimate> = {};
  for (const path of paths) {
    const { mean, ci95 } = boundedInterval(
      runs.map((r) => metricAt(r.metrics, path) ?? Number.NaN),
      valueBounds(path),
    );
    out[path] = { mean, ci95 };
  }
  return out;
}

function costOf(runsAt: Map<number, RunResult[]>, value: number, current: number, rules: Rules): PlatformCost | null {
  const found = runsAt.get(value);
  const base = runsAt.get(current);
  if (!found || !base) return null;
  const series = (runs: RunResult[], path: string) => runs.map((r) => metricAt(r.metrics, path) ?? Number.NaN);
  const est = (runs: RunResult[]) =>
    estimatesAt(runs, COST_METRICS) as Record<(typeof COST_METRICS)[number], MetricEstimate>;
  const a = est(found);
  const b = est(base);
  const cost: PlatformCost = {
    currentValue: current,
    at: { courierPay: a['platform.courierPay'], margin: a['platform.margin'] },
    current: { courierPay: b['platform.courierPay'], margin: b['platform.margin'] },
    change: {
      courierPay: pairedDifference(series(base, 'platform.courierPay'), series(found, 'platform.courierPay')),
      margin: pairedDifference(series(base, 'platform.margin'), series(found, 'platform.margin')),
    },
  };
  const money = moneyChange(rules, base, found);
  return money ? { ...cost, money } : cost;
}

/** Why feasibility is not monotone along the evaluated values. */
export function evidenceOf(list: TargetStep[]): string {
  return `feasibility switches more than once along the evaluated values: ${list
    .map((s) => `${s.value} ${s.feasible ? 'meets' : 'fails'}`)
    .join(', ')}`;
}
