/** Parsing the options of `fairpace calibrate` (pure; args.ts dispatches here). */
import type { FitParam } from '../analysis/index.ts';
import { FitOptionsSchema } from '../analysis/options.ts';
import { UsageError } from './errors.ts';
import { checkOptionsTogether, wholeOption } from './optionArgs.ts';

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

type Spec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** parseArgs options of `calibrate`. */
export const CALIBRATE_OPTIONS: Spec = {
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

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

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
  v: Values,
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
