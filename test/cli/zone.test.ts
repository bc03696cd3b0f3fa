// `fairpace zone` through main(): output shape, the same result for any number of worker threads, --out, exit codes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.ts';
import { main } from '../../src/cli/main.ts';
import { capture, sameOnOneAndTwoWorkers, tinyScenarioFile } from './fixtures.ts';

const tiny = tinyScenarioFile('fairpace-zone-');

const GRID = ['--x', 'rules.deadline.percentile=30,50', '--y', 'rules.pay.base=7,20', '--arm', 'median'];

describe('fairpace zone', () => {
  it('writes the zone JSON, the same with one or two worker threads', async () => {
    const args = [
      'zone',
      tiny.path,
      ...GRID,
      '--union',
      'earnings.netPerOnlineHour.mean >= 21',
      '--platform',
      'platform.margin >= -100000',
      '--confidence',
      'mean',
    ];
    const one = await sameOnOneAndTwoWorkers(args);
    const result = JSON.parse(one.out);
    expect(result).toMatchObject({
      arm: 'median',
      confidence: 'mean',
      x: { param: 'rules.deadline.percentile', values: [30, 50] },
      y: { param: 'rules.pay.base', values: [7, 20] },
      current: { x: 50, y: 7, index: 1 },
    });
    expect(result.cells).toHaveLength(4);
    expect(result.cells[0].metrics['earnings.netPerOnlineHour.mean'].ci95).toHaveLength(2);
    expect(result.cells[0].union[0]).toMatchObject({ metric: 'earnings.netPerOnlineHour.mean', op: '>=' });
    const accepted = result.cells.filter((c: { unionHolds: boolean }) => c.unionHolds);
    if (accepted.length > 0) expect(result.cheapestForPlatform).not.toBeNull();
    else expect(result.cheapestForPlatform).toBeNull();
  });

  it('writes --out and exits 2 naming the argument for bad input', async () => {
    const out = join(tiny.dir, 'zone.json');
    const io = capture();
    const ok = [...GRID, '--union', 'earnings.shareBelowMinWage <= 0.5', '--replications', '1'];
    expect(await main(['zone', tiny.path, ...ok, '--out', out], { io, env: {} })).toBe(0);
    expect(io.out).toBe('');
    expect(JSON.parse(await readFile(out, 'utf8')).seeds).toHaveLength(1);
    const cases: [string[], RegExp][] = [
      [[...GRID, '--union', 'earnings.nope <= 1'], /--union .*unknown metric path 'earnings.nope'/],
      [[...GRID, '--platform', 'margin is high'], /--platform .*is not a target/],
      [GRID, /missing limits/],
      [['--y', 'rules.pay.base=6,20', '--union', 'service.onTimeRate >= 0.9'], /missing --x/],
      [
        ['--x', 'rules.pay.base=6,x', '--y', 'rules.deadline.percentile=1', '--platform', 'service.onTimeRate >= 0.9'],
        /--x: 'x' is not a number/,
      ],
      [['--x', 'rules.nope=1,2', '--y', 'rules.pay.base=6', '--union', 'service.onTimeRate >= 0.9'], /rules.nope/],
      [[...GRID.slice(0, 4), '--arm', 'nope', '--union', 'service.onTimeRate >= 0.9'], /nope/],
      [[...GRID, '--union', 'service.onTimeRate >= 0.9', '--union-best', 'service.onTimeRate up'], /--union-best/],
    ];
    for (const [args, message] of cases) {
      const e = capture();
      expect(await main(['zone', tiny.path, ...args], { io: e, env: {} }), args.join(' ')).toBe(2);
      expect(e.err).toMatch(message);
    }
  });

  it('parses repeated limits and the union objective', () => {
    const command = parseCommandLine([
      'zone',
      'x.json',
      ...GRID,
      '--union',
      'earnings.shareBelowMinWage <= 0.05',
      '--union',
      'safety.relativeCrashRisk<1.1',
      '--platform',
      'platform.margin >= 0',
      '--union-best',
      'earnings.netPerOnlineHour.mean higher',
    ]);
    expect(command).toMatchObject({
      kind: 'zone',
      x: { param: 'rules.deadline.percentile', values: [30, 50] },
      union: [
        { metric: 'earnings.shareBelowMinWage', op: '<=', threshold: 0.05 },
        { metric: 'safety.relativeCrashRisk', op: '<', threshold: 1.1 },
      ],
      platform: [{ metric: 'platform.margin', op: '>=', threshold: 0 }],
      unionObjective: { metric: 'earnings.netPerOnlineHour.mean', better: 'higher' },
      confidence: 'ci',
    });
  });
});
