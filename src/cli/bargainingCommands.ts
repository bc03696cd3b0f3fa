/**
 * `fairpace target` and `fairpace sensitivity`. The target search runs batch after batch on one pool; the target grid
 * (`--grid N`) and sensitivity are batch commands.
 */
import { availableParallelism } from 'node:os';
import {
  findTargetSequential,
  type SequentialTarget,
  armDisplayName,
  findTarget,
  labelContext,
  lookupMetric,
  runInProcess,
  sensitivityBatch,
  targetGridBatch,
  targetParagraph,
  targetSentences,
  type SensitivityOptions,
  type SensitivityResult,
  type TargetOptions,
  type TargetProvisional,
  type TargetResult,
} from '../analysis/index.ts';
import { runSizeOf } from '../analysis/runCost.ts';
import { ScenarioPathError } from '../scenario/paths.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { SensitivityCommand, SensitivityFormat, TargetCommand } from './bargainingArgs.ts';
import { batchCommand } from './batch.ts';
import type { CliIo } from './cliIo.ts';
import { EXIT_OK, InputError } from './errors.ts';
import { emit, jsonText, readScenarioFile } from './files.ts';
import { withExecutor } from '../node/pool.ts';
import { withRunCache } from './runStore.ts';
import { progressFor, silentProgress } from './progress.ts';
import { guardRunCost } from './runEstimate.ts';
import { withSuggestions } from './suggest.ts';

/**
 * The answer in sentences, English then Chinese, on stderr when it is a terminal (the person who typed the command
 * reads it; stdout stays the JSON, and piped or logged stderr stays clean, as with progress).
 */
export function sayOnTerminal(io: CliIo, paragraphs: { en: string; zh: string }): void {
  if (!io.stderrIsTTY) return;
  io.stderr(`\n${paragraphs.en}\n\n${paragraphs.zh}\n`);
}

/** A target answer said on the terminal (see sayOnTerminal). */
function sayTarget(result: TargetResult, scenario: Scenario, io: CliIo): void {
  const s = targetSentences(result, {
    armName: armDisplayName(scenario, result.arm),
    context: labelContext(scenario),
  });
  sayOnTerminal(io, { en: targetParagraph(s, 'en'), zh: targetParagraph(s, 'zh') });
}

/** The analysis options of a target command line. */
function targetOptions(command: TargetCommand): TargetOptions {
  return {
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
    ...(command.grid !== undefined ? { grid: command.grid } : {}),
  };
}

/** Why a sequential target search stopped, in words. */
const STOP_WORDS: Record<SequentialTarget['stopped'], string> = {
  tolerance: 'the bracket is within --precision of the range (or --tolerance)',
  resolution: "the answer meets its target by less than its interval's half-width: nearer values cannot be told apart",
  maxSteps: 'the most values (--max-steps) were run',
  bounds: 'the answer is a bound, or no value meets the targets',
  notMonotone: 'feasibility switches more than once: no search, the evaluated values are listed',
};

/**
 * Runs the `fairpace target` search (without --grid): one executor for all its batches, one progress over them; with
 * `--progress`, the answer so far on stderr before each further step.
 */
export async function targetCommand(command: TargetCommand, io: CliIo): Promise<void> {
  const scenario = await readScenarioFile(command.file, io);
  const threads = command.workers ?? availableParallelism();
  // The search runs at most (max steps + 1) × replications runs of its arm, a step's replications at a time.
  const replications = command.replications ?? scenario.replications;
  const arm = command.arm ?? scenario.arms.at(-1)?.id ?? '';
  const runs = ((command.maxSteps ?? 20) + 1) * replications;
  guardRunCost(
    'fairpace target',
    Array.from({ length: runs }, () => runSizeOf(scenario, arm)),
    { threads: Math.min(threads, replications) },
    command,
    io,
    true,
  );
  // With --progress the answer so far replaces the run counter, which would overwrite its lines on a terminal.
  const progress = command.provisional ? silentProgress : progressFor(command, io);
  const onStep = command.provisional ? (p: TargetProvisional) => io.stderr(targetProvisionalLine(p)) : undefined;
  try {
    // One pool for every step of the search: threads start once, and each gets a scenario once.
    const result = await withExecutor(threads, runInProcess, (executor) => {
      const cached = withRunCache(executor, command, {}, io);
      if (command.precision !== undefined) {
        return findTargetSequential(
          scenario,
          targetOptions(command),
          { precision: command.precision },
          cached.executor,
          (done, total) => progress.update(done, total),
          undefined,
          onStep,
        )
          .then((outcome) => {
            if (!command.quiet) {
              const most = Math.max(...outcome.result.replicationsByValue.map((r) => r.replications));
              const few = outcome.result.replicationsByValue.filter((r) => r.replications < most).length;
              io.stderr(
                `runs: ${outcome.runs} (${outcome.result.steps.length} values, ${few} of them decided on fewer than ${most} seeds); stopped: ${STOP_WORDS[outcome.stopped]}\n`,
              );
            }
            return outcome.result;
          })
          .finally(cached.report);
      }
      return findTarget(
        scenario,
        targetOptions(command),
        cached.executor,
        (done, total) => progress.update(done, total),
        undefined,
        onStep,
      ).finally(cached.report);
    }).catch((e: unknown) => {
      if (e instanceof RangeError || e instanceof ScenarioPathError) {
        throw new InputError(withSuggestions([`fairpace target: ${e.message}`], scenario));
      }
      throw e;
    });
    progress.finish();
    await emit(jsonText(result), command.out, io);
    // Not among JSON progress lines, which a program reads.
    if (!command.quiet && command.progress !== 'json') sayTarget(result, scenario, io);
  } finally {
    progress.finish();
  }
}

