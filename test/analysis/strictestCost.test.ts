// What the strictest algorithm costs, per courier-day and per month, derived by hand from a comparison's paired
// differences and arm means; and the sentences that say it in the direction a negotiator reads them.
import { describe, expect, it } from 'vitest';
import { costSentences, strictestCost, type Comparison } from '../../src/analysis/index.ts';
import { Scenario } from '../../src/scenario/schema.ts';
import { fakeComparison, fakeDifferences } from '../cli/fixtures.ts';

const scenario = Scenario.parse({ schemaVersion: 2, population: { couriers: 50 } });

/** strictest (first) and median, with median − strictest differences chosen by hand. */
function comparison(): Comparison {
  const c = fakeComparison();
  const [strict, median] = c.arms;
  if (!strict || !median) throw new Error('fixture');
  strict.metrics.workload.kmPerCourierDay.mean = 100;
  median.metrics.safety.relativeCrashRisk = 1.25;
  strict.metrics.service.clickToDoorMin.mean = 34.94;
  median.metrics.service.clickToDoorMin.mean = 38.21;
  strict.metrics.service.onTimeRate = 0.71;
  median.metrics.service.onTimeRate = 0.853;
  c.differences = fakeDifferences({
    'earnings.totalPay': { mean: 500, ci95: [300, 700] },
    'workload.onlineHours.mean': { mean: -0.3, ci95: [-0.5, -0.1] },
    'safety.speedingKmShare': { mean: -0.02, ci95: [-0.03, -0.01] },
    'safety.relativeCrashRisk': { mean: -0.1, ci95: [-0.15, -0.05] },
  });
  return c;
}

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-9);

describe('strictestCost', () => {
  it('turns median − strictest into what the strictest arm costs a courier a day and a month', () => {
    const cost = strictestCost(scenario, comparison(), 1);
    if (!cost) throw new Error('no cost');
    expect([cost.stricter, cost.looser]).toEqual(['strictest', 'median']);
    close(cost.payLostPerDay.value, 10); // 500 CNY a day over 50 couriers
    expect(cost.payLostPerDay.ci95.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([6, 14]);
    close(cost.payLostPerMonth.value, 260);
    close(cost.extraHoursPerDay.value, 0.3);
    expect(cost.extraHoursPerDay.ci95.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0.1, 0.5]);
    close(cost.extraHoursPerMonth.value, 7.8);
    close(cost.extraSpeedingKmPerDay.value, 2); // 2 percentage points of the strictest arm's 100 km
    close(cost.extraSpeedingKmPerMonth.value, 52);
    close(cost.crashRiskHigher.value, 0.08); // 0.1 of the median arm's 1.25
    expect(cost.clickToDoor).toEqual({ stricter: 34.94, looser: 38.21 });
  });

  it('reads a pair the other way round when the first arm is the looser one', () => {
    const c = comparison();
    c.arms.reverse();
    const s = Scenario.parse({
      schemaVersion: 2,
      population: { couriers: 50 },
      arms: [
        { id: 'median', label: 'm', rules: { deadline: { percentile: 50 } } },
        { id: 'strictest', label: 's', rules: { deadline: { percentile: 10 } } },
      ],
    });
    // Now the differences are strictest − median: a courier-pay difference of −500 is still 10 CNY lost.
    c.differences = fakeDifferences({ 'earnings.totalPay': { mean: -500, ci95: [-700, -300] } });
    const cost = strictestCost(s, c, 1);
    expect(cost?.stricter).toBe('strictest');
    close(cost?.payLostPerDay.value ?? Number.NaN, 10);
  });

  it('says it in both languages, turning the words when a figure goes the other way', () => {
    const cost = strictestCost(scenario, comparison(), 1);
    if (!cost) throw new Error('no cost');
    const names = {
      stricter: { zh: '最严算法（p10）', en: 'Strictest algorithm (p10)' },
      looser: { zh: '算法取中（p50）', en: 'Algorithm-median (p50)' },
    };
    const s = costSentences(cost, names);
    expect(s.perDay.zh).toBe(
      '在最严算法（p10）下，与算法取中（p50）相比，每名骑手每天少收入 10.00 元（95% 区间 6.00 至 14.00 元），' +
        '多在线 0.30 小时（95% 区间 0.10 至 0.50 小时），超速里程多 2.0 公里（95% 区间 1.0 至 3.0 公里），' +
        '事故风险高 8.0%（95% 区间 4.0 至 12.0%）。',
    );
    expect(s.perMonth.en).toBe(
      'Over a month of 26 working days, each courier earns 260 CNY less (95% interval 156 to 364 CNY), is online 7.8 h longer and rides 52 km more above the speed limit.',
    );
    expect(s.customers.zh).toBe(
      '顾客一方：下单到送达平均 34.9 分钟（算法取中（p50）下 38.2 分钟）；准时率 71.0%（算法取中（p50）下 85.3%）。',
    );
    expect(s.uncertain).toBeUndefined();
    const more = costSentences({ ...cost, payLostPerDay: { value: -2, ci95: [-3, 0.5] } }, names);
    expect(more.perDay.zh).toContain('每天多收入 2.00 元（95% 区间 -0.50 至 3.00 元）');
    expect(more.uncertain?.zh).toMatch(/区间包含 0/);
  });
});
