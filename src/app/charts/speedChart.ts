/**
 * Kilometres ridden by speed, one line per arm, with the 15 km/h lane limit and the 25 km/h e-bike design limit. The
 * data, arms and reference speeds come from the spec the pack draws too (src/evidence/chartSpecs/speedSpec.ts).
 */
import * as Plot from '@observablehq/plot';
import {
  MIN_SPEED_AXIS_KMH,
  speedRows,
  speedSpec,
  type SpeedPoint,
  type SpeedSpec,
} from '../../evidence/chartSpecs/speedSpec.ts';
import type { ChartArm, ChartText } from './chartTypes.ts';
import { REFERENCE_COLOUR } from './palette.ts';

export type { SpeedPoint } from '../../evidence/chartSpecs/speedSpec.ts';

const WIDTH = 640;
const HEIGHT = 320;

/** The chart's data, trimmed after the fastest bin any arm used. */
export function speedPoints(arms: readonly ChartArm[]): SpeedPoint[] {
  return speedRows(speedSpec(arms));
}

/** Plot options of a speed spec; `ruleLabels` name its reference lines in the reader's language, in order. */
export function speedPlot(spec: SpeedSpec, text: ChartText, ruleLabels: readonly string[]): Plot.PlotOptions {
  const points = speedRows(spec);
  const rules = spec.rules.map((rule, i) => ({ speedKmh: rule.at, label: ruleLabels[i] ?? '' }));
  return {
    title: text.title,
    caption: text.caption,
    width: WIDTH,
    height: HEIGHT,
    marginLeft: 56,
    marginTop: 28,
    x: { label: text.x, domain: [0, Math.max(MIN_SPEED_AXIS_KMH, ...points.map((p) => p.speedKmh + 0.5))] },
    y: { label: text.y, grid: true, zero: true },
    color: { domain: spec.lines.map((l) => l.name), range: spec.lines.map((l) => l.colour), legend: true },
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
      ...spec.lines.map((line) =>
        Plot.line(
          points.filter((p) => p.arm === line.name),
          { x: 'speedKmh', y: 'km', stroke: 'arm', strokeWidth: 2, strokeDasharray: line.dash },
        ),
      ),
      Plot.ruleY([0]),
      Plot.tip(points, Plot.pointer({ x: 'speedKmh', y: 'km', channels: { arm: 'arm' } })),
    ],
  };
}

/** Plot options of the speed chart of `arms`; `ruleLabels` name the 15 and 25 km/h lines. */
export function speedChart(
  arms: readonly ChartArm[],
  text: ChartText,
  ruleLabels: readonly [string, string],
): Plot.PlotOptions {
  return speedPlot(speedSpec(arms), text, ruleLabels);
}
