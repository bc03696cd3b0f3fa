/** `fairpace compare` (with its gate) and `fairpace sweep` as batch commands. */
import {
  checkAssertions,
  compareBatch,
  compareToPrecision,
  HEADLINE_PATHS,
  runInProcess,
  evaluateGate,
  SeedPrefix,
  summariseCompare,
  sweepBatch,
  type Assertion,
  type BatchPlan,
  type Comparison,
  type CompareOptions,
  type ComparePlan,
  type GateResult,
  type ResultFn,
  type SweepOptions,
  type SweepResult,
} from '../analysis/index.ts';
import { taskSizes } from '../analysis/runCost.ts';
import { digestOf } from '../scenario/canonical.ts';
import { FAIRPACE_VERSION } from '../version.ts';
import type { CompareCommand, CompareFormat, SweepCommand, SweepFormat } from './compareArgs.ts';
import { batchCommand, checkSeedRoom, planOrInputError } from './batch.ts';
import { formatCompareTable } from './compareTable.ts';
import { formatCompareCsv, formatSweepCsv, withBom } from './csv.ts';
import { EXIT_GATE_FAILED, EXIT_OK } from './errors.ts';
import { emit, jsonText, readScenarioFile, writeFilesAtomic } from './files.ts';
import { availableParallelism } from 'node:os';
import type { CliIo } from './cliIo.ts';
import { InputError } from './errors.ts';
import { metricAt } from '../analysis/metricPaths.ts';
import { differenceUnit, formatDifference, formatMetric, metricUnit } from './metricFormat.ts';
import { withExecutor } from '../node/pool.ts';
import { progressFor, silentProgress } from './progress.ts';
import { guardRunCost } from './runEstimate.ts';
import { withRunCache } from './runStore.ts';
import { formatGateTable, gateJunit, type GateContext } from './gateReport.ts';

/** What decides a comparison and its output. */
interface CompareJob extends CompareOptions {
  format: CompareFormat;
  /** Whether CSV output starts with a byte-order mark. */
  bom: boolean;
  assertions?: Assertion[];
  confidence?: 'mean' | 'ci';
}

/** What a comparison command computes: the comparison, and the gate's verdict when it has assertions. */
interface CompareOutcome {
  comparison: Comparison;
  gate?: GateResult;
}

/** The options of a compare command line that decide its tasks and output. */
const compareJobOf = (c: CompareCommand): CompareJob => ({
  arms: c.arms,
  replications: c.replications,
  seed: c.seed,
  format: c.format,
  bom: c.bom,
  ...(c.assertions ? { assertions: c.assertions, confidence: c.confidence ?? 'ci' } : {}),
});

/**
 * `fairpace compare`. With assertions it is a gate: the comparison goes only to `--out`, stdout gets the table of
 * assertions, `--junit` the XML, and the exit code is 1 when any assertion fails.
 */
export const compareCommand = batchCommand({
  options: compareJobOf,
  plan(scenario, o: CompareJob): BatchPlan<CompareOutcome> & { plan: ComparePlan } {
    const batch = compareBatch(scenario, o);
    for (const a of o.assertions ?? []) {
      try {
        checkAssertions(batch.plan, [a]);
      } catch (e) {
        if (e instanceof RangeError)
          throw new RangeError(`--${a.kind === 'arm' ? 'assert' : 'assert-diff'} ${e.message}`);
        throw e;
      }
    }
    return {
      plan: batch.plan,
      tasks: batch.tasks,
      summarise: (results): CompareOutcome => ({
        comparison: batch.summarise(results),
        ...(o.assertions ? { gate: evaluateGate(batch.plan, results, o.assertions, o.confidence) } : {}),
      }),
    };
  },
  async finish({ comparison, gate }, { scenario, options, out, junit, io }) {
    const text =
      options.format === 'table'
        ? formatCompareTable(comparison, { scenarioName: scenario.meta.name, scenario })
        : options.format === 'csv'
          ? withBom(formatCompareCsv(comparison), options.bom)
          : jsonText(comparison);
    if (gate === undefined) {
      await emit(text, out, io);
      return EXIT_OK;
    }
    const context: GateContext = {
      scenarioName: scenario.meta.name,
      scenarioDigest: digestOf(scenario),
      fairpaceVersion: FAIRPACE_VERSION,
      seeds: comparison.seeds,
    };
    // The comparison and the JUnit report are written together or not at all.
    await writeFilesAtomic([
      ...(out !== undefined ? [{ file: out, data: text }] : []),
      ...(junit !== undefined ? [{ file: junit, data: gateJunit(gate, context) }] : []),
    ]);
    io.stdout(formatGateTable(gate, context));
    return gate.holds ? EXIT_OK : EXIT_GATE_FAILED;
  },
});

