/** Kilometres ridden by speed, one line per arm, with the 15 km/h lane limit and the 25 km/h e-bike design limit. */
import { escapeHtml } from '../../format/escape.ts';
import { xAxis, yAxis } from './axes.ts';
import {
  armColour,
  armDash,
  INK,
  legend,
  linear,
  lines,
  niceMax,
  niceTicks,
  px,
  say,
  svgOpen,
  textWidth,
  type ChartLang,
} from './svg.ts';

const WIDTH = 640;
const HEIGHT = 360;
/** The x axis runs at least this far (km/h), so both rule lines are always in view. */
const MIN_SPEED_AXIS_KMH = 30;

/** One arm's speed histogram: km per 1 km/h bin (mean per replication). */
export interface SpeedArm {
  name: string;
  speedHistogramKm: readonly number[];
}

/** The reference speeds (km/h) and what they are. */
export const SPEED_RULES = [
  { kmh: 15, zh: '15 公里/小时：非机动车道限速', en: '15 km/h lane limit (Road Traffic Safety Law art. 58)' },
  { kmh: 25, zh: '25 公里/小时：电动自行车设计车速上限', en: '25 km/h e-bike design limit (GB 17761-2018)' },
] as const;

/** SVG of km ridden per speed bin, per arm (names in the chart's language). */
export function speedChartSvg(arms: readonly SpeedArm[], lang: ChartLang = 'both'): string {
  const title = { zh: '各速度区间的骑行里程', en: 'Kilometres ridden by speed' };
  let lastUsed = -1;
  for (const arm of arms)
    arm.speedHistogramKm.forEach((km, i) => (lastUsed = km > 0 ? Math.max(lastUsed, i) : lastUsed));
  const xMax = Math.max(MIN_SPEED_AXIS_KMH, lastUsed + 2);
  const key = legend(
    arms.map((a) => a.name),
    16,
    46,
    WIDTH - 32,
  );
  // Each rule's label takes a line per language above the plot, one rule under the other.
  const ruleHeight = lang === 'both' ? 28 : 16;
  const frame = {
    left: 64,
    right: WIDTH - 20,
    top: 46 + key.height + 4 + SPEED_RULES.length * ruleHeight,
    bottom: HEIGHT - 44,
  };
  const yMax = niceMax(Math.max(0, ...arms.flatMap((a) => a.speedHistogramKm.slice(0, xMax).filter(Number.isFinite))));
  const x = linear(0, xMax, frame.left, frame.right);
  const y = linear(0, yMax, frame.bottom, frame.top);

  let svg = svgOpen(WIDTH, HEIGHT, title, lang) + key.svg;
  svg += yAxis(frame, niceTicks(0, yMax), y, say({ zh: '里程（公里，每次重复）', en: 'km per replication' }, lang));
  svg += xAxis(frame, niceTicks(0, xMax, 6), x, say({ zh: '速度（公里/小时）', en: 'Speed (km/h)' }, lang));
  for (const [i, rule] of SPEED_RULES.entries()) {
    const rx = x(rule.kmh);
    const ly = frame.top - (SPEED_RULES.length - i) * ruleHeight + 10;
    const texts = lines(rule, lang);
    // A label that would run off the right edge ends at its line instead of starting there.
    const fits = rx + 4 + Math.max(...texts.map((t) => textWidth(t, 11))) < WIDTH - 6;
    const anchor = fits ? `x="${px(rx + 4)}"` : `x="${px(rx - 4)}" text-anchor="end"`;
    svg += `<line x1="${px(rx)}" x2="${px(rx)}" y1="${px(frame.top - 4)}" y2="${px(frame.bottom)}" stroke="${INK}" stroke-dasharray="4,3"/>`;
    texts.forEach((t, k) => {
      svg += `<text ${anchor} y="${px(ly + 13 * k)}" font-size="11">${escapeHtml(t)}</text>`;
    });
  }
  for (const [i, arm] of arms.entries()) {
    // A step line: each 1 km/h bin is a flat segment at its km, so the area under it reads as a histogram.
    let path = '';
    for (let b = 0; b < Math.min(xMax, arm.speedHistogramKm.length); b++) {
      const km = arm.speedHistogramKm[b] ?? 0;
      const v = Number.isFinite(km) ? km : 0;
      path += `${b === 0 ? 'M' : 'L'}${px(x(b))},${px(y(v))}H${px(x(b + 1))}`;
    }
    const dash = armDash(i) === 'none' ? '' : ` stroke-dasharray="${armDash(i)}"`;
    if (path) svg += `<path d="${path}" fill="none" stroke="${armColour(i)}" stroke-width="2.5"${dash}/>`;
  }
  return `${svg}</svg>`;
}
