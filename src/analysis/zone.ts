/**
 * The zone of agreement: over a grid of two numeric scenario parameters (e.g. deadline percentile × base pay), one arm
 * runs at every cell with the same seeds (common random numbers, one batch), and each cell says whether the union's
 * limits and the platform's limits hold, with the same confidence rule as the target finder. The result marks the
 * scenario's current proposal (when its values are on the grid), the cheapest cell for the platform that satisfies
 * the union (highest margin) and the best cell for the union that satisfies the platform.
 */
import { digestOf } from '../scenario/canonical.ts';
import { withParam } from '../scenario/paths.ts';
import { rulesForArm } from '../scenario/rulesForArm.ts';
import { SCHEMA_VERSION, type Scenario } from '../scenario/schema.ts';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../version.ts';
import { isMetricPath } from './metricList.ts';
import { metricAt } from './metricPaths.ts';
import type { RunResult } from '../sim/results.ts';
import { runBatchPlan } from './batchPlan.ts';
import type { PrefixBatch } from './prefixBatch.ts';
import { groupPrefix } from './provisional.ts';
import { runInProcess, seedsFor, type CancelSignal, type Executor, type ProgressFn, type RunTask } from './runTasks.ts';
import { valueBounds } from './metricBounds.ts';
import { boundedInterval } from './stats.ts';
import { TARGET_OPS, currentParamValue, targetHolds, type MetricEstimate, type TargetSpec } from './target.ts';

/** One axis of the grid: a numeric scenario path and the values it takes. */
export interface ZoneAxis {
  param: string;
  values: number[];
}

/** The metric the union ranks acceptable cells by, and whether lower or higher is better for it. */
export interface UnionObjective {
  metric: string;
  better: 'lower' | 'higher';
}

/** What to map. */
export interface ZoneOptions {
  x: ZoneAxis;
  y: ZoneAxis;
  /** The union's limits (every one must hold for the union to accept a cell). */
  union: TargetSpec[];
  /** The platform's limits. */
  platform: TargetSpec[];
  /** Arm run at every cell (default: the last arm, the proposal side of a comparison). */
  arm?: string;
  replications?: number;
  seed?: number;
  /** `ci` (default): the unfavourable end of the 95% interval must meet each limit; `mean`: the mean must. */
  confidence?: 'mean' | 'ci';
  /** How the union ranks cells the platform accepts (default: lowest earnings.shareBelowMinWage). */
  unionObjective?: UnionObjective;
}

/** One limit at one cell. */
export interface ZoneLimitCheck extends TargetSpec {
  mean: number;
  ci95: [number, number];
  met: boolean;
}

/** One grid cell. */
export interface ZoneCell {
  x: number;
  y: number;
  xIndex: number;
  yIndex: number;
  /** Every limit metric, platform.margin, platform.courierPay and the union objective, over replications. */
  metrics: Record<string, MetricEstimate>;
  union: ZoneLimitCheck[];
  platform: ZoneLimitCheck[];
  unionHolds: boolean;
  platformHolds: boolean;
  /** Both sides' limits hold: the cell is in the zone of agreement. */
  agreed: boolean;
}

/** A picked cell, by position and value. */
export interface ZonePick {
  x: number;
  y: number;
  index: number;
}

/** The `fairpace zone` output. */
export interface ZoneResult {
  schemaVersion: number;
  fairpaceVersion: string;
  /** The model fingerprint of the build that computed this (SHA-256 over src/sim and the scenario defaults). */
  modelDigest: string;
  scenarioDigest: string;
  arm: string;
  seeds: number[];
  confidence: 'mean' | 'ci';
  x: ZoneAxis;
  y: ZoneAxis;
  unionLimits: TargetSpec[];
  platformLimits: TargetSpec[];
  unionObjective: UnionObjective;
  /** Row by row: y outer, x inner (cells[yIndex * x.values.length + xIndex]). */
  cells: ZoneCell[];
  /** The scenario's own values of the two parameters, and the cell index when both are grid values (else null). */
  current: { x: number | null; y: number | null; index: number | null };
  /** Among cells the union accepts, the one with the highest mean platform.margin (null when there is none). */
  cheapestForPlatform: ZonePick | null;
  /** Among cells the platform accepts, the best for the union objective (null when there is none). */
  bestForUnion: ZonePick | null;
  /** How many cells are in the zone of agreement. */
  agreedCells: number;
  message: string;
}

