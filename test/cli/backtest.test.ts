// `fairpace backtest`: a back-test file run through the command line, the same table for any --workers, JSON, and
// its refusals (a malformed file, a figure past the scenario's end, bad options), each before any run.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fairpaceIn } from './cliProcess.ts';
import { TINY_SCENARIO } from './fixtures.ts';

let dir = '';

const figure = (over: Record<string, unknown>) => ({
  id: 'promise',
  arm: 'strictest',
  series: 'promise3kmMin',
  step: 1,
  observed: 30,
  source: 'a test',
  strength: 'weak',
  ...over,
});
const backtest = (figures: unknown[]) => ({
  schemaVersion: 1,
  id: 'tiny-test',
  name: 'Tiny test',
  scenario: 'tiny.json',
  seeds: 2,
  figures,
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-backtest-'));
  await writeFile(join(dir, 'tiny.json'), JSON.stringify({ ...TINY_SCENARIO, time: { days: 3 } }));
  await writeFile(
    join(dir, 'ok.json'),
    JSON.stringify(
      backtest([
        figure({}),
        figure({ id: 'c2d', arm: 'median', series: 'clickToDoorMin', fromStep: 0, step: 2, observed: -10 }),
      ]),
    ),
  );
  await writeFile(
    join(dir, 'bad.json'),
    JSON.stringify(backtest([figure({ strength: 'so-so', observed: 'thirty' }), figure({ fromStep: 2, step: 1 })])),
  );
  await writeFile(join(dir, 'late.json'), JSON.stringify(backtest([figure({ step: 5, arm: 'nope' })])));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fairpace = fairpaceIn(() => dir);

describe('fairpace backtest', () => {
  it('prints one row per figure, the same with one worker or two, and the same numbers as JSON', async () => {
    const one = await fairpace(['backtest', 'ok.json', '--workers', '1']);
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    const two = await fairpace(['backtest', 'ok.json', '--workers', '2']);
    expect(two.stdout).toBe(one.stdout);
    const lines = one.stdout.split('\n');
    expect(lines[0]).toBe('Back-test: Tiny test (tiny-test)');
    expect(lines.find((l) => l.startsWith('strictest  promise'))).toMatch(/\s1\s+30\.0\s+\d+\.\d/);
    expect(lines.find((l) => l.startsWith('median     c2d'))).toMatch(/0→2\s+-10\.0/);
    const json = await fairpace(['backtest', 'ok.json', '--format', 'json', '--seeds', '2']);
    const result = JSON.parse(json.stdout);
    expect(result.seeds).toEqual([1, 2]);
    expect(result.rows.map((r: { figure: { id: string } }) => r.figure.id)).toEqual(['promise', 'c2d']);
    expect(one.stdout).toContain(result.rows[0].model.mean.toFixed(1));
  });

  it('refuses a malformed back-test file, naming each field, before any run', async () => {
    const r = await fairpace(['backtest', 'bad.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.json: figures[0].strength:');
    expect(r.stderr).toContain('bad.json: figures[0].observed:');
    expect(r.stderr).toContain('bad.json: figures[1].fromStep: fromStep must come before step');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("refuses figures past the scenario's last step or of an arm it lacks", async () => {
    const r = await fairpace(['backtest', 'late.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('late.json: figures[0].arm: the scenario has no arm "nope"');
    expect(r.stderr).toContain("late.json: figures[0].step: 5 is past the scenario's last day (2)");
  });

  it('refuses bad options and a missing file argument', async () => {
    expect((await fairpace(['backtest'])).stderr).toContain('missing the back-test file argument <backtest.json>');
    const seeds = await fairpace(['backtest', 'ok.json', '--seeds', '0']);
    expect(seeds.code).toBe(2);
    expect(seeds.stderr).toContain('--seeds');
    const format = await fairpace(['backtest', 'ok.json', '--format', 'csv']);
    expect(format.stderr).toContain("--format must be one of table, json (got 'csv')");
    expect((await fairpace(['backtest', 'missing.json'])).code).toBe(2);
  });
});
