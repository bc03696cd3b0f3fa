// The station's staffing is one of two named choices: anything else is bad input (exit 2) that names its field.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { capture, TINY_SCENARIO } from './fixtures.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-staffing-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function validate(population: object): Promise<{ code: number; err: string }> {
  const file = join(dir, 'scenario.json');
  await writeFile(
    file,
    JSON.stringify({ ...TINY_SCENARIO, population: { ...TINY_SCENARIO.population, ...population } }),
  );
  const io = capture();
  const code = await main(['validate', file], { io, env: {} });
  return { code, err: io.err };
}

describe('validate and population.staffing', () => {
  it('refuses an unknown value, naming population.staffing', async () => {
    const r = await validate({ staffing: 'weekly' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^population\.staffing: /m);
  });

  it('accepts both choices', async () => {
    for (const staffing of ['fixed', 'demand']) expect((await validate({ staffing })).code, staffing).toBe(0);
  });
});
