// Verifying packs: an untampered pack verifies; tampering is caught and named; a hostile pack is a PackError.
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runInProcess, type Executor } from '../../src/analysis/index.ts';
import {
  checkDigests,
  openPack,
  packDigest,
  PackError,
  runEvidenceInProcess,
  verifyPack,
  type Manifest,
} from '../../src/evidence/index.ts';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../../src/version.ts';
import { canonicalText } from '../../src/evidence/manifest.ts';
import { flip, tampered, textOf, tinyPack, unzipToRecord, zipOf } from './fixtures.ts';

/** The PackError lines of verifying `zip`; fails the test if it verifies or fails otherwise. */
async function packError(zip: Uint8Array): Promise<string[]> {
  try {
    await verifyPack(zip);
  } catch (e) {
    expect(e).toBeInstanceOf(PackError);
    return (e as PackError).lines;
  }
  throw new Error('expected a PackError');
}

/** Changes the first digit after `key` in `text` (a one-byte edit that keeps the JSON valid). */
function bumpDigitAfter(text: string, key: string): string {
  const at = text.indexOf(key);
  expect(at).toBeGreaterThan(-1);
  for (let i = at + key.length; i < text.length; i++) {
    const c = text[i] as string;
    if (c >= '0' && c <= '9')
      return `${text.slice(0, i)}${c === '9' ? '8' : String(Number(c) + 1)}${text.slice(i + 1)}`;
  }
  throw new Error(`no digit after ${key}`);
}

