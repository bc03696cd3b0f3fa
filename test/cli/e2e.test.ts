// The installed command end to end: `node bin/fairpace.mjs ...` in a child process, as a user would run it.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_DIGEST } from '../../src/version.ts';
import { TINY_SCENARIO } from './fixtures.ts';

const BIN = fileURLToPath(new URL('../../bin/fairpace.mjs', import.meta.url));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in `dir`; never rejects, so tests can assert on failing exits. */
function fairpace(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: dir, env: { ...process.env, FAIRPACE_DEBUG: '', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Asserts a bad-input exit: code 2, a message, nothing on stdout and no stack trace. */
function expectBadInput(r: Outcome, message: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toContain('    at ');
  expect(r.stdout).toBe('');
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-cli-'));
  await writeFile(join(dir, 'tiny.json'), JSON.stringify(TINY_SCENARIO));
  await writeFile(join(dir, 'named.json'), JSON.stringify({ ...TINY_SCENARIO, meta: { name: 'Tiny town' } }));
  await writeFile(
    join(dir, 'invalid.json'),
    JSON.stringify({ schemaVersion: 2, population: { couriers: 0, pets: 2 }, arms: [{ id: 'a b', label: 'x' }] }),
  );
  await writeFile(join(dir, 'broken.json'), '{ "schemaVersion": 1, ');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fairpace without the engine', () => {
  it('prints the version and help', async () => {
    const version = await fairpace(['--version']);
    // The command computes the model fingerprint from the sources it runs, as the test build does.
    expect(version).toEqual({ code: 0, stdout: `fairpace 0.1.0\nmodel fingerprint ${MODEL_DIGEST}\n`, stderr: '' });
    expect(MODEL_DIGEST).toMatch(/^[0-9a-f]{64}$/);
    const help = await fairpace(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/fairpace compare <scenario.json>/);
    const sweepHelp = await fairpace(['sweep', '--help']);
    expect(sweepHelp.code).toBe(0);
    expect(sweepHelp.stdout).toMatch(/^Usage: fairpace sweep/);
  });

  it('validate accepts a valid file', async () => {
    const named = await fairpace(['validate', 'named.json']);
    expect(named).toMatchObject({ code: 0, stdout: 'valid: Tiny town\n' });
    // What a compare of it would cost goes to stderr, so stdout stays the verdict alone.
    expect(named.stderr).toMatch(
      /^estimate: fairpace compare with the scenario's arms and replications: 4 runs of up to 5 couriers × 2 days \(1 of warm-up\), 50 orders a day: about \d+ s on \d threads? \(\d+ s of CPU\), peak memory about \d+ MiB \(an estimate from measurements on a 2-core machine\)\n$/,
    );
    expect((await fairpace(['validate', 'tiny.json'])).stdout).toBe('valid: Untitled scenario\n');
  });

  it('validate lists each problem of an invalid file with its JSON path', async () => {
    const r = await fairpace(['validate', 'invalid.json']);
    expectBadInput(r, /^population\.couriers: /m);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines).toContain('population: Unrecognized key: "pets"');
    expect(lines.some((l) => l.startsWith('arms[0].id: an arm id is'))).toBe(true);
  });

  it('reports unreadable files and bad JSON as bad input', async () => {
    expectBadInput(await fairpace(['validate', 'missing.json']), /^cannot read missing\.json: no such file/);
    expectBadInput(await fairpace(['compare', 'broken.json']), /^\(file\): not valid JSON/);
    expectBadInput(await fairpace(['run', 'invalid.json']), /^population\.couriers: /m);
  });

  it('refuses bad arguments with exit 2 and no stack trace', async () => {
    expectBadInput(await fairpace([]), /missing command/);
    expectBadInput(await fairpace(['frobnicate']), /unknown command 'frobnicate'/);
    expectBadInput(await fairpace(['compare', 'tiny.json', '--turbo']), /unknown option '--turbo'/);
    expectBadInput(await fairpace(['compare', 'tiny.json', '--workers', 'lots']), /--workers must be/);
    expectBadInput(await fairpace(['compare', 'tiny.json', '--format', 'xml']), /--format must be one of/);
    expectBadInput(await fairpace(['sweep', 'tiny.json', '--values', '1,2']), /missing --param/);
    expectBadInput(await fairpace(['run']), /missing the scenario file/);
  });

  it('refuses an unknown arm and a bad sweep parameter before running anything', async () => {
    expectBadInput(await fairpace(['run', 'tiny.json', '--arm', 'lenient']), /^unknown arm "lenient"/);
    expectBadInput(await fairpace(['compare', 'tiny.json', '--arms', 'strictest,lenient']), /unknown arm "lenient"/);
    expectBadInput(
      await fairpace(['sweep', 'tiny.json', '--param', 'rules.pay.nothing', '--values', '1']),
      /^rules\.pay\.nothing: no such parameter/,
    );
    expectBadInput(
      await fairpace(['sweep', 'tiny.json', '--param', 'rules.deadline.percentile', '--values', '50,150']),
      /percentile.*150/,
    );
  });
});

