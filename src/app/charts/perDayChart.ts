/** The ratchet: mean promised minutes per day, one line per arm. */
import * as Plot from '@observablehq/plot';
import type { ChartArm, ChartText } from './chartTypes.ts';
import { armColour, armDash } from './palette.ts';

const WIDTH = 640;
const HEIGHT = 320;

/** One point of the chart: day (1-based, as people count) and promised minutes of one arm. */
export interface PerDayPoint {
  arm: string;
  day: number;
  promisedMin: number;
}

/** The chart's data: every arm's days, numbered from 1. */
export function perDayPoints(arms: readonly ChartArm[]): PerDayPoint[] {
  return arms.flatMap((arm) =>
    arm.perDay.map((d) => ({ arm: arm.name, day: d.day + 1, promisedMin: d.promisedMinMean })),
  );
}

/** Plot options of the ratchet chart. */
export function perDayChart(arms: readonly ChartArm[], text: ChartText): Plot.PlotOptions {
  const points = perDayPoints(arms);
  const days = Math.max(1, ...points.map((p) => p.day));
  return {
    title: text.title,
    caption: text.caption,
    width: WIDTH,
    height: HEIGHT,
    marginLeft: 56,
    x: { label: text.x, domain: [0.5, days + 0.5], ticks: Math.min(days, 10), tickFormat: 'd' },
    y: { label: text.y, grid: true, zero: true },
    color: { domain: arms.map((a) => a.name), range: arms.map((_, i) => armColour(i)), legend: true },
    marks: [
      ...arms.map((arm, i) =>
        Plot.line(
          points.filter((p) => p.arm === arm.name),
          { x: 'day', y: 'promisedMin', stroke: 'arm', strokeWidth: 2, strokeDasharray: armDash(i), marker: 'circle' },
        ),
      ),
      Plot.tip(points, Plot.pointer({ x: 'day', y: 'promisedMin', channels: { arm: 'arm' } })),
    ],
  };
}
