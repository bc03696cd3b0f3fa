// The red-light wait and the safety bonus are bounded: a negative one is bad input (exit 2) that names its field.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { capture, TINY_SCENARIO } from './fixtures.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-safety-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function validate(scenario: object): Promise<{ code: number; err: string }> {
  const file = join(dir, 'scenario.json');
  await writeFile(file, JSON.stringify({ ...TINY_SCENARIO, ...scenario }));
  const io = capture();
  const code = await main(['validate', file], { io, env: {} });
  return { code, err: io.err };
}

describe('validate refuses a negative red-light wait or safety bonus', () => {
  it('names behaviour.redLightWaitSec', async () => {
    const r = await validate({ behaviour: { redLightWaitSec: -5 } });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^behaviour\.redLightWaitSec: /m);
  });

  it('names rules.pay.safetyBonusPerOrder, in the rules and in an arm', async () => {
    const r = await validate({
      rules: { pay: { safetyBonusPerOrder: -1.25 } },
      arms: [{ id: 'bonus', label: 'Bonus', rules: { pay: { safetyBonusPerOrder: -1 } } }],
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^rules\.pay\.safetyBonusPerOrder: /m);
    expect(r.err).toMatch(/^arms\[0\]\.rules\.pay\.safetyBonusPerOrder: /m);
  });

  it('accepts the bounds: 0 and a positive wait and bonus', async () => {
    const r = await validate({ behaviour: { redLightWaitSec: 26 }, rules: { pay: { safetyBonusPerOrder: 1.25 } } });
    expect(r).toEqual({ code: 0, err: expect.any(String) });
  });
});