/** Beside the limits: each side's money, and what the union ranks by (pay per hour, crash risk). */
const COST_METRICS = [
  'platform.margin',
  'platform.courierPay',
  'earnings.netPerOnlineHour.mean',
  'safety.relativeCrashRisk',
] as const;
const DEFAULT_OBJECTIVE: UnionObjective = { metric: 'earnings.shareBelowMinWage', better: 'lower' };
/** Most cells of a grid (each runs `replications` simulations). */
export const MAX_ZONE_CELLS = 400;

function checkLimits(list: TargetSpec[], side: string): void {
  for (const t of list) {
    if (!isMetricPath(t.metric)) throw new RangeError(`${side}: unknown metric path '${t.metric}'`);
    if (!TARGET_OPS.includes(t.op)) throw new RangeError(`${side}: unknown operator '${String(t.op)}'`);
    if (!Number.isFinite(t.threshold)) throw new RangeError(`${side}: threshold of '${t.metric}' must be a number`);
  }
}

/** Checks the options; throws RangeError / ScenarioPathError naming the bad input. Returns the resolved arm. */
export function checkZoneOptions(scenario: Scenario, options: ZoneOptions): string {
  const { x, y } = options;
  if (x.param === y.param) throw new RangeError(`the two axes must be different parameters (both are '${x.param}')`);
  for (const [name, axis] of [
    ['x', x],
    ['y', y],
  ] as const) {
    if (axis.values.length === 0) throw new RangeError(`${name} (${axis.param}) needs at least one value`);
    if (axis.values.some((v) => !Number.isFinite(v)))
      throw new RangeError(`${name} (${axis.param}): values must be numbers`);
    if (new Set(axis.values).size !== axis.values.length) {
      throw new RangeError(`${name} (${axis.param}): a value is listed twice`);
    }
    for (const v of axis.values) withParam(scenario, axis.param, v);
  }
  if (x.values.length * y.values.length > MAX_ZONE_CELLS) {
    throw new RangeError(`the grid has ${x.values.length * y.values.length} cells; at most ${MAX_ZONE_CELLS}`);
  }
  if (options.union.length + options.platform.length === 0) throw new RangeError('at least one limit is needed');
  checkLimits(options.union, 'union');
  checkLimits(options.platform, 'platform');
  const objective = options.unionObjective ?? DEFAULT_OBJECTIVE;
  if (!isMetricPath(objective.metric))
    throw new RangeError(`union objective: unknown metric path '${objective.metric}'`);
  const arm = options.arm ?? scenario.arms.at(-1)?.id ?? '';
  rulesForArm(scenario, arm);
  return arm;
}

/** A grid cell's place and values. */
export interface ZoneGridCell {
  x: number;
  y: number;
  xIndex: number;
  yIndex: number;
}

/** The zone's runs: the arm, the seeds, the cells (y outer, x inner) and each cell's task for each seed. */
export interface ZoneRuns {
  arm: string;
  seeds: number[];
  grid: ZoneGridCell[];
  cellTasks: RunTask[][];
}

/** Lists the zone's runs after checking the options (see checkZoneOptions). */
export function zoneRuns(scenario: Scenario, options: ZoneOptions): ZoneRuns {
  const arm = checkZoneOptions(scenario, options);
  const { x, y } = options;
  const seeds = seedsFor(options.seed ?? scenario.seed, options.replications ?? scenario.replications);
  const grid = y.values.flatMap((yv, yIndex) => x.values.map((xv, xIndex) => ({ x: xv, y: yv, xIndex, yIndex })));
  const cellTasks = grid.map((g) => {
    const s = withParam(withParam(scenario, x.param, g.x), y.param, g.y);
    return seeds.map((seed) => ({ scenario: s, armId: arm, seed }));
  });
  return { arm, seeds, grid, cellTasks };
}

/**
 * The zone's grid as one batch plan (y outer, x inner, seed innermost); the summary judges every cell. Its
 * provisional answer judges every cell on the first seeds all cells have finished.
 */
export function zoneBatch(scenario: Scenario, options: ZoneOptions): PrefixBatch<ZoneResult> {
  const { arm, seeds, grid, cellTasks } = zoneRuns(scenario, options);
  const n = seeds.length;
  const cellsOf = (results: readonly RunResult[], k: number) => (i: number) => results.slice(i * k, (i + 1) * k);
  return {
    tasks: cellTasks.flat(),
    summarise: (results) => judgeZone(scenario, options, arm, seeds, grid, cellsOf(results, n)),
    seedPrefix: {
      seeds: n,
      answer: (results, count) =>
        judgeZone(scenario, options, arm, seeds.slice(0, count), grid, cellsOf(groupPrefix(results, n, count), count)),
    },
  };
}