describe('verifyPack', () => {
  it('verifies an untampered pack', async () => {
    const { zip } = await tinyPack();
    const outcome = await verifyPack(zip);
    expect(outcome.differences).toEqual([]);
    expect(outcome.notes).toEqual([]);
    expect(outcome.verified).toBe(true);
    expect(outcome.manifest?.seeds).toEqual([1, 2]);
  });

  it('catches one byte changed in results.json: the digests and the metric are named', async () => {
    const { zip } = await tinyPack();
    const results = textOf(unzipToRecord(zip), 'results.json');
    const edited = bumpDigitAfter(results, '"gini": ');
    expect(edited.length).toBe(results.length);
    const outcome = await verifyPack(tampered(zip, { 'results.json': edited }));
    expect(outcome.verified).toBe(false);
    expect(outcome.differences).toContain(
      'results.json: its SHA-256 does not match manifest.json (the file was changed after the pack was made)',
    );
    expect(outcome.differences).toContain(
      'digest: the SHA-256 over scenario.json and results.json does not match manifest.json',
    );
    expect(outcome.differences.some((d) => /^results\.json: arms\[0\]\.metrics\.earnings\.gini: pack /.test(d))).toBe(
      true,
    );
  });

  it('catches a changed number in calibration.json and names the target’s row', async () => {
    const { zip } = await tinyPack();
    const text = textOf(unzipToRecord(zip), 'calibration.json');
    const edited = bumpDigitAfter(text, '"mean": ');
    const outcome = await verifyPack(tampered(zip, { 'calibration.json': edited }, {}));
    expect(outcome.verified).toBe(false);
    expect(outcome.differences).toEqual([
      expect.stringMatching(/^calibration\.json: rows\[0\]\.model\.mean: pack [\d.e-]+, re-run [\d.e-]+$/),
    ]);
  });

  it('catches one field of scenario.json changed even when the manifest is re-digested: the re-run differs', async () => {
    const { zip } = await tinyPack();
    const scenario = JSON.parse(textOf(unzipToRecord(zip), 'scenario.json'));
    scenario.rules.pay.base = scenario.rules.pay.base + 1;
    const forged = tampered(
      zip,
      { 'scenario.json': canonicalText(scenario) },
      { digest: () => packDigest(scenario, JSON.parse(textOf(unzipToRecord(zip), 'results.json'))) },
    );
    // The forger made the manifest consistent, so the digest checks pass …
    expect(checkDigests(openPack(forged))).toEqual([]);
    // … and only the re-run catches it.
    const outcome = await verifyPack(forged);
    expect(outcome.verified).toBe(false);
    expect(outcome.differences).toContainEqual(
      expect.stringMatching(/^results\.json: scenarioDigest: pack "[0-9a-f]+", re-run "[0-9a-f]+"$/),
    );
    expect(outcome.differences).toContainEqual(
      expect.stringMatching(/^results\.json: arms\[0\]\.metrics\.earnings\.netPerOnlineHour\.mean: pack /),
    );
    expect(outcome.differences).toContainEqual(
      expect.stringMatching(
        /^courier_days\.csv: \d+ of \d+ lines differ from the re-run \(first at line 2, column feesCny\)$/,
      ),
    );
    expect(outcome.differences).toContain('report.html: differs from the file made again from the re-run');
    expect(outcome.differences).toContainEqual(expect.stringMatching(/^manifest\.json: digest: pack /));
  });

  it('names a tampered CSV row and column, even with its SHA-256 updated', async () => {
    const { zip } = await tinyPack();
    const csv = textOf(unzipToRecord(zip), 'courier_days.csv');
    const lines = csv.split('\r\n');
    const fields = (lines[3] as string).split(',');
    fields[22] = '999.99'; // netCny
    lines[3] = fields.join(',');
    // textOf decodes without the byte-order mark; it is put back so that only the row differs.
    const outcome = await verifyPack(tampered(zip, { 'courier_days.csv': `\uFEFF${lines.join('\r\n')}` }, {}));
    expect(outcome.differences).toEqual([
      'courier_days.csv: 1 of ' +
        String(lines.length - 1) +
        ' lines differ from the re-run (first at line 4, column netCny)',
    ]);
  });

  it('names a CSV whose byte-order mark was taken away, and a changed tables.xlsx', async () => {
    const { zip } = await tinyPack();
    const files = unzipToRecord(zip);
    const csv = files['per_day.csv'] as Uint8Array;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const xlsx = (files['tables.xlsx'] as Uint8Array).slice();
    flip(xlsx, xlsx.length - 30, 0x01);
    const outcome = await verifyPack(tampered(zip, { 'per_day.csv': csv.subarray(3), 'tables.xlsx': xlsx }, {}));
    expect(outcome.differences).toEqual([
      'per_day.csv: lacks the byte-order mark at its start',
      'tables.xlsx: differs from the file made again from the re-run',
    ]);
  });

  it('notes a pack made by another Fairpace version', async () => {
    const { zip } = await tinyPack();
    const manifest = JSON.parse(textOf(unzipToRecord(zip), 'manifest.json')) as Manifest;
    const outcome = await verifyPack(
      tampered(zip, { 'manifest.json': canonicalText({ ...manifest, fairpaceVersion: '0.0.9' }) }),
    );
    expect(outcome.notes).toEqual([
      expect.stringMatching(/^the pack was made by Fairpace 0\.0\.9 and is checked by Fairpace /),
    ]);
    expect(outcome.differences).toEqual(['manifest.json: fairpaceVersion: pack "0.0.9", re-run "0.1.0"']);
  });

  it('says in one line that another model made a pack, naming both fingerprints, before re-running anything', async () => {
    const { zip } = await tinyPack();
    const manifest = JSON.parse(textOf(unzipToRecord(zip), 'manifest.json')) as Manifest;
    const otherDigest = MODEL_DIGEST.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    const other = tampered(zip, {
      'manifest.json': canonicalText({ ...manifest, modelDigest: otherDigest, fairpaceVersion: '0.2.0' }),
    });
    let ran = 0;
    const counting: Executor = async (tasks, onProgress, signal) => {
      ran += tasks.length;
      return runEvidenceInProcess(tasks, onProgress, signal);
    };
    const outcome = await verifyPack(other, counting);
    expect(ran).toBe(0);
    expect(outcome.verified).toBe(false);
    expect(outcome.otherModel).toEqual({ modelDigest: otherDigest, fairpaceVersion: '0.2.0' });
    expect(outcome.differences).toEqual([
      `made by another model: the pack's model fingerprint is ${otherDigest} (Fairpace 0.2.0), this Fairpace's is ` +
        `${MODEL_DIGEST} (Fairpace ${FAIRPACE_VERSION}); install Fairpace 0.2.0 to re-run and verify it`,
    ]);
    // The same version with another fingerprint (a development build): the line names the build, not a version.
    const sameVersion = tampered(zip, { 'manifest.json': canonicalText({ ...manifest, modelDigest: otherDigest }) });
    expect((await verifyPack(sameVersion, counting)).differences).toEqual([
      `made by another model: the pack's model fingerprint is ${otherDigest} (Fairpace ${FAIRPACE_VERSION}), this ` +
        `Fairpace's is ${MODEL_DIGEST} (Fairpace ${FAIRPACE_VERSION}); the version is the same, so re-run and verify ` +
        `it with the build (commit) of Fairpace ${FAIRPACE_VERSION} that has that fingerprint`,
    ]);
    // The same pack with this model's fingerprint is re-run (and differs only in its version).
    expect((await verifyPack(zip, counting)).verified).toBe(true);
    expect(ran).toBe(4);
  });

  it('says a pack of the first layout, made before packs had a fingerprint, comes from another model', async () => {
    const { zip } = await tinyPack();
    const files = unzipToRecord(zip);
    const { modelDigest: _m, ...manifest } = JSON.parse(textOf(files, 'manifest.json')) as Manifest;
    const { 'tables.xlsx': _x, ...rest } = files;
    const old = zipOf({ ...rest, 'manifest.json': canonicalText({ ...manifest, packVersion: 1 }) });
    const outcome = await verifyPack(old, () => Promise.reject(new Error('nothing may run')));
    expect(outcome.otherModel).toEqual({ modelDigest: null, fairpaceVersion: FAIRPACE_VERSION });
    expect(outcome.differences).toEqual([
      `made by another model: the pack has no model fingerprint (made by Fairpace ${FAIRPACE_VERSION} before packs ` +
        `recorded one), this Fairpace's is ${MODEL_DIGEST} (Fairpace ${FAIRPACE_VERSION}); install Fairpace ` +
        `${FAIRPACE_VERSION} to re-run and verify it`,
    ]);
    // A hostile version string cannot break the line.
    const hostile = tampered(zip, {
      'manifest.json': canonicalText({ ...manifest, packVersion: 2, fairpaceVersion: '1\nverified' }),
    });
    const line = (await verifyPack(hostile)).differences;
    expect(line).toHaveLength(1);
    expect(line[0]).not.toContain('\n');
    expect(line[0]).toContain('Fairpace "1\\nverified"');
  });

  it('uses the executor it is given, and refuses runs that kept no courier-day rows', async () => {
    const { zip } = await tinyPack();
    await expect(verifyPack(zip, runInProcess)).rejects.toThrow(/kept no courier-day rows/);
  });
});

