/** The trade-off along a sweep: platform margin against a cost to couriers, one path per arm, points labelled. */
import * as Plot from '@observablehq/plot';
import { metricAt, type SweepResult } from '../../analysis/index.ts';
import type { ChartFigure } from './chartTypes.ts';
import { armColour, armDash } from './palette.ts';
import { metricLabel, type SweepMetric } from './sweepChart.ts';

/** Texts of the trade-off chart. */
export interface TradeoffText {
  title: string;
  caption: string;
}

/** One sweep point of one arm. */
export interface TradeoffPoint {
  arm: string;
  value: number;
  x: number;
  y: number;
}

/** The chart's data: each arm's metrics at every sweep point, in display units. */
export function tradeoffPoints(
  sweep: SweepResult,
  names: Readonly<Record<string, string>>,
  x: SweepMetric,
  y: SweepMetric,
): TradeoffPoint[] {
  return sweep.points.flatMap((point) =>
    point.arms.map((arm) => ({
      arm: names[arm.id] ?? arm.id,
      value: point.value,
      x: (metricAt(arm.metrics, x.path) ?? Number.NaN) * x.scale,
      y: (metricAt(arm.metrics, y.path) ?? Number.NaN) * y.scale,
    })),
  );
}

/** The trade-off chart: x and y are metrics (e.g. platform margin and relative crash risk). */
export function tradeoffChart(
  sweep: SweepResult,
  names: Readonly<Record<string, string>>,
  x: SweepMetric,
  y: SweepMetric,
  text: TradeoffText,
): ChartFigure {
  const points = tradeoffPoints(sweep, names, x, y);
  const armNames = [...new Set(points.map((p) => p.arm))];
  return {
    title: text.title,
    caption: text.caption,
    layout: 'column',
    panels: [
      {
        height: 340,
        marginLeft: 60,
        marginRight: 30,
        x: { label: metricLabel(x), grid: true },
        y: { label: metricLabel(y), grid: true },
        color: { domain: armNames, range: armNames.map((_, i) => armColour(i)), legend: true },
        marks: [
          ...armNames.map((arm, i) =>
            Plot.line(
              points.filter((p) => p.arm === arm),
              { x: 'x', y: 'y', stroke: 'arm', strokeWidth: 1.5, strokeDasharray: armDash(i), sort: 'value' },
            ),
          ),
          Plot.dot(points, { x: 'x', y: 'y', fill: 'arm', r: 4 }),
          Plot.text(points, { x: 'x', y: 'y', text: (p: TradeoffPoint) => String(p.value), dy: -10, fontSize: 10 }),
          Plot.tip(points, Plot.pointer({ x: 'x', y: 'y', channels: { arm: 'arm', value: 'value' } })),
        ],
      },
    ],
  };
}
