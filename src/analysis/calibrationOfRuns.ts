/**
 * The model against observation, computed from runs already made (a comparison's, or an evidence pack's) instead of
 * runs of its own. A run depends only on (scenario, arm, seed), so when the runs cover a target's arm with the
 * scenario's seeds the rows are exactly those of `fairpace calibrate --format json`. Targets whose arm was not run are
 * listed apart, with the reason, instead of being judged on no data.
 */
import { digestOf } from '../scenario/canonical.ts';
import { SCHEMA_VERSION, type Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../version.ts';
import type { CalibrationResult } from './calibrate/calibrate.ts';
import { armsOfTargets, evaluateTargets } from './calibrate/evaluate.ts';
import type { TargetsFile } from './calibrate/targets.ts';

/** Why a target has no row: the scenario has no arm of that id, or the runs left that arm out. */
export type NotRunCause = 'noSuchArm' | 'armNotRun';

/** A target that was not judged, and why. */
export interface NotRunTarget {
  id: string;
  metric: string;
  arm: string;
  cause: NotRunCause;
  /** The cause in words (English, for the JSON reader). */
  reason: string;
}

/** A calibration of given runs: the `fairpace calibrate` result for the arms that ran, plus the targets that did not. */
export interface RunsCalibration extends CalibrationResult {
  notRun: NotRunTarget[];
}

/**
 * Holds `targets` against runs grouped by arm (`runsByArm[armId]`, one result per seed of `seeds`, as a comparison
 * makes them). `ranArms` are the arms the runs cover; a target of any other arm is listed in `notRun`.
 */
export function calibrationOfRuns(
  scenario: Scenario,
  targets: TargetsFile,
  seeds: readonly number[],
  runsByArm: Readonly<Record<string, readonly RunResult[]>>,
): RunsCalibration {
  const scenarioArms = scenario.arms.map((a) => a.id);
  const ran = new Set(Object.keys(runsByArm).filter((id) => scenarioArms.includes(id)));
  const judged = targets.targets.filter((t) => ran.has(t.arm));
  const notRun = targets.targets
    .filter((t) => !ran.has(t.arm))
    .map((t): NotRunTarget => {
      const cause: NotRunCause = scenarioArms.includes(t.arm) ? 'armNotRun' : 'noSuchArm';
      const reason =
        cause === 'noSuchArm'
          ? `the scenario has no arm "${t.arm}" (arms: ${scenarioArms.join(', ')})`
          : `the arm "${t.arm}" was not among the arms run (${[...ran].join(', ') || 'none'})`;
      return { id: t.id, metric: t.metric, arm: t.arm, cause, reason };
    });
  const report = evaluateTargets({ ...targets, targets: judged }, runsByArm);
  return {
    schemaVersion: SCHEMA_VERSION,
    fairpaceVersion: FAIRPACE_VERSION,
    modelDigest: MODEL_DIGEST,
    scenarioDigest: digestOf(scenario),
    seeds: [...seeds],
    arms: armsOfTargets({ ...targets, targets: judged }, scenarioArms),
    ...report,
    // The whole file names the targets, whichever of them could be judged here.
    targetsDigest: digestOf(targets),
    notRun,
  };
}

/** Groups runs in a comparison's task order (arm-major, seed-minor) by arm. */
export function runsByArmOf(
  armIds: readonly string[],
  seedCount: number,
  runs: readonly RunResult[],
): Record<string, RunResult[]> {
  const out: Record<string, RunResult[]> = {};
  armIds.forEach((id, a) => (out[id] = runs.slice(a * seedCount, (a + 1) * seedCount)));
  return out;
}
