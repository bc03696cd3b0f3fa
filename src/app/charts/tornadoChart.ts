/** The tornado chart of a sensitivity result: per parameter, how far one headline difference moves at its low and high value. */
import * as Plot from '@observablehq/plot';
import type { SensitivityResult } from '../../analysis/index.ts';
import type { ChartFigure } from './chartTypes.ts';
import { armColour, REFERENCE_COLOUR } from './palette.ts';

/** One bar: a parameter at one end of its range, and the change of the difference (display units). */
export interface TornadoBar {
  param: string;
  end: 'low' | 'high';
  /** Label of the end in the reader's language, with the value (e.g. "low 12.8"). */
  label: string;
  delta: number;
}

/** Texts of the chart. */
export interface TornadoText {
  title: string;
  caption: string;
  x: string;
  low: string;
  high: string;
}

/**
 * The bars of one metric, parameters ranked by that metric's swing (largest first; ties in the result's order).
 * `name` gives each parameter's display name; `scale` converts to display units (100 for shares in %).
 */
export function tornadoBars(
  result: SensitivityResult,
  metric: string,
  name: (path: string) => string,
  text: Pick<TornadoText, 'low' | 'high'>,
  scale = 1,
): TornadoBar[] {
  const ranked = result.params
    .map((p, i) => ({ p, i, swing: p.effects[metric]?.swing ?? 0 }))
    .sort((a, b) => b.swing - a.swing || a.i - b.i);
  return ranked.flatMap(({ p }) => {
    const e = p.effects[metric];
    const param = name(p.path);
    return [
      { param, end: 'low' as const, label: `${text.low} ${p.low}`, delta: (e?.deltaLow ?? 0) * scale },
      { param, end: 'high' as const, label: `${text.high} ${p.high}`, delta: (e?.deltaHigh ?? 0) * scale },
    ];
  });
}

/** The figure: one horizontal bar from zero per parameter end, low and high in two colours, a rule at zero. */
export function tornadoChart(
  result: SensitivityResult,
  metric: string,
  name: (path: string) => string,
  text: TornadoText,
  scale = 1,
): ChartFigure {
  const bars = tornadoBars(result, metric, name, text, scale);
  const params = [...new Set(bars.map((b) => b.param))];
  const reach = Math.max(0, ...bars.map((b) => Math.abs(b.delta)).filter(Number.isFinite));
  // The legend names the two ends in the reader's language, not by their ids.
  const endName = (b: TornadoBar) => (b.end === 'low' ? text.low : text.high);
  return {
    title: text.title,
    caption: text.caption,
    layout: 'column',
    panels: [
      {
        height: 60 + 26 * Math.max(1, params.length),
        marginLeft: 220,
        marginRight: 24,
        x: { label: text.x, domain: [-reach * 1.1 || -1, reach * 1.1 || 1], grid: true },
        y: { label: null, domain: params, padding: 0.2 },
        color: { domain: [text.low, text.high], range: [armColour(0), armColour(1)], legend: true },
        marks: [
          Plot.barX(bars, { y: 'param', x1: 0, x2: 'delta', fill: endName, fillOpacity: 0.85, title: 'label' }),
          Plot.ruleX([0], { stroke: REFERENCE_COLOUR }),
        ],
      },
    ],
  };
}
