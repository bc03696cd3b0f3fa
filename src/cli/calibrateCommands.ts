/**
 * `fairpace calibrate`: the model against published figures, target by target (a batch command, so it shards), and
 * `--fit`, which searches scenario parameters to bring the targets inside their ranges and writes the fitted scenario.
 */
import {
  calibrateBatch,
  checkFitParams,
  DEFAULT_TARGETS,
  DEFAULT_TARGETS_PATH,
  fitScenario,
  loadTargets,
  runInProcess,
  TargetsProblemError,
  type CalibrationResult,
  type TargetRow,
  type TargetsFile,
} from '../analysis/index.ts';
import { availableParallelism } from 'node:os';
import { taskSizes } from '../analysis/runCost.ts';
import { ScenarioPathError } from '../scenario/paths.ts';
import { batchCommand } from './batch.ts';
import type { CalibrateCommand, CalibrateFormat } from './calibrateArgs.ts';
import type { CliIo } from './cliIo.ts';
import { EXIT_OK, InputError } from './errors.ts';
import { emit, jsonText, readBoundedFile, readScenarioFile, writeFileAtomic } from './files.ts';
import { differenceUnit, formatMetric, formatPlain, metricUnit } from './metricFormat.ts';
import { withExecutor } from '../node/pool.ts';
import { withRunCache } from './runStore.ts';
import { guardRunCost } from './runEstimate.ts';
import { withSuggestions } from './suggest.ts';

/** Exit code of `--check` when a target is outside its range. */
export const EXIT_OUTSIDE = 1;

/** Largest targets file read (a targets file is a few kilobytes). */
const MAX_TARGETS_BYTES = 4 * 1024 * 1024;

/** Reads a targets file, or the default one; bad input exits 2 with one `<file>: <path>: <message>` line each. */
export async function readTargets(file: string | undefined): Promise<{ name: string; targets: TargetsFile }> {
  if (file === undefined) return { name: DEFAULT_TARGETS_PATH, targets: DEFAULT_TARGETS };
  const bytes = await readBoundedFile(file, MAX_TARGETS_BYTES);
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const loaded = loadTargets(text);
  if (!loaded.ok) throw new InputError(loaded.problems.map((p) => `${file}: ${p.path}: ${p.message}`));
  return { name: file, targets: loaded.targets };
}

/** What decides a calibration and its output (they travel in shard files). */
interface CalibrateJob {
  targetsFile: string;
  targets: TargetsFile;
  replications?: number;
  seed?: number;
  format: CalibrateFormat;
  check: boolean;
}

/** A targets file naming arms the scenario lacks: one located line per problem, under the file's name. */
function plan(scenario: Parameters<typeof calibrateBatch>[0], o: CalibrateJob) {
  try {
    return calibrateBatch(scenario, o.targets, o);
  } catch (e) {
    if (e instanceof TargetsProblemError) {
      throw new RangeError(e.problems.map((p) => `${o.targetsFile}: ${p.path}: ${p.message}`).join('\n'));
    }
    throw e;
  }
}

/** `fairpace calibrate` without `--fit`: every target arm × replication in one batch. */
export const calibrateBatchCommand = batchCommand({
  async options(c: CalibrateCommand): Promise<CalibrateJob> {
    const { name, targets } = await readTargets(c.targets);
    return { targetsFile: name, targets, replications: c.replications, seed: c.seed, format: c.format, check: c.check };
  },
  plan,
  async finish(result: CalibrationResult, { scenario, options, out, io }) {
    const text = options.format === 'json' ? jsonText(result) : formatCalibrationTable(result, scenario.meta.name);
    await emit(text, out, io);
    return options.check && result.summary.within < result.rows.length ? EXIT_OUTSIDE : EXIT_OK;
  },
});

