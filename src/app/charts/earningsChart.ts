/** Earnings: net CNY per online hour per arm (p10–p90, median, mean), with the local minimum hourly wage drawn. */
import type { ChartArm, ChartFigure } from './chartTypes.ts';
import { rangePanel, rangeRows, type RangeRow } from './rangePanel.ts';

/** Texts of the earnings chart; `minWage` labels the wage line (e.g. "最低工资 21"). */
export interface EarningsText {
  title: string;
  caption: string;
  x: string;
  minWage: string;
}

/** One row per arm: the distribution of net pay per online hour over courier-days. */
export function earningsRows(arms: readonly ChartArm[]): RangeRow[] {
  return rangeRows(
    arms,
    arms.map((a) => a.metrics.earnings.netPerOnlineHour),
  );
}

/** The earnings chart for a minimum hourly wage in CNY. */
export function earningsChart(arms: readonly ChartArm[], minHourlyWageCny: number, text: EarningsText): ChartFigure {
  return {
    title: text.title,
    caption: text.caption,
    layout: 'column',
    panels: [rangePanel(earningsRows(arms), text.x, [{ x: minHourlyWageCny, label: text.minWage }])],
  };
}
