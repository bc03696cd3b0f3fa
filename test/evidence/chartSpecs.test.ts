// The chart specs: one description per chart that the workbench (Plot) and the pack (SVG) both draw.
import { beforeAll, describe, expect, it } from 'vitest';
import { compare, type Comparison } from '../../src/analysis/index.ts';
import { earningsSpec } from '../../src/evidence/chartSpecs/earningsSpec.ts';
import { orderMoneySpec } from '../../src/evidence/chartSpecs/orderMoneySpec.ts';
import { ARM_COLOURS, ARM_DASHES } from '../../src/evidence/chartSpecs/palette.ts';
import {
  perDayRows,
  perDaySpec,
  PROMISED_SERIES,
  RISK_TOLERANCE_SERIES,
} from '../../src/evidence/chartSpecs/perDaySpec.ts';
import { MIN_SPEED_AXIS_KMH, speedRows, speedSpec } from '../../src/evidence/chartSpecs/speedSpec.ts';
import { earningsChartSvg, earningsSpecSvg } from '../../src/evidence/charts/earningsChart.ts';
import { orderMoneyChartSvg, orderMoneySpecSvg } from '../../src/evidence/charts/orderMoneyChart.ts';
import { perDayChartSvg, perDaySpecSvg } from '../../src/evidence/charts/perDayChart.ts';
import { speedChartSvg, speedSpecSvg } from '../../src/evidence/charts/speedChart.ts';
import { metricAxisTitle } from '../../src/evidence/metricText.ts';
import { orderMoney } from '../../src/evidence/orderMoney.ts';
import { dayOf, platformFinesMoney, scenarioOf, TINY } from './fixtures.ts';

const day = dayOf;

describe('perDaySpec', () => {
  it('has a line per arm with its palette entry, days counted from 1, and the series’ texts', () => {
    const spec = perDaySpec([
      { name: 'A', perDay: [day(0, 30), day(1, 27), day(2, 26)] },
      { name: 'B', perDay: [day(0, 30), day(1, Number.NaN)] },
    ]);
    expect(spec.series).toBe(PROMISED_SERIES);
    expect(spec.days).toBe(3);
    expect(spec.lines.map((l) => [l.name, l.colour, l.dash])).toEqual([
      ['A', ARM_COLOURS[0], ARM_DASHES[0]],
      ['B', ARM_COLOURS[1], ARM_DASHES[1]],
    ]);
    // A missing value stays in the rows (Plot breaks the line there; the SVG leaves the point out).
    expect(perDayRows(spec)).toEqual([
      { arm: 'A', day: 1, value: 30 },
      { arm: 'A', day: 2, value: 27 },
      { arm: 'A', day: 3, value: 26 },
      { arm: 'B', day: 1, value: 30 },
      { arm: 'B', day: 2, value: Number.NaN },
    ]);
    expect(spec.x).toEqual({ zh: '第几天', en: 'Day' });
    expect(spec.series.axis).toEqual({ zh: '承诺时长（分钟）', en: 'Promised minutes' });
  });

  it('reads the risk tolerance with its fixed 0–1 range, a series of the metric catalogue', () => {
    const spec = perDaySpec([{ name: 'A', perDay: [day(0, 30, 0.4), day(1, 27, 0.6)] }], RISK_TOLERANCE_SERIES);
    expect(spec.lines[0]?.points.map((p) => p.value)).toEqual([0.4, 0.6]);
    expect(spec.series.domain).toEqual([0, 1]);
    for (const s of [PROMISED_SERIES, RISK_TOLERANCE_SERIES]) expect(metricAxisTitle(s.metric).en).not.toBe('');
  });
});

describe('speedSpec', () => {
  it('cuts the bins one past the fastest used, at least 30 km/h, and carries the 15 and 25 km/h lines', () => {
    const histogram = Array.from({ length: 60 }, (_, i) => (i === 40 ? 2 : i < 20 ? 1 : 0));
    const spec = speedSpec([
      { name: 'A', speedHistogramKm: histogram },
      { name: 'B', speedHistogramKm: [3, 4] },
    ]);
    expect(spec.bins).toBe(42);
    expect(spec.lines[0]?.km).toHaveLength(42);
    expect(spec.lines[1]?.km).toEqual([3, 4]);
    expect(spec.rules.map((r) => r.at)).toEqual([15, 25]);
    expect(spec.rules[1]?.label.en).toBe('25 km/h e-bike design limit (GB 17761-2018)');
    expect(speedRows(spec).filter((p) => p.arm === 'B')).toEqual([
      { arm: 'B', speedKmh: 0.5, km: 3 },
      { arm: 'B', speedKmh: 1.5, km: 4 },
    ]);
    expect(speedSpec([{ name: 'A', speedHistogramKm: [1, 1] }]).bins).toBe(MIN_SPEED_AXIS_KMH);
  });
});

