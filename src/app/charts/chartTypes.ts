/** What the chart builders take: one series per arm, already named in the reader's language. */
import type * as Plot from '@observablehq/plot';
import type { DayMetrics, HourMetrics, Metrics } from '../../sim/results.ts';

/** One arm's data for charts. */
export interface ChartArm {
  id: string;
  /** Display name in the current language. */
  name: string;
  /** The arm's metrics averaged over replications (MODEL.md section 10). */
  metrics: Metrics;
  perDay: readonly DayMetrics[];
  /** Per hour of day over all days. */
  perHour: readonly HourMetrics[];
  /** Kilometres per 1 km/h speed bin (bin i holds [i, i+1) km/h). */
  speedHistogramKm: readonly number[];
}

/** Translated texts of one chart. */
export interface ChartText {
  title: string;
  caption: string;
  x: string;
  y: string;
}

/** A chart of one or more Plot panels under one title and caption (panels when the measures have different units). */
export interface ChartFigure {
  title: string;
  caption: string;
  /** How the panels sit: one under the other, side by side, or two to a row. */
  layout: 'column' | 'row' | 'grid2';
  panels: Plot.PlotOptions[];
}
