/**
 * The options of every analysis function as one zod schema per function, shared by the `fairpace` command and the
 * library: both refuse the same values with the same words. A message names no option; whoever reports it puts the
 * option's name in front (`--replications` on the command line, `replications` in the library) and the value after,
 * and a reference to another option is written `«min»` so each reader sees that option's own name.
 */
import { z } from 'zod';
import { LIMITS } from '../scenario/schema.ts';
import { isMetricPath } from './metricList.ts';
import { MAX_TARGET_GRID, TARGET_OPS, type TargetOp } from './target.ts';
import { parseAssertion, type Assertion } from './gate.ts';
import type { CancelSignal, Executor, ProgressFn } from './runTasks.ts';

/** Largest worker count: far above any core count, low enough that a typo cannot start thousands of threads. */
export const MAX_WORKERS = 256;
/** Largest seed, the same bound as the scenario's `seed` field (2^31 − 1). */
export const MAX_SEED = 2_147_483_647;
/** Most evaluations of a fit. */
export const MAX_FIT_EVALUATIONS = 10_000;

/** A whole number from `min` to `max`: 1.5, "2", NaN and unsafe integers are refused, never rounded or coerced. */
export function wholeNumber(min: number, max: number) {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.int({ error }).min(min, { error }).max(max, { error });
}

/** One of a few words. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` });
}

/** A finite number. */
const finite = z.number({ error: 'must be a number' });

/** A non-empty name such as an arm id or a parameter path (surrounding spaces dropped). */
const name = z.string({ error: 'needs a value' }).trim().min(1, { error: 'needs a value' });

/** A list of arm ids without empty items or repeats (surrounding spaces dropped). */
const armList = z
  .array(z.string({ error: 'must be a list of arm ids' }), { error: 'must be a list of arm ids' })
  .transform((items, ctx) => {
    const ids = items.map((s) => s.trim());
    if (ids.length === 0) ctx.addIssue({ code: 'custom', message: 'needs at least one arm id' });
    else if (ids.some((s) => s === '')) ctx.addIssue({ code: 'custom', message: 'is a list without empty items' });
    else {
      const twice = ids.find((id, i) => ids.indexOf(id) !== i);
      if (twice !== undefined) ctx.addIssue({ code: 'custom', message: `lists '${twice}' twice` });
    }
    return ids;
  });

/** A dotted metric path of MODEL.md section 10, e.g. `earnings.shareBelowMinWage`. */
const metricPath = z
  .string({ error: 'must be a metric path, e.g. earnings.shareBelowMinWage' })
  .refine(isMetricPath, { error: 'is not a metric path' });

/** Each option's rule, by the option's name in the library. */
export const OPTION_FIELDS = {
  replications: wholeNumber(1, LIMITS.replications),
  seed: wholeNumber(0, MAX_SEED),
  workers: wholeNumber(1, MAX_WORKERS),
  arms: armList,
  arm: name,
  param: name,
  confidence: oneOf(['ci', 'mean']),
  direction: oneOf(['smallest', 'largest']),
  grid: wholeNumber(2, MAX_TARGET_GRID),
  maxSteps: wholeNumber(5, 200),
  tolerance: finite.gt(0, { error: 'must be above 0' }),
  maxEvaluations: wholeNumber(1, MAX_FIT_EVALUATIONS),
  /** `compare --precision`: the half-width of every headline interval, as a share of its mean. */
  precision: finite.gt(0, { error: 'must be a number above 0 and at most 10, e.g. 0.1' }).max(10, {
    error: 'must be a number above 0 and at most 10, e.g. 0.1',
  }),
} as const;

/** A limit on a metric: `{ metric, op, threshold }`, as parseTarget returns it. */
export const TargetSpecSchema = z.strictObject({
  metric: metricPath,
  op: z.enum(TARGET_OPS as readonly [TargetOp, ...TargetOp[]], { error: `must be one of ${TARGET_OPS.join(', ')}` }),
  threshold: finite,
});

