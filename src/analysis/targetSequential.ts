/**
 * A target search that makes fewer runs for the same answer (issue 21 item 2): `fairpace target --precision P`.
 *
 * - **Fewer replications where the answer is clear.** A candidate value first runs on `minReplications` seeds (3).
 *   When every target's 95% interval on those seeds lies wholly on one side of its threshold, the candidate is
 *   judged there (clearly meets, or clearly fails); otherwise seeds are added, `step` at a time and in seed order, up
 *   to the full replications, where it is judged exactly as `findTarget` judges (the unfavourable end of the interval
 *   with `confidence: ci`, the mean with `mean`). Far from the answer three seeds usually decide.
 * - **An exponential search for the first bracket.** The first values are the end where the answer is looked for
 *   and values 1/16, 1/8, 1/4 and 1/2 of the range from it, then the far end, run two at a time until one meets the
 *   targets; the rest of the range is not run (see `initial` below). `findTarget`'s five evenly spaced values would
 *   also check monotonicity over the whole range; this search checks it only over the values it ran.
 * - **Regula falsi instead of bisection.** Inside the bracket (a failing and a meeting value) the next value is where
 *   the straight line through the binding target's slack at the two ends crosses zero (the Illinois variant, which
 *   halves a stale end's slack so the bracket shrinks from both sides), kept at least a fifth of the bracket away from
 *   either end so every step narrows it, and a bisection step after the same end was kept twice running.
 * - **A tolerance tied to what the replications resolve.** The search stops when the bracket is narrower than
 *   `precision` × (max − min) (or the `tolerance` given), or when the meeting end's slack is within the half-width of
 *   its interval: nearer values differ from it by less than the runs can tell.
 *
 * The answer is always a value run on every seed and judged as `findTarget` judges it, and the cost is paired over
 * the same seeds. The rule reads only results of the seeds run so far, in seed order, so any executor gives the same
 * answer. The answer differs from `findTarget`'s by at most the stated tolerance when the predicate is monotone.
 */
import { withParam, ScenarioPathError } from '../scenario/paths.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { seedsFor, type CancelSignal, type Executor, type ProgressFn, type RunTask } from './runTasks.ts';
import { checkTargetOptions, currentParamValue, type TargetOptions } from './targetOptions.ts';
import { targetProvisional, type TargetStepFn } from './targetProgress.ts';
import {
  COST_METRICS,
  estimatesAt,
  evidenceOf,
  targetResult,
  type TargetResult,
  type TargetStep,
} from './targetResult.ts';
import { targetHolds, type MetricEstimate, type TargetSpec } from './targetSpec.ts';

/** How far to go. */
export interface TargetPrecision {
  /** The bracket width to stop at, as a share of max − min (0.01: 1% of the range). */
  precision: number;
  /** Seeds a candidate runs on before it is judged (3). */
  minReplications?: number;
  /** Seeds added to an unclear candidate at a time (2). */
  step?: number;
}

/** The sequential answer: the usual result, with the runs it made and why it stopped. */
export interface SequentialTarget {
  result: TargetResult & {
    /** Seeds each evaluated value ran on, by value in the order evaluated. */
    replicationsByValue: { value: number; replications: number }[];
  };
  runs: number;
  stopped: 'tolerance' | 'resolution' | 'maxSteps' | 'bounds' | 'notMonotone';
}

/** Slack of one target at an estimate: positive when met (how far inside), negative when not, on the judged end. */
function slack(t: TargetSpec, e: MetricEstimate, end: 'mean' | 'favourable' | 'unfavourable'): number {
  const upper = t.op === '<=' || t.op === '<';
  const [lo, hi] = e.ci95;
  const x = end === 'mean' ? e.mean : (end === 'unfavourable') === upper ? hi : lo;
  return upper ? t.threshold - x : x - t.threshold;
}

/**
 * Runs the search; see the module comment. `onStep` hears the answer so far before each further batch of runs once
 * the first values are judged (the bracket, the best value and the seeds it stands on); it changes nothing computed.
 */
