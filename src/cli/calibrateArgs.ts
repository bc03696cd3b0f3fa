/** Parsing `fairpace calibrate` (pure), and its spec for the table of commands. */
import type { FitParam } from '../analysis/index.ts';
import { FitOptionsSchema } from '../analysis/options.ts';
import { UsageError } from './errors.ts';
import { checkOptionsTogether, wholeOption } from './optionArgs.ts';
import { scenarioCommand } from './argValues.ts';
import type { CommandSpec, OptionSpec, OptionValues } from './commandSpec.ts';
import { BATCH_OPTIONS_HELP } from './compareArgs.ts';

/** Output formats of `calibrate`. */
export const CALIBRATE_FORMATS = ['table', 'json'] as const;
/** A `calibrate --format` value. */
export type CalibrateFormat = (typeof CALIBRATE_FORMATS)[number];

/** `fairpace calibrate <file> [--targets FILE] [--check] [--fit path=lo:hi,...]`. */
export interface CalibrateCommand {
  kind: 'calibrate';
  file: string;
  /** A targets file; the default one (china-2018-2023) when left out. */
  targets?: string;
  replications?: number;
  seed?: number;
  format: CalibrateFormat;
  /** Exit 1 when any target is outside its range. */
  check: boolean;
  /** Parameters to fit within bounds; the fitted scenario goes to `out`. */
  fit?: FitParam[];
  maxEvaluations?: number;
  out?: string;
  workers?: number;
  quiet: boolean;
}

/** parseArgs options of `calibrate`. */
export const CALIBRATE_OPTIONS: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  targets: { type: 'string' },
  replications: { type: 'string' },
  seed: { type: 'string' },
  format: { type: 'string' },
  check: { type: 'boolean' },
  fit: { type: 'string' },
  'max-evaluations': { type: 'string' },
  out: { type: 'string', short: 'o' },
  workers: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
};

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** `path=lo:hi[,path=lo:hi…]` as fit parameters; throws UsageError naming the item that is wrong. */
export function parseFitParams(text: string): FitParam[] {
  const c = 'calibrate';
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new UsageError('--fit is a comma-separated list without empty items', c);
  return items.map((item) => {
    const m = /^([^=]+)=([^:]+):(.+)$/.exec(item);
    if (!m) throw new UsageError(`--fit: '${item}' is not path=lo:hi, e.g. rules.pay.base=5:9`, c);
    const [, path, lo, hi] = m as unknown as [string, string, string, string];
    for (const [name, value] of [
      ['lower bound', lo],
      ['upper bound', hi],
    ] as const) {
      if (!NUMBER.test(value.trim()))
        throw new UsageError(`--fit: ${path.trim()}: the ${name} '${value}' is not a number`, c);
    }
    return { path: path.trim(), lo: Number(lo.trim()), hi: Number(hi.trim()) };
  });
}

/** Builds a CalibrateCommand; throws UsageError naming the bad argument. */
export function calibrateCommand(
  file: string,
  v: OptionValues,
  seed: number | undefined,
  workers?: number,
): CalibrateCommand {
  const c = 'calibrate';
  const str = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
  const format = str('format') ?? 'table';
  if (!(CALIBRATE_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${CALIBRATE_FORMATS.join(', ')} (got '${format}')`, c);
  }
  const targets = str('targets');
  if (targets === '') throw new UsageError('--targets needs a file name', c);
  const out = str('out');
  if (out === '') throw new UsageError('--out needs a file name', c);
  const fitText = str('fit');
  const fit = fitText === undefined ? undefined : parseFitParams(fitText);
  if (fit && out === undefined) throw new UsageError('--fit writes the fitted scenario: give --out <scenario.json>', c);
  const maxEvaluations = wholeOption('maxEvaluations', str('max-evaluations'), c);
  if (maxEvaluations !== undefined && !fit) throw new UsageError('--max-evaluations goes with --fit', c);
  const replications = wholeOption('replications', str('replications'), c);
  // The parameters' bounds (hi above lo), as the library checks them.
  if (fit)
    checkOptionsTogether(
      FitOptionsSchema,
      { params: fit, maxEvaluations, replications, seed },
      c,
      { params: fitText },
      { params: '--fit' },
    );
  return {
    kind: 'calibrate',
    file,
    ...(targets !== undefined ? { targets } : {}),
    replications,
    seed,
    format: format as CalibrateFormat,
    check: v.check === true,
    ...(fit ? { fit } : {}),
    ...(maxEvaluations !== undefined ? { maxEvaluations } : {}),
    out,
    workers,
    quiet: v.quiet === true,
  };
}

/** `fairpace calibrate`. */
export const CALIBRATE: CommandSpec<CalibrateCommand> = {
  usage: [
    'fairpace calibrate <scenario.json> [--targets FILE] [--replications R] [--check] [--format table|json]',
    'fairpace calibrate <scenario.json> --fit PATH=lo:hi[,PATH=lo:hi...] --out fitted.json [options]',
  ],
  summary: ['the model against published figures, target by target; --fit searches parameters to match them'],
  help: `Usage: fairpace calibrate <scenario.json> [--targets FILE] [--replications R] [--seed N] [--check]
                          [--format table|json] [--out FILE] [--workers N]
       fairpace calibrate <scenario.json> --fit PATH=lo:hi[,PATH=lo:hi...] [--max-evaluations N] --out fitted.json

Holds the model against observed figures: each target names a metric, the arm it describes and an observed range
(or value). One row per target: observed, the model's mean with its 95% interval over replications, and within,
below or above (by how much). A range is judged by the model mean; a single value by whether the interval covers it.

  --targets FILE        a targets file (default: scenarios/targets/china-2018-2023.json, the published figures of
                        Chinese food-delivery couriers)
  --check               exit 1 when any target is outside its range (0 when all are inside, 2 for bad input)
  --format F            table (default) or json
  --fit P=lo:hi,...     search these numeric scenario parameters within their bounds (Nelder–Mead on common random
                        numbers) to bring the targets inside their ranges; write the fitted scenario, with a
                        meta.calibration record, to --out, and print its calibration
  --max-evaluations N   with --fit: most scenario evaluations (default 40; each runs every target arm × replication)
${BATCH_OPTIONS_HELP.split('\n')
  .filter((l) => !l.includes('--arms'))
  .join('\n')}

Examples:
  fairpace calibrate scenarios/yantai-2021.json --check
  fairpace calibrate scenarios/demo-small.json --fit demand.ordersPerCourierDay=20:40 --out fitted.json`,
  options: CALIBRATE_OPTIONS,
  parse: scenarioCommand('calibrate', calibrateCommand),
};
