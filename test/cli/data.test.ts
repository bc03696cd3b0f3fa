// `fairpace observe waybills`, `import waybills` and `audit riders` through main() in this process, on files written
// here: CSV and zip, good and refused, checking that a refusal writes nothing and that no rider id leaves the audit.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTargets } from '../../src/analysis/calibrate/targets.ts';
import { parseCommandLine } from '../../src/cli/args.ts';
import { main } from '../../src/cli/main.ts';
import { byteProgress } from '../../src/cli/progress.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { ONLINE_CSV, RIDER_CSV } from '../io/riderFixtures.ts';
import { nextDay, smallWaybills, T0, waybill, waybillCsv } from '../io/waybillFixtures.ts';
import { capture } from './fixtures.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir = '';
const path = (name: string) => join(dir, name);
const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const run = async (...argv: string[]) => {
  const io = capture();
  const code = await main(argv, { io, env: {} });
  return { code, out: io.out, err: io.err };
};
/** The files of the test folder, to check that a refused command wrote none. */
const listing = async () => (await readdir(dir)).sort();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-data-'));
  await writeFile(path('w.csv'), waybillCsv(smallWaybills()));
  await writeFile(path('riders.csv'), RIDER_CSV);
  await writeFile(path('online.csv'), ONLINE_CSV);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fairpace observe waybills', () => {
  it('writes the targets file and prints the figures, which calibrate then reads', async () => {
    const r = await run('observe', 'waybills', path('w.csv'), '--arm', 'strictest', '--out', path('obs.json'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Click-to-door, mean\s+30\.5\s/m);
    expect(r.out).toContain('note: 1 duplicate rows (a waybill_id already read) skipped');
    expect(r.out).toMatch(/wrote .*obs\.json: 23 targets for arm strictest\n$/);
    const text = await readFile(path('obs.json'), 'utf8');
    const loaded = loadTargets(text);
    expect(loaded.ok).toBe(true);
    expect(text).toContain(sha(await readFile(path('w.csv'))));

    const cal = await run(
      'calibrate',
      'scenarios/demo-small.json',
      '--targets',
      path('obs.json'),
      '--replications',
      '1',
      '--workers',
      '1',
      '--format',
      'json',
      '--quiet',
    );
    expect(cal.code).toBe(0);
    const result = JSON.parse(cal.out) as { rows: { id: string }[] };
    expect(result.rows.map((row) => row.id)).toContain('click-to-door-mean');
  });

  it('prints the targets on stdout without --out, the figures on stderr', async () => {
    const r = await run('observe', 'waybills', path('w.csv'));
    expect(r.code).toBe(0);
    expect(loadTargets(r.out).ok).toBe(true);
    expect(r.err).toMatch(/^On-time rate\s+0\.5\s/m);
  });

  it('reads the one CSV in a zip, with folder entries, as it reads the CSV', async () => {
    const csv = strToU8(waybillCsv(smallWaybills()));
    await writeFile(path('w.zip'), zipSync({ 'data/': new Uint8Array(), 'data/all_waybill_info.csv': csv }));
    const r = await run('observe', 'waybills', path('w.zip'), '--out', path('obs-zip.json'));
    expect(r.code).toBe(0);
    const fromZip = JSON.parse(await readFile(path('obs-zip.json'), 'utf8')) as { targets: { range: number[] }[] };
    const fromCsv = JSON.parse(await readFile(path('obs.json'), 'utf8')) as { targets: { range: number[] }[] };
    expect(fromZip.targets.map((t) => t.range)).toEqual(fromCsv.targets.map((t) => t.range));
  });

  it('uses the wave file', async () => {
    await writeFile(
      path('waves.csv'),
      `courier_id,wave_id,wave_start_time,wave_end_time,order_ids\n101,1,${T0},${T0 + 600},"[1, 2, 4]"\n102,1,${T0},${T0 + 600},[3]\n`,
    );
    const r = await run(
      'observe',
      'waybills',
      path('w.csv'),
      '--waves',
      path('waves.csv'),
      '--out',
      path('obs-w.json'),
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Orders per wave \(wave file\)\s+2\s.*service\.ordersPerWave$/m);
  });

  it('refuses bad input with file and line, exit 2, and writes nothing', async () => {
    const before = await listing();
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['cols.csv', 'order_id,waybill_id\n1,2\n', /cols\.csv:1: missing columns dt, courier_id, .*arrive_time/],
      [
        'two.zip',
        zipSync({ 'a.csv': strToU8('x\n'), 'b.csv': strToU8('y\n') }),
        /two\.zip: it holds 2 CSV files \(a\.csv, b\.csv\)/,
      ],
      [
        'evil.zip',
        zipSync({ '../w.csv': strToU8(waybillCsv(smallWaybills())) }),
        /evil\.zip: refused a path that climbs out/,
      ],
      ['none.zip', zipSync({ 'readme.txt': strToU8('hello') }), /none\.zip: it holds no \.csv file/],
      [
        'bad.csv',
        waybillCsv([waybill({ sender_lat: 91000000 })]),
        /bad\.csv:2: sender_lat 91000000 is outside the valid range/,
      ],
      ['bomb.zip', bomb(), /bomb\.zip: .* \(above 200 to 1\): a zip bomb\?/],
    ];
    for (const [name, content] of cases) await writeFile(path(name), content);
    const written = await listing();
    for (const [name, , message] of cases) {
      const r = await run('observe', 'waybills', path(name), '--out', path('refused.json'));
      expect(r.code, name).toBe(2);
      expect(r.err, name).toMatch(message);
      expect(r.err, name).not.toMatch(/\n.+\n/); // one line
      expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack
    }
    expect(await listing()).toEqual(written);
    expect(written.filter((f) => !before.includes(f)).sort()).toEqual(cases.map((c) => c[0]).sort());
  });
});

