/**
 * Provisional comparisons (issue 21 item 1): the answer painted before every run is in. A provisional answer is the
 * comparison of the longest prefix of seeds, in seed order, for which every arm has finished: never of whichever runs
 * a worker happened to finish first. So it is deterministic, and the provisional answer after n seeds is
 * byte-identical to `compare --replications n` (seeds are base, base+1, …), while the final answer is
 * `summariseCompare` of every run, exactly as before.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { DEFAULT_TARGETS } from './calibrate/defaultTargets.ts';
import { calibrationOfRuns, runsByArmOf, type RunsCalibration } from './calibrationOfRuns.ts';
import { summariseCompare, type ComparePlan, type Comparison } from './compare.ts';
import type { TargetsFile } from './calibrate/targets.ts';

/** Fewest seeds a provisional answer is shown on: one replication has no interval at all. */
export const FIRST_PROVISIONAL_SEEDS = 2;

/** The plan of a comparison's first `seeds` seeds: the same arms, the seeds cut, tasks arm-major as planCompare's. */
export function prefixPlan(plan: ComparePlan, seeds: number): ComparePlan {
  const r = plan.seeds.length;
  const n = Math.max(0, Math.min(seeds, r));
  return {
    armIds: plan.armIds,
    seeds: plan.seeds.slice(0, n),
    tasks: plan.armIds.flatMap((_, a) => plan.tasks.slice(a * r, a * r + n)),
  };
}

/**
 * The results of a comparison's first `seeds` seeds, in `prefixPlan`'s task order, from results in the whole plan's
 * task order (missing ones allowed beyond the prefix). Throws when a run of the prefix is missing.
 */
export function prefixResults(
  plan: ComparePlan,
  results: readonly (RunResult | undefined)[],
  seeds: number,
): RunResult[] {
  const r = plan.seeds.length;
  return plan.armIds.flatMap((armId, a) =>
    Array.from({ length: Math.min(seeds, r) }, (_, s) => {
      const result = results[a * r + s];
      if (result === undefined) throw new RangeError(`arm "${armId}", seed ${plan.seeds[s]}: not run yet`);
      return result;
    }),
  );
}

/** A comparison with its model check: what the workbench shows, provisional or final. */
export interface CheckedComparison {
  comparison: Comparison;
  /** The comparison's runs held against the targets (see calibrationOfRuns). */
  calibration: RunsCalibration;
}

/**
 * The comparison and model check of a plan's results (in task order). The workbench's final answer and every
 * provisional one (on `prefixPlan`/`prefixResults`) go through this one function.
 */
export function checkedComparison(
  scenario: Scenario,
  plan: ComparePlan,
  results: RunResult[],
  targets: TargetsFile = DEFAULT_TARGETS,
): CheckedComparison {
  return {
    comparison: summariseCompare(scenario, plan, results),
    calibration: calibrationOfRuns(scenario, targets, plan.seeds, runsByArmOf(plan.armIds, plan.seeds.length, results)),
  };
}

/**
 * Runs of a batch made of task groups over the same seeds, seed innermost (task i is seed i % seeds of group
 * ⌊i / seeds⌋: a comparison's arms, a sweep's points × arms, a zone's cells, a sensitivity's variants × arms), and
 * the longest prefix of seeds, in seed order, for which every group has finished. It says when that prefix has grown
 * to one worth a provisional answer: at least `first` seeds, fewer than all (the final answer is the batch's own),
 * and more than the last one taken. Each prefix is taken at most once. A burst of runs that completes several seeds
 * at once gives one prefix, the longest, to `take` (a screen shows the latest answer); `takeEach` gives every one of
 * them, so a log of provisional answers is the same whichever thread finished first.
 */
export class SeedTally {
  /** Each task's result, by task index (undefined until it is in). */
  protected readonly results: (RunResult | undefined)[];
  /** Runs finished per seed index. */
  private readonly perSeed: number[];
  private complete = 0;
  private taken = 0;

  constructor(
    /** Seeds per group. */
    readonly seeds: number,
    /** Task groups: every one must finish a seed before the prefix takes it. */
    readonly groups: number,
    readonly first: number = FIRST_PROVISIONAL_SEEDS,
  ) {
    this.results = new Array<RunResult | undefined>(seeds * groups);
    this.perSeed = Array.from({ length: seeds }, () => 0);
  }

