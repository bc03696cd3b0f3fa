/**
 * An executor that runs once what differs only in money. Tasks whose scenarios differ at most in the platform's
 * per-order economics (src/sim/reprice.ts: revenue per order, the customer's share, the food's value, other costs per
 * order), with the same arm, seed and order trace, are one run: the first of them in the list is run, and the others'
 * results are that run re-priced, byte for byte what their own runs would give. A sensitivity's revenue ends, a sweep
 * or a target search over revenue per order need no runs of their own beyond the base's.
 */
import { canonicalJson } from '../scenario/canonical.ts';
import { rulesForArm } from '../scenario/rulesForArm.ts';
import type { Scenario } from '../scenario/schema.ts';
import { PER_ORDER_MONEY, reprice } from '../sim/reprice.ts';
import type { RunResult } from '../sim/results.ts';
import type { Executor, RunTask } from './runTasks.ts';

/** How many tasks a repricing executor passed on to be run, and how many it answered by re-pricing another's run. */
export interface RepriceCount {
  run: number;
  repriced: number;
}

/** A copy of rules (or partial rules) without the per-order money of their `platform` section. */
function withoutMoney(rules: unknown): unknown {
  if (typeof rules !== 'object' || rules === null) return rules;
  const platform = (rules as { platform?: unknown }).platform;
  if (typeof platform !== 'object' || platform === null) return rules;
  const kept = Object.fromEntries(
    Object.entries(platform).filter(([k]) => !(PER_ORDER_MONEY as readonly string[]).includes(k)),
  );
  return { ...rules, platform: kept };
}

/** The scenario as a run sees it apart from the per-order money, as one string. */
function moneyFreeKey(scenario: Scenario): string {
  return canonicalJson({
    ...scenario,
    rules: withoutMoney(scenario.rules),
    arms: scenario.arms.map((arm) => ({ ...arm, rules: withoutMoney(arm.rules) })),
  });
}

/**
 * For each task, the index of the task whose run answers it: itself, or the first earlier task that differs from it
 * only in per-order money. Replays are always run (their figures are the instance's, not only the ledger's).
 */
export function repriceSources(tasks: readonly RunTask[]): number[] {
  const keys = new Map<Scenario, string>();
  const first = new Map<string, number>();
  return tasks.map((task, i) => {
    if (task.scenario.kind === 'replay') return i;
    let key = keys.get(task.scenario);
    if (key === undefined) keys.set(task.scenario, (key = moneyFreeKey(task.scenario)));
    const whole = `${task.armId}\u0000${task.seed}\u0000${task.orders === true}\u0000${key}`;
    const at = first.get(whole);
    if (at !== undefined) return at;
    first.set(whole, i);
    return i;
  });
}

/** `inner`, running only the tasks that are not re-priced from another's run (see the file's comment). */
export function repricingExecutor(inner: Executor, count: RepriceCount = { run: 0, repriced: 0 }): Executor {
  return async (tasks, onProgress, signal, onResult) => {
    const source = repriceSources(tasks);
    const run: number[] = [];
    const answers: number[][] = [];
    const position = new Int32Array(tasks.length);
    source.forEach((s, i) => {
      if (s === i) {
        position[i] = run.length;
        run.push(i);
        answers.push([i]);
      } else answers[position[s] as number]?.push(i);
    });
    count.run += run.length;
    if (run.length === tasks.length) return inner(tasks, onProgress, signal, onResult);
    count.repriced += tasks.length - run.length;

    const out = new Array<RunResult>(tasks.length);
    const settled = new Uint8Array(run.length);
    let done = 0;
    // Each run answers its own task and those re-priced from it, as soon as it is in.
    const settle = (j: number, made: RunResult): void => {
      if (settled[j] === 1) return;
      settled[j] = 1;
      const madeAt = run[j] as number;
      const madeRules = rulesForArm((tasks[madeAt] as RunTask).scenario, made.armId);
      for (const i of answers[j] as number[]) {
        const task = tasks[i] as RunTask;
        // A copy apart from the run's own result (through JSON, as a cached run's is), so that no caller's change to one
        // shows in the other.
        out[i] =
          i === madeAt
            ? made
            : reprice(JSON.parse(JSON.stringify(made)) as RunResult, madeRules, rulesForArm(task.scenario, task.armId));
        onResult?.(i, out[i] as RunResult);
      }
      done += (answers[j] as number[]).length;
      onProgress?.(done, tasks.length);
    };
    const results = await inner(
      run.map((i) => tasks[i] as RunTask),
      undefined,
      signal,
      (j, result) => settle(j, result),
    );
    results.forEach((r, j) => settle(j, r));
    return out;
  };
}
