/**
 * How robust each conclusion is over the assumptions no source pins down (issue 24 item 1). N worlds are drawn from
 * the assumptions' plausible ranges by a Latin hypercube (seeded, so every shard draws the same worlds); in each
 * world the scenario's two arms run on the same seeds (common random numbers), and each headline difference's
 * direction there is held against its direction in the scenario as written. For each difference the result gives the
 * share of worlds in which the direction holds with a Wilson 95% interval, a verdict, whether the first half of the
 * worlds gives the same verdict, a PRIM box naming where it fails (src/analysis/prim.ts), and first-order indices
 * ranking the assumptions by how much of the difference's spread over worlds each explains; with `totalIndices`,
 * total-effect indices too, from a radial design's extra worlds (src/analysis/robustnessTotal.ts).
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
import { radialWorlds, splitRadial, type TotalIndicesDesign } from './robustnessTotal.ts';
import { seedsFor, type RunTask } from './runTasks.ts';
import { SENSITIVITY_METRICS, differencesOf, planSensitivity } from './sensitivity.ts';
import { jansenTotalIndices } from './sobolTotal.ts';
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
  /** Also estimate total-effect indices on a radial design: (k + 2) × N worlds instead of N. */
  totalIndices?: boolean;
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
  /** With `totalIndices`: each assumption's total-effect index (Jansen, radial design), largest first. */
  totalEffect?: { param: string; index: number }[];
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
  /** With `totalIndices`: the design the total-effect indices come from and what it cost. */
  totalIndices?: TotalIndicesDesign;
}

/** The most worlds one analysis draws. */
export const MAX_WORLDS = 10_000;

/**
 * A Latin hypercube of n points over `ranges`: each range cut into n equal strata, each stratum used once, a point
 * uniform within its stratum; strata matched across parameters by a seeded shuffle. Deterministic in `seed`; another
 * `stream` draws an independent hypercube from the same seed (the radial design's B).
 */
export function latinHypercube(
  ranges: readonly (readonly [number, number])[],
  n: number,
  seed: number,
  stream = 'robustness',
): number[][] {
  const rng = seedrandom.alea(`${seed}/${stream}`);
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
 * floored at 0. An estimate from the given sample, without a Sobol design (total-effect indices need one: see
 * robustnessTotal.ts, `--total-indices`).
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

/** The scenario of one world: the assumptions at `row`'s values, a whole-number field at the nearest whole number. */
function worldOf(scenario: Scenario, paths: readonly string[], row: readonly number[]): Scenario {
  return paths.reduce((s, path, j) => {
    const v = row[j] as number;
    try {
      return withParam(s, path, v);
    } catch (e) {
      if (e instanceof ScenarioPathError) return withParam(s, path, Math.round(v));
      throw e;
    }
  }, scenario);
}

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
  const paths = params.map((p) => p.path);
  const ranges = params.map((p) => [p.low, p.high] as const);
  const samples = latinHypercube(ranges, n, seed).map((row) => row.map(tidy));
  // With --total-indices, the radial design's extra worlds follow A's, each on the seeds of its A row.
  const radial = options.totalIndices
    ? radialWorlds(samples, () => latinHypercube(ranges, n, seed, 'robustness-b').map((row) => row.map(tidy)))
    : null;
  const worlds = [...samples.map((values, w) => ({ values, seedRow: w })), ...(radial ? radial.rows : [])];
  const baseSeeds = seedsFor(seed, scenario.replications);
  const tasks: RunTask[] = [];
  for (const armId of arms) for (const s of baseSeeds) tasks.push({ scenario, armId, seed: s });
  for (const { values, seedRow } of worlds) {
    const ws = worldOf(scenario, paths, values);
    for (const armId of arms) {
      for (const s of seedsFor(seed + seedRow * reps, reps)) tasks.push({ scenario: ws, armId, seed: s });
    }
  }
  return {
    tasks,
    summarise: (results) => {
      const nb = baseSeeds.length;
      const base = differencesOf(results.slice(0, nb), results.slice(nb, 2 * nb));
      /** World w's difference in `metric`, the mean over its seeds of the second arm's value minus the first's. */
      const differenceIn = (metric: string, w: number) => {
        const at = 2 * nb + w * 2 * reps;
        let sum = 0;
        for (let k = 0; k < reps; k++) {
          const va = metricAt((results[at + k] as RunResult).metrics, metric) ?? Number.NaN;
          const vb = metricAt((results[at + reps + k] as RunResult).metrics, metric) ?? Number.NaN;
          sum += vb - va;
        }
        return sum / reps;
      };
      const metrics = SENSITIVITY_METRICS.map((metric) => {
        const fA = samples.map((_, w) => differenceIn(metric, w));
        const judged = judge(metric, base[metric] as Difference, samples, paths, fA);
        if (!radial) return judged;
        const extra = radial.rows.map((_, r) => differenceIn(metric, n + r));
        const { fB, fAB } = splitRadial(extra, n, paths.length);
        const indices = jansenTotalIndices(fA, fB, fAB);
        const totalEffect = paths
          .map((param, j) => ({ param, index: indices[j] as number }))
          .sort((a, b) => b.index - a.index || paths.indexOf(a.param) - paths.indexOf(b.param));
        return { ...judged, totalEffect };
      });
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
        ...(radial
          ? {
              totalIndices: {
                estimator: 'jansen' as const,
                design: 'radial' as const,
                samplesB: radial.samplesB,
                evaluations: worlds.length,
                runs: tasks.length,
              },
            }
          : {}),
      };
    },
  };
}

/**
 * Whether a world's difference `d` keeps the base's direction; a world without a finite difference (JSON null) does
 * not. The one rule for the share, the PRIM box and the chart of where a conclusion fails.
 */
export function holdsInWorld(direction: RobustMetric['direction'], d: number | null): boolean {
  if (d === null || !Number.isFinite(d)) return false;
  return direction === 'up' ? d > 0 : direction === 'down' ? d < 0 : d === 0;
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
  const held = worldDifferences.map((d) => holdsInWorld(direction, d));
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
