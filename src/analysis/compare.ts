/** Paired comparison of arms over replications with common random numbers (MODEL.md section 10). */
import { flowParties, FLOWS, zeroFlows, type FlowAmounts, type FlowParties } from '../sim/flows.ts';
import { rulesForArm } from '../scenario/rulesForArm.ts';
import { digestOf } from '../scenario/canonical.ts';
import { SCHEMA_VERSION, type Scenario } from '../scenario/schema.ts';
import { computeCompliance } from '../sim/compliance.ts';
import type { ComplianceCheck, DayMetrics, HeatExposure, HourMetrics, Metrics, RunResult } from '../sim/results.ts';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../version.ts';
import { differencePaths, meanOf, metricAt } from './metricPaths.ts';
import type { BatchPlan } from './batchPlan.ts';
import { runInProcess, seedsFor, type Executor, type ProgressFn, type RunTask, type CancelSignal } from './runTasks.ts';
import { pairedDifference, type Difference } from './stats.ts';

/** Which arms, how many replications and which seeds a comparison uses (scenario values when left out). */
export interface CompareOptions {
  arms?: string[];
  replications?: number;
  seed?: number;
}

/** One arm's replications summarised: metrics and per-day series averaged, compliance on the averages. */
export interface ArmSummary {
  id: string;
  label: string;
  metrics: Metrics;
  perDay: DayMetrics[];
  perHour: HourMetrics[];
  speedHistogramKm: number[];
  compliance: ComplianceCheck[];
  /** Where each delivered order's yuan goes: every ledger flow per delivered order (mean over replications), and who pays and receives each under this arm's rules. */
  money: { flowsPerOrder: FlowAmounts; parties: FlowParties };
}

/** The `fairpace compare` output. `differences` is the second arm minus the first. */
export interface Comparison {
  schemaVersion: number;
  fairpaceVersion: string;
  /** The model fingerprint of the build that computed this (SHA-256 over src/sim and the scenario defaults). */
  modelDigest: string;
  scenarioDigest: string;
  seeds: number[];
  arms: ArmSummary[];
  differences: Record<string, Difference>;
  /** With more than two arms: each further arm minus the first, keyed by arm id. */
  differencesVsFirst?: Record<string, Record<string, Difference>>;
}

/** The task list of a comparison: arm-major, seed-minor. */
export interface ComparePlan {
  armIds: string[];
  seeds: number[];
  tasks: RunTask[];
}

/** Lists the runs a comparison needs; throws RangeError for an unknown arm. */
export function planCompare(scenario: Scenario, options: CompareOptions = {}): ComparePlan {
  const armIds = options.arms ?? scenario.arms.map((a) => a.id);
  for (const id of armIds) rulesForArm(scenario, id);
  const seeds = seedsFor(options.seed ?? scenario.seed, options.replications ?? scenario.replications);
  const tasks = armIds.flatMap((armId) => seeds.map((seed) => ({ scenario, armId, seed })));
  return { armIds, seeds, tasks };
}

/** Summarises the results of `planCompare`'s tasks (in task order) into a comparison. */
export function summariseCompare(scenario: Scenario, plan: ComparePlan, results: RunResult[]): Comparison {
  const byArm = plan.armIds.map((_, a) => results.slice(a * plan.seeds.length, (a + 1) * plan.seeds.length));
  const arms = plan.armIds.map((id, a) => summariseArm(scenario, id, byArm[a] ?? []));
  const diff = (a: number, b: number) => differencesBetween(byArm[a] ?? [], byArm[b] ?? []);
  const comparison: Comparison = {
    schemaVersion: SCHEMA_VERSION,
    fairpaceVersion: FAIRPACE_VERSION,
    modelDigest: MODEL_DIGEST,
    scenarioDigest: digestOf(scenario),
    seeds: plan.seeds,
    arms,
    differences: arms.length >= 2 ? diff(0, 1) : {},
  };
  if (arms.length > 2) {
    comparison.differencesVsFirst = Object.fromEntries(arms.slice(1).map((arm, i) => [arm.id, diff(0, i + 1)]));
  }
  return comparison;
}

/** A comparison as a batch plan; `plan` says which task is which arm and seed. */
export function compareBatch(
  scenario: Scenario,
  options: CompareOptions = {},
): BatchPlan<Comparison> & { plan: ComparePlan } {
  const plan = planCompare(scenario, options);
  return { plan, tasks: plan.tasks, summarise: (results) => summariseCompare(scenario, plan, results) };
}

/** Runs a comparison with the given executor (in this thread by default). */
export async function compare(
  scenario: Scenario,
  options: CompareOptions = {},
  execute: Executor = runInProcess,
  onProgress?: ProgressFn,
  signal?: CancelSignal,
): Promise<Comparison> {
  const plan = planCompare(scenario, options);
  const results = await execute(plan.tasks, onProgress, signal);
  return summariseCompare(scenario, plan, results);
}

function summariseArm(scenario: Scenario, id: string, runs: RunResult[]): ArmSummary {
  const arm = scenario.arms.find((a) => a.id === id);
  const metrics = meanOf(runs.map((r) => r.metrics));
  const heat: HeatExposure = {
    heat40CourierDays: Math.max(...runs.map((r) => r.heat.heat40CourierDays)),
    heat37MaxOnlineHours: Math.max(...runs.map((r) => r.heat.heat37MaxOnlineHours)),
  };
  return {
    id,
    label: arm?.label ?? id,
    metrics,
    perDay: meanOf(runs.map((r) => r.perDay)),
    perHour: meanOf(runs.map((r) => r.perHour)),
    speedHistogramKm: meanOf(runs.map((r) => r.speedHistogramKm)),
    compliance: computeCompliance(scenario, rulesForArm(scenario, id), metrics, heat),
    money: { flowsPerOrder: flowsPerOrder(runs), parties: flowParties(rulesForArm(scenario, id)) },
  };
}

/** Each flow per delivered order, averaged over replications (0 for a run that delivered nothing). */
function flowsPerOrder(runs: RunResult[]): FlowAmounts {
  return meanOf(
    runs.map((r) => {
      const delivered = r.metrics.service.ordersDelivered * r.perDay.length;
      const out = zeroFlows();
      if (delivered > 0) for (const f of FLOWS) out[f] = r.ledger.flows[f] / delivered;
      return out;
    }),
  );
}

/** Paired differences (b − a) for every difference path, replication by replication. */
function differencesBetween(a: RunResult[], b: RunResult[]): Record<string, Difference> {
  const first = a[0];
  if (!first) return {};
  const out: Record<string, Difference> = {};
  for (const path of differencePaths(first.metrics)) {
    out[path] = pairedDifference(
      a.map((r) => metricAt(r.metrics, path) ?? Number.NaN),
      b.map((r) => metricAt(r.metrics, path) ?? Number.NaN),
    );
  }
  return out;
}