/** `fairpace calibrate --fit`: the search, then the fitted scenario to `--out` and its calibration to stdout. */
export async function fitCommand(command: CalibrateCommand, io: CliIo): Promise<number> {
  const scenario = await readScenarioFile(command.file, io);
  const { targets, name } = await readTargets(command.targets);
  const params = command.fit ?? [];
  let evaluation;
  try {
    checkFitParams(scenario, params);
    evaluation = plan(scenario, {
      targetsFile: name,
      targets,
      format: command.format,
      check: command.check,
      replications: command.replications,
    });
  } catch (e) {
    if (e instanceof ScenarioPathError) throw new InputError(withSuggestions([`--fit: ${e.message}`], scenario));
    if (e instanceof RangeError) throw new InputError(e.message.split('\n'));
    throw e;
  }
  const show = !command.quiet;
  const live = show && io.stderrIsTTY;
  const threads = command.workers ?? availableParallelism();
  // The fit runs at most --max-evaluations calibrations, one at a time.
  const perEvaluation = taskSizes(evaluation.tasks);
  guardRunCost(
    'fairpace calibrate --fit',
    Array.from({ length: command.maxEvaluations ?? 40 }, () => perEvaluation).flat(),
    { threads: Math.min(threads, perEvaluation.length) },
    command,
    io,
    true,
  );
  // One pool for every evaluation of the search: threads start once, and each gets a scenario once.
  const fit = await withExecutor(threads, runInProcess, (executor) => {
    const cached = withRunCache(executor, command, {}, io);
    return fitScenario(
      scenario,
      targets,
      { params, replications: command.replications, seed: command.seed, maxEvaluations: command.maxEvaluations },
      cached.executor,
      (n, budget, best) => {
        if (live) io.stderr(`\rfit: evaluation ${n} of at most ${budget}, best loss ${best.toPrecision(4)}   `);
      },
    ).finally(cached.report);
  });
  if (live) io.stderr('\n');
  await writeFileAtomic(command.out as string, jsonText(fit.scenario));
  const values = Object.entries(fit.parameters)
    .map(([p, v]) => `${p} = ${v}`)
    .join(', ');
  if (show) {
    io.stderr(
      `fit: ${values}; loss ${fit.startLoss.toPrecision(4)} → ${fit.loss.toPrecision(4)} after ${fit.evaluations} evaluations; wrote ${command.out}\n`,
    );
  }
  io.stdout(command.format === 'json' ? jsonText(fit.report) : formatCalibrationTable(fit.report, scenario.meta.name));
  return command.check && fit.report.summary.within < fit.report.rows.length ? EXIT_OUTSIDE : EXIT_OK;
}

/** An observed range or value in the metric's display unit. */
function observedText(row: TargetRow): string {
  if ('value' in row.observed) return formatMetric(row.observed.value, row.metric);
  const [lo, hi] = row.observed.range;
  return `${formatMetric(lo, row.metric)}–${formatMetric(hi, row.metric)}`;
}

/** Where the model stands: `within`, or `below`/`above` by how much, in the metric's unit. */
function statusText(row: TargetRow): string {
  if (row.status === 'within') return 'within';
  const unit = differenceUnit(row.metric);
  // A miss that rounds to zero in the metric's usual digits still shows how small it is.
  const usual = formatMetric(row.by, row.metric);
  const by = Number(usual) === 0 ? formatPlain(Number(row.by.toPrecision(2)) * (unit === 'pp' ? 100 : 1)) : usual;
  return `${row.status} by ${by}${unit ? ` ${unit}` : ''}`;
}

/** The calibration as a plain-text table: one row per target, then the counts. */
export function formatCalibrationTable(result: CalibrationResult, scenarioName: string): string {
  const first = result.seeds[0];
  const last = result.seeds.at(-1);
  const seeds = first === last ? `${first}` : `${first}..${last}`;
  const head = ['target', 'arm', 'metric', 'unit', 'observed', 'model', '95% CI', 'status', 'strength'];
  const rows = result.rows.map((r) => [
    r.id,
    r.arm,
    r.metric,
    metricUnit(r.metric),
    observedText(r),
    formatMetric(r.model.mean, r.metric),
    `[${formatMetric(r.model.ci95[0], r.metric)}, ${formatMetric(r.model.ci95[1], r.metric)}]`,
    statusText(r),
    r.strength,
  ]);
  const widths = head.map((_, c) => Math.max(...[head, ...rows].map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  const s = result.summary;
  return [
    `Scenario: ${scenarioName} (digest ${result.scenarioDigest.slice(0, 12)})`,
    `Targets: ${result.targetsName} (digest ${result.targetsDigest.slice(0, 12)})`,
    `Replications: ${result.seeds.length} per arm, seeds ${seeds}; Fairpace ${result.fairpaceVersion}`,
    '',
    line(head),
    ...rows.map(line),
    '',
    `${s.within} within, ${s.below} below, ${s.above} above the observed range (of ${result.rows.length} targets).`,
    'A range is judged by the model mean; a single observed value by whether the 95% interval covers it.',
    '',
  ].join('\n');
}
