/** The zone-of-agreement heat map: one cell per grid point, shaded by which side's limits hold, the current proposal starred. */
import * as Plot from '@observablehq/plot';
import type { ZoneResult } from '../../analysis/index.ts';
import type { ChartFigure } from './chartTypes.ts';

/** Which sides accept a cell. */
export type ZoneStatus = 'both' | 'unionOnly' | 'platformOnly' | 'neither';

/** One drawn cell. */
export interface ZoneCellRow {
  x: string;
  y: string;
  status: ZoneStatus;
  current: boolean;
}

/** Texts of the chart; `status` names each status in the reader's language. */
export interface ZoneText {
  title: string;
  caption: string;
  x: string;
  y: string;
  status: Record<ZoneStatus, string>;
}

const FILL: Record<ZoneStatus, string> = {
  both: '#009E73',
  unionOnly: '#A6DBCB',
  platformOnly: '#F3D58C',
  neither: '#FFFFFF',
};

/** The cells of a zone result, in the result's order. */
export function zoneRows(result: ZoneResult): ZoneCellRow[] {
  return result.cells.map((c, i) => ({
    x: String(c.x),
    y: String(c.y),
    status: c.agreed ? 'both' : c.unionHolds ? 'unionOnly' : c.platformHolds ? 'platformOnly' : 'neither',
    current: result.current.index === i,
  }));
}

/** The figure: a cell mark per grid point (ordinal axes in the grid's order) and a star on the current proposal. */
export function zoneChart(result: ZoneResult, text: ZoneText): ChartFigure {
  const rows = zoneRows(result);
  const statuses = Object.keys(FILL) as ZoneStatus[];
  const named = rows.map((r) => ({ ...r, label: text.status[r.status] }));
  return {
    title: text.title,
    caption: text.caption,
    layout: 'column',
    panels: [
      {
        height: 80 + 44 * Math.max(1, result.y.values.length),
        marginLeft: 64,
        x: { label: text.x, domain: result.x.values.map(String) },
        y: { label: text.y, domain: result.y.values.map(String).reverse() },
        color: {
          domain: statuses.map((s) => text.status[s]),
          range: statuses.map((s) => FILL[s]),
          legend: true,
        },
        marks: [
          Plot.cell(named, { x: 'x', y: 'y', fill: 'label', stroke: '#999999', inset: 1 }),
          Plot.text(
            named.filter((r) => r.current),
            { x: 'x', y: 'y', text: () => '★', fontSize: 20 },
          ),
        ],
      },
    ],
  };
}
