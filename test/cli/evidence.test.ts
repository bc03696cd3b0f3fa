// `fairpace evidence` and `fairpace verify`: parsing, and the installed command end to end in a child process.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.ts';
import { UsageError } from '../../src/cli/errors.ts';
import { helpText } from '../../src/cli/help.ts';
import { TINY_SCENARIO } from './fixtures.ts';

const BIN = fileURLToPath(new URL('../../bin/fairpace.mjs', import.meta.url));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function fairpace(args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: dir, env: { ...process.env, FAIRPACE_DEBUG: '' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-evidence-'));
  await writeFile(join(dir, 'tiny.json'), JSON.stringify(TINY_SCENARIO));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('parsing evidence and verify', () => {
  it('parses evidence with its options and requires --out', () => {
    expect(
      parseCommandLine([
        'evidence',
        's.json',
        '--arms',
        'a,b',
        '--replications',
        '3',
        '--seed',
        '4',
        '--workers',
        '2',
        '-o',
        'p.zip',
      ]),
    ).toEqual({
      kind: 'evidence',
      file: 's.json',
      arms: ['a', 'b'],
      replications: 3,
      seed: 4,
      out: 'p.zip',
      workers: 2,
      quiet: false,
    });
    expect(() => parseCommandLine(['evidence', 's.json'])).toThrow(UsageError);
    expect(() => parseCommandLine(['evidence', 's.json'])).toThrow(/missing --out <pack\.zip>/);
    expect(() => parseCommandLine(['evidence', 's.json', '-o', 'p.zip', '--format', 'csv'])).toThrow(
      /unknown option '--format'/,
    );
  });

  it('parses verify', () => {
    expect(parseCommandLine(['verify', 'p.zip', '-q'])).toEqual({
      kind: 'verify',
      file: 'p.zip',
      workers: undefined,
      quiet: true,
    });
    expect(() => parseCommandLine(['verify'])).toThrow(/missing the pack file argument <pack\.zip>/);
    expect(() => parseCommandLine(['verify', 'p.zip', '--seed', '3'])).toThrow(/unknown option '--seed'/);
    expect(parseCommandLine(['verify', '--help'])).toEqual({ kind: 'help', topic: 'verify' });
  });

  it('documents both commands', () => {
    expect(helpText()).toMatch(/fairpace evidence <scenario\.json> .* --out pack\.zip/);
    expect(helpText()).toMatch(/fairpace verify <pack\.zip>/);
    expect(helpText('evidence')).toMatch(/^Usage: fairpace evidence/);
    expect(helpText('evidence')).toContain('1,000,000 courier-day rows');
    expect(helpText('verify')).toMatch(/exits 2/);
  });
});

describe('fairpace evidence, then fairpace verify', () => {
  it('writes a pack that verifies, identical for any number of workers', async () => {
    const one = await fairpace(['evidence', 'tiny.json', '--workers', '1', '--out', 'one.zip']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/^wrote one\.zip: 13 files, \d+ KB, digest [0-9a-f]{64}\n$/);
    expect(one.stderr).toBe('');
    const two = await fairpace(['evidence', 'tiny.json', '--workers', '2', '-o', 'two.zip']);
    expect(two.code, two.stderr).toBe(0);
    expect(await readFile(join(dir, 'two.zip'))).toEqual(await readFile(join(dir, 'one.zip')));
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const verified = await fairpace(['verify', 'one.zip', '--workers', '2']);
    expect(verified).toEqual({ code: 0, stdout: 'verified\n', stderr: '' });
  });

  it('names what differs in a tampered pack and exits 1', async () => {
    const { unzipSync, zipSync } = await import('fflate');
    const files = unzipSync(new Uint8Array(await readFile(join(dir, 'one.zip'))));
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(files['per_day.csv']);
    files['per_day.csv'] = new TextEncoder().encode(csv.replace('\r\nstrictest,1,0,', '\r\nstrictest,1,1,'));
    await writeFile(join(dir, 'tampered.zip'), zipSync(files));
    const r = await fairpace(['verify', 'tampered.zip', '--workers', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'differs: per_day.csv: its SHA-256 does not match manifest.json (the file was changed after the pack was made)\n' +
        'differs: per_day.csv: 1 of 5 lines differ from the re-run (first at line 2, column day)\n' +
        'not verified: 2 differences\n',
    );
  });

  it('prints one line and exits 1 for a pack whose manifest carries another model fingerprint', async () => {
    const { strFromU8, strToU8, unzipSync, zipSync } = await import('fflate');
    const files = unzipSync(new Uint8Array(await readFile(join(dir, 'one.zip'))));
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array));
    const ours = manifest.modelDigest as string;
    expect(ours).toMatch(/^[0-9a-f]{64}$/);
    const theirs = 'c0ffee'.padEnd(64, '0');
    files['manifest.json'] = strToU8(JSON.stringify({ ...manifest, modelDigest: theirs, fairpaceVersion: '0.3.1' }));
    await writeFile(join(dir, 'other-model.zip'), zipSync(files));
    const r = await fairpace(['verify', 'other-model.zip', '--workers', '1']);
    expect(r).toEqual({
      code: 1,
      stdout:
        `not verified: made by another model: the pack's model fingerprint is ${theirs} (Fairpace 0.3.1), ` +
        `this Fairpace's is ${ours} (Fairpace 0.1.0); install Fairpace 0.3.1 to re-run and verify it\n`,
      stderr: '',
    });
  });

  it('refuses a hostile or damaged pack with exit 2 and a message naming the file', async () => {
    const { zipSync } = await import('fflate');
    await writeFile(join(dir, 'evil.zip'), zipSync({ '../evil.sh': new TextEncoder().encode('echo owned') }));
    const evil = await fairpace(['verify', 'evil.zip']);
    expect(evil).toEqual({
      code: 2,
      stdout: '',
      stderr: 'evil.zip: refused a path that climbs out of the pack: "../evil.sh" (entry 1)\n',
    });
    expect(await readdir(dir)).not.toContain('evil.sh');
    const notZip = await fairpace(['verify', 'tiny.json']);
    expect(notZip).toMatchObject({ code: 2, stderr: 'tiny.json: not a zip file (no end-of-archive record)\n' });
    expect((await fairpace(['verify', 'missing.zip'])).stderr).toBe(
      'cannot read missing.zip: no such file or directory\n',
    );
  });

  it('refuses an unknown arm before running anything', async () => {
    const r = await fairpace(['evidence', 'tiny.json', '--arms', 'strictest,lenient', '--out', 'x.zip']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^unknown arm "lenient"/);
  });
});
