// `fairpace sensitivity --precision`: the ranking with each parameter's seeds, fewer runs than the full analysis (said
// on stderr), the same answer on one worker or two, and the refusals (a precision out of range, a shard).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fairpaceIn } from './cliProcess.ts';
import { TINY_SCENARIO } from './fixtures.ts';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-sens-'));
  await writeFile(join(dir, 'tiny.json'), JSON.stringify({ ...TINY_SCENARIO, replications: 6 }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fairpace = fairpaceIn(() => dir);

const PARAMS = 'compliance.heat37MaxHours,rules.pay.commissionRate,population.comfortSpeedKmh.mean';

describe('fairpace sensitivity --precision', () => {
  it('screens, refines only what is in doubt, and says how many runs of the full analysis it made', async () => {
    const args = ['sensitivity', 'tiny.json', '--params', PARAMS, '--precision', '0.2'];
    const one = await fairpace([...args, '--workers', '1']);
    expect(one.code, one.stderr).toBe(0);
    const result = JSON.parse(one.stdout) as {
      params: { path: string }[];
      replicationsByParam: Record<string, number>;
      scoreInterval: Record<string, [number, number]>;
    };
    expect(result.params.map((p) => p.path).sort()).toEqual(PARAMS.split(',').sort());
    // A parameter no metric reads stops after the first round of 3 seeds.
    expect(result.replicationsByParam['compliance.heat37MaxHours']).toBe(3);
    const said = /runs: (\d+) of (?:the full analysis's )?(\d+)/.exec(one.stderr);
    expect(said, one.stderr).not.toBeNull();
    expect(Number(said?.[2])).toBe(7 * 2 * 6);
    expect(Number(said?.[1])).toBeLessThan(Number(said?.[2]));
    const two = await fairpace([...args, '--workers', '2']);
    expect(two.stdout).toBe(one.stdout);
    const table = await fairpace([...args, '--format', 'table', '--workers', '2']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/rules\.pay\.commissionRate/);
  });

  it('refuses a precision out of range and a shard', async () => {
    for (const [extra, message] of [
      [['--precision', '0'], /--precision.*must be a number above 0/],
      [['--precision', 'x'], /--precision/],
      [['--precision', '0.2', '--shard', '1/2', '--out', 'p.json'], /cannot be sharded/],
    ] as const) {
      const r = await fairpace(['sensitivity', 'tiny.json', '--params', PARAMS, ...extra]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
