/**
 * Named random streams. Each purpose has its own seedrandom `alea` generator seeded "<seed>/<purpose>", so adding a
 * stream or drawing more from one never changes another stream's numbers (common random numbers across arms).
 */
import seedrandom from 'seedrandom';
import { randomNormal, randomPoisson } from 'd3-random';

/** A uniform generator on [0, 1). */
export type Rng = () => number;

/** The purposes that have streams. */
export type StreamPurpose =
  'city' | 'demand' | 'prep' | 'population' | 'shifts' | 'behaviour' | 'riding' | 'complaints';

/** The generator of one purpose for one seed. */
export function stream(seed: number, purpose: StreamPurpose): Rng {
  return seedrandom.alea(`${seed}/${purpose}`);
}

/** Draws from the distributions the model uses, all fed by one generator. */
export interface Draws {
  uniform(min: number, max: number): number;
  normal(mean: number, sd: number): number;
  /** Log-normal with the given median and 90th percentile. */
  logNormalByQuantiles(median: number, p90: number): number;
  poisson(lambda: number): number;
  /** Beta(2, 2): the middle of three uniforms. */
  beta22(): number;
  /** An integer in [0, n). */
  index(n: number): number;
}

/** z-score of the 90th percentile of the standard normal. */
export const Z90 = 1.2815515655446004;

/** Distribution helpers over one stream (d3-random generators with the stream as their source). */
export function draws(rng: Rng): Draws {
  // One standard normal generator, scaled per draw, so a draw allocates nothing.
  const standardNormal = randomNormal.source(rng)(0, 1);
  const poisson = randomPoisson.source(rng);
  return {
    uniform: (min, max) => min + (max - min) * rng(),
    normal: (mean, sd) => mean + sd * standardNormal(),
    logNormalByQuantiles: (median, p90) => median * Math.exp((Math.log(p90 / median) / Z90) * standardNormal()),
    poisson: (lambda) => (lambda > 0 ? poisson(lambda)() : 0),
    beta22: () => {
      const a = rng();
      const b = rng();
      const c = rng();
      return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    },
    index: (n) => Math.min(n - 1, Math.floor(rng() * n)),
  };
}

/** Clamps x into [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
