/**
 * The ratchet, day by day, one line per arm: mean promised minutes (the platform's side) or the couriers' mean risk
 * tolerance (their side). The data, arms and series come from the spec the pack draws too
 * (src/evidence/chartSpecs/perDaySpec.ts); this file only says how Plot draws it.
 */
import * as Plot from '@observablehq/plot';
import {
  PER_DAY_SERIES,
  perDayRows,
  perDaySpec,
  type PerDayField,
  type PerDayPoint,
  type PerDaySpec,
} from '../../evidence/chartSpecs/perDaySpec.ts';
import type { ChartArm, ChartText } from './chartTypes.ts';

export type { PerDayField, PerDayPoint } from '../../evidence/chartSpecs/perDaySpec.ts';

const WIDTH = 640;
const HEIGHT = 320;

/** The chart's data: every arm's days, numbered from 1. */
export function perDayPoints(arms: readonly ChartArm[], field: PerDayField = 'promisedMinMean'): PerDayPoint[] {
  return perDayRows(perDaySpec(arms, PER_DAY_SERIES[field]));
}

/** Plot options of a per-day spec, with its texts in the reader's language. */
export function perDayPlot(spec: PerDaySpec, text: ChartText): Plot.PlotOptions {
  const points = perDayRows(spec);
  const { domain } = spec.series;
  return {
    title: text.title,
    caption: text.caption,
    width: WIDTH,
    height: HEIGHT,
    marginLeft: 56,
    x: { label: text.x, domain: [0.5, spec.days + 0.5], ticks: Math.min(spec.days, 10), tickFormat: 'd' },
    y: { label: text.y, grid: true, zero: true, ...(domain ? { domain: [...domain] } : {}) },
    color: { domain: spec.lines.map((l) => l.name), range: spec.lines.map((l) => l.colour), legend: true },
    marks: [
      ...spec.lines.map((line) =>
        Plot.line(line.points, {
          x: 'day',
          y: 'value',
          stroke: 'arm',
          strokeWidth: 2,
          strokeDasharray: line.dash,
          marker: 'circle',
        }),
      ),
      Plot.tip(points, Plot.pointer({ x: 'day', y: 'value', channels: { arm: 'arm' } })),
    ],
  };
}

/** Plot options of a per-day chart of `arms` (by default the ratchet of promised minutes). */
export function perDayChart(
  arms: readonly ChartArm[],
  text: ChartText,
  field: PerDayField = 'promisedMinMean',
): Plot.PlotOptions {
  return perDayPlot(perDaySpec(arms, PER_DAY_SERIES[field]), text);
}
