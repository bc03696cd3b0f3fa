// bin/fairpace.mjs runs a bundle of the sources (bin/cliBundle.mjs) instead of compiling them through tsx at every
// start. The bundle must be the same program: the same model fingerprint, the same bytes out of a comparison on two
// worker threads (whose entry the bundled CLI must still find), and the same errors; FAIRPACE_CLI_TSX=1 runs the
// sources through tsx as before.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBundle } from '../../bin/cliBundle.mjs';
import { computeModelDigest } from '../../src/cli/modelSource.ts';
import { fairpaceIn } from './cliProcess.ts';
import { TINY_SCENARIO } from './fixtures.ts';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-bundle-'));
  await writeFile(join(dir, 'tiny.json'), JSON.stringify(TINY_SCENARIO));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bundledCli = fairpaceIn(() => dir, { FAIRPACE_CLI_TSX: '0' });
const sourcesCli = fairpaceIn(() => dir, { FAIRPACE_CLI_TSX: '1' });
const fairpace = (args: string[], tsx: boolean) => (tsx ? sourcesCli : bundledCli)(args);

describe('the bundled fairpace command', () => {
  it('is made once for a set of sources and named by their hash', async () => {
    const first = await cliBundle();
    expect(first).toBeDefined();
    const name = fileURLToPath(first!).split('/').pop()!;
    expect(name).toMatch(/^cli-[0-9a-f]{16}\.mjs$/);
    expect((await cliBundle())!.href).toBe(first!.href);
    const cache = join(fileURLToPath(first!), '..');
    expect((await readdir(cache)).filter((f) => f.includes('.tmp.'))).toEqual([]);
  });

  it('carries the fingerprint of the sources it was made from', async () => {
    const bundled = await fairpace(['--version'], false);
    expect(bundled.code, bundled.stderr).toBe(0);
    expect(bundled.stdout).toContain(`model fingerprint ${computeModelDigest()}`);
    expect((await fairpace(['--version'], true)).stdout).toBe(bundled.stdout);
  });

  it('prints the same comparison as the sources through tsx, on two worker threads', async () => {
    const args = ['compare', 'tiny.json', '--workers', '2', '--format', 'json'];
    const [bundled, sources] = await Promise.all([fairpace(args, false), fairpace(args, true)]);
    expect(bundled.code, bundled.stderr).toBe(0);
    expect(sources.code, sources.stderr).toBe(0);
    expect(bundled.stdout).toBe(sources.stdout);
    expect(JSON.parse(bundled.stdout)).toHaveProperty('differences');
    // The threads' own bundle is kept under the sources' hash, for later starts to find without bundling.
    const cli = fileURLToPath((await cliBundle())!);
    const key = /cli-([0-9a-f]{16})\.mjs$/.exec(cli)![1]!;
    expect(await readdir(join(cli, '..'))).toContain(`worker-src-${key}.mjs`);
  });

  it('reports bad input the same way, without a stack trace', async () => {
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ ...TINY_SCENARIO, replications: -3 }));
    const [bundled, sources] = await Promise.all([
      fairpace(['validate', 'bad.json'], false),
      fairpace(['validate', 'bad.json'], true),
    ]);
    expect(bundled.code).toBe(2);
    expect(bundled.stderr).toBe(sources.stderr);
    expect(bundled.stderr).toMatch(/replications/);
    expect(bundled.stderr).not.toMatch(/\n\s+at /);
  });
});
