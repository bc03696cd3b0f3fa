// Check before working: every output path is checked before the first run, and a failure never leaves part of a
// set of outputs. The CLI runs as `node bin/fairpace.mjs ...` in a child process, as a user would run it.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutputs, writeFilesAtomic } from '../../src/cli/files.ts';
import { TINY_SCENARIO } from './fixtures.ts';

const BIN = fileURLToPath(new URL('../../bin/fairpace.mjs', import.meta.url));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in `dir`; never rejects. */
function fairpace(args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: dir, env: { ...process.env, FAIRPACE_DEBUG: '' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Asserts a bad-input exit with exactly `lines` on stderr, nothing on stdout. */
function expectRefused(r: Outcome, lines: string[]): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toBe(lines.map((l) => `${l}\n`).join(''));
  expect(r.stdout).toBe('');
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-outputs-'));
  await writeFile(join(dir, 'tiny.json'), JSON.stringify(TINY_SCENARIO));
  await mkdir(join(dir, 'taken'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * A directory that exists but takes no new file: a mode-0500 folder, or for root (who writes anywhere a mode allows)
 * Linux's /sys; undefined where neither works.
 */
async function unwritableDirectory(): Promise<string | undefined> {
  if (process.getuid?.() !== 0) {
    const locked = join(dir, 'locked');
    await mkdir(locked, { mode: 0o500, recursive: true });
    return locked;
  }
  return process.platform === 'linux' ? '/sys' : undefined;
}

describe('outputs are checked before any run', () => {
  it('refuses compare --assert with a --junit in a missing directory, and writes no --out either', async () => {
    const r = await fairpace([
      'compare',
      'tiny.json',
      '--assert',
      'earnings.gini <= 10',
      '--out',
      'cmp.json',
      '--junit',
      'nope/gate.xml',
    ]);
    expectRefused(r, ['--junit nope/gate.xml: directory nope does not exist']);
    // Before, the runs went ahead, --out was written and only then did --junit fail.
    expect(await readdir(dir)).not.toContain('cmp.json');
  });

  it('refuses compare --assert with an unwritable --junit, and writes no --out either', async () => {
    const locked = await unwritableDirectory();
    if (locked === undefined) return;
    const junit = join(locked, 'gate.xml');
    const r = await fairpace([
      'compare',
      'tiny.json',
      '--assert',
      'earnings.gini <= 10',
      '--out',
      'cmp.json',
      '--junit',
      junit,
    ]);
    expectRefused(r, [`--junit ${junit}: directory ${locked} is not writable (permission denied)`]);
    expect(await readdir(dir)).not.toContain('cmp.json');
  });

  it('refuses a directory given as --out, and leaves the other output of run unwritten', async () => {
    const r = await fairpace(['run', 'tiny.json', '--orders', 'orders.csv', '--out', 'taken']);
    expectRefused(r, ['--out taken: is a directory']);
    expect((await readdir(dir)).filter((f) => f !== 'locked').sort()).toEqual(['taken', 'tiny.json']);
    expect(await readdir(join(dir, 'taken'))).toEqual([]);
  });

  it('refuses an --out in a missing directory for each kind of command, one line per problem', async () => {
    expectRefused(await fairpace(['sweep', 'tiny.json', '--param', 'seed', '--values', '1', '--out', 'no/s.json']), [
      '--out no/s.json: directory no does not exist',
    ]);
    expectRefused(await fairpace(['evidence', 'tiny.json', '--out', 'no/pack.zip']), [
      '--out no/pack.zip: directory no does not exist',
    ]);
    expectRefused(await fairpace(['merge', 'missing.partial', '--out', 'taken', '--junit', 'no/j.xml']), [
      '--out taken: is a directory',
      '--junit no/j.xml: directory no does not exist',
    ]);
    expectRefused(await fairpace(['run', 'tiny.json', '--orders', 'tiny.json', '--out', 'tiny.json']), [
      '--out tiny.json: the same file as --orders',
    ]);
    expect((await readdir(dir)).filter((f) => f !== 'locked').sort()).toEqual(['taken', 'tiny.json']);
  });
});

describe('checkOutputs and writeFilesAtomic', () => {
  it('leaves no probe file behind', async () => {
    await checkOutputs([{ option: '--out', file: join(dir, 'taken', 'a.json') }]);
    expect(await readdir(join(dir, 'taken'))).toEqual([]);
  });

  it('refuses a directory that takes no new file, with the reason', async () => {
    const locked = await unwritableDirectory();
    if (locked === undefined) return;
    await expect(checkOutputs([{ option: '--junit', file: join(locked, 'g.xml') }])).rejects.toThrow(
      `--junit ${join(locked, 'g.xml')}: directory ${locked} is not writable (permission denied)`,
    );
  });

  it('writes all of a set or none of it', async () => {
    const sub = join(dir, 'set');
    await mkdir(sub);
    await writeFile(join(sub, 'a.txt'), 'old');
    await expect(
      writeFilesAtomic([
        { file: join(sub, 'a.txt'), data: 'new' },
        { file: join(sub, 'gone', 'b.txt'), data: 'b' },
      ]),
    ).rejects.toThrow(/cannot write .*b\.txt: no such file or directory/);
    expect(await readFile(join(sub, 'a.txt'), 'utf8')).toBe('old');
    expect(await readdir(sub)).toEqual(['a.txt']);
    await writeFilesAtomic([
      { file: join(sub, 'a.txt'), data: 'new' },
      { file: join(sub, 'b.txt'), data: 'b' },
    ]);
    expect(await readFile(join(sub, 'a.txt'), 'utf8')).toBe('new');
    expect((await readdir(sub)).sort()).toEqual(['a.txt', 'b.txt']);
    await rm(sub, { recursive: true });
  });
});
