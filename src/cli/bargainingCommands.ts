/** `fairpace target` and `fairpace sensitivity`: read the scenario, run the search on the pool, write the result. */
import { availableParallelism } from 'node:os';
import { findTarget, runInProcess, sensitivity, type Executor, type SensitivityResult } from '../analysis/index.ts';
import { resultJsonText } from '../evidence/bargainingEntry.ts';
import { ScenarioPathError } from '../scenario/paths.ts';
import type { SensitivityCommand, TargetCommand } from './bargainingArgs.ts';
import type { CliIo } from './commands.ts';
import { InputError } from './errors.ts';
import { readScenarioFile, writeFileAtomic } from './files.ts';
import { workerExecutor } from './pool.ts';
import { silentProgress, terminalProgress, type Progress } from './progress.ts';

interface PoolChoice {
  workers?: number;
  quiet: boolean;
}

/** One executor for the whole search (each batch starts its threads) and one progress line over all batches. */
function setup(options: PoolChoice, io: CliIo): { executor: Executor; progress: Progress } {
  const threads = options.workers ?? availableParallelism();
  const executor: Executor = threads <= 1 ? runInProcess : workerExecutor(threads);
  const progress = io.stderrIsTTY && !options.quiet ? terminalProgress((text) => io.stderr(text)) : silentProgress;
  return { executor, progress };
}

/** Bad paths, arms, bounds or metric names are the user's input: exit 2 with the message. */
function inputErrors<T>(e: unknown, argument: string): T {
  if (e instanceof RangeError || e instanceof ScenarioPathError) throw new InputError(`${argument}: ${e.message}`);
  throw e;
}

/** Runs `fairpace target`. */
export async function targetCommand(command: TargetCommand, io: CliIo): Promise<void> {
  const scenario = await readScenarioFile(command.file);
  const { executor, progress } = setup(command, io);
  try {
    const result = await findTarget(
      scenario,
      {
        param: command.param,
        min: command.min,
        max: command.max,
        targets: command.targets,
        direction: command.direction,
        confidence: command.confidence,
        arm: command.arm,
        replications: command.replications,
        seed: command.seed,
        maxSteps: command.maxSteps,
        tolerance: command.tolerance,
      },
      executor,
      (done, total) => progress.update(done, total),
    ).catch((e: unknown) => inputErrors<never>(e, 'fairpace target'));
    await emit(json(result), command.out, io);
  } finally {
    progress.finish();
  }
}

/** Runs `fairpace sensitivity`. */
export async function sensitivityCommand(command: SensitivityCommand, io: CliIo): Promise<void> {
  const scenario = await readScenarioFile(command.file);
  const { executor, progress } = setup(command, io);
  try {
    const result = await sensitivity(
      scenario,
      { params: command.params, arms: command.arms, replications: command.replications, seed: command.seed },
      executor,
      (done, total) => progress.update(done, total),
    ).catch((e: unknown) => inputErrors<never>(e, command.params ? '--params' : 'fairpace sensitivity'));
    await emit(command.format === 'table' ? formatSensitivityTable(result) : json(result), command.out, io);
  } finally {
    progress.finish();
  }
}

const SHORT: Record<string, string> = {
  'earnings.shareBelowMinWage': 'belowMinWage',
  'earnings.netPerOnlineHour.mean': 'net/h',
  'safety.relativeCrashRisk': 'crashRisk',
  'safety.speedingKmShare': 'speedingKm',
  'service.onTimeRate': 'onTime',
  'platform.margin': 'margin/day',
};

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(2));

/** A readable ranking: one row per parameter, the largest |change| of each headline difference, then any flips. */
export function formatSensitivityTable(result: SensitivityResult): string {
  const cols = result.metrics.map((m) => SHORT[m] ?? m);
  const head = ['rank', 'parameter', 'low..high', 'score', ...cols];
  const rows = result.params.map((p, i) => [
    String(i + 1),
    p.path,
    `${p.low}..${p.high}`,
    fmt(p.score),
    ...result.metrics.map((m) => fmt(p.effects[m]?.swing ?? 0)),
  ]);
  const base = [
    '',
    'base difference',
    `${result.arms[1]} − ${result.arms[0]}`,
    '',
    ...result.metrics.map((m) => fmt(result.base[m]?.mean ?? 0)),
  ];
  const all = [head, base, ...rows];
  const widths = head.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c <= 1 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  const out = [line(head), line(base), ...rows.map(line)];
  const flips = result.params.flatMap((p) =>
    p.flips.map(
      (f) => `sign flip: ${p.path} at its ${f.at} value turns ${f.metric} from ${fmt(f.base)} to ${fmt(f.value)}`,
    ),
  );
  out.push(
    '',
    flips.length > 0
      ? flips.join('\n')
      : 'no parameter flips the sign of a headline difference whose interval excludes zero',
  );
  for (const s of result.skipped) out.push(`skipped ${s.path}: ${s.reason}`);
  return `${out.join('\n')}\n`;
}

/** The JSON of a result, as `fairpace evidence --include` and the workbench's Export carry it. */
const json = resultJsonText;

async function emit(text: string, out: string | undefined, io: CliIo): Promise<void> {
  if (out === undefined) io.stdout(text);
  else await writeFileAtomic(out, text);
}
