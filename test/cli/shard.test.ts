// --shard k/n and fairpace merge through main(): every batch command merged from 3 shards gives the whole command's
// bytes, and every way partials can fail to belong together exits 2 with one line each and writes nothing.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { readPartial, writePartial } from '../../src/cli/partial.ts';
import { parseShard, shardIndices } from '../../src/cli/runControl.ts';
import { capture, tinyScenarioFile } from './fixtures.ts';

const tiny = tinyScenarioFile('fairpace-shard-');

async function fairpace(args: string[]) {
  const io = capture();
  const code = await main(args, { io, env: {} });
  return { code, out: io.out, err: io.err };
}

const path = (name: string) => join(tiny.dir, name);

/** Runs `args` whole (to `<name>.whole`) and as 3 shards merged (to `<name>.merged`); returns both results. */
async function wholeAndMerged(name: string, args: string[], workers = '1') {
  const whole = await fairpace([...args, '--workers', workers, '--out', path(`${name}.whole`)]);
  expect(whole.err).toBe('');
  const parts = [1, 2, 3].map((k) => path(`${name}.part-${k}.jsonl`));
  for (const [i, part] of parts.entries()) {
    const shard = await fairpace([...args, '--workers', workers, '--shard', `${i + 1}/3`, '--out', part]);
    expect(shard, shard.err).toEqual({ code: 0, out: '', err: '' });
  }
  // Given in any order.
  const merged = await fairpace([
    'merge',
    parts[2] as string,
    parts[0] as string,
    parts[1] as string,
    '--out',
    path(`${name}.merged`),
  ]);
  return {
    whole,
    merged,
    parts,
    wholeBytes: await readFile(path(`${name}.whole`)),
    mergedBytes: await readFile(path(`${name}.merged`)),
  };
}

