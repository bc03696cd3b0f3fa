/**
 * Fairpace as a library: `import { compare } from 'fairpace'`. Each function is the one behind a `fairpace`
 * command, takes the same options, checks them with the same schemas (src/analysis/options.ts) and the same words,
 * and returns the object the command prints as JSON (a comparison's arms also carry their intervals). Runs are
 * spread over one worker thread per core, as the CLI's are, unless `workers` or an `executor` says otherwise; the
 * result is the same either way.
 */
import type { z } from 'zod';
import {
  calibrate as calibrateAnalysis,
  DEFAULT_TARGETS,
  fitScenario,
  loadTargets,
  checkAssertions,
  evaluateGate,
  compareToPrecision,
  findTarget,
  findTargetSequential,
  planCompare,
  planSweep,
  runOne,
  sensitivity as sensitivityAnalysis,
  sensitivityToPrecision,
  summariseCompare,
  summariseSweep,
  sweepToPrecision,
  zoneOfAgreement,
  zoneSequential,
  type CalibrationResult,
  type FitResult as FitJson,
  type GateResult,
  type RunOutput,
  type SensitivityResult,
  type TargetResult,
  type TargetsFile,
  type ZoneResult,
} from '../analysis/index.ts';
import {
  CalibrateOptionsSchema,
  checkOptions,
  FitOptionsSchema,
  GateOptionsSchema,
  OptionsError,
  PackOptionsSchema,
  PreciseCompareOptionsSchema,
  RunOneOptionsSchema,
  RunOptionsSchema,
  SensitivityOptionsSchema,
  SweepOptionsSchema,
  TargetOptionsSchema,
  ZoneOptionsSchema,
} from '../analysis/options.ts';
import {
  buildEvidencePack as buildPack,
  parseBargaining,
  planEvidence,
  verifyPack as verifyPackAnalysis,
  type EvidencePack as EvidencePackJson,
  type VerifyOutcome,
} from '../evidence/index.ts';
import { sweepWithIntervals, withIntervals, type Comparison, type SweepResult } from './results.ts';
import { ScenarioError, scenarioArgument, type LoadedScenario } from './scenario.ts';
import { checkArmIds, checkSeedRoom, planned, withJob } from './jobs.ts';

export { defaultWorkers } from './jobs.ts';

export type {
  CalibrationResult,
  TargetRow,
  TargetsFile,
  Assertion,
  AssertionOutcome,
  CancelSignal,
  Difference,
  Executor,
  GateResult,
  MetricEstimate,
  ProgressFn,
  RunOutput,
  RunTask,
  SensitivityParam,
  SensitivityResult,
  TargetResult,
  TargetSpec,
  UnionObjective,
  ZoneAxis,
  ZoneResult,
} from '../analysis/index.ts';
export { CancelledError, METRIC_PATHS, isMetricPath, parseAssertion, parseTarget } from '../analysis/index.ts';
export {
  CalibrateOptionsSchema,
  CompareOptionsSchema,
  FitOptionsSchema,
  GateOptionsSchema,
  OptionsError,
  PackOptionsSchema,
  RunOneOptionsSchema,
  RunOptionsSchema,
  SensitivityOptionsSchema,
  SweepOptionsSchema,
  TargetOptionsSchema,
  ZoneOptionsSchema,
} from '../analysis/options.ts';
export type { OptionProblem } from '../analysis/options.ts';
export type { Manifest, VerifyOutcome } from '../evidence/index.ts';
export { PackError } from '../evidence/index.ts';
export type { Problem } from '../scenario/load.ts';
export { ScenarioPathError } from '../scenario/paths.ts';
export type { Scenario } from '../scenario/schema.ts';
export type { CourierDay, Metrics, RunResult } from '../sim/results.ts';
export { FAIRPACE_VERSION } from '../version.ts';
export type {
  ArmSummary,
  Comparison,
  DifferencePath,
  MetricDifferences,
  MetricIntervals,
  MetricPath,
  SweepResult,
} from './results.ts';
export { ScenarioError, loadScenario, type LoadedScenario } from './scenario.ts';

