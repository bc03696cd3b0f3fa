// Provisional comparisons (issue 21 item 1): the answer of a prefix of seeds, in seed order, whatever order the runs
// finish in; byte-identical to summariseCompare on the same subset and to `compare --replications n`; and the final
// answer unchanged.
import { describe, expect, it } from 'vitest';
import {
  cachingExecutor,
  calibrationOfRuns,
  checkedComparison,
  compare,
  DEFAULT_TARGETS,
  MemoryRunStore,
  planCompare,
  prefixPlan,
  prefixResults,
  runInProcess,
  runsByArmOf,
  SeedPrefix,
  summariseCompare,
} from '../../src/analysis/index.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import type { RunResult } from '../../src/sim/results.ts';

const REPLICATIONS = 5;

function tiny() {
  const r = validateScenario({
    schemaVersion: 2,
    population: { couriers: 6 },
    demand: { ordersPerCourierDay: 10 },
    replications: REPLICATIONS,
    meta: { name: 'Tiny' },
  });
  if (!r.ok) throw new Error('the tiny scenario does not load');
  return r.scenario;
}

const scenario = tiny();
const plan = planCompare(scenario);
const results: Promise<RunResult[]> = runInProcess(plan.tasks);

/** A fixed shuffle of 0..n−1 (a linear congruential walk), so the test is the same every time. */
function shuffled(n: number, salt: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let x = salt;
  for (let i = n - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** The provisional answers SeedPrefix gives when runs arrive in `order`: JSON by seed count. */
function provisionalAnswers(all: RunResult[], order: number[]): Map<number, string> {
  const prefix = new SeedPrefix(plan);
  const answers = new Map<number, string>();
  for (const index of order) {
    if (!prefix.add(index, all[index] as RunResult)) continue;
    const seeds = prefix.take();
    if (seeds === null) continue;
    expect(answers.has(seeds), `prefix ${seeds} summarised twice`).toBe(false);
    const part = prefix.prefix(seeds);
    answers.set(seeds, JSON.stringify(checkedComparison(scenario, part.plan, part.results)));
  }
  return answers;
}

describe('prefixPlan and prefixResults', () => {
  it('cut a plan to its first seeds, arm-major like planCompare', async () => {
    const all = await results;
    for (let n = 0; n <= REPLICATIONS; n++) {
      const cut = prefixPlan(plan, n);
      const direct = planCompare(scenario, { replications: n });
      expect(cut.armIds).toEqual(direct.armIds);
      expect(cut.seeds).toEqual(direct.seeds);
      expect(cut.tasks.map((t) => [t.armId, t.seed])).toEqual(direct.tasks.map((t) => [t.armId, t.seed]));
      const runs = prefixResults(plan, all, n);
      expect(runs.length).toBe(n * plan.armIds.length);
      runs.forEach((r, i) => expect(r).toBe(all[plan.tasks.indexOf(cut.tasks[i] as (typeof plan.tasks)[number])]));
    }
  });

  it('refuses a prefix with a run still missing', async () => {
    const all: (RunResult | undefined)[] = [...(await results)];
    all[plan.seeds.length + 1] = undefined; // the second arm, second seed
    expect(() => prefixResults(plan, all, 1)).not.toThrow();
    expect(() => prefixResults(plan, all, 2)).toThrow(/seed 2: not run yet/);
  });
});

describe('SeedPrefix', () => {
  it('summarises each newly complete prefix once, from 2 seeds and short of all, the same in any finishing order', async () => {
    const all = await results;
    const inOrder = provisionalAnswers(
      all,
      all.map((_, i) => i),
    );
    // Task order is arm-major: seeds complete only as the last arm's runs come in, one by one.
    expect([...inOrder.keys()]).toEqual([2, 3, 4]);
    for (const salt of [1, 7, 42, 1234]) {
      const order = shuffled(all.length, salt);
      const answers = provisionalAnswers(all, order);
      for (const [seeds, json] of answers) expect(json).toBe(inOrder.get(seeds));
      expect([...answers.keys()].every((n) => n >= 2 && n < REPLICATIONS)).toBe(true);
    }
    // Seed-major order (how the pools hand out runs, by warm-up group) completes one seed per two runs.
    const seedMajor = plan.seeds.flatMap((_, s) => plan.armIds.map((_, a) => a * REPLICATIONS + s));
    expect([...provisionalAnswers(all, seedMajor).keys()]).toEqual([2, 3, 4]);
  });

  it('takes one prefix, the longest, when several seeds complete at once, and ignores a repeated run', async () => {
    const all = await results;
    const prefix = new SeedPrefix(plan);
    const firstArm = plan.seeds.map((_, s) => s);
    for (const i of firstArm) expect(prefix.add(i, all[i] as RunResult)).toBe(false);
    expect(prefix.add(REPLICATIONS, all[REPLICATIONS] as RunResult)).toBe(false); // seed 1 only: too few
    expect(prefix.add(REPLICATIONS + 2, all[REPLICATIONS + 2] as RunResult)).toBe(false); // seed 3, with seed 2 missing
    expect(prefix.add(REPLICATIONS + 1, all[REPLICATIONS + 1] as RunResult)).toBe(true); // seeds 1–3 complete
    expect(prefix.completeSeeds).toBe(3);
    expect(prefix.take()).toBe(3);
    expect(prefix.take()).toBeNull();
    expect(prefix.add(REPLICATIONS + 1, all[REPLICATIONS + 1] as RunResult)).toBe(false);
    expect(prefix.add(REPLICATIONS + 3, all[REPLICATIONS + 3] as RunResult)).toBe(true);
    expect(prefix.take()).toBe(4);
    // The last seed completes the whole plan: that is the final answer, not a provisional one.
    expect(prefix.add(REPLICATIONS + 4, all[REPLICATIONS + 4] as RunResult)).toBe(false);
    expect(prefix.completeSeeds).toBe(REPLICATIONS);
  });
});

describe('SeedPrefix.takeEach', () => {
  it('gives every newly complete prefix, short of all seeds, so a log is the same in any finishing order', async () => {
    const all = await results;
    for (const salt of [0, 3, 99]) {
      const order = salt === 0 ? all.map((_, i) => i) : shuffled(all.length, salt);
      const prefix = new SeedPrefix(plan);
      const taken: number[] = [];
      for (const index of order) {
        prefix.add(index, all[index] as RunResult);
        taken.push(...prefix.takeEach());
      }
      expect(taken).toEqual([2, 3, 4]);
    }
    // All runs in at once: the prefixes short of the final one, each once.
    const burst = new SeedPrefix(plan);
    all.forEach((r, i) => burst.add(i, r));
    expect(burst.takeEach()).toEqual([2, 3, 4]);
    expect(burst.takeEach()).toEqual([]);
  });
});

describe('a provisional comparison', () => {
  it('equals summariseCompare on the same subset and `compare --replications n`, byte for byte', async () => {
    const all = await results;
    const prefix = new SeedPrefix(plan);
    all.forEach((r, i) => prefix.add(i, r));
    for (let n = 2; n < REPLICATIONS; n++) {
      const part = prefix.prefix(n);
      const provisional = summariseCompare(scenario, part.plan, part.results);
      const subset = plan.armIds.flatMap((_, a) => all.slice(a * REPLICATIONS, a * REPLICATIONS + n));
      const direct = planCompare(scenario, { replications: n });
      expect(JSON.stringify(provisional)).toBe(JSON.stringify(summariseCompare(scenario, direct, subset)));
      expect(JSON.stringify(provisional)).toBe(JSON.stringify(await compare(scenario, { replications: n })));
      expect(provisional.seeds).toEqual(plan.seeds.slice(0, n));
    }
  });

  it('leaves the final answer as it was: summariseCompare and the model check of every run', async () => {
    const all = await results;
    const checked = checkedComparison(scenario, plan, all);
    expect(JSON.stringify(checked.comparison)).toBe(JSON.stringify(summariseCompare(scenario, plan, all)));
    expect(JSON.stringify(checked.comparison)).toBe(JSON.stringify(await compare(scenario)));
    const calibration = calibrationOfRuns(
      scenario,
      DEFAULT_TARGETS,
      plan.seeds,
      runsByArmOf(plan.armIds, plan.seeds.length, all),
    );
    expect(JSON.stringify(checked.calibration)).toBe(JSON.stringify(calibration));
  });
});

describe('executors pass each run on as it finishes', () => {
  it('in process and through the run cache, the same objects they return, cached runs included', async () => {
    const seen = new Map<number, RunResult>();
    const direct = await runInProcess(plan.tasks, undefined, undefined, (i, r) => seen.set(i, r));
    expect(seen.size).toBe(plan.tasks.length);
    direct.forEach((r, i) => expect(seen.get(i)).toBe(r));

    const store = new MemoryRunStore();
    const cached = cachingExecutor(runInProcess, store, {}, undefined, 'test-model');
    const half = plan.tasks.slice(0, 3);
    await cached(half);
    const passed = new Map<number, RunResult>();
    const out = await cached(plan.tasks, undefined, undefined, (i, r) => {
      expect(passed.has(i)).toBe(false);
      passed.set(i, r);
    });
    expect(passed.size).toBe(plan.tasks.length);
    out.forEach((r, i) => expect(passed.get(i)).toBe(r));
    expect(JSON.stringify(out)).toBe(JSON.stringify(direct));
  });
});
