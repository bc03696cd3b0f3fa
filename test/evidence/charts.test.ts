// The pack's SVG charts: standalone, labelled, escaped, with the reference lines the report describes.
import { describe, expect, it } from 'vitest';
import { ARM_COLOURS, niceMax, niceTicks, powerOfTenBelow } from '../../src/evidence/charts/svg.ts';
import { headlineChartSvg } from '../../src/evidence/charts/headlineChart.ts';
import { perDayChartSvg } from '../../src/evidence/charts/perDayChart.ts';
import { speedChartSvg } from '../../src/evidence/charts/speedChart.ts';
import { orderMoneyChartSvg } from '../../src/evidence/charts/orderMoneyChart.ts';
import type { OrderMoney } from '../../src/evidence/orderMoney.ts';
import type { DayMetrics } from '../../src/sim/results.ts';

const day = (d: number, promisedMinMean: number): DayMetrics => ({
  day: d,
  promisedMinMean,
  onTimeRate: 0.5,
  speedingKmShare: 0.1,
  relativeCrashRisk: 1.2,
  shareBelowMinWage: 0.3,
  meanRiskTolerance: 0.5,
  onlineHoursMean: 9,
});

/** Start and end tags balance (a cheap well-formedness check without an XML parser). */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, close, name = '', selfClosing] = m;
    if (selfClosing) continue;
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name);
  }
  return stack.length === 0;
}

describe('SVG charts', () => {
  it('draw promised minutes per day, one series per arm, with escaped names', () => {
    const svg = perDayChartSvg([
      { name: 'A <b>&', perDay: [day(0, 30), day(1, 27), day(2, 26)] },
      { name: 'B', perDay: [day(0, 30), day(1, 30), day(2, 30)] },
    ]);
    expect(balanced(svg)).toBe(true);
    expect(svg).toContain('A &lt;b&gt;&amp;');
    expect(svg).toContain('每日平均承诺配送时长 / Mean promised delivery time per day');
    expect(svg.match(/<path d="M/g)).toHaveLength(2);
    expect(svg).toContain(`stroke="${ARM_COLOURS[0]}"`);
    expect(svg).toContain(`stroke="${ARM_COLOURS[1]}" stroke-width="2.5" stroke-dasharray="7,3"`);
  });

  it('draw headline metrics as bars with interval whiskers, and a reference line', () => {
    const svg = headlineChartSvg(
      ['A', 'B'],
      [
        {
          title: { zh: '风险', en: 'Risk' },
          scale: 1,
          digits: 2,
          suffix: '',
          reference: 1,
          arms: [
            { mean: 1.5, lo: 1.4, hi: 1.6 },
            { mean: 1.2, lo: 1.2, hi: 1.2 },
          ],
        },
        {
          title: { zh: '净收入', en: 'Net' },
          scale: 1,
          digits: 2,
          suffix: '',
          arms: [
            { mean: -2, lo: -3, hi: -1 },
            { mean: Number.NaN, lo: Number.NaN, hi: Number.NaN },
          ],
        },
      ],
    );
    expect(balanced(svg)).toBe(true);
    expect(svg.match(/<rect x=/g)).toHaveLength(3); // the NaN arm has no bar
    expect(svg.match(/stroke-width="1.5"/g)).toHaveLength(2); // whiskers only where there is an interval
    expect(svg).toContain('stroke-dasharray="4,3"');
    expect(svg).toContain('>1.50</text>');
    expect(svg).toContain('>-2.00</text>');
  });

  it('draw km by speed with the 15 and 25 km/h lines labelled', () => {
    const histogram = Array.from({ length: 50 }, (_, i) => (i > 10 && i < 35 ? 100 - Math.abs(i - 17) * 4 : 0));
    const svg = speedChartSvg([{ name: 'A', speedHistogramKm: histogram }]);
    expect(balanced(svg)).toBe(true);
    expect(svg).toContain('15 km/h 非机动车道限速');
    expect(svg).toContain('e-bike design limit (GB 17761-2018)');
    expect(svg.match(/stroke-dasharray="4,3"/g)).toHaveLength(2);
  });

  it('draw each arm’s order money as a stacked bar, a loss left of zero and the revenue as a tick', () => {
    const money = (couriers: number, fines: number): OrderMoney => ({
      revenue: 6.5,
      parts: [
        { part: 'couriers', cny: couriers },
        { part: 'fines', cny: fines },
        { part: 'otherCosts', cny: 1.57 },
        { part: 'platform', cny: 6.5 - couriers - fines - 1.57 },
      ],
      finesTo: 'platform',
      compensationByPlatform: false,
      operatingProfit: 6.5 - couriers - 1.57,
    });
    const svg = orderMoneyChartSvg(
      [
        { name: 'A <b>&', money: money(5.6, 1.18) },
        { name: 'B', money: money(4, 0.5) },
      ],
      48,
    );
    expect(balanced(svg)).toBe(true);
    expect(svg).toContain('A &lt;b&gt;&amp;');
    expect(svg).toContain('每单配送钱款的去向 / Where the delivery money of an order goes');
    // Four parts of A, four of B (B's platform part is positive), and the legend's five swatches.
    expect(svg.match(/<rect x=/g)).toHaveLength(8 + 5);
    expect(svg).toContain('>-1.85</text>');
    // B's platform part (0.43) is too narrow for its number; the note under the bar says the profit.
    expect(svg).not.toContain('>0.43</text>');
    expect(svg).toContain('平台每单收入 6.50 元，利润 0.93 元（含罚款 0.50 元）');
    expect(svg).toContain('平台亏损（罚款以外） / Platform: loss, besides fines');
    expect(svg).toContain('平台所得（罚款以外） / Platform: left over, besides fines');
    expect(svg).toContain('平台每单收入 6.50 元，利润 -0.67 元（含罚款 1.18 元）');
    expect(svg).toContain('Food value left out (48.00 CNY an order, customer to merchant)');
    // The revenue ticks: one per arm, plus the legend's.
    expect(svg.match(/stroke-width="2.5"/g)).toHaveLength(3);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('leave a part that is 0 for every arm out of the order-money legend (points instead of fines)', () => {
    const svg = orderMoneyChartSvg(
      [
        {
          name: 'A',
          money: {
            revenue: 6.5,
            parts: [
              { part: 'couriers', cny: 6 },
              { part: 'fines', cny: 0 },
              { part: 'otherCosts', cny: 1.5 },
              { part: 'platform', cny: -1 },
            ],
            finesTo: 'platform',
            compensationByPlatform: false,
            operatingProfit: -1,
          },
        },
      ],
      48,
    );
    expect(balanced(svg)).toBe(true);
    expect(svg).not.toContain('罚款（归平台）');
    expect(svg.match(/<rect x=/g)).toHaveLength(3 + 3); // three drawn parts, three legend swatches
  });

  it('choose round ticks without logarithms', () => {
    expect(niceTicks(0, 40)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(0, 1.56, 4)).toEqual([0, 0.5, 1, 1.5]);
    expect(niceTicks(-3, 0, 4)).toEqual([-3, -2, -1, 0]);
    expect(niceMax(1.56, 4)).toBe(2);
    expect(niceMax(31)).toBe(40);
    expect([powerOfTenBelow(0.0023), powerOfTenBelow(7), powerOfTenBelow(10), powerOfTenBelow(999)]).toEqual([
      0.001, 1, 10, 100,
    ]);
  });
});