describe('fairpace with the engine', () => {
  it('run prints one replication as JSON with the header fields', async () => {
    const r = await fairpace(['run', 'tiny.json', '--arm', 'median', '--seed', '3']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).slice(0, 6)).toEqual([
      'schemaVersion',
      'fairpaceVersion',
      'modelDigest',
      'scenarioDigest',
      'seed',
      'arm',
    ]);
    expect(out).toMatchObject({ schemaVersion: 2, modelDigest: MODEL_DIGEST, seed: 3, arm: { id: 'median' } });
    expect(out.metrics.earnings).toBeDefined();
    expect(Array.isArray(out.compliance)).toBe(true);
  });

  it('run --out writes the same bytes as stdout and no temporary file', async () => {
    const piped = await fairpace(['run', 'tiny.json']);
    const written = await fairpace(['run', 'tiny.json', '--out', 'run.json']);
    expect(written).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await readFile(join(dir, 'run.json'), 'utf8')).toBe(piped.stdout);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--out to a place it cannot write is bad input naming the option and the file, checked before the run', async () => {
    expectBadInput(
      await fairpace(['run', 'tiny.json', '--out', join('no-such-dir', 'r.json')]),
      /^--out no-such-dir\/r\.json: directory no-such-dir does not exist\n$/,
    );
  });

  it('compare gives byte-identical JSON with one and two workers', async () => {
    const one = await fairpace(['compare', 'tiny.json', '--workers', '1']);
    const two = await fairpace(['compare', 'tiny.json', '--workers', '2']);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    // stderr is not a terminal here, so no progress: stdout is pure JSON and stderr is empty.
    expect(one.stderr + two.stderr).toBe('');
    const c = JSON.parse(one.stdout);
    expect(c.modelDigest).toBe(MODEL_DIGEST);
    expect(c.seeds).toEqual([1, 2]);
    expect(c.arms.map((a: { id: string }) => a.id)).toEqual(['strictest', 'median']);
    expect(c.differences['earnings.netPerOnlineHour.mean'].ci95).toHaveLength(2);
  });

  it('compare --format table and csv', async () => {
    const table = await fairpace(['compare', 'tiny.json', '--format', 'table', '--workers', '1']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^metric\s+unit\s+strictest\s+median\s+median - strictest\s+95% CI$/m);
    for (const section of ['earnings', 'workload', 'safety', 'service', 'platform']) {
      expect(table.stdout).toMatch(new RegExp(`^${section}$`, 'm'));
    }
    expect(table.stdout).toMatch(/^Compliance: median /m);
    const csv = await fairpace([
      'compare',
      'tiny.json',
      '--format',
      'csv',
      '--workers',
      '2',
      '--arms',
      'median,strictest',
    ]);
    expect(csv.code, csv.stderr).toBe(0);
    // The byte-order mark first, so Excel and WPS read the file as UTF-8; --no-bom leaves it out.
    expect(csv.stdout.split('\r\n')[0]).toBe('\uFEFFmetric,unit,median,strictest,diff_mean,diff_ci95_lo,diff_ci95_hi');
    const plain = await fairpace(['compare', 'tiny.json', '--format', 'csv', '--no-bom', '--arms', 'median,strictest']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toBe(csv.stdout.slice(1));
  });

  it('sweep --values runs a comparison per value, identically with one and two workers', async () => {
    const args = ['sweep', 'tiny.json', '--param', 'rules.pay.base', '--values', '5,8', '--replications', '1'];
    const one = await fairpace([...args, '--workers', '1']);
    const two = await fairpace([...args, '--workers', '2']);
    expect(one.code, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const s = JSON.parse(one.stdout);
    expect(s.param).toBe('rules.pay.base');
    expect(s.values).toEqual([5, 8]);
    expect(s.points.map((p: { value: number }) => p.value)).toEqual([5, 8]);
    expect(s.seeds).toEqual([1]);
    const csv = await fairpace([...args, '--format', 'csv', '--out', 'sweep.csv']);
    expect(csv.code, csv.stderr).toBe(0);
    const bytes = await readFile(join(dir, 'sweep.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    expect(rows[0]).toBe('param,value,metric,unit,strictest,median,diff_mean,diff_ci95_lo,diff_ci95_hi');
    expect(rows[1]).toMatch(/^rules\.pay\.base,5,earnings\.netPerOnlineHour\.mean,/);
  });
});
