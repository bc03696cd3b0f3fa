// What algorithm-median costs the platform: the parts add up to the whole, each from one paired difference, and the
// sentences say which parts the rules make zero.
import { describe, expect, it } from 'vitest';
import { platformCost, platformCostSentences, type Comparison } from '../../src/analysis/index.ts';
import { Scenario } from '../../src/scenario/schema.ts';
import { formatCompareTable } from '../../src/cli/compareTable.ts';
import { fakeComparison, fakeDifferences } from '../cli/fixtures.ts';

/** strictest (first) and median; median − strictest chosen so that margin = revenue − pay before fines + fines − compensation. */
function comparison(): Comparison {
  const c = fakeComparison();
  const median = c.arms[1];
  if (!median) throw new Error('fixture');
  median.metrics.service.ordersDelivered = 16000;
  median.metrics.platform.marginPerOrder = 0.5;
  c.differences = fakeDifferences({
    'platform.deliveryRevenue': { mean: -100, ci95: [-150, -50] },
    'platform.courierPayBeforeFines': { mean: 200, ci95: [100, 300] },
    'platform.fineIncome': { mean: -8000, ci95: [-8500, -7500] },
    'platform.compensationPaid': { mean: 0, ci95: [0, 0] },
    'platform.margin': { mean: -8300, ci95: [-8900, -7700] },
    'customers.lostOrders': { mean: -120, ci95: [-140, -100] },
  });
  return c;
}

const scenario = (rules: object = {}) => Scenario.parse({ schemaVersion: 2, rules });

describe('platformCost', () => {
  it('splits what the median costs the platform into parts that add up to the whole', () => {
    const cost = platformCost(scenario(), comparison(), 1);
    if (!cost) throw new Error('no cost');
    expect([cost.stricter, cost.looser]).toEqual(['strictest', 'median']);
    expect(cost.perDay.value).toBe(8300);
    expect(cost.perDay.ci95).toEqual([7700, 8900]);
    expect(cost.perOrder.value).toBeCloseTo(8300 / 16000, 12);
    const parts = cost.parts;
    expect([parts.revenue.value, parts.courierPay.value, parts.fines.value, parts.compensation.value]).toEqual([
      100, 200, 8000, 0,
    ]);
    expect(parts.revenue.value + parts.courierPay.value + parts.fines.value + parts.compensation.value).toBe(8300);
    expect(cost.retainedOrdersPerDay.value).toBe(120);
    expect(cost.retainedWorthPerDay.value).toBe(60);
  });

  it('says each part in both languages, and why a part the rules make zero is zero', () => {
    const names = {
      stricter: { zh: '最严算法', en: 'the strictest algorithm' },
      looser: { zh: '算法取中', en: 'algorithm-median' },
    };
    const cost = platformCost(scenario({ penalties: { recipient: 'station' } }), comparison(), 1);
    if (!cost) throw new Error('no cost');
    const s = platformCostSentences(cost, names);
    expect(s.total.zh).toContain('算法取中让平台每天少赚 8300 元（95% 区间 7700 至 8900 元）');
    expect(s.total.en).toContain('algorithm-median costs the platform 8300 CNY a day');
    expect(s.parts.fines.en).toBe('fines go to the delivery station, not the platform');
    expect(s.parts.compensation.zh).toContain('商家投保的准时险');
    expect(s.parts.courierPay.en).toBe(
      'fees, bonuses and top-ups paid to couriers up 200 CNY (95% interval 100 to 300 CNY)',
    );
    expect(s.retained.zh).toContain('顾客此后每天多下约 120 单');
    expect(s.uncertain).toBeUndefined();
  });

  it('is printed under the comparison table, with each part on its own line', () => {
    const text = formatCompareTable(comparison(), { scenario: scenario() });
    const block = text.slice(text.indexOf('Platform: median vs strictest'));
    expect(block).toContain('costs the platform 8300 CNY a day (95% interval 7700 to 8900 CNY)');
    expect(block).toContain('  - fines the platform keeps down 8000 CNY (95% interval 7500 to 8500 CNY)');
    expect(block).toContain('about 120 more orders a day');
    expect(block).toContain('margin of 0.50 CNY per order is worth about 60 CNY a day');
  });
});
