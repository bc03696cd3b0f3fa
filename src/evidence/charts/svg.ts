/** Small helpers shared by the pack's SVG charts: palette, fonts, scales, ticks and the legend. */
import { escapeHtml } from '../../format/escape.ts';
import type { Bilingual } from '../chartSpecs/chartSpec.ts';
import { armColour, armDash } from '../chartSpecs/palette.ts';

export { ARM_COLOURS, ARM_DASHES, armColour, armDash } from '../chartSpecs/palette.ts';
export type { Bilingual } from '../chartSpecs/chartSpec.ts';

/** Reference lines and axes. */
export const INK = '#222222';
export const MUTED = '#666666';
export const GRID = '#e3e3e3';
/** System fonts only (no external resource), with CJK faces first so Chinese labels render. */
export const FONT =
  "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','Noto Sans',Arial,sans-serif";

/**
 * The language a chart is drawn in: one of the two for report.html (which shows each view its own chart), or both
 * together, Chinese first, for the chart files of a pack, which stand alone.
 */
export type ChartLang = 'zh' | 'en' | 'both';

/** A text in the chart's language, not escaped: "中文 / English" when both. */
export function plain(text: Bilingual, lang: ChartLang = 'both'): string {
  if (lang !== 'both') return text[lang];
  return text.zh === text.en ? text.zh : `${text.zh} / ${text.en}`;
}

/** A text in the chart's language, escaped. */
export function say(text: Bilingual, lang: ChartLang = 'both'): string {
  return escapeHtml(plain(text, lang));
}

/** "中文 / English" as one escaped label. */
export function both(text: Bilingual): string {
  return say(text, 'both');
}

/** The lines of a text that takes a line per language: one line in one language, Chinese then English when both. */
export function lines(text: Bilingual, lang: ChartLang): string[] {
  return lang === 'both' ? [text.zh, text.en] : [text[lang]];
}

/** A number rounded for an SVG coordinate (two decimals are far below a pixel). */
export const px = (x: number): string => String(Math.round(x * 100) / 100);

/** A linear map from [d0, d1] to [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): (x: number) => number {
  const span = d1 - d0 || 1;
  return (x) => r0 + ((x - d0) / span) * (r1 - r0);
}

/**
 * The largest power of ten at or below `x` > 0, with a power of ten written exactly (1e-3, not 10 ** -3), by
 * multiplying and dividing only: Math.log10 and ** may differ in the last bit between engines, and a chart must
 * be the same bytes in Node and in a browser.
 */
export function powerOfTenBelow(x: number): number {
  let exponent = 0;
  let value = 1;
  while (value * 10 <= x && exponent < 300) {
    value *= 10;
    exponent += 1;
  }
  while (value > x && exponent > -300) {
    exponent -= 1;
    value = Number(`1e${exponent}`);
  }
  return exponent >= 0 ? Number(`1e${exponent}`) : value;
}

/** About `count` round tick values covering [lo, hi] (steps of 1, 2 or 5 × 10^k). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const power = powerOfTenBelow(raw);
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
    ticks.push(Number(v.toPrecision(12)));
  }
  return ticks;
}

/** The upper end of an axis that starts at 0: the last nice tick at or above `max`. */
export function niceMax(max: number, count = 5): number {
  if (!(max > 0)) return 1;
  const ticks = niceTicks(0, max, count);
  const last = ticks[ticks.length - 1] ?? max;
  if (last >= max) return last;
  const step = ticks.length > 1 ? last - (ticks[ticks.length - 2] ?? 0) : max;
  return last + step;
}

/** Rough width in pixels of `text` at `fontSize` (CJK characters are full-width), for layout without a DOM. */
export function textWidth(text: string, fontSize = 12): number {
  let width = 0;
  for (const ch of text)
    width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? 1 : /[A-Z]/.test(ch) ? 0.68 : 0.56;
  return width * fontSize;
}

/** The opening tag of a standalone, self-describing SVG. */
export function svgOpen(width: number, height: number, title: Bilingual, lang: ChartLang = 'both'): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `role="img" font-family="${FONT}" font-size="12" fill="${INK}">` +
    `<title>${say(title, lang)}</title>` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    `<text x="12" y="22" font-size="15" font-weight="bold">${say(title, lang)}</text>`
  );
}

/**
 * A legend of arm names (a line sample in the arm's colour and dash, then the name), wrapping to new rows; returns
 * the markup and the height it takes.
 */
export function legend(names: readonly string[], x: number, y: number, width: number): { svg: string; height: number } {
  let svg = '';
  let cx = x;
  let cy = y;
  for (const [i, name] of names.entries()) {
    const shown = name.length > 60 ? `${name.slice(0, 59)}…` : name;
    const w = 30 + textWidth(shown);
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += 18;
    }
    const dash = armDash(i) === 'none' ? '' : ` stroke-dasharray="${armDash(i)}"`;
    svg +=
      `<line x1="${px(cx)}" y1="${px(cy - 4)}" x2="${px(cx + 24)}" y2="${px(cy - 4)}" stroke="${armColour(i)}" ` +
      `stroke-width="3"${dash}/>` +
      `<text x="${px(cx + 30)}" y="${px(cy)}">${escapeHtml(shown)}</text>`;
    cx += w + 12;
  }
  return { svg, height: cy - y + 18 };
}
