/**
 * Batch commands: a command whose work is one list of RunTasks and a summariser. Such a command runs whole, or with
 * `--shard k/n` runs only its share of the tasks and writes a partial result file; `fairpace merge` checks that the
 * partials belong together, puts the results back in task order and finishes exactly as the whole command would,
 * so the merged output is byte-identical to the unsharded one.
 */
import { availableParallelism } from 'node:os';
import { runInProcess, type BatchPlan, type ResultFn } from '../analysis/index.ts';
import { executeInOrder, ProvisionalBatch, seedMajorOrder, type PrefixBatch } from '../analysis/prefixBatch.ts';
import { MAX_SEED } from '../analysis/options.ts';
import { taskSizes } from '../analysis/runCost.ts';
import { canonicalJson, digestOf } from '../scenario/canonical.ts';
import { validateScenario } from '../scenario/load.ts';
import { ScenarioPathError } from '../scenario/paths.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { FAIRPACE_VERSION } from '../version.ts';
import type { CliIo } from './cliIo.ts';
import { EXIT_OK, InputError } from './errors.ts';
import { execute } from './execute.ts';
import { withExecutor } from '../node/pool.ts';
import { withRunCache } from './runStore.ts';
import { readScenarioFile } from './files.ts';
import { withSuggestions } from './suggest.ts';
import { PARTIAL_FORMAT, PARTIAL_FORMAT_VERSION, readPartial, writePartial, type Partial } from './partial.ts';
import { shardIndices, type RunControl } from './runControl.ts';
import { guardRunCost } from './runEstimate.ts';

/** Where and how a batch command's result is written. */
export interface FinishContext<O> {
  scenario: Scenario;
  options: O;
  /** `--out` (of the command, or of `fairpace merge`); undefined means stdout. */
  out: string | undefined;
  /** `--junit` (compare with assertions). */
  junit: string | undefined;
  io: CliIo;
}

/**
 * A batch command. `options` are what, with the scenario, decide every task and the output: they travel in
 * partial files, and merge compares them. They must survive a JSON round trip unchanged.
 */
export interface BatchCommand<C, O, R> {
  /** The options of a parsed command line (reading any input file besides the scenario). */
  options(command: C): O | Promise<O>;
  /** The tasks and the summariser; throws RangeError or ScenarioPathError for bad input. */
  plan(scenario: Scenario, options: O): BatchPlan<R>;
  /** Keep courier-day rows in the results (evidence packs). */
  courierDays?: boolean;
  /** Writes the result where the command writes it; returns the exit code. */
  finish(result: R, context: FinishContext<O>): Promise<number>;
  /**
   * The stderr line of a provisional answer (`--progress` without a value), on `replications` of `of` seeds; only
   * commands whose plan is a PrefixBatch have one.
   */
  provisionalLine?(answer: R, replications: number, of: number): string;
}

/** A batch command with its types erased, for the registry. */
export type AnyBatchCommand = BatchCommand<never, unknown, unknown>;

/** Erases a batch command's types so commands of different types share one registry. */
export function batchCommand<C, O, R>(spec: BatchCommand<C, O, R>): AnyBatchCommand {
  return spec as unknown as AnyBatchCommand;
}

/** The fields of a parsed batch command line that say how it runs. */
export interface BatchCommandLine extends RunControl {
  kind: string;
  file: string;
  out?: string;
  junit?: string;
  workers?: number;
  quiet: boolean;
  /** `--progress` without a value: provisional answers on stderr (commands with a provisionalLine). */
  provisional?: boolean;
}

/**
 * Refuses a batch whose runs would use a seed past the largest a scenario, a partial file or a pack can hold (a
 * `--seed` near 2^31 − 1 with replications after it): said before any run, as the library says it.
 */
export function checkSeedRoom(tasks: readonly { seed: number }[], command: { seed?: unknown }): void {
  let top = -Infinity;
  for (const t of tasks) if (t.seed > top) top = t.seed;
  if (top <= MAX_SEED) return;
  const given = typeof command.seed === 'number' ? `--seed ${command.seed}` : "the scenario's seed";
  throw new InputError([
    `${given} leaves no room for this command's runs: their seeds go up to ${top}, past ${MAX_SEED}; choose a smaller seed`,
  ]);
}

/** The batch plan of a command, with bad input (RangeError, an unknown path) as InputError with suggestions. */
export function planOrInputError<R>(spec: AnyBatchCommand, scenario: Scenario, options: unknown): BatchPlan<R> {
  try {
    return spec.plan(scenario, options) as BatchPlan<R>;
  } catch (e) {
    if (e instanceof RangeError || e instanceof ScenarioPathError) {
      throw new InputError(withSuggestions(e.message.split('\n'), scenario));
    }
    throw e;
  }
}