describe('fairpace observe trace', () => {
  it("reads the engine's own order trace of demo-small with the waybills' yardstick", async () => {
    const ran = await run('run', 'scenarios/demo-small.json', '--arm', 'median', '--orders', path('o.csv'));
    expect(ran.code).toBe(0);
    type Mean = { mean: number };
    const service = (
      JSON.parse(ran.out) as {
        metrics: { service: { clickToDoorMin: Mean; acceptToPickupMin: Mean; pickupToDoorMin: Mean } };
      }
    ).metrics.service;
    const r = await run('observe', 'trace', path('o.csv'), '--out', path('trace-targets.json'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+ orders over 1 day \(day 0\) of arm median, seed \d+: \d+ delivered by \d+ couriers/);
    for (const label of [
      'Click-to-door, mean',
      'Click-to-door, p90',
      'Promised minutes, 1–2 km, mean',
      'Late by more than 8 min',
      'Accept to pickup, p10',
      'Accept to pickup, p90',
      'Pickup to door, p50',
      'Delivered share',
      'Bag at acceptance, peak hours, mean',
      'Orders per wave',
      'Orders per courier-day, mean',
    ]) {
      expect(r.out).toMatch(new RegExp(`^${label}\\s+\\d`, 'm'));
    }
    // The trace holds the run's deliveries: its click-to-door mean is the run's, to the table's two decimals.
    const ctd = Number(/^Click-to-door, mean\s+([\d.]+)\s/m.exec(r.out)?.[1]);
    expect(Math.abs(ctd - service.clickToDoorMin.mean)).toBeLessThanOrEqual(0.0051);
    // So are its accept → pickup and pickup → door means, which are targets too.
    const atp = Number(/^Accept to pickup, mean\s+([\d.]+)\s.*service\.acceptToPickupMin\.mean$/m.exec(r.out)?.[1]);
    expect(Math.abs(atp - service.acceptToPickupMin.mean)).toBeLessThanOrEqual(0.0051);
    const ptd = Number(/^Pickup to door, mean\s+([\d.]+)\s.*service\.pickupToDoorMin\.mean$/m.exec(r.out)?.[1]);
    expect(Math.abs(ptd - service.pickupToDoorMin.mean)).toBeLessThanOrEqual(0.0051);
    expect(r.out).toMatch(/wrote .*trace-targets\.json: \d+ targets for arm median\n$/);
    const text = await readFile(path('trace-targets.json'), 'utf8');
    expect(loadTargets(text).ok).toBe(true);
    expect(text).toContain(sha(await readFile(path('o.csv'))));
  });

  it('prints the table alone without --out, and takes --arm', async () => {
    const before = await listing();
    const r = await run('observe', 'trace', path('o.csv'), '--arm', 'strictest', '--peak-hours', '12');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^figure\s+value\s+95% interval/m);
    expect(r.out).toContain('note: the trace is of arm median; the targets describe arm strictest (--arm)');
    expect(r.out).not.toContain('wrote');
    expect(await listing()).toEqual(before);
  });

  it('refuses a malformed trace with file and line, exit 2, no stack, and writes nothing', async () => {
    const good = await readFile(path('o.csv'), 'utf8');
    const lines = good.split('\r\n');
    const cells = (lines[2] as string).split(',');
    cells[2] = 'soon';
    lines[2] = cells.join(',');
    await writeFile(path('bad-trace.csv'), lines.join('\r\n'));
    await writeFile(path('cols-trace.csv'), 'order_id,courier_id\n1,2\n');
    const before = await listing();
    const cases: [string, RegExp][] = [
      ['bad-trace.csv', /bad-trace\.csv:3: platform_order_time 'soon' is not a time/],
      ['cols-trace.csv', /cols-trace\.csv:1: missing columns platform_order_time, grab_time/],
      ['nothing-here.csv', /cannot read .*nothing-here\.csv/],
    ];
    for (const [name, message] of cases) {
      const r = await run('observe', 'trace', path(name), '--out', path('refused-trace.json'));
      expect(r.code, name).toBe(2);
      expect(r.err, name).toMatch(message);
      expect(r.err, name).not.toMatch(/\n.+\n/); // one line
      expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack
    }
    expect(await listing()).toEqual(before);
  });

  it('parses, refuses --waves, and is in the help', async () => {
    expect(parseCommandLine(['observe', 'trace', 'o.csv'])).toEqual({
      kind: 'observe',
      format: 'trace',
      file: 'o.csv',
      quiet: false,
    });
    expect(parseCommandLine(['observe', 'trace', 'o.csv', '--arm', 'a1', '-o', 't.json'])).toMatchObject({
      arm: 'a1',
      out: 't.json',
    });
    expect(() => parseCommandLine(['observe', 'trace', 'o.csv', '--waves', 'w.csv'])).toThrow(
      /--waves goes with observe waybills/,
    );
    expect(() => parseCommandLine(['observe', 'trace'])).toThrow(/missing the order trace/);
    const general = await run('--help');
    expect(general.out).toContain('fairpace observe trace <orders.csv> [--arm ID] [--out targets.json]');
    const help = await run('observe', '--help');
    expect(help.out).toMatch(/^\s+fairpace observe trace <orders\.csv>/m);
  });
});

