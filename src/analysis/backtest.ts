/**
 * Back-tests (issue 24 items 3–4): the model against a rule change that really happened. A back-test file names a
 * preset, the seeds to run and the observed figures, each a per-step series of the model's order trace read at one
 * step or as the change between two steps. The figures are computed from the trace, not from the run's metrics, so a
 * back-test can read a distance band (the 3 km promise) that no metric reports. A figure may instead read a run
 * metric over the whole run (`metric`), and may be the relative change in percent from another arm of the same seed
 * (`versusArm`): a rule that was switched on, against the same city without it. Pure: the caller runs the scenario.
 */
import { z } from 'zod';
import type { Problem } from '../scenario/load.ts';
import { loadJsonFile } from './jsonFile.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { OrderTraceColumns } from '../sim/orderTrace.ts';
import type { Metrics } from '../sim/results.ts';
import { isMetricPath } from './metricList.ts';
import { metricAt } from './metricPaths.ts';
import type { CancelSignal, Executor, ProgressFn, RunTask } from './runTasks.ts';
import { meanInterval, type Difference } from './stats.ts';

/** The per-step series a back-test can read, from the order trace. */
export const BACKTEST_SERIES = {
  /** Mean promise of orders of 2.75–3.25 road km, minutes from the click. */
  promise3kmMin: { zh: '3 公里订单的承诺时长（分钟）', en: 'promise for 3 km orders (min)' },
  /** Mean click-to-door time of delivered orders, minutes. */
  clickToDoorMin: { zh: '平均送达用时（分钟）', en: 'mean click-to-door (min)' },
} as const;

/** The name of a back-test series. */
export type BacktestSeriesName = keyof typeof BACKTEST_SERIES;

const seriesNames = Object.keys(BACKTEST_SERIES) as [BacktestSeriesName, ...BacktestSeriesName[]];

/**
 * One observed figure: the series at `step`, or its change from `fromStep` to `step`; or a run metric over the whole
 * run (`metric`, with `fromStep` 0 and `step` the last day). With `versusArm`, the figure is the relative change in
 * percent from that arm to `arm`, seed by seed: 100 × (arm − versusArm) / versusArm.
 */
export const BacktestFigure = z
  .strictObject({
    id: z.string().min(1),
    arm: z.string().min(1),
    series: z.enum(seriesNames).optional(),
    /** A scalar metric path of the run (e.g. safety.redLightRunsPerCourierDay), read over the whole run. */
    metric: z
      .string()
      .min(1)
      .refine(isMetricPath, { message: 'not a metric path of a run (see docs/model.md section 10)' })
      .optional(),
    /** The arm the figure is a relative change from, in percent (the same seeds). */
    versusArm: z.string().min(1).optional(),
    step: z.int().min(0),
    fromStep: z.int().min(0).optional(),
    observed: z.number().finite(),
    source: z.string().min(1),
    strength: z.enum(['weak', 'medium', 'high']),
    note: z.string().default(''),
    /** What the figure is, for readers (the workbench's table): e.g. "2017 年（第 52 周）3 公里订单的时限". */
    label: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }).optional(),
  })
  .refine((f) => f.fromStep === undefined || f.fromStep < f.step, {
    message: 'fromStep must come before step',
    path: ['fromStep'],
  })
  .refine((f) => (f.series === undefined) !== (f.metric === undefined), {
    message: 'a figure reads either a series or a metric',
    path: ['series'],
  })
  .refine((f) => f.versusArm === undefined || f.versusArm !== f.arm, {
    message: 'versusArm must be another arm',
    path: ['versusArm'],
  })
  .refine((f) => f.versusArm === undefined || f.metric !== undefined || f.fromStep === undefined, {
    message: 'a series figure against another arm reads one step: leave fromStep out',
    path: ['fromStep'],
  });

/** A back-test file (scenarios/backtests/*.json). */
export const BacktestFile = z.strictObject({
  schemaVersion: z.literal(1),
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string().default(''),
  /** The preset it runs, a path relative to the back-test file. */
  scenario: z.string().min(1),
  /** Seeds 1..seeds. */
  seeds: z.int().min(1).max(100),
  figures: z.array(BacktestFigure).min(1),
});

/** A parsed back-test file. */
export type BacktestFile = z.infer<typeof BacktestFile>;
/** One observed figure of a back-test file. */
export type BacktestFigure = z.infer<typeof BacktestFigure>;

/** A back-test file read from text: the file, or one located problem per thing wrong. */
export type BacktestLoad = { ok: true; file: BacktestFile } | { ok: false; problems: Problem[] };

/** Reads a back-test file's text (JSON); never throws for bad input. */
export function loadBacktest(text: string): BacktestLoad {
  const loaded = loadJsonFile(BacktestFile, text);
  return loaded.ok ? { ok: true, file: loaded.value } : { ok: false, problems: loaded.problems };
}