/** Runs a batch command whole, or its shard's share written as a partial file. */
export async function runBatchCommand(spec: AnyBatchCommand, command: BatchCommandLine, io: CliIo): Promise<number> {
  const scenario = await readScenarioFile(command.file, io);
  // The round trip makes the whole command see exactly the options a merge reads back from a partial file.
  const options: unknown = JSON.parse(JSON.stringify(await spec.options(command as never)));
  const plan = planOrInputError(spec, scenario, options);
  checkSeedRoom(plan.tasks, command as { seed?: unknown });
  const run = { ...command, courierDays: spec.courierDays === true };
  const indices =
    command.shard === undefined ? plan.tasks.map((_, i) => i) : shardIndices(plan.tasks.length, command.shard);
  // What the runs of this process will cost, said before they start when it is a lot, and refused when it will not
  // fit --max-memory.
  guardRunCost(
    `fairpace ${command.kind}${command.shard !== undefined ? ` --shard ${command.shard.index}/${command.shard.count}` : ''}`,
    taskSizes(indices.map((i) => plan.tasks[i] as (typeof plan.tasks)[number])),
    { threads: command.workers ?? availableParallelism(), courierDays: run.courierDays },
    command,
    io,
  );
  if (command.shard === undefined && command.provisional === true && spec.provisionalLine && !run.courierDays) {
    const results = await runProvisionally(plan as PrefixBatch<unknown>, spec.provisionalLine.bind(spec), run, io);
    return spec.finish(plan.summarise(results), { scenario, options, out: command.out, junit: command.junit, io });
  }
  if (command.shard === undefined) {
    const results = await execute(plan.tasks, run, io);
    return spec.finish(plan.summarise(results), { scenario, options, out: command.out, junit: command.junit, io });
  }
  const results = await execute(
    indices.map((i) => plan.tasks[i] as (typeof plan.tasks)[number]),
    run,
    io,
  );
  const header = {
    format: PARTIAL_FORMAT,
    formatVersion: PARTIAL_FORMAT_VERSION,
    fairpaceVersion: FAIRPACE_VERSION,
    command: command.kind,
    shard: command.shard,
    tasks: plan.tasks.length,
    scenarioDigest: digestOf(scenario),
    optionsDigest: digestOf(options),
    options,
    scenario,
  } as const;
  // runControl() refuses --shard without --out.
  await writePartial(command.out as string, header, indices, results);
  return EXIT_OK;
}

/**
 * Runs a whole batch with a provisional line on stderr each time the runs of more seeds, in seed order from the
 * first, are in for every task group: one per seed count from 2 to all but the last (the final answer is stdout's).
 * A line depends only on those seeds' runs, so the lines are the same whichever thread finished first. The run
 * counter stays off: it would overwrite the lines on a terminal.
 */
async function runProvisionally(
  batch: PrefixBatch<unknown>,
  line: (answer: unknown, replications: number, of: number) => string,
  run: BatchCommandLine & { courierDays: boolean },
  io: CliIo,
) {
  const tracker = new ProvisionalBatch(batch);
  const onResult: ResultFn = (index, result) => {
    tracker.add(index, result);
    for (const p of tracker.takeEach()) io.stderr(line(p.answer, p.replications, p.of));
  };
  return withExecutor(run.workers ?? availableParallelism(), runInProcess, (executor) => {
    const cached = withRunCache(executor, run, {}, io);
    // Seed by seed, so the first line comes after a fraction of the runs; results come back in the batch's order.
    return executeInOrder(cached.executor, batch.tasks, seedMajorOrder(batch), undefined, undefined, onResult).finally(
      cached.report,
    );
  });
}

/** `fairpace merge <partial>... --out FILE [--junit FILE]`. */
export interface MergeCommandLine {
  kind: 'merge';
  files: string[];
  out: string;
  junit?: string;
}

/**
 * Merges partial files into the output of the whole command. Every check runs before anything is written: a problem
 * throws InputError with one line per problem, and nothing is written.
 */
