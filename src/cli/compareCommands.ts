/** `fairpace compare` (with its gate) and `fairpace sweep` as batch commands. */
import {
  checkAssertions,
  compareBatch,
  compareToPrecision,
  runInProcess,
  evaluateGate,
  sweepBatch,
  type Assertion,
  type Comparison,
  type CompareOptions,
  type GateResult,
  type SweepOptions,
  type SweepResult,
} from '../analysis/index.ts';
import { digestOf } from '../scenario/canonical.ts';
import { FAIRPACE_VERSION } from '../version.ts';
import type { CompareCommand, CompareFormat, SweepCommand, SweepFormat } from './args.ts';
import { batchCommand } from './batch.ts';
import { formatCompareTable } from './compareTable.ts';
import { formatCompareCsv, formatSweepCsv, withBom } from './csv.ts';
import { EXIT_GATE_FAILED, EXIT_OK } from './errors.ts';
import { emit, jsonText, readScenarioFile, writeFilesAtomic } from './files.ts';
import { availableParallelism } from 'node:os';
import type { CliIo } from './cliIo.ts';
import { InputError } from './errors.ts';
import { withExecutor } from './pool.ts';
import { progressFor } from './progress.ts';
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

/**
 * `fairpace compare`. With assertions it is a gate: the comparison goes only to `--out`, stdout gets the table of
 * assertions, `--junit` the XML, and the exit code is 1 when any assertion fails.
 */
export const compareCommand = batchCommand({
  options: (c: CompareCommand): CompareJob => ({
    arms: c.arms,
    replications: c.replications,
    seed: c.seed,
    format: c.format,
    bom: c.bom,
    ...(c.assertions ? { assertions: c.assertions, confidence: c.confidence ?? 'ci' } : {}),
  }),
  plan(scenario, o: CompareJob) {
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
      tasks: batch.tasks,
      summarise: (results): { comparison: Comparison; gate?: GateResult } => ({
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
});

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
  const progress = progressFor(command, io);
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
      undefined,
      (done, total) => progress.update(done, total),
    ).finally(cached.report);
  }).catch((e: unknown) => {
    if (e instanceof RangeError) throw new InputError([`fairpace compare: ${e.message}`]);
    throw e;
  });
  progress.finish();
  const max = command.replications ?? scenario.replications;
  if (!command.quiet) {
    io.stderr(
      outcome.stopped === 'precise'
        ? `replications: ${outcome.replications} of at most ${max} (${outcome.runs} runs): every headline difference is within ±${precision * 100}% of its mean\n`
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