/** Assertions as text (`"<metric path>[@arm] <= value"`) or already parsed, each parsed into an Assertion. */
function assertionList(kind: 'arm' | 'diff') {
  const parsed = z.strictObject({
    kind: z.literal(kind, { error: `must be '${kind}' here` }),
    metric: metricPath,
    arm: name.optional(),
    op: TargetSpecSchema.shape.op,
    threshold: finite,
  });
  return z.array(
    z
      .union([z.string(), parsed], { error: 'must be an assertion: text or { kind, metric, op, threshold }' })
      .transform((a, ctx): Assertion => {
        if (typeof a !== 'string') return a as Assertion;
        try {
          return parseAssertion(a, kind);
        } catch (e) {
          ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message : String(e) });
          return z.NEVER;
        }
      }),
    { error: 'must be a list of assertions' },
  );
}

const F = OPTION_FIELDS;

/** The options of `run`: one replication of one arm. */
export const RunOneOptionsSchema = z.strictObject({
  arm: F.arm.optional(),
  seed: F.seed.optional(),
  orders: z.boolean({ error: 'must be true or false' }).optional(),
});

/** The options of `compare`: arms, replications and the first seed (the scenario's when left out). */
export const CompareOptionsSchema = z.strictObject({
  /** Arm ids to compare, in order (default: every arm of the scenario); differences are second minus first. */
  arms: F.arms.optional(),
  /** Replications per arm, 1 to 1000 (default: the scenario's). */
  replications: F.replications.optional(),
  /** The first replication's seed; the others count up from it (default: the scenario's). */
  seed: F.seed.optional(),
});

/** The options of `gate`: a comparison's, with assertions on arms and on the paired difference. */
export const GateOptionsSchema = CompareOptionsSchema.extend({
  assert: assertionList('arm').optional(),
  assertDiff: assertionList('diff').optional(),
  confidence: F.confidence.optional(),
});

/** The library's `compare`: a comparison's options and `precision` (`fairpace compare --precision`). */
export const PreciseCompareOptionsSchema = CompareOptionsSchema.extend({ precision: F.precision.optional() });

/** The options of `sweep`: a comparison's at each value of one parameter (and `sweep --precision`). */
export const SweepOptionsSchema = CompareOptionsSchema.extend({
  param: F.param,
  values: z.array(finite, { error: 'must be a list of numbers' }).min(1, { error: 'needs at least one value' }),
  precision: F.precision.optional(),
});

/** The options of `target`. */
export const TargetOptionsSchema = z
  .strictObject({
    param: F.param,
    min: finite,
    max: finite,
    targets: z.array(TargetSpecSchema, { error: 'must be a list of targets' }).min(1, {
      error: 'needs at least one target, e.g. "earnings.shareBelowMinWage <= 0.05"',
    }),
    direction: F.direction.optional(),
    arm: F.arm.optional(),
    replications: F.replications.optional(),
    seed: F.seed.optional(),
    confidence: F.confidence.optional(),
    maxSteps: F.maxSteps.optional(),
    tolerance: F.tolerance.optional(),
    grid: F.grid.optional(),
    /** `target --precision`: the bracket width to stop at, as a share of max − min (fewer runs, see targetSequential). */
    precision: F.precision.optional(),
  })
  .superRefine((o, ctx) => {
    if (!(o.max > o.min)) ctx.addIssue({ code: 'custom', path: ['max'], message: `must be above «min» (${o.min})` });
    if (o.precision !== undefined && o.grid !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['precision'], message: 'goes with the search, not with «grid»' });
    }
    if (o.grid !== undefined && (o.maxSteps !== undefined || o.tolerance !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['grid'],
        message: 'replaces the search: leave out «maxSteps» and «tolerance»',
      });
    }
  });

