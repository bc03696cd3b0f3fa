// The library checks its options as the CLI does: the same schemas (src/analysis/options.ts), the same words, a
// typed error naming the option before anything runs, and a scenario that has been through loadScenario.
import { availableParallelism } from 'node:os';
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.ts';
import { main } from '../../src/cli/main.ts';
import {
  buildEvidencePack,
  calibrate,
  compare,
  defaultWorkers,
  fit,
  gate,
  loadScenario,
  OptionsError,
  run,
  ScenarioError,
  sensitivity,
  sweep,
  target,
  verifyPack,
  zone,
  type Executor,
  type LoadedScenario,
  type OptionProblem,
} from '../../src/lib/index.ts';
import { capture, TINY_SCENARIO, tinyScenarioFile } from '../cli/fixtures.ts';

const tiny = loadScenario(TINY_SCENARIO);

/** An executor that must not be reached: every refusal comes before the first run. */
function never(): Executor & { mock: { calls: unknown[] } } {
  return vi.fn(async () => {
    throw new Error('a run started');
  }) as unknown as Executor & { mock: { calls: unknown[] } };
}

/** The problems of the OptionsError `promise` rejects with. */
async function problemsOf(promise: Promise<unknown>): Promise<OptionProblem[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OptionsError);
  return (error as OptionsError).problems;
}

/** The line the CLI prints for a command line it refuses. */
function cliLine(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`the CLI accepted ${argv.join(' ')}`);
}

describe('the known failures, each refused before any run with the option named', () => {
  it('replications 0, 1.5 and "2" are refused with the words the CLI prints for --replications', async () => {
    for (const [value, text] of [
      [0, '0'],
      [1.5, '1.5'],
      ['2', 'two'],
    ] as const) {
      const executor = never();
      const problems = await problemsOf(compare(tiny, { replications: value as number }, { executor }));
      expect(problems).toEqual([{ option: 'replications', message: 'must be a whole number from 1 to 1000', value }]);
      expect(executor.mock.calls).toHaveLength(0);
      expect(cliLine(['compare', 'a.json', '--replications', text])).toContain(
        `--replications ${problems[0]!.message} (got '${text}')`,
      );
    }
    await expect(compare(tiny, { replications: 0 })).rejects.toThrow(
      'replications must be a whole number from 1 to 1000 (got 0)',
    );
  });

  it('an empty or repeated arm list is refused, as --arms refuses it', async () => {
    const executor = never();
    expect(await problemsOf(compare(tiny, { arms: [] }, { executor }))).toEqual([
      { option: 'arms', message: 'needs at least one arm id', value: [] },
    ]);
    const twice = await problemsOf(compare(tiny, { arms: ['median', 'median'] }, { executor }));
    expect(twice).toEqual([{ option: 'arms', message: "lists 'median' twice", value: ['median', 'median'] }]);
    expect(cliLine(['compare', 'a.json', '--arms', 'median,median'])).toContain(`--arms ${twice[0]!.message}`);
    expect(await problemsOf(compare(tiny, { arms: ['median', ''] }, { executor }))).toMatchObject([
      { option: 'arms', message: 'is a list without empty items' },
    ]);
    expect(cliLine(['compare', 'a.json', '--arms', 'a,,b'])).toContain('--arms is a list without empty items');
    const unknown = await problemsOf(compare(tiny, { arms: ['median', 'nope'] }, { executor }));
    expect(unknown).toMatchObject([{ option: 'arms', message: expect.stringContaining("'nope'") }]);
    expect(executor.mock.calls).toHaveLength(0);
  });

  it('buildEvidencePack refuses a negative seed, and one whose seeds would pass 2^31 − 1, as fairpace evidence does', async () => {
    const executor = never();
    const negative = await problemsOf(buildEvidencePack(tiny, { seed: -3 }, { executor }));
    expect(negative).toEqual([{ option: 'seed', message: 'must be a whole number from 0 to 2147483647', value: -3 }]);
    expect(cliLine(['evidence', 'a.json', '--out', 'p.zip', '--seed=-3'])).toContain(
      `--seed ${negative[0]!.message} (got '-3')`,
    );
    // Two replications from the largest seed would write seeds[1] = 2^31, which no manifest may hold.
    expect(await problemsOf(buildEvidencePack(tiny, { seed: 2_147_483_647 }, { executor }))).toMatchObject([
      { option: 'seed', message: expect.stringContaining('no room for 2 replications') },
    ]);
    expect(executor.mock.calls).toHaveLength(0);
  });

  it('a pack built from the lowest seed verifies', async () => {
    const pack = await buildEvidencePack(tiny, { seed: 0, replications: 1 }, { workers: 1 });
    expect(pack.manifest.seeds).toEqual([0]);
    expect((await verifyPack(pack.zip, { workers: 1 })).verified).toBe(true);
  });

  it('an object that skipped loadScenario is loaded, or refused with its JSON paths, never a TypeError', async () => {
    const raw = JSON.parse(JSON.stringify(TINY_SCENARIO)) as LoadedScenario;
    expect(JSON.stringify(await compare(raw, {}, { workers: 1 }))).toBe(
      JSON.stringify(await compare(tiny, {}, { workers: 1 })),
    );
    const bad = { schemaVersion: 2, population: { couriers: 0 } } as unknown as LoadedScenario;
    const refused = await compare(bad).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ScenarioError);
    expect((refused as ScenarioError).problems[0]?.path).toBe('population.couriers');
    expect(() => run({ schemaVersion: 2, arms: 'median' } as unknown as LoadedScenario)).toThrow(ScenarioError);
    expect(() => run('{"schemaVersion":2}' as unknown as LoadedScenario)).toThrow(/from loadScenario/);
    await expect(sweep(undefined as unknown as LoadedScenario, { param: 'p', values: [1] })).rejects.toThrow(
      ScenarioError,
    );
  });
});

