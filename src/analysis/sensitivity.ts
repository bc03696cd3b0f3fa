/**
 * One-at-a-time sensitivity of a two-arm comparison: each parameter is set to its low and then its high value (in the
 * base scenario and every arm), the headline differences are recomputed with the same seeds, and the parameters are
 * ranked by how far they move them. A parameter that no metric depends on gives bit-identical runs, so its effect is
 * exactly zero. A parameter is flagged when its range flips the sign of a difference whose base interval excludes zero.
 */
import { rangedParameters } from '../scenario/catalogue.ts';
import { digestOf } from '../scenario/canonical.ts';
import { getPath, withParam, ScenarioPathError } from '../scenario/paths.ts';
import { rulesForArm } from '../scenario/rulesForArm.ts';
import { SCHEMA_VERSION, type Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../version.ts';
import { SENSITIVITY_PATHS } from './catalogue/index.ts';
import { metricAt } from './metricPaths.ts';
import { runBatchPlan } from './batchPlan.ts';
import type { PrefixBatch } from './prefixBatch.ts';
import { groupPrefix } from './provisional.ts';
import { runInProcess, seedsFor, type CancelSignal, type Executor, type ProgressFn, type RunTask } from './runTasks.ts';
import { pairedDifference, type Difference } from './stats.ts';

/** The headline differences sensitivity reports (second arm minus first): the metric catalogue's sensitivity metrics. */
export const SENSITIVITY_METRICS: readonly string[] = SENSITIVITY_PATHS;

/** A parameter with a plausible range (an assumption, or a calibrated default), and the range it is varied over. */
export interface AssumptionRange {
  path: string;
  /** Low and high as factors of the scenario's value (e.g. 0.8 and 1.2 for ±20%). */
  lowFactor: number;
  highFactor: number;
  basis: string;
}

/**
 * The default parameters: every default the parameter catalogue (src/scenario/catalogue.ts) gives a plausible range,
 * the assumptions and two calibrated defaults whose targets leave room, in the catalogue's order for sensitivity.
 */
export const ASSUMPTIONS: readonly AssumptionRange[] = rangedParameters().map(({ status: _status, ...range }) => range);

/** A parameter to vary: a path, with an explicit range or the default ±20% of the scenario's value. */
export interface SensitivityParam {
  path: string;
  low?: number;
  high?: number;
}

/** What to vary and how to run it. */
export interface SensitivityOptions {
  /** Paths or explicit ranges; default: every entry of ASSUMPTIONS. */
  params?: (string | SensitivityParam)[];
  /** The two arms compared (default: the scenario's first two). */
  arms?: [string, string];
  replications?: number;
  seed?: number;
}

/** How one headline difference moves over one parameter's range. */
export interface MetricEffect {
  low: Difference;
  high: Difference;
  /** low.mean − base.mean and high.mean − base.mean. */
  deltaLow: number;
  deltaHigh: number;
  /** The largest |delta|. */
  swing: number;
}

/** One parameter's row, ranked by `score`. */
export interface ParamEffect {
  path: string;
  base: number;
  low: number;
  high: number;
  basis: string;
  /** Largest swing over the headline metrics, each divided by its base scale (|mean| + interval half-width). */
  score: number;
  effects: Record<string, MetricEffect>;
  /** Headline differences whose base interval excludes zero and whose sign this parameter's range flips. */
  flips: { metric: string; at: 'low' | 'high'; base: number; value: number }[];
}

/** The `fairpace sensitivity` output. */
export interface SensitivityResult {
  schemaVersion: number;
  fairpaceVersion: string;
  /** The model fingerprint of the build that computed this (SHA-256 over src/sim and the scenario defaults). */
  modelDigest: string;
  scenarioDigest: string;
  arms: [string, string];
  seeds: number[];
  metrics: string[];
  base: Record<string, Difference>;
  params: ParamEffect[];
  /** Default parameters left out, with why (e.g. the range is invalid for this scenario). */
  skipped: { path: string; reason: string }[];
}

/** A parameter with its range resolved against the scenario, and the two scenarios it is run in. */
export interface Resolved {
  path: string;
  base: number;
  low: number;
  high: number;
  basis: string;
  lowScenario: Scenario;
  highScenario: Scenario;
}

/** The arms compared and the parameters with their ranges; throws RangeError / ScenarioPathError for bad input. */
export function planSensitivity(
  scenario: Scenario,
  options: SensitivityOptions = {},
): { arms: [string, string]; params: Resolved[]; skipped: { path: string; reason: string }[] } {
  const arms = options.arms ?? [scenario.arms[0]?.id ?? '', scenario.arms[1]?.id ?? ''];
  if (!arms[1]) throw new RangeError('sensitivity needs two arms to compare; the scenario has one');
  if (arms[0] === arms[1]) throw new RangeError('sensitivity needs two different arms');
  for (const id of arms) rulesForArm(scenario, id);
  const skipped: { path: string; reason: string }[] = [];
  const params: Resolved[] = [];
  const given = options.params;
  const list: { spec: SensitivityParam; lowFactor: number; highFactor: number; basis: string; fromUser: boolean }[] =
    given === undefined
      ? ASSUMPTIONS.map((a) => ({ spec: { path: a.path }, ...a, fromUser: false }))
      : given.map((p) => {
          const spec = typeof p === 'string' ? { path: p } : p;
          const known = ASSUMPTIONS.find((a) => a.path === spec.path);
          return {
            spec,
            lowFactor: known?.lowFactor ?? 0.8,
            highFactor: known?.highFactor ?? 1.2,
            basis: spec.low !== undefined ? 'given' : (known?.basis ?? '±20%'),
            fromUser: true,
          };
        });
  const seen = new Set<string>();
  for (const { spec, lowFactor, highFactor, basis, fromUser } of list) {
    if (seen.has(spec.path)) throw new RangeError(`parameter '${spec.path}' is listed twice`);
    seen.add(spec.path);
    try {
      const base = baseValue(scenario, spec.path);
      const low = spec.low ?? round(base * lowFactor);
      const high = spec.high ?? round(base * highFactor);
      if (!(high >= low)) throw new ScenarioPathError(`${spec.path}: high (${high}) is below low (${low})`);
      params.push({
        path: spec.path,
        base,
        low,
        high,
        basis,
        lowScenario: withParam(scenario, spec.path, low),
        highScenario: withParam(scenario, spec.path, high),
      });
    } catch (e) {
      if (fromUser || !(e instanceof ScenarioPathError)) throw e;
      skipped.push({ path: spec.path, reason: e.message });
    }
  }
  return { arms: [arms[0] as string, arms[1]], params, skipped };
}

function baseValue(scenario: Scenario, path: string): number {
  const v = getPath(scenario, path);
  if (typeof v !== 'number') {
    throw new ScenarioPathError(
      v === undefined ? `${path}: no such parameter in the scenario` : `${path}: not a numeric parameter`,
    );
  }
  return v;
}

/** Rounds away binary noise (16 × 0.8 = 12.8000000001) so ranges print as a person would write them. */
function round(x: number): number {
  return Number(x.toPrecision(12));
}

/**
 * The base comparison and every low/high variant as one batch plan (variant × arm, seed innermost); the summary ranks
 * the parameters. Its provisional answer ranks them on the first seeds every variant and arm has finished.
 */
export function sensitivityBatch(scenario: Scenario, options: SensitivityOptions = {}): PrefixBatch<SensitivityResult> {
  const { arms, params, skipped } = planSensitivity(scenario, options);
  const seeds = seedsFor(options.seed ?? scenario.seed, options.replications ?? scenario.replications);
  const variants = [scenario, ...params.flatMap((p) => [p.lowScenario, p.highScenario])];
  const tasks: RunTask[] = variants.flatMap((s) =>
    arms.flatMap((armId) => seeds.map((seed) => ({ scenario: s, armId, seed }))),
  );
  return {
    tasks,
    summarise: (results) => rank(scenario, arms, seeds, params, skipped, results),
    seedPrefix: {
      seeds: seeds.length,
      answer: (results, count) =>
        rank(scenario, arms, seeds.slice(0, count), params, skipped, groupPrefix(results, seeds.length, count)),
    },
  };
}

/** Runs the base comparison and every low/high variant in one batch, then ranks the parameters. */
export async function sensitivity(
  scenario: Scenario,
  options: SensitivityOptions = {},
  execute: Executor = runInProcess,
  onProgress?: ProgressFn,
  signal?: CancelSignal,
): Promise<SensitivityResult> {
  return runBatchPlan(sensitivityBatch(scenario, options), execute, onProgress, signal);
}

function rank(
  scenario: Scenario,
  arms: [string, string],
  seeds: number[],
  params: Resolved[],
  skipped: { path: string; reason: string }[],
  results: RunResult[],
): SensitivityResult {
  const block = seeds.length * 2;
  const diffs = (v: number): Record<string, Difference> => {
    const runs = results.slice(v * block, (v + 1) * block);
    return differencesOf(runs.slice(0, seeds.length), runs.slice(seeds.length));
  };
  const base = diffs(0);
  const effects = params.map((p, i) => paramEffect(p, base, diffs(1 + 2 * i), diffs(2 + 2 * i)));
  return sensitivityResult(scenario, arms, seeds, base, effects, skipped);
}

/**
 * One parameter's row: how far its low and high ends move each headline difference from `base`, the comparison on
 * the same seeds as `lowD` and `highD`.
 */
export function paramEffect(
  p: Pick<Resolved, 'path' | 'base' | 'low' | 'high' | 'basis'>,
  base: Record<string, Difference>,
  lowD: Record<string, Difference>,
  highD: Record<string, Difference>,
): ParamEffect {
  const byMetric: Record<string, MetricEffect> = {};
  const flips: ParamEffect['flips'] = [];
  let score = 0;
  for (const m of SENSITIVITY_METRICS) {
    const b = base[m] as Difference;
    const lo = lowD[m] as Difference;
    const hi = highD[m] as Difference;
    const deltaLow = lo.mean - b.mean;
    const deltaHigh = hi.mean - b.mean;
    const swing = Math.max(Math.abs(deltaLow), Math.abs(deltaHigh));
    byMetric[m] = { low: lo, high: hi, deltaLow, deltaHigh, swing };
    const normalised = swing / scaleOf(b);
    if (normalised > score) score = normalised;
    const excludesZero = b.ci95[0] > 0 || b.ci95[1] < 0;
    if (excludesZero) {
      for (const [at, d] of [
        ['low', lo],
        ['high', hi],
      ] as const) {
        if (d.mean * b.mean < 0) flips.push({ metric: m, at, base: b.mean, value: d.mean });
      }
    }
  }
  return { path: p.path, base: p.base, low: p.low, high: p.high, basis: p.basis, score, effects: byMetric, flips };
}

/**
 * What a swing is divided by for the score: the base difference's |mean| + interval half-width (1 when that is 0,
 * so a swing from an exactly-zero base counts as it is).
 */
export function scaleOf(b: Difference): number {
  const half = Number.isFinite(b.ci95[1] - b.ci95[0]) ? (b.ci95[1] - b.ci95[0]) / 2 : 0;
  const scale = Math.abs(b.mean) + half;
  return scale > 0 ? scale : 1;
}

/** The result with the rows ranked by score (ties, e.g. zero effects, in the order the parameters were listed). */
export function sensitivityResult(
  scenario: Scenario,
  arms: [string, string],
  seeds: number[],
  base: Record<string, Difference>,
  effects: ParamEffect[],
  skipped: { path: string; reason: string }[],
): SensitivityResult {
  const ranked = effects.map((e, i) => ({ e, i })).sort((a, b) => b.e.score - a.e.score || a.i - b.i);
  return {
    schemaVersion: SCHEMA_VERSION,
    fairpaceVersion: FAIRPACE_VERSION,
    modelDigest: MODEL_DIGEST,
    scenarioDigest: digestOf(scenario),
    arms,
    seeds,
    metrics: [...SENSITIVITY_METRICS],
    base,
    params: ranked.map((r) => r.e),
    skipped,
  };
}

/** The headline differences b − a, paired by seed. */
export function differencesOf(a: RunResult[], b: RunResult[]): Record<string, Difference> {
  const out: Record<string, Difference> = {};
  for (const m of SENSITIVITY_METRICS) {
    out[m] = pairedDifference(
      a.map((r) => metricAt(r.metrics, m) ?? Number.NaN),
      b.map((r) => metricAt(r.metrics, m) ?? Number.NaN),
    );
  }
  return out;
}
