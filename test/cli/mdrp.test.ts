// `fairpace import mdrp`, `export mdrp` and `compare` on an imported scenario, through main() in this process.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { MDRP_INSTANCE_FILES, MDRP_SOLUTION_FILES, parseMdrpInstance, parseMdrpSolution } from '../../src/io/mdrp.ts';
import { checkMdrpSolution } from '../../src/io/mdrpCheck.ts';
import { smallInstance } from '../io/mdrpFixtures.ts';
import { capture } from './fixtures.ts';

let dir = '';
const instanceDir = () => join(dir, 'inst');
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-mdrp-'));
  await mkdir(instanceDir());
  const texts = smallInstance();
  for (const [role, name] of Object.entries(MDRP_INSTANCE_FILES)) {
    await writeFile(join(instanceDir(), name), texts[role as keyof typeof texts]);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fairpace import/export mdrp', () => {
  it('imports, exports a feasible solution, and compare shows the MDRP rows', async () => {
    const scenario = join(dir, 'small.json');
    let io = capture();
    expect(await main(['import', 'mdrp', instanceDir(), '--out', scenario], { io, env: {} })).toBe(0);
    expect(io.out).toBe(`wrote ${scenario}: 4 orders, 2 couriers, 2 restaurants\n`);

    const out = join(dir, 'solution');
    io = capture();
    expect(await main(['export', 'mdrp', scenario, '--arm', 'strictest', '--out', out], { io, env: {} })).toBe(0);
    expect(io.out).toContain('3 of 4 orders delivered');
    const texts: Record<string, string> = {};
    for (const name of Object.values(MDRP_SOLUTION_FILES)) texts[name] = await readFile(join(out, name), 'utf8');
    expect(checkMdrpSolution(parseMdrpInstance(smallInstance()), parseMdrpSolution(texts))).toEqual([]);

    io = capture();
    expect(await main(['compare', scenario, '--format', 'table', '--workers', '1', '--quiet'], { io, env: {} })).toBe(
      0,
    );
    expect(io.out).toMatch(/^mdrp$/m);
    expect(io.out).toMatch(/deliveredShare\s+%\s+75\.0\s+75\.0/);
    // Under the strictest promise o2 is not bundled with o1 (it would make o1 late), so it waits for a second trip.
    expect(io.out).toMatch(/clickToDoorMin\.mean\s+min\s+27\.3\s+24\.0/);
  });

  it('names the missing file, and file and line of malformed rows, exit 2', async () => {
    let io = capture();
    expect(await main(['import', 'mdrp', join(dir, 'nowhere'), '--out', join(dir, 'x.json')], { io, env: {} })).toBe(2);
    expect(io.err).toBe(`cannot read ${join(dir, 'nowhere', 'restaurants.txt')}: no such file or directory\n`);

    const bad = join(dir, 'bad');
    await mkdir(bad);
    const texts = smallInstance();
    texts.orders = texts.orders.replace('\tr2\t', '\tr7\t');
    for (const [role, name] of Object.entries(MDRP_INSTANCE_FILES)) {
      await writeFile(join(bad, name), texts[role as keyof typeof texts]);
    }
    io = capture();
    expect(await main(['import', 'mdrp', bad, '--out', join(dir, 'y.json')], { io, env: {} })).toBe(2);
    expect(io.err).toBe(`${join(bad, 'orders.txt')}:4: unknown restaurant 'r7'\n`);
  });

  it('refuses a missing format word or --out', async () => {
    const io = capture();
    expect(await main(['import', instanceDir()], { io, env: {} })).toBe(2);
    expect(await main(['export', 'mdrp', 'x.json'], { io, env: {} })).toBe(2);
    expect(io.err).toContain('import needs a format');
    expect(io.err).toContain('missing --out <dir>');
  });
});
