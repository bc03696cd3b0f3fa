import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SparseAssignment } from '../../src/sim/assignment.ts';

interface Case {
  nCols: number;
  rows: { edges: [number, number][]; stay: number }[];
}

/** Every assignment of rows to distinct columns or to staying, cheapest total. */
function bruteForce(c: Case): number {
  let best = Infinity;
  const used = new Set<number>();
  const go = (r: number, acc: number): void => {
    if (acc >= best) return;
    if (r === c.rows.length) {
      best = acc;
      return;
    }
    const row = c.rows[r]!;
    go(r + 1, acc + row.stay);
    for (const [col, w] of row.edges) {
      if (used.has(col)) continue;
      used.add(col);
      go(r + 1, acc + w);
      used.delete(col);
    }
  };
  go(0, 0);
  return best;
}

function solve(c: Case): { cost: number; out: Int32Array } {
  const rowStart = new Int32Array(c.rows.length + 1);
  const cols: number[] = [];
  const costs: number[] = [];
  c.rows.forEach((row, r) => {
    for (const [col, w] of row.edges) {
      cols.push(col);
      costs.push(w);
    }
    rowStart[r + 1] = cols.length;
  });
  const out = new Int32Array(c.rows.length);
  const cost = new SparseAssignment().solve(
    c.rows.length,
    c.nCols,
    rowStart,
    Int32Array.from(cols),
    Float64Array.from(costs),
    Float64Array.from(c.rows, (r) => r.stay),
    out,
  );
  return { cost, out };
}

const caseArb = fc.integer({ min: 1, max: 6 }).chain((nCols) =>
  fc.record({
    nCols: fc.constant(nCols),
    rows: fc.array(
      fc.record({
        edges: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: nCols - 1 }), fc.integer({ min: 0, max: 50 })), {
          selector: (e) => e[0],
          maxLength: nCols,
        }),
        stay: fc.integer({ min: 0, max: 120 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  }),
);

describe('SparseAssignment', () => {
  it('solves a hand-made case: the cheapest total, not each row greedily', () => {
    // Row 0 prefers column 0 (1 < 2), but giving it to row 1 (whose other choice costs 10) is cheaper overall.
    const { cost, out } = solve({
      nCols: 2,
      rows: [
        {
          edges: [
            [0, 1],
            [1, 2],
          ],
          stay: 100,
        },
        {
          edges: [
            [0, 1],
            [1, 10],
          ],
          stay: 100,
        },
      ],
    });
    expect(cost).toBe(3);
    expect(Array.from(out)).toEqual([1, 0]);
  });

  it('leaves a row unassigned when staying is cheaper or no column is left', () => {
    const { cost, out } = solve({
      nCols: 1,
      rows: [
        { edges: [[0, 5]], stay: 100 },
        { edges: [[0, 1]], stay: 3 },
      ],
    });
    expect(Array.from(out)).toEqual([0, -1]);
    expect(cost).toBe(8);
  });

  it('matches brute force on small random cases, each column used once, the reported cost its own', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { cost, out } = solve(c);
        expect(cost).toBe(bruteForce(c));
        const cols = Array.from(out).filter((j) => j >= 0);
        expect(new Set(cols).size).toBe(cols.length);
        let sum = 0;
        out.forEach((j, r) => {
          const row = c.rows[r]!;
          sum += j < 0 ? row.stay : row.edges.find((e) => e[0] === j)![1];
        });
        expect(sum).toBe(cost);
      }),
      { numRuns: 400, seed: 18 },
    );
  });

  it('gives the same answer when reused', () => {
    const a = new SparseAssignment();
    const rowStart = Int32Array.from([0, 2, 3]);
    const run = () => {
      const out = new Int32Array(2);
      a.solve(2, 2, rowStart, Int32Array.from([0, 1, 0]), Float64Array.from([4, 4, 4]), Float64Array.from([9, 9]), out);
      return Array.from(out);
    };
    expect(run()).toEqual(run());
  });
});
