// `fairpace compare --progress` (issue 21 item 1): a provisional line on stderr per newly complete prefix of seeds,
// the same lines with any number of threads, and stdout byte-identical to the command without it.
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/analysis/index.ts';
import { parseCommandLine } from '../../src/cli/args.ts';
import type { CompareCommand } from '../../src/cli/compareArgs.ts';
import { provisionalLine } from '../../src/cli/compareCommands.ts';
import { main } from '../../src/cli/main.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import { capture, TINY_SCENARIO, tinyScenarioFile } from './fixtures.ts';

const tiny = tinyScenarioFile('fairpace-compare-progress-');

async function fairpace(args: string[]) {
  const io = capture();
  const code = await main(args, { io, env: {} });
  return { code, out: io.out, err: io.err };
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

describe('fairpace compare --progress', () => {
  it('prints a provisional line per newly complete seed prefix on stderr, and stdout exactly as without it', async () => {
    const args = ['compare', tiny.path, '--replications', '4', '--no-cache'];
    const plain = await fairpace([...args, '--workers', '1']);
    expect(plain.code, plain.err).toBe(0);
    expect(plain.err).not.toMatch(/provisional/);
    const one = await fairpace([...args, '--workers', '1', '--progress']);
    const two = await fairpace([...args, '--progress', '--workers', '2']);
    for (const run of [one, two]) {
      expect(run.code, run.err).toBe(0);
      expect(run.out).toBe(plain.out);
    }
    const shown = lines(one.err);
    expect(shown.map((l) => /^provisional (\d+)\/4 replications/.exec(l)?.[1])).toEqual(['2', '3']);
    // Each line is the comparison of that many seeds: `compare --replications n`, whichever thread finished first.
    expect(lines(two.err)).toEqual(shown);
    const loaded = validateScenario({ ...TINY_SCENARIO, meta: { name: 'Tiny' } });
    if (!loaded.ok) throw new Error('the tiny scenario does not load');
    for (const n of [2, 3]) {
      const expected = provisionalLine(await compare(loaded.scenario, { replications: n }), 4).trimEnd();
      expect(shown[n - 2]).toBe(expected);
    }
    expect(shown[0]).toMatch(
      /^provisional 2\/4 replications \(median - strictest\): earnings\.shareBelowMinWage [+-]?[\d.]+ pp \[[+-]?[\d.]+, [+-]?[\d.]+\]; /,
    );
  });

  it('keeps a table, a gate and --precision byte for byte, each with its provisional lines', async () => {
    const base = ['compare', tiny.path, '--replications', '3', '--workers', '1', '--no-cache'];
    for (const extra of [
      ['--format', 'table'],
      ['--assert', 'earnings.shareBelowMinWage@median <= 1'],
    ]) {
      const plain = await fairpace([...base, ...extra]);
      const progress = await fairpace([...base, ...extra, '--progress']);
      expect(progress.code).toBe(plain.code);
      expect(progress.out).toBe(plain.out);
      expect(lines(progress.err).filter((l) => l.startsWith('provisional'))).toHaveLength(1);
    }
    const precise = ['compare', tiny.path, '--replications', '7', '--precision', '0.0001', '--workers', '1'];
    const plain = await fairpace([...precise, '--no-cache']);
    const progress = await fairpace([...precise, '--progress', '--no-cache']);
    expect(progress.out).toBe(plain.out);
    expect(lines(progress.err).filter((l) => l.startsWith('provisional'))).toEqual([
      expect.stringMatching(/^provisional 3 of at most 7 replications/),
      expect.stringMatching(/^provisional 5 of at most 7 replications/),
    ]);
  });

  it('says nothing provisional when there are only 2 replications: the first answer is the final one', async () => {
    const run = await fairpace(['compare', tiny.path, '--workers', '1', '--no-cache', '--progress']);
    expect(run.code, run.err).toBe(0);
    expect(run.err).not.toMatch(/provisional/);
  });

  it('takes --progress without a value anywhere on the line, keeps --progress json, and refuses contradictions', () => {
    const before = parseCommandLine(['compare', '--progress', 'x.json']) as CompareCommand;
    expect(before).toMatchObject({ kind: 'compare', file: 'x.json', provisional: true });
    expect(before.progress).toBeUndefined();
    const after = parseCommandLine(['compare', 'x.json', '--progress']) as CompareCommand;
    expect(after).toMatchObject({ file: 'x.json', provisional: true });
    const json = parseCommandLine(['compare', 'x.json', '--progress', 'json']) as CompareCommand;
    expect(json).toMatchObject({ progress: 'json' });
    expect(json.provisional).toBeUndefined();
    expect(() => parseCommandLine(['compare', 'x.json', '--progress', '--quiet'])).toThrow(/contradict/);
    expect(() => parseCommandLine(['compare', 'x.json', '--progress', '--progress', 'json'])).toThrow(/choose one/);
    expect(() => parseCommandLine(['compare', 'x.json', '--progress', '--shard', '1/2', '--out', 'p'])).toThrow(
      /cannot be sharded/,
    );
    expect(() => parseCommandLine(['calibrate', 'x.json', '--progress'])).toThrow();
  });
});
