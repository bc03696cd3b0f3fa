// The tornado and zone-of-agreement chart builders, on hand-built results.
import { describe, expect, it } from 'vitest';
import type { Difference, SensitivityResult, ZoneResult } from '../../src/analysis/index.ts';
import { tornadoBars, tornadoChart, type TornadoBar } from '../../src/app/charts/tornadoChart.ts';
import { zoneChart, zoneRows, type ZoneCellRow } from '../../src/app/charts/zoneChart.ts';
import { dataOf } from './fixtures.ts';

const d = (mean: number): Difference => ({ mean, ci95: [mean - 1, mean + 1] });
const effect = (deltaLow: number, deltaHigh: number) => ({
  low: d(deltaLow),
  high: d(deltaHigh),
  deltaLow,
  deltaHigh,
  swing: Math.max(Math.abs(deltaLow), Math.abs(deltaHigh)),
});
const param = (path: string, deltaLow: number, deltaHigh: number) => ({
  path,
  base: 1,
  low: 0.5,
  high: 2,
  basis: '',
  score: 0,
  effects: { 'platform.margin': effect(deltaLow, deltaHigh) },
  flips: [],
});
const SENS = {
  params: [param('a', 0, 0), param('b', -0.1, 0.3), param('c', 0.5, -0.2)],
} as unknown as SensitivityResult;
const TEXT = { title: 'T', caption: 'C', x: 'X', low: 'lo', high: 'hi' };

describe('tornadoChart', () => {
  it('ranks the parameters by the chosen metric’s swing and draws low and high bars from zero', () => {
    const bars = tornadoBars(SENS, 'platform.margin', (p) => p.toUpperCase(), TEXT, 10);
    expect(bars.map((b) => [b.param, b.end, b.delta])).toEqual([
      ['C', 'low', 5],
      ['C', 'high', -2],
      ['B', 'low', -1],
      ['B', 'high', 3],
      ['A', 'low', 0],
      ['A', 'high', 0],
    ]);
    expect(bars[0]?.label).toBe('lo 0.5');
    const figure = tornadoChart(SENS, 'platform.margin', (p) => p.toUpperCase(), TEXT, 10);
    expect(figure.title).toBe('T');
    expect(figure.panels).toHaveLength(1);
    const panel = figure.panels[0] ?? {};
    expect(dataOf<TornadoBar>(panel, 'bar')).toEqual(bars);
    expect(panel.y?.domain).toEqual(['C', 'B', 'A']);
    expect(panel.x?.domain).toEqual([-5.5, 5.5]);
  });
});

describe('zoneChart', () => {
  const cell = (x: number, y: number, unionHolds: boolean, platformHolds: boolean) => ({
    x,
    y,
    unionHolds,
    platformHolds,
    agreed: unionHolds && platformHolds,
  });
  const ZONE = {
    x: { param: 'p', values: [10, 50] },
    y: { param: 'b', values: [6, 12] },
    cells: [cell(10, 6, false, true), cell(50, 6, false, false), cell(10, 12, true, true), cell(50, 12, true, false)],
    current: { x: 50, y: 6, index: 1 },
  } as unknown as ZoneResult;

  it('shades each cell by which side accepts it and stars the current proposal', () => {
    const rows = zoneRows(ZONE);
    expect(rows.map((r) => r.status)).toEqual(['platformOnly', 'neither', 'both', 'unionOnly']);
    expect(rows.map((r) => r.current)).toEqual([false, true, false, false]);
    const status = { both: 'B', unionOnly: 'U', platformOnly: 'P', neither: 'N' };
    const figure = zoneChart(ZONE, { title: 'Z', caption: 'C', x: 'x', y: 'y', status });
    const panel = figure.panels[0] ?? {};
    const cells = dataOf<ZoneCellRow & { label: string }>(panel, 'cell');
    expect(cells.map((c) => c.label)).toEqual(['P', 'N', 'B', 'U']);
    const stars = dataOf<ZoneCellRow>(panel, 'text');
    expect(stars.map((s) => [s.x, s.y])).toEqual([['50', '6']]);
    expect(panel.x?.domain).toEqual(['10', '50']);
    expect(panel.y?.domain).toEqual(['12', '6']);
  });
});
