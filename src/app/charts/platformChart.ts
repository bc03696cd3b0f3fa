/** The platform side: delivery revenue, courier pay and margin per day, bars per arm in each group. */
import * as Plot from '@observablehq/plot';
import type { ChartArm, ChartFigure } from './chartTypes.ts';
import { armColour } from './palette.ts';

/** Texts of the platform chart: the y label (with unit) and the three measures' names. */
export interface PlatformText {
  title: string;
  caption: string;
  y: string;
  revenue: string;
  courierPay: string;
  margin: string;
}

/** One measure of one arm, CNY per day. */
export interface PlatformBar {
  arm: string;
  measure: string;
  cnyPerDay: number;
}

/** The chart's data: revenue, courier pay and margin of every arm. */
export function platformBars(arms: readonly ChartArm[], text: PlatformText): PlatformBar[] {
  return arms.flatMap((arm) => [
    { arm: arm.name, measure: text.revenue, cnyPerDay: arm.metrics.platform.deliveryRevenue },
    { arm: arm.name, measure: text.courierPay, cnyPerDay: arm.metrics.platform.courierPay },
    { arm: arm.name, measure: text.margin, cnyPerDay: arm.metrics.platform.margin },
  ]);
}

/** The platform chart: one group per measure, one bar per arm. */
export function platformChart(arms: readonly ChartArm[], text: PlatformText): ChartFigure {
  const bars = platformBars(arms, text);
  const names = arms.map((a) => a.name);
  return {
    title: text.title,
    caption: text.caption,
    layout: 'column',
    panels: [
      {
        height: 300,
        marginLeft: 64,
        marginBottom: 36,
        fx: { label: null, domain: [text.revenue, text.courierPay, text.margin], padding: 0.12 },
        x: { axis: null, domain: names, padding: 0.1 },
        y: { label: text.y, grid: true, zero: true },
        color: { domain: names, range: names.map((_, i) => armColour(i)), legend: true },
        marks: [
          Plot.barY(bars, { fx: 'measure', x: 'arm', y: 'cnyPerDay', fill: 'arm', fillOpacity: 0.85 }),
          Plot.text(bars, {
            fx: 'measure',
            x: 'arm',
            y: 'cnyPerDay',
            text: (d: PlatformBar) => Math.round(d.cnyPerDay).toLocaleString('en-US'),
            dy: -8,
            fontSize: 10,
          }),
          Plot.ruleY([0]),
          Plot.tip(bars, Plot.pointerX({ fx: 'measure', x: 'arm', y: 'cnyPerDay', channels: { measure: 'measure' } })),
        ],
      },
    ],
  };
}
