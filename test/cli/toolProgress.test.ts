// `fairpace sweep --progress`, `zone --progress` and `sensitivity --progress` (issue 21 item 1): a provisional line
// on stderr per newly complete prefix of seeds (every point and arm, every cell; with `sensitivity --precision`, each
// parameter's next seeds), the same lines with any number of threads, each the tool's answer on that many
// replications, and stdout byte-identical to the command without it.
import { describe, expect, it } from 'vitest';
import { parseTarget, sweep, zoneOfAgreement } from '../../src/analysis/index.ts';
import { parseCommandLine } from '../../src/cli/args.ts';
import { sensitivityProvisionalLine } from '../../src/cli/bargainingCommands.ts';
import type { SweepCommand } from '../../src/cli/compareArgs.ts';
import { sweepProvisionalLine } from '../../src/cli/compareCommands.ts';
import { main } from '../../src/cli/main.ts';
import type { ZoneCommand } from '../../src/cli/zoneArgs.ts';
import { zoneProvisionalLine } from '../../src/cli/zoneCommands.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import { capture, TINY_SCENARIO, tinyScenarioFile } from './fixtures.ts';

const tiny = tinyScenarioFile('fairpace-tool-progress-');

async function fairpace(args: string[]) {
  const io = capture();
  const code = await main(args, { io, env: {} });
  return { code, out: io.out, err: io.err };
}

const lines = (text: string) => text.split('\n').filter((l) => l.startsWith('provisional'));

function scenario() {
  const loaded = validateScenario({ ...TINY_SCENARIO, meta: { name: 'Tiny' } });
  if (!loaded.ok) throw new Error('the tiny scenario does not load');
  return loaded.scenario;
}

/** Runs a command plain, then with --progress on 1 and 2 threads; checks stdout and that the lines agree. */
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
  expect(lines(two.err)).toEqual(lines(one.err));
  return lines(one.err);
}

describe('fairpace sweep --progress', () => {
  it('prints the sweep on 2, 3 of 4 seeds on stderr, the same on any threads, and stdout as without it', async () => {
    const args = ['sweep', tiny.path, '--param', 'rules.pay.base', '--values', '6,9', '--replications', '4'];
    const shown = await withAndWithout([...args, '--no-cache']);
    expect(shown.map((l) => /^provisional (\d+)\/4 replications/.exec(l)?.[1])).toEqual(['2', '3']);
    for (const n of [2, 3]) {
      const direct = await sweep(scenario(), { param: 'rules.pay.base', values: [6, 9], replications: n });
      expect(shown[n - 2]).toBe(sweepProvisionalLine(direct, 4).trimEnd());
    }
    expect(shown[0]).toMatch(
      /^provisional 2\/4 replications, rules\.pay\.base \(median - strictest\) earnings\.shareBelowMinWage: 6 [+-]?[\d.]+ pp \[[+-]?[\d.]+, [+-]?[\d.]+\]; 9 /,
    );
    // CSV too: stdout byte for byte.
    const csv = await fairpace([...args, '--format', 'csv', '--workers', '1', '--no-cache']);
    const csvProgress = await fairpace([...args, '--format', 'csv', '--workers', '1', '--no-cache', '--progress']);
    expect(csvProgress.out).toBe(csv.out);
  });

  it('with one arm gives its mean at each value', async () => {
    const one = await fairpace([
      'sweep',
      tiny.path,
      '--param',
      'rules.pay.base',
      '--values',
      '6,9',
      '--replications',
      '3',
      '--arms',
      'median',
      '--workers',
      '1',
      '--no-cache',
      '--progress',
    ]);
    expect(one.code, one.err).toBe(0);
    expect(lines(one.err)).toEqual([
      expect.stringMatching(
        /^provisional 2\/3 replications, rules\.pay\.base \(median\) earnings\.shareBelowMinWage: 6 /,
      ),
    ]);
  });
});

describe('fairpace zone --progress', () => {
  it('prints the zone on 2, 3 of 4 seeds on stderr, the same on any threads, and stdout as without it', async () => {
    const args = [
      'zone',
      tiny.path,
      '--arm',
      'median',
      '--x',
      'rules.deadline.percentile=30,50',
      '--y',
      'rules.pay.base=6,9',
      '--union',
      'earnings.shareBelowMinWage <= 0.5',
      '--platform',
      'platform.margin >= 0',
      '--replications',
      '4',
      '--no-cache',
    ];
    const shown = await withAndWithout(args);
    expect(shown.map((l) => /^provisional (\d+)\/4 replications/.exec(l)?.[1])).toEqual(['2', '3']);
    for (const n of [2, 3]) {
      const direct = await zoneOfAgreement(scenario(), {
        arm: 'median',
        x: { param: 'rules.deadline.percentile', values: [30, 50] },
        y: { param: 'rules.pay.base', values: [6, 9] },
        union: [parseTarget('earnings.shareBelowMinWage <= 0.5')],
        platform: [parseTarget('platform.margin >= 0')],
        replications: n,
      });
      expect(shown[n - 2]).toBe(zoneProvisionalLine(direct, 4).trimEnd());
    }
    expect(shown[0]).toMatch(
      /^provisional 2\/4 replications: \d+ of 4 cells agreed \(union accepts \d+, platform \d+\);/,
    );
  });
});

