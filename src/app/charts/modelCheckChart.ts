/**
 * The model against observation: one small panel per target, each on its own axis in the metric's unit, with the
 * observed range as a shaded band (a single observed value as a tick) and the model's mean and 95% interval on it,
 * green when the mean is within the range and vermilion when not.
 */
import * as Plot from '@observablehq/plot';
import type { ChartFigure } from './chartTypes.ts';
import { REFERENCE_COLOUR } from './palette.ts';

/** Colours of the verdict (Okabe–Ito bluish green and vermilion) and of the observed band. */
export const WITHIN_COLOUR = '#009E73';
export const OUTSIDE_COLOUR = '#D55E00';
export const OBSERVED_COLOUR = '#cfd8e3';

/** One target as the chart draws it, in display units (a share already ×100). */
export interface ModelCheckRow {
  /** The panel's title: the metric and the arm, in the reader's language. */
  title: string;
  /** The axis label: the unit. */
  unit: string;
  observed: [number, number];
  /** True when the observation is one value rather than a range. */
  single: boolean;
  mean: number;
  lo: number;
  hi: number;
  within: boolean;
}

/** Texts of the chart. */
export interface ModelCheckText {
  title: string;
  caption: string;
  observed: string;
  model: string;
}

/** The x domain of one panel: the range, the mean and the interval, with a margin on each side. */
export function panelDomain(row: ModelCheckRow): [number, number] {
  const values = [...row.observed, row.mean, row.lo, row.hi].filter(Number.isFinite);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.15;
  return [lo - pad, hi + pad];
}

/** The Plot options of one target's panel. */
export function modelCheckPanel(row: ModelCheckRow, text: ModelCheckText): Plot.PlotOptions {
  const colour = row.within ? WITHIN_COLOUR : OUTSIDE_COLOUR;
  const [lo, hi] = row.observed;
  const band = [{ x1: lo, x2: hi, y: text.observed }];
  const model = [{ x: row.mean, x1: row.lo, x2: row.hi, y: text.model }];
  return {
    subtitle: row.title,
    height: 104,
    marginLeft: 64,
    marginRight: 20,
    marginTop: 8,
    x: { label: row.unit, domain: panelDomain(row), grid: true, ticks: 5 },
    y: { label: null, domain: [text.observed, text.model], padding: 0.25 },
    marks: [
      row.single
        ? Plot.tickX(band, { x: 'x1', y: 'y', stroke: REFERENCE_COLOUR, strokeWidth: 3 })
        : Plot.barX(band, { x1: 'x1', x2: 'x2', y: 'y', fill: OBSERVED_COLOUR, stroke: REFERENCE_COLOUR }),
      Plot.ruleY(model, { x1: 'x1', x2: 'x2', y: 'y', stroke: colour, strokeWidth: 3 }),
      Plot.dot(model, { x: 'x', y: 'y', fill: colour, r: 5, stroke: 'white' }),
    ],
  };
}

/** The whole figure: one panel per target, two to a row. */
export function modelCheckChart(rows: readonly ModelCheckRow[], text: ModelCheckText): ChartFigure {
  return {
    title: text.title,
    caption: text.caption,
    layout: 'grid2',
    panels: rows.map((row) => modelCheckPanel(row, text)),
  };
}
