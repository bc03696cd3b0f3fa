/** Parsing the options of `fairpace target` and `fairpace sensitivity` (pure; args.ts dispatches here). */
import { MAX_TARGET_GRID, parseTarget, type SensitivityParam, type TargetSpec } from '../analysis/index.ts';
import { LIMITS } from '../scenario/schema.ts';
import { UsageError } from './errors.ts';
import type { RunControl } from './runControl.ts';

/** Output formats of `sensitivity`. */
export const SENSITIVITY_FORMATS = ['json', 'table'] as const;
/** A `sensitivity --format` value. */
export type SensitivityFormat = (typeof SENSITIVITY_FORMATS)[number];

/** `fairpace target <file> --param P --min X --max Y --target "metric <= v" ...`. */
export interface TargetCommand extends RunControl {
  kind: 'target';
  file: string;
  param: string;
  min: number;
  max: number;
  targets: TargetSpec[];
  direction: 'smallest' | 'largest';
  confidence: 'mean' | 'ci';
  arm?: string;
  replications?: number;
  seed?: number;
  maxSteps?: number;
  tolerance?: number;
  /** `--grid N`: N evenly spaced values in one batch instead of the search. */
  grid?: number;
  out?: string;
  workers?: number;
  quiet: boolean;
}

/** `fairpace sensitivity <file> [--params p1,p2] [--arms A,B] ...`. */
export interface SensitivityCommand extends RunControl {
  kind: 'sensitivity';
  file: string;
  params?: SensitivityParam[];
  arms?: [string, string];
  replications?: number;
  seed?: number;
  format: SensitivityFormat;
  out?: string;
  workers?: number;
  quiet: boolean;
}

type Spec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

const COMMON: Spec = {
  help: { type: 'boolean', short: 'h' },
  replications: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string', short: 'o' },
  workers: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
};

/** parseArgs options of the two commands. */
export const TARGET_OPTIONS: Spec = {
  ...COMMON,
  param: { type: 'string' },
  min: { type: 'string' },
  max: { type: 'string' },
  target: { type: 'string', multiple: true },
  direction: { type: 'string' },
  confidence: { type: 'string' },
  arm: { type: 'string' },
  'max-steps': { type: 'string' },
  tolerance: { type: 'string' },
  grid: { type: 'string' },
};
/** parseArgs options of `sensitivity`. */
export const SENSITIVITY_OPTIONS: Spec = {
  ...COMMON,
  params: { type: 'string' },
  arms: { type: 'string' },
  format: { type: 'string' },
};

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

function str(v: Values, name: string): string | undefined {
  const x = v[name];
  return typeof x === 'string' ? x : undefined;
}

function integer(text: string | undefined, name: string, min: number, max: number, command: string) {
  if (text === undefined) return undefined;
  const value = /^[+-]?\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got '${text}')`, command);
  }
  return value;
}

function decimal(text: string, name: string, command: string): number {
  const t = text.trim();
  const value = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : Number.NaN;
  if (!Number.isFinite(value)) throw new UsageError(`--${name}: '${text}' is not a number`, command);
  return value;
}

function required(text: string | undefined, name: string, hint: string, command: string): string {
  if (text === undefined || text.trim() === '') throw new UsageError(`missing --${name} ${hint}`, command);
  return text.trim();
}

function choice<T extends string>(text: string | undefined, allowed: readonly T[], name: string, command: string): T {
  if (text === undefined) return allowed[0] as T;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${text}')`, command);
}

function list(text: string | undefined, name: string, command: string): string[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) {
    throw new UsageError(`--${name} is a comma-separated list without empty items`, command);
  }
  return items;
}

/** Builds a TargetCommand from parsed option values; throws UsageError naming the bad argument. */
export function targetCommand(file: string, v: Values, seed: number | undefined, workers?: number): TargetCommand {
  const c = 'target';
  const param = required(str(v, 'param'), 'param', '<path>, e.g. rules.pay.base', c);
  const min = decimal(required(str(v, 'min'), 'min', '<number>', c), 'min', c);
  const max = decimal(required(str(v, 'max'), 'max', '<number>', c), 'max', c);
  if (!(max > min)) throw new UsageError(`--max (${max}) must be above --min (${min})`, c);
  const raw = (v.target ?? []) as string[];
  if (raw.length === 0) throw new UsageError('missing --target "<metric path> <= value"', c);
  const targets = raw.map((text) => {
    try {
      return parseTarget(text);
    } catch (e) {
      throw new UsageError(`--target ${e instanceof Error ? e.message : String(e)}`, c);
    }
  });
  const tolText = str(v, 'tolerance');
  const tolerance = tolText === undefined ? undefined : decimal(tolText, 'tolerance', c);
  if (tolerance !== undefined && !(tolerance > 0)) throw new UsageError('--tolerance must be above 0', c);
  const grid = integer(str(v, 'grid'), 'grid', 2, MAX_TARGET_GRID, c);
  if (grid !== undefined && (str(v, 'max-steps') !== undefined || tolText !== undefined)) {
    throw new UsageError('--grid replaces the search: leave out --max-steps and --tolerance', c);
  }
  const arm = str(v, 'arm');
  if (arm !== undefined && arm.trim() === '') throw new UsageError('--arm needs a value', c);
  const out = str(v, 'out');
  if (out === '') throw new UsageError('--out needs a file name', c);
  return {
    kind: 'target',
    file,
    param,
    min,
    max,
    targets,
    direction: choice(str(v, 'direction'), ['smallest', 'largest'] as const, 'direction', c),
    confidence: choice(str(v, 'confidence'), ['ci', 'mean'] as const, 'confidence', c),
    arm: arm?.trim(),
    replications: integer(str(v, 'replications'), 'replications', 1, LIMITS.replications, c),
    seed,
    maxSteps: integer(str(v, 'max-steps'), 'max-steps', 5, 200, c),
    tolerance,
    ...(grid !== undefined ? { grid } : {}),
    out,
    workers,
    quiet: v.quiet === true,
  };
}

/** Builds a SensitivityCommand; `--params` items are paths or `path=low:high`. */
export function sensitivityCommand(
  file: string,
  v: Values,
  seed: number | undefined,
  workers?: number,
): SensitivityCommand {
  const c = 'sensitivity';
  const params = list(str(v, 'params'), 'params', c)?.map((item): SensitivityParam => {
    const m = /^([^=]+)=([^:]+):(.+)$/.exec(item);
    if (!m) {
      if (item.includes('=')) throw new UsageError(`--params: '${item}' is not path or path=low:high`, c);
      return { path: item };
    }
    const [, path, low, high] = m as unknown as [string, string, string, string];
    return { path: path.trim(), low: decimal(low, 'params', c), high: decimal(high, 'params', c) };
  });
  const arms = list(str(v, 'arms'), 'arms', c);
  if (arms !== undefined && arms.length !== 2) throw new UsageError('--arms takes exactly two arm ids: A,B', c);
  const out = str(v, 'out');
  if (out === '') throw new UsageError('--out needs a file name', c);
  return {
    kind: 'sensitivity',
    file,
    params,
    arms: arms as [string, string] | undefined,
    replications: integer(str(v, 'replications'), 'replications', 1, LIMITS.replications, c),
    seed,
    format: choice(str(v, 'format'), SENSITIVITY_FORMATS, 'format', c),
    out,
    workers,
    quiet: v.quiet === true,
  };
}