describe('every function checks its options by its schema', () => {
  it('names each bad option of each function, and an option it does not know', async () => {
    const executor = never();
    const how = { executor };
    const firstOption = async (p: Promise<unknown>) => (await problemsOf(p))[0]?.option;
    expect(() => run(tiny, { seed: 1.5 })).toThrow('seed must be a whole number from 0 to 2147483647 (got 1.5)');
    expect(() => run(tiny, { arm: 'nope' })).toThrow(OptionsError);
    expect(await firstOption(compare(tiny, { replication: 3 } as never, how))).toBe('replication');
    expect(await firstOption(gate(tiny, { assert: ['earnings.gin <= 1'] }, how))).toBe('assert[0]');
    expect(await firstOption(gate(tiny, { assert: ['earnings.gini <= 1'], confidence: 'high' as never }, how))).toBe(
      'confidence',
    );
    expect(await firstOption(sweep(tiny, { param: 'rules.pay.base', values: [] }, how))).toBe('values');
    const targetOptions = { param: 'rules.pay.base', min: 9, max: 5, targets: [] };
    expect(await problemsOf(target(tiny, targetOptions, how))).toMatchObject([
      { option: 'targets' },
      { option: 'max', message: 'must be above «min» (9)' },
    ]);
    expect(await firstOption(sensitivity(tiny, { arms: ['median'] as never }, how))).toBe('arms');
    const axis = { param: 'rules.pay.base', values: [6, 6] };
    expect(
      await firstOption(
        zone(tiny, { x: axis, y: { param: 'rules.pay.base', values: [1] }, union: [], platform: [] }, how),
      ),
    ).toBe('x.values');
    expect(await firstOption(calibrate(tiny, undefined, { replications: 0 }, how))).toBe('replications');
    expect(await firstOption(fit(tiny, undefined as never, { params: [] }, how))).toBe('params');
    expect(await firstOption(compare(tiny, {}, { workers: 0 }))).toBe('workers');
    expect(await firstOption(verifyPack(new Uint8Array(), { workers: 1.5 }))).toBe('workers');
    expect(executor.mock.calls).toHaveLength(0);
  });

  it('the rules between options read with each reader its own names', async () => {
    const targetOptions = {
      param: 'rules.pay.base',
      min: 9,
      max: 5,
      targets: [{ metric: 'earnings.gini', op: '<=' as const, threshold: 1 }],
    };
    await expect(target(tiny, targetOptions, { executor: never() })).rejects.toThrow(
      'max must be above min (9) (got 5)',
    );
    const cli = cliLine([
      'target',
      'a.json',
      '--param',
      'rules.pay.base',
      '--min',
      '9',
      '--max',
      '5',
      '--target',
      'earnings.gini <= 1',
    ]);
    expect(cli).toContain("--max must be above --min (9) (got '5')");
  });

  it('an arm, a path or a targets file that does not fit the scenario is an OptionsError before any run', async () => {
    const executor = never();
    const options = {
      param: 'rules.nope',
      min: 0,
      max: 1,
      targets: [{ metric: 'earnings.gini', op: '<=' as const, threshold: 1 }],
    };
    await expect(target(tiny, options, { executor })).rejects.toThrow(OptionsError);
    await expect(gate(tiny, { assert: ['earnings.gini@nope <= 1'] }, { executor })).rejects.toThrow(
      /unknown arm 'nope'/,
    );
    expect(executor.mock.calls).toHaveLength(0);
  });
});