/** A sensitivity parameter: a path (its range from the assumptions), or a path with its own low and high values. */
const SensitivityParamSchema = z.union(
  [
    name,
    z
      .strictObject({ path: name, low: finite.optional(), high: finite.optional() })
      .refine((p) => p.low === undefined || p.high === undefined || p.high >= p.low, {
        error: (issue) => {
          const p = issue.input as { path: string; low: number; high: number };
          return `${p.path.trim()}: high (${p.high}) is below low (${p.low})`;
        },
      }),
  ],
  { error: 'must be a list of paths or { path, low, high }' },
);

/** The options of `sensitivity`. */
export const SensitivityOptionsSchema = z.strictObject({
  params: z.array(SensitivityParamSchema, { error: 'must be a list of paths or { path, low, high }' }).optional(),
  arms: F.arms
    .refine((ids) => ids.length === 2, { error: 'takes exactly two arm ids: A,B' })
    .transform((ids) => ids as [string, string])
    .optional(),
  replications: F.replications.optional(),
  seed: F.seed.optional(),
  /** `sensitivity --precision`: more seeds only for parameters whose rank or sign is in doubt. */
  precision: F.precision.optional(),
});

/** One axis of a zone grid: a parameter and its values, none twice. */
const ZoneAxisSchema = z.strictObject({
  param: F.param,
  values: z
    .array(finite, { error: 'must be a list of numbers' })
    .min(1, { error: 'needs at least one value' })
    .refine((values) => new Set(values).size === values.length, { error: 'lists a value twice' }),
});

/** The options of `zone`. */
export const ZoneOptionsSchema = z
  .strictObject({
    x: ZoneAxisSchema,
    y: ZoneAxisSchema,
    union: z.array(TargetSpecSchema, { error: 'must be a list of limits' }),
    platform: z.array(TargetSpecSchema, { error: 'must be a list of limits' }),
    unionObjective: z
      .strictObject({ metric: metricPath, better: oneOf(['lower', 'higher']) }, { error: 'must be { metric, better }' })
      .optional(),
    arm: F.arm.optional(),
    replications: F.replications.optional(),
    seed: F.seed.optional(),
    confidence: F.confidence.optional(),
    /** `zone --sequential`: each cell on 3 seeds, more only while a side's verdict is undecided. */
    sequential: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .superRefine((o, ctx) => {
    if (o.x.param === o.y.param) {
      ctx.addIssue({ code: 'custom', path: ['y'], message: `must be a different parameter from «x» ('${o.x.param}')` });
    }
    if (o.union.length + o.platform.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['union'], message: 'and «platform» hold no limit: give at least one' });
    }
  });

/** The options of `calibrate`. */
export const CalibrateOptionsSchema = z.strictObject({
  replications: F.replications.optional(),
  seed: F.seed.optional(),
});

/** The options of `fit` (`calibrate --fit`): parameters with bounds, and the budget. */
export const FitOptionsSchema = CalibrateOptionsSchema.extend({
  params: z
    .array(
      z.strictObject({ path: name, lo: finite, hi: finite }).refine((p) => p.hi > p.lo, {
        error: (issue) => {
          const p = issue.input as { path: string; lo: number; hi: number };
          return `${p.path.trim()}: the lower bound ${p.lo} is not below ${p.hi}`;
        },
      }),
      { error: 'must be a list of { path, lo, hi }' },
    )
    .min(1, { error: 'needs at least one parameter' }),
  maxEvaluations: F.maxEvaluations.optional(),
});

/** The options of an evidence pack: a comparison's, and bargaining result files to carry. */
export const PackOptionsSchema = CompareOptionsSchema.extend({
  include: z
    .array(
      z.strictObject({
        name,
        bytes: z.instanceof(Uint8Array, { error: 'must be a Uint8Array' }),
      }),
      { error: 'must be a list of { name, bytes }' },
    )
    .optional(),
});

