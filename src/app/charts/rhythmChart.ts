/** The day's rhythm: on-time rate, promised minutes and speeding by hour of day, one line per arm. */
import * as Plot from '@observablehq/plot';
import type { ChartArm, ChartFigure } from './chartTypes.ts';
import { armColour, armDash } from './palette.ts';

/** Texts of the rhythm chart: the hour axis and one y label (with unit) per panel. */
export interface RhythmText {
  title: string;
  caption: string;
  x: string;
  onTime: string;
  promised: string;
  speeding: string;
}

/** One hour of one arm, in display units (percent for shares). */
export interface RhythmPoint {
  arm: string;
  hour: number;
  onTimePct: number;
  promisedMin: number;
  speedingPct: number;
}

/** The chart's data: hours in which orders were placed, for every arm. */
export function rhythmPoints(arms: readonly ChartArm[]): RhythmPoint[] {
  return arms.flatMap((arm) =>
    arm.perHour
      .filter((h) => h.ordersPlaced > 0)
      .map((h) => ({
        arm: arm.name,
        hour: h.hour,
        onTimePct: h.onTimeRate * 100,
        promisedMin: h.promisedMinMean,
        speedingPct: h.speedingKmShare * 100,
      })),
  );
}

function panel(
  arms: readonly ChartArm[],
  points: readonly RhythmPoint[],
  y: keyof RhythmPoint,
  x: string,
  yLabel: string,
  legend: boolean,
): Plot.PlotOptions {
  const names = arms.map((a) => a.name);
  return {
    height: 200,
    marginLeft: 56,
    x: { label: x, domain: [0, 24], ticks: 12 },
    y: { label: yLabel, grid: true, zero: true },
    color: { domain: names, range: names.map((_, i) => armColour(i)), legend },
    marks: [
      ...arms.map((arm, i) =>
        Plot.line(
          points.filter((p) => p.arm === arm.name),
          { x: 'hour', y, stroke: 'arm', strokeWidth: 2, strokeDasharray: armDash(i), marker: 'circle' },
        ),
      ),
      Plot.tip(points, Plot.pointer({ x: 'hour', y, channels: { arm: 'arm' } })),
    ],
  };
}

/** The rhythm chart: three panels sharing the hour axis; the first carries the legend. */
export function rhythmChart(arms: readonly ChartArm[], text: RhythmText): ChartFigure {
  const points = rhythmPoints(arms);
  return {
    title: text.title,
    caption: text.caption,
    layout: 'column',
    panels: [
      panel(arms, points, 'onTimePct', text.x, text.onTime, true),
      panel(arms, points, 'promisedMin', text.x, text.promised, false),
      panel(arms, points, 'speedingPct', text.x, text.speeding, false),
    ],
  };
}
