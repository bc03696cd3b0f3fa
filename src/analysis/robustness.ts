/**
 * How robust each conclusion is over the assumptions no source pins down (issue 24 item 1). N worlds are drawn from
 * the assumptions' plausible ranges by a Latin hypercube (seeded, so every shard draws the same worlds); in each
 * world the scenario's two arms run on the same seeds (common random numbers), and each headline difference's
 * direction there is held against its direction in the scenario as written. For each difference the result gives the
 * share of worlds in which the direction holds with a Wilson 95% interval, a verdict, whether the first half of the
 * worlds gives the same verdict, a PRIM box naming where it fails (src/analysis/prim.ts), and first-order indices
 * ranking the assumptions by how much of the difference's spread over worlds each explains.
 *
 * The ranges are sensitivity's (ASSUMPTIONS: the parameters docs/model.md marks as assumptions, each with a stated
 * low and high factor of the scenario's value). World w runs seeds `seed + w × replications + k`: worlds differ in
 * their random days as well as in their assumptions, so a share counts both, as a negotiator meets them.
 */
import seedrandom from 'seedrandom';
import { digestOf } from '../scenario/canonical.ts';
import { ScenarioPathError, withParam } from '../scenario/paths.ts';
import { SCHEMA_VERSION, type Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../version.ts';
import type { BatchPlan } from './batchPlan.ts';
import { metricAt } from './metricPaths.ts';
import { primBox, type PrimBox } from './prim.ts';
import { seedsFor, type RunTask } from './runTasks.ts';
import { SENSITIVITY_METRICS, differencesOf, planSensitivity } from './sensitivity.ts';
import type { Difference } from './stats.ts';

/** What to sample and how to run it. */
export interface RobustnessOptions {
  /** Worlds to draw (default 100). */
  worlds?: number;
  /** Seeds per world and arm (default 1). */
  replications?: number;
  /** The two arms compared (default: the scenario's first two). */
  arms?: [string, string];
  /** Parameter paths to vary (default: every assumption with a range, as sensitivity). */
  params?: string[];
  /** First seed (default: the scenario's); also seeds the sampler. */
  seed?: number;
}

/** Below this lower bound of the share, and above this upper bound, a verdict is clear. */
export const HOLDS_SHARE = 0.9;
export const FAILS_SHARE = 0.5;

/** A conclusion's verdict over the worlds. */
export type RobustVerdict = 'holds' | 'fails' | 'depends';

/** One headline difference over the worlds. */
export interface RobustMetric {
  metric: string;
  /** The difference in the scenario as written (its own seeds and replications). */
  base: Difference;
  /** Its direction: 'up' (second arm higher), 'down', or 'none' when exactly zero. */
  direction: 'up' | 'down' | 'none';
  /** Whether the base interval excludes zero (otherwise there is no clear conclusion to test). */
  baseClear: boolean;
  /** Worlds in which the difference has the base's direction, and their share with its Wilson 95% interval. */
  holds: number;
  share: number;
  interval: [number, number];
  /** holds: interval ≥ HOLDS_SHARE; fails: interval ≤ FAILS_SHARE; else depends. */
  verdict: RobustVerdict;
  /** The verdict on the first half of the worlds, and whether it agrees. */
  halfVerdict: RobustVerdict;
  stable: boolean;
  /** Where the direction fails (null when it never fails or no box isolates the failures). */
  box: PrimBox | null;
  /** First-order indices (share of the spread over worlds each assumption explains, bias-corrected), largest first. */
  firstOrder: { param: string; index: number }[];
  /** The difference in each world, in world order. */
  worldDifferences: number[];
}

/** The `fairpace robustness` output. */
export interface RobustnessResult {
  schemaVersion: number;
  fairpaceVersion: string;
  modelDigest: string;
  scenarioDigest: string;
  arms: [string, string];
  seed: number;
  worlds: number;
  replicationsPerWorld: number;
  /** The assumptions varied, with their ranges. */
  params: { path: string; base: number; low: number; high: number; basis: string }[];
  /** Each world's values, in the order of `params`. */
  samples: number[][];
  metrics: RobustMetric[];
  skipped: { path: string; reason: string }[];
}

/** The most worlds one analysis draws. */
export const MAX_WORLDS = 10_000;

/**
 * A Latin hypercube of n points over `ranges`: each range cut into n equal strata, each stratum used once, a point
 * uniform within its stratum; strata matched across parameters by a seeded shuffle. Deterministic in `seed`.
 */
export function latinHypercube(ranges: readonly (readonly [number, number])[], n: number, seed: number): number[][] {
  const rng = seedrandom.alea(`${seed}/robustness`);
  const points: number[][] = Array.from({ length: n }, () => []);
  for (const [low, high] of ranges) {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    for (let w = 0; w < n; w++) {
      const u = ((order[w] as number) + rng()) / n;
      (points[w] as number[]).push(low + (high - low) * u);
    }
  }
  return points;
}

/** Wilson's 95% interval for k successes in n trials. */
export function wilsonInterval(k: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.959963984540054;
  const p = k / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** The verdict of a share's interval. */
export function verdictOf(interval: readonly [number, number]): RobustVerdict {
  if (interval[0] >= HOLDS_SHARE) return 'holds';
  if (interval[1] <= FAILS_SHARE) return 'fails';
  return 'depends';
}

/**
 * First-order index of each column of x for y, by the correlation ratio over √n equal-count bins (the share of
 * y's variance that the bin means explain), corrected for the share pure noise would give, (bins − 1)/(n − 1), and
 * floored at 0. An estimate from the given sample, without a Sobol design; total indices are not estimated.
 */
export function firstOrderIndices(x: readonly (readonly number[])[], y: readonly number[]): number[] {
  const n = y.length;
  const d = x[0]?.length ?? 0;
  if (n < 4) return Array.from({ length: d }, () => 0);
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const total = y.reduce((a, b) => a + (b - mean) * (b - mean), 0);
  if (!(total > 0)) return Array.from({ length: d }, () => 0);
  const bins = Math.max(2, Math.floor(Math.sqrt(n)));
  const noise = (bins - 1) / (n - 1);
  const out: number[] = [];
  for (let j = 0; j < d; j++) {
    const order = y
      .map((_, i) => i)
      .sort((a, b) => ((x[a] as number[])[j] as number) - ((x[b] as number[])[j] as number) || a - b);
    let explained = 0;
    for (let b = 0; b < bins; b++) {
      const from = Math.floor((b * n) / bins);
      const to = Math.floor(((b + 1) * n) / bins);
      if (to <= from) continue;
      let s = 0;
      for (let k = from; k < to; k++) s += y[order[k] as number] as number;
      const m = s / (to - from);
      explained += (to - from) * (m - mean) * (m - mean);
    }
    const eta2 = explained / total;
    out.push(Math.max(0, (eta2 - noise) / (1 - noise)));
  }
  return out;
}

/** Rounds away binary noise so sampled values print as a person would read them. */
const tidy = (v: number) => Number(v.toPrecision(10));

/** The worlds, their scenarios and the runs as one batch plan; the summary judges each headline difference. */
export function robustnessBatch(scenario: Scenario, options: RobustnessOptions = {}): BatchPlan<RobustnessResult> {
  const n = options.worlds ?? 100;
  if (!Number.isInteger(n) || n < 2 || n > MAX_WORLDS) {
    throw new RangeError(`worlds must be a whole number from 2 to ${MAX_WORLDS} (got ${n})`);
  }
  const reps = options.replications ?? 1;
  const seed = options.seed ?? scenario.seed;
  const planned = planSensitivity(scenario, {
    ...(options.params ? { params: options.params } : {}),
    ...(options.arms ? { arms: options.arms } : {}),
  });
  const { arms, skipped } = planned;
  const params = planned.params.filter((p) => p.high > p.low);
  const samples = latinHypercube(
    params.map((p) => [p.low, p.high] as const),
    n,
    seed,
  ).map((row) => row.map(tidy));
  const worldScenarios = samples.map((row) =>
    params.reduce((s, p, j) => {
      const v = row[j] as number;
      try {
        return withParam(s, p.path, v);
      } catch (e) {
        // A whole-number field takes the nearest whole number.
        if (e instanceof ScenarioPathError) return withParam(s, p.path, Math.round(v));
        throw e;
      }
    }, scenario),
  );
  const baseSeeds = seedsFor(seed, scenario.replications);
  const tasks: RunTask[] = [];
  for (const armId of arms) for (const s of baseSeeds) tasks.push({ scenario, armId, seed: s });
  worldScenarios.forEach((ws, w) => {
    for (const armId of arms) {
      for (const s of seedsFor(seed + w * reps, reps)) tasks.push({ scenario: ws, armId, seed: s });
    }
  });
  return {
    tasks,
    summarise: (results) => {
      const nb = baseSeeds.length;
      const base = differencesOf(results.slice(0, nb), results.slice(nb, 2 * nb));
      const worldRuns = (w: number): [RunResult[], RunResult[]] => {
        const at = 2 * nb + w * 2 * reps;
        return [results.slice(at, at + reps), results.slice(at + reps, at + 2 * reps)];
      };
      const metrics = SENSITIVITY_METRICS.map((metric) =>
        judge(
          metric,
          base[metric] as Difference,
          samples,
          params.map((p) => p.path),
          samples.map((_, w) => {
            const [a, b] = worldRuns(w);
            let sum = 0;
            for (let k = 0; k < reps; k++) {
              const va = metricAt((a[k] as RunResult).metrics, metric) ?? Number.NaN;
              const vb = metricAt((b[k] as RunResult).metrics, metric) ?? Number.NaN;
              sum += vb - va;
            }
            return sum / reps;
          }),
        ),
      );
      return {
        schemaVersion: SCHEMA_VERSION,
        fairpaceVersion: FAIRPACE_VERSION,
        modelDigest: MODEL_DIGEST,
        scenarioDigest: digestOf(scenario),
        arms,
        seed,
        worlds: n,
        replicationsPerWorld: reps,
        params: params.map(({ path, base: b, low, high, basis }) => ({ path, base: b, low, high, basis })),
        samples,
        metrics,
        skipped,
      };
    },
  };
}

/** One difference's verdict over the worlds. */
export function judge(
  metric: string,
  base: Difference,
  samples: readonly (readonly number[])[],
  paths: readonly string[],
  worldDifferences: number[],
): RobustMetric {
  const direction = base.mean > 0 ? 'up' : base.mean < 0 ? 'down' : 'none';
  const holdsIn = (d: number) =>
    Number.isFinite(d) && (direction === 'up' ? d > 0 : direction === 'down' ? d < 0 : d === 0);
  const held = worldDifferences.map(holdsIn);
  const n = worldDifferences.length;
  const holds = held.filter(Boolean).length;
  const interval = wilsonInterval(holds, n);
  const half = Math.floor(n / 2);
  const halfHolds = held.slice(0, half).filter(Boolean).length;
  const verdict = verdictOf(interval);
  const halfVerdict = verdictOf(wilsonInterval(halfHolds, half));
  const indices = firstOrderIndices(
    samples,
    worldDifferences.map((d) => (Number.isFinite(d) ? d : 0)),
  );
  return {
    metric,
    base,
    direction,
    baseClear: base.ci95[0] > 0 || base.ci95[1] < 0,
    holds,
    share: n > 0 ? holds / n : 0,
    interval,
    verdict,
    halfVerdict,
    stable: verdict === halfVerdict,
    box: primBox(
      paths,
      samples,
      held.map((h) => !h),
    ),
    firstOrder: paths
      .map((param, j) => ({ param, index: indices[j] as number }))
      .sort((a, b) => b.index - a.index || paths.indexOf(a.param) - paths.indexOf(b.param)),
    worldDifferences,
  };
}
