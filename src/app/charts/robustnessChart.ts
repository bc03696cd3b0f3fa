/**
 * Where a conclusion fails: the worlds over two assumptions, hollow where the difference keeps its direction, filled
 * where it fails, the PRIM box dashed. Data, axes, box and texts come from the spec report.html draws too
 * (src/evidence/chartSpecs/robustnessSpec.ts); this file only says how Plot draws it in one language.
 */
import * as Plot from '@observablehq/plot';
import { FAILS_COLOUR, HOLDS_COLOUR, type RobustnessChartSpec } from '../../evidence/chartSpecs/robustnessSpec.ts';
import type { ChartFigure } from './chartTypes.ts';
import { REFERENCE_COLOUR } from './palette.ts';

/** The tip's names of a world's number and status. */
const TIP_WORLD = { zh: '世界', en: 'World' };
const TIP_STATUS = { zh: '方向', en: 'Direction' };

/** One world as Plot draws it: its values, and its status in the reader's words. */
export interface RobustnessRow {
  world: number;
  x: number;
  y: number;
  status: string;
}

/** The figure of a robustness spec in `lang`. */
export function robustnessChart(spec: RobustnessChartSpec, lang: 'zh' | 'en'): ChartFigure {
  const holds = spec.legend.holds[lang];
  const fails = spec.legend.fails[lang];
  const rows: RobustnessRow[] = spec.dots.map((d) => ({
    world: d.world + 1,
    x: d.x,
    y: d.y,
    status: d.holds ? holds : fails,
  }));
  const box = spec.box;
  return {
    title: spec.title[lang],
    caption: spec.caption[lang],
    layout: 'column',
    panels: [
      {
        height: 380,
        marginLeft: 64,
        marginBottom: 44,
        x: { label: spec.x.label[lang], domain: spec.x.domain, inset: 6, labelAnchor: 'center', labelArrow: 'none' },
        y: { label: spec.y.label[lang], domain: spec.y.domain, inset: 6, grid: true, labelArrow: 'none' },
        color: { domain: [holds, fails], range: [HOLDS_COLOUR, FAILS_COLOUR], legend: true },
        marks: [
          ...(box
            ? [
                Plot.rect([box], {
                  x1: (b: typeof box) => b.x[0],
                  x2: (b: typeof box) => b.x[1],
                  y1: (b: typeof box) => b.y[0],
                  y2: (b: typeof box) => b.y[1],
                  fill: FAILS_COLOUR,
                  fillOpacity: 0.08,
                  stroke: REFERENCE_COLOUR,
                  strokeWidth: 1.5,
                  strokeDasharray: '6,3',
                }),
                Plot.text([box], {
                  x: (b: typeof box) => b.x[0],
                  y: (b: typeof box) => b.y[1],
                  text: () => spec.legend.box[lang],
                  textAnchor: 'start',
                  dx: 4,
                  dy: 8,
                  fill: REFERENCE_COLOUR,
                }),
              ]
            : []),
          Plot.dot(
            rows.filter((r) => r.status === holds),
            { x: 'x', y: 'y', stroke: 'status', fill: 'white', r: 3.5 },
          ),
          Plot.dot(
            rows.filter((r) => r.status === fails),
            { x: 'x', y: 'y', stroke: 'status', fill: 'status', r: 3.5 },
          ),
          Plot.frame({ stroke: '#cccccc' }),
          Plot.tip(
            rows,
            Plot.pointer({ x: 'x', y: 'y', channels: { [TIP_WORLD[lang]]: 'world', [TIP_STATUS[lang]]: 'status' } }),
          ),
        ],
      },
    ],
  };
}
