/**
 * Couriers' net pay per online hour against the local minimum hourly wage, one row per arm: a bar from the 10th to
 * the 90th percentile of courier-days, a dot at the median and a diamond at the mean, the wage as a dashed line, and
 * under each arm's name the share of courier-days below it. The report's first chart, drawn by hand like the
 * others (the workbench draws the same in Plot: src/app/charts/earningsChart.ts).
 */
import { escapeHtml } from '../../format/escape.ts';
import { earningsSpec, type EarningsArm, type EarningsSpec } from '../chartSpecs/earningsSpec.ts';
import { fixed } from '../format.ts';
import { tickDigits } from './axes.ts';
import {
  GRID,
  INK,
  linear,
  MUTED,
  niceMax,
  niceTicks,
  plain,
  px,
  say,
  svgOpen,
  textWidth,
  type Bilingual,
  type ChartLang,
} from './svg.ts';

export type { EarningsArm } from '../chartSpecs/earningsSpec.ts';

const WIDTH = 640;
/** The left column holds each arm's name and its share below the wage. */
const LEFT = 200;
const RIGHT = WIDTH - 24;
const ROW = 54;

/** A diamond of half-width `r` centred on (x, y). */
const diamond = (x: number, y: number, r: number) =>
  `M${px(x)},${px(y - r)}L${px(x + r)},${px(y)}L${px(x)},${px(y + r)}L${px(x - r)},${px(y)}Z`;

/** SVG of an earnings spec: each arm's net pay per online hour, with the minimum wage drawn. */
export function earningsSpecSvg(spec: EarningsSpec, lang: ChartLang): string {
  const arms = spec.rows;
  const minHourlyWageCny = spec.minWage.at;
  const legendTop = 44;
  const top = legendTop + 40;
  const bottom = top + Math.max(1, arms.length) * ROW;
  const height = bottom + 46;
  const ends = arms.flatMap((a) => [a.dist.p10, a.dist.p90, a.dist.mean]);
  const finite = [...ends, minHourlyWageCny].filter(Number.isFinite);
  const lo = Math.min(0, ...finite);
  const d0 = lo < 0 ? -niceMax(-lo, 3) : 0;
  const d1 = niceMax(Math.max(1, ...finite), 6);
  const ticks = niceTicks(d0, d1, 6);
  const x = linear(d0, d1, LEFT, RIGHT);

  let svg = svgOpen(WIDTH, height, spec.title, lang);
  // The key: what the bar, the dot and the diamond are.
  const key: { mark: string; text: Bilingual }[] = [
    {
      mark: `<rect x="0" y="-9" width="22" height="10" fill="${MUTED}" fill-opacity="0.45"/>`,
      text: { zh: '第 10 至第 90 百分位的骑手日', en: '10th to 90th percentile of courier-days' },
    },
    { mark: `<circle cx="11" cy="-4" r="5" fill="${MUTED}"/>`, text: { zh: '中位数', en: 'median' } },
    {
      mark: `<path d="${diamond(11, -4, 6)}" fill="none" stroke="${MUTED}" stroke-width="2"/>`,
      text: { zh: '平均数', en: 'mean' },
    },
  ];
  let kx = 16;
  for (const k of key) {
    svg += `<g transform="translate(${px(kx)} ${legendTop})">${k.mark}<text x="28" y="0" font-size="11">${say(k.text, lang)}</text></g>`;
    kx += 40 + textWidth(plain(k.text, lang), 11);
  }
  // Grid and ticks.
  for (const t of ticks) {
    svg +=
      `<line x1="${px(x(t))}" x2="${px(x(t))}" y1="${px(top - 6)}" y2="${px(bottom)}" stroke="${GRID}"/>` +
      `<text x="${px(x(t))}" y="${px(bottom + 16)}" text-anchor="middle" font-size="11" fill="${MUTED}">` +
      `${escapeHtml(fixed(t, tickDigits(ticks)))}</text>`;
  }
  svg +=
    `<line x1="${px(LEFT)}" x2="${px(RIGHT)}" y1="${px(bottom)}" y2="${px(bottom)}" stroke="${MUTED}"/>` +
    `<text x="${px((LEFT + RIGHT) / 2)}" y="${px(bottom + 34)}" text-anchor="middle">` +
    `${say(spec.x, lang)}</text>`;
  // The wage line, labelled above the rows.
  if (Number.isFinite(minHourlyWageCny)) {
    const wx = x(minHourlyWageCny);
    const label = spec.minWage.label;
    svg +=
      `<line x1="${px(wx)}" x2="${px(wx)}" y1="${px(top - 14)}" y2="${px(bottom)}" stroke="${INK}" stroke-width="1.5" stroke-dasharray="5,3"/>` +
      `<text x="${px(wx - 4)}" y="${px(top - 18)}" text-anchor="end" font-size="11" font-weight="bold">${say(label, lang)}</text>`;
  }
  for (const [i, arm] of arms.entries()) {
    const cy = top + i * ROW + ROW / 2;
    const d = arm.dist;
    const colour = arm.colour;
    const name = arm.name.length > 28 ? `${arm.name.slice(0, 27)}…` : arm.name;
    svg +=
      `<text x="16" y="${px(cy - 4)}" font-weight="bold">${escapeHtml(name)}</text>` +
      `<text x="16" y="${px(cy + 12)}" font-size="11" fill="${MUTED}">${say(arm.below, lang)}</text>`;
    if (Number.isFinite(d.p10) && Number.isFinite(d.p90)) {
      svg += `<rect x="${px(x(d.p10))}" y="${px(cy - 6)}" width="${px(Math.max(1, x(d.p90) - x(d.p10)))}" height="12" fill="${colour}" fill-opacity="0.45"/>`;
    }
    if (Number.isFinite(d.p50)) {
      svg += `<circle cx="${px(x(d.p50))}" cy="${px(cy)}" r="6" fill="${colour}" stroke="#ffffff"/>`;
    }
    if (Number.isFinite(d.mean)) {
      svg += `<path d="${diamond(x(d.mean), cy, 7)}" fill="none" stroke="${colour}" stroke-width="2"/>`;
    }
  }
  return `${svg}</svg>`;
}

/** SVG of the arms' net pay per online hour, with the minimum hourly wage `minHourlyWageCny` drawn. */
export function earningsChartSvg(arms: readonly EarningsArm[], minHourlyWageCny: number, lang: ChartLang): string {
  return earningsSpecSvg(earningsSpec(arms, minHourlyWageCny), lang);
}
