/**
 * A run cache (issue 21 item 3): a run's result is a pure function of the model, the scenario, the arm, the seed and
 * what the run keeps, so a result computed once can be reused by any command that asks for the same run. The key is
 * the SHA-256 of exactly those (the model fingerprint first: a changed model never reuses a run); where results are
 * kept is the caller's (`RunStore`: a folder for the CLI, IndexedDB for the workbench, a Map in tests). A cached
 * result goes through JSON both ways, so a command's output is the same bytes with and without the cache.
 */
import { canonicalJson, sha256Hex } from '../scenario/canonical.ts';
import type { RunResult } from '../sim/results.ts';
import { MODEL_DIGEST, MODEL_DIGEST_UNKNOWN } from '../version.ts';
import type { Executor, RunTask } from './runTasks.ts';

/** Where cached runs are kept: results as JSON text by key. */
export interface RunStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, json: string): Promise<void>;
}

/** What a run keeps besides its metrics (part of the key: a run that kept less cannot stand for one that keeps more). */
export interface RunKeeps {
  courierDays?: boolean;
}

/** The cache key of a task: model fingerprint, scenario, arm, seed and what the run keeps. */
export function runKey(task: RunTask, keeps: RunKeeps = {}, model: string = MODEL_DIGEST): string {
  return sha256Hex(
    canonicalJson({
      model,
      scenario: task.scenario,
      arm: task.armId,
      seed: task.seed,
      orders: task.orders === true,
      courierDays: keeps.courierDays === true,
    }),
  );
}

/** How a cached executor did: runs found in the store, and runs made (and stored). */
export interface CacheCount {
  hits: number;
  misses: number;
}

/**
 * An executor that answers from `store` what it can and runs the rest on `inner` (in one batch, so the inner
 * executor still spreads and orders them as before), storing what it ran. Results come back in task order. Without
 * a model fingerprint (a build that did not inject one) nothing is cached: the key would not change with the model.
 */
export function cachingExecutor(
  inner: Executor,
  store: RunStore,
  keeps: RunKeeps = {},
  count: CacheCount = { hits: 0, misses: 0 },
  model: string = MODEL_DIGEST,
): Executor {
  if (model === MODEL_DIGEST_UNKNOWN) return inner;
  return async (tasks, onProgress, signal, onResult) => {
    const keys = tasks.map((t) => runKey(t, keeps, model));
    const results: (RunResult | undefined)[] = await Promise.all(
      keys.map(async (k) => {
        const json = await store.get(k);
        return json === undefined ? undefined : (JSON.parse(json) as RunResult);
      }),
    );
    const missing: number[] = [];
    results.forEach((r, i) => {
      if (r === undefined) missing.push(i);
      else onResult?.(i, r);
    });
    count.hits += tasks.length - missing.length;
    count.misses += missing.length;
    const cached = tasks.length - missing.length;
    if (missing.length > 0) {
      // What is returned went through JSON too, so a run looks the same whether it was cached or not; a run passed
      // on as it finishes is that same round-tripped object.
      const jsons: string[] = [];
      const settle = (j: number, result: RunResult): RunResult => {
        const i = missing[j] as number;
        const json = (jsons[j] ??= JSON.stringify(result));
        return (results[i] ??= JSON.parse(json) as RunResult);
      };
      const ran = await inner(
        missing.map((i) => tasks[i] as RunTask),
        onProgress ? (done, _total) => onProgress(cached + done, tasks.length) : undefined,
        signal,
        onResult ? (j, result) => onResult(missing[j] as number, settle(j, result)) : undefined,
      );
      for (let j = 0; j < missing.length; j++) {
        settle(j, ran[j] as RunResult);
        await store.set(keys[missing[j] as number] as string, jsons[j] as string);
      }
    } else {
      onProgress?.(tasks.length, tasks.length);
    }
    return results as RunResult[];
  };
}

/** A store in memory (tests, and a workbench session without IndexedDB). */
export class MemoryRunStore implements RunStore {
  readonly entries = new Map<string, string>();
  async get(key: string): Promise<string | undefined> {
    return this.entries.get(key);
  }
  async set(key: string, json: string): Promise<void> {
    this.entries.set(key, json);
  }
}
