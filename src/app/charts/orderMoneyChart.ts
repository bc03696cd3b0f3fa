/**
 * Where the delivery money of one delivered order goes, one stacked bar per arm, from the spec the report draws too
 * (src/evidence/chartSpecs/orderMoneySpec.ts). The platform's loss runs left of zero; a black tick marks its revenue.
 */
import * as Plot from '@observablehq/plot';
import { fixed } from '../../evidence/format.ts';
import { orderMoneySpec, type MoneyArm, type OrderMoneySpec } from '../../evidence/chartSpecs/orderMoneySpec.ts';
import { profitNote } from '../../evidence/orderMoney.ts';
import type { CatalogueLang } from '../../analysis/index.ts';
import type { ChartFigure } from './chartTypes.ts';

/** One arm: its display name in the reader's language and its order money. */
export type MoneyChartArm = MoneyArm;

/** Texts of the chart. */
export interface MoneyText {
  title: string;
  caption: string;
  x: string;
}

/** One segment of one arm's bar, CNY per delivered order, with its ends on the stacked axis. */
export interface MoneyBar {
  arm: string;
  label: string;
  colour: string;
  ink: string;
  cny: number;
  x1: number;
  x2: number;
}

/** Segments narrower than this share of the axis carry no number (it is in the tooltip and the note). */
const LABEL_MIN_SHARE = 0.07;
/** Pixels per arm: the name, the bar and the note under it. */
const ROW_PX = 100;
/** The bar's height is the band's (0.4 of a row) less these insets. */
const BAR_INSET_PX = 7;

/** Two decimals, with a real minus sign. */
export const moneyText = (cny: number): string => fixed(cny, 2).replace(/^-/, '−');

/** The bars of a spec: every segment of every arm, stacked; a part of 0 draws nothing and is left out. */
export function orderMoneySpecBars(spec: OrderMoneySpec, lang: CatalogueLang): MoneyBar[] {
  return spec.bars.flatMap((arm) =>
    arm.stack
      .filter(({ segment }) => segment.cny !== 0)
      .map(({ segment, from, to }) => ({
        arm: arm.name,
        label: segment.label[lang],
        colour: segment.colour,
        ink: segment.ink,
        cny: segment.cny,
        x1: from,
        x2: to,
      })),
  );
}

/** The chart's bars: every segment of every arm, stacked; a part of 0 draws nothing and is left out. */
export function orderMoneyBars(arms: readonly MoneyChartArm[], lang: CatalogueLang): MoneyBar[] {
  return orderMoneySpecBars(orderMoneySpec(arms, Number.NaN), lang);
}

/** The figure of a spec: a stacked bar per arm, its name above and the platform's revenue and profit per order below. */
export function orderMoneyPlot(spec: OrderMoneySpec, lang: CatalogueLang, text: MoneyText): ChartFigure {
  const arms = spec.bars;
  const bars = orderMoneySpecBars(spec, lang);
  const names = arms.map((a) => a.name);
  const legend = new Map<string, string>();
  for (const s of spec.legend) if (!legend.has(s.label[lang])) legend.set(s.label[lang], s.colour);
  const { lo, hi } = spec;
  const span = hi - lo || 1;
  const labelled = bars.filter((b) => b.x2 - b.x1 >= span * LABEL_MIN_SHARE);
  const rows = arms.map((a) => ({ arm: a.name, revenue: a.money.revenue, note: profitNote(a.money, moneyText)[lang] }));
  const number = (b: MoneyBar) => moneyText(b.cny);
  const textAt = { x: (b: MoneyBar) => (b.x1 + b.x2) / 2, y: 'arm', text: number, fontSize: 11 };
  return {
    title: text.title,
    caption: text.caption,
    layout: 'column',
    panels: [
      {
        height: 10 + 40 + arms.length * ROW_PX,
        marginTop: 10,
        marginLeft: 16,
        marginRight: 24,
        marginBottom: 40,
        x: { label: text.x, labelAnchor: 'center', labelArrow: 'none', domain: [lo, hi], nice: true },
        // Wide padding leaves room above each bar for the arm's name and below it for the note: a step of ROW_PX.
        y: { axis: null, domain: names, paddingInner: 0.6, paddingOuter: 0.3 },
        color: { domain: [...legend.keys()], range: [...legend.values()], legend: true },
        marks: [
          Plot.barX(bars, {
            x1: 'x1',
            x2: 'x2',
            y: 'arm',
            fill: 'label',
            insetTop: BAR_INSET_PX,
            insetBottom: BAR_INSET_PX,
            title: (b: MoneyBar) => `${b.arm}\n${b.label}: ${number(b)}`,
          }),
          // Zero and the revenue tick cross the bars only, never the names and notes around them.
          Plot.ruleX(rows, { x: 0, y: 'arm', stroke: '#222222' }),
          Plot.tickX(rows, { x: 'revenue', y: 'arm', stroke: '#222222', strokeWidth: 3, inset: 2 }),
          // Colours as values (ink and halo), not through the colour scale; the halo keeps the tick off the number.
          Plot.text(labelled, {
            ...textAt,
            fill: 'ink',
            stroke: 'colour',
            strokeWidth: 4,
            paintOrder: 'stroke',
          }),
          Plot.text(rows, {
            y: 'arm',
            text: 'arm',
            textAnchor: 'start',
            dy: -27,
            fontWeight: 'bold',
            fontSize: 13,
            frameAnchor: 'left',
          }),
          Plot.text(rows, {
            y: 'arm',
            text: 'note',
            textAnchor: 'start',
            dy: 27,
            fontSize: 12,
            fill: '#444444',
            frameAnchor: 'left',
          }),
        ],
      },
    ],
  };
}

/** The chart of `arms`: a stacked bar per arm, its name above and the platform's revenue and profit per order below. */
export function orderMoneyChart(arms: readonly MoneyChartArm[], lang: CatalogueLang, text: MoneyText): ChartFigure {
  return orderMoneyPlot(orderMoneySpec(arms, Number.NaN), lang, text);
}
