/**
 * How a batch runs, apart from what it computes: `--shard k/n` (run one share of the tasks and write a partial
 * result file), `--progress json`, `--max-memory SIZE` and `--cache DIR` / `--no-cache`. Pure parsing, and the
 * flags' help.
 */
import { UsageError } from './errors.ts';
import { parseMemorySize } from './runEstimate.ts';

/** One share of a batch: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Largest shard count: far above any cluster a batch is split over, low enough to catch a typo. */
export const MAX_SHARDS = 100_000;

/** The run-control flags every batch command accepts. */
export interface RunControl {
  /** Run only this share of the tasks and write it as a partial result file to `--out`. */
  shard?: Shard;
  /** `json`: one JSON line per finished task on stderr. */
  progress?: 'json';
  /** `--max-memory`, MiB: refuse a run whose estimated peak memory is above it. */
  maxMemoryMiB?: number;
  /** `--cache DIR` (a folder), `--no-cache` (false), or the default folder when left out (see runStore.ts). */
  cache?: string | false;
}

/** parseArgs options of the run-control flags. */
export const RUN_CONTROL_OPTIONS = {
  shard: { type: 'string' },
  progress: { type: 'string' },
  'max-memory': { type: 'string' },
  cache: { type: 'string' },
  'no-cache': { type: 'boolean' },
} as const;

/** Parses `k/n` with 1 ≤ k ≤ n; throws UsageError naming the flag. */
export function parseShard(text: string, command: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || !(count >= 1 && count <= MAX_SHARDS && index >= 1 && index <= count)) {
    throw new UsageError(
      `--shard must be k/n with n from 1 to ${MAX_SHARDS} and k from 1 to n, e.g. 2/3 (got '${text}')`,
      command,
    );
  }
  return { index, count };
}

/**
 * The run-control flags of a parsed command line. `--shard` needs `--out` (the partial file); `--progress json`
 * contradicts `--quiet`; `--max-memory` is a size such as 4G.
 */
export function runControl(
  values: Record<string, unknown>,
  command: string,
  { out, quiet }: { out: string | undefined; quiet: boolean },
): RunControl {
  const control: RunControl = {};
  const shard = values.shard;
  if (typeof shard === 'string') {
    control.shard = parseShard(shard, command);
    if (out === undefined) throw new UsageError('--shard needs --out <partial file>', command);
  }
  const progress = values.progress;
  if (typeof progress === 'string') {
    if (progress !== 'json') throw new UsageError(`--progress must be json (got '${progress}')`, command);
    if (quiet) throw new UsageError('--progress json and --quiet contradict each other', command);
    control.progress = 'json';
  }
  const maxMemory = values['max-memory'];
  if (typeof maxMemory === 'string') control.maxMemoryMiB = parseMemorySize(maxMemory, command);
  const cache = values.cache;
  if (values['no-cache'] === true) {
    if (typeof cache === 'string') throw new UsageError('--cache and --no-cache contradict each other', command);
    control.cache = false;
  } else if (typeof cache === 'string') {
    if (cache.trim() === '') throw new UsageError('--cache needs a folder', command);
    control.cache = cache;
  }
  return control;
}

/**
 * The indices of the tasks of one shard: every task whose index leaves remainder k − 1 when divided by n. Dealing
 * tasks round-robin spreads the costly ones (a sweep's large values, say) over every shard.
 */
export function shardIndices(taskCount: number, shard: Shard): number[] {
  const out: number[] = [];
  for (let i = shard.index - 1; i < taskCount; i += shard.count) out.push(i);
  return out;
}

/** The help of the run-control flags, in every batch command's help. */
export const RUN_CONTROL_HELP = `
Batch options (compare, sweep, evidence, target --grid, sensitivity, zone, calibrate without --fit):
  --shard K/N           run only tasks K-1, K-1+N, K-1+2N, ... and write them as a partial result file to --out;
                        'fairpace merge' joins the N partials into the output of the whole command, byte for byte
  --progress json       one JSON line per finished task on stderr: {"task":12,"total":40,"elapsed":3.2}
  --max-memory SIZE     refuse, exit 2 and run nothing, when the estimated peak memory is above SIZE (e.g. 4G or
                        512M); target and calibrate --fit take it too, estimated at their most runs
  --cache DIR           keep each run in DIR and reuse the runs it holds (keyed by model fingerprint, scenario, arm
                        and seed: a changed model never reuses a run); default $FAIRPACE_CACHE_DIR, else
                        ~/.cache/fairpace/runs; output is byte for byte the same with or without it
  --no-cache            run everything, keep nothing (FAIRPACE_CACHE=off does the same for every command)
Before it starts, a run estimated to take over a minute or over 2 GiB says so on stderr: its runs, the wall time on
the threads it will use and the peak memory (an estimate from measurements on a 2-core machine; with --progress json,
a line {"estimate":{...}}). 'fairpace validate' prints the estimate of a compare with the scenario's defaults.`;