/** What decides a sweep and its output. */
interface SweepJob extends SweepOptions {
  format: SweepFormat;
  /** Whether CSV output starts with a byte-order mark. */
  bom: boolean;
}

/** `fairpace sweep`. */
export const sweepCommand = batchCommand({
  options: (c: SweepCommand): SweepJob => ({
    arms: c.arms,
    replications: c.replications,
    seed: c.seed,
    param: c.param,
    values: c.values,
    format: c.format,
    bom: c.bom,
  }),
  plan: (scenario, o: SweepJob) => sweepBatch(scenario, o),
  async finish(result: SweepResult, { options, out, io }) {
    await emit(options.format === 'csv' ? withBom(formatSweepCsv(result), options.bom) : jsonText(result), out, io);
    return EXIT_OK;
  },
  provisionalLine: (sweep: SweepResult, replications: number, of: number) =>
    sweepProvisionalLine(sweep, of, replications),
});

/**
 * One line on stderr for a provisional sweep: how many replications it stands on, then at each value the first
 * headline difference (second arm − first) with its 95% interval, or with one arm its mean, e.g. `provisional 3/10
 * replications, rules.pay.base (median - strictest) earnings.shareBelowMinWage: 6 -21.4 pp [-40.2, -2.6]; 9 ...`.
 */
export function sweepProvisionalLine(sweep: SweepResult, total: number, replications = sweep.seeds.length): string {
  const path = PROVISIONAL_PATHS[0] as string;
  const head = `provisional ${replications}/${total} replications, ${sweep.param}`;
  const [a, b] = sweep.points[0]?.arms ?? [];
  if (!a) return `${head}\n`;
  const parts = sweep.points.map((p) => {
    if (!b) {
      const unit = metricUnit(path);
      const arm = p.arms[0];
      return `${p.value} ${formatMetric(arm ? metricAt(arm.metrics, path) : undefined, path)}${unit ? ` ${unit}` : ''}`;
    }
    const d = p.differences[path];
    if (!d) return `${p.value} n/a`;
    const unit = differenceUnit(path);
    const [lo, hi] = d.ci95;
    return `${p.value} ${formatDifference(d.mean, path)}${unit ? ` ${unit}` : ''} [${formatDifference(lo, path)}, ${formatDifference(hi, path)}]`;
  });
  return `${head} (${b ? `${b.id} - ${a.id}` : a.id}) ${path}: ${parts.join('; ')}\n`;
}

/**
 * `fairpace compare --precision P`: replications in rounds of seeds (3, then 2 more at a time, up to --replications
 * or the scenario's), stopping once every headline difference is within ±P of its mean; the output is the
 * comparison of the replications it stopped at (byte for byte `compare --replications N`), and stderr says how many
 * runs were made and why it stopped.
 */
export async function comparePreciseCommand(command: CompareCommand, io: CliIo): Promise<number> {
  const scenario = await readScenarioFile(command.file, io);
  const precision = command.precision as number;
  const threads = command.workers ?? availableParallelism();
  // Provisional lines take the place of the run counter, which would overwrite them on a terminal.
  const progress = command.provisional ? silentProgress : progressFor(command, io);
  const max = command.replications ?? scenario.replications;
  const outcome = await withExecutor(threads, runInProcess, (executor) => {
    const cached = withRunCache(executor, command, {}, io);
    return compareToPrecision(
      scenario,
      { precision, ...(command.replications !== undefined ? { maxReplications: command.replications } : {}) },
      cached.executor,
      {
        ...(command.arms ? { arms: command.arms } : {}),
        ...(command.seed !== undefined ? { seed: command.seed } : {}),
      },
      command.provisional ? (partial) => io.stderr(provisionalLine(partial.comparison, max, true)) : undefined,
      (done, total) => progress.update(done, total),
    ).finally(cached.report);
  }).catch((e: unknown) => {
    if (e instanceof RangeError) throw new InputError([`fairpace compare: ${e.message}`]);
    throw e;
  });
  progress.finish();
  if (!command.quiet) {
    io.stderr(
      outcome.stopped === 'precise'
        ? `replications: ${outcome.replications} of at most ${max} (${outcome.runs} runs): every headline ${outcome.comparison.arms.length === 1 ? 'metric' : 'difference'} is within ±${precision * 100}% of its mean\n`
        : `replications: all ${outcome.replications} (${outcome.runs} runs), and still wider than ±${precision * 100}% of the mean: ${outcome.unsettled.join(', ')}\n`,
    );
  }
  const job: CompareJob = { format: command.format, bom: command.bom };
  return (compareCommand as unknown as { finish: FinishCompare }).finish(
    { comparison: outcome.comparison },
    { scenario, options: job, out: command.out, junit: undefined, io },
  );
}

