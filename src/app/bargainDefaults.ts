/**
 * What the bargaining panels open on for the scenario on screen, so a first run gives an answer a person can read:
 * the zone's grid spans the deadline percentile (10–70) and base pay around the scenario's own, and the union's limit
 * is the scenario's own minimum-wage threshold (the compliance scorecard's).
 */
import { rulesForArm } from '../scenario/rulesForArm.ts';
import type { Scenario } from '../scenario/schema.ts';

/** The zone's default horizontal values: deadline percentiles from the strictest algorithm to above the median. */
export const ZONE_PERCENTILES = [10, 30, 50, 70] as const;

const tidy = (x: number) => Number(x.toFixed(2));

/**
 * Base pay values around the pay of the zone's arm (the last): one step below it, it, and three and six steps above, a step
 * being about 15% of it in half-CNY (at least 0.5 CNY). Below the current pay the platform's margin holds; above it the union's
 * minimum-wage limit starts to, so the grid shows where each side's limit holds and the gap between them.
 */
export function zonePayValues(scenario: Scenario): number[] {
  const arm = scenario.arms.at(-1)?.id;
  const base = arm ? rulesForArm(scenario, arm).pay.base : scenario.rules.pay.base;
  const step = Math.max(0.5, Math.round(base * 0.3) / 2);
  return [Math.max(0, tidy(base - step)), tidy(base), tidy(base + 3 * step), tidy(base + 6 * step)];
}

/** The union's default limit: the share below the minimum wage the scorecard accepts, in % as the panel shows it. */
export function unionLimitPercent(scenario: Scenario): number {
  return tidy(scenario.compliance.minWageMaxShare * 100);
}

/** The precision a parameter is shown to (0.01 CNY of pay, a tenth of a percent of commission, whole percentiles). */
export const PARAM_PRECISION: Readonly<
  Record<'rules.pay.base' | 'rules.pay.commissionRate' | 'rules.deadline.percentile', number>
> = {
  'rules.pay.base': 0.01,
  'rules.pay.commissionRate': 0.001,
  'rules.deadline.percentile': 1,
};

/**
 * A target answer at the parameter's display precision, rounded towards the side where the target holds (up for the
 * smallest value that meets it), so the shown value meets it too; plain 6 significant digits for other parameters.
 */
export function shownTargetValue(param: string, value: number, direction: 'smallest' | 'largest' = 'smallest'): string {
  const step = (PARAM_PRECISION as Record<string, number>)[param];
  if (step === undefined) return String(Number(value.toPrecision(6)));
  const digits = Math.max(0, Math.round(-Math.log10(step)));
  const units = value / step;
  // A value a hair above a step (binary noise) is not pushed to the next step.
  const rounded = direction === 'smallest' ? Math.ceil(units - 1e-9) : Math.floor(units + 1e-9);
  return (rounded * step).toFixed(digits);
}
