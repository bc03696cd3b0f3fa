// `fairpace calibrate` through main(): the table and JSON, --check's exit codes, targets-file errors with located
// lines, --fit writing a fitted scenario, and the shards of a calibration merged to the whole command's bytes.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { capture, tinyScenarioFile } from './fixtures.ts';

const tiny = tinyScenarioFile('fairpace-calibrate-');
const path = (name: string) => join(tiny.dir, name);

async function fairpace(args: string[]) {
  const io = capture();
  const code = await main(args, { io, env: {} });
  return { code, out: io.out, err: io.err };
}

const source = { title: 'A figure', year: 2022 };

/** A targets file whose one range is [lo, hi] for the median arm's fee per order. */
async function feeTargets(name: string, lo: number, hi: number): Promise<string> {
  const file = path(name);
  await writeFile(
    file,
    JSON.stringify({
      schemaVersion: 1,
      name: 'fee',
      targets: [
        { id: 'fee', metric: 'earnings.feePerOrder', arm: 'median', range: [lo, hi], source, strength: 'high' },
      ],
    }),
  );
  return file;
}

describe('fairpace calibrate', () => {
  it('prints one row per target of the default file, with the counts, and JSON with the same numbers', async () => {
    const table = await fairpace(['calibrate', tiny.path, '--workers', '1']);
    expect(table.code, table.err).toBe(0);
    expect(table.out).toMatch(/^Scenario: Tiny/);
    expect(table.out).toMatch(/Targets: Chinese food-delivery couriers/);
    for (const id of ['income-hourly', 'orders-per-day', 'click-to-door', 'on-time-2022']) {
      expect(table.out).toMatch(new RegExp(`\\n${id}\\s`));
    }
    expect(table.out).toMatch(/\d+ within, \d+ below, \d+ above the observed range \(of \d+ targets\)/);
    const json = await fairpace(['calibrate', tiny.path, '--format', 'json', '--workers', '2']);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.out);
    expect(result).toMatchObject({ schemaVersion: 2, arms: ['strictest', 'median'], seeds: [1, 2] });
    expect(result.rows.length).toBe(result.summary.within + result.summary.below + result.summary.above);
    expect(result.targetsDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('--check exits 0 when every target is within and 1 when one is outside', async () => {
    const result = JSON.parse((await fairpace(['calibrate', tiny.path, '--format', 'json'])).out);
    const fee = result.rows.find((r: { id: string }) => r.id === 'per-order-pay');
    expect(fee).toBeDefined();
    const mean = JSON.parse(
      (await fairpace(['calibrate', tiny.path, '--targets', await feeTargets('all.json', 0, 100), '--format', 'json']))
        .out,
    ).rows[0].model.mean as number;
    const inside = await fairpace(['calibrate', tiny.path, '--targets', path('all.json'), '--check']);
    expect(inside.code).toBe(0);
    const outside = await fairpace([
      'calibrate',
      tiny.path,
      '--targets',
      await feeTargets('above.json', mean + 1, mean + 2),
      '--check',
    ]);
    expect(outside.code).toBe(1);
    expect(outside.out).toMatch(/fee\s+median\s+earnings\.feePerOrder\s+CNY\/order.*below by 1\.00 CNY\/order/);
  });

  it('refuses a bad targets file with one located line per problem, and an arm the scenario lacks, writing nothing', async () => {
    await writeFile(path('broken.json'), '{"schemaVersion": 1, "name": "x", "targets": [');
    const notJson = await fairpace(['calibrate', tiny.path, '--targets', path('broken.json'), '--out', path('o1')]);
    expect(notJson.code).toBe(2);
    expect(notJson.err).toMatch(/broken\.json: \(file\): not valid JSON/);
    await writeFile(
      path('bad.json'),
      JSON.stringify({
        schemaVersion: 1,
        name: 'bad',
        targets: [
          { id: 'a', metric: 'workload.nope', arm: 'median', range: [1, 2], source, strength: 'high' },
          { id: 'b', metric: 'earnings.feePerOrder', arm: 'median', range: [3, 1], source, strength: 'high' },
        ],
      }),
    );
    const bad = await fairpace(['calibrate', tiny.path, '--targets', path('bad.json'), '--out', path('o2')]);
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toEqual([
      `${path('bad.json')}: targets[0].metric: "workload.nope" is not a metric path of MODEL.md section 10`,
      `${path('bad.json')}: targets[1].range: lo 3 is above hi 1`,
    ]);
    await writeFile(
      path('arm.json'),
      JSON.stringify({
        schemaVersion: 1,
        name: 'arm',
        targets: [{ id: 'a', metric: 'earnings.feePerOrder', arm: 'p2022', range: [5, 8], source, strength: 'high' }],
      }),
    );
    const arm = await fairpace(['calibrate', tiny.path, '--targets', path('arm.json'), '--out', path('o3')]);
    expect(arm.code).toBe(2);
    expect(arm.err).toBe(
      `${path('arm.json')}: targets[0].arm: the scenario has no arm "p2022" (arms: strictest, median)\n`,
    );
    for (const o of ['o1', 'o2', 'o3']) await expect(readFile(path(o))).rejects.toThrow();
  });

  it('--fit writes the fitted scenario with its record and prints its calibration; a bad path exits 2', async () => {
    const targets = await feeTargets('fit.json', 9, 9.5);
    const fit = await fairpace([
      'calibrate',
      tiny.path,
      '--targets',
      targets,
      '--fit',
      'rules.pay.base=5:12',
      '--max-evaluations',
      '20',
      '--replications',
      '1',
      '--out',
      path('fitted.json'),
      '--workers',
      '1',
    ]);
    expect(fit.code, fit.err).toBe(0);
    expect(fit.err).toMatch(
      /^fit: rules\.pay\.base = [\d.]+; loss [\d.e+-]+ → [\d.e+-]+ after \d+ evaluations; wrote /m,
    );
    expect(fit.out).toMatch(/fee\s+median.*within/);
    const fitted = JSON.parse(await readFile(path('fitted.json'), 'utf8'));
    expect(fitted.rules.pay.base).toBeGreaterThan(7);
    expect(fitted.meta.calibration).toMatchObject({
      targetsName: 'fee',
      parameters: { 'rules.pay.base': fitted.rules.pay.base },
    });
    // The fitted file is a scenario the CLI takes.
    expect((await fairpace(['validate', path('fitted.json')])).code).toBe(0);
    for (const [args, message] of [
      [['--fit', 'rules.nope=1:2', '--out', path('f1')], /--fit: rules\.nope: no such parameter in the scenario/],
      [['--fit', 'meta.name=1:2', '--out', path('f2')], /--fit: meta\.name: not a numeric parameter/],
      [['--fit', 'rules.pay.base=9:5', '--out', path('f3')], /the lower bound 9 is not below 5/],
      [['--fit', 'rules.pay.base=a:5', '--out', path('f4')], /the lower bound 'a' is not a number/],
      [['--fit', 'rules.pay.base=5:9'], /--fit writes the fitted scenario: give --out/],
    ] as [string[], RegExp][]) {
      const r = await fairpace(['calibrate', tiny.path, ...args]);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(message);
    }
    for (const f of ['f1', 'f2', 'f3', 'f4']) await expect(readFile(path(f))).rejects.toThrow();
  });

  it('runs as shards that merge to the whole command, byte for byte', async () => {
    const args = ['calibrate', tiny.path, '--format', 'json', '--workers', '1'];
    expect((await fairpace([...args, '--out', path('cal.whole')])).code).toBe(0);
    const parts = [1, 2, 3].map((k) => path(`cal.part-${k}.jsonl`));
    for (const [i, part] of parts.entries()) {
      expect((await fairpace([...args, '--shard', `${i + 1}/3`, '--out', part])).code).toBe(0);
    }
    expect((await fairpace(['merge', ...parts, '--out', path('cal.merged')])).code).toBe(0);
    expect(await readFile(path('cal.merged'))).toEqual(await readFile(path('cal.whole')));
    const fitShard = await fairpace([
      'calibrate',
      tiny.path,
      '--fit',
      'rules.pay.base=5:9',
      '--shard',
      '1/2',
      '--out',
      'x',
    ]);
    expect(fitShard.code).toBe(2);
  });
});
