/** Entry point of the model: one run of one arm of a scenario with one seed. */
import { rulesForArm } from '../scenario/rulesForArm.ts';
import type { Rules, Scenario } from '../scenario/schema.ts';
import { computeCompliance } from './compliance.ts';
import { runEngine } from './engine.ts';
import { courierDaysOf, summarise } from './metrics.ts';
import type { OrderTraceColumns } from './orderTrace.ts';
import { runReplay } from './replay.ts';
import { mdrpMetrics } from './replayMetrics.ts';
import type { HeatExposure, MdrpMetrics, ReplaySolution, RunResult } from './results.ts';
import type { DispatchWork } from './rollingDispatch.ts';
import type { Tally } from './tally.ts';
import type { WarmupCache } from './warmup.ts';

/** Options of one run. */
export interface SimulateOptions {
  /**
   * Keep one row per courier-day in the result (for evidence packs). Without it the run keeps only the courier-day
   * figures its metrics read, and its metrics are the same.
   */
  courierDays?: boolean;
  /** Keep a replay's solution (assignments, order times, courier moves) in the result, for MDRP export. */
  solution?: boolean;
  /** Keep one row per order of the reported days (synthetic scenarios), for `fairpace run --orders`. */
  orders?: boolean;
  /** Warm-up states to reuse across runs of the same seed (a cache owned by the caller; results are the same). */
  warmups?: WarmupCache;
  /** Where to count dispatch's work (bench/): considered orders, evaluations, orders left waiting. */
  work?: DispatchWork;
}

/** What a run of either kind leaves for its result. */
interface Run {
  tally: Tally;
  /** Crowd and new couriers (none in a replay). */
  crowd: Uint8Array;
  isNew: Uint8Array;
  heat: HeatExposure;
  mdrp?: MdrpMetrics;
  solution?: ReplaySolution;
  orders?: OrderTraceColumns;
}

/** A synthetic run: the engine with drawn demand and couriers. */
function syntheticRun(scenario: Scenario, rules: Rules, seed: number, options: SimulateOptions): Run {
  const { tally, population, trace } = runEngine({
    scenario,
    rules,
    seed,
    trace: options.orders === true,
    courierDayRows: options.courierDays === true,
    ...(options.warmups ? { warmups: options.warmups } : {}),
    ...(options.work ? { work: options.work } : {}),
  });
  const heat = { heat40CourierDays: tally.heat40CourierDays, heat37MaxOnlineHours: tally.heat37MaxOnlineHours };
  const run: Run = { tally, crowd: population.crowd, isNew: population.isNew, heat };
  if (trace) run.orders = trace.columns;
  return run;
}

/**
 * A replay run: the MDRP instance dispatched under the arm's rules, with the MDRP figures. It reports no heat
 * exposure: the instance's shifts are what they were, whatever the day's weather.
 */
function replayRun(scenario: Scenario, rules: Rules, seed: number, options: SimulateOptions): Run {
  const replay = runReplay(scenario, rules, seed, options.work, options.courierDays === true);
  const n = scenario.replay?.couriers.length ?? 0;
  const heat = { heat40CourierDays: 0, heat37MaxOnlineHours: 0 };
  const run: Run = { tally: replay.tally, crowd: new Uint8Array(n), isNew: new Uint8Array(n), heat };
  if (scenario.replay) {
    run.mdrp = mdrpMetrics(scenario.replay, replay.solution, replay.courierOrders, replay.courierBusyMin);
  }
  if (options.solution) run.solution = replay.solution;
  return run;
}

/** Runs one replication of one arm; pure and deterministic in (scenario, armId, seed). */
export function simulate(scenario: Scenario, armId: string, seed: number, options: SimulateOptions = {}): RunResult {
  const rules = rulesForArm(scenario, armId);
  const run = (scenario.kind === 'replay' ? replayRun : syntheticRun)(scenario, rules, seed, options);
  const { tally, heat } = run;
  const summary = summarise(scenario, rules, tally);
  if (run.mdrp) summary.metrics.mdrp = run.mdrp;
  const result: RunResult = {
    armId,
    seed,
    ...summary,
    heat,
    compliance: computeCompliance(scenario, rules, summary.metrics, heat),
  };
  if (options.courierDays) result.courierDays = courierDaysOf(tally, run.crowd, run.isNew);
  if (run.solution) result.solution = run.solution;
  if (run.orders) result.orders = run.orders;
  return result;
}
