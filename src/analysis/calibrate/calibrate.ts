/**
 * `fairpace calibrate`: the model against published figures. Runs the arms the targets describe on common random
 * numbers and holds each target against its arm's replications.
 */
import { digestOf } from '../../scenario/canonical.ts';
import { SCHEMA_VERSION, type Scenario } from '../../scenario/schema.ts';
import type { RunResult } from '../../sim/results.ts';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../../version.ts';
import type { BatchPlan } from '../batchPlan.ts';
import { runInProcess, seedsFor, type Executor, type ProgressFn } from '../runTasks.ts';
import { armsOfTargets, evaluateTargets, type CalibrationReport } from './evaluate.ts';
import { armProblems, type TargetsFile } from './targets.ts';

/** Replications and seeds of a calibration (the scenario's when left out). */
export interface CalibrateOptions {
  replications?: number;
  seed?: number;
}

/** The `fairpace calibrate` output. */
export interface CalibrationResult extends CalibrationReport {
  schemaVersion: number;
  fairpaceVersion: string;
  modelDigest: string;
  scenarioDigest: string;
  seeds: number[];
  /** The arms that were run, in the scenario's order. */
  arms: string[];
}

/** Thrown when a targets file names arms the scenario lacks; `problems` are located lines. */
export class TargetsProblemError extends RangeError {
  override name = 'TargetsProblemError';
  constructor(readonly problems: { path: string; message: string }[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  }
}

/** The runs a calibration needs (each target's arm × seeds) and its summariser. */
export function calibrateBatch(
  scenario: Scenario,
  targets: TargetsFile,
  options: CalibrateOptions = {},
): BatchPlan<CalibrationResult> {
  const problems = armProblems(targets, scenario);
  if (problems.length > 0) throw new TargetsProblemError(problems);
  const arms = armsOfTargets(
    targets,
    scenario.arms.map((a) => a.id),
  );
  const seeds = seedsFor(options.seed ?? scenario.seed, options.replications ?? scenario.replications);
  const tasks = arms.flatMap((armId) => seeds.map((seed) => ({ scenario, armId, seed })));
  return {
    tasks,
    summarise(results: RunResult[]): CalibrationResult {
      const runsByArm: Record<string, RunResult[]> = {};
      arms.forEach((arm, a) => (runsByArm[arm] = results.slice(a * seeds.length, (a + 1) * seeds.length)));
      return {
        schemaVersion: SCHEMA_VERSION,
        fairpaceVersion: FAIRPACE_VERSION,
        modelDigest: MODEL_DIGEST,
        scenarioDigest: digestOf(scenario),
        seeds,
        arms,
        ...evaluateTargets(targets, runsByArm),
      };
    },
  };
}

/** Runs a calibration with the given executor (in this thread by default). */
export async function calibrate(
  scenario: Scenario,
  targets: TargetsFile,
  options: CalibrateOptions = {},
  execute: Executor = runInProcess,
  onProgress?: ProgressFn,
): Promise<CalibrationResult> {
  const plan = calibrateBatch(scenario, targets, options);
  return plan.summarise(await execute(plan.tasks, onProgress));
}
