import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { calibrate, DEFAULT_TARGETS } from '../../src/analysis/index.ts';
import { checkRecord, recordDigest, RECORD_VERSION } from '../../src/app/savedRunRecord.ts';
import { MAX_HASH_CHARS, readShareHash, shareHash } from '../../src/app/shareLink.ts';
import { preset, smallComparison } from './fixtures.ts';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('share links', () => {
  it('round-trips every preset small enough to share, as the same validated scenario', () => {
    for (const name of ['demo-small', 'yantai-2021', 'heatwave', 'spring-festival']) {
      const scenario = preset(name);
      const made = shareHash(scenario);
      if (!('hash' in made)) throw new Error(`${name}: ${JSON.stringify(made.problem)}`);
      expect(made.hash).toMatch(/^#s=1\.[A-Za-z0-9_-]+$/);
      expect(made.hash.length).toBeLessThanOrEqual(MAX_HASH_CHARS);
      const read = readShareHash(made.hash);
      expect(read.kind).toBe('ok');
      if (read.kind === 'ok') expect(read.scenario).toEqual(scenario);
    }
  });

  it('says why a link cannot be opened', () => {
    expect(readShareHash('')).toEqual({ kind: 'none' });
    expect(readShareHash('#other')).toEqual({ kind: 'none' });
    const kind = (hash: string) => {
      const read = readShareHash(hash);
      return read.kind === 'problem' ? read.problem.kind : read.kind;
    };
    expect(kind('#s=1.@@@')).toBe('corrupted');
    expect(kind('#s=1.bm90IGRlZmxhdGU')).toBe('corrupted');
    expect(kind('#s=nope')).toBe('corrupted');
    expect(kind('#s=2.abc')).toBe('newerLink');
    expect(kind(`#s=1.${'A'.repeat(MAX_HASH_CHARS)}`)).toBe('tooLong');
    expect(kind(`#s=1.${b64url(deflateSync(strToU8('{"schemaVersion":7}')))}`)).toBe('newerSchema');
    expect(kind(`#s=1.${b64url(deflateSync(strToU8('{"schemaVersion":1,"population":{"couriers":-1}}')))}`)).toBe(
      'invalid',
    );
    // A small link that would inflate to many megabytes is refused, not expanded.
    expect(kind(`#s=1.${b64url(deflateSync(new Uint8Array(8 * 1024 * 1024).fill(32)))}`)).toBe('corrupted');
  });
});

describe('saved-run records', () => {
  it('accepts a record as saved, and refuses a changed number, a bad scenario or a missing name', async () => {
    const { scenario, comparison } = await smallComparison();
    const record = {
      version: RECORD_VERSION,
      name: 'x',
      savedAt: new Date(0).toISOString(),
      scenario,
      comparison,
      digest: recordDigest(scenario, comparison),
    };
    const ok = checkRecord(1, structuredClone(record));
    expect('scenario' in ok && ok.name).toBe('x');

    const tampered = structuredClone(record);
    (tampered.comparison.arms[0] as { metrics: { platform: { margin: number } } }).metrics.platform.margin += 1;
    expect(checkRecord(2, tampered)).toMatchObject({ id: 2, reason: expect.stringMatching(/digest/) });
    expect(checkRecord(3, { ...record, scenario: { schemaVersion: 1, population: 5 } })).toMatchObject({
      reason: expect.stringMatching(/^scenario: population/),
    });
    expect(checkRecord(4, { ...record, name: '' })).toMatchObject({ reason: 'no valid name' });
    expect(checkRecord(5, 'garbage')).toMatchObject({ reason: 'not an object' });
    expect(checkRecord(6, { ...record, comparison: { arms: 'x' } })).toMatchObject({
      reason: 'comparison: not a comparison',
    });
  });

  it('keeps a model check with the record, covered by its digest; a record without one still opens', async () => {
    const { scenario, comparison } = await smallComparison();
    const calibration = await calibrate(scenario, DEFAULT_TARGETS);
    const withCheck = { ...calibration, notRun: [] };
    const record = {
      version: RECORD_VERSION,
      name: 'checked',
      savedAt: new Date(0).toISOString(),
      scenario,
      comparison,
      calibration: withCheck,
      digest: recordDigest(scenario, comparison, withCheck),
    };
    const ok = checkRecord(1, structuredClone(record));
    expect('calibration' in ok && ok.calibration?.rows.length).toBe(DEFAULT_TARGETS.targets.length);
    const changed = structuredClone(record);
    (changed.calibration.rows[0] as { model: { mean: number } }).model.mean += 1;
    expect(checkRecord(2, changed)).toMatchObject({ reason: expect.stringMatching(/digest/) });
    expect(checkRecord(3, { ...record, calibration: { rows: 'x' } })).toMatchObject({
      reason: 'calibration: not a model check',
    });
    const { calibration: _dropped, ...old } = record;
    const legacy = checkRecord(4, { ...old, digest: recordDigest(scenario, comparison) });
    expect('scenario' in legacy && legacy.calibration).toBeUndefined();
  });
});
