/**
 * Fairpace as a library: `import { compare } from 'fairpace'`. Each function is the one behind a `fairpace`
 * command, takes the same options and returns the object the command prints as JSON. Runs happen in this thread
 * unless `workers` (Node worker threads) or an `executor` is given; the result is the same either way.
 */
import {
  calibrate as calibrateAnalysis,
  DEFAULT_TARGETS,
  fitScenario,
  loadTargets,
  checkAssertions,
  compare as compareAnalysis,
  evaluateGate,
  findTarget,
  parseAssertion,
  planCompare,
  runInProcess,
  runOne,
  sensitivity as sensitivityAnalysis,
  summariseCompare,
  sweep as sweepAnalysis,
  zoneOfAgreement,
  type Assertion,
  type CancelSignal,
  type CompareOptions,
  type Comparison,
  type Executor,
  type GateResult,
  type ProgressFn,
  type RunOneOptions,
  type RunOutput,
  type SensitivityOptions,
  type SensitivityResult,
  type SweepOptions,
  type SweepResult,
  type TargetOptions,
  type TargetResult,
  type ZoneOptions,
  type ZoneResult,
  type CalibrateOptions,
  type CalibrationResult,
  type FitOptions,
  type FitResult,
  type TargetsFile,
} from '../analysis/index.ts';
import { withExecutor } from '../cli/pool.ts';
import {
  buildEvidencePack as buildPack,
  parseBargaining,
  planEvidence,
  runEvidenceInProcess,
  verifyPack as verifyPackAnalysis,
  type EvidenceOptions,
  type EvidencePack,
  type VerifyOutcome,
} from '../evidence/index.ts';
import { validateScenario, type Problem } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';

export type {
  CalibrateOptions,
  CalibrationResult,
  FitOptions,
  FitParam,
  FitResult,
  TargetRow,
  TargetsFile,
  ArmSummary,
  Assertion,
  AssertionOutcome,
  CancelSignal,
  CompareOptions,
  Comparison,
  Difference,
  Executor,
  GateResult,
  MetricEstimate,
  ProgressFn,
  RunOneOptions,
  RunOutput,
  RunTask,
  SensitivityOptions,
  SensitivityParam,
  SensitivityResult,
  SweepOptions,
  SweepResult,
  TargetOptions,
  TargetResult,
  TargetSpec,
  UnionObjective,
  ZoneAxis,
  ZoneOptions,
  ZoneResult,
} from '../analysis/index.ts';
export { CancelledError, METRIC_PATHS, isMetricPath, parseAssertion, parseTarget } from '../analysis/index.ts';
export type { EvidenceOptions, EvidencePack, Manifest, VerifyOutcome } from '../evidence/index.ts';
export { PackError } from '../evidence/index.ts';
export type { Problem } from '../scenario/load.ts';
export type { Scenario } from '../scenario/schema.ts';
export type { CourierDay, Metrics, RunResult } from '../sim/results.ts';
export { FAIRPACE_VERSION } from '../version.ts';

/** How the runs of an analysis are carried out. */
export interface RunOptions {
  /** Node worker threads to spread the runs over; 1 (the default) runs them in this thread. */
  workers?: number;
  /** Runs the tasks instead of the built-in executors (e.g. a pool of your own); `workers` is then ignored. */
  executor?: Executor;
  /** Called as runs finish: how many are done of how many. */
  onProgress?: ProgressFn;
  /** Stops the analysis with CancelledError once `aborted` (an AbortSignal will do). */
  signal?: CancelSignal;
}

/** A scenario that does not validate: `problems` holds one `{ path, message }` per problem. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.problems = problems;
  }
}

/**
 * Validates a scenario, from JSON text or an already-parsed value, and fills in every default; throws ScenarioError
 * listing each problem with its JSON path.
 */
export function loadScenario(input: unknown): Scenario {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input.startsWith('\uFEFF') ? input.slice(1) : input);
    } catch (e) {
      throw new ScenarioError([{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }]);
    }
  }
  const loaded = validateScenario(value);
  if (!loaded.ok) throw new ScenarioError(loaded.problems);
  return loaded.scenario;
}

/** Runs a job with the caller's executor, else with worker threads that last the whole job (or this thread). */
function withJob<T>(options: RunOptions, job: (executor: Executor) => Promise<T>, courierDays = false): Promise<T> {
  if (options.executor) return job(options.executor);
  const inProcess = courierDays ? runEvidenceInProcess : runInProcess;
  return withExecutor(options.workers ?? 1, inProcess, job, { courierDays });
}

/** One replication of one arm, as `fairpace run` prints it. */
export function run(scenario: Scenario, options: RunOneOptions = {}): RunOutput {
  return runOne(scenario, options);
}

/** Every arm over replications with paired differences, as `fairpace compare` prints it. */
export function compare(scenario: Scenario, options: CompareOptions = {}, how: RunOptions = {}): Promise<Comparison> {
  return withJob(how, (executor) => compareAnalysis(scenario, options, executor, how.onProgress, how.signal));
}

