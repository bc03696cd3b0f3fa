// The pack's SVG charts: standalone, labelled, escaped, with the reference lines the report describes.
import { describe, expect, it } from 'vitest';
import { ARM_COLOURS, niceMax, niceTicks, powerOfTenBelow } from '../../src/evidence/charts/svg.ts';
import { headlineChartSvg } from '../../src/evidence/charts/headlineChart.ts';
import { perDayChartSvg } from '../../src/evidence/charts/perDayChart.ts';
import { speedChartSvg } from '../../src/evidence/charts/speedChart.ts';
import { orderMoneyChartSvg } from '../../src/evidence/charts/orderMoneyChart.ts';
import { earningsChartSvg } from '../../src/evidence/charts/earningsChart.ts';
import { dayOf, platformFinesMoney } from './fixtures.ts';

const day = dayOf;

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
    expect(svg).toContain('15 公里/小时：非机动车道限速');
    expect(svg).toContain('25 km/h e-bike design limit (GB 17761-2018)');
    expect(svg.match(/stroke-dasharray="4,3"/g)).toHaveLength(2);
  });

  it('draw each language alone for the report, both together for the pack’s files', () => {
    const histogram = Array.from({ length: 40 }, (_, i) => (i > 10 && i < 30 ? 50 : 0));
    const zh = speedChartSvg([{ name: '最严算法', speedHistogramKm: histogram }], 'zh');
    const en = speedChartSvg([{ name: 'Strictest algorithm', speedHistogramKm: histogram }], 'en');
    expect(zh).toContain('<title>各速度区间的骑行里程</title>');
    expect(zh).toContain('速度（公里/小时）');
    // Nothing English in the Chinese chart, nothing Chinese in the English one (numbers and units aside).
    const words = (svg: string) => svg.replace(/<[^>]+>/g, ' ');
    expect(words(zh)).not.toMatch(/[A-Za-z]{2,}/);
    expect(words(en)).not.toMatch(/\p{Script=Han}/u);
    const both = perDayChartSvg([{ name: 'A', perDay: [day(0, 30), day(1, 27)] }]);
    expect(both).toContain('每日平均承诺配送时长 / Mean promised delivery time per day');
    const perDayEn = perDayChartSvg([{ name: 'A', perDay: [day(0, 30), day(1, 27)] }], undefined, 'en');
    expect(perDayEn).toContain('<title>Mean promised delivery time per day</title>');
  });

  it('draw pay per online hour against the minimum wage, with each arm’s share below it', () => {
    const arms = [
      {
        name: '最严算法（p10）',
        netPerOnlineHour: { mean: 18.6, p10: 14.5, p50: 18.2, p90: 22.9 },
        shareBelowMinWage: 0.779,
      },
      {
        name: '算法取中 <b>',
        netPerOnlineHour: { mean: 20.7, p10: 16.9, p50: 20.4, p90: 24.8 },
        shareBelowMinWage: 0.5245,
      },
    ];
    const zh = earningsChartSvg(arms, 21, 'zh');
    expect(balanced(zh)).toBe(true);
    expect(zh).toContain('<title>骑手每在线小时的净收入与最低工资</title>');
    expect(zh).toContain('最低工资 21 元/小时');
    // The share is written as the cards and the report write it (toFixed on the percentage: 52.45 shows 52.4).
    expect(zh).toContain('77.9% 的骑手日低于最低工资');
    expect(zh).toContain(`${(0.5245 * 100).toFixed(1)}% 的骑手日低于最低工资`);
    expect(zh).toContain('算法取中 &lt;b&gt;');
    // One p10–p90 bar, one median dot and one mean diamond per arm, and the dashed wage line.
    expect(zh.match(/fill-opacity="0.45"/g)).toHaveLength(3); // two bars and the key's swatch
    expect(zh.match(/<circle/g)).toHaveLength(3);
    expect(zh.match(/stroke-dasharray="5,3"/g)).toHaveLength(1);
    const en = earningsChartSvg(arms, 21, 'en');
    expect(en).toContain('minimum wage 21 CNY/h');
    expect(en).toContain('77.9% of courier-days below it');
    // Its own words in English only (the arms' names are the caller's).
    expect(en).not.toMatch(/骑手|工资|平均数|中位数|百分位/);
  });

  it('draw each arm’s order money as a stacked bar, a loss left of zero and the revenue as a tick', () => {
    const money = platformFinesMoney;
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
