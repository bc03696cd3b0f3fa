/** The report's chart of where a conclusion fails (spec: ../chartSpecs/robustnessSpec.ts), drawn as deterministic SVG. */
import { escapeHtml } from '../../format/escape.ts';
import { FAILS_COLOUR, HOLDS_COLOUR, type RobustnessChartSpec } from '../chartSpecs/robustnessSpec.ts';
import { xAxis, yAxis } from './axes.ts';
import { INK, linear, niceTicks, plain, px, say, svgOpen, textWidth, type ChartLang } from './svg.ts';

const WIDTH = 640;
const HEIGHT = 420;
const RADIUS = 3.5;
const INSET = 6;

/** SVG of a robustness chart: a dot per world, hollow where the direction holds, filled where not; the box dashed. */
export function robustnessSpecSvg(spec: RobustnessChartSpec, lang: ChartLang = 'both'): string {
  const frame = { left: 72, right: WIDTH - 20, top: 62, bottom: HEIGHT - 50 };
  const [x0, x1] = spec.x.domain;
  const [y0, y1] = spec.y.domain;
  // The range's ends sit a dot's width inside the frame, so a world at an end is drawn whole.
  const x = linear(x0, x1, frame.left + INSET, frame.right - INSET);
  const y = linear(y0, y1, frame.bottom - INSET, frame.top + INSET);
  let svg = svgOpen(WIDTH, HEIGHT, spec.title, lang);
  // The legend: a hollow dot, a filled dot, a dashed square, each with its words.
  let lx = 16;
  const ly = 44;
  const item = (mark: string, text: string) => {
    svg += `${mark}<text x="${px(lx + 12)}" y="${px(ly + 4)}">${escapeHtml(text)}</text>`;
    lx += 12 + textWidth(text) + 18;
  };
  item(hollow(lx + 4, ly), plain(spec.legend.holds, lang));
  item(filled(lx + 4, ly), plain(spec.legend.fails, lang));
  if (spec.box) {
    item(
      `<rect x="${px(lx)}" y="${px(ly - 5)}" width="9" height="9" fill="${FAILS_COLOUR}" fill-opacity="0.08" stroke="${INK}" stroke-dasharray="3,2"/>`,
      plain(spec.legend.box, lang),
    );
  }
  svg += yAxis(frame, niceTicks(y0, y1), y, say(spec.y.label, lang));
  svg += xAxis(frame, niceTicks(x0, x1, 6), x, say(spec.x.label, lang));
  if (spec.box) {
    const [bx0, bx1] = spec.box.x;
    const [by0, by1] = spec.box.y;
    svg +=
      `<rect x="${px(x(bx0))}" y="${px(y(by1))}" width="${px(x(bx1) - x(bx0))}" height="${px(y(by0) - y(by1))}" ` +
      `fill="${FAILS_COLOUR}" fill-opacity="0.08" stroke="${INK}" stroke-width="1.5" stroke-dasharray="6,3"/>`;
  }
  // Worlds that hold first, so the failures are drawn on top of them.
  for (const d of spec.dots) if (d.holds) svg += hollow(x(d.x), y(d.y));
  for (const d of spec.dots) if (!d.holds) svg += filled(x(d.x), y(d.y));
  return `${svg}</svg>`;
}

/** A world where the direction holds. */
function hollow(cx: number, cy: number): string {
  return `<circle cx="${px(cx)}" cy="${px(cy)}" r="${RADIUS}" fill="#ffffff" stroke="${HOLDS_COLOUR}" stroke-width="1.2"/>`;
}

/** A world where it fails. */
function filled(cx: number, cy: number): string {
  return `<circle cx="${px(cx)}" cy="${px(cy)}" r="${RADIUS}" fill="${FAILS_COLOUR}" stroke="${FAILS_COLOUR}"/>`;
}