/** The options of `run`: the arm (default the first) and seed (default the scenario's), and whether to keep the order trace. */
export type RunOneOptions = z.input<typeof RunOneOptionsSchema>;
/** The options of `compare`: arm ids, replications (1 to 1000) and the first seed; the scenario's when left out. */
export type CompareOptions = z.input<typeof PreciseCompareOptionsSchema>;
/** The options of `gate`: a comparison's, and assertions as text (as on the command line) or parsed. */
export type GateOptions = z.input<typeof GateOptionsSchema>;
/** The options of `sweep`: a comparison's, a numeric scenario parameter and its values. */
export type SweepOptions = z.input<typeof SweepOptionsSchema>;
/** The options of `target`. */
export type TargetOptions = z.input<typeof TargetOptionsSchema>;
/** The options of `sensitivity`. */
export type SensitivityOptions = z.input<typeof SensitivityOptionsSchema>;
/** The options of `zone`. */
export type ZoneOptions = z.input<typeof ZoneOptionsSchema>;
/** The options of `calibrate`. */
export type CalibrateOptions = z.input<typeof CalibrateOptionsSchema>;
/** The options of `fit`. */
export type FitOptions = z.input<typeof FitOptionsSchema>;
/** One parameter of `fit`, searched from `lo` to `hi`. */
export type FitParam = FitOptions['params'][number];
/** The options of an evidence pack: a comparison's, and bargaining results to carry. */
export type PackOptions = z.input<typeof PackOptionsSchema>;
/** How the runs of an analysis are carried out (see RunOptionsSchema). */
export type RunOptions = z.input<typeof RunOptionsSchema>;

/** What `fit` returns: the fitted scenario, loaded, and how it was found. */
export interface FitResult extends Omit<FitJson, 'scenario'> {
  scenario: LoadedScenario;
}

/** The options `fairpace evidence` takes besides the files to carry: a comparison's. */
export type EvidenceOptions = CompareOptions;

/** What `buildEvidencePack` returns: the zip bytes, its files, its manifest, and the comparison in it. */
export type EvidencePack = EvidencePackJson;

/** One replication of one arm, as `fairpace run` prints it. */
export function run(scenario: LoadedScenario, options: RunOneOptions = {}): RunOutput {
  const s = scenarioArgument(scenario);
  const o = checkOptions(RunOneOptionsSchema, options);
  if (o.arm !== undefined) checkArmIds(s, 'arm', [o.arm]);
  return runOne(s, o);
}

/** Every arm over replications with paired differences and each arm's intervals, as `fairpace compare` prints it. */
export async function compare(
  scenario: LoadedScenario,
  options: CompareOptions = {},
  how: RunOptions = {},
): Promise<Comparison> {
  const s = scenarioArgument(scenario);
  const { precision, ...o } = checkOptions(PreciseCompareOptionsSchema, options);
  const h = checkOptions(RunOptionsSchema, how);
  checkArmIds(s, 'arms', o.arms);
  checkSeedRoom(s, o);
  const plan = planned(() => planCompare(s, o));
  if (precision !== undefined) {
    const { arms, seed, replications } = o;
    const seq = await withJob(h, (executor) =>
      compareToPrecision(
        s,
        { precision, maxReplications: replications },
        executor,
        { arms, seed },
        undefined,
        h.onProgress,
        h.signal,
      ),
    );
    return withIntervals(seq.comparison, planCompare(s, { ...o, replications: seq.replications }), seq.results);
  }
  const results = await withJob(h, (executor) => executor(plan.tasks, h.onProgress, h.signal));
  return withIntervals(summariseCompare(s, plan, results), plan, results);
}