describe('--shard k/n and merge', () => {
  it('parses k/n for every 1 ≤ k ≤ n and nothing else, and the shards of a batch hold every task exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(600), (count, total) => {
        const all = Array.from({ length: count }, (_, i) => shardIndices(total, parseShard(`${i + 1}/${count}`, 'x')));
        expect(all.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i));
        expect(() => parseShard(`0/${count}`, 'x')).toThrow(/--shard must be k\/n/);
        expect(() => parseShard(`${count + 1}/${count}`, 'x')).toThrow(/--shard must be k\/n/);
      }),
      { numRuns: 200 },
    );
    for (const bad of ['', '1', '1/', '/3', '1/3/3', '-1/3', '1.5/3', 'one/three', '1/100001']) {
      expect(() => parseShard(bad, 'x'), bad).toThrow(/--shard must be k\/n/);
    }
  });

  it('deals tasks round-robin by index', () => {
    expect(shardIndices(8, { index: 1, count: 3 })).toEqual([0, 3, 6]);
    expect(shardIndices(8, { index: 3, count: 3 })).toEqual([2, 5]);
    expect(shardIndices(2, { index: 3, count: 3 })).toEqual([]);
  });

  it('compare (json, table) and sweep (json, csv): the merge is byte-identical to the whole command', async () => {
    for (const [name, args] of [
      ['compare', ['compare', tiny.path]],
      ['compare-table', ['compare', tiny.path, '--format', 'table', '--replications', '4', '--seed', '9']],
      ['sweep', ['sweep', tiny.path, '--param', 'rules.pay.base', '--values', '6,8,10']],
      [
        'sweep-csv',
        ['sweep', tiny.path, '--param', 'rules.deadline.percentile', '--values', '10,50', '--format', 'csv'],
      ],
    ] as [string, string[]][]) {
      const r = await wholeAndMerged(name, args);
      expect(r.whole.code).toBe(0);
      expect(r.merged).toEqual({ code: 0, out: '', err: '' });
      expect(r.mergedBytes.equals(r.wholeBytes), name).toBe(true);
    }
  });

  it('compare with worker threads in each shard gives the same partial runs as one thread', async () => {
    const r = await wholeAndMerged('compare-threads', ['compare', tiny.path, '--replications', '3'], '2');
    expect(r.mergedBytes.equals(r.wholeBytes)).toBe(true);
    const one = await fairpace(['compare', tiny.path, '--replications', '3', '--workers', '1']);
    expect(r.mergedBytes.toString('utf8')).toBe(one.out);
  });

  it('target --grid, zone and sensitivity: byte-identical merges', async () => {
    for (const [name, args] of [
      [
        'target',
        [
          'target',
          tiny.path,
          '--param',
          'rules.pay.base',
          '--min',
          '0',
          '--max',
          '40',
          '--grid',
          '5',
          '--target',
          'earnings.netPerOnlineHour.mean >= 21',
        ],
      ],
      [
        'zone',
        [
          'zone',
          tiny.path,
          '--x',
          'rules.deadline.percentile=30,50',
          '--y',
          'rules.pay.base=6,12',
          '--union',
          'earnings.shareBelowMinWage <= 0.5',
          '--platform',
          'platform.margin >= 0',
        ],
      ],
      [
        'sensitivity',
        ['sensitivity', tiny.path, '--params', 'rules.pay.base=4:8,city.detourFactor', '--format', 'table'],
      ],
    ] as [string, string[]][]) {
      const r = await wholeAndMerged(name, args);
      expect(r.whole.code, r.whole.err).toBe(0);
      expect(r.merged.code, r.merged.err).toBe(0);
      expect(r.mergedBytes.equals(r.wholeBytes), name).toBe(true);
    }
    const target = JSON.parse(await readFile(path('target.merged'), 'utf8'));
    expect(target).toMatchObject({
      method: 'grid',
      steps: [{ value: 0 }, { value: 10 }, { value: 20 }, { value: 30 }, { value: 40 }],
    });
  });

  it('evidence: the merged pack is the same zip, and merge says what it wrote', async () => {
    const included = path('included.json');
    await writeFile(included, '{"kind":"note","value":1}\n');
    const r = await wholeAndMerged('evidence', ['evidence', tiny.path, '--include', included]);
    expect(r.whole.out).toMatch(/^wrote .*evidence\.whole: 14 files, /);
    expect(r.merged.out).toMatch(/^wrote .*evidence\.merged: 14 files, /);
    expect(r.merged.out.replace('merged', 'whole')).toBe(r.whole.out);
    expect(r.mergedBytes.equals(r.wholeBytes)).toBe(true);
  });

  it('a gate merged from shards prints the same table, exits the same and writes the same JUnit XML', async () => {
    const gate = ['compare', tiny.path, '--assert', 'earnings.gini <= 1', '--assert-diff', 'service.onTimeRate > 5'];
    const whole = await fairpace([...gate, '--junit', path('whole.xml'), '--out', path('gate.whole')]);
    expect(whole.code).toBe(1);
    const parts = [1, 2].map((k) => path(`gate.part-${k}.jsonl`));
    for (const [i, part] of parts.entries()) {
      expect((await fairpace([...gate, '--shard', `${i + 1}/2`, '--out', part])).code).toBe(0);
    }
    const merged = await fairpace(['merge', ...parts, '--junit', path('merged.xml'), '--out', path('gate.merged')]);
    expect(merged).toEqual({ code: 1, out: whole.out, err: '' });
    expect(await readFile(path('merged.xml'), 'utf8')).toBe(await readFile(path('whole.xml'), 'utf8'));
    expect(await readFile(path('gate.merged'), 'utf8')).toBe(await readFile(path('gate.whole'), 'utf8'));
  });

  it('keeps numbers JSON cannot hold (NaN, Infinity, −0) through a partial file', async () => {
    const [part] = (await wholeAndMerged('numbers', ['compare', tiny.path])).parts;
    const partial = await readPartial(part as string);
    const result = partial.results[0];
    if (!result) throw new Error('the partial holds no run');
    result.metrics.earnings.gini = Number.NaN;
    result.metrics.safety.meanSpeedKmh = Number.POSITIVE_INFINITY;
    result.metrics.platform.margin = -0;
    const copy = path('numbers.copy.jsonl');
    await writePartial(copy, partial.header, partial.taskIndices, partial.results);
    const back = (await readPartial(copy)).results[0];
    expect(back?.metrics.earnings.gini).toBeNaN();
    expect(back?.metrics.safety.meanSpeedKmh).toBe(Number.POSITIVE_INFINITY);
    expect(Object.is(back?.metrics.platform.margin, -0)).toBe(true);
  });
});

