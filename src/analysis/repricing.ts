/**
 * An executor that runs once what differs only in money. Tasks whose scenarios differ at most in the platform's
 * per-order economics (src/sim/reprice.ts: revenue per order, the customer's share, the food's value, other costs per
 * order), with the same arm, seed and order trace, are one run: the first of them in the list is run, and the others'
 * results are that run re-priced, byte for byte what their own runs would give. A sensitivity's revenue ends, a sweep
 * or a target search over revenue per order need no runs of their own beyond the base's.
 */
import { canonicalJson } from '../scenario/canonical.ts';
import { rulesForArm } from '../scenario/rulesForArm.ts';
import type { Rules, Scenario } from '../scenario/schema.ts';
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

/** A task's key apart from per-order money (arm, seed, order trace and the rest of the scenario); null for replays. */
function keysOf(tasks: readonly RunTask[]): (string | null)[] {
  const byScenario = new Map<Scenario, string>();
  return tasks.map((task) => {
    if (task.scenario.kind === 'replay') return null;
    let key = byScenario.get(task.scenario);
    if (key === undefined) byScenario.set(task.scenario, (key = moneyFreeKey(task.scenario)));
    return `${task.armId}\u0000${task.seed}\u0000${task.orders === true}\u0000${key}`;
  });
}

/**
 * For each task, the index of the task whose run answers it: itself, or the first earlier task that differs from it
 * only in per-order money. Replays are always run (their figures are the instance's, not only the ledger's).
 */
export function repriceSources(tasks: readonly RunTask[], keys = keysOf(tasks)): number[] {
  const first = new Map<string, number>();
  return keys.map((key, i) => {
    if (key === null) return i;
    const at = first.get(key);
    if (at !== undefined) return at;
    first.set(key, i);
    return i;
  });
}

/** Runs an executor keeps to re-price in later batches: the most recent, without order traces (each a few dozen KB). */
export const KEPT_RUNS = 200;

/**
 * `inner`, running only the tasks that are not re-priced from another's run (see the file's comment): one of the
 * same batch, or one of the last `KEPT_RUNS` this executor made (a target search over revenue per order runs its
 * first value only, whatever the batches it is made of).
 */
export function repricingExecutor(inner: Executor, count: RepriceCount = { run: 0, repriced: 0 }): Executor {
  // A made run as JSON (each answer parses its own copy), under its key, with the rules it was made under.
  const kept = new Map<string, { json: string; rules: Rules }>();
  const keep = (key: string, json: string, rules: Rules): void => {
    kept.delete(key);
    kept.set(key, { json, rules });
    if (kept.size > KEPT_RUNS) kept.delete(kept.keys().next().value as string);
  };
  return async (tasks, onProgress, signal, onResult) => {
    // Each scenario's key once a batch (a canonical JSON of the whole scenario).
    const keys = keysOf(tasks);
    const source = repriceSources(tasks, keys);
    const run: number[] = [];
    const answers: number[][] = [];
    const fromKept: number[] = [];
    const position = new Int32Array(tasks.length);
    source.forEach((s, i) => {
      const key = keys[i];
      if (key !== null && key !== undefined && kept.has(key)) fromKept.push(i);
      else if (s === i) {
        position[i] = run.length;
        run.push(i);
        answers.push([i]);
      } else answers[position[s] as number]?.push(i);
    });
    const rulesOf = (i: number): Rules => rulesForArm((tasks[i] as RunTask).scenario, (tasks[i] as RunTask).armId);
    const remember = (i: number, made: RunResult): string => {
      const json = JSON.stringify(made);
      const key = keys[i];
      if (key !== null && key !== undefined && (tasks[i] as RunTask).orders !== true) keep(key, json, rulesOf(i));
      return json;
    };
    count.run += run.length;
    if (run.length === tasks.length) {
      const results = await inner(tasks, onProgress, signal, onResult);
      results.forEach((r, i) => remember(i, r));
      return results;
    }
    count.repriced += tasks.length - run.length;

    const out = new Array<RunResult>(tasks.length);
    let done = 0;
    const answer = (i: number, json: string, madeRules: Rules): void => {
      // Each answer its own copy (through JSON, as a cached run's is), so that no caller's change to one shows in another.
      out[i] = reprice(JSON.parse(json) as RunResult, madeRules, rulesOf(i));
      onResult?.(i, out[i] as RunResult);
    };
    for (const i of fromKept) {
      const made = kept.get(keys[i] as string) as { json: string; rules: Rules };
      answer(i, made.json, made.rules);
    }
    done += fromKept.length;
    if (fromKept.length > 0) onProgress?.(done, tasks.length);

    const settled = new Uint8Array(run.length);
    // Each run answers its own task and those re-priced from it, as soon as it is in.
    const settle = (j: number, made: RunResult): void => {
      if (settled[j] === 1) return;
      settled[j] = 1;
      const madeAt = run[j] as number;
      const json = remember(madeAt, made);
      const madeRules = rulesOf(madeAt);
      for (const i of answers[j] as number[]) {
        if (i === madeAt) {
          out[i] = made;
          onResult?.(i, made);
        } else answer(i, json, madeRules);
      }
      done += (answers[j] as number[]).length;
      onProgress?.(done, tasks.length);
    };
    if (run.length > 0) {
      const results = await inner(
        run.map((i) => tasks[i] as RunTask),
        undefined,
        signal,
        (j, result) => settle(j, result),
      );
      results.forEach((r, j) => settle(j, r));
    }
    return out;
  };
}