export async function mergePartials(
  command: MergeCommandLine,
  registry: Readonly<Record<string, AnyBatchCommand>>,
  io: CliIo,
): Promise<number> {
  const partials: Partial[] = [];
  const unreadable: string[] = [];
  for (const file of command.files) {
    try {
      partials.push(await readPartial(file));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      unreadable.push(...e.lines);
    }
  }
  if (unreadable.length > 0) throw new InputError(unreadable);
  const first = partials[0] as Partial;
  const spec = registry[first.header.command];
  if (spec === undefined) {
    throw new InputError(`${first.file}: a partial of '${first.header.command}', which this Fairpace cannot merge`);
  }
  const problems = [...mismatches(partials), ...coverage(partials)];
  if (problems.length > 0) throw new InputError(problems);

  const loaded = validateScenario(first.header.scenario);
  if (!loaded.ok) throw new InputError(loaded.problems.map((p) => `${first.file}: scenario: ${p.path}: ${p.message}`));
  const scenario = loaded.scenario;
  if (digestOf(scenario) !== first.header.scenarioDigest) {
    throw new InputError(`${first.file}: damaged: the scenario does not match its digest`);
  }
  const options = first.header.options;
  const plan = planOrInputError(spec, scenario, options);
  if (plan.tasks.length !== first.header.tasks) {
    throw new InputError(
      `${first.file}: the batch has ${plan.tasks.length} tasks here but ${first.header.tasks} when it was split`,
    );
  }
  const results: RunResult[] = new Array<RunResult>(plan.tasks.length);
  for (const p of partials) {
    const expected = shardIndices(plan.tasks.length, p.header.shard);
    if (canonicalJson(expected) !== canonicalJson(p.taskIndices)) {
      throw new InputError(`${p.file}: damaged: it does not hold the runs of shard ${shardText(p)}`);
    }
    p.taskIndices.forEach((task, i) => (results[task] = p.results[i] as RunResult));
  }
  if (command.junit !== undefined && !(options as { assertions?: unknown }).assertions) {
    throw new InputError('--junit: these partials are of a command without --assert or --assert-diff');
  }
  return spec.finish(plan.summarise(results), { scenario, options, out: command.out, junit: command.junit, io });
}

function shardText(p: Partial): string {
  return `${p.header.shard.index}/${p.header.shard.count}`;
}

/** One line per partial that does not belong with the first: command, version, scenario, options, shard count. */
function mismatches(partials: readonly Partial[]): string[] {
  const first = partials[0] as Partial;
  const problems: string[] = [];
  const a = first.header;
  if (a.fairpaceVersion !== FAIRPACE_VERSION) {
    problems.push(
      `${first.file}: made by Fairpace ${a.fairpaceVersion}; this is ${FAIRPACE_VERSION} (merge with the version that ran the shards)`,
    );
  }
  for (const p of partials.slice(1)) {
    const b = p.header;
    if (b.command !== a.command) {
      problems.push(`${p.file}: a partial of '${b.command}', not of '${a.command}' like ${first.file}`);
    } else if (b.fairpaceVersion !== a.fairpaceVersion) {
      problems.push(`${p.file}: made by Fairpace ${b.fairpaceVersion}, ${first.file} by ${a.fairpaceVersion}`);
    } else if (b.scenarioDigest !== a.scenarioDigest) {
      problems.push(
        `${p.file}: made from another scenario than ${first.file} (digest ${b.scenarioDigest.slice(0, 12)}… vs ${a.scenarioDigest.slice(0, 12)}…)`,
      );
    } else if (canonicalJson(b.options) !== canonicalJson(a.options)) {
      problems.push(`${p.file}: made with other options than ${first.file} (${firstDifference(a.options, b.options)})`);
    } else if (b.shard.count !== a.shard.count) {
      problems.push(`${p.file}: shard ${shardText(p)}, but ${first.file} is shard ${shardText(first)}`);
    }
  }
  return problems;
}

/** Every shard 1..n exactly once. */
function coverage(partials: readonly Partial[]): string[] {
  const count = (partials[0] as Partial).header.shard.count;
  const byIndex = new Map<number, string[]>();
  for (const p of partials) byIndex.set(p.header.shard.index, [...(byIndex.get(p.header.shard.index) ?? []), p.file]);
  const problems: string[] = [];
  for (let k = 1; k <= count; k++) {
    const files = byIndex.get(k) ?? [];
    if (files.length === 0) problems.push(`shard ${k}/${count} is missing`);
    if (files.length > 1) problems.push(`shard ${k}/${count} is given ${files.length} times: ${files.join(', ')}`);
  }
  return problems;
}

/** The first top-level option whose value differs, as `name: a vs b`. */
function firstDifference(a: unknown, b: unknown): string {
  const x = (a ?? {}) as Record<string, unknown>;
  const y = (b ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  const show = (v: unknown) => {
    const text = v === undefined ? 'not set' : canonicalJson(v);
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
  };
  const key = keys.find((k) => canonicalJson(x[k] ?? null) !== canonicalJson(y[k] ?? null));
  return key === undefined ? 'options differ' : `${key}: ${show(y[key])} vs ${show(x[key])}`;
}
