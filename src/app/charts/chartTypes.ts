/** What the chart builders take: one series per arm, already named in the reader's language. */
import type { DayMetrics } from '../../sim/results.ts';

/** One arm's data for charts. */
export interface ChartArm {
  id: string;
  /** Display name in the current language. */
  name: string;
  perDay: readonly DayMetrics[];
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
