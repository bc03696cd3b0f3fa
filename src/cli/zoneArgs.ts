/** Parsing the options of `fairpace zone` (pure; args.ts dispatches here). */
import { isMetricPath, parseTarget, type TargetSpec, type UnionObjective, type ZoneAxis } from '../analysis/index.ts';
import { OPTION_FIELDS, ZoneOptionsSchema } from '../analysis/options.ts';
import { UsageError } from './errors.ts';
import { checkOptionsTogether, checkValue, wholeOption, wordOption } from './optionArgs.ts';
import type { RunControl } from './runControl.ts';

/** `fairpace zone <file> --x P=a,b --y Q=c,d --union "m <= v" ... --platform "m >= v" ...`. */
export interface ZoneCommand extends RunControl {
  kind: 'zone';
  file: string;
  x: ZoneAxis;
  y: ZoneAxis;
  union: TargetSpec[];
  platform: TargetSpec[];
  unionObjective?: UnionObjective;
  confidence: 'mean' | 'ci';
  arm?: string;
  replications?: number;
  seed?: number;
  out?: string;
  workers?: number;
  quiet: boolean;
}

/** parseArgs options of `zone`. */
export const ZONE_OPTIONS: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
  help: { type: 'boolean', short: 'h' },
  x: { type: 'string' },
  y: { type: 'string' },
  union: { type: 'string', multiple: true },
  platform: { type: 'string', multiple: true },
  'union-best': { type: 'string' },
  confidence: { type: 'string' },
  arm: { type: 'string' },
  replications: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string', short: 'o' },
  workers: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
};

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;
const C = 'zone';
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** `path=v1,v2,...` → an axis; throws UsageError naming the option. */
export function parseAxis(text: string | undefined, name: 'x' | 'y'): ZoneAxis {
  if (text === undefined || text.trim() === '') throw new UsageError(`missing --${name} <path>=v1,v2,...`, C);
  const m = /^([^=]+)=(.+)$/.exec(text.trim());
  if (!m) throw new UsageError(`--${name}: '${text}' is not <path>=v1,v2,...`, C);
  const [, param, list] = m as unknown as [string, string, string];
  const values = list.split(',').map((item) => {
    const t = item.trim();
    if (!NUMBER.test(t)) throw new UsageError(`--${name}: '${item}' is not a number`, C);
    return Number(t);
  });
  return checkValue(ZoneOptionsSchema.shape.x, { param, values }, `--${name}`, text, C);
}

function limits(raw: Values[string], name: string): TargetSpec[] {
  return ((raw ?? []) as string[]).map((text) => {
    try {
      return parseTarget(text);
    } catch (e) {
      throw new UsageError(`--${name} ${e instanceof Error ? e.message : String(e)}`, C);
    }
  });
}

/** Builds a ZoneCommand from parsed option values; throws UsageError naming the bad argument. */
export function zoneCommand(file: string, v: Values, seed: number | undefined, workers?: number): ZoneCommand {
  const str = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
  const x = parseAxis(str('x'), 'x');
  const y = parseAxis(str('y'), 'y');
  const union = limits(v.union, 'union');
  const platform = limits(v.platform, 'platform');
  if (union.length + platform.length === 0) {
    throw new UsageError('missing limits: give --union "<metric> <= v" and/or --platform "<metric> >= v"', C);
  }
  let unionObjective: UnionObjective | undefined;
  const best = str('union-best');
  if (best !== undefined) {
    const m = /^\s*([A-Za-z][\w.]*)\s+(lower|higher)\s*$/.exec(best);
    if (!m) throw new UsageError(`--union-best: '${best}' is not "<metric path> lower|higher"`, C);
    const [, metric, better] = m as unknown as [string, string, 'lower' | 'higher'];
    if (!isMetricPath(metric)) throw new UsageError(`--union-best: unknown metric path '${metric}'`, C);
    unionObjective = { metric, better };
  }
  const confidence = wordOption<'ci' | 'mean'>('confidence', str('confidence'), 'ci', C);
  const arm = str('arm');
  const options = {
    x,
    y,
    union,
    platform,
    unionObjective,
    confidence,
    arm: arm === undefined ? undefined : (checkValue(OPTION_FIELDS.arm, arm, '--arm', arm, C) as string),
    replications: wholeOption('replications', str('replications'), C),
    seed,
  };
  // The rules between options (two different parameters), as the library checks them.
  checkOptionsTogether(ZoneOptionsSchema, options, C, { x: str('x'), y: str('y') }, { unionObjective: '--union-best' });
  const out = str('out');
  if (out === '') throw new UsageError('--out needs a file name', C);
  const { unionObjective: _objective, ...rest } = options;
  return {
    kind: 'zone',
    file,
    ...rest,
    ...(unionObjective ? { unionObjective } : {}),
    out,
    workers,
    quiet: v.quiet === true,
  };
}
