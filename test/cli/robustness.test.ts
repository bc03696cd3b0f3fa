// `fairpace robustness`: the table and JSON, shards that merge byte for byte into the whole, and its refusals.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fairpaceIn } from './cliProcess.ts';
import { TINY_SCENARIO } from './fixtures.ts';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-robust-'));
  await writeFile(join(dir, 'tiny.json'), JSON.stringify(TINY_SCENARIO));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fairpace = fairpaceIn(() => dir);

const ARGS = [
  'robustness',
  'tiny.json',
  '--worlds',
  '6',
  '--params',
  'population.comfortSpeedKmh.mean,rules.pay.commissionRate',
];

describe('fairpace robustness', () => {
  it('writes the same result whole and as two merged shards, and reads as a table', async () => {
    const whole = await fairpace([...ARGS, '--workers', '2', '--out', 'whole.json']);
    expect(whole.code, whole.stderr).toBe(0);
    for (const k of [1, 2]) {
      const part = await fairpace([...ARGS, '--workers', '1', '--shard', `${k}/2`, '--out', `part${k}.json`]);
      expect(part.code, part.stderr).toBe(0);
    }
    const merged = await fairpace(['merge', 'part1.json', 'part2.json', '--out', 'merged.json']);
    expect(merged.code, merged.stderr).toBe(0);
    const a = await readFile(join(dir, 'whole.json'), 'utf8');
    expect(await readFile(join(dir, 'merged.json'), 'utf8')).toBe(a);
    const result = JSON.parse(a) as {
      worlds: number;
      samples: number[][];
      metrics: { metric: string; holds: number }[];
    };
    expect(result.worlds).toBe(6);
    expect(result.samples).toHaveLength(6);
    expect(result.metrics.length).toBeGreaterThan(0);
    const table = await fairpace([...ARGS, '--format', 'table']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/6 worlds drawn from 2 assumptions/);
    expect(table.stdout).toMatch(/holds in/);
  });

  it('refuses a number of worlds, arms or parameters it cannot use, before any run', async () => {
    for (const [extra, message] of [
      [['--worlds', '1'], /--worlds must be a whole number from 2 to 10000/],
      [['--worlds', '2.5'], /--worlds must be a whole number/],
      [['--arms', 'strictest'], /--arms needs exactly two arm ids/],
      [['--params', 'no.such.path'], /no\.such\.path/],
    ] as const) {
      const r = await fairpace(['robustness', 'tiny.json', ...extra]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('seeds past the largest a file can hold', () => {
  it('are refused before any run, by every batch command', async () => {
    for (const args of [
      ['evidence', 'tiny.json', '--seed', '2147483647', '--out', 'p.zip'],
      ['compare', 'tiny.json', '--seed', '2147483647'],
      ['robustness', 'tiny.json', '--seed', '2147483600', '--worlds', '100'],
    ]) {
      const r = await fairpace(args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/leaves no room for this command's runs: their seeds go up to \d+, past 2147483647/);
    }
    const ok = await fairpace(['compare', 'tiny.json', '--seed', '2147483600', '--workers', '1']);
    expect(ok.code, ok.stderr).toBe(0);
  });
});