/** A zip whose one CSV unpacks 1000 times larger than it is packed. */
function bomb(): Uint8Array {
  return zipSync({ 'zeros.csv': new Uint8Array(4 * 1024 * 1024).fill(48) }, { level: 9 });
}

describe('fairpace import waybills', () => {
  it('writes one day as a replay scenario that validates and runs', async () => {
    const r = await run('import', 'waybills', path('w.csv'), '--day', '20221017', '--out', path('replay.json'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/wrote .*replay\.json: 20221017, 6 orders, 2 couriers, 2 restaurants, 250 m\/min\n$/);
    const text = await readFile(path('replay.json'), 'utf8');
    const loaded = loadScenario(text);
    expect(loaded.ok).toBe(true);
    expect(text).toContain(sha(await readFile(path('w.csv'))));
    const ran = await run('run', path('replay.json'), '--arm', 'median');
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.out).metrics.mdrp.ordersDelivered).toBeGreaterThan(0);
  });

  it('asks for --day when the file holds several days, and writes nothing', async () => {
    await writeFile(path('two-days.csv'), waybillCsv([...smallWaybills(), nextDay({ order_id: 9, waybill_id: 91 })]));
    const before = await listing();
    const r = await run('import', 'waybills', path('two-days.csv'), '--out', path('nope.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/two-days\.csv: the file holds 2 days: 20221017 \(7 rows\), 20221018 \(1 rows\); choose one/);
    expect(await listing()).toEqual(before);
  });
});

describe('fairpace audit riders', () => {
  it('writes the audit zip, keeps the salt in its file, and no rider id anywhere', async () => {
    const salt = path('union.salt');
    const r = await run(
      'audit',
      'riders',
      path('riders.csv'),
      '--online',
      path('online.csv'),
      '--standards',
      'yantai-2021',
      '--salt-file',
      salt,
      '--out',
      path('audit.zip'),
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Net pay per online hour, mean\s+1\.44\s/m);
    expect(r.out).toContain(`the salt is in ${salt} (new)`);
    const saltText = (await readFile(salt, 'utf8')).trim();
    expect(saltText).toMatch(/^[0-9a-f]{64}$/);
    const files = unzipSync(await readFile(path('audit.zip')));
    expect(Object.keys(files)).toEqual(['report.html', 'targets.json', 'rider_days.csv', 'audit.json']);
    for (const [name, bytes] of Object.entries(files)) {
      const text = strFromU8(bytes);
      expect(text, name).not.toContain('alice');
      expect(text, name).not.toContain('bob-002');
      expect(text, name).not.toContain(saltText);
    }
    for (const text of [r.out, r.err]) expect(text).not.toMatch(/alice|bob-002/);

    // The same salt gives the same hashes.
    const again = await run(
      'audit',
      'riders',
      path('riders.csv'),
      '--standards',
      'yantai-2021',
      '--salt-file',
      salt,
      '--out',
      path('audit2.zip'),
    );
    expect(again.code).toBe(0);
    expect(again.out).not.toContain('(new)');
    const hashes = (zip: Uint8Array) =>
      [...strFromU8(unzipSync(zip)['rider_days.csv'] as Uint8Array).matchAll(/R[0-9a-f]{16}/g)].map((m) => m[0]);
    expect(new Set(hashes(await readFile(path('audit2.zip'))))).toEqual(
      new Set(hashes(await readFile(path('audit.zip')))),
    );
  });

  it('takes the standards of a scenario file, and prints the figures without --out', async () => {
    const r = await run('audit', 'riders', path('riders.csv'), '--standards', 'scenarios/tangshan-2022.json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('minimum wage 19 CNY/h');
    expect(r.out).toMatch(/^Rider-days below the minimum wage \(19 CNY\/h\)\s+1\s/m);
  });

  it('refuses bad records, writes neither the zip nor a salt, and names no rider', async () => {
    await writeFile(
      path('bad-riders.csv'),
      RIDER_CSV.replace('2024-05-06T10:40:00+08:00', '2024-05-06T09:40:00+08:00'),
    );
    const before = await listing();
    const r = await run(
      'audit',
      'riders',
      path('bad-riders.csv'),
      '--standards',
      'yantai-2021',
      '--salt-file',
      path('new.salt'),
      '--out',
      path('bad.zip'),
    );
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `${path('bad-riders.csv')}:2: delivered_at (column 4) 2024-05-06T09:40:00+08:00 is before picked_up_at: delivered before it was picked up [implausible: times out of order]\n` +
        `${path('bad-riders.csv')}: 1 implausible row (1 with times out of order (out-of-order)), which no platform could have produced: nothing written. --drop-implausible leaves them out and reports how many.\n`,
    );
    expect(await listing()).toEqual(before);
    const unknown = await run('audit', 'riders', path('riders.csv'), '--standards', 'nowhere-2030');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/cannot read nowhere-2030: no such file or directory/);
  });
});