/** Road km of the 3 km band: the orders whose promise the 3 km series averages. */
export const BAND_3KM: readonly [number, number] = [2.75, 3.25];

/** The series of one run, one value per day (NaN for a day without such orders). */
export type BacktestRunSeries = Record<BacktestSeriesName, number[]>;

/** Reads every back-test series of a run's order trace, per reported day. */
export function backtestSeries(trace: OrderTraceColumns, days: number): BacktestRunSeries {
  const promise = new Float64Array(days);
  const promiseN = new Float64Array(days);
  const c2d = new Float64Array(days);
  const c2dN = new Float64Array(days);
  for (let i = 0; i < trace.placeSec.length; i++) {
    const day = trace.day[i] as number;
    if (!(day >= 0 && day < days)) continue;
    const placed = trace.placeSec[i] as number;
    const delivered = trace.deliveredSec[i] as number;
    if (Number.isFinite(delivered)) {
      c2d[day] = (c2d[day] as number) + (delivered - placed) / 60;
      c2dN[day] = (c2dN[day] as number) + 1;
    }
    const km = trace.roadKm[i] as number;
    if (km >= BAND_3KM[0] && km <= BAND_3KM[1]) {
      promise[day] = (promise[day] as number) + ((trace.promiseSec[i] as number) - placed) / 60;
      promiseN[day] = (promiseN[day] as number) + 1;
    }
  }
  const ratio = (sum: Float64Array, n: Float64Array) =>
    Array.from(sum, (s, d) => ((n[d] as number) > 0 ? s / (n[d] as number) : Number.NaN));
  return { promise3kmMin: ratio(promise, promiseN), clickToDoorMin: ratio(c2d, c2dN) };
}

/**
 * A series' level at a step: the mean of the steps within `halfWidth` of it (a step of a small city holds about
 * a hundred 3 km orders, so one step alone is noisy). NaN steps are skipped.
 */
export function levelAt(series: readonly number[], step: number, halfWidth: number): number {
  let sum = 0;
  let n = 0;
  for (let d = Math.max(0, step - halfWidth); d <= Math.min(series.length - 1, step + halfWidth); d++) {
    const v = series[d] as number;
    if (Number.isNaN(v)) continue;
    sum += v;
    n++;
  }
  return n > 0 ? sum / n : Number.NaN;
}

/** How many steps on each side a level averages over. */
export const LEVEL_HALF_WIDTH = 2;

/** One figure, model against observed. */
export interface BacktestRow {
  figure: BacktestFigure;
  /** The model's value over seeds, with its 95% t interval. */
  model: Difference;
  /** model − observed. */
  gap: number;
  /** Whether the observed value lies inside the model's 95% interval. */
  covered: boolean;
}

/** The steps a figure reads, checked against the scenario's days: a problem per figure that reads past the end. */
export function figureProblems(file: BacktestFile, days: number, arms: readonly string[]): string[] {
  const problems: string[] = [];
  file.figures.forEach((f, i) => {
    if (!arms.includes(f.arm)) problems.push(`figures[${i}].arm: the scenario has no arm "${f.arm}"`);
    if (f.versusArm !== undefined && !arms.includes(f.versusArm))
      problems.push(`figures[${i}].versusArm: the scenario has no arm "${f.versusArm}"`);
    if (f.step >= days) problems.push(`figures[${i}].step: ${f.step} is past the scenario's last day (${days - 1})`);
    else if (f.metric !== undefined && (f.step !== days - 1 || f.fromStep !== 0))
      problems.push(
        `figures[${i}].step: a metric figure reads the whole run: fromStep 0 and step ${days - 1} (the last day)`,
      );
  });
  return problems;
}

/** A figure's value in one run, before any comparison with another arm. */
function figureValue(figure: BacktestFigure, series: BacktestRunSeries | undefined, metrics: Metrics | undefined) {
  if (figure.metric !== undefined) return (metrics && metricAt(metrics, figure.metric)) ?? Number.NaN;
  if (!series || figure.series === undefined) return Number.NaN;
  const values = series[figure.series];
  const at = levelAt(values, figure.step, LEVEL_HALF_WIDTH);
  return figure.fromStep === undefined ? at : at - levelAt(values, figure.fromStep, LEVEL_HALF_WIDTH);
}

/**
 * Holds each figure against the runs' series and metrics (per arm, one per seed, in seed order); metrics are needed
 * only by metric figures.
 */
