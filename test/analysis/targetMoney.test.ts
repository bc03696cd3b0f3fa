// Who gains and who pays (issue 22 item 5): the money change of a target answer comes from the runs' ledgers, the
// difference between what the platform pays and what couriers gain is exactly its parts, and it agrees with the
// paired change of the platform's margin.
import { describe, expect, it } from 'vitest';
import { findTarget, moneyChange, MONEY_GAP_PARTS } from '../../src/analysis/index.ts';
import { Scenario } from '../../src/scenario/schema.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { withParam } from '../../src/scenario/paths.ts';
import { rulesForArm } from '../../src/scenario/rulesForArm.ts';

const SMALL = Scenario.parse({
  schemaVersion: 2,
  population: { couriers: 12 },
  demand: { ordersPerCourierDay: 16 },
  replications: 3,
});

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6 * Math.max(1, Math.abs(b)));

describe('moneyChange', () => {
  for (const recipient of ['platform', 'station'] as const) {
    it(`splits the difference into its parts exactly (fines to ${recipient})`, () => {
      const scenario = Scenario.parse({
        ...SMALL,
        rules: { ...SMALL.rules, penalties: { ...SMALL.rules.penalties, recipient } },
      });
      const runs = (base: number) =>
        [1, 2, 3].map((seed) => simulate(withParam(scenario, 'rules.pay.base', base), 'median', seed));
      const current = runs(6);
      const found = runs(12);
      const m = moneyChange(rulesForArm(scenario, 'median'), current, found)!;
      close(m.platformPays.mean - m.couriersGain.mean, m.gap.mean);
      close(
        MONEY_GAP_PARTS.reduce((s, p) => s + m.parts[p].mean, 0),
        m.gap.mean,
      );
      // What the platform pays is the fall of its margin, as the metric has it.
      const margin = (rs: typeof current) => rs.reduce((s, r) => s + r.metrics.platform.margin, 0) / rs.length;
      close(m.platformPays.mean, margin(current) - margin(found));
      // Fines to the platform pass between the two sides and leave no part; to the station they are one.
      if (recipient === 'platform') expect(m.parts.finesElsewhere.mean).toBe(0);
      expect(m.couriersGain.mean).toBeGreaterThan(0);
      expect(m.finesTo).toBe(recipient);
    });
  }

  it('is carried by the target answer, against the scenario’s current value', async () => {
    const result = await findTarget(SMALL, {
      param: 'rules.pay.base',
      min: 0,
      max: 40,
      targets: [{ metric: 'earnings.netPerOnlineHour.mean', op: '>=', threshold: 15 }],
      confidence: 'mean',
      arm: 'median',
      maxSteps: 8,
    });
    const cost = result.platformCost;
    expect(cost?.money).toBeDefined();
    close(cost!.money!.platformPays.mean, -cost!.change.margin.mean);
    // Couriers' gain is the platform's pay to them less what they spend riding.
    close(cost!.money!.couriersGain.mean, cost!.change.courierPay.mean - cost!.money!.parts.courierExpenses.mean);
  });
});
