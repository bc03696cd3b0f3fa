import { describe, expect, it } from 'vitest';
import { allInputs, draftOf, textsOf } from '../../src/app/editor/draft.ts';
import { importMdrpFiles, instanceName, type PickedFile } from '../../src/app/mdrpImport.ts';
import { MDRP_INSTANCE_FILES, mdrpScenario, parseMdrpInstance } from '../../src/io/mdrp.ts';
import { validateScenario } from '../../src/scenario/load.ts';

const TEXTS = {
  restaurants: 'restaurant\tx\ty\nr1\t0\t0\nr2\t2000\t0\n',
  orders:
    'order\tx\ty\tplacement_time\trestaurant\tready_time\n' +
    'o1\t500\t500\t0\tr1\t10\no2\t800\t0\t5\tr1\t15\no3\t2500\t300\t10\tr2\t20\no4\t1500\t-400\t20\tr2\t35\n',
  couriers: 'courier\tx\ty\ton_time\toff_time\nc1\t100\t0\t0\t120\nc2\t1900\t0\t0\t120\n',
  parameters:
    'meters_per_minute\tpickup service minutes\tdropoff service minutes\ttarget click-to-door\tmaximum click-to-door\tpay per order\tguaranteed pay per hour\n320\t4\t4\t40\t90\t10\t15\n',
};

const picked = (folder = '', texts = TEXTS): PickedFile[] =>
  (Object.keys(MDRP_INSTANCE_FILES) as (keyof typeof MDRP_INSTANCE_FILES)[]).map((role) => ({
    name: MDRP_INSTANCE_FILES[role],
    relativePath: folder ? `${folder}/${MDRP_INSTANCE_FILES[role]}` : '',
    text: texts[role],
  }));

describe('MDRP import in the app', () => {
  it('builds the same scenario as the CLI’s pure functions, named after the folder', () => {
    const result = importMdrpFiles(picked('0o100t100s1p100'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const cli = validateScenario(mdrpScenario(parseMdrpInstance(TEXTS), '0o100t100s1p100'));
    expect(cli.ok && cli.scenario).toEqual(result.scenario);
    expect(result.counts).toEqual({ orders: 4, couriers: 2, restaurants: 2 });
  });

  it('names files picked one by one `mdrp-instance` and ignores other files', () => {
    expect(instanceName(picked())).toBe('mdrp-instance');
    const extra = [...picked('inst'), { name: 'README.txt', relativePath: 'inst/README.txt', text: 'x' }];
    expect(importMdrpFiles(extra).ok).toBe(true);
  });

  it('reports missing files and malformed lines with file and line', () => {
    const missing = importMdrpFiles(picked().filter((f) => f.name !== 'couriers.txt'));
    expect(missing).toEqual({ ok: false, kind: 'missing', files: ['couriers.txt'] });
    const bad = importMdrpFiles(picked('', { ...TEXTS, orders: `${TEXTS.orders}o5\t1\t2\t3\n` }));
    expect(bad.ok).toBe(false);
    if (bad.ok || bad.kind !== 'format') throw new Error('expected a format error');
    expect(bad.lines[0]).toMatch(/^orders\.txt:6: expected 6 columns/);
  });

  it('the editor skips kind and replay, and its draft of a replay scenario validates unchanged', () => {
    const result = importMdrpFiles(picked('inst'));
    if (!result.ok) throw new Error('import failed');
    const scenario = result.scenario;
    const keys = allInputs(scenario).map((s) => s.key);
    expect(keys.some((k) => k === 'kind' || k.startsWith('replay'))).toBe(false);
    const draft = validateScenario(draftOf(scenario, textsOf(scenario)));
    expect(draft.ok).toBe(true);
    if (draft.ok) expect(draft.scenario).toEqual(scenario);
  });
});
