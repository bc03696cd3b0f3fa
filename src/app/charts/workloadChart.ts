/** Workload per courier-day: online hours with the standard-day and legal-limit lines, orders and km. */
import type { ChartArm, ChartFigure } from './chartTypes.ts';
import { rangePanel, rangeRows } from './rangePanel.ts';

/** Texts of the workload chart: one axis label (with unit) per panel, and the two hour lines' labels. */
export interface WorkloadText {
  title: string;
  caption: string;
  hours: string;
  orders: string;
  km: string;
  standardDay: string;
  legalLimit: string;
}

/** The hour lines: the standard day (8 h) and the legal limit with overtime (8 + 3 = 11 h). */
export interface WorkloadLimits {
  standardDailyHours: number;
  maxDailyOvertime: number;
}

/** The workload chart: three panels, one per measure, each with one row per arm. */
export function workloadChart(arms: readonly ChartArm[], limits: WorkloadLimits, text: WorkloadText): ChartFigure {
  const legal = limits.standardDailyHours + limits.maxDailyOvertime;
  return {
    title: text.title,
    caption: text.caption,
    layout: 'column',
    panels: [
      rangePanel(
        rangeRows(
          arms,
          arms.map((a) => a.metrics.workload.onlineHours),
        ),
        text.hours,
        [
          { x: limits.standardDailyHours, label: text.standardDay },
          { x: legal, label: text.legalLimit },
        ],
      ),
      rangePanel(
        rangeRows(
          arms,
          arms.map((a) => a.metrics.workload.ordersPerCourierDay),
        ),
        text.orders,
      ),
      rangePanel(
        rangeRows(
          arms,
          arms.map((a) => a.metrics.workload.kmPerCourierDay),
        ),
        text.km,
      ),
    ],
  };
}
