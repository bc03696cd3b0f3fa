/** Paired-difference statistics over replications. */

/** Two-sided 95% critical values of Student's t for 1..30 degrees of freedom. */
const T95 = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139, 2.200985,
  2.178813, 2.160369, 2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658,
  2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523, 2.042272,
];

/** The 97.5% quantile of Student's t with `df` degrees of freedom (table to 30, Cornish–Fisher expansion above). */
export function tCritical95(df: number): number {
  if (df < 1) return Number.NaN;
  const tabled = T95[Math.floor(df) - 1];
  if (tabled !== undefined) return tabled;
  const z = 1.959963984540054;
  // Products, not **: exponentiation is not specified to the last bit across JavaScript engines.
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  const z7 = z5 * z * z;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df)
  );
}

/** Mean and 95% t interval of paired differences. With one replication the interval collapses to the mean. */
export interface Difference {
  mean: number;
  ci95: [number, number];
}

/** Mean of paired differences b[i] − a[i] with its 95% t interval. */
export function pairedDifference(a: readonly number[], b: readonly number[]): Difference {
  const n = Math.min(a.length, b.length);
  if (n === 0) return { mean: Number.NaN, ci95: [Number.NaN, Number.NaN] };
  const diffs: number[] = [];
  for (let i = 0; i < n; i++) diffs.push((b[i] as number) - (a[i] as number));
  return meanInterval(diffs);
}

/** Mean of a sample with its 95% t interval (a degenerate interval for one value). */
export function meanInterval(values: readonly number[]): Difference {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, ci95: [Number.NaN, Number.NaN] };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n === 1) return { mean, ci95: [mean, mean] };
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const half = tCritical95(n - 1) * Math.sqrt(ss / (n - 1) / n);
  return { mean, ci95: [mean - half, mean + half] };
}

/**
 * Mean and 95% interval of a metric over replications: the t interval, cut to the values the metric can take
 * (a share's mean to [0, 1], a difference of shares to [−1, 1]). With few replications a t interval of a share can
 * reach past 1 (0.336 to 1.289 on two replications); the cut keeps the judged end a possible value, and callers say
 * when fewer than `FEW_REPLICATIONS` were run.
 */
export function boundedInterval(values: readonly number[], bounds: readonly [number, number] | null): Difference {
  const d = meanInterval(values);
  if (!bounds) return d;
  const [lo, hi] = bounds;
  const cut = (x: number) => (x < lo ? lo : x > hi ? hi : x);
  return { mean: d.mean, ci95: [cut(d.ci95[0]), cut(d.ci95[1])] };
}

/** Below this many replications an interval says little; gates and reports say so. */
export const FEW_REPLICATIONS = 3;

/** The paired difference b − a with its interval cut to `bounds` (see boundedInterval). */
export function boundedDifference(
  a: readonly number[],
  b: readonly number[],
  bounds: readonly [number, number] | null,
): Difference {
  const n = Math.min(a.length, b.length);
  const diffs: number[] = [];
  for (let i = 0; i < n; i++) diffs.push((b[i] as number) - (a[i] as number));
  return boundedInterval(diffs, bounds);
}