/** The shape of compareCommand.finish, for the precision path. */
type FinishCompare = (
  result: { comparison: Comparison; gate?: GateResult },
  ctx: {
    scenario: Awaited<ReturnType<typeof readScenarioFile>>;
    options: CompareJob;
    out: string | undefined;
    junit: string | undefined;
    io: CliIo;
  },
) => Promise<number>;

/** The differences a provisional line shows: the first four headline metrics, second arm minus first. */
const PROVISIONAL_PATHS: readonly string[] = HEADLINE_PATHS.slice(0, 4);

/**
 * One line on stderr for a provisional comparison: how many replications it stands on, then a few headline
 * differences with their 95% intervals, e.g. `provisional 3/10 replications (median - strictest):
 * earnings.shareBelowMinWage -21.4 pp [-40.2, -2.6]; ...`. `atMost`: the total is a limit (`--precision`).
 */
export function provisionalLine(comparison: Comparison, total: number, atMost = false): string {
  const n = comparison.seeds.length;
  const head = `provisional ${atMost ? `${n} of at most ${total}` : `${n}/${total}`} replications`;
  const [a, b] = comparison.arms;
  if (!a || !b) return `${head}\n`;
  const parts = PROVISIONAL_PATHS.map((path) => {
    const d = comparison.differences[path];
    if (!d) return `${path} n/a`;
    const unit = differenceUnit(path);
    const [lo, hi] = d.ci95;
    return `${path} ${formatDifference(d.mean, path)}${unit ? ` ${unit}` : ''} [${formatDifference(lo, path)}, ${formatDifference(hi, path)}]`;
  });
  return `${head} (${b.id} - ${a.id}): ${parts.join('; ')}\n`;
}

/**
 * `fairpace compare --progress`: the comparison as `fairpace compare` makes it (stdout and files byte for byte the
 * same), and on stderr a provisional line each time the runs of more seeds, in seed order from the first, are all
 * in: one per seed count from 2 to all but the last (the final answer is stdout's). A line depends only on those
 * seeds' runs, so the lines are the same whichever thread finished first. With `--precision`, one line per round.
 */
export async function compareProvisionalCommand(command: CompareCommand, io: CliIo): Promise<number> {
  if (command.precision !== undefined) return comparePreciseCommand(command, io);
  const scenario = await readScenarioFile(command.file, io);
  // The same round trip as runBatchCommand's, so the options are exactly those of the command without --progress.
  const options = JSON.parse(JSON.stringify(compareJobOf(command))) as CompareJob;
  const batch = planOrInputError<CompareOutcome>(compareCommand, scenario, options) as BatchPlan<CompareOutcome> & {
    plan: ComparePlan;
  };
  checkSeedRoom(batch.tasks, command);
  const threads = command.workers ?? availableParallelism();
  guardRunCost('fairpace compare', taskSizes(batch.tasks), { threads, courierDays: false }, command, io);
  const prefix = new SeedPrefix(batch.plan);
  const total = batch.plan.seeds.length;
  // Every prefix gets its line, even when one run completes several seeds: the lines are the same for any --workers.
  const onResult: ResultFn = (index, result) => {
    prefix.add(index, result);
    for (const seeds of prefix.takeEach()) {
      const part = prefix.prefix(seeds);
      io.stderr(provisionalLine(summariseCompare(scenario, part.plan, part.results), total));
    }
  };
  const results = await withExecutor(threads, runInProcess, (executor) => {
    const cached = withRunCache(executor, command, {}, io);
    return cached.executor(batch.tasks, undefined, undefined, onResult).finally(cached.report);
  });
  return (compareCommand as unknown as { finish: FinishCompare }).finish(batch.summarise(results), {
    scenario,
    options,
    out: command.out,
    junit: command.junit,
    io,
  });
}
