/**
 * The ratchet, day by day, one line per arm: mean promised minutes (the platform's side) or the couriers' mean risk
 * tolerance (their side: it rises after days with too many late orders).
 */
import * as Plot from '@observablehq/plot';
import type { DayMetrics } from '../../sim/results.ts';
import type { ChartArm, ChartText } from './chartTypes.ts';
import { armColour, armDash } from './palette.ts';

const WIDTH = 640;
const HEIGHT = 320;

/** The per-day series a chart can draw. */
export type PerDayField = 'promisedMinMean' | 'meanRiskTolerance';

/** One point of the chart: day (1-based, as people count) and the day's value of one arm. */
export interface PerDayPoint {
  arm: string;
  day: number;
  value: number;
}

/** The chart's data: every arm's days, numbered from 1. */
export function perDayPoints(arms: readonly ChartArm[], field: PerDayField = 'promisedMinMean'): PerDayPoint[] {
  return arms.flatMap((arm) => arm.perDay.map((d: DayMetrics) => ({ arm: arm.name, day: d.day + 1, value: d[field] })));
}

/** Plot options of a per-day chart (by default the ratchet of promised minutes). */
export function perDayChart(
  arms: readonly ChartArm[],
  text: ChartText,
  field: PerDayField = 'promisedMinMean',
): Plot.PlotOptions {
  const points = perDayPoints(arms, field);
  const days = Math.max(1, ...points.map((p) => p.day));
  return {
    title: text.title,
    caption: text.caption,
    width: WIDTH,
    height: HEIGHT,
    marginLeft: 56,
    x: { label: text.x, domain: [0.5, days + 0.5], ticks: Math.min(days, 10), tickFormat: 'd' },
    y: { label: text.y, grid: true, zero: true, ...(field === 'meanRiskTolerance' ? { domain: [0, 1] } : {}) },
    color: { domain: arms.map((a) => a.name), range: arms.map((_, i) => armColour(i)), legend: true },
    marks: [
      ...arms.map((arm, i) =>
        Plot.line(
          points.filter((p) => p.arm === arm.name),
          { x: 'day', y: 'value', stroke: 'arm', strokeWidth: 2, strokeDasharray: armDash(i), marker: 'circle' },
        ),
      ),
      Plot.tip(points, Plot.pointer({ x: 'day', y: 'value', channels: { arm: 'arm' } })),
    ],
  };
}