/** `fairpace compare --assert ...`: the comparison and the verdict on every assertion (`gate.holds`). */
export async function gate(
  scenario: LoadedScenario,
  options: GateOptions,
  how: RunOptions = {},
): Promise<{ comparison: Comparison; gate: GateResult }> {
  const s = scenarioArgument(scenario);
  const o = checkOptions(GateOptionsSchema, options);
  const h = checkOptions(RunOptionsSchema, how);
  checkArmIds(s, 'arms', o.arms);
  checkSeedRoom(s, o);
  const assertions = [...(o.assert ?? []), ...(o.assertDiff ?? [])];
  const plan = planned(() => planCompare(s, o));
  // Checked before anything runs: an unknown arm should not cost a whole comparison.
  planned(() => checkAssertions(plan, assertions));
  const results = await withJob(h, (executor) => executor(plan.tasks, h.onProgress, h.signal));
  return {
    comparison: withIntervals(summariseCompare(s, plan, results), plan, results),
    gate: evaluateGate(plan, results, assertions, o.confidence ?? 'ci'),
  };
}

/** A comparison at each value of one parameter, as `fairpace sweep` prints it, each arm with its intervals. */
export async function sweep(
  scenario: LoadedScenario,
  options: SweepOptions,
  how: RunOptions = {},
): Promise<SweepResult> {
  const s = scenarioArgument(scenario);
  const { precision, ...o } = checkOptions(SweepOptionsSchema, options);
  const h = checkOptions(RunOptionsSchema, how);
  checkArmIds(s, 'arms', o.arms);
  checkSeedRoom(s, o);
  const plan = planned(() => planSweep(s, o));
  if (precision !== undefined) {
    const seq = await withJob(h, (executor) =>
      sweepToPrecision(s, o, { precision }, executor, undefined, h.onProgress, h.signal),
    );
    return sweepWithIntervals(seq.sweep, seq.plan, seq.results);
  }
  const results = await withJob(h, (executor) => executor(plan.tasks, h.onProgress, h.signal));
  return sweepWithIntervals(summariseSweep(s, o, plan, results), plan, results);
}

/** The smallest (largest) parameter value meeting every target, as `fairpace target` prints it. */
export async function target(
  scenario: LoadedScenario,
  options: TargetOptions,
  how: RunOptions = {},
): Promise<TargetResult> {
  const s = scenarioArgument(scenario);
  const o = checkOptions(TargetOptionsSchema, options);
  const h = checkOptions(RunOptionsSchema, how);
  if (o.arm !== undefined) checkArmIds(s, 'arm', [o.arm]);
  checkSeedRoom(s, o);
  const { precision, ...search } = o;
  if (precision !== undefined) {
    const seq = await withJob(h, (executor) =>
      findTargetSequential(s, search, { precision }, executor, h.onProgress, h.signal),
    );
    return seq.result;
  }
  return withJob(h, (executor) => findTarget(s, search, executor, h.onProgress, h.signal));
}

/** One-at-a-time sensitivity of the headline differences, as `fairpace sensitivity` prints it. */
export async function sensitivity(
  scenario: LoadedScenario,
  options: SensitivityOptions = {},
  how: RunOptions = {},
): Promise<SensitivityResult> {
  const s = scenarioArgument(scenario);
  const o = checkOptions(SensitivityOptionsSchema, options);
  const h = checkOptions(RunOptionsSchema, how);
  checkArmIds(s, 'arms', o.arms);
  checkSeedRoom(s, o);
  const { precision, ...plain } = o;
  if (precision !== undefined) {
    const seq = await withJob(h, (executor) =>
      sensitivityToPrecision(s, plain, { precision }, executor, undefined, h.onProgress, h.signal),
    );
    return seq.result;
  }
  return withJob(h, (executor) => sensitivityAnalysis(s, plain, executor, h.onProgress, h.signal));
}