  /** Seeds, from the first, for which every group has finished. */
  get completeSeeds(): number {
    return this.complete;
  }

  /** The results so far, by task index (holes where a run is not in yet). */
  get resultsSoFar(): readonly (RunResult | undefined)[] {
    return this.results;
  }

  /** Records task `index`'s result; true when a prefix is now due (see `take`). A repeated index changes nothing. */
  add(index: number, result: RunResult): boolean {
    const r = this.seeds;
    if (index < 0 || index >= this.results.length || this.results[index] !== undefined) return this.due();
    this.results[index] = result;
    this.perSeed[index % r] = (this.perSeed[index % r] ?? 0) + 1;
    while (this.complete < r && this.perSeed[this.complete] === this.groups) this.complete += 1;
    return this.due();
  }

  /** Whether a prefix is due: complete, at least `first` seeds, short of all, and longer than the last taken. */
  due(): boolean {
    return this.complete >= this.first && this.complete < this.seeds && this.complete > this.taken;
  }

  /** The due prefix's seed count (marked as taken), or null when none is due. */
  take(): number | null {
    if (!this.due()) return null;
    this.taken = this.complete;
    return this.complete;
  }

  /**
   * Every prefix not taken yet, shortest first, from `first` seeds up to the complete prefix (short
   * of all seeds); marks them taken.
   */
  takeEach(): number[] {
    const upto = Math.min(this.complete, this.seeds - 1);
    const out: number[] = [];
    for (let n = Math.max(this.taken + 1, this.first); n <= upto; n++) out.push(n);
    this.taken = Math.max(this.taken, upto);
    return out;
  }
}

/**
 * The first `count` seeds' results of every group, group after group, from results in task order (groups of
 * `seeds` tasks, seed innermost; missing runs allowed beyond the prefix). Throws when a run of the prefix is missing.
 */
export function groupPrefix(results: readonly (RunResult | undefined)[], seeds: number, count: number): RunResult[] {
  const n = Math.max(0, Math.min(count, seeds));
  const groups = seeds > 0 ? Math.floor(results.length / seeds) : 0;
  const out: RunResult[] = [];
  for (let g = 0; g < groups; g++) {
    for (let s = 0; s < n; s++) {
      const result = results[g * seeds + s];
      if (result === undefined) throw new RangeError(`task ${g * seeds + s} (seed index ${s}): not run yet`);
      out.push(result);
    }
  }
  return out;
}

/**
 * Collects a comparison's runs as they finish, in any order (SeedTally with the arms as groups), and gives the plan
 * and results of a complete prefix of seeds.
 */
export class SeedPrefix extends SeedTally {
  constructor(
    readonly plan: ComparePlan,
    first: number = FIRST_PROVISIONAL_SEEDS,
  ) {
    super(plan.seeds.length, plan.armIds.length, first);
  }

  /** The plan and results of the first `seeds` seeds (all finished), for summariseCompare or checkedComparison. */
  prefix(seeds: number): { plan: ComparePlan; results: RunResult[] } {
    return { plan: prefixPlan(this.plan, seeds), results: prefixResults(this.plan, this.results, seeds) };
  }
}

/**
 * A round of a sequential analysis, run seed by seed: `stretches` stretches of `size` runs each (one seed of every
 * group still going), run k in stretch k / size. Says when the stretches from the first are complete up to a new one,
 * short of the last (the round's end, which the analysis answers itself as it may be the final answer).
 */
export class StretchTally {
  private readonly done: number[];
  private shown = 0;

  constructor(
    private readonly stretches: number,
    private readonly size: number,
  ) {
    this.done = new Array<number>(stretches).fill(0);
  }

  /** Records run k (once); returns how many stretches are complete when that is newly more, else null. */
  add(k: number): number | null {
    const s = Math.floor(k / this.size);
    this.done[s] = (this.done[s] ?? 0) + 1;
    let complete = this.shown;
    while (complete < this.stretches && this.done[complete] === this.size) complete++;
    if (complete === this.shown || complete === this.stretches) return null;
    this.shown = complete;
    return complete;
  }
}