/** Maps the zone; see the module comment. Deterministic for the same options, whatever the executor. */
export async function zoneOfAgreement(
  scenario: Scenario,
  options: ZoneOptions,
  execute: Executor = runInProcess,
  onProgress?: ProgressFn,
  signal?: CancelSignal,
): Promise<ZoneResult> {
  return runBatchPlan(zoneBatch(scenario, options), execute, onProgress, signal);
}

/**
 * Judges every cell on its runs (`runsOf(i)`, seed by seed from the first; a sequential zone gives cells different
 * numbers of seeds) and picks each side's best cell; `seeds` is what the result says it used.
 */
export function judgeZone(
  scenario: Scenario,
  options: ZoneOptions,
  arm: string,
  seeds: number[],
  grid: ZoneGridCell[],
  runsOf: (cell: number) => readonly RunResult[],
): ZoneResult {
  const { x, y, union, platform } = options;
  const confidence = options.confidence ?? 'ci';
  const objective = options.unionObjective ?? DEFAULT_OBJECTIVE;
  const metricNames = [
    ...new Set([...union.map((t) => t.metric), ...platform.map((t) => t.metric), ...COST_METRICS, objective.metric]),
  ];

  const cells: ZoneCell[] = grid.map((g, i) => {
    const runs = runsOf(i);
    const metrics: Record<string, MetricEstimate> = {};
    for (const path of metricNames) {
      const { mean, ci95 } = boundedInterval(
        runs.map((r) => metricAt(r.metrics, path) ?? Number.NaN),
        valueBounds(path),
      );
      metrics[path] = { mean, ci95 };
    }
    const check = (list: TargetSpec[]): ZoneLimitCheck[] =>
      list.map((t) => {
        const e = metrics[t.metric] as MetricEstimate;
        return { ...t, mean: e.mean, ci95: e.ci95, met: targetHolds(t, e, confidence) };
      });
    const u = check(union);
    const p = check(platform);
    const unionHolds = u.every((c) => c.met);
    const platformHolds = p.every((c) => c.met);
    return { ...g, metrics, union: u, platform: p, unionHolds, platformHolds, agreed: unionHolds && platformHolds };
  });

  const cx = currentParamValue(scenario, x.param, arm);
  const cy = currentParamValue(scenario, y.param, arm);
  const ci = cx === null ? -1 : x.values.indexOf(cx);
  const cj = cy === null ? -1 : y.values.indexOf(cy);
  const current = { x: cx, y: cy, index: ci >= 0 && cj >= 0 ? cj * x.values.length + ci : null };

  const pick = (accept: (c: ZoneCell) => boolean, score: (c: ZoneCell) => number): ZonePick | null => {
    let best: ZonePick | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    cells.forEach((c, index) => {
      const s = score(c);
      // Strictly better only, so ties go to the first cell in grid order.
      if (accept(c) && !Number.isNaN(s) && (best === null || s > bestScore)) {
        best = { x: c.x, y: c.y, index };
        bestScore = s;
      }
    });
    return best;
  };
  const meanOf = (c: ZoneCell, m: string) => c.metrics[m]?.mean ?? Number.NaN;
  const cheapestForPlatform = pick(
    (c) => c.unionHolds,
    (c) => meanOf(c, 'platform.margin'),
  );
  const bestForUnion = pick(
    (c) => c.platformHolds,
    (c) => (objective.better === 'lower' ? -meanOf(c, objective.metric) : meanOf(c, objective.metric)),
  );
  const agreedCells = cells.filter((c) => c.agreed).length;
  return {
    schemaVersion: SCHEMA_VERSION,
    fairpaceVersion: FAIRPACE_VERSION,
    modelDigest: MODEL_DIGEST,
    scenarioDigest: digestOf(scenario),
    arm,
    seeds,
    confidence,
    x: { param: x.param, values: [...x.values] },
    y: { param: y.param, values: [...y.values] },
    unionLimits: union,
    platformLimits: platform,
    unionObjective: objective,
    cells,
    current,
    cheapestForPlatform,
    bestForUnion,
    agreedCells,
    message:
      agreedCells > 0
        ? `${agreedCells} of ${cells.length} cells satisfy both sides' limits`
        : `no cell of the ${cells.length} satisfies both sides' limits`,
  };
}
