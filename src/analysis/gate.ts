/**
 * A rule-change gate: assertions on a comparison's metrics that a pipeline can fail on. An arm assertion
 * (`earnings.shareBelowMinWage@median <= 0.05`) reads one arm's metric over replications; a difference assertion
 * reads the paired difference, second arm minus first. Each is judged like a target (`ci`: the unfavourable end of
 * the 95% interval; `mean`: the mean).
 */
import type { RunResult } from '../sim/results.ts';
import type { ComparePlan } from './compare.ts';
import { isMetricPath } from './metricList.ts';
import { metricAt } from './metricPaths.ts';
import { differenceBounds, valueBounds } from './metricBounds.ts';
import { boundedDifference, boundedInterval, FEW_REPLICATIONS } from './stats.ts';
import { targetHolds, type TargetOp } from './target.ts';

/** One assertion as given: on one arm (`kind: 'arm'`) or on the paired difference (`kind: 'diff'`). */
export interface Assertion {
  kind: 'arm' | 'diff';
  metric: string;
  /** For an arm assertion: the arm (default: the last arm compared, the proposal side). */
  arm?: string;
  op: TargetOp;
  threshold: number;
}

/** An assertion judged. */
export interface AssertionOutcome extends Assertion {
  /** What the numbers are of: an arm id, or `B − A` for a difference. */
  subject: string;
  /** `<subject>: <metric> <op> <threshold>`, the name of the assertion in reports. */
  name: string;
  mean: number;
  ci95: [number, number];
  /** The number compared with the threshold: the mean, or the interval's unfavourable end. */
  judged: number;
  holds: boolean;
}

/** The gate's verdict. */
export interface GateResult {
  confidence: 'mean' | 'ci';
  /** Every assertion holds. */
  holds: boolean;
  assertions: AssertionOutcome[];
  /** Replications per arm; below FEW_REPLICATIONS the intervals say little, and the report says so. */
  replications: number;
  fewReplications: boolean;
}

const NUMBER = '[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?';
const ARM_ASSERTION = new RegExp(`^\\s*([A-Za-z][\\w.]*)(?:@([^\\s<>=]+))?\\s*(<=|>=|<|>)\\s*(${NUMBER})\\s*$`);

/**
 * Parses `<metric path>[@arm] <op> <value>` (`kind: 'arm'`) or `<metric path> <op> <value>` (`kind: 'diff'`);
 * throws RangeError naming the problem.
 */
export function parseAssertion(text: string, kind: 'arm' | 'diff'): Assertion {
  const m = ARM_ASSERTION.exec(text);
  const form = kind === 'arm' ? '"<metric path>[@arm] <= value"' : '"<metric path> <= value"';
  if (!m) throw new RangeError(`'${text}' is not an assertion: write ${form} (or >=, <, >)`);
  const [, metric, arm, op, num] = m as unknown as [string, string, string | undefined, TargetOp, string];
  if (!isMetricPath(metric)) throw new RangeError(`'${text}': unknown metric path '${metric}'`);
  if (kind === 'diff' && arm !== undefined) {
    throw new RangeError(`'${text}': a difference is always second arm − first; it takes no @arm`);
  }
  const threshold = Number(num);
  if (!Number.isFinite(threshold)) throw new RangeError(`'${text}': the value is out of range`);
  return { kind, metric, ...(arm !== undefined ? { arm } : {}), op, threshold };
}

/** The text of an assertion as it would be written on the command line. */
export function assertionText(a: Assertion): string {
  return `${a.metric}${a.arm !== undefined ? `@${a.arm}` : ''} ${a.op} ${a.threshold}`;
}

/** Checks assertions against the arms of a comparison before anything runs; throws RangeError naming the problem. */
export function checkAssertions(plan: ComparePlan, assertions: readonly Assertion[]): void {
  for (const a of assertions) {
    if (a.kind === 'arm' && a.arm !== undefined && !plan.armIds.includes(a.arm)) {
      throw new RangeError(`'${assertionText(a)}': unknown arm '${a.arm}' (arms compared: ${plan.armIds.join(', ')})`);
    }
    if (a.kind === 'diff' && plan.armIds.length < 2) {
      throw new RangeError(`'${assertionText(a)}': a difference needs two arms; the comparison has one`);
    }
  }
}

/** Judges every assertion on the runs of `plan` (results in task order: arm-major, seed-minor). */
export function evaluateGate(
  plan: ComparePlan,
  results: readonly RunResult[],
  assertions: readonly Assertion[],
  confidence: 'mean' | 'ci' = 'ci',
): GateResult {
  checkAssertions(plan, assertions);
  const n = plan.seeds.length;
  const runsOf = (arm: string) => {
    const a = plan.armIds.indexOf(arm);
    return results.slice(a * n, (a + 1) * n);
  };
  const series = (arm: string, metric: string) => runsOf(arm).map((r) => metricAt(r.metrics, metric) ?? Number.NaN);
  const first = plan.armIds[0] ?? '';
  const second = plan.armIds[1] ?? '';
  const last = plan.armIds.at(-1) ?? '';
  const outcomes = assertions.map((a): AssertionOutcome => {
    const arm = a.arm ?? last;
    const subject = a.kind === 'arm' ? arm : `${second} − ${first}`;
    const { mean, ci95 } =
      a.kind === 'arm'
        ? boundedInterval(series(arm, a.metric), valueBounds(a.metric))
        : boundedDifference(series(first, a.metric), series(second, a.metric), differenceBounds(a.metric));
    const upper = a.op === '<=' || a.op === '<';
    const judged = confidence === 'mean' ? mean : upper ? ci95[1] : ci95[0];
    return {
      ...a,
      ...(a.kind === 'arm' ? { arm } : {}),
      subject,
      name: `${subject}: ${a.metric} ${a.op} ${a.threshold}`,
      mean,
      ci95,
      judged,
      holds: targetHolds({ metric: a.metric, op: a.op, threshold: a.threshold }, { mean, ci95 }, confidence),
    };
  });
  return {
    confidence,
    holds: outcomes.every((o) => o.holds),
    assertions: outcomes,
    replications: n,
    fewReplications: n < FEW_REPLICATIONS,
  };
}
