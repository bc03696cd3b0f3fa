// The sparse histograms of the deliveryDuration basis: a cell has bins only once it counts something, and counts and
// percentiles over any rectangle of cells are those of the dense sums, to the last bit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellHistograms, DURATION_BIN_SEC, DURATION_BINS, HistogramGrid } from '../../src/sim/deadline/histograms.ts';

/** The p-th percentile of the dense counts of a rectangle, summed bin by bin (what the grid must give). */
function denseQuantile(
  dense: Float64Array,
  bands: number,
  [s0, s1, b0, b1]: readonly number[],
  p: number,
): number | undefined {
  const bins = new Float64Array(DURATION_BINS);
  let total = 0;
  for (let s = s0!; s <= s1!; s++) {
    for (let b = b0!; b <= b1!; b++) {
      for (let i = 0; i < DURATION_BINS; i++) {
        const n = dense[(s * bands + b) * DURATION_BINS + i] as number;
        bins[i] = (bins[i] as number) + n;
        total += n;
      }
    }
  }
  if (total === 0) return undefined;
  const target = (p / 100) * total;
  let cum = 0;
  for (let i = 0; i < DURATION_BINS; i++) {
    const n = bins[i] as number;
    if (n > 0 && cum + n >= target) return (i + (target - cum) / n) * DURATION_BIN_SEC;
    cum += n;
  }
  return DURATION_BINS * DURATION_BIN_SEC;
}

const world = fc
  .record({ segments: fc.integer({ min: 1, max: 5 }), bands: fc.integer({ min: 1, max: 6 }) })
  .chain(({ segments, bands }) =>
    fc.record({
      segments: fc.constant(segments),
      bands: fc.constant(bands),
      // Deliveries: (cell, bin, count), few cells with any.
      counts: fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: segments * bands - 1 }),
          fc.integer({ min: 0, max: DURATION_BINS - 1 }),
          fc.integer({ min: 1, max: 50 }),
        ),
        { maxLength: 40 },
      ),
      rect: fc
        .tuple(
          fc.integer({ min: 0, max: segments - 1 }),
          fc.integer({ min: 0, max: segments - 1 }),
          fc.integer({ min: 0, max: bands - 1 }),
          fc.integer({ min: 0, max: bands - 1 }),
        )
        .map(([a, b, c, d]) => [Math.min(a, b), Math.max(a, b), Math.min(c, d), Math.max(c, d)]),
      p: fc.double({ min: 0, max: 100, noNaN: true }),
      split: fc.integer({ min: 0, max: 40 }),
    }),
  );

describe('sparse duration histograms', () => {
  it('count and take percentiles over any rectangle as the dense sums do, summed over days', () => {
    fc.assert(
      fc.property(world, ({ segments, bands, counts, rect, p, split }) => {
        const cells = segments * bands;
        const dense = new Float64Array(cells * DURATION_BINS);
        // Two days' histograms, summed into a third, as a learner sums its window.
        const days = [new CellHistograms(cells, 1), new CellHistograms(cells, 1)];
        counts.forEach(([cell, bin, n], k) => {
          dense[cell * DURATION_BINS + bin] = (dense[cell * DURATION_BINS + bin] as number) + n;
          days[k < split ? 0 : 1]!.add(cell, bin, n);
        });
        const sum = new CellHistograms(cells);
        sum.add(0, 0, 7); // a last day's leftovers, cleared before use
        sum.clear();
        for (const day of days) {
          day.trim();
          sum.addAll(day);
        }
        const grid = new HistogramGrid(sum, segments, bands);
        const [s0, s1, b0, b1] = rect as [number, number, number, number];
        let total = 0;
        for (let s = s0; s <= s1; s++)
          for (let b = b0; b <= b1; b++)
            for (let i = 0; i < DURATION_BINS; i++) total += dense[(s * bands + b) * DURATION_BINS + i] as number;
        expect(grid.count(s0, s1, b0, b1)).toBe(total);
        expect(grid.quantile(s0, s1, b0, b1, p)).toBe(denseQuantile(dense, bands, rect, p));
        // Only the cells that counted something hold bins.
        const used = new Set(counts.map(([cell]) => cell)).size;
        expect(sum.slots).toBe(used);
      }),
      { numRuns: 500, seed: 21 },
    );
  });

  it('copies independently, and a closed day keeps no spare room', () => {
    const day = new CellHistograms(10, 8);
    day.add(3, 100, 2);
    const copy = day.clone();
    copy.add(3, 100);
    copy.add(4, 5);
    expect(day.total(3)).toBe(2);
    expect(day.total(4)).toBe(0);
    expect(copy.total(3)).toBe(3);
    day.trim();
    expect(day.data.length).toBe(DURATION_BINS);
  });
});
