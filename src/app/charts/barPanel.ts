/** A panel of one number per arm as horizontal bars, with optional reference lines (limits). */
import * as Plot from '@observablehq/plot';
import { armColour, REFERENCE_COLOUR } from './palette.ts';
import { ARM_AXIS_MARGIN, type ReferenceLine } from './rangePanel.ts';

/** One arm's value, in display units. */
export interface BarRow {
  arm: string;
  value: number;
}

/** Plot options of a bar panel; `x` is the axis label with its unit, `digits` the value labels' decimals. */
export function barPanel(
  rows: readonly BarRow[],
  x: string,
  references: readonly ReferenceLine[] = [],
  digits = 1,
): Plot.PlotOptions {
  const names = rows.map((r) => r.arm);
  const top = Math.max(0, ...rows.map((r) => r.value).filter(Number.isFinite), ...references.map((r) => r.x));
  const label = (r: BarRow) => (Number.isFinite(r.value) ? r.value.toFixed(digits) : '–');
  return {
    height: 56 + 40 * Math.max(1, rows.length),
    marginLeft: ARM_AXIS_MARGIN,
    marginTop: references.length > 0 ? 28 : 12,
    marginRight: 48,
    x: { label: x, domain: [0, top * 1.12 || 1], grid: true },
    y: { label: null, domain: names, padding: 0.25 },
    color: { domain: names, range: names.map((_, i) => armColour(i)) },
    marks: [
      Plot.barX(rows, { y: 'arm', x: 'value', fill: 'arm', fillOpacity: 0.85 }),
      Plot.text(rows, { y: 'arm', x: 'value', text: label, textAnchor: 'start', dx: 4 }),
      Plot.ruleX([0]),
      Plot.ruleX(references, { x: 'x', stroke: REFERENCE_COLOUR, strokeDasharray: '4,3' }),
      Plot.text(references, {
        x: 'x',
        text: 'label',
        frameAnchor: 'top',
        dy: -14,
        dx: -3,
        textAnchor: 'end', // left of the line, so a limit near the right edge keeps its label
        fill: REFERENCE_COLOUR,
      }),
    ],
  };
}