/** The zone of agreement over a grid of two parameters, as `fairpace zone` prints it. */
export async function zone(scenario: LoadedScenario, options: ZoneOptions, how: RunOptions = {}): Promise<ZoneResult> {
  const s = scenarioArgument(scenario);
  const o = checkOptions(ZoneOptionsSchema, options);
  const h = checkOptions(RunOptionsSchema, how);
  if (o.arm !== undefined) checkArmIds(s, 'arm', [o.arm]);
  checkSeedRoom(s, o);
  const { sequential, ...grid } = o;
  if (sequential) {
    const seq = await withJob(h, (executor) => zoneSequential(s, grid, executor, {}, h.onProgress, h.signal));
    return seq.result;
  }
  return withJob(h, (executor) => zoneOfAgreement(s, grid, executor, h.onProgress, h.signal));
}

/**
 * A targets file from JSON text or a parsed value (throws ScenarioError listing each problem with its JSON path);
 * without input, the default targets (published figures of Chinese food-delivery couriers).
 */
export function loadTargetsFile(input?: unknown): TargetsFile {
  if (input === undefined) return DEFAULT_TARGETS;
  const loaded = loadTargets(typeof input === 'string' ? input : JSON.stringify(input));
  if (!loaded.ok) throw new ScenarioError(loaded.problems);
  return loaded.targets;
}

/** The model against observed figures, target by target, as `fairpace calibrate --format json` prints it. */
export async function calibrate(
  scenario: LoadedScenario,
  targets: TargetsFile = DEFAULT_TARGETS,
  options: CalibrateOptions = {},
  how: RunOptions = {},
): Promise<CalibrationResult> {
  const s = scenarioArgument(scenario);
  const o = checkOptions(CalibrateOptionsSchema, options);
  const h = checkOptions(RunOptionsSchema, how);
  checkSeedRoom(s, o);
  return withJob(h, (executor) => calibrateAnalysis(s, targets, o, executor, h.onProgress));
}

/** `fairpace calibrate --fit`: parameters searched within bounds to bring the targets inside their ranges. */
export async function fit(
  scenario: LoadedScenario,
  targets: TargetsFile,
  options: FitOptions,
  how: RunOptions = {},
): Promise<FitResult> {
  const s = scenarioArgument(scenario);
  const o = checkOptions(FitOptionsSchema, options);
  const h = checkOptions(RunOptionsSchema, how);
  checkSeedRoom(s, o);
  const result = await withJob(h, (executor) => fitScenario(s, targets, o, executor));
  return { ...result, scenario: result.scenario as LoadedScenario };
}

/**
 * Runs the comparison with courier-day rows kept and builds the evidence pack `fairpace evidence` writes: the same
 * zip bytes for the same inputs. `include` names are base names (`target` becomes `bargaining/target.json`).
 */
export async function buildEvidencePack(
  scenario: LoadedScenario,
  options: PackOptions = {},
  how: RunOptions = {},
): Promise<EvidencePack> {
  const s = scenarioArgument(scenario);
  const { include, ...o } = checkOptions(PackOptionsSchema, options);
  const h = checkOptions(RunOptionsSchema, how);
  checkArmIds(s, 'arms', o.arms);
  checkSeedRoom(s, o);
  const plan = planned(() => planEvidence(s, o));
  const bargaining = (include ?? []).map((f) => ({
    name: `bargaining/${f.name.replace(/\.json$/i, '')}.json`,
    bytes: f.bytes,
  }));
  planned(() => parseBargaining(bargaining));
  const runs = await withJob(h, (executor) => executor(plan.tasks, h.onProgress, h.signal), true);
  return buildPack({ scenario: s, plan, runs, bargaining });
}

/**
 * Verifies an evidence pack as `fairpace verify` does: every digest, then a re-run of the scenario compared file by
 * file. Throws PackError for a pack it cannot trust.
 */
export async function verifyPack(zip: Uint8Array, how: RunOptions = {}): Promise<VerifyOutcome> {
  const h = checkOptions(RunOptionsSchema, how);
  if (!(zip instanceof Uint8Array)) {
    throw new OptionsError([
      { option: 'zip', message: 'must be the bytes of a pack (a Uint8Array)', value: undefined },
    ]);
  }
  return withJob(h, (executor) => verifyPackAnalysis(zip, executor, h.onProgress, h.signal), true);
}
