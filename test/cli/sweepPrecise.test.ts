// `fairpace sweep --precision`: each value on the replications it needed (JSON replicationsByValue), its point that
// of `sweep --replications n` at that value, the runs said on stderr, one round a provisional line with --progress,
// the same answer on one worker or two, and the refusals (a precision out of range, a shard, sweeping replications).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fairpaceIn } from './cliProcess.ts';
import { TINY_SCENARIO } from './fixtures.ts';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-sweep-precise-'));
  await writeFile(join(dir, 'tiny.json'), JSON.stringify({ ...TINY_SCENARIO, replications: 5 }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fairpace = fairpaceIn(() => dir);

interface Sweep {
  points: unknown[];
  replicationsByValue: number[];
}

describe('fairpace sweep --precision', () => {
  const args = ['sweep', 'tiny.json', '--param', 'rules.pay.base', '--values', '4,8', '--precision', '0.000001'];

  it('runs each value until it is precise or every seed is run, and each point is the fixed sweep’s', async () => {
    const one = await fairpace([...args, '--workers', '1']);
    expect(one.code, one.stderr).toBe(0);
    const result = JSON.parse(one.stdout) as Sweep;
    expect(result.replicationsByValue).toHaveLength(2);
    expect(one.stderr).toMatch(/^runs: \d+ of (the full sweep's )?20 /m);
    for (const [i, value] of ['4', '8'].entries()) {
      const n = result.replicationsByValue[i] as number;
      const fixed = await fairpace([
        'sweep',
        'tiny.json',
        '--param',
        'rules.pay.base',
        '--values',
        value,
        '--replications',
        `${n}`,
      ]);
      expect(JSON.stringify(result.points[i])).toBe(JSON.stringify((JSON.parse(fixed.stdout) as Sweep).points[0]));
    }
    const two = await fairpace([...args, '--workers', '2', '--progress']);
    expect(two.stdout).toBe(one.stdout);
    const lines = two.stderr.split('\n').filter((l) => l.startsWith('provisional '));
    // One line a round but the last: 3 seeds, then 5 is the end.
    expect(
      lines.every((l) => l.startsWith('provisional 3/5 replications, rules.pay.base')),
      two.stderr,
    ).toBe(true);
  });

  it('refuses a precision out of range, a shard and a sweep of the replications', async () => {
    for (const [extra, message] of [
      [['--param', 'rules.pay.base', '--values', '4', '--precision', '0'], /--precision.*must be a number above 0/],
      [
        ['--param', 'rules.pay.base', '--values', '4', '--precision', '0.2', '--shard', '1/2', '--out', 'p.json'],
        /cannot be sharded/,
      ],
      [['--param', 'replications', '--values', '3,4', '--precision', '0.2'], /cannot sweep them/],
    ] as const) {
      const r = await fairpace(['sweep', 'tiny.json', ...extra]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