describe('the command line of the data commands', () => {
  it('parses and refuses', () => {
    expect(parseCommandLine(['observe', 'waybills', 'w.csv', '--peak-hours', '11,12'])).toMatchObject({
      kind: 'observe',
      peakHours: [11, 12],
      arm: 'median',
    });
    expect(
      parseCommandLine(['import', 'waybills', 'w.zip', '--day', '20221017', '--area', '3', '--out', 's.json']),
    ).toMatchObject({
      kind: 'import',
      format: 'waybills',
      day: '20221017',
      area: '3',
    });
    const usage =
      (...argv: string[]) =>
      () =>
        parseCommandLine(argv);
    expect(usage('observe', 'w.csv')).toThrow(/observe needs a format: observe waybills <file>/);
    expect(usage('observe', 'waybills', 'w.csv', '--peak-hours', '25')).toThrow(/--peak-hours is a list of hours 0–23/);
    expect(usage('import', 'waybills', 'w.csv')).toThrow(/missing --out <scenario\.json>/);
    expect(usage('import', 'waybills', 'w.csv', '--day', '2022-10-17', '--out', 'x')).toThrow(
      /--day is a date written YYYYMMDD/,
    );
    expect(usage('import', 'mdrp', 'dir', '--day', '20221017', '--out', 'x')).toThrow(
      /--day, --area and --quiet go with import waybills/,
    );
    expect(usage('audit', 'riders', 'r.csv')).toThrow(/missing --standards/);
    expect(usage('audit', 'riders', 'r.csv', '--standards', 'yantai-2021', '--out', 'a.html')).toThrow(
      /--out is a \.zip file/,
    );
  });
});

