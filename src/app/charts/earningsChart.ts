/**
 * Earnings: net CNY per online hour per arm (p10–p90, median, mean), with the local minimum hourly wage drawn. The
 * rows and the wage line come from the spec the report draws too (src/evidence/chartSpecs/earningsSpec.ts).
 */
import { earningsSpec, type EarningsSpec } from '../../evidence/chartSpecs/earningsSpec.ts';
import type { ChartArm, ChartFigure } from './chartTypes.ts';
import { rangePanel, type RangeRow } from './rangePanel.ts';

/** Texts of the earnings chart; `minWage` labels the wage line (e.g. "最低工资 21"). */
export interface EarningsText {
  title: string;
  caption: string;
  x: string;
  minWage: string;
}

/** The spec of the chart arms' earnings for a minimum hourly wage in CNY. */
export const earningsSpecOf = (arms: readonly ChartArm[], minHourlyWageCny: number): EarningsSpec =>
  earningsSpec(
    arms.map((a) => ({
      name: a.name,
      netPerOnlineHour: a.metrics.earnings.netPerOnlineHour,
      shareBelowMinWage: a.metrics.earnings.shareBelowMinWage,
    })),
    minHourlyWageCny,
  );

/** One row per arm of a spec: the distribution of net pay per online hour over courier-days. */
export const earningsSpecRows = (spec: EarningsSpec): RangeRow[] =>
  spec.rows.map((r) => ({ arm: r.name, mean: r.dist.mean, p10: r.dist.p10, p50: r.dist.p50, p90: r.dist.p90 }));

/** One row per arm: the distribution of net pay per online hour over courier-days. */
export function earningsRows(arms: readonly ChartArm[]): RangeRow[] {
  return earningsSpecRows(earningsSpecOf(arms, Number.NaN));
}

/** The figure of an earnings spec, with its texts in the reader's language. */
export function earningsPlot(spec: EarningsSpec, text: EarningsText): ChartFigure {
  return {
    title: text.title,
    caption: text.caption,
    layout: 'column',
    panels: [rangePanel(earningsSpecRows(spec), text.x, [{ x: spec.minWage.at, label: text.minWage }])],
  };
}

/** The earnings chart for a minimum hourly wage in CNY. */
export function earningsChart(arms: readonly ChartArm[], minHourlyWageCny: number, text: EarningsText): ChartFigure {
  return earningsPlot(earningsSpecOf(arms, minHourlyWageCny), text);
}
