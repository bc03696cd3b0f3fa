// Golden results: the metrics of two presets, rounded, against committed files. A change to the model that moves
// them must update the files on purpose (UPDATE_GOLDEN=1 npx vitest run test/sim/golden.test.ts) and say why.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';

/** Rounds every number to 8 significant digits, so the files read well and survive harmless last-digit noise. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Number(value.toPrecision(8));
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

describe.each(['demo-small', 'ratchet-30-days'])('golden %s', (name) => {
  it('matches the committed metrics for seed 1, every arm', () => {
    const loaded = validateScenario(
      JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8')),
    );
    if (!loaded.ok) throw new Error(`${name} invalid`);
    const s = loaded.scenario;
    const actual = rounded(
      Object.fromEntries(
        s.arms.map((a) => [
          a.id,
          (({ metrics, perDay, ledger }) => ({ metrics, perDay, ledger }))(simulate(s, a.id, 1)),
        ]),
      ),
    );
    const file = new URL(`../golden/${name}.json`, import.meta.url);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, JSON.stringify(actual, null, 1) + '\n');
    if (!existsSync(file)) throw new Error(`no golden file for ${name}: run UPDATE_GOLDEN=1 on purpose`);
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
