/** Entry point of the model: one run of one arm of a scenario with one seed. */
import { rulesForArm } from '../scenario/rulesForArm.ts';
import type { Rules, Scenario } from '../scenario/schema.ts';
import { computeCompliance } from './compliance.ts';
import { runEngine } from './engine.ts';
import { courierDaysOf, summarise } from './metrics.ts';
import { runReplay } from './replay.ts';
import { mdrpMetrics } from './replayMetrics.ts';
import type { RunResult } from './results.ts';
import type { DispatchWork } from './rollingDispatch.ts';
import type { WarmupCache } from './warmup.ts';

/** Options of one run. */
export interface SimulateOptions {
  /** Keep one row per courier-day in the result (for evidence packs). */
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

/** Runs one replication of one arm; pure and deterministic in (scenario, armId, seed). */
export function simulate(scenario: Scenario, armId: string, seed: number, options: SimulateOptions = {}): RunResult {
  const rules = rulesForArm(scenario, armId);
  if (scenario.kind === 'replay') return simulateReplay(scenario, rules, armId, seed, options);
  const { tally, population, trace } = runEngine({
    scenario,
    rules,
    seed,
    trace: options.orders === true,
    ...(options.warmups ? { warmups: options.warmups } : {}),
    ...(options.work ? { work: options.work } : {}),
  });
  const summary = summarise(scenario, rules, tally);
  const heat = { heat40CourierDays: tally.heat40CourierDays, heat37MaxOnlineHours: tally.heat37MaxOnlineHours };
  const result: RunResult = {
    armId,
    seed,
    ...summary,
    heat,
    compliance: computeCompliance(scenario, rules, summary.metrics, heat),
  };
  if (options.courierDays) result.courierDays = courierDaysOf(tally, population.crowd, population.isNew);
  if (trace) result.orders = trace.columns;
  return result;
}

/** A replay run: the MDRP instance dispatched under the arm's rules, with the MDRP figures in `metrics.mdrp`. */
function simulateReplay(
  scenario: Scenario,
  rules: Rules,
  armId: string,
  seed: number,
  options: SimulateOptions,
): RunResult {
  const replay = runReplay(scenario, rules, seed, options.work);
  const summary = summarise(scenario, rules, replay.tally);
  if (scenario.replay) {
    summary.metrics.mdrp = mdrpMetrics(scenario.replay, replay.solution, replay.courierOrders, replay.courierBusyMin);
  }
  const heat = { heat40CourierDays: 0, heat37MaxOnlineHours: 0 };
  const result: RunResult = {
    armId,
    seed,
    ...summary,
    heat,
    compliance: computeCompliance(scenario, rules, summary.metrics, heat),
  };
  if (options.courierDays) {
    const n = scenario.replay?.couriers.length ?? 0;
    result.courierDays = courierDaysOf(replay.tally, new Uint8Array(n), new Uint8Array(n));
  }
  if (options.solution) result.solution = replay.solution;
  return result;
}
