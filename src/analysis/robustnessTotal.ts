/**
 * `fairpace robustness --total-indices`: the radial design over the worlds (src/analysis/sobolTotal.ts). The worlds
 * already drawn are the base matrix A; a second Latin hypercube, seeded apart from the first, is B; and for each
 * assumption i, AB_i is A with column i from B. Every extra world runs on the seeds of the A world it shares a row
 * with (common random numbers), so the difference between a world of A and its AB_i twin comes from assumption i,
 * not from another random day. The extra worlds come after A's in the batch, so the shares, verdicts, boxes and
 * first-order indices are the same with or without the option.
 */
import { radialEvaluations, radialMatrices } from './sobolTotal.ts';

/** The most world evaluations a design with total indices may cost ((k + 2) × N). */
export const MAX_TOTAL_EVALUATIONS = 100_000;

/** The extra worlds: B's rows, then AB_1's, ..., AB_k's, each with the A row whose seeds it runs on. */
export interface RadialWorlds {
  /** B, one row per world, in the order of the params. */
  samplesB: number[][];
  rows: { values: number[]; seedRow: number }[];
}

/** What the result says of the design (additive to RobustnessResult). */
export interface TotalIndicesDesign {
  estimator: 'jansen';
  design: 'radial';
  /** B's worlds (A's are `samples`). */
  samplesB: number[][];
  /** World evaluations, (k + 2) × N, and the simulation runs they and the base comparison took. */
  evaluations: number;
  runs: number;
}

/** The extra worlds of the radial design over A (`samples`), B drawn by `draw`. Throws RangeError past the cap. */
export function radialWorlds(samples: number[][], draw: () => number[][]): RadialWorlds {
  const n = samples.length;
  const k = samples[0]?.length ?? 0;
  const evaluations = radialEvaluations(k, n);
  if (evaluations > MAX_TOTAL_EVALUATIONS) {
    throw new RangeError(
      `--total-indices costs (k + 2) × N = (${k} + 2) × ${n} = ${evaluations} worlds, more than ${MAX_TOTAL_EVALUATIONS}: draw fewer worlds or vary fewer --params`,
    );
  }
  const samplesB = draw();
  const rows = [
    ...samplesB.map((values, seedRow) => ({ values, seedRow })),
    ...radialMatrices(samples, samplesB).flatMap((m) => m.map((values, seedRow) => ({ values, seedRow }))),
  ];
  return { samplesB, rows };
}

/** Splits the extra worlds' differences (B's, then each AB_i's) into fB and fAB. */
export function splitRadial(extra: readonly number[], n: number, k: number): { fB: number[]; fAB: number[][] } {
  return {
    fB: extra.slice(0, n),
    fAB: Array.from({ length: k }, (_, i) => extra.slice((i + 1) * n, (i + 2) * n)),
  };
}
