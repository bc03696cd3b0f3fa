/**
 * The default targets file (scenarios/targets/china-2018-2023.json): the published figures of the calibration list
 * that map to a metric. Bundled with the code, so the CLI, the workbench and evidence packs all hold the model
 * against the same file, and its digest names it in every result.
 */
import raw from '../../../scenarios/targets/china-2018-2023.json';
import { TargetsFile } from './targets.ts';

/** The default targets, validated once. */
export const DEFAULT_TARGETS: TargetsFile = TargetsFile.parse(raw);

/** Where the default targets file lives in the repository (for messages and the README). */
export const DEFAULT_TARGETS_PATH = 'scenarios/targets/china-2018-2023.json';