/** What a gate checks: a comparison's options and its assertions (text as on the command line, or parsed). */
export interface GateOptions extends CompareOptions {
  /** Arm assertions: `"<metric path>[@arm] <op> <value>"`. */
  assert?: (string | Assertion)[];
  /** Assertions on the paired difference, second arm − first: `"<metric path> <op> <value>"`. */
  assertDiff?: (string | Assertion)[];
  /** `ci` (default): the unfavourable end of the 95% interval must meet each assertion; `mean`: the mean must. */
  confidence?: 'mean' | 'ci';
}

/** `fairpace compare --assert ...`: the comparison and the verdict on every assertion (`gate.holds`). */
export async function gate(
  scenario: Scenario,
  options: GateOptions,
  how: RunOptions = {},
): Promise<{ comparison: Comparison; gate: GateResult }> {
  const parse = (list: (string | Assertion)[] | undefined, kind: 'arm' | 'diff') =>
    (list ?? []).map((a) => (typeof a === 'string' ? parseAssertion(a, kind) : a));
  const assertions = [...parse(options.assert, 'arm'), ...parse(options.assertDiff, 'diff')];
  const plan = planCompare(scenario, options);
  // Checked before anything runs: an unknown arm should not cost a whole comparison.
  checkAssertions(plan, assertions);
  const results = await withJob(how, (executor) => executor(plan.tasks, how.onProgress, how.signal));
  return {
    comparison: summariseCompare(scenario, plan, results),
    gate: evaluateGate(plan, results, assertions, options.confidence ?? 'ci'),
  };
}

/** A comparison at each value of one parameter, as `fairpace sweep` prints it. */
export function sweep(scenario: Scenario, options: SweepOptions, how: RunOptions = {}): Promise<SweepResult> {
  return withJob(how, (executor) => sweepAnalysis(scenario, options, executor, how.onProgress, how.signal));
}

/** The smallest (largest) parameter value meeting every target, as `fairpace target` prints it. */
export function target(scenario: Scenario, options: TargetOptions, how: RunOptions = {}): Promise<TargetResult> {
  return withJob(how, (executor) => findTarget(scenario, options, executor, how.onProgress, how.signal));
}

/** One-at-a-time sensitivity of the headline differences, as `fairpace sensitivity` prints it. */
export function sensitivity(
  scenario: Scenario,
  options: SensitivityOptions = {},
  how: RunOptions = {},
): Promise<SensitivityResult> {
  return withJob(how, (executor) => sensitivityAnalysis(scenario, options, executor, how.onProgress, how.signal));
}

/** The zone of agreement over a grid of two parameters, as `fairpace zone` prints it. */
export function zone(scenario: Scenario, options: ZoneOptions, how: RunOptions = {}): Promise<ZoneResult> {
  return withJob(how, (executor) => zoneOfAgreement(scenario, options, executor, how.onProgress, how.signal));
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
export function calibrate(
  scenario: Scenario,
  targets: TargetsFile = DEFAULT_TARGETS,
  options: CalibrateOptions = {},
  how: RunOptions = {},
): Promise<CalibrationResult> {
  return withJob(how, (executor) => calibrateAnalysis(scenario, targets, options, executor, how.onProgress));
}

/** `fairpace calibrate --fit`: parameters searched within bounds to bring the targets inside their ranges. */
export function fit(
  scenario: Scenario,
  targets: TargetsFile,
  options: FitOptions,
  how: RunOptions = {},
): Promise<FitResult> {
  return withJob(how, (executor) => fitScenario(scenario, targets, options, executor));
}

/** The options of an evidence pack: those of a comparison, and bargaining results to carry. */
export interface PackOptions extends EvidenceOptions {
  /** Files written by target, sensitivity or zone, stored as `bargaining/<name>.json`. */
  include?: { name: string; bytes: Uint8Array }[];
}

/**
 * Runs the comparison with courier-day rows kept and builds the evidence pack `fairpace evidence` writes: the same
 * zip bytes for the same inputs. `include` names are base names (`target` becomes `bargaining/target.json`).
 */
export async function buildEvidencePack(
  scenario: Scenario,
  options: PackOptions = {},
  how: RunOptions = {},
): Promise<EvidencePack> {
  const plan = planEvidence(scenario, options);
  const bargaining = (options.include ?? []).map((f) => ({
    name: `bargaining/${f.name.replace(/\.json$/i, '')}.json`,
    bytes: f.bytes,
  }));
  parseBargaining(bargaining);
  const runs = await withJob(how, (executor) => executor(plan.tasks, how.onProgress, how.signal), true);
  return buildPack({ scenario, plan, runs, bargaining });
}

/**
 * Verifies an evidence pack as `fairpace verify` does: every digest, then a re-run of the scenario compared file by
 * file. Throws PackError for a pack it cannot trust.
 */
export function verifyPack(zip: Uint8Array, how: RunOptions = {}): Promise<VerifyOutcome> {
  return withJob(how, (executor) => verifyPackAnalysis(zip, executor, how.onProgress, how.signal), true);
}
