/**
 * The answer of a target search so far (issue 21 item 1): before each further step of the search (findTarget,
 * findTargetSequential), the bracket the answer lies in, the best value found so far and the runs made, for
 * `fairpace target --progress` and the target panel's provisional mark. The final answer is the search's result, never
 * a report. A report only reads the search's state, in the search's own order, so it changes nothing the search
 * computes and is the same whichever thread finished a run first.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { TargetOptions } from './targetOptions.ts';
import { targetResult, type Found, type TargetResult } from './targetResult.ts';

/** A target search's answer so far. */
export interface TargetProvisional {
  param: string;
  direction: 'smallest' | 'largest';
  /** The value the search would answer if it stopped here, or null while no value meets every target. */
  value: number | null;
  /** The nearest failing value and the best value, low end first, when both are known (the answer lies between). */
  bracket: [number, number] | null;
  /** Seeds the best value has run on so far (0 without one). */
  replications: number;
  /** Seeds the final answer runs on. */
  of: number;
  /** Runs made so far (the scenario's current value included, once it has run). */
  runs: number;
  /** Values evaluated so far. */
  values: number;
  /** The search's result as it would be if it stopped here (with `value` and `bracket`), on the runs made so far. */
  result: TargetResult;
}

/** Receives a target search's answer so far, before each further step. */
export type TargetStepFn = (answer: TargetProvisional) => void;

/**
 * A search's answer so far from what it has found (copied: the search goes on changing its own lists) and how far it
 * is; `found.bracket` is the search's [failing end, meeting end].
 */
export function targetProvisional(
  scenario: Scenario,
  options: TargetOptions,
  found: Found,
  progress: { of: number; runs: number },
): TargetProvisional {
  const { value, bracket } = found;
  return {
    param: options.param,
    direction: options.direction ?? 'smallest',
    value,
    bracket: bracket ? [Math.min(...bracket), Math.max(...bracket)] : null,
    replications: value === null ? 0 : (found.runsAt.get(value)?.length ?? 0),
    of: progress.of,
    runs: progress.runs,
    values: found.steps.length,
    result: targetResult(scenario, options, { ...found, steps: [...found.steps], runsAt: new Map(found.runsAt) }),
  };
}
