/**
 * Saying what a big run costs before starting it (issue 23, item 4): the estimate of src/analysis/runCost.ts on
 * stderr when it is over a minute or 2 GiB (as a JSON line with `--progress json`), and `--max-memory SIZE`
 * refusing a run whose estimated peak does not fit, before a single simulation.
 */
import {
  estimateCost,
  estimateParts,
  estimateSentence,
  memoryWords,
  worthSaying,
  type CostEstimate,
  type CostOptions,
  type RunSize,
} from '../analysis/runCost.ts';
import { InputError, UsageError } from './errors.ts';

/** Where the estimate goes and what it must fit: the run-control flags and `--quiet`. */
export interface CostControl {
  /** `--max-memory`, MiB. */
  maxMemoryMiB?: number;
  quiet: boolean;
  progress?: 'json';
}

/** What every estimate says of itself. */
export const ESTIMATE_NOTE = 'an estimate from measurements on a 2-core machine';

/**
 * Parses `--max-memory`: a number with a unit, K, M, G or T (powers of 1024; `GB`, `GiB` and `g` read alike),
 * e.g. `4G`, `512M`, `1.5GiB`. Returns MiB.
 */
export function parseMemorySize(text: string, command: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt])(?:i?b)?\s*$/i.exec(text);
  const value = m ? Number(m[1]) : Number.NaN;
  const unit = (m?.[2] ?? '').toLowerCase();
  const mib = value * ({ k: 1 / 1024, m: 1, g: 1024, t: 1024 * 1024 }[unit] ?? Number.NaN);
  if (!(mib >= 1)) {
    throw new UsageError(`--max-memory is a size with a unit, at least 1M, e.g. 4G or 512M (got '${text}')`, command);
  }
  return mib;
}

/**
 * Estimates the runs of a command; says so on stderr when the estimate is over a minute or 2 GiB (unless quiet),
 * and throws InputError when its peak is above `--max-memory`, so nothing runs. Returns the estimate.
 */
export function guardRunCost(
  what: string,
  sizes: readonly RunSize[],
  options: CostOptions,
  control: CostControl,
  io: { stderr(text: string): void },
  atMost = false,
): CostEstimate {
  const estimate = estimateCost(sizes, options);
  const sentence = `${atMost ? 'at most ' : ''}${estimateSentence(estimate)}`;
  if (control.maxMemoryMiB !== undefined && estimate.peakMiB > control.maxMemoryMiB) {
    const p = estimateParts(estimate);
    throw new InputError(
      `--max-memory ${memoryWords(control.maxMemoryMiB, true)}: ${what} would need ${p.memory} at its peak, so nothing was run ` +
        `(${atMost ? 'at most ' : ''}${p.runs}, ${p.time}; ${ESTIMATE_NOTE}). ` +
        'Fewer --workers or replications need less; --shard splits a batch over machines.',
    );
  }
  if (worthSaying(estimate)) {
    if (control.progress === 'json') {
      const r = (x: number) => Math.round(x * 10) / 10;
      const line = {
        estimate: {
          runs: estimate.runs,
          threads: estimate.threads,
          wallSeconds: r(estimate.wallSeconds),
          cpuSeconds: r(estimate.cpuSeconds),
          peakMiB: Math.round(estimate.peakMiB),
        },
      };
      io.stderr(`${JSON.stringify(line)}\n`);
    } else if (!control.quiet) io.stderr(`estimate: ${what}: ${sentence} (${ESTIMATE_NOTE})\n`);
  }
  return estimate;
}
