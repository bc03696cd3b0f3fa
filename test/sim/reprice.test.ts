// A run re-priced under other per-order economics (src/sim/reprice.ts) is, byte for byte, the run made under them;
// the executor that re-prices instead of running (src/analysis/repricing.ts) gives every task the bytes its own
// run would give, running each run once.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repriceSources, repricingExecutor } from '../../src/analysis/repricing.ts';
import { runInProcess, type RunTask } from '../../src/analysis/runTasks.ts';
import { withParam } from '../../src/scenario/paths.ts';
import { rulesForArm } from '../../src/scenario/rulesForArm.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { reprice } from '../../src/sim/reprice.ts';
import { simulate } from '../../src/sim/simulate.ts';

function preset(name: string, patch: (json: Record<string, unknown>) => void = () => undefined): Scenario {
  const json = JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8'));
  patch(json);
  const loaded = validateScenario(json);
  if (!loaded.ok) throw new Error(`${name} invalid`);
  return loaded.scenario;
}

/** Other per-order money, none of it a round figure. */
const OTHER_MONEY: [string, number][] = [
  ['rules.platform.deliveryRevenuePerOrder', 7.13],
  ['rules.platform.customerFeeShare', 0.37],
  ['rules.platform.orderValue', 52.5],
  ['rules.platform.otherCostPerOrder', 1.91],
];

describe('reprice', () => {
  // demo-small over three days with fines to the station and compensation paid by the platform, and as shipped;
  // yantai-2021's median arm.
  // Each rule alone is checked on demo-small; yantai-2021 (whose runs take longer) with all four at once.
  const cases: [string, Scenario, string, boolean][] = [
    ['demo-small', preset('demo-small'), 'median', true],
    [
      'demo-small, 3 days, fines to the station, the platform compensating',
      preset('demo-small', (j) => {
        j.time = { ...(j.time as object), days: 3 };
        const rules = (j.rules ?? {}) as Record<string, Record<string, unknown>>;
        rules.penalties = { ...rules.penalties, recipient: 'station' };
        rules.compensation = { ...rules.compensation, funder: 'platform' };
        j.rules = rules;
      }),
      'strictest',
      true,
    ],
    ['yantai-2021', preset('yantai-2021'), 'median', false],
  ];

  it.each(cases)('gives the bytes of the run made under the other money (%s)', (_name, scenario, arm, eachAlone) => {
    const made = simulate(scenario, arm, 2);
    const from = rulesForArm(scenario, arm);
    let other = scenario;
    for (const [path, value] of OTHER_MONEY) {
      // One at a time, then all together.
      const one = withParam(scenario, path, value);
      if (eachAlone)
        expect(JSON.stringify(reprice(made, from, rulesForArm(one, arm)))).toBe(JSON.stringify(simulate(one, arm, 2)));
      other = withParam(other, path, value);
    }
    const repriced = reprice(made, from, rulesForArm(other, arm));
    expect(JSON.stringify(repriced)).toBe(JSON.stringify(simulate(other, arm, 2)));
    // And it is another run's money: the platform's margin moved, the couriers' pay did not.
    expect(repriced.metrics.platform.margin).not.toBe(made.metrics.platform.margin);
    expect(repriced.metrics.earnings).toEqual(made.metrics.earnings);
  });
});

describe('repricingExecutor', () => {
  const base = preset('demo-small');
  const richer = withParam(base, 'rules.platform.deliveryRevenuePerOrder', 8);
  const poorer = withParam(base, 'rules.platform.deliveryRevenuePerOrder', 5);
  const slower = withParam(base, 'population.comfortSpeedKmh.mean', 14);
  const tasks: RunTask[] = [base, richer, slower, poorer].flatMap((scenario) =>
    ['strictest', 'median'].flatMap((armId) => [1, 2].map((seed) => ({ scenario, armId, seed }))),
  );

  it('runs what differs only in per-order money once', () => {
    const sources = repriceSources(tasks);
    // base (4 tasks) and slower (4) are run; richer and poorer are the base's, task for task.
    expect(sources).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 8, 9, 10, 11, 0, 1, 2, 3]);
  });

  it('gives every task the bytes of its own run, in order, each once as it comes', async () => {
    const ran: RunTask[][] = [];
    const counting: typeof runInProcess = async (t, ...rest) => {
      ran.push(t);
      return runInProcess(t, ...rest);
    };
    const count = { run: 0, repriced: 0 };
    const seen: number[] = [];
    const progress: number[] = [];
    const results = await repricingExecutor(counting, count)(
      tasks,
      (done) => progress.push(done),
      undefined,
      (i) => seen.push(i),
    );
    expect(ran.map((t) => t.length)).toEqual([8]);
    expect(count).toEqual({ run: 8, repriced: 8 });
    expect(seen.slice().sort((a, b) => a - b)).toEqual(tasks.map((_, i) => i));
    expect(progress.at(-1)).toBe(tasks.length);
    const direct = await runInProcess(tasks);
    expect(results.map((r) => JSON.stringify(r))).toEqual(direct.map((r) => JSON.stringify(r)));
  });

  it('re-prices from the runs it made in earlier batches, and runs only what it has not made', async () => {
    const ran: number[] = [];
    const counting: typeof runInProcess = async (t, ...rest) => {
      ran.push(t.length);
      return runInProcess(t, ...rest);
    };
    const execute = repricingExecutor(counting);
    const baseTasks = tasks.slice(0, 4);
    const richerTasks = tasks.slice(4, 8);
    await execute(baseTasks);
    const seen: number[] = [];
    const later = await execute([...richerTasks, ...tasks.slice(8, 10)], undefined, undefined, (i) => seen.push(i));
    // The second batch ran only the two slower tasks; the richer four came from the first batch's runs.
    expect(ran).toEqual([4, 2]);
    expect(seen.slice().sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const direct = await runInProcess([...richerTasks, ...tasks.slice(8, 10)]);
    expect(later.map((r) => JSON.stringify(r))).toEqual(direct.map((r) => JSON.stringify(r)));
  });

  it('passes a batch with nothing to re-price straight through', async () => {
    let passed: RunTask[] = [];
    const spy: typeof runInProcess = async (t, ...rest) => {
      passed = t;
      return runInProcess(t, ...rest);
    };
    const some = tasks.slice(0, 4);
    await repricingExecutor(spy)(some);
    expect(passed).toBe(some);
  });
});
