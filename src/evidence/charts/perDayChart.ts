/**
 * Per-day series, one line per arm: the deadline level (mean promised minutes; the ratchet shows as a falling line)
 * and the couriers' mean risk tolerance (which rises as they adapt to lateness).
 */
import type { DayMetrics } from '../../sim/results.ts';
import { fixed } from '../format.ts';
import { xAxis, yAxis } from './axes.ts';
import {
  armColour,
  armDash,
  legend,
  linear,
  niceMax,
  niceTicks,
  px,
  say,
  svgOpen,
  type Bilingual,
  type ChartLang,
} from './svg.ts';

const WIDTH = 640;
const HEIGHT = 340;

/** One arm's series. */
export interface PerDayArm {
  name: string;
  perDay: readonly DayMetrics[];
}

/** Which per-day series a chart draws, with its title, axis label and decimals. */
export interface PerDaySeries {
  field: 'promisedMinMean' | 'meanRiskTolerance';
  title: Bilingual;
  axis: Bilingual;
  digits: number;
}

/** The ratchet: mean promised minutes. */
export const PROMISED_SERIES: PerDaySeries = {
  field: 'promisedMinMean',
  title: { zh: '每日平均承诺配送时长', en: 'Mean promised delivery time per day' },
  axis: { zh: '承诺时长（分钟）', en: 'Promised minutes' },
  digits: 1,
};

/** The couriers' side of the ratchet: mean risk tolerance (0–1) of the couriers online each day. */
export const RISK_TOLERANCE_SERIES: PerDaySeries = {
  field: 'meanRiskTolerance',
  title: { zh: '每日在线骑手的平均冒险倾向', en: 'Mean risk tolerance of the couriers online per day' },
  axis: { zh: '冒险倾向（0–1）', en: 'Risk tolerance (0–1)' },
  digits: 3,
};

/**
 * SVG of one per-day series, one line (or point, for one day) per arm, on an axis from 0; the arms' names are given
 * in the chart's language.
 */
export function perDayChartSvg(
  arms: readonly PerDayArm[],
  series: PerDaySeries = PROMISED_SERIES,
  lang: ChartLang = 'both',
): string {
  const { title, field } = series;
  const names = arms.map((a) => a.name);
  const key = legend(names, 16, 46, WIDTH - 32);
  const frame = { left: 56, right: WIDTH - 20, top: 46 + key.height + 8, bottom: HEIGHT - 44 };
  const days = Math.max(1, ...arms.map((a) => a.perDay.length));
  const values = arms.flatMap((a) => a.perDay.map((d) => d[field])).filter(Number.isFinite);
  const yMax = niceMax(Math.max(0, ...values));
  const y = linear(0, yMax, frame.bottom, frame.top);
  const x = days === 1 ? linear(0.5, 1.5, frame.left, frame.right) : linear(1, days, frame.left + 10, frame.right - 10);
  // With one day the arms stand side by side around the day's tick instead of on top of each other.
  const xOf = (day: number, arm: number) => (days === 1 ? x(day) + (arm - (arms.length - 1) / 2) * 70 : x(day));
  const dayTicks = days === 1 ? [1] : niceTicks(1, days, Math.min(days - 1, 10)).filter((t) => Number.isInteger(t));

  let svg = svgOpen(WIDTH, HEIGHT, title, lang) + key.svg;
  svg += yAxis(frame, niceTicks(0, yMax), y, say(series.axis, lang));
  svg += xAxis(frame, dayTicks, x, say({ zh: '第几天', en: 'Day' }, lang));
  for (const [i, arm] of arms.entries()) {
    const points = arm.perDay
      .map((d, day) => ({ day: day + 1, value: d[field] }))
      .filter((p) => Number.isFinite(p.value));
    const dash = armDash(i) === 'none' ? '' : ` stroke-dasharray="${armDash(i)}"`;
    if (points.length > 1) {
      const path = points.map((p, k) => `${k ? 'L' : 'M'}${px(xOf(p.day, i))},${px(y(p.value))}`).join('');
      svg += `<path d="${path}" fill="none" stroke="${armColour(i)}" stroke-width="2.5"${dash}/>`;
    }
    if (points.length <= 31) {
      for (const p of points) {
        svg += `<circle cx="${px(xOf(p.day, i))}" cy="${px(y(p.value))}" r="4" fill="${armColour(i)}" stroke="#ffffff"/>`;
      }
    }
    // With a single day the lines are points; their values are written above them.
    if (points.length === 1 && points[0]) {
      const p = points[0];
      svg += `<text x="${px(xOf(p.day, i))}" y="${px(y(p.value) - 9)}" text-anchor="middle">${fixed(p.value, series.digits)}</text>`;
    }
  }
  return `${svg}</svg>`;
}
