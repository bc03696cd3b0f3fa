/**
 * Reusing a warm-up. The days before day 0 run the platform's past practice, which for arms that differ only in the
 * deadline percentile is the same: the warm-up reads the percentile of that practice (`warmupPercentile`), not the
 * arm's. A cache, owned by whoever runs many tasks (a worker, a batch), keeps the state a warm-up leaves for the next
 * run with the same key, so a comparison of two such arms runs each seed's warm-up once. Results are byte-identical
 * with or without it.
 */
import { canonicalJson } from '../scenario/canonical.ts';
import type { Rules, Scenario } from '../scenario/schema.ts';
import type { DeadlineModel } from './deadline/common.ts';
import { DEADLINE_BASES } from './deadline/index.ts';

/** What a warm-up leaves behind for day 0. */
export interface WarmupState {
  riskTolerance: Float64Array;
  deadline: DeadlineModel;
  assessDelivered: Float64Array;
  assessOnTime: Float64Array;
  score: Float64Array;
}

/**
 * The key of a warm-up: the scenario without what does not reach the engine (arms, meta, replications, seed), the
 * arm's rules without the deadline percentile when the warm-up does not read it, and the seed.
 */
export function warmupKey(scenario: Scenario, rules: Rules, seed: number): string {
  const { arms: _arms, meta: _meta, replications: _r, seed: _s, ...world } = scenario;
  const ownPercentile = DEADLINE_BASES[rules.deadline.basis].warmupReadsArmPercentile;
  const deadline = ownPercentile ? rules.deadline : { ...rules.deadline, percentile: null };
  return canonicalJson({ world, rules: { ...rules, deadline }, seed });
}

/** A small cache of warm-up states, oldest dropped first. */
export class WarmupCache {
  private readonly states = new Map<string, WarmupState>();
  /** Look-ups that found a state, and that did not (for benchmarks and tests). */
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 16) {}

  get(key: string): WarmupState | undefined {
    const state = this.states.get(key);
    if (state) this.hits++;
    else this.misses++;
    return state;
  }

  set(key: string, state: WarmupState): void {
    this.states.delete(key);
    this.states.set(key, state);
    while (this.states.size > this.capacity) {
      const oldest = this.states.keys().next().value as string;
      this.states.delete(oldest);
    }
  }
}
