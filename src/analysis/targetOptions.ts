/** What the target finder searches, checked before any run, and the parameter's value as the scenario stands. */
import { rulesForArm } from '../scenario/rulesForArm.ts';
import { getPath, withParam } from '../scenario/paths.ts';
import type { Scenario } from '../scenario/schema.ts';
import { isMetricPath } from './metricList.ts';
import { TARGET_OPS, type TargetSpec } from './targetSpec.ts';

/** What to search. */
export interface TargetOptions {
  /** Dotted scenario path of a numeric parameter (a `rules.*` path is set in the base rules and every arm). */
  param: string;
  min: number;
  max: number;
  targets: TargetSpec[];
  /** `smallest` (default) or `largest` value that meets every target. */
  direction?: 'smallest' | 'largest';
  /** Arm whose metrics must meet the targets (default: the last arm, the proposal side of a comparison). */
  arm?: string;
  replications?: number;
  seed?: number;
  /**
   * `ci` (default): the unfavourable end of the 95% interval must meet the target (the upper end for `<=`/`<`, the
   * lower end for `>=`/`>`); `mean`: the mean must.
   */
  confidence?: 'mean' | 'ci';
  /** Most parameter values evaluated, bounds included (default 20, at least 5). */
  maxSteps?: number;
  /** Bisection stops when the bracket is this narrow (default: (max − min) / 1000). */
  tolerance?: number;
  /**
   * Instead of the search: evaluate this many evenly spaced values from min to max (both included) in one batch and
   * take the smallest (largest) that meets every target. One batch can be split over machines; the search cannot.
   */
  grid?: number;
}

/** Most values of a target grid. */
export const MAX_TARGET_GRID = 1000;

/** Checks the options and throws RangeError / ScenarioPathError naming the bad input; returns the resolved arm. */
export function checkTargetOptions(scenario: Scenario, options: TargetOptions): string {
  if (!Number.isFinite(options.min) || !Number.isFinite(options.max))
    throw new RangeError('min and max must be numbers');
  if (!(options.max > options.min)) throw new RangeError(`max (${options.max}) must be above min (${options.min})`);
  if (options.targets.length === 0) throw new RangeError('at least one target is needed');
  for (const t of options.targets) {
    if (!isMetricPath(t.metric)) throw new RangeError(`unknown metric path '${t.metric}'`);
    if (!TARGET_OPS.includes(t.op)) throw new RangeError(`unknown operator '${String(t.op)}' (use <=, >=, < or >)`);
    if (!Number.isFinite(t.threshold)) throw new RangeError(`threshold of '${t.metric}' must be a number`);
  }
  const arm = options.arm ?? scenario.arms.at(-1)?.id ?? '';
  rulesForArm(scenario, arm);
  withParam(scenario, options.param, options.min);
  withParam(scenario, options.param, options.max);
  if (options.maxSteps !== undefined && !(Number.isInteger(options.maxSteps) && options.maxSteps >= 5)) {
    throw new RangeError('maxSteps must be a whole number of at least 5');
  }
  if (options.tolerance !== undefined && !(options.tolerance > 0)) throw new RangeError('tolerance must be positive');
  const grid = options.grid;
  if (grid !== undefined && !(Number.isInteger(grid) && grid >= 2 && grid <= MAX_TARGET_GRID)) {
    throw new RangeError(`grid must be a whole number from 2 to ${MAX_TARGET_GRID}`);
  }
  return arm;
}

/** The parameter's value for the arm as the scenario stands (an arm's own rule override counts). */
export function currentParamValue(scenario: Scenario, param: string, arm: string): number | null {
  const value = param.startsWith('rules.')
    ? getPath(rulesForArm(scenario, arm), param.slice('rules.'.length))
    : getPath(scenario, param);
  return typeof value === 'number' ? value : null;
}