export async function findTargetSequential(
  scenario: Scenario,
  options: TargetOptions,
  precision: TargetPrecision,
  execute: Executor,
  onProgress?: ProgressFn,
  signal?: CancelSignal,
  onStep?: TargetStepFn,
): Promise<SequentialTarget> {
  if (!(precision.precision > 0)) throw new RangeError(`precision must be above 0 (got ${precision.precision})`);
  const arm = checkTargetOptions(scenario, options);
  const { param, min, max, targets } = options;
  const direction = options.direction ?? 'smallest';
  const confidence = options.confidence ?? 'ci';
  const maxSteps = options.maxSteps ?? 20;
  const tolerance = options.tolerance ?? (max - min) * precision.precision;
  const full = options.replications ?? scenario.replications;
  const seeds = seedsFor(options.seed ?? scenario.seed, full);
  const first = Math.min(full, Math.max(2, precision.minReplications ?? 3));
  const step = Math.max(1, precision.step ?? 2);
  const metricNames = [...new Set([...targets.map((t) => t.metric), ...COST_METRICS])];
  const budget = (maxSteps + 1) * full;
  let runs = 0;
  const runsAt = new Map<number, RunResult[]>();
  const order: number[] = [];

  /** Brings each value up to n seeds (in one batch for all of them). */
  const ensure = async (values: number[], n: number) => {
    const tasks: RunTask[] = [];
    const sinks: { v: number }[] = [];
    for (const v of values) {
      const have = runsAt.get(v)?.length ?? 0;
      if (!runsAt.has(v)) {
        runsAt.set(v, []);
        order.push(v);
      }
      if (have >= n) continue;
      const s = withParam(scenario, param, v);
      for (let k = have; k < n; k++) {
        tasks.push({ scenario: s, armId: arm, seed: seeds[k] as number });
        sinks.push({ v });
      }
    }
    if (tasks.length === 0) return;
    const before = runs;
    const results = await execute(
      tasks,
      onProgress ? (done) => onProgress(Math.min(before + done, budget), budget) : undefined,
      signal,
    );
    results.forEach((r, i) => (runsAt.get((sinks[i] as { v: number }).v) as RunResult[]).push(r));
    runs += tasks.length;
  };

  /** A value's verdict: `clear` when decided before every seed ran, with the binding slack for interpolation. */
  const judge = (v: number) => {
    const r = runsAt.get(v) as RunResult[];
    const est = estimatesAt(r, metricNames);
    const n = r.length;
    const whole = n >= full;
    const feasible = whole
      ? targets.every((t) => targetHolds(t, est[t.metric] as MetricEstimate, confidence))
      : targets.every((t) => slack(t, est[t.metric] as MetricEstimate, 'unfavourable') >= 0);
    const clear =
      whole ||
      targets.every((t) => slack(t, est[t.metric] as MetricEstimate, 'unfavourable') >= 0) ||
      targets.some((t) => slack(t, est[t.metric] as MetricEstimate, 'favourable') < 0);
    // The binding target: the least slack on the mean; its interval half-width says what the runs resolve.
    let bind = Infinity;
    let half = 0;
    for (const t of targets) {
      const e = est[t.metric] as MetricEstimate;
      const s = slack(t, e, 'mean');
      if (s < bind) {
        bind = s;
        half = (e.ci95[1] - e.ci95[0]) / 2;
      }
    }
    return { feasible, clear, slack: bind, half, metrics: est };
  };

  /** Runs values until each is clear (or has every seed); returns their verdicts. */
  const settle = async (values: number[]) => {
    await ensure(values, first);
    for (;;) {
      const open = values.filter((v) => !judge(v).clear);
      if (open.length === 0) break;
      const n = Math.min(full, Math.min(...open.map((v) => (runsAt.get(v) as RunResult[]).length)) + step);
      await ensure(open, n);
    }
    return values.map(judge);
  };

  const steps = new Map<number, TargetStep>();
  const record = (v: number, phase: TargetStep['phase']) => {
    const j = judge(v);
    steps.set(v, { value: v, phase, feasible: j.feasible, metrics: j.metrics });
    return j;
  };

  const current = currentParamValue(scenario, param, arm);
  const sorted = () => [...steps.values()].sort((a, b) => a.value - b.value);
  const stepList = () => order.filter((v) => steps.has(v)).map((v) => steps.get(v) as TargetStep);
  /** Says the answer so far (value, and bracket as [failing end, meeting end]); reads the state, changes nothing. */
  const report = (best: number | null, between: [number, number] | undefined, isMonotone: boolean) =>
    onStep?.(
      targetProvisional(
        scenario,
        options,
        {
          arm,
          seeds,
          steps: stepList(),
          runsAt,
          value: best,
          monotone: isMonotone,
          monotoneEvidence: isMonotone ? undefined : evidenceOf(sorted()),
          method: 'bisection',
          bracket: between,
          current,
        },
        { of: full, runs },
      ),
    );
  // An exponential search from the end where the answer is looked for (min for the smallest value, max for the
  // largest): that end, then 1/16, 1/8, 1/4 and 1/2 of the range away from it, then the far end, two values at a
  // time (one each for two workers' seeds), stopping at the first pair in which a value meets the targets. Values
  // beyond it are not run: far from the answer they decide nothing, and where pay is the parameter they are the
  // costliest runs (couriers meet their income targets early and the city overloads).
  const span = max - min;
  const initial = [0, 1 / 16, 1 / 8, 1 / 4, 1 / 2, 1].map((f) =>
    f === 0
      ? direction === 'smallest'
        ? min
        : max
      : f === 1
        ? direction === 'smallest'
          ? max
          : min
        : direction === 'smallest'
          ? min + span * f
          : max - span * f,
  );
  for (let i = 0; i < initial.length; i += 2) {
    const pair = initial.slice(i, i + 2);
    await settle(pair);
    pair.forEach((v) => record(v, 'initial'));
    if (pair.some((v) => (steps.get(v) as TargetStep).feasible)) break;
  }
  const switches = (list: TargetStep[]) =>
    list.reduce((n, s, i) => (i > 0 && s.feasible !== list[i - 1]?.feasible ? n + 1 : n), 0);

  let stopped: SequentialTarget['stopped'] = 'bounds';
  let value: number | null = null;
  let bracket: [number, number] | undefined;
  let monotone = switches(sorted()) <= 1;
  if (monotone) {
    const list = sorted();
    const idx =
      direction === 'smallest' ? list.findIndex((s) => s.feasible) : list.map((s) => s.feasible).lastIndexOf(true);
    if (idx >= 0) {
      const neighbour = list[direction === 'smallest' ? idx - 1 : idx + 1];
      let good = (list[idx] as TargetStep).value;
      if (neighbour) {
        let bad = neighbour.value;
        let gGood = judge(good).slack;
        let gBad = judge(bad).slack;
        let kept: 'good' | 'bad' | null = null;
        let stale = 0;
        for (;;) {
          const atGood = judge(good);
          const narrow = Math.abs(good - bad) <= tolerance;
          const resolved = atGood.slack <= atGood.half;
          if (narrow || resolved || steps.size >= maxSteps) {
            // The search may stop here: the answer runs on every seed first, and is judged there.
            if ((runsAt.get(good) as RunResult[]).length < full) {
              report(good, [bad, good], monotone);
              await ensure([good], full);
              const whole = judge(good);
              if (!whole.feasible) {
                // Clear on few seeds, but not on all of them: it is the failing end now.
                bad = good;
                gBad = whole.slack;
                steps.set(good, { ...(steps.get(good) as TargetStep), feasible: false, metrics: whole.metrics });
                const rest = sorted().filter(
                  (x) => x.feasible && (direction === 'smallest' ? x.value > good : x.value < good),
                );
                const next = direction === 'smallest' ? rest[0] : rest.at(-1);
                if (!next) {
                  good = Number.NaN;
                  break;
                }
                good = next.value;
                gGood = judge(good).slack;
                continue;
              }
              steps.set(good, { ...(steps.get(good) as TargetStep), feasible: true, metrics: whole.metrics });
              gGood = whole.slack;
              continue;
            }
            stopped = narrow ? 'tolerance' : resolved ? 'resolution' : 'maxSteps';
            break;
          }
          // Regula falsi (Illinois) on the binding slack, kept a fifth of the bracket from either end; after the same
          // end was kept twice running (a slack that saturates, such as a share at 0), a bisection step instead.
          const w = good - bad;
          let t = gBad < 0 && gGood > 0 ? gBad / (gBad - gGood) : 0.5;
          t = stale >= 2 ? 0.5 : Math.min(0.8, Math.max(0.2, t));
          const mid = bad + w * t;
          if (mid === bad || mid === good) {
            stopped = 'tolerance';
            break;
          }
          report(good, [bad, good], monotone);
          const [j] = await settle([mid]);
          record(mid, 'bisection');
          if ((j as ReturnType<typeof judge>).feasible) {
            good = mid;
            gGood = (j as ReturnType<typeof judge>).slack;
            if (kept === 'good') gBad /= 2;
            stale = kept === 'good' ? stale + 1 : 1;
            kept = 'good';
          } else {
            bad = mid;
            gBad = (j as ReturnType<typeof judge>).slack;
            if (kept === 'bad') gGood /= 2;
            stale = kept === 'bad' ? stale + 1 : 1;
            kept = 'bad';
          }
        }
        if (Number.isFinite(good)) {
          value = good;
          bracket = [bad, good];
        }
      } else {
        if ((runsAt.get(good) as RunResult[]).length < full) report(good, undefined, monotone);
        await ensure([good], full);
        const j = record(good, 'initial');
        value = j.feasible ? good : null;
      }
    }
    if (switches(sorted()) > 1) monotone = false;
  } else {
    stopped = 'notMonotone';
  }
  if (current !== null) {
    try {
      withParam(scenario, param, current);
      if ((runsAt.get(current)?.length ?? 0) < full) report(value, bracket, monotone);
      await ensure([current], full);
    } catch (e) {
      if (!(e instanceof ScenarioPathError)) throw e;
    }
  }
  onProgress?.(runs, runs);
  const result = targetResult(scenario, options, {
    arm,
    seeds,
    steps: stepList(),
    runsAt,
    value,
    monotone,
    monotoneEvidence: monotone ? undefined : evidenceOf(sorted()),
    method: 'bisection',
    bracket,
    current,
  });
  return {
    result: {
      ...result,
      replicationsByValue: order.map((v) => ({ value: v, replications: (runsAt.get(v) as RunResult[]).length })),
    },
    runs,
    stopped,
  };
}