describe('results and defaults', () => {
  const file = tinyScenarioFile('fairpace-lib-options-');

  it('each arm carries its metrics with 95% intervals; without them the comparison is what fairpace compare prints', async () => {
    const comparison = await compare(loadScenario(await readFile(file.path, 'utf8')), {}, { workers: 1 });
    for (const arm of comparison.arms) {
      const share = arm.intervals['earnings.shareBelowMinWage'];
      expect(share.mean).toBeCloseTo(arm.metrics.earnings.shareBelowMinWage, 12);
      expect(share.ci95[0]).toBeGreaterThanOrEqual(0);
      expect(share.ci95[0]).toBeLessThanOrEqual(share.mean);
      expect(share.ci95[1]).toBeLessThanOrEqual(1);
      const hours = arm.intervals['workload.onlineHours.mean'];
      expect(hours.mean).toBeCloseTo(arm.metrics.workload.onlineHours.mean, 12);
      expect(Object.keys(arm.intervals)).toEqual(Object.keys(comparison.differences));
    }
    const cli = capture();
    expect(await main(['compare', file.path, '--workers', '1'], { io: cli, env: {} })).toBe(0);
    const printed = { ...comparison, arms: comparison.arms.map(({ intervals: _intervals, ...arm }) => arm) };
    expect(JSON.stringify(printed, null, 2) + '\n').toBe(cli.out);
  });

  it('a sweep point carries its arms intervals too', async () => {
    const swept = await sweep(tiny, { param: 'rules.pay.base', values: [6, 12], replications: 2 }, { workers: 1 });
    const arm = swept.points[1]!.arms[0]!;
    expect(arm.intervals['earnings.netPerOnlineHour.mean'].mean).toBeCloseTo(
      arm.metrics.earnings.netPerOnlineHour.mean,
      12,
    );
  });

  it('the default worker count is the CLI: one per core', () => {
    expect(defaultWorkers()).toBe(availableParallelism());
  });

  it('loading a loaded scenario changes nothing, for every preset', async () => {
    const folder = new URL('../../scenarios/', import.meta.url);
    for (const name of (await readdir(folder)).filter((f) => f.endsWith('.json') && !f.includes('schema'))) {
      const once = loadScenario(await readFile(new URL(name, folder), 'utf8'));
      expect(JSON.stringify(loadScenario(once)), name).toBe(JSON.stringify(once));
    }
  });
});