/**
 * One line on stderr for a target search's answer so far: the seeds its best value has run on, the bracket and the
 * best value, the values and runs so far, e.g. `provisional 3/10 replications, rules.pay.base: bracket [6, 15.5],
 * best estimate 15.5 (7 values, 29 runs)`.
 */
export function targetProvisionalLine(p: TargetProvisional): string {
  const so = `(${p.values} values, ${p.runs} runs)`;
  if (p.value === null) return `provisional, ${p.param}: no value meets the targets yet ${so}\n`;
  const bracket = p.bracket ? `bracket [${p.bracket[0]}, ${p.bracket[1]}], ` : '';
  return `provisional ${p.replications}/${p.of} replications, ${p.param}: ${bracket}best estimate ${p.value} ${so}\n`;
}

/** `fairpace target --grid N`: every value in one batch. */
export const targetGridCommand = batchCommand({
  options: targetOptions,
  plan: (scenario, o: TargetOptions) => targetGridBatch(scenario, o),
  async finish(result: TargetResult, { scenario, out, io }) {
    await emit(jsonText(result), out, io);
    sayTarget(result, scenario, io);
    return EXIT_OK;
  },
});

/** What decides a sensitivity run and its output. */
interface SensitivityJob extends SensitivityOptions {
  format: SensitivityFormat;
}

/** `fairpace sensitivity`: the base comparison and every low/high variant in one batch. */
export const sensitivityCommand = batchCommand({
  options: (c: SensitivityCommand): SensitivityJob => ({
    params: c.params,
    arms: c.arms,
    replications: c.replications,
    seed: c.seed,
    format: c.format,
  }),
  plan(scenario, o: SensitivityJob) {
    try {
      return sensitivityBatch(scenario, o);
    } catch (e) {
      // A bad parameter is the user's --params (or, without it, something wrong with the scenario's own values).
      if (e instanceof RangeError || e instanceof ScenarioPathError) {
        throw new RangeError(`${o.params ? '--params' : 'fairpace sensitivity'}: ${e.message}`);
      }
      throw e;
    }
  },
  async finish(result: SensitivityResult, { options, out, io }) {
    await emit(options.format === 'table' ? formatSensitivityTable(result) : jsonText(result), out, io);
    return EXIT_OK;
  },
  provisionalLine: (result: SensitivityResult, replications: number, of: number) =>
    sensitivityProvisionalLine(result, replications, of),
});

/** How many parameters a provisional ranking names. */
const PROVISIONAL_TOP = 5;

/**
 * One line on stderr for a provisional sensitivity ranking: the replications it stands on and the first parameters
 * by score, e.g. `provisional 3/10 replications: 1. rules.pay.commissionRate 1.42; 2. … (2 sign flips)`.
 */
export function sensitivityProvisionalLine(result: SensitivityResult, replications: number, of: number): string {
  const top = result.params
    .slice(0, PROVISIONAL_TOP)
    .map((p, i) => `${i + 1}. ${p.path} ${p.score.toFixed(2)}`)
    .join('; ');
  const flips = result.params.reduce((n, p) => n + p.flips.length, 0);
  return `provisional ${replications}/${of} replications: ${top}${flips > 0 ? ` (${flips} sign flip${flips === 1 ? '' : 's'})` : ''}\n`;
}

/** A metric's short column name from the catalogue, or its path. */
const shortName = (path: string) => lookupMetric(path)?.entry.short ?? path;

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(2));

/** A readable ranking: one row per parameter, the largest |change| of each headline difference, then any flips. */
export function formatSensitivityTable(result: SensitivityResult): string {
  const cols = result.metrics.map(shortName);
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
