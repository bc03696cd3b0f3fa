import type * as Plot from '@observablehq/plot';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/analysis/index.ts';
import type { ChartArm } from '../../src/app/charts/chartTypes.ts';
import { earningsChart, earningsRows } from '../../src/app/charts/earningsChart.ts';
import { ARM_COLOURS } from '../../src/app/charts/palette.ts';
import { platformBars, platformChart } from '../../src/app/charts/platformChart.ts';
import type { RangeRow, ReferenceLine } from '../../src/app/charts/rangePanel.ts';
import { rhythmChart, rhythmPoints } from '../../src/app/charts/rhythmChart.ts';
import { safetyChart } from '../../src/app/charts/safetyChart.ts';
import { workloadChart } from '../../src/app/charts/workloadChart.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { chartArms, dataOf, marksOf, smallComparison } from './fixtures.ts';

let scenario: Scenario;
let comparison: Comparison;
let arms: ChartArm[];

beforeAll(async () => {
  ({ scenario, comparison } = await smallComparison());
  arms = chartArms(comparison);
});

/** The labelled reference lines (limits, standards) of a panel. */
const referencesOf = (panel: Plot.PlotOptions) =>
  dataOf<unknown>(panel, 'rule').filter((r): r is ReferenceLine => typeof r === 'object' && r !== null && 'label' in r);

const text = (prefix: string) =>
  new Proxy({} as Record<string, string>, { get: (_, key) => `${prefix}.${String(key)}` }) as never;

describe('earningsChart', () => {
  it('draws each arm’s p10–p90 of net pay per online hour, its median and mean, and the minimum wage line', () => {
    const figure = earningsChart(arms, scenario.standards.minHourlyWage, text('earnings'));
    expect(figure.title).toBe('earnings.title');
    expect(figure.caption).toBe('earnings.caption');
    expect(figure.panels).toHaveLength(1);
    const panel = figure.panels[0] ?? {};
    const rows = dataOf<RangeRow>(panel, 'rule').filter((r) => typeof r === 'object' && 'p10' in r);
    expect(rows).toEqual(earningsRows(arms));
    expect(rows.map((r) => r.p50)).toEqual(comparison.arms.map((a) => a.metrics.earnings.netPerOnlineHour.p50));
    expect(referencesOf(panel)).toEqual([{ x: scenario.standards.minHourlyWage, label: 'earnings.minWage' }]);
    expect(marksOf(panel).filter((m) => m.kind === 'dot')).toHaveLength(2); // median and mean
    expect((panel.x as { label: string }).label).toBe('earnings.x');
    expect((panel.color as { range: string[] }).range).toEqual(ARM_COLOURS.slice(0, arms.length));
  });
});

describe('workloadChart', () => {
  it('has panels for online hours (with the standard-day and legal-limit lines), orders and km per courier-day', () => {
    const figure = workloadChart(arms, scenario.standards, text('workload'));
    expect(figure.panels).toHaveLength(3);
    const [hours, orders, km] = figure.panels.map((p) => dataOf<RangeRow>(p, 'rule').filter((r) => 'p10' in r));
    expect(hours?.map((r) => r.p90)).toEqual(comparison.arms.map((a) => a.metrics.workload.onlineHours.p90));
    expect(orders?.map((r) => r.mean)).toEqual(comparison.arms.map((a) => a.metrics.workload.ordersPerCourierDay.mean));
    expect(km?.map((r) => r.p10)).toEqual(comparison.arms.map((a) => a.metrics.workload.kmPerCourierDay.p10));
    const lines = referencesOf(figure.panels[0] ?? {});
    const { standardDailyHours, maxDailyOvertime } = scenario.standards;
    expect(lines.map((l) => l.x)).toEqual([standardDailyHours, standardDailyHours + maxDailyOvertime]);
  });
});

describe('safetyChart', () => {
  it('shows speeding in percent, red-light runs and relative crash risk per arm, with the scorecard limits', () => {
    const figure = safetyChart(arms, scenario.compliance, text('safety'));
    expect(figure.panels).toHaveLength(3);
    const bars = figure.panels.map((p) => dataOf<{ arm: string; value: number }>(p, 'bar'));
    expect(bars[0]?.map((b) => b.value)).toEqual(comparison.arms.map((a) => a.metrics.safety.speedingKmShare * 100));
    expect(bars[1]?.map((b) => b.value)).toEqual(
      comparison.arms.map((a) => a.metrics.safety.redLightRunsPerCourierDay),
    );
    expect(bars[2]?.map((b) => b.value)).toEqual(comparison.arms.map((a) => a.metrics.safety.relativeCrashRisk));
    const limits = figure.panels.map((p) => referencesOf(p));
    expect(limits[0]?.map((l) => l.x)).toEqual([scenario.compliance.speedingKmMaxShare * 100]);
    expect(limits[2]?.map((l) => l.x)).toEqual([1, scenario.compliance.relativeCrashRiskMax]);
  });
});

describe('rhythmChart', () => {
  it('draws on-time rate, promised minutes and speeding by hour, one line per arm, only hours with orders', () => {
    const points = rhythmPoints(arms);
    const withOrders = comparison.arms.flatMap((a) => a.perHour.filter((h) => h.ordersPlaced > 0));
    expect(points).toHaveLength(withOrders.length);
    expect(points.every((p) => p.hour >= 0 && p.hour < 24)).toBe(true);
    const figure = rhythmChart(arms, text('rhythm'));
    expect(figure.panels).toHaveLength(3);
    for (const panel of figure.panels) {
      expect(marksOf(panel).filter((m) => m.kind === 'line')).toHaveLength(arms.length);
    }
    expect((figure.panels[0]?.y as { label: string }).label).toBe('rhythm.onTime');
  });
});

describe('platformChart', () => {
  it('shows revenue, courier pay and margin per day for every arm', () => {
    const bars = platformBars(arms, text('platform'));
    expect(bars).toHaveLength(3 * arms.length);
    const first = comparison.arms[0];
    expect(bars.slice(0, 3).map((b) => b.cnyPerDay)).toEqual([
      first?.metrics.platform.deliveryRevenue,
      first?.metrics.platform.courierPay,
      first?.metrics.platform.margin,
    ]);
    const figure = platformChart(arms, text('platform'));
    expect(dataOf(figure.panels[0] ?? {}, 'bar')).toEqual(bars);
    expect((figure.panels[0]?.y as { label: string }).label).toBe('platform.y');
  });
});
