// Total-effect indices by Jansen's estimator on a radial design, on toy functions with known indices: an additive
// f = x1 + 2·x2 with x3 unused (0.2, 0.8 and exactly 0) and the Ishigami function, whose x3 acts only through its
// interaction with x1 (total indices 0.558, 0.442, 0.244).
import { describe, expect, it } from 'vitest';
import { latinHypercube } from '../../src/analysis/robustness.ts';
import { jansenTotalIndices, radialEvaluations, radialMatrices } from '../../src/analysis/sobolTotal.ts';

/** The outputs of `f` on A, B and every AB_i. */
function outputs(f: (x: readonly number[]) => number, a: number[][], b: number[][]) {
  return { fA: a.map(f), fB: b.map(f), fAB: radialMatrices(a, b).map((m) => m.map(f)) };
}

describe('radialMatrices', () => {
  it('makes k matrices, each A with one column from B, and costs (k + 2) × N evaluations', () => {
    const a = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const b = [
      [10, 20, 30],
      [40, 50, 60],
    ];
    expect(radialMatrices(a, b)).toEqual([
      [
        [10, 2, 3],
        [40, 5, 6],
      ],
      [
        [1, 20, 3],
        [4, 50, 6],
      ],
      [
        [1, 2, 30],
        [4, 5, 60],
      ],
    ]);
    expect(radialEvaluations(3, 2)).toBe(10);
    expect(() => radialMatrices(a, [b[0] as number[]])).toThrow(RangeError);
  });
});

describe('jansenTotalIndices', () => {
  it('gives 0.2, 0.8 and exactly 0 for f = x1 + 2·x2 with x3 unused', () => {
    const unit = [
      [0, 1],
      [0, 1],
      [0, 1],
    ] as const;
    const n = 4000;
    const { fA, fB, fAB } = outputs(
      (x) => (x[0] as number) + 2 * (x[1] as number),
      latinHypercube(unit, n, 11),
      latinHypercube(unit, n, 11, 'b'),
    );
    const [t1, t2, t3] = jansenTotalIndices(fA, fB, fAB);
    expect(t1).toBeCloseTo(0.2, 1);
    expect(Math.abs((t1 as number) - 0.2)).toBeLessThan(0.02);
    expect(Math.abs((t2 as number) - 0.8)).toBeLessThan(0.05);
    expect(t3).toBe(0);
  });

  it('gives the Ishigami function’s total indices, x3 through its interaction only', () => {
    const pi = [-Math.PI, Math.PI] as const;
    const ishigami = (x: readonly number[]) =>
      Math.sin(x[0] as number) +
      7 * Math.sin(x[1] as number) ** 2 +
      0.1 * (x[2] as number) ** 4 * Math.sin(x[0] as number);
    const n = 20_000;
    const { fA, fB, fAB } = outputs(
      ishigami,
      latinHypercube([pi, pi, pi], n, 5),
      latinHypercube([pi, pi, pi], n, 5, 'b'),
    );
    const t = jansenTotalIndices(fA, fB, fAB);
    // Analytic: S_T1 = 0.5576, S_T2 = 0.4424, S_T3 = 0.2437 (Saltelli et al. 2008, a = 7, b = 0.1).
    expect(Math.abs((t[0] as number) - 0.5576)).toBeLessThan(0.03);
    expect(Math.abs((t[1] as number) - 0.4424)).toBeLessThan(0.03);
    expect(Math.abs((t[2] as number) - 0.2437)).toBeLessThan(0.03);
  });

  it('is 0 for an output that does not vary, and leaves out rows without a finite output', () => {
    expect(jansenTotalIndices([1, 1, 1], [1, 1, 1], [[1, 1, 1]])).toEqual([0]);
    const t = jansenTotalIndices([0, 1, Number.NaN, 1], [1, 0, 1, 0], [[1, 1, 5, 1]]);
    // Rows 0, 1 and 3: (1 + 0 + 0) / (2 × 3), over the variance of the seven finite outputs of A and B (4 ones in
    // 7: 4/7 × 3/7 = 12/49).
    expect(t[0]).toBeCloseTo(1 / 6 / (12 / 49), 12);
  });
});
