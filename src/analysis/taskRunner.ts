/**
 * What a worker (a CLI thread or a browser Web Worker) does with a task from its pool: find the scenario by digest
 * (sent only the first time; see HeldScenarios), run the task, and keep its warm-up for the runs of the same seed.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/results.ts';
import { simulate } from '../sim/simulate.ts';
import { WarmupCache } from '../sim/warmup.ts';
import { HeldScenarios } from './heldScenarios.ts';

/** One task for a worker: the scenario travels only when the worker does not hold `key` already. */
export interface WorkerTask {
  key: string;
  scenario?: Scenario;
  armId: string;
  seed: number;
  /** Keep the run's courier-day rows (evidence packs). */
  courierDays?: boolean;
  /** Keep the run's order trace (the guide's chart of delivery times). */
  orders?: boolean;
}

/** A worker's scenarios and warm-ups, and how it runs a task. */
export class TaskRunner {
  private readonly scenarios = new HeldScenarios<Scenario>();
  private readonly warmups = new WarmupCache();

  run(task: WorkerTask): RunResult {
    const scenario = this.scenarios.use(task.key, task.scenario);
    if (!scenario) throw new Error(`scenario ${task.key} was never sent to this worker`);
    return simulate(scenario, task.armId, task.seed, {
      warmups: this.warmups,
      ...(task.courierDays ? { courierDays: true } : {}),
      ...(task.orders ? { orders: true } : {}),
    });
  }
}
