// `fairpace target --progress` (issue 21 item 1): the search's answer so far on stderr before each further step (the
// bracket, the best value, the runs), the same lines with any number of threads, each the library's report, and
// stdout byte-identical to the command without it.
import { describe, expect, it } from 'vitest';
import { findTarget, findTargetSequential, runInProcess, type TargetProvisional } from '../../src/analysis/index.ts';
import { targetProvisionalLine } from '../../src/cli/bargainingCommands.ts';
import { main } from '../../src/cli/main.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import { capture, TINY_SCENARIO, tinyScenarioFile } from './fixtures.ts';

const tiny = tinyScenarioFile('fairpace-target-progress-');

const SEARCH = ['--param', 'rules.pay.base', '--min', '0', '--max', '40', '--arm', 'median', '--max-steps', '8'];
const GOAL = ['--target', 'earnings.netPerOnlineHour.mean >= 21', '--confidence', 'mean', '--no-cache'];
const OPTIONS = {
  param: 'rules.pay.base',
  min: 0,
  max: 40,
  arm: 'median',
  maxSteps: 8,
  targets: [{ metric: 'earnings.netPerOnlineHour.mean', op: '>=' as const, threshold: 21 }],
  confidence: 'mean' as const,
};

async function fairpace(args: string[]) {
  const io = capture();
  const code = await main(args, { io, env: {} });
  return { code, out: io.out, err: io.err };
}

const provisionalLines = (text: string) => text.split('\n').filter((l) => l.startsWith('provisional'));

function scenario() {
  const loaded = validateScenario({ ...TINY_SCENARIO, meta: { name: 'Tiny' } });
  if (!loaded.ok) throw new Error('the tiny scenario does not load');
  return loaded.scenario;
}

/** Runs a target command plain, then with --progress on 1 and 2 threads; checks stdout and that the lines agree. */
async function withAndWithout(args: string[]): Promise<string[]> {
  const plain = await fairpace([...args, '--workers', '1']);
  expect(plain.code, plain.err).toBe(0);
  expect(plain.err).not.toMatch(/provisional/);
  const one = await fairpace([...args, '--progress', '--workers', '1']);
  const two = await fairpace([...args, '--workers', '2', '--progress']);
  for (const run of [one, two]) {
    expect(run.code, run.err).toBe(0);
    expect(run.out).toBe(plain.out);
  }
  expect(provisionalLines(two.err)).toEqual(provisionalLines(one.err));
  return provisionalLines(one.err);
}

describe('fairpace target --progress', () => {
  it('prints the bracket before each bisection step, the library’s reports, and stdout as without it', async () => {
    const shown = await withAndWithout(['target', tiny.path, ...SEARCH, ...GOAL]);
    const reports: TargetProvisional[] = [];
    const direct = await findTarget(scenario(), OPTIONS, undefined, undefined, undefined, (p) => reports.push(p));
    expect(direct.steps).toHaveLength(8);
    // Five values in the first batch, then three steps of one value each, each announced by the answer before it.
    expect(shown).toEqual(reports.map((p) => targetProvisionalLine(p).trimEnd()));
    expect(shown).toHaveLength(3);
    expect(shown[0]).toMatch(
      /^provisional 2\/2 replications, rules\.pay\.base: bracket \[[\d.]+, [\d.]+\], best estimate [\d.]+ \(5 values, 12 runs\)$/,
    );
    // The final answer lies in the last bracket said; stdout alone carries it.
    const [lo, hi] = (reports.at(-1) as TargetProvisional).bracket as [number, number];
    expect(direct.value as number).toBeGreaterThan(lo);
    expect(direct.value as number).toBeLessThanOrEqual(hi);
  });

  it('with --precision: the best value’s seeds so far in each line, and the same stdout', async () => {
    const args = ['target', tiny.path, ...SEARCH, ...GOAL, '--replications', '4', '--precision', '0.01'];
    const shown = await withAndWithout(args);
    const reports: TargetProvisional[] = [];
    const options = { ...OPTIONS, replications: 4 };
    await findTargetSequential(scenario(), options, { precision: 0.01 }, runInProcess, undefined, undefined, (p) =>
      reports.push(p),
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(reports.map((p) => targetProvisionalLine(p).trimEnd()));
    for (const line of shown) expect(line).toMatch(/^provisional [34]\/4 replications, rules\.pay\.base: /);
  });

  it('is refused with --grid, --quiet and --progress json, and --help lists it', async () => {
    const bounds = SEARCH.slice(0, -2);
    const grid = await fairpace(['target', tiny.path, ...bounds, ...GOAL, '--grid', '5', '--progress']);
    expect(grid.code).toBe(2);
    expect(grid.err).toMatch(/--progress .*not with --grid/);
    const quiet = await fairpace(['target', tiny.path, ...SEARCH, ...GOAL, '--quiet', '--progress']);
    expect(quiet.code).toBe(2);
    expect(quiet.err).toMatch(/--progress and --quiet/);
    const json = await fairpace(['target', tiny.path, ...SEARCH, ...GOAL, '--progress', 'json', '--progress']);
    expect(json.code).toBe(2);
    expect(json.err).toMatch(/--progress and --progress json: choose one/);
    const help = await fairpace(['target', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/--progress +\(without a value\) the answer so far on stderr/);
  });
});

describe('targetProvisionalLine', () => {
  const base = { param: 'rules.pay.base', direction: 'smallest' as const, of: 10, runs: 29, values: 7 };
  const result = {} as TargetProvisional['result'];
  it('says the seeds of the best value, the bracket, the best value and the runs', () => {
    expect(targetProvisionalLine({ ...base, value: 15.5, bracket: [6, 15.5], replications: 3, result })).toBe(
      'provisional 3/10 replications, rules.pay.base: bracket [6, 15.5], best estimate 15.5 (7 values, 29 runs)\n',
    );
    expect(targetProvisionalLine({ ...base, value: 6, bracket: null, replications: 10, result })).toBe(
      'provisional 10/10 replications, rules.pay.base: best estimate 6 (7 values, 29 runs)\n',
    );
    expect(targetProvisionalLine({ ...base, value: null, bracket: null, replications: 0, result })).toBe(
      'provisional, rules.pay.base: no value meets the targets yet (7 values, 29 runs)\n',
    );
  });
});
