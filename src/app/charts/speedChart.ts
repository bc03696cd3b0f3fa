/** Kilometres ridden by speed, one line per arm, with the 15 km/h lane limit and the 25 km/h e-bike design limit. */
import * as Plot from '@observablehq/plot';
import type { ChartArm, ChartText } from './chartTypes.ts';
import { armColour, armDash, REFERENCE_COLOUR } from './palette.ts';

const WIDTH = 640;
const HEIGHT = 320;
/** Speeds (km/h) drawn as reference lines: Road Traffic Safety Law art. 58 and GB 17761-2018. */
export const SPEED_RULES_KMH = [15, 25] as const;
/** The x axis runs at least this far (km/h), so both rule lines are always in view. */
const MIN_SPEED_AXIS_KMH = 30;

/** One bin of one arm: speed at the bin's middle (km/h) and km ridden in it. */
export interface SpeedPoint {
  arm: string;
  speedKmh: number;
  km: number;
}

/** The chart's data, trimmed after the fastest bin any arm used. */
export function speedPoints(arms: readonly ChartArm[]): SpeedPoint[] {
  let lastUsed = -1;
  for (const arm of arms)
    arm.speedHistogramKm.forEach((km, i) => (lastUsed = km > 0 ? Math.max(lastUsed, i) : lastUsed));
  const bins = Math.max(lastUsed + 2, MIN_SPEED_AXIS_KMH);
  return arms.flatMap((arm) =>
    Array.from({ length: Math.min(bins, arm.speedHistogramKm.length) }, (_, i) => ({
      arm: arm.name,
      speedKmh: i + 0.5,
      km: arm.speedHistogramKm[i] ?? 0,
    })),
  );
}

/** Plot options of the speed chart; `ruleLabels` name the 15 and 25 km/h lines. */
export function speedChart(
  arms: readonly ChartArm[],
  text: ChartText,
  ruleLabels: readonly [string, string],
): Plot.PlotOptions {
  const points = speedPoints(arms);
  const rules = SPEED_RULES_KMH.map((speedKmh, i) => ({ speedKmh, label: ruleLabels[i] ?? '' }));
  return {
    title: text.title,
    caption: text.caption,
    width: WIDTH,
    height: HEIGHT,
    marginLeft: 56,
    marginTop: 28,
    x: { label: text.x, domain: [0, Math.max(MIN_SPEED_AXIS_KMH, ...points.map((p) => p.speedKmh + 0.5))] },
    y: { label: text.y, grid: true, zero: true },
    color: { domain: arms.map((a) => a.name), range: arms.map((_, i) => armColour(i)), legend: true },
    marks: [
      Plot.ruleX(rules, { x: 'speedKmh', stroke: REFERENCE_COLOUR, strokeDasharray: '4,3' }),
      Plot.text(rules, {
        x: 'speedKmh',
        text: 'label',
        frameAnchor: 'top',
        dy: -14,
        dx: 3,
        textAnchor: 'start',
        fill: REFERENCE_COLOUR,
      }),
      ...arms.map((arm, i) =>
        Plot.line(
          points.filter((p) => p.arm === arm.name),
          { x: 'speedKmh', y: 'km', stroke: 'arm', strokeWidth: 2, strokeDasharray: armDash(i) },
        ),
      ),
      Plot.ruleY([0]),
      Plot.tip(points, Plot.pointer({ x: 'speedKmh', y: 'km', channels: { arm: 'arm' } })),
    ],
  };
}