/** How an analysis runs: worker threads, or an executor of the caller's; progress; cancellation. */
export const RunOptionsSchema = z.strictObject({
  /** Node worker threads to spread the runs over (default: one per core, as the CLI); 1 runs them in this thread. */
  workers: F.workers.optional(),
  /** Runs the tasks instead of the built-in executors (e.g. a pool of your own); `workers` is then ignored. */
  executor: z.custom<Executor>((v) => typeof v === 'function', { error: 'must be a function' }).optional(),
  /** Called as runs finish: how many are done of how many. */
  onProgress: z.custom<ProgressFn>((v) => typeof v === 'function', { error: 'must be a function' }).optional(),
  /** Stops the analysis with CancelledError once `aborted` (an AbortSignal will do). */
  signal: z
    .custom<CancelSignal>((v) => typeof v === 'object' && v !== null && 'aborted' in v, {
      error: 'must be an AbortSignal or { aborted }',
    })
    .optional(),
});

/**
 * One option that is wrong: which (a path such as `replications` or `targets[0].metric`; empty when the problem lies
 * between the options and the scenario, such as an arm the scenario lacks), what, and the value.
 */
export interface OptionProblem {
  option: string;
  message: string;
  /** The value given at that path (undefined when it is missing). */
  value: unknown;
}

/** Options a function cannot accept; `problems` has one entry per problem, and the message one line each. */
export class OptionsError extends Error {
  override name = 'OptionsError';
  readonly problems: OptionProblem[];
  constructor(problems: OptionProblem[]) {
    super(problems.map((p) => describeProblem(p)).join('\n'));
    this.problems = problems;
  }
}

/** The option path of an issue path: `replications`, `targets[0].metric`, `(options)` for the whole object. */
function optionPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(options)';
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** Every problem `schema` finds with `options`, at most one per option, in the schema's order. */
export function optionProblems(schema: z.ZodType, options: unknown): OptionProblem[] {
  const parsed = schema.safeParse(options);
  if (parsed.success) return [];
  const out: OptionProblem[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ option: optionPath([...issue.path, key]), message: 'is not an option here', value: undefined });
      }
      continue;
    }
    const option = optionPath(issue.path);
    if (out.some((p) => p.option === option)) continue;
    const message =
      issue.code === 'invalid_type' && issue.expected === 'object' && issue.path.length === 0
        ? 'must be an object of options'
        : issue.message;
    out.push({ option, message, value: valueAt(options, issue.path) });
  }
  return out;
}

/** The options parsed by `schema` (defaults and trimming applied); throws OptionsError naming each bad option. */
export function checkOptions<S extends z.ZodType>(schema: S, options: unknown): z.output<S> {
  const parsed = schema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  throw new OptionsError(optionProblems(schema, options ?? {}));
}

/** `«name»` references in a message, with each name written as `flag` writes it. */
export function withOptionNames(message: string, flag: (option: string) => string): string {
  return message.replace(/«(\w+)»/g, (_, option: string) => flag(option));
}

/** A value as the library reports it: JSON, or its type when JSON cannot show it. */
function shown(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (value instanceof Uint8Array) return `${value.length} bytes`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value;
  }
}

/**
 * One problem as a line: `replications must be a whole number from 1 to 1000 (got 0)`. A message that quotes the
 * value itself (a parser's, starting with `'`) is not followed by it again.
 */
export function describeProblem(p: OptionProblem): string {
  const message = withOptionNames(p.message, (option) => option);
  const got = p.value === undefined || message.startsWith("'") ? '' : ` (got ${shown(p.value)})`;
  return p.option === '' ? message : `${p.option} ${message}${got}`;
}

/**
 * The seeds of `replications` runs start at `seed` and count up, so the first seed must leave room for the last:
 * a pack whose seeds pass 2^31 − 1 could not be read back. Returns the problem, or undefined.
 */
export function seedRoomProblem(seed: number, replications: number): OptionProblem | undefined {
  const last = seed + replications - 1;
  if (last <= MAX_SEED) return undefined;
  return {
    option: 'seed',
    message: `leaves no room for ${replications} replications: seeds run from it up to ${last}, past ${MAX_SEED}`,
    value: seed,
  };
}
