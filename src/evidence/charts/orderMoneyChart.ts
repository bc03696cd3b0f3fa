/**
 * Where each delivered order's delivery money goes, one stacked bar per arm: the platform's revenue per order split
 * into what couriers keep, fines (by who receives them), compensation the platform pays, its other costs and what
 * is left for it. A negative part (the platform's loss) runs left of zero; a black tick marks the revenue.
 */
import { escapeHtml } from '../../format/escape.ts';
import { fixed } from '../format.ts';
import { orderMoneySpec, type MoneyArm, type OrderMoneySpec } from '../chartSpecs/orderMoneySpec.ts';
import { profitNote } from '../orderMoney.ts';
import { tickDigits } from './axes.ts';
import {
  GRID,
  INK,
  linear,
  lines,
  MUTED,
  niceMax,
  niceTicks,
  plain,
  px,
  say,
  svgOpen,
  textWidth,
  type ChartLang,
} from './svg.ts';

const WIDTH = 640;
const LEFT = 20;
const RIGHT = WIDTH - 24;
const BAR = 22;
/** Per arm: its name, the bar, and the profit note in Chinese and then English (one line less in one language). */
const rowHeight = (lang: ChartLang) => (lang === 'both' ? 84 : 70);
/** Narrowest segment (px) that carries its number. */
const LABEL_MIN_PX = 34;

export type { MoneyArm } from '../chartSpecs/orderMoneySpec.ts';

/** The two-decimal CNY the chart writes. */
const cny = (x: number): string => fixed(x, 2);

/** Legend entries: every part of the spec's legend, then the revenue tick. */
function legendSvg(spec: OrderMoneySpec, y0: number, lang: ChartLang): { svg: string; height: number } {
  const entries = spec.legend.map((s) => ({
    swatch: s.colour,
    text: say(s.label, lang),
    width: textWidth(plain(s.label, lang), 11),
  }));
  const tick = spec.revenueTick;
  entries.push({ swatch: '', text: say(tick, lang), width: textWidth(plain(tick, lang), 11) });
  let svg = '';
  let x = LEFT;
  let y = y0;
  for (const e of entries) {
    const w = 18 + e.width;
    if (x > LEFT && x + w > RIGHT) {
      x = LEFT;
      y += 17;
    }
    svg += e.swatch
      ? `<rect x="${px(x)}" y="${px(y - 10)}" width="12" height="12" fill="${e.swatch}"/>`
      : `<line x1="${px(x + 6)}" x2="${px(x + 6)}" y1="${px(y - 12)}" y2="${px(y + 3)}" stroke="${INK}" stroke-width="2.5"/>`;
    svg += `<text x="${px(x + 18)}" y="${px(y)}" font-size="11">${e.text}</text>`;
    x += w + 14;
  }
  return { svg, height: y - y0 + 17 };
}

/** SVG of an order money spec. */
export function orderMoneySpecSvg(spec: OrderMoneySpec, lang: ChartLang = 'both'): string {
  const ROW = rowHeight(lang);
  const arms = spec.bars;
  const key = legendSvg(spec, 50, lang);
  const { lo, hi } = spec;
  const d0 = lo < 0 ? -niceMax(-lo, 3) : 0;
  const d1 = hi > 0 ? niceMax(hi, 6) : 1;
  const ticks = niceTicks(d0, d1, 7);
  const x = linear(d0, d1, LEFT, RIGHT);
  const top = 50 + key.height + 10;
  const bottom = top + arms.length * ROW;
  const height = bottom + 62;

  let svg = svgOpen(WIDTH, height, spec.title, lang) + key.svg;
  svg += `<line x1="${px(LEFT)}" x2="${px(RIGHT)}" y1="${px(bottom)}" y2="${px(bottom)}" stroke="${MUTED}"/>`;
  // Grid lines cross the bars only, so they never run through the notes under them.
  const gridAt = (t: number, y1: number, y2: number, stroke: string) =>
    `<line x1="${px(x(t))}" x2="${px(x(t))}" y1="${px(y1)}" y2="${px(y2)}" stroke="${stroke}"/>`;
  for (const t of ticks) {
    for (let i = 0; i < arms.length; i++) svg += gridAt(t, top + i * ROW + 16, top + i * ROW + 22 + BAR + 4, GRID);
    svg +=
      gridAt(t, bottom, bottom + 4, MUTED) +
      `<text x="${px(x(t))}" y="${px(bottom + 16)}" text-anchor="middle" font-size="11" fill="${MUTED}">` +
      `${escapeHtml(fixed(t, tickDigits(ticks)))}</text>`;
  }
  svg +=
    `<text x="${px((LEFT + RIGHT) / 2)}" y="${px(bottom + 32)}" text-anchor="middle">` + `${say(spec.x, lang)}</text>`;
  for (const [i, arm] of arms.entries()) {
    const y0 = top + i * ROW;
    const barTop = y0 + 22;
    svg += `<text x="${px(LEFT)}" y="${px(y0 + 14)}" font-weight="bold">${escapeHtml(arm.name)}</text>`;
    const drawn = arm.stack.filter(({ from, to }) => x(to) - x(from) > 0);
    for (const { segment, from, to } of drawn) {
      svg += `<rect x="${px(x(from))}" y="${px(barTop)}" width="${px(x(to) - x(from))}" height="${BAR}" fill="${segment.colour}"/>`;
    }
    if (Number.isFinite(arm.money.revenue)) {
      const rx = x(arm.money.revenue);
      svg += `<line x1="${px(rx)}" x2="${px(rx)}" y1="${px(barTop - 5)}" y2="${px(barTop + BAR + 5)}" stroke="${INK}" stroke-width="2.5"/>`;
    }
    // The numbers come after the revenue tick, each with a halo of its segment's colour, so the tick never hides one.
    for (const { segment, from, to } of drawn) {
      if (x(to) - x(from) < LABEL_MIN_PX) continue;
      svg +=
        `<text x="${px((x(from) + x(to)) / 2)}" y="${px(barTop + 15)}" text-anchor="middle" font-size="11" ` +
        `fill="${segment.ink}" stroke="${segment.colour}" stroke-width="4" paint-order="stroke">` +
        `${escapeHtml(cny(segment.cny))}</text>`;
    }
    // A line per language: the note in both languages would not fit one.
    lines(profitNote(arm.money, cny), lang).forEach((note, k) => {
      svg += `<text x="${px(LEFT)}" y="${px(barTop + BAR + 17 + 14 * k)}" font-size="11" fill="${MUTED}">${escapeHtml(note)}</text>`;
    });
  }
  for (let i = 0; i < arms.length; i++) svg += gridAt(0, top + i * ROW + 16, top + i * ROW + 22 + BAR + 4, INK);
  svg +=
    `<text x="${px(LEFT)}" y="${px(height - 10)}" font-size="11" fill="${MUTED}">` +
    `${say(spec.foodNote, lang)}</text>`;
  return `${svg}</svg>`;
}

/** SVG of the order money of each arm; `orderValue` is the food's value per order, named in the note as left out. */
export function orderMoneyChartSvg(arms: readonly MoneyArm[], orderValue: number, lang: ChartLang = 'both'): string {
  return orderMoneySpecSvg(orderMoneySpec(arms, orderValue), lang);
}
