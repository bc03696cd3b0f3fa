/** A sweep: each chosen metric along the parameter, per arm with 95% bands, and the paired difference of the arms. */
import * as Plot from '@observablehq/plot';
import type { SweepDifference, SweepPoint } from '../sweepSeries.ts';
import type { ChartFigure } from './chartTypes.ts';
import { armColour, armDash, REFERENCE_COLOUR } from './palette.ts';

/** A metric to draw: its path, name, unit, and the factor to display units (100 for shares in %). */
export interface SweepMetric {
  path: string;
  name: string;
  unit: string;
  scale: number;
}

/** "name (unit)". */
export function metricLabel(metric: SweepMetric): string {
  return metric.unit ? `${metric.name} (${metric.unit})` : metric.name;
}

/**
 * A y domain that always has height: Plot draws a flat series (the same value at every point, e.g. a difference of 0
 * between identical arms) with a degenerate scale and unreadable ticks otherwise.
 */
export function paddedDomain(values: readonly number[]): [number, number] | undefined {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return undefined;
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  if (hi - lo > 1e-9 * Math.max(1, Math.abs(hi))) return undefined;
  const pad = Math.max(1, Math.abs(hi) * 0.1);
  return [lo - pad, hi + pad];
}

/** Texts of the sweep chart. */
export interface SweepText {
  title: string;
  caption: string;
  /** The parameter's name with its unit (the x axis). */
  x: string;
  /** Title of the difference panels, e.g. "算法取中 − 最严算法". */
  difference: string;
}

/** What the chart draws. */
export interface SweepChartData {
  arms: readonly { id: string; name: string }[];
  points: readonly SweepPoint[];
  differences: readonly SweepDifference[];
}

interface Row {
  arm: string;
  value: number;
  mean: number;
  lo: number;
  hi: number;
}

function armPanel(data: SweepChartData, metric: SweepMetric, x: string): Plot.PlotOptions {
  const names = data.arms.map((a) => a.name);
  const nameOf = new Map(data.arms.map((a) => [a.id, a.name]));
  const rows: Row[] = data.points
    .filter((p) => p.path === metric.path)
    .map((p) => ({
      arm: nameOf.get(p.armId) ?? p.armId,
      value: p.value,
      mean: p.mean * metric.scale,
      lo: p.lo * metric.scale,
      hi: p.hi * metric.scale,
    }));
  const domain = paddedDomain(rows.flatMap((r) => [r.lo, r.hi]));
  return {
    subtitle: metricLabel(metric),
    height: 240,
    marginLeft: 60,
    x: { label: x },
    y: { label: metric.unit, grid: true, ...(domain ? { domain } : {}) },
    color: { domain: names, range: names.map((_, i) => armColour(i)), legend: true },
    marks: [
      ...data.arms.map((arm, i) => {
        const own = rows.filter((r) => r.arm === arm.name);
        return Plot.marks(
          Plot.areaY(own, { x: 'value', y1: 'lo', y2: 'hi', fill: 'arm', fillOpacity: 0.15 }),
          Plot.line(own, { x: 'value', y: 'mean', stroke: 'arm', strokeWidth: 2, strokeDasharray: armDash(i) }),
          Plot.dot(own, { x: 'value', y: 'mean', fill: 'arm', r: 3 }),
        );
      }),
      Plot.tip(rows, Plot.pointer({ x: 'value', y: 'mean', channels: { arm: 'arm', lo: 'lo', hi: 'hi' } })),
    ],
  };
}

function differencePanel(data: SweepChartData, metric: SweepMetric, text: SweepText): Plot.PlotOptions {
  const rows = data.differences
    .filter((d) => d.path === metric.path)
    .map((d) => ({ value: d.value, mean: d.mean * metric.scale, lo: d.lo * metric.scale, hi: d.hi * metric.scale }));
  const domain = paddedDomain(rows.flatMap((r) => [r.lo, r.hi, 0]));
  return {
    subtitle: `${text.difference}: ${metricLabel(metric)}`,
    height: 240,
    marginLeft: 60,
    x: { label: text.x },
    y: { label: metric.unit, grid: true, ...(domain ? { domain } : {}) },
    marks: [
      Plot.areaY(rows, { x: 'value', y1: 'lo', y2: 'hi', fill: armColour(1), fillOpacity: 0.2 }),
      Plot.ruleY([0], { stroke: REFERENCE_COLOUR, strokeDasharray: '4,3' }),
      Plot.line(rows, { x: 'value', y: 'mean', stroke: armColour(1), strokeWidth: 2 }),
      Plot.dot(rows, { x: 'value', y: 'mean', fill: armColour(1), r: 3 }),
      Plot.tip(rows, Plot.pointer({ x: 'value', y: 'mean', channels: { lo: 'lo', hi: 'hi' } })),
    ],
  };
}

/** The sweep chart: per metric, the arms' panel and (with two or more arms) the difference panel beside it. */
export function sweepChart(data: SweepChartData, metrics: readonly SweepMetric[], text: SweepText): ChartFigure {
  const paired = data.arms.length >= 2;
  return {
    title: text.title,
    caption: text.caption,
    layout: paired ? 'grid2' : 'column',
    panels: metrics.flatMap((m) =>
      paired ? [armPanel(data, m, text.x), differencePanel(data, m, text)] : [armPanel(data, m, text.x)],
    ),
  };
}
