/** A panel of one distribution per arm: a bar from p10 to p90, a dot at the median and a diamond at the mean. */
import * as Plot from '@observablehq/plot';
import type { Dist } from '../../sim/results.ts';
import { armColour, REFERENCE_COLOUR } from './palette.ts';

/** Room on the left for arm names such as "最严算法（p10）". */
export const ARM_AXIS_MARGIN = 150;
/** Height of one arm's row (px). */
const ROW_HEIGHT = 44;

/** One arm's distribution. */
export interface RangeRow extends Dist {
  arm: string;
}

/** A labelled reference line (a limit or a standard) at x. */
export interface ReferenceLine {
  x: number;
  label: string;
}

/** The rows of a distribution metric, one per arm. */
export function rangeRows(arms: readonly { name: string }[], dists: readonly Dist[]): RangeRow[] {
  return arms.map((arm, i) => {
    const d = dists[i] ?? { mean: Number.NaN, p10: Number.NaN, p50: Number.NaN, p90: Number.NaN };
    return { arm: arm.name, mean: d.mean, p10: d.p10, p50: d.p50, p90: d.p90 };
  });
}

/** Plot options of a range panel; `x` is the axis label with its unit. */
export function rangePanel(
  rows: readonly RangeRow[],
  x: string,
  references: readonly ReferenceLine[] = [],
  title?: string,
): Plot.PlotOptions {
  const names = rows.map((r) => r.arm);
  const finite = rows.flatMap((r) => [r.p10, r.p90, r.mean]).filter(Number.isFinite);
  const top = Math.max(0, ...finite, ...references.map((r) => r.x));
  return {
    ...(title ? { subtitle: title } : {}),
    height: 56 + ROW_HEIGHT * Math.max(1, rows.length),
    marginLeft: ARM_AXIS_MARGIN,
    marginTop: references.length > 0 ? 28 : 12,
    marginRight: 24,
    x: { label: x, domain: [0, top * 1.08 || 1], grid: true },
    y: { label: null, domain: names, padding: 0.3 },
    color: { domain: names, range: names.map((_, i) => armColour(i)) },
    marks: [
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
      Plot.ruleY(rows, { y: 'arm', x1: 'p10', x2: 'p90', stroke: 'arm', strokeWidth: 6, strokeOpacity: 0.45 }),
      Plot.dot(rows, { y: 'arm', x: 'p50', fill: 'arm', r: 6, stroke: 'white' }),
      Plot.dot(rows, { y: 'arm', x: 'mean', symbol: 'diamond', stroke: 'arm', fill: 'none', r: 7, strokeWidth: 2 }),
      Plot.tip(
        rows,
        Plot.pointerY({
          y: 'arm',
          x: 'p50',
          channels: { p10: 'p10', p50: 'p50', p90: 'p90', mean: 'mean' },
          format: { x: false, y: true, p10: '.1f', p50: '.1f', p90: '.1f', mean: '.1f' },
        }),
      ),
    ],
  };
}
