/**
 * Total-effect indices (issue 24 item 1) on a radial (Saltelli) design: a base matrix A of N points, a second matrix
 * B, and for each input i the matrix AB_i, which is A with its column i taken from B. A model evaluated on A, B and
 * every AB_i, (k + 2) × N evaluations for k inputs, gives each input's total-effect index by Jansen's estimator,
 *
 *   S_Ti = (1 / 2N) Σ_j (f(A)_j − f(AB_i)_j)² / V,
 *
 * the share of the output's variance V that would remain if every input but i were known: i's own effect and all
 * its interactions (Jansen 1999; Saltelli et al. 2010, table 2, which recommends V from f(A) and f(B) together).
 * An input that does not touch the output has S_Ti = 0 exactly, since each AB_i row differs from its A row only in
 * that input. Pure: the matrices are given; nothing here draws or runs.
 */

/** The AB_i matrices of A and B: for each column i, the rows of A with column i from the same row of B. */
export function radialMatrices(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][][] {
  if (a.length !== b.length) throw new RangeError(`A has ${a.length} rows and B ${b.length}; they must match`);
  const k = a[0]?.length ?? 0;
  return Array.from({ length: k }, (_, i) =>
    a.map((row, j) => {
      const out = [...row];
      out[i] = (b[j] as readonly number[])[i] as number;
      return out;
    }),
  );
}

/** The variance (divisor n) of the finite values, 0 when fewer than two. */
function varianceOf(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2) return 0;
  const mean = finite.reduce((s, v) => s + v, 0) / finite.length;
  return finite.reduce((s, v) => s + (v - mean) * (v - mean), 0) / finite.length;
}

/**
 * Jansen's total-effect index of each input from the outputs on A (`fA`), B (`fB`) and each AB_i (`fAB[i]`), rows
 * in the same order. A row whose output on A or on AB_i is not finite is left out of that input's mean. All zeros
 * when the output does not vary. Not clamped: with few rows or a noisy model an index can exceed 1.
 */
export function jansenTotalIndices(
  fA: readonly number[],
  fB: readonly number[],
  fAB: readonly (readonly number[])[],
): number[] {
  const v = varianceOf([...fA, ...fB]);
  return fAB.map((column) => {
    if (!(v > 0)) return 0;
    let sum = 0;
    let rows = 0;
    fA.forEach((ya, j) => {
      const yab = column[j] as number;
      if (!Number.isFinite(ya) || !Number.isFinite(yab)) return;
      sum += (ya - yab) * (ya - yab);
      rows++;
    });
    return rows > 0 ? sum / (2 * rows) / v : 0;
  });
}

/** The model evaluations a radial design of N points over k inputs costs: (k + 2) × N. */
export const radialEvaluations = (k: number, n: number): number => (k + 2) * n;
