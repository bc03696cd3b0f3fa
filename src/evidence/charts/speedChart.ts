/** The pack's speed chart (spec: ../chartSpecs/speedSpec.ts), drawn as deterministic SVG. */
import { escapeHtml } from '../../format/escape.ts';
import { speedSpec, type SpeedArm, type SpeedSpec } from '../chartSpecs/speedSpec.ts';
import { xAxis, yAxis } from './axes.ts';
import { INK, legend, linear, lines, niceMax, niceTicks, px, say, svgOpen, textWidth, type ChartLang } from './svg.ts';

export { SPEED_RULES, type SpeedArm } from '../chartSpecs/speedSpec.ts';

const WIDTH = 640;
const HEIGHT = 360;

/** SVG of a speed spec: km ridden per speed bin, per arm, with the reference speeds dashed. */
export function speedSpecSvg(spec: SpeedSpec, lang: ChartLang = 'both'): string {
  const { bins: xMax, rules } = spec;
  const key = legend(
    spec.lines.map((l) => l.name),
    16,
    46,
    WIDTH - 32,
  );
  // Each rule's label takes a line per language above the plot, one rule under the other.
  const ruleHeight = lang === 'both' ? 28 : 16;
  const frame = {
    left: 64,
    right: WIDTH - 20,
    top: 46 + key.height + 4 + rules.length * ruleHeight,
    bottom: HEIGHT - 44,
  };
  const yMax = niceMax(Math.max(0, ...spec.lines.flatMap((l) => l.km.filter(Number.isFinite))));
  const x = linear(0, xMax, frame.left, frame.right);
  const y = linear(0, yMax, frame.bottom, frame.top);

  let svg = svgOpen(WIDTH, HEIGHT, spec.title, lang) + key.svg;
  svg += yAxis(frame, niceTicks(0, yMax), y, say(spec.y, lang));
  svg += xAxis(frame, niceTicks(0, xMax, 6), x, say(spec.x, lang));
  for (const [i, rule] of rules.entries()) {
    const rx = x(rule.at);
    const ly = frame.top - (rules.length - i) * ruleHeight + 10;
    const texts = lines(rule.label, lang);
    // A label that would run off the right edge ends at its line instead of starting there.
    const fits = rx + 4 + Math.max(...texts.map((t) => textWidth(t, 11))) < WIDTH - 6;
    const anchor = fits ? `x="${px(rx + 4)}"` : `x="${px(rx - 4)}" text-anchor="end"`;
    svg += `<line x1="${px(rx)}" x2="${px(rx)}" y1="${px(frame.top - 4)}" y2="${px(frame.bottom)}" stroke="${INK}" stroke-dasharray="4,3"/>`;
    texts.forEach((t, k) => {
      svg += `<text ${anchor} y="${px(ly + 13 * k)}" font-size="11">${escapeHtml(t)}</text>`;
    });
  }
  for (const line of spec.lines) {
    // A step line: each 1 km/h bin is a flat segment at its km, so the area under it reads as a histogram.
    let path = '';
    for (let b = 0; b < line.km.length; b++) {
      const km = line.km[b] ?? 0;
      const v = Number.isFinite(km) ? km : 0;
      path += `${b === 0 ? 'M' : 'L'}${px(x(b))},${px(y(v))}H${px(x(b + 1))}`;
    }
    const dash = line.dash === 'none' ? '' : ` stroke-dasharray="${line.dash}"`;
    if (path) svg += `<path d="${path}" fill="none" stroke="${line.colour}" stroke-width="2.5"${dash}/>`;
  }
  return `${svg}</svg>`;
}

/** SVG of km ridden per speed bin, per arm (names in the chart's language). */
export function speedChartSvg(arms: readonly SpeedArm[], lang: ChartLang = 'both'): string {
  return speedSpecSvg(speedSpec(arms), lang);
}
