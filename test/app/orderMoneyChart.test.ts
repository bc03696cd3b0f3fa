// The workbench's chart of where each order's delivery money goes: the same parts as the report's, stacked.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/analysis/index.ts';
import { moneyText, orderMoneyBars, orderMoneyChart, type MoneyBar } from '../../src/app/charts/orderMoneyChart.ts';
import { orderMoney } from '../../src/evidence/orderMoney.ts';
import { dataOf, smallComparison } from './fixtures.ts';

let comparison: Comparison;

beforeAll(async () => {
  ({ comparison } = await smallComparison());
});

const armsOf = (c: Comparison) => c.arms.map((a) => ({ name: `name-${a.id}`, money: orderMoney(a.money) }));
const text = { title: 'money.title', caption: 'money.caption', x: 'money.x' };

describe('orderMoneyChart', () => {
  it('stacks every part of every arm, in the reader’s language, ends adding up to the revenue', () => {
    const arms = armsOf(comparison);
    const bars = orderMoneyBars(arms, 'zh');
    for (const arm of arms) {
      const own = bars.filter((b) => b.arm === arm.name);
      expect(own.map((b) => b.cny)).toEqual(arm.money.parts.map((p) => p.cny).filter((cny) => cny !== 0));
      // Right ends less left ends: the parts' sum, which is the platform's revenue per order.
      const right = Math.max(...own.map((b) => b.x2));
      const left = Math.min(...own.map((b) => b.x1));
      expect(right + left).toBeCloseTo(arm.money.revenue, 9);
      for (const b of own) expect(b.x2 - b.x1).toBeCloseTo(Math.abs(b.cny), 12);
    }
    expect(bars[0]?.label).toBe('骑手到手（扣除抽成和罚款后）');
    expect(orderMoneyBars(arms, 'en')[0]?.label).toBe('Couriers keep (after commission and fines)');
  });

  it('draws the bars, the revenue ticks and a note of the profit per order under each arm', () => {
    const arms = armsOf(comparison);
    const figure = orderMoneyChart(arms, 'en', text);
    expect(figure.title).toBe('money.title');
    expect(figure.caption).toBe('money.caption');
    const panel = figure.panels[0] ?? {};
    expect(dataOf<MoneyBar>(panel, 'bar')).toEqual(orderMoneyBars(arms, 'en'));
    const ticks = dataOf<{ revenue: number; note: string }>(panel, 'tick');
    expect(ticks.map((t) => t.revenue)).toEqual(arms.map((a) => a.money.revenue));
    expect(ticks[0]?.note).toBe(
      `Platform per order: revenue ${moneyText(arms[0]?.money.revenue ?? 0)}, profit ${moneyText(arms[0]?.money.operatingProfit ?? 0)} CNY` +
        ` (incl. ${moneyText(arms[0]?.money.parts[1]?.cny ?? 0)} of fines)`,
    );
    expect((panel.color as { domain: string[] }).domain).toContain('Fines, kept by the platform');
    expect((panel.x as { label: string }).label).toBe('money.x');
  });

  it('leaves out a part of 0 (no fines taken), from the bars and so from the legend', () => {
    const arms = armsOf(comparison).map((a) => ({
      ...a,
      money: { ...a.money, parts: a.money.parts.map((p) => (p.part === 'fines' ? { ...p, cny: 0 } : p)) },
    }));
    const figure = orderMoneyChart(arms, 'zh', text);
    expect(dataOf<MoneyBar>(figure.panels[0] ?? {}, 'bar').some((b) => b.label.startsWith('罚款'))).toBe(false);
    expect((figure.panels[0]?.color as { domain: string[] }).domain.some((l) => l.startsWith('罚款'))).toBe(false);
  });

  it('writes a loss with a real minus sign and two decimals', () => {
    expect(moneyText(-1.8456)).toBe('−1.85');
    expect(moneyText(8450.00000001)).toBe('8,450.00');
    expect(moneyText(-0.001)).toBe('0.00');
  });
});
