/**
 * The per-day charts, one line per arm: the deadline level (mean promised minutes; the ratchet shows as a falling
 * line) and the couriers' mean risk tolerance (which rises as they adapt to lateness).
 */
import type { DayMetrics } from '../../sim/results.ts';
import { specArms, type Bilingual, type SpecArm } from './chartSpec.ts';

/** The per-day series a chart can draw. */
export type PerDayField = 'promisedMinMean' | 'meanRiskTolerance';

/** Which per-day series a chart draws, with its title, axis title, decimals and, when fixed, its value range. */
export interface PerDaySeries {
  field: PerDayField;
  /** The series in the metric catalogue. */
  metric: `perDay.${PerDayField}`;
  title: Bilingual;
  axis: Bilingual;
  digits: number;
  /** The value axis when the measure has fixed bounds (risk tolerance is 0–1); otherwise from 0 to the data. */
  domain?: readonly [number, number];
}

/** The ratchet: mean promised minutes. */
export const PROMISED_SERIES: PerDaySeries = {
  field: 'promisedMinMean',
  metric: 'perDay.promisedMinMean',
  title: { zh: '每日平均承诺配送时长', en: 'Mean promised delivery time per day' },
  axis: { zh: '承诺时长（分钟）', en: 'Promised minutes' },
  digits: 1,
};

/** The couriers' side of the ratchet: mean risk tolerance (0–1) of the couriers online each day. */
export const RISK_TOLERANCE_SERIES: PerDaySeries = {
  field: 'meanRiskTolerance',
  metric: 'perDay.meanRiskTolerance',
  title: { zh: '每日在线骑手的平均冒险倾向', en: 'Mean risk tolerance of the couriers online per day' },
  axis: { zh: '冒险倾向（0–1）', en: 'Risk tolerance (0–1)' },
  digits: 3,
  domain: [0, 1],
};

/** Every per-day series by field. */
export const PER_DAY_SERIES: Record<PerDayField, PerDaySeries> = {
  promisedMinMean: PROMISED_SERIES,
  meanRiskTolerance: RISK_TOLERANCE_SERIES,
};

/** One point of the chart: the arm's name, the day (1-based, as people count) and the day's value (may be NaN). */
export interface PerDayPoint {
  arm: string;
  day: number;
  value: number;
}

/** One arm's line: its name, colour and dash, and its points in day order. */
export interface PerDayLine extends SpecArm {
  points: PerDayPoint[];
}

/** The day axis's title. */
export const DAY_AXIS: Bilingual = { zh: '第几天', en: 'Day' };

/** A per-day chart: its series, one line per arm, the number of days and the day axis's title. */
export interface PerDaySpec {
  series: PerDaySeries;
  lines: PerDayLine[];
  /** Days on the axis: the longest arm's, at least 1. */
  days: number;
  x: Bilingual;
}

/** One arm's series, its name in the reader's language. */
export interface PerDayArm {
  name: string;
  perDay: readonly DayMetrics[];
}

/** The spec of a per-day chart of `series` (by default the ratchet of promised minutes). */
export function perDaySpec(arms: readonly PerDayArm[], series: PerDaySeries = PROMISED_SERIES): PerDaySpec {
  const { field } = series;
  const lines = specArms(arms.map((a) => a.name)).map((arm, i) => ({
    ...arm,
    points: (arms[i]?.perDay ?? []).map((d, day) => ({ arm: arm.name, day: day + 1, value: d[field] })),
  }));
  const days = Math.max(1, ...arms.map((a) => a.perDay.length));
  return { series, lines, days, x: DAY_AXIS };
}

/** Every point of every arm, arm after arm. */
export const perDayRows = (spec: PerDaySpec): PerDayPoint[] => spec.lines.flatMap((l) => l.points);
