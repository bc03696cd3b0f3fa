/** The per-day charts of the pack (spec: ../chartSpecs/perDaySpec.ts), drawn as deterministic SVG. */
import {
  perDaySpec,
  PROMISED_SERIES,
  type PerDayArm,
  type PerDaySeries,
  type PerDaySpec,
} from '../chartSpecs/perDaySpec.ts';
import { fixed } from '../format.ts';
import { xAxis, yAxis } from './axes.ts';
import { legend, linear, niceMax, niceTicks, px, say, svgOpen, type ChartLang } from './svg.ts';

export { PROMISED_SERIES, RISK_TOLERANCE_SERIES, type PerDayArm, type PerDaySeries } from '../chartSpecs/perDaySpec.ts';

const WIDTH = 640;
const HEIGHT = 340;

/**
 * SVG of a per-day spec, one line (or point, for one day) per arm, on an axis from 0; the arms' names are given in
 * the chart's language.
 */
export function perDaySpecSvg(spec: PerDaySpec, lang: ChartLang = 'both'): string {
  const { series, lines, days } = spec;
  const key = legend(
    lines.map((l) => l.name),
    16,
    46,
    WIDTH - 32,
  );
  const frame = { left: 56, right: WIDTH - 20, top: 46 + key.height + 8, bottom: HEIGHT - 44 };
  const values = lines.flatMap((l) => l.points.map((p) => p.value)).filter(Number.isFinite);
  const yMax = niceMax(Math.max(0, ...values));
  const y = linear(0, yMax, frame.bottom, frame.top);
  const x = days === 1 ? linear(0.5, 1.5, frame.left, frame.right) : linear(1, days, frame.left + 10, frame.right - 10);
  // With one day the arms stand side by side around the day's tick instead of on top of each other.
  const xOf = (day: number, arm: number) => (days === 1 ? x(day) + (arm - (lines.length - 1) / 2) * 70 : x(day));
  const dayTicks = days === 1 ? [1] : niceTicks(1, days, Math.min(days - 1, 10)).filter((t) => Number.isInteger(t));

  let svg = svgOpen(WIDTH, HEIGHT, series.title, lang) + key.svg;
  svg += yAxis(frame, niceTicks(0, yMax), y, say(series.axis, lang));
  svg += xAxis(frame, dayTicks, x, say(spec.x, lang));
  for (const [i, line] of lines.entries()) {
    const points = line.points.filter((p) => Number.isFinite(p.value));
    const dash = line.dash === 'none' ? '' : ` stroke-dasharray="${line.dash}"`;
    if (points.length > 1) {
      const path = points.map((p, k) => `${k ? 'L' : 'M'}${px(xOf(p.day, i))},${px(y(p.value))}`).join('');
      svg += `<path d="${path}" fill="none" stroke="${line.colour}" stroke-width="2.5"${dash}/>`;
    }
    if (points.length <= 31) {
      for (const p of points) {
        svg += `<circle cx="${px(xOf(p.day, i))}" cy="${px(y(p.value))}" r="4" fill="${line.colour}" stroke="#ffffff"/>`;
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

/** SVG of one per-day series of `arms` (names in the chart's language). */
export function perDayChartSvg(
  arms: readonly PerDayArm[],
  series: PerDaySeries = PROMISED_SERIES,
  lang: ChartLang = 'both',
): string {
  return perDaySpecSvg(perDaySpec(arms, series), lang);
}
