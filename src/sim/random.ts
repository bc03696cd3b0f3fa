/**
 * Named random streams and the distributions drawn from them. Each purpose has its own seedrandom `alea` generator
 * seeded "<seed>/<purpose>", so adding a stream or drawing more from one never changes another stream's numbers
 * (common random numbers across arms). The distributions use only basic arithmetic, sqrt and detMath, never
 * Math.log/exp/sin/cos, whose last bits differ between JavaScript engines.
 */
import seedrandom from 'seedrandom';
import { detExp, detLog } from './detMath.ts';

/** A uniform generator on [0, 1). */
export type Rng = () => number;

/** The purposes that have streams. */
export type DayPurpose =
  'demand' | 'prep' | 'shifts' | 'behaviour' | 'riding' | 'complaints' | 'retention' | 'insurance';
/**
 * Every purpose: the city and population, the day-by-day purposes, and the same under `warmup/` for the days before
 * day 0, so that the number of warm-up days never changes a reported day's orders or shifts.
 */
export type StreamPurpose = 'city' | 'population' | DayPurpose | `warmup/${DayPurpose}`;

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
  /** A uniformly random direction: sets `dirX`, `dirY` to a unit vector. */
  direction(): void;
  dirX: number;
  dirY: number;
}

/** z-score of the 90th percentile of the standard normal. */
export const Z90 = 1.2815515655446004;

/** Largest Poisson mean drawn in one piece; larger means are sums of pieces (Poisson variables add). */
const POISSON_PIECE = 30;

/** Distribution helpers over one stream. */
export function draws(rng: Rng): Draws {
  // Marsaglia's polar method gives normals in pairs; the spare is kept for the next draw.
  let spare = 0;
  let hasSpare = false;
  const standardNormal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * rng() - 1;
      v = 2 * rng() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * detLog(s)) / s);
    spare = v * f;
    hasSpare = true;
    return u * f;
  };
  const d: Draws = {
    uniform: (min, max) => min + (max - min) * rng(),
    normal: (mean, sd) => mean + sd * standardNormal(),
    logNormalByQuantiles: (median, p90) => median * detExp((detLog(p90 / median) / Z90) * standardNormal()),
    poisson: (lambda) => {
      // Knuth's product of uniforms, piece by piece.
      let n = 0;
      let rest = lambda > 0 ? lambda : 0;
      while (rest > 0) {
        const piece = rest > POISSON_PIECE ? POISSON_PIECE : rest;
        rest -= piece;
        const limit = detExp(-piece);
        let p = rng();
        while (p > limit) {
          n++;
          p *= rng();
        }
      }
      return n;
    },
    beta22: () => {
      const a = rng();
      const b = rng();
      const c = rng();
      return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    },
    index: (n) => Math.min(n - 1, Math.floor(rng() * n)),
    direction: () => {
      // A uniform point in the unit disc, scaled to the circle: no trigonometry.
      let u: number;
      let v: number;
      let s: number;
      do {
        u = 2 * rng() - 1;
        v = 2 * rng() - 1;
        s = u * u + v * v;
      } while (s > 1 || s === 0);
      const r = Math.sqrt(s);
      d.dirX = u / r;
      d.dirY = v / r;
    },
    dirX: 1,
    dirY: 0,
  };
  return d;
}

/** Clamps x into [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