describe('bad shards and partials', () => {
  it('refuses a bad --shard, --shard without --out, a target search, and --junit on a shard', async () => {
    const cases: [string[], RegExp][] = [
      [['compare', tiny.path, '--shard', '0/3', '--out', 'x'], /^--shard must be k\/n .*\(got '0\/3'\)/],
      [['compare', tiny.path, '--shard', '4/3', '--out', 'x'], /\(got '4\/3'\)/],
      [['sweep', tiny.path, '--param', 'rules.pay.base', '--values', '6', '--shard', '3', '--out', 'x'], /\(got '3'\)/],
      [
        [
          'zone',
          tiny.path,
          '--x',
          'a=1',
          '--y',
          'b=2',
          '--union',
          'earnings.gini <= 1',
          '--shard',
          '1/0',
          '--out',
          'x',
        ],
        /\(got '1\/0'\)/,
      ],
      [['compare', tiny.path, '--shard', '1/3'], /^--shard needs --out <partial file>/],
      [
        [
          'target',
          tiny.path,
          '--param',
          'rules.pay.base',
          '--min',
          '0',
          '--max',
          '1',
          '--target',
          'earnings.gini <= 1',
          '--shard',
          '1/2',
          '--out',
          'x',
        ],
        /^--shard needs --grid N/,
      ],
      [
        ['compare', tiny.path, '--assert', 'earnings.gini <= 1', '--junit', 'j.xml', '--shard', '1/2', '--out', 'x'],
        /^--junit goes to fairpace merge/,
      ],
      [['compare', tiny.path, '--progress', 'yaml'], /^--progress must be json/],
      [['compare', tiny.path, '--progress', 'json', '--quiet'], /^--progress json and --quiet contradict/],
      [['merge', '--out', 'x'], /^missing the partial files/],
      [['merge', 'a.jsonl'], /^missing --out FILE/],
    ];
    for (const [args, message] of cases) {
      const r = await fairpace(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(message);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('refuses partials that do not belong together, each problem on one line, and writes nothing', async () => {
    const sweep = ['sweep', tiny.path, '--param', 'rules.pay.base', '--values', '6,8'];
    const parts = (await wholeAndMerged('bad', sweep)).parts as [string, string, string];
    const other = path('other-scenario.json');
    await writeFile(other, JSON.stringify({ schemaVersion: 1, population: { couriers: 6 }, replications: 2 }));
    const shard = async (name: string, args: string[], k: string) => {
      const file = path(name);
      expect((await fairpace([...args, '--shard', k, '--out', file])).code).toBe(0);
      return file;
    };
    const otherScenario = await shard('other.jsonl', ['sweep', other, ...sweep.slice(2)], '2/3');
    const otherOptions = await shard('opts.jsonl', [...sweep.slice(0, 5), '6,9'], '2/3');
    const otherCommand = await shard('cmd.jsonl', ['compare', tiny.path], '2/3');
    const fourShards = await shard('four.jsonl', sweep, '2/4');
    // A partial made by another version: the same runs under a different version in the header.
    const old = await readPartial(parts[1]);
    const oldVersion = path('old.jsonl');
    await writePartial(oldVersion, { ...old.header, fairpaceVersion: '0.0.9' }, old.taskIndices, old.results);
    const text = await readFile(parts[1], 'utf8');
    const cutMidLine = path('cut-mid.jsonl');
    await writeFile(cutMidLine, text.slice(0, Math.floor(text.length * 0.7)));
    const cutAtLine = path('cut-line.jsonl');
    await writeFile(cutAtLine, text.split('\n').slice(0, 2).join('\n') + '\n');
    const cutHeader = path('cut-header.jsonl');
    await writeFile(cutHeader, text.slice(0, 200));
    const damaged = path('damaged.jsonl');
    await writeFile(damaged, text.replace('"armId":"median"', '"armId":"median" '));
    const empty = path('empty.jsonl');
    await writeFile(empty, '');
    const notPartial = path('not-partial.json');
    await writeFile(notPartial, (await fairpace(['compare', tiny.path])).out);

    const [p1, p2, p3] = parts;
    const cases: [string[], RegExp[]][] = [
      [[p1, otherScenario, p3], [/^.*other\.jsonl: made from another scenario than .*part-1\.jsonl \(digest /]],
      [
        [p1, otherOptions, p3],
        [/opts\.jsonl: made with other options than .*part-1\.jsonl \(values: \[6,9\] vs \[6,8\]\)$/],
      ],
      [[p1, otherCommand, p3], [/cmd\.jsonl: a partial of 'compare', not of 'sweep' like /]],
      [[p1, oldVersion, p3], [/old\.jsonl: made by Fairpace 0\.0\.9, .* by 0\.1\.0$/]],
      [
        [oldVersion, p1, p3],
        [
          /old\.jsonl: made by Fairpace 0\.0\.9; this is 0\.1\.0 /,
          /part-1\.jsonl: made by Fairpace 0\.1\.0, .*old\.jsonl by 0\.0\.9/,
          /part-3\.jsonl: made by Fairpace 0\.1\.0, .*old\.jsonl by 0\.0\.9/,
        ],
      ],
      [[p1, fourShards, p3], [/four\.jsonl: shard 2\/4, but .*part-1\.jsonl is shard 1\/3$/]],
      [[p1, p3], [/^shard 2\/3 is missing$/]],
      [[p1, p2, p2, p3], [/^shard 2\/3 is given 2 times: .*part-2\.jsonl, .*part-2\.jsonl$/]],
      [
        [p1, p1, p3],
        [/^shard 1\/3 is given 2 times/, /^shard 2\/3 is missing$/],
      ],
      [[p1, cutMidLine, p3], [/cut-mid\.jsonl: truncated: the file ends in the middle of line \d+, after \d+ runs$/]],
      [[p1, cutAtLine, p3], [/cut-line\.jsonl: truncated: the file ends after 1 runs, without its end line$/]],
      [[p1, cutHeader, p3], [/cut-header\.jsonl: truncated: the file ends in the middle of its header line$/]],
      [[p1, damaged, p3], [/damaged\.jsonl: damaged: its content does not match the checksum on its end line$/]],
      [[p1, empty, p3], [/empty\.jsonl: the file is empty, not a partial result file$/]],
      [[notPartial, p2, p3], [/not-partial\.json: not a partial result file/]],
      [[p1, path('nowhere.jsonl'), p3], [/^cannot read .*nowhere\.jsonl: no such file or directory$/]],
    ];
    const out = path('never.json');
    for (const [files, messages] of cases) {
      const r = await fairpace(['merge', ...files, '--out', out]);
      const lines = r.err.trimEnd().split('\n');
      expect(r.code, r.err).toBe(2);
      expect(lines, r.err).toHaveLength(messages.length);
      messages.forEach((m, i) => expect(lines[i]).toMatch(m));
      expect(r.out).toBe('');
      expect(r.err).not.toContain('    at ');
      await expect(readFile(out)).rejects.toThrow(/ENOENT/);
    }
    const junit = await fairpace(['merge', p1, p2, p3, '--out', out, '--junit', path('j.xml')]);
    expect(junit.code).toBe(2);
    expect(junit.err).toMatch(/^--junit: these partials are of a command without --assert/);
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
    await rm(path('j.xml'), { force: true });
  });
});
