// Building a pack: the same inputs give the same bytes, and the manifest's digests describe the files.
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { calibrate, compare, DEFAULT_TARGETS, type RunsCalibration } from '../../src/analysis/index.ts';
import {
  CHART_FILES,
  PACK_FILES,
  PACK_MTIME,
  buildEvidencePack,
  packDigest,
  planEvidence,
  readZip,
  reproduceCommand,
  resultsText,
  runEvidenceInProcess,
  MAX_COURIER_DAY_ROWS,
} from '../../src/evidence/index.ts';
import { csvRows } from '../../src/format/csv.ts';
import { COURIER_DAY_COLUMNS } from '../../src/evidence/tables.ts';
import { canonicalJson, sha256Hex } from '../../src/scenario/canonical.ts';
import { FAIRPACE_VERSION, MODEL_DIGEST } from '../../src/version.ts';
import { TINY, makePack, scenarioOf, textOf, tinyPack, unzipToRecord } from './fixtures.ts';

describe('buildEvidencePack', () => {
  it('makes byte-identical zips from the same inputs, and from the same scenario written another way', async () => {
    const a = await tinyPack();
    const b = await makePack();
    expect(b.zip).toEqual(a.zip);
    // Keys in another order and defaults written out describe the same scenario: the same pack.
    const reordered = {
      replications: 2,
      demand: { ordersPerCourierDay: 10 },
      population: { couriers: 5 },
      seed: 1,
      schemaVersion: 2,
    };
    expect((await makePack(reordered)).zip).toEqual(a.zip);
  });

  it('is reproduced byte for byte from its own scenario.json with its own command', async () => {
    const pack = await tinyPack();
    const files = unzipToRecord(pack.zip);
    const scenario = scenarioOf(JSON.parse(textOf(files, 'scenario.json')));
    // The command's options, parsed back: --arms strictest,median --replications 2 --seed 1.
    const command = pack.manifest.command;
    expect(command).toBe(
      'fairpace evidence scenario.json --arms strictest,median --replications 2 --seed 1 --out pack.zip',
    );
    const plan = planEvidence(scenario, { arms: ['strictest', 'median'], replications: 2, seed: 1 });
    const again = buildEvidencePack({ scenario, plan, runs: await runEvidenceInProcess(plan.tasks) });
    expect(again.zip).toEqual(pack.zip);
    expect(reproduceCommand(plan)).toBe(command);
  });

  it('stores the files in a fixed order with fixed times and no extra fields', async () => {
    const { zip, files } = await tinyPack();
    expect(readZip(zip).map((f) => f.name)).toEqual([...PACK_FILES]);
    expect(files.map((f) => f.name)).toEqual([...PACK_FILES]);
    expect(PACK_MTIME).toBe('1980-01-01T00:00:00');
    // Every local header: DOS time 00:00:00 and date 1980-01-01 (0x0021), no extra field.
    let at = 0;
    for (const name of PACK_FILES) {
      expect(zip[at] === 0x50 && zip[at + 1] === 0x4b && zip[at + 2] === 3 && zip[at + 3] === 4).toBe(true);
      const u16 = (o: number) => (zip[at + o] as number) | ((zip[at + o + 1] as number) << 8);
      expect([u16(10), u16(12)]).toEqual([0, 0x21]);
      expect(u16(28)).toBe(0);
      expect(strFromU8(zip.subarray(at + 30, at + 30 + u16(26)))).toBe(name);
      const packed = (zip[at + 18] as number) | ((zip[at + 19] as number) << 8) | ((zip[at + 20] as number) << 16);
      at += 30 + u16(26) + packed;
    }
  });

  it('writes a manifest with versions, arms, seeds, the command, each file’s SHA-256 and one digest', async () => {
    const { manifest, zip } = await tinyPack();
    const files = unzipToRecord(zip);
    expect(manifest).toMatchObject({
      format: 'fairpace-evidence',
      packVersion: 3,
      fairpaceVersion: FAIRPACE_VERSION,
      modelDigest: MODEL_DIGEST,
      schemaVersion: 2,
      arms: ['strictest', 'median'],
      seeds: [1, 2],
    });
    expect(JSON.parse(textOf(files, 'manifest.json'))).toEqual(manifest);
    expect(Object.keys(manifest.files).sort()).toEqual(PACK_FILES.filter((n) => n !== 'manifest.json').sort());
    for (const [name, sha] of Object.entries(manifest.files))
      expect(sha256Hex(files[name] as Uint8Array), name).toBe(sha);
    const scenario = JSON.parse(textOf(files, 'scenario.json'));
    const results = JSON.parse(textOf(files, 'results.json'));
    expect(manifest.digest).toBe(packDigest(scenario, results));
    expect(manifest.digest).toBe(sha256Hex(canonicalJson(scenario) + canonicalJson(results)));
    // The model fingerprint is the one this build was given, in the manifest, results.json and the report.
    expect(MODEL_DIGEST).toMatch(/^[0-9a-f]{64}$/);
    expect(results.modelDigest).toBe(MODEL_DIGEST);
    expect(textOf(files, 'report.html')).toContain(`<code>${MODEL_DIGEST}</code>`);
  });

  it('writes the full scenario as canonical JSON and results.json as the compare output', async () => {
    const { zip } = await tinyPack();
    const files = unzipToRecord(zip);
    const scenarioText = textOf(files, 'scenario.json');
    expect(scenarioText).toBe(`${JSON.stringify(JSON.parse(canonicalJson(scenarioOf(TINY))), null, 2)}\n`);
    expect(JSON.parse(scenarioText).population.crowdShare).toBe(0.3); // a default, written out
    const comparison = await compare(scenarioOf(TINY));
    expect(textOf(files, 'results.json')).toBe(resultsText(comparison));
  });

  it('writes one courier_days.csv row per courier-day per arm per replication, and the other CSVs', async () => {
    const { zip } = await tinyPack();
    const files = unzipToRecord(zip);
    const rows = csvRows(textOf(files, 'courier_days.csv'));
    expect(rows[0]).toEqual(['arm', 'seed', ...COURIER_DAY_COLUMNS]);
    const body = rows.slice(1);
    expect(body.length).toBeGreaterThan(0);
    expect(new Set(body.map((r) => `${r[0]}/${r[1]}`))).toEqual(
      new Set(['strictest/1', 'strictest/2', 'median/1', 'median/2']),
    );
    // Five couriers on one day: at most five rows per run, each courier once.
    for (const run of ['strictest/1', 'median/2']) {
      const couriers = body.filter((r) => `${r[0]}/${r[1]}` === run).map((r) => r[2]);
      expect(new Set(couriers).size).toBe(couriers.length);
      expect(couriers.length).toBeLessThanOrEqual(5);
    }
    expect(textOf(files, 'per_day.csv').split('\r\n')[0]).toBe(
      'arm,seed,day,promisedMinMean,onTimeRate,speedingKmShare,relativeCrashRisk,shareBelowMinWage,onlineHoursMean,meanRiskTolerance',
    );
    expect(csvRows(textOf(files, 'per_day.csv'))).toHaveLength(1 + 4);
    const compliance = csvRows(textOf(files, 'compliance.csv'));
    expect(compliance[0]).toEqual(['arm', 'check', 'clause', 'metric', 'value', 'threshold', 'status', 'detail']);
    expect(compliance.some((r) => r[1] === 'strictestAlgorithm' && r[0] === 'strictest' && r[6] === 'fail')).toBe(true);
    for (const chart of CHART_FILES)
      expect(textOf(files, chart)).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it('holds the pack’s own runs against the default targets in calibration.json, as `calibrate` does', async () => {
    const pack = await tinyPack();
    const files = unzipToRecord(pack.zip);
    const scenario = scenarioOf(JSON.parse(textOf(files, 'scenario.json')));
    const { notRun, ...fromPack } = JSON.parse(textOf(files, 'calibration.json')) as RunsCalibration;
    expect(notRun).toEqual([]);
    // The same scenario and seeds run by the calibrate command: the same JSON, row for row.
    const direct = await calibrate(scenario, DEFAULT_TARGETS, { replications: 2, seed: 1 });
    expect(fromPack).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(pack.calibration.rows).toHaveLength(DEFAULT_TARGETS.targets.length);
    // A pack of one arm lists the other arm's targets as not run, with the reason.
    const plan = planEvidence(scenario, { arms: ['median'] });
    const one = buildEvidencePack({ scenario, plan, runs: await runEvidenceInProcess(plan.tasks) });
    const json = JSON.parse(textOf(unzipToRecord(one.zip), 'calibration.json')) as RunsCalibration;
    expect(json.rows.every((r) => r.arm === 'median')).toBe(true);
    expect(json.notRun.map((t) => t.id)).toEqual(
      DEFAULT_TARGETS.targets.filter((t) => t.arm === 'strictest').map((t) => t.id),
    );
    expect(json.notRun[0]?.reason).toMatch(/the arm "strictest" was not among the arms run \(median\)/);
  });

  it('refuses a pack of more courier-day rows than it may hold, and an unknown arm', () => {
    const big = scenarioOf({ ...TINY, population: { couriers: 200_000 }, time: { days: 3 } });
    expect(() => planEvidence(big)).toThrow(RangeError);
    expect(() => planEvidence(big)).toThrow(String(MAX_COURIER_DAY_ROWS));
    expect(() => planEvidence(scenarioOf(TINY), { arms: ['lenient'] })).toThrow(/unknown arm "lenient"/);
  });

  it('refuses runs without courier-day rows', async () => {
    const scenario = scenarioOf(TINY);
    const plan = planEvidence(scenario);
    const runs = (await runEvidenceInProcess(plan.tasks)).map(({ courierDays: _rows, ...run }) => run);
    expect(() => buildEvidencePack({ scenario, plan, runs })).toThrow(/kept no courier-day rows/);
  });
});