export function evaluateBacktest(
  file: BacktestFile,
  seriesByArm: Readonly<Record<string, readonly BacktestRunSeries[]>>,
  metricsByArm: Readonly<Record<string, readonly Metrics[]>> = {},
): BacktestRow[] {
  return file.figures.map((figure) => {
    const seeds = Math.max((seriesByArm[figure.arm] ?? []).length, (metricsByArm[figure.arm] ?? []).length);
    const valueOf = (arm: string, k: number) => figureValue(figure, seriesByArm[arm]?.[k], metricsByArm[arm]?.[k]);
    const values = Array.from({ length: seeds }, (_, k) => {
      const value = valueOf(figure.arm, k);
      if (figure.versusArm === undefined) return value;
      const base = valueOf(figure.versusArm, k);
      return (100 * (value - base)) / base;
    });
    const model = meanInterval(values);
    const [lo, hi] = model.ci95;
    return {
      figure,
      model,
      gap: model.mean - figure.observed,
      covered: figure.observed >= lo && figure.observed <= hi,
    };
  });
}

/** A back-test's outcome: each figure against the model, and the seeds run. */
export interface BacktestResult {
  id: string;
  name: string;
  seeds: number[];
  rows: BacktestRow[];
  /** Per arm a series figure names, each series averaged over seeds, day by day (for charts). */
  meanSeries: Record<string, BacktestRunSeries>;
}

/** Thrown when a back-test file does not fit its scenario (a figure past the last day, an arm it lacks). */
export class BacktestProblemError extends RangeError {
  override name = 'BacktestProblemError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/**
 * Runs a back-test: every arm a figure names, seeds 1..`seeds` (the file's unless given), with the order trace,
 * through `executor`; the series are read from each run's trace and the trace is dropped.
 */
export async function runBacktest(
  file: BacktestFile,
  scenario: Scenario,
  executor: Executor,
  options: { seeds?: number; onProgress?: ProgressFn; signal?: CancelSignal } = {},
): Promise<BacktestResult> {
  const problems = figureProblems(
    file,
    scenario.time.days,
    scenario.arms.map((a) => a.id),
  );
  if (problems.length > 0) throw new BacktestProblemError(problems);
  const figureArms = (f: BacktestFigure) => (f.versusArm === undefined ? [f.arm] : [f.arm, f.versusArm]);
  const arms = [...new Set(file.figures.flatMap(figureArms))];
  // Only arms a series figure reads keep their order trace (a month of orders is large, and metrics come anyway).
  const traced = new Set(file.figures.filter((f) => f.series !== undefined).flatMap(figureArms));
  const seeds = Array.from({ length: options.seeds ?? file.seeds }, (_, k) => k + 1);
  const tasks: RunTask[] = arms.flatMap((armId) =>
    seeds.map((seed) => ({ scenario, armId, seed, ...(traced.has(armId) ? { orders: true } : {}) })),
  );
  const results = await executor(tasks, options.onProgress, options.signal);
  const seriesByArm: Record<string, BacktestRunSeries[]> = {};
  const metricsByArm: Record<string, Metrics[]> = {};
  results.forEach((result, i) => {
    const armId = (tasks[i] as RunTask).armId;
    (metricsByArm[armId] ??= []).push(result.metrics);
    if (!traced.has(armId)) return;
    if (!result.orders) throw new Error(`run ${armId}/${(tasks[i] as RunTask).seed} returned no order trace`);
    (seriesByArm[armId] ??= []).push(backtestSeries(result.orders, scenario.time.days));
  });
  const meanSeries: Record<string, BacktestRunSeries> = {};
  for (const [armId, runs] of Object.entries(seriesByArm)) meanSeries[armId] = meanOfSeries(runs);
  return { id: file.id, name: file.name, seeds, rows: evaluateBacktest(file, seriesByArm, metricsByArm), meanSeries };
}

/** Each series averaged over runs, day by day (NaN days skipped). */
export function meanOfSeries(runs: readonly BacktestRunSeries[]): BacktestRunSeries {
  const mean = (name: BacktestSeriesName) => {
    const days = Math.max(0, ...runs.map((r) => r[name].length));
    return Array.from({ length: days }, (_, d) => {
      const values = runs.map((r) => r[name][d] as number).filter((v) => !Number.isNaN(v));
      return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
    });
  };
  return { promise3kmMin: mean('promise3kmMin'), clickToDoorMin: mean('clickToDoorMin') };
}

/**
 * The first step from which a series, as 5-step levels, stays within `toleranceMin` of its level at the end: when
 * the ratchet has settled.
 */
export function settledStep(series: readonly number[], toleranceMin = 1): number {
  const last = series.length - 1;
  const end = levelAt(series, last, 2 * LEVEL_HALF_WIDTH);
  let from = last;
  while (from > 0 && Math.abs(levelAt(series, from - 1, LEVEL_HALF_WIDTH) - end) <= toleranceMin) from--;
  return from;
}