describe('earningsSpec', () => {
  it('has a row per arm with its distribution and share below the wage, and the wage as a reference line', () => {
    const dist = { mean: 20, p10: 12, p50: 19, p90: 28 };
    const spec = earningsSpec([{ name: 'A', netPerOnlineHour: dist, shareBelowMinWage: 0.524 }], 21);
    expect(spec.rows).toEqual([
      {
        name: 'A',
        colour: ARM_COLOURS[0],
        dash: ARM_DASHES[0],
        dist,
        below: { zh: '52.4% 的骑手日低于最低工资', en: '52.4% of courier-days below it' },
      },
    ]);
    expect(spec.minWage).toEqual({ at: 21, label: { zh: '最低工资 21 元/小时', en: 'minimum wage 21 CNY/h' } });
    expect(spec.x).toEqual(metricAxisTitle('earnings.netPerOnlineHour.mean'));
    expect(earningsSpec([], 21.5).minWage.label.en).toBe('minimum wage 21.50 CNY/h');
  });
});

describe('orderMoneySpec', () => {
  const money = platformFinesMoney;

  it('stacks each arm’s parts, a loss left of zero, and leaves a part zero everywhere out of the legend', () => {
    const spec = orderMoneySpec(
      [
        { name: 'A', money: money(5.6, 1.18) },
        { name: 'B', money: money(4, 0) },
      ],
      48,
    );
    const a = spec.bars[0]?.stack ?? [];
    expect(a.map((s) => s.segment.key)).toEqual([
      'couriers',
      'fines-platform',
      'otherCosts',
      'platform-loss-besides-fines',
    ]);
    expect([a[3]?.from, a[3]?.to]).toEqual([expect.closeTo(-1.85, 9), 0]);
    expect(spec.lo).toBeCloseTo(-1.85, 9);
    expect(spec.hi).toBeCloseTo(8.35, 9);
    expect(spec.legend.map((s) => s.key)).toEqual([
      'couriers',
      'fines-platform',
      'otherCosts',
      'platform-loss-besides-fines',
      'platform',
    ]);
    const noFines = orderMoneySpec([{ name: 'B', money: money(4, 0) }], 48);
    expect(noFines.legend.map((s) => s.key)).toEqual(['couriers', 'otherCosts', 'platform']);
    expect(spec.foodNote.en).toBe('Food value left out (48.00 CNY an order, customer to merchant)');
  });
});

describe('the specs of a comparison', () => {
  let comparison: Comparison;
  beforeAll(async () => {
    comparison = await compare(scenarioOf(TINY));
  });

  it('hold the comparison’s own numbers, and the pack’s SVG is the drawing of the spec', () => {
    const names = comparison.arms.map((a) => a.id);
    const perDay = comparison.arms.map((a, i) => ({ name: names[i] ?? '', perDay: a.perDay }));
    const days = perDaySpec(perDay);
    expect(days.lines.map((l) => l.points.map((p) => p.value))).toEqual(
      comparison.arms.map((a) => a.perDay.map((d) => d.promisedMinMean)),
    );
    expect(perDaySpecSvg(days, 'en')).toBe(perDayChartSvg(perDay, PROMISED_SERIES, 'en'));

    const speed = comparison.arms.map((a, i) => ({ name: names[i] ?? '', speedHistogramKm: a.speedHistogramKm }));
    expect(speedSpecSvg(speedSpec(speed))).toBe(speedChartSvg(speed));

    const earnings = comparison.arms.map((a, i) => ({
      name: names[i] ?? '',
      netPerOnlineHour: a.metrics.earnings.netPerOnlineHour,
      shareBelowMinWage: a.metrics.earnings.shareBelowMinWage,
    }));
    const spec = earningsSpec(earnings, 21);
    expect(spec.rows.map((r) => r.dist.p50)).toEqual(
      comparison.arms.map((a) => a.metrics.earnings.netPerOnlineHour.p50),
    );
    expect(earningsSpecSvg(spec, 'zh')).toBe(earningsChartSvg(earnings, 21, 'zh'));

    const arms = comparison.arms.map((a, i) => ({ name: names[i] ?? '', money: orderMoney(a.money) }));
    const money = orderMoneySpec(arms, 48);
    expect(money.bars.map((b) => b.money.revenue)).toEqual(arms.map((a) => a.money.revenue));
    expect(orderMoneySpecSvg(money, 'both')).toBe(orderMoneyChartSvg(arms, 48, 'both'));
  });
});
