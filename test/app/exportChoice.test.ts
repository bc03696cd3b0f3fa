// What Export packs: whether the editor still matches the results shown, and which bargaining results a pack carries.
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bargainingForPack, editorDiffers, type ShownBargaining } from '../../src/app/exportChoice.ts';
import { resultJsonText } from '../../src/evidence/bargainingEntry.ts';
import { digestOf } from '../../src/scenario/canonical.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import { preset } from './fixtures.ts';

const demo = preset('demo-small');
const edited = { ...demo, rules: { ...demo.rules, pay: { ...demo.rules.pay, base: demo.rules.pay.base + 1 } } };

describe('editorDiffers', () => {
  it('tells an edited or invalid editor from the scenario of the results, whatever the key order', () => {
    expect(editorDiffers(null, { ok: true, scenario: demo, notes: [] })).toBe(false);
    const reordered = validateScenario(Object.fromEntries(Object.entries(demo).reverse()));
    expect(reordered.ok).toBe(true);
    expect(editorDiffers(demo, reordered)).toBe(false);
    expect(editorDiffers(demo, { ok: true, scenario: edited, notes: [] })).toBe(true);
    expect(editorDiffers(demo, { ok: false, problems: [{ path: 'rules.pay.base', message: 'too small' }] })).toBe(true);
  });
});

describe('bargainingForPack', () => {
  const on = (scenario: typeof demo, extra: Record<string, unknown>) => ({
    scenarioDigest: digestOf(scenario),
    ...extra,
  });
  const onDemo = (extra: Record<string, unknown>) => on(demo, extra);
  const shown: ShownBargaining[] = [
    { kind: 'zone', result: onDemo({ cells: [1, 2] }) },
    { kind: 'target', result: onDemo({ value: 12.5 }) },
    { kind: 'sensitivity', result: on(edited, { params: [] }) },
  ];

  it('carries the chosen results computed on the pack’s scenario, in the order target, sensitivity, zone', () => {
    const all = new Set(['target', 'sensitivity', 'zone'] as const);
    const forDemo = bargainingForPack(demo, shown, all);
    expect(forDemo.included).toEqual(['target', 'zone']);
    expect(forDemo.leftOut).toEqual(['sensitivity']);
    expect(forDemo.entries.map((e) => e.name)).toEqual(['bargaining/target.json', 'bargaining/zone.json']);
    // The bytes `fairpace target --out` writes: two-space JSON and a final newline.
    expect(strFromU8(forDemo.entries[0]!.bytes)).toBe(resultJsonText(shown[1]!.result));
    expect(strFromU8(forDemo.entries[0]!.bytes)).toMatch(
      /^\{\n {2}"scenarioDigest": "[0-9a-f]{64}",\n {2}"value": 12\.5\n\}\n$/,
    );

    const forEdited = bargainingForPack(edited, shown, all);
    expect(forEdited.included).toEqual(['sensitivity']);
    expect(forEdited.leftOut).toEqual(['target', 'zone']);
  });

  it('carries nothing that was not chosen or not run', () => {
    expect(bargainingForPack(demo, shown, new Set(['zone']))).toMatchObject({ included: ['zone'], leftOut: [] });
    expect(bargainingForPack(demo, [], new Set(['target', 'zone']))).toEqual({
      entries: [],
      included: [],
      leftOut: [],
    });
  });
});