describe('hostile and damaged packs', () => {
  it('refuses a path traversal name, too many files and a bomb-like ratio', async () => {
    const { zip } = await tinyPack();
    const files = unzipToRecord(zip);
    expect(await packError(zipOf({ ...files, '../../etc/cron.d/evil': 'x' }))).toEqual([
      'refused a path that climbs out of the pack: "../../etc/cron.d/evil" (entry 14)',
    ]);
    const many: Record<string, Uint8Array | string> = { ...files };
    for (let i = 0; i < 60; i++) many[`charts/extra-${i}.svg`] = '<svg/>';
    expect((await packError(zipOf(many)))[0]).toMatch(/holds 73 files; a pack holds at most 64/);
    expect((await packError(zipOf({ ...files, 'report.html': new Uint8Array(4 * 1024 * 1024) })))[0]).toMatch(
      /"report\.html" would unpack \d+ times larger than it is packed \(above 200 to 1\): a zip bomb\?/,
    );
  });

  it('refuses an unexpected file, a missing file and a damaged CRC', async () => {
    const { zip } = await tinyPack();
    const files = unzipToRecord(zip);
    expect(await packError(zipOf({ ...files, 'run.sh': 'rm -rf ~' }))).toEqual([
      '"run.sh" is not a file an evidence pack holds',
    ]);
    const { 'per_day.csv': _dropped, ...rest } = files;
    expect(await packError(zipOf(rest))).toEqual(['the pack lacks per_day.csv']);
    const damaged = zip.slice();
    flip(damaged, 200, 0xff); // inside manifest.json's deflated data
    // A flipped byte of deflated data breaks the CRC or, as here, the size the entry unpacks to: either is refused.
    expect((await packError(damaged))[0]).toMatch(/"manifest\.json" (is damaged|unpacks to more than)/);
  });

  it('refuses invalid JSON and a manifest the schema refuses', async () => {
    const { zip } = await tinyPack();
    expect(await packError(tampered(zip, { 'results.json': '{ "seeds": [1, 2' }))).toEqual([
      expect.stringMatching(/^results\.json: not valid JSON \(/),
    ]);
    expect(await packError(tampered(zip, { 'manifest.json': 'not json' }))).toEqual([
      expect.stringMatching(/^manifest\.json: not valid JSON/),
    ]);
    const manifest = JSON.parse(textOf(unzipToRecord(zip), 'manifest.json'));
    expect(
      await packError(tampered(zip, { 'manifest.json': JSON.stringify({ ...manifest, seeds: [1, -2], extra: 1 }) })),
    ).toEqual(
      expect.arrayContaining([
        'manifest.json: (root): Unrecognized key: "extra"',
        expect.stringMatching(/^manifest\.json: seeds\[1\]: /),
      ]),
    );
    expect(await packError(tampered(zip, { 'manifest.json': JSON.stringify({ ...manifest, seeds: [1, 3] }) }))).toEqual(
      ['manifest.json: the seeds must be consecutive (1, 2, …), as the evidence command makes them'],
    );
    expect(
      await packError(tampered(zip, { 'manifest.json': JSON.stringify({ ...manifest, arms: ['lenient'] }) })),
    ).toEqual([expect.stringMatching(/^manifest\.json: unknown arm "lenient"/)]);
  });

  it('refuses a scenario the schema rejects, with its JSON path', async () => {
    const { zip } = await tinyPack();
    const scenario = JSON.parse(textOf(unzipToRecord(zip), 'scenario.json'));
    scenario.population.couriers = 0;
    scenario.population.pets = 2;
    const lines = await packError(tampered(zip, { 'scenario.json': JSON.stringify(scenario) }, {}));
    expect(lines).toContain('scenario.json: population: Unrecognized key: "pets"');
    expect(lines).toContainEqual(expect.stringMatching(/^scenario\.json: population\.couriers: /));
    const later = { ...scenario, schemaVersion: 99 };
    expect(await packError(tampered(zip, { 'scenario.json': JSON.stringify(later) }))).toEqual([
      expect.stringMatching(/^scenario\.json: schemaVersion: this file was written for schema version 99/),
    ]);
  });

  it('refuses a pack of more runs than a pack may hold before running anything', async () => {
    const { zip } = await tinyPack();
    const scenario = JSON.parse(textOf(unzipToRecord(zip), 'scenario.json'));
    scenario.population.couriers = 200_000;
    scenario.time.days = 10;
    expect((await packError(tampered(zip, { 'scenario.json': JSON.stringify(scenario) })))[0]).toMatch(
      /^manifest\.json: the pack would hold 8000000 courier-day rows/,
    );
  });

  it('reads nothing but the zip it is given (the manifest is parsed from it)', async () => {
    const { zip } = await tinyPack();
    expect(strFromU8(openPack(zip).files.get('manifest.json') as Uint8Array)).toContain(
      '"format": "fairpace-evidence"',
    );
  });
});