describe('progress through a file', () => {
  it('shows percent and megabytes on a terminal, at most every 200 ms and always at the end', () => {
    let text = '';
    let now = 0;
    const io = { stderr: (t: string) => void (text += t), stderrIsTTY: true, quiet: false };
    const p = byteProgress(io, 'reading waybills', 4 * 1024 * 1024, () => now);
    p.update(1024 * 1024);
    now = 100;
    p.update(2 * 1024 * 1024); // too soon: not shown
    now = 300;
    p.update(3 * 1024 * 1024);
    p.update(4 * 1024 * 1024); // the end is always shown
    p.finish();
    expect(text).toBe(
      '\rreading waybills: 25% (1 of 4 MB)\rreading waybills: 75% (3 of 4 MB)\rreading waybills: 100% (4 of 4 MB)\n',
    );
    let quiet = '';
    const q = byteProgress({ stderr: (t) => void (quiet += t), stderrIsTTY: true, quiet: true }, 'x', 10);
    q.update(10);
    q.finish();
    expect(quiet).toBe('');
  });
});

describe("the README's example of the real-data commands", () => {
  it('runs as written on the generated example data', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const block = /### Try it on generated data\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = block
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter((line) => line.startsWith('npx '));
    expect(commands.map((c) => c.split(' ').slice(1, 4).join(' '))).toEqual([
      'tsx scripts/example-data.ts example-data',
      'fairpace observe waybills',
      'fairpace calibrate scenarios/yantai-2021.json',
      'fairpace import waybills',
      'fairpace compare replay.json',
      'fairpace audit riders',
    ]);
    const cwd = await mkdtemp(join(tmpdir(), 'fairpace-readme-'));
    try {
      for (const command of commands) {
        const words = command.split(' ').slice(1);
        // calibrate and compare of a whole scenario take minutes; other tests run them on smaller inputs.
        if (words[1] === 'calibrate' || words[1] === 'compare') continue;
        const args =
          words[0] === 'tsx'
            ? // tsx as the README's `npx tsx` finds it, from this checkout (the folder the command runs in has none).
              [
                '--import',
                pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href,
                join(ROOT, words[1] as string),
                ...words.slice(2),
              ]
            : [join(ROOT, 'bin', 'fairpace.mjs'), ...words.slice(1)];
        await new Promise<void>((resolve, reject) =>
          execFile(process.execPath, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, _out, stderr) =>
            error ? reject(new Error(`${command}: ${stderr || error.message}`)) : resolve(),
          ),
        );
      }
      expect(loadTargets(await readFile(join(cwd, 'observed.json'), 'utf8')).ok).toBe(true);
      expect(loadScenario(await readFile(join(cwd, 'replay.json'), 'utf8')).ok).toBe(true);
      expect(Object.keys(unzipSync(await readFile(join(cwd, 'audit.zip'))))).toContain('report.html');
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
