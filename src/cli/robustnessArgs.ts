/** Parsing the options of `fairpace robustness` (pure; args.ts dispatches here). */
import { MAX_WORLDS } from '../analysis/robustness.ts';
import { wholeNumber } from '../analysis/options.ts';
import { UsageError } from './errors.ts';
import { armsOption, checkValue, wholeNumberText, wholeOption } from './optionArgs.ts';
import type { RunControl } from './runControl.ts';

/** Output formats of `robustness`. */
export const ROBUSTNESS_FORMATS = ['json', 'table'] as const;
/** A `robustness --format` value. */
export type RobustnessFormat = (typeof ROBUSTNESS_FORMATS)[number];

/** `fairpace robustness <file> [--worlds N] [--params p1,p2] [--arms A,B] ...`. */
export interface RobustnessCommand extends RunControl {
  kind: 'robustness';
  file: string;
  worlds: number;
  params?: string[];
  arms?: [string, string];
  replications?: number;
  seed?: number;
  format: RobustnessFormat;
  out?: string;
  workers?: number;
  quiet: boolean;
}

/** parseArgs options of `robustness`. */
export const ROBUSTNESS_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  worlds: { type: 'string' },
  params: { type: 'string' },
  arms: { type: 'string' },
  replications: { type: 'string' },
  seed: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
  workers: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** Worlds drawn when `--worlds` is left out. */
export const DEFAULT_WORLDS = 100;

/** Builds a RobustnessCommand; throws UsageError naming the bad argument. */
export function robustnessCommand(
  file: string,
  v: Values,
  seed: number | undefined,
  workers?: number,
): RobustnessCommand {
  const c = 'robustness';
  const str = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
  const worldsText = str('worlds');
  const worlds =
    worldsText === undefined
      ? DEFAULT_WORLDS
      : (checkValue(wholeNumber(2, MAX_WORLDS), wholeNumberText(worldsText), '--worlds', worldsText, c) as number);
  const paramsText = str('params');
  const params = paramsText?.split(',').map((p) => p.trim());
  if (params !== undefined && params.some((p) => p === '')) {
    throw new UsageError(`--params is a list of parameter paths without empty items (got '${paramsText}')`, c);
  }
  const arms = armsOption(str('arms'), c);
  if (arms !== undefined && arms.length !== 2) {
    throw new UsageError(
      `--arms needs exactly two arm ids, the second compared with the first (got '${str('arms')}')`,
      c,
    );
  }
  const format = str('format') ?? 'json';
  if (!(ROBUSTNESS_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${ROBUSTNESS_FORMATS.join(', ')} (got '${format}')`, c);
  }
  const out = str('out');
  if (out === '') throw new UsageError('--out needs a file name', c);
  return {
    kind: 'robustness',
    file,
    worlds,
    ...(params ? { params } : {}),
    ...(arms ? { arms: arms as [string, string] } : {}),
    replications: wholeOption('replications', str('replications'), c),
    seed,
    format: format as RobustnessFormat,
    out,
    workers,
    quiet: v.quiet === true,
  };
}
