// `fairpace target` and `fairpace sensitivity` through main(): output shape, exit codes, --out, and the same result
// for any number of worker threads.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.ts';
import { main } from '../../src/cli/main.ts';
import { capture, sameOnOneAndTwoWorkers, tinyScenarioFile } from './fixtures.ts';

const tiny = tinyScenarioFile('fairpace-target-');

const TARGET = ['--param', 'rules.pay.base', '--min', '0', '--max', '40', '--arm', 'median', '--max-steps', '8'];

describe('fairpace target', () => {
  it('writes the contract JSON, the same with one or two worker threads', async () => {
    const args = [
      'target',
      tiny.path,
      ...TARGET,
      '--target',
      'earnings.netPerOnlineHour.mean >= 21',
      '--confidence',
      'mean',
    ];
    const one = await sameOnOneAndTwoWorkers(args);
    const result = JSON.parse(one.out);
    expect(result).toMatchObject({ param: 'rules.pay.base', reached: true, arm: 'median', monotone: true });
    expect(typeof result.value).toBe('number');
    expect(result.targets[0]).toMatchObject({ metric: 'earnings.netPerOnlineHour.mean', op: '>=', threshold: 21 });
    expect(result.targets[0].achieved).toBeGreaterThanOrEqual(21);
    expect(result.targets[0].ci95).toHaveLength(2);
    expect(result.steps.length).toBeLessThanOrEqual(8);
    expect(result.platformCost.currentValue).toBe(7);
  });

  it('with --precision: the same answer with one or two threads, the runs said on stderr, and not with --grid', async () => {
    const args = [
      'target',
      tiny.path,
      ...TARGET,
      '--target',
      'earnings.netPerOnlineHour.mean >= 21',
      '--confidence',
      'mean',
      '--precision',
      '0.02',
    ];
    const one = await sameOnOneAndTwoWorkers(args);
    const result = JSON.parse(one.out);
    expect(result).toMatchObject({ param: 'rules.pay.base', reached: true, arm: 'median' });
    expect(result.targets[0].achieved).toBeGreaterThanOrEqual(21);
    expect(result.replicationsByValue.length).toBe(
      result.steps.length + (result.steps.some((s: { value: number }) => s.value === 7) ? 0 : 1),
    );
    expect(one.err).toMatch(/runs: \d+ \(\d+ values, \d+ of them decided on fewer than \d+ seeds\); stopped: /);
    const grid = capture();
    expect(await main([...args, '--grid', '5'], { io: grid, env: {} })).toBe(2);
    expect(grid.err).toMatch(/--precision goes with the search, not with --grid|--grid replaces the search/);
  });

  it('reports value null when no value in bounds meets the targets, and writes --out', async () => {
    const out = join(tiny.dir, 'target.json');
    const io = capture();
    const args = ['target', tiny.path, ...TARGET, '--target', 'earnings.netPerOnlineHour.mean >= 5000', '--out', out];
    expect(await main(args, { io, env: {} })).toBe(0);
    expect(io.out).toBe('');
    const result = JSON.parse(await readFile(out, 'utf8'));
    expect(result.value).toBeNull();
    expect(result.reached).toBe(false);
    expect(result.message).toBe('no value in bounds meets the targets');
  });

  it('exits 2 naming the argument for a bad target, metric, parameter, bound or arm', async () => {
    const cases: [string[], RegExp][] = [
      [[...TARGET, '--target', 'earnings.nope <= 1'], /--target .*unknown metric path 'earnings.nope'/],
      [[...TARGET, '--target', 'onTimeRate is high'], /--target .*is not a target/],
      [['--param', 'rules.nope', '--min', '0', '--max', '1', '--target', 'service.onTimeRate >= 0.9'], /rules.nope/],
      [['--param', 'rules.pay.base', '--min', '5', '--max', '1', '--target', 'service.onTimeRate >= 0.9'], /--max/],
      [['--param', 'rules.pay.base', '--min', 'x', '--max', '1', '--target', 'service.onTimeRate >= 0.9'], /--min/],
      [['--min', '0', '--max', '1', '--target', 'service.onTimeRate >= 0.9'], /missing --param/],
      [['--param', 'rules.pay.base', '--min', '0', '--max', '1'], /missing --target/],
      [[...TARGET.slice(0, 6), '--arm', 'nope', '--target', 'service.onTimeRate >= 0.9'], /nope/],
      [[...TARGET, '--target', 'service.onTimeRate >= 0.9', '--direction', 'up'], /--direction must be one of/],
    ];
    for (const [args, message] of cases) {
      const io = capture();
      expect(await main(['target', tiny.path, ...args], { io, env: {} }), args.join(' ')).toBe(2);
      expect(io.err).toMatch(message);
    }
  });

  it('parses repeated --target options into a list', () => {
    const command = parseCommandLine([
      'target',
      'x.json',
      '--param',
      'rules.pay.base',
      '--min',
      '1',
      '--max',
      '2',
      '--target',
      'earnings.shareBelowMinWage <= 0.05',
      '--target',
      'safety.relativeCrashRisk<1.1',
    ]);
    expect(command).toMatchObject({
      kind: 'target',
      targets: [
        { metric: 'earnings.shareBelowMinWage', op: '<=', threshold: 0.05 },
        { metric: 'safety.relativeCrashRisk', op: '<', threshold: 1.1 },
      ],
      direction: 'smallest',
      confidence: 'ci',
    });
  });
});

describe('fairpace sensitivity', () => {
  it('ranks the given parameters, as JSON and as a table', async () => {
    const params = ['--params', 'compliance.heat37MaxHours,rules.pay.commissionRate,rules.pay.base=4:8'];
    const io = capture();
    expect(await main(['sensitivity', tiny.path, ...params, '--workers', '1'], { io, env: {} })).toBe(0);
    const result = JSON.parse(io.out);
    expect(result.arms).toEqual(['strictest', 'median']);
    expect(result.params.map((p: { path: string }) => p.path).at(-1)).toBe('compliance.heat37MaxHours');
    expect(result.params.at(-1).score).toBe(0);
    const base = result.params.find((p: { path: string }) => p.path === 'rules.pay.base');
    expect([base.low, base.high]).toEqual([4, 8]);
    const table = capture();
    expect(await main(['sensitivity', tiny.path, ...params, '--format', 'table'], { io: table, env: {} })).toBe(0);
    expect(table.out).toContain('compliance.heat37MaxHours');
    expect(table.out).toMatch(/^rank\s+parameter/);
  });

  it('exits 2 for an unknown parameter or a bad --arms', async () => {
    for (const [args, message] of [
      [['--params', 'city.nope'], /--params: city.nope/],
      [['--arms', 'strictest'], /--arms takes exactly two/],
      [['--arms', 'strictest,nope'], /nope/],
    ] as [string[], RegExp][]) {
      const io = capture();
      expect(await main(['sensitivity', tiny.path, ...args], { io, env: {} })).toBe(2);
      expect(io.err).toMatch(message);
    }
  });
});
