// The model-check chart: one panel per target on its own axis, the observed band or tick, and the model's mean and
// interval coloured by the verdict.
import { describe, expect, it } from 'vitest';
import {
  modelCheckChart,
  OUTSIDE_COLOUR,
  panelDomain,
  WITHIN_COLOUR,
  type ModelCheckRow,
} from '../../src/app/charts/modelCheckChart.ts';
import { dataOf, marksOf } from './fixtures.ts';

const text = { title: 'T', caption: 'C', observed: 'obs', model: 'mod' };
const inside: ModelCheckRow = {
  title: 'Net pay · median',
  unit: 'CNY/h',
  observed: [20, 35],
  single: false,
  mean: 21.4,
  lo: 21.2,
  hi: 21.7,
  within: true,
};
const outside: ModelCheckRow = {
  ...inside,
  title: 'Late',
  observed: [0, 5],
  mean: 15.3,
  lo: 14.2,
  hi: 16.4,
  within: false,
};
const single: ModelCheckRow = {
  ...inside,
  title: 'One value',
  observed: [7, 7],
  single: true,
  mean: 6,
  lo: 5,
  hi: 8,
  within: true,
};

describe('modelCheckChart', () => {
  it('draws one panel per target, two to a row, titled by the target', () => {
    const figure = modelCheckChart([inside, outside, single], text);
    expect(figure.layout).toBe('grid2');
    expect(figure.panels.map((p) => p.subtitle)).toEqual(['Net pay · median', 'Late', 'One value']);
    expect(figure.title).toBe('T');
  });

  it('puts the observed range, the mean and the whole interval inside each panel’s axis', () => {
    for (const row of [inside, outside, single]) {
      const [lo, hi] = panelDomain(row);
      for (const x of [...row.observed, row.mean, row.lo, row.hi]) {
        expect(x).toBeGreaterThan(lo);
        expect(x).toBeLessThan(hi);
      }
    }
  });

  it('shades a range as a band and marks a single value with a tick; colours the model by its verdict', () => {
    const [a, b, c] = modelCheckChart([inside, outside, single], text).panels;
    expect(marksOf(a ?? {}).map((m) => m.kind)).toEqual(['bar', 'rule', 'dot']);
    expect(marksOf(c ?? {}).map((m) => m.kind)).toEqual(['tick', 'rule', 'dot']);
    expect(dataOf<{ x1: number; x2: number }>(a ?? {}, 'bar')).toEqual([{ x1: 20, x2: 35, y: 'obs' }]);
    expect(dataOf<{ x: number }>(b ?? {}, 'dot')).toEqual([{ x: 15.3, x1: 14.2, x2: 16.4, y: 'mod' }]);
    const fill = (panel: typeof a) =>
      ((panel?.marks ?? []) as { kind?: string; fill?: unknown }[]).find(
        (m) => m.fill === WITHIN_COLOUR || m.fill === OUTSIDE_COLOUR,
      )?.fill;
    expect(fill(a)).toBe(WITHIN_COLOUR);
    expect(fill(b)).toBe(OUTSIDE_COLOUR);
  });
});
