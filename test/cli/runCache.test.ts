// The CLI's run cache: `--cache DIR` answers a repeated command from its folder with byte-identical output and says
// how many runs it reused; --no-cache and the flags' mistakes (a changed model never reuses a run: test/analysis/runCache.test.ts).
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheDirFor } from '../../src/cli/runStore.ts';
import { TINY_SCENARIO } from './fixtures.ts';

const BIN = fileURLToPath(new URL('../../bin/fairpace.mjs', import.meta.url));
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-cache-'));
  await writeFile(join(dir, 'tiny.json'), JSON.stringify(TINY_SCENARIO));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fairpace(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

describe('fairpace run cache', () => {
  it('answers a repeated comparison from the folder, byte for byte, and says how many runs it reused', async () => {
    const cache = join(dir, 'runs');
    const first = await fairpace(['compare', 'tiny.json', '--workers', '1', '--cache', cache]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).not.toMatch(/reused/);
    const files = (await readdir(cache, { recursive: true })).filter((f) => String(f).endsWith('.json'));
    expect(files.length).toBe(TINY_SCENARIO.replications * 2);
    const second = await fairpace(['compare', 'tiny.json', '--workers', '2', '--cache', cache]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toMatch(/runs: 0 made, \d+ reused from the run cache/);
    const fresh = await fairpace(['compare', 'tiny.json', '--workers', '1', '--no-cache']);
    expect(fresh.stdout).toBe(first.stdout);
  });

  it('refuses --cache with --no-cache, and picks the default folder from the environment', async () => {
    const both = await fairpace(['compare', 'tiny.json', '--cache', join(dir, 'x'), '--no-cache']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--cache and --no-cache contradict each other/);
    expect(cacheDirFor(undefined, { FAIRPACE_CACHE: 'off' })).toBeNull();
    expect(cacheDirFor('/tmp/c', { FAIRPACE_CACHE: 'off' })).toBe('/tmp/c');
    expect(cacheDirFor(false, {})).toBeNull();
    expect(cacheDirFor(undefined, { FAIRPACE_CACHE_DIR: '/data/runs' })).toBe('/data/runs');
    expect(cacheDirFor(undefined, { XDG_CACHE_HOME: '/xdg' })).toBe(join('/xdg', 'fairpace', 'runs'));
  });
});

describe('fairpace compare --precision', () => {
  it('stops adding replications once the differences are precise, with the comparison of that many, and says so', async () => {
    const args = ['compare', 'tiny.json', '--workers', '1', '--no-cache'];
    const precise = await fairpace([...args, '--precision', '10', '--replications', '4']);
    expect(precise.code, precise.stderr).toBe(0);
    const said = /replications: (?:all )?(\d+)(?: of at most 4)? \((\d+) runs\)/.exec(precise.stderr);
    expect(said, precise.stderr).not.toBeNull();
    const n = Number(said?.[1]);
    expect(n).toBeGreaterThanOrEqual(3);
    expect(Number(said?.[2])).toBe(2 * n);
    const fixed = await fairpace([...args, '--replications', String(n)]);
    expect(precise.stdout).toBe(fixed.stdout);
  });

  it('refuses a precision out of range, with a shard or with a gate', async () => {
    for (const [args, message] of [
      [['--precision', '0'], /--precision must be a number above 0/],
      [['--precision', '0.1', '--shard', '1/2', '--out', 'p.json'], /cannot be sharded/],
      [['--precision', '0.1', '--assert', 'earnings.gini <= 1'], /a gate judges a fixed number of replications/],
    ] as const) {
      const r = await fairpace(['compare', 'tiny.json', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
