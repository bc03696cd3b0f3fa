// The guide's pure part: the scenario each step runs, the value its control starts on, the delivery times it draws.
import { describe, expect, it } from 'vitest';
import {
  GUIDE_STEPS,
  deliveryMinutes,
  guideScenario,
  percentileOf,
  startValue,
  TRY,
} from '../../src/app/guideSteps.ts';
import { rulesForArm } from '../../src/scenario/rulesForArm.ts';
import { Scenario, SCHEMA_VERSION } from '../../src/scenario/schema.ts';

const base = Scenario.parse({ schemaVersion: SCHEMA_VERSION, replications: 5 });

describe('guide steps', () => {
  it('start on the scenario’s own values, inside each control’s range', () => {
    expect(startValue(base, 'promise')).toBe(10);
    expect(startValue(base, 'pay')).toBe(base.rules.pay.base);
    expect(startValue(base, 'ratchet')).toBe(7);
    for (const step of GUIDE_STEPS) {
      const v = startValue(base, step);
      expect(v).toBeGreaterThanOrEqual(TRY[step].min);
      expect(v).toBeLessThanOrEqual(TRY[step].max);
    }
  });

  it('run the first and last arm, two replications, with the step’s one parameter changed', () => {
    const promise = guideScenario(base, 'promise', 25);
    expect(promise?.arms.map((a) => a.id)).toEqual(['strictest', 'median']);
    expect(promise?.replications).toBe(2);
    expect(promise && rulesForArm(promise, 'strictest').deadline.percentile).toBe(25);
    expect(promise && rulesForArm(promise, 'median').deadline.percentile).toBe(50);
    const pay = guideScenario(base, 'pay', 9.5);
    expect(pay && rulesForArm(pay, 'strictest').pay.base).toBe(9.5);
    expect(pay && rulesForArm(pay, 'median').pay.base).toBe(9.5);
    // The ratchet needs a platform that learns from recent days.
    const ratchet = guideScenario(base, 'ratchet', 9);
    expect(ratchet?.time.days).toBe(9);
    expect(ratchet?.rules.deadline.learning.windowDays).toBeGreaterThan(0);
  });

  it('say no for one arm or a value the schema rejects', () => {
    expect(guideScenario({ ...base, arms: base.arms.slice(0, 1) }, 'pay', 8)).toBeNull();
    expect(guideScenario(base, 'pay', -1)).toBeNull();
  });

  it('read delivery times from a trace, skipping undelivered orders', () => {
    const trace = { placeSec: [0, 60, 120], deliveredSec: [1800, Number.NaN, 2520] } as never;
    expect(deliveryMinutes(trace)).toEqual([30, 40]);
    expect(percentileOf([10, 20, 30, 40, 50], 50)).toBe(30);
  });
});
