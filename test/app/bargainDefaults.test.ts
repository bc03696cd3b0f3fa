// The bargaining panels open on answers a person can read: a 4 × 4 zone around the scenario's own pay, the union's
// limit at the scenario's own minimum-wage threshold, and a target shown at the parameter's display precision.
import { describe, expect, it } from 'vitest';
import { shownTargetValue, unionLimitPercent, ZONE_PERCENTILES, zonePayValues } from '../../src/app/bargainDefaults.ts';
import { Scenario, SCHEMA_VERSION } from '../../src/scenario/schema.ts';

const scenario = Scenario.parse({ schemaVersion: SCHEMA_VERSION });

describe('bargaining defaults', () => {
  it('open the zone on at least a 4 × 4 grid around the last arm’s pay', () => {
    expect(ZONE_PERCENTILES.length).toBeGreaterThanOrEqual(4);
    const pay = zonePayValues(scenario);
    expect(pay.length).toBeGreaterThanOrEqual(4);
    expect(pay).toContain(scenario.rules.pay.base);
    expect(new Set(pay).size).toBe(pay.length);
  });

  it('set the union’s limit to the scenario’s minimum-wage threshold, in percent', () => {
    expect(unionLimitPercent(scenario)).toBe(scenario.compliance.minWageMaxShare * 100);
    expect(unionLimitPercent({ ...scenario, compliance: { ...scenario.compliance, minWageMaxShare: 0.1 } })).toBe(10);
  });

  it('show a target at 0.01 CNY or a whole percentile, rounded to the side where the target holds', () => {
    expect(shownTargetValue('rules.pay.base', 22.8125)).toBe('22.82');
    expect(shownTargetValue('rules.pay.base', 22.8125, 'largest')).toBe('22.81');
    expect(shownTargetValue('rules.pay.base', 22.81 + 1e-12)).toBe('22.81');
    expect(shownTargetValue('rules.deadline.percentile', 37.4)).toBe('38');
    expect(shownTargetValue('rules.deadline.percentile', 37.4, 'largest')).toBe('37');
  });
});
