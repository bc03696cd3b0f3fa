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
