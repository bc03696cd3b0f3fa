/** The headline metrics side by side: one panel per metric, a bar per arm (mean) with its 95% interval. */
import { escapeHtml } from '../../format/escape.ts';
import { fixed } from '../format.ts';
import { TERMS } from '../glossary.ts';
import { tickDigits } from './axes.ts';
import {
  armColour,
  GRID,
  INK,
  legend,
  linear,
  MUTED,
  niceMax,
  niceTicks,
  px,
  say,
  svgOpen,
  type Bilingual,
  type ChartLang,
} from './svg.ts';

const WIDTH = 640;
const COLUMNS = 2;
const GAP = 24;
const ROW = 24;

/** One arm's value of a metric: the mean over replications and its 95% interval. */
export interface ArmValue {
  mean: number;
  lo: number;
  hi: number;
}

/** One panel: a metric with its display scale and, in arm order, each arm's value. */
export interface MetricPanel {
  title: Bilingual;
  /** Multiplier from the metric's unit to the one shown (100 for a share shown in %). */
  scale: number;
  digits: number;
  /** Appended to the shown values, e.g. "%". */
  suffix: string;
  /** A value drawn as a dashed line (e.g. 1.0 for "no added risk"). */
  reference?: number;
  arms: readonly ArmValue[];
}

/** Letter of the arm at `index` (A, B, …), which labels its bars and its legend entry. */
export const armLetter = (index: number): string => String.fromCharCode(65 + (index % 26));

/** SVG of the metric panels in two columns; `armNames` in arm order, in the chart's language. */
export function headlineChartSvg(
  armNames: readonly string[],
  panels: readonly MetricPanel[],
  lang: ChartLang = 'both',
): string {
  const title = { zh: TERMS.headline.zh, en: TERMS.headline.en };
  const key = legend(
    armNames.map((n, i) => `${armLetter(i)}: ${n}`),
    16,
    46,
    WIDTH - 32,
  );
  const panelWidth = (WIDTH - 32 - GAP * (COLUMNS - 1)) / COLUMNS;
  const panelHeight = 42 + armNames.length * ROW + 28;
  const top = 46 + key.height + 6;
  const rows = Math.ceil(panels.length / COLUMNS);
  const height = top + rows * (panelHeight + 12) + 26;

  let svg = svgOpen(WIDTH, height, title, lang) + key.svg;
  for (const [p, panel] of panels.entries()) {
    const x0 = 16 + (p % COLUMNS) * (panelWidth + GAP);
    const y0 = top + Math.floor(p / COLUMNS) * (panelHeight + 12);
    svg += panelSvg(panel, x0, y0, panelWidth, lang);
  }
  svg +=
    `<text x="16" y="${px(height - 10)}" font-size="11" fill="${MUTED}">` +
    `${say({ zh: '条形：平均值；误差线：按重复次数计算的 95% 区间', en: 'Bars: mean; whiskers: 95% interval over replications' }, lang)}</text>`;
  return `${svg}</svg>`;
}

function panelSvg(panel: MetricPanel, x0: number, y0: number, width: number, lang: ChartLang): string {
  const shown = panel.arms.map((a) => ({ mean: a.mean * panel.scale, lo: a.lo * panel.scale, hi: a.hi * panel.scale }));
  const finite = shown.flatMap((a) => [a.mean, a.lo, a.hi]).filter(Number.isFinite);
  const reference = panel.reference === undefined ? [] : [panel.reference * panel.scale];
  const lo = Math.min(0, ...finite, ...reference);
  const hi = Math.max(0, ...finite, ...reference);
  // The axis ends on round ticks beyond the data (niceMax mirrored for negative values).
  const d0 = lo < 0 ? -niceMax(-lo, 4) : 0;
  const d1 = hi > 0 ? niceMax(hi, 4) : d0 < 0 ? 0 : 1;
  const ticks = niceTicks(d0, d1, 4);
  const left = x0 + 20;
  const right = x0 + width - 52;
  const x = linear(d0, d1, left, right);
  const barsTop = y0 + 42;
  const barsBottom = barsTop + shown.length * ROW;

  // Two lines when both languages are shown, Chinese then English: one line of both would not fit half the width.
  let svg =
    lang === 'both'
      ? `<text x="${px(x0)}" y="${px(y0 + 14)}" font-weight="bold">${escapeHtml(panel.title.zh)}</text>` +
        `<text x="${px(x0)}" y="${px(y0 + 29)}" font-size="11" fill="${MUTED}">${escapeHtml(panel.title.en)}</text>`
      : `<text x="${px(x0)}" y="${px(y0 + 22)}" font-weight="bold">${escapeHtml(panel.title[lang])}</text>`;
  for (const t of ticks) {
    svg +=
      `<line x1="${px(x(t))}" x2="${px(x(t))}" y1="${px(barsTop - 4)}" y2="${px(barsBottom + 2)}" stroke="${GRID}"/>` +
      `<text x="${px(x(t))}" y="${px(barsBottom + 16)}" text-anchor="middle" font-size="11" fill="${MUTED}">` +
      `${escapeHtml(fixed(t, tickDigits(ticks)) + panel.suffix)}</text>`;
  }
  svg += `<line x1="${px(x(0))}" x2="${px(x(0))}" y1="${px(barsTop - 4)}" y2="${px(barsBottom + 2)}" stroke="${MUTED}"/>`;
  for (const r of reference) {
    svg += `<line x1="${px(x(r))}" x2="${px(x(r))}" y1="${px(barsTop - 6)}" y2="${px(barsBottom + 2)}" stroke="${INK}" stroke-dasharray="4,3"/>`;
  }
  for (const [i, a] of shown.entries()) {
    const cy = barsTop + i * ROW + ROW / 2;
    svg += `<text x="${px(x0 + 2)}" y="${px(cy + 4)}" font-weight="bold">${armLetter(i)}</text>`;
    if (!Number.isFinite(a.mean)) {
      svg += `<text x="${px(left)}" y="${px(cy + 4)}" fill="${MUTED}">–</text>`;
      continue;
    }
    const from = Math.min(x(0), x(a.mean));
    svg += `<rect x="${px(from)}" y="${px(cy - 8)}" width="${px(Math.abs(x(a.mean) - x(0)))}" height="16" fill="${armColour(i)}"/>`;
    const hasInterval = Number.isFinite(a.lo) && Number.isFinite(a.hi) && a.hi > a.lo;
    if (hasInterval) {
      svg +=
        `<path d="M${px(x(a.lo))},${px(cy)}H${px(x(a.hi))}M${px(x(a.lo))},${px(cy - 5)}V${px(cy + 5)}` +
        `M${px(x(a.hi))},${px(cy - 5)}V${px(cy + 5)}" stroke="${INK}" stroke-width="1.5" fill="none"/>`;
    }
    const end = Math.max(x(a.mean), hasInterval ? x(a.hi) : x(a.mean), x(0));
    svg += `<text x="${px(end + 5)}" y="${px(cy + 4)}">${escapeHtml(fixed(a.mean, panel.digits) + panel.suffix)}</text>`;
  }
  return svg;
}
