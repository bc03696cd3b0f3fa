/**
 * `fairpace calibrate --fit`: searches scenario parameters within given bounds to bring the targets inside their
 * ranges, on common random numbers (every evaluation runs the same seeds), with the Nelder–Mead simplex over the
 * parameters scaled to [0, 1]. The loss is `calibrationLoss`: the squared distances outside the observed ranges, in
 * units of each range's width.
 */
import { getPath, ScenarioPathError, withParam } from '../../scenario/paths.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { runInProcess, type Executor } from '../runTasks.ts';
import { calibrateBatch, type CalibrateOptions, type CalibrationResult } from './calibrate.ts';
import { calibrationLoss } from './evaluate.ts';
import { nelderMead } from './nelderMead.ts';
import type { TargetsFile } from './targets.ts';

/** One parameter to fit and its bounds. */
export interface FitParam {
  path: string;
  lo: number;
  hi: number;
}

/** What to fit and how long to search. */
export interface FitOptions extends CalibrateOptions {
  params: FitParam[];
  /** Most scenario evaluations (each runs every target arm × replication); default 40. */
  maxEvaluations?: number;
}

/** One evaluation of the search. */
export interface FitStep {
  values: Record<string, number>;
  loss: number;
}

/** The fitted scenario and how it was found. */
export interface FitResult {
  /** The scenario at the best values, with `meta.calibration` recording the fit. */
  scenario: Scenario;
  parameters: Record<string, number>;
  loss: number;
  startLoss: number;
  evaluations: number;
  steps: FitStep[];
  /** The model against the targets at the fitted values. */
  report: CalibrationResult;
}

/** Called after each evaluation with its number, the budget and the best loss so far. */
export type FitProgress = (evaluation: number, budget: number, bestLoss: number) => void;

/** Thrown inside the objective to stop the search (budget spent, or every target within). */
class StopSearch extends Error {}

/** A parameter value rounded to 6 significant digits, so a fitted file reads well and reproduces exactly. */
function tidy(value: number): number {
  return Number(value.toPrecision(6));
}

/** Checks the parameters before any run: numeric paths, lo < hi, and both bounds valid for the scenario. */
export function checkFitParams(scenario: Scenario, params: readonly FitParam[]): void {
  if (params.length === 0) throw new ScenarioPathError('--fit needs at least one parameter');
  const seen = new Set<string>();
  for (const p of params) {
    if (seen.has(p.path)) throw new ScenarioPathError(`${p.path}: given twice`);
    seen.add(p.path);
    const current = getPath(scenario, p.path);
    if (typeof current !== 'number') {
      throw new ScenarioPathError(
        current === undefined ? `${p.path}: no such parameter in the scenario` : `${p.path}: not a numeric parameter`,
      );
    }
    if (!(p.lo < p.hi)) throw new ScenarioPathError(`${p.path}: the lower bound ${p.lo} is not below ${p.hi}`);
    withParam(scenario, p.path, p.lo);
    withParam(scenario, p.path, p.hi);
  }
}

/** Fits the parameters; every evaluation runs its tasks with `execute` (in this thread by default). */
export async function fitScenario(
  scenario: Scenario,
  targets: TargetsFile,
  options: FitOptions,
  execute: Executor = runInProcess,
  onProgress?: FitProgress,
): Promise<FitResult> {
  const { params } = options;
  checkFitParams(scenario, params);
  const budget = options.maxEvaluations ?? 40;
  const valuesAt = (x: readonly number[]): Record<string, number> =>
    Object.fromEntries(
      params.map((p, i) => {
        const u = Math.min(1, Math.max(0, x[i] ?? 0));
        return [p.path, tidy(p.lo + u * (p.hi - p.lo))];
      }),
    );
  const scenarioAt = (values: Record<string, number>): Scenario =>
    params.reduce((s, p) => withParam(s, p.path, values[p.path] as number), scenario);
  const evaluate = async (values: Record<string, number>): Promise<CalibrationResult> => {
    const plan = calibrateBatch(scenarioAt(values), targets, options);
    return plan.summarise(await execute(plan.tasks));
  };

  const steps: FitStep[] = [];
  const reports = new Map<string, CalibrationResult>();
  let best: FitStep | undefined;
  const objective = async (x: number[]): Promise<number> => {
    const values = valuesAt(x);
    const key = JSON.stringify(values);
    const known = reports.get(key);
    if (known !== undefined) return calibrationLoss(known);
    if (steps.length >= budget) throw new StopSearch();
    const report = await evaluate(values);
    reports.set(key, report);
    const step = { values, loss: calibrationLoss(report) };
    steps.push(step);
    if (!best || step.loss < best.loss) best = step;
    onProgress?.(steps.length, budget, best.loss);
    if (step.loss === 0) throw new StopSearch();
    return step.loss;
  };

  const start = params.map((p) => {
    const v = getPath(scenario, p.path) as number;
    return Math.min(1, Math.max(0, (v - p.lo) / (p.hi - p.lo)));
  });
  try {
    // Steps of a quarter of each range for the first simplex: smaller ones drown in the simulation's granularity.
    await nelderMead(objective, start, {
      step: start.every((u) => u > 0.75) ? -0.25 : 0.25,
      maxIterations: budget,
      tolerance: 1e-9,
    });
  } catch (e) {
    if (!(e instanceof StopSearch)) throw e;
  }
  const found = best as FitStep;
  const report = reports.get(JSON.stringify(found.values)) as CalibrationResult;
  const fitted = scenarioAt(found.values);
  const result: Scenario = {
    ...fitted,
    meta: {
      ...fitted.meta,
      calibration: {
        targetsName: targets.name,
        targetsDigest: report.targetsDigest,
        loss: found.loss,
        parameters: found.values,
        evaluations: steps.length,
        seeds: report.seeds,
      },
    },
  };
  return {
    scenario: result,
    parameters: found.values,
    loss: found.loss,
    startLoss: steps[0]?.loss ?? found.loss,
    evaluations: steps.length,
    steps,
    report,
  };
}
