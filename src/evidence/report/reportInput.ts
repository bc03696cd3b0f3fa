/** What report.html is made from. */
import type { Comparison, RunsCalibration } from '../../analysis/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { RunResult } from '../../sim/results.ts';
import type { BargainingFile } from './bargaining.ts';

/** Everything the report states. */
export interface ReportInput {
  scenario: Scenario;
  comparison: Comparison;
  /** Each arm's runs, in the order of `comparison.arms` (for the per-arm intervals). */
  runsByArm: readonly (readonly RunResult[])[];
  /** The command that makes the pack again. */
  command: string;
  /** The pack's digest (manifest.json `digest`). */
  digest: string;
  fairpaceVersion: string;
  /** The model fingerprint of the Fairpace that made the pack. */
  modelDigest: string;
  /** Bargaining results the pack carries (said in the body, listed in the appendix; none by default). */
  bargaining?: readonly BargainingFile[];
  /** The pack's runs held against the default targets (calibration.json). */
  calibration: RunsCalibration;
}