describe('parsing --progress on sweep and zone', () => {
  it('takes it without a value, keeps --progress json, refuses contradictions, and leaves other commands alone', () => {
    const s = parseCommandLine(['sweep', 'x.json', '--param', 'rules.pay.base', '--values', '1,2', '--progress']);
    expect(s).toMatchObject({ kind: 'sweep', file: 'x.json', provisional: true });
    expect((s as SweepCommand).progress).toBeUndefined();
    const limit = ['--union', 'earnings.shareBelowMinWage <= 0.05'];
    const axes = ['--x', 'rules.pay.base=1,2', '--y', 'rules.deadline.percentile=30,50', ...limit];
    const z = parseCommandLine(['zone', '--progress', 'x.json', ...axes]);
    expect(z).toMatchObject({ kind: 'zone', file: 'x.json', provisional: true });
    const json = parseCommandLine(['sweep', 'x.json', '--param', 'p', '--values', '1', '--progress', 'json']);
    expect(json).toMatchObject({ progress: 'json' });
    expect((json as SweepCommand).provisional).toBeUndefined();
    const zjson = parseCommandLine(['zone', 'x.json', '--progress', 'json', ...axes]);
    expect((zjson as ZoneCommand).provisional).toBeUndefined();
    expect(() => parseCommandLine(['zone', 'x.json', ...axes, '--progress', '-q'])).toThrow(/contradict/);
    expect(() =>
      parseCommandLine(['sweep', 'x.json', '--param', 'p', '--values', '1', '--progress', '--shard', '1/2', '-o', 'p']),
    ).toThrow(/cannot be sharded/);
    expect(() => parseCommandLine(['calibrate', 'x.json', '--progress'])).toThrow();
  });
});

describe('fairpace sensitivity --progress', () => {
  const args = () => [
    'sensitivity',
    tiny.path,
    '--params',
    'rules.pay.base,population.comfortSpeedKmh.mean',
    '--replications',
    '4',
    '--no-cache',
  ];

  it('prints the ranking on 2, 3 of 4 seeds on stderr, the same on any threads, and stdout as without it', async () => {
    const shown = await withAndWithout(args());
    expect(shown.map((l) => /^provisional (\d+)\/4 replications/.exec(l)?.[1])).toEqual(['2', '3']);
    for (const n of [2, 3]) {
      const direct = await fairpace([
        ...args().slice(0, 4),
        '--replications',
        String(n),
        '--workers',
        '1',
        '--no-cache',
      ]);
      expect(shown[n - 2]).toBe(sensitivityProvisionalLine(JSON.parse(direct.out), n, 4).trimEnd());
    }
    expect(shown[0]).toMatch(
      /^provisional 2\/4 replications: 1\. (rules\.pay\.base|population\.comfortSpeedKmh\.mean) \d/,
    );
  });

  it('with --precision, prints the ranking so far as each parameter gets its seeds, the same on any threads, stdout as without it', async () => {
    const shown = await withAndWithout([...args(), '--precision', '0.2']);
    // The first bars: the base's and the first parameter's first 2 seeds (4 + 8 runs), then the second parameter's.
    expect(shown[0]).toMatch(
      /^provisional 2\/4 replications, 1 of 2 parameters \(1 pending\), 12 runs: 1\. rules\.pay\.base \d+\.\d\d \(2 seeds\)$/,
    );
    expect(shown[1]).toMatch(
      /^provisional 2\/4 replications, 2 of 2 parameters, 20 runs: 1\. \S+ \d+\.\d\d \(2 seeds\); 2\. /,
    );
    const runs = shown.map((l) => Number(/, (\d+) runs: /.exec(l)?.[1]));
    expect(runs.every((r, i) => i === 0 || r > (runs[i - 1] as number))).toBe(true);
  });

  it('takes --progress with --precision, but not with --quiet', () => {
    const parsed = parseCommandLine([...args(), '--progress', '--precision', '0.2']);
    expect(parsed).toMatchObject({ kind: 'sensitivity', precision: 0.2, provisional: true });
    expect(() => parseCommandLine([...args(), '--progress', '--precision', '0.2', '--quiet'])).toThrow(/contradict/);
  });
});
