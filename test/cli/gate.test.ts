// `fairpace compare --assert/--assert-diff` through main(): the exit code, the table, --out, and JUnit XML read back
// with an XML parser; every bad assertion exits 2 with one line.
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { capture, tinyScenarioFile } from './fixtures.ts';

const tiny = tinyScenarioFile('fairpace-gate-');

async function fairpace(args: string[]) {
  const io = capture();
  const code = await main(args, { io, env: {} });
  return { code, out: io.out, err: io.err };
}

interface JunitCase {
  '@_name': string;
  '@_classname': string;
  failure?: { '@_message': string };
}

function readJunit(text: string) {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' });
  const doc = parser.parse(text, true) as {
    testsuites: { '@_tests': string; '@_failures': string; testsuite: { '@_tests': string; testcase: JunitCase[] } };
  };
  return doc.testsuites;
}

describe('fairpace compare as a gate', () => {
  it('exits 0 when every assertion holds, with the table on stdout and the comparison in --out', async () => {
    const out = join(tiny.dir, 'cmp.json');
    const gate = await fairpace([
      'compare',
      tiny.path,
      '--assert',
      'earnings.gini@median <= 10',
      '--assert',
      'service.onTimeRate@strictest >= -5',
      '--assert-diff',
      'earnings.shareBelowMinWage <= 1',
      '--out',
      out,
    ]);
    expect(gate.code, gate.err).toBe(0);
    expect(gate.err).toBe('');
    const lines = gate.out.split('\n');
    expect(lines[0]).toBe(
      'Gate on "Tiny", 2 replications, judged on the unfavourable end of the 95% interval over replications',
    );
    expect(lines[2]).toMatch(/^result\s+assertion\s+mean\s+95% interval\s+judged on$/);
    expect(lines[3]).toMatch(/^pass {4}median: earnings\.gini <= 10 /);
    expect(lines[4]).toMatch(/^pass {4}strictest: service\.onTimeRate >= -5 .* lower end /);
    expect(lines[5]).toMatch(/^pass {4}median − strictest: earnings\.shareBelowMinWage <= 1 .* upper end /);
    expect(gate.out.trimEnd().split('\n').at(-1)).toBe('all 3 assertions hold');
    // The comparison in --out is the plain compare output, byte for byte.
    const plain = await fairpace(['compare', tiny.path]);
    expect(await readFile(out, 'utf8')).toBe(plain.out);
  });

  it('exits 1 when one fails, and judges on the mean or the interval as asked', async () => {
    const plain = JSON.parse((await fairpace(['compare', tiny.path])).out);
    const onTime: number = plain.arms[1].metrics.service.onTimeRate;
    // Asserting the mean itself: the mean meets it exactly, the interval's upper end (two different runs) does not.
    const args = ['compare', tiny.path, '--assert', `service.onTimeRate <= ${onTime}`];
    const byInterval = await fairpace(args);
    expect(byInterval.code).toBe(1);
    expect(byInterval.out).toMatch(/^FAIL {4}median: service\.onTimeRate <= /m);
    expect(byInterval.out).toMatch(/1 of 1 assertion fails\n$/);
    const byMean = await fairpace([...args, '--confidence', 'mean']);
    expect(byMean.code).toBe(0);
    expect(byMean.out).toMatch(/judged on the mean\n/);
    expect(byMean.out).toMatch(/^pass {4}median: service\.onTimeRate <= .* mean /m);
    expect((await fairpace([...args.slice(0, 3), `service.onTimeRate < ${onTime}`, '--confidence', 'mean'])).code).toBe(
      1,
    );
  });

  it('writes JUnit XML with one test case per assertion, failures marked, that an XML parser reads back', async () => {
    const junit = join(tiny.dir, 'gate.xml');
    await rm(junit, { force: true });
    const r = await fairpace([
      'compare',
      tiny.path,
      '--assert',
      'earnings.gini <= 10',
      '--assert',
      'service.onTimeRate > 1',
      '--assert-diff',
      'platform.margin >= -1e12',
      '--assert-diff',
      'safety.speedingKmShare > 2',
      '--junit',
      junit,
    ]);
    expect(r.code).toBe(1);
    const text = await readFile(junit, 'utf8');
    const suites = readJunit(text);
    expect(suites['@_tests']).toBe('4');
    expect(suites['@_failures']).toBe('2');
    const cases = suites.testsuite.testcase;
    expect(cases.map((c) => c['@_name'])).toEqual([
      'median: earnings.gini <= 10',
      'median: service.onTimeRate > 1',
      'median − strictest: platform.margin >= -1000000000000',
      'median − strictest: safety.speedingKmShare > 2',
    ]);
    expect(cases.map((c) => c.failure !== undefined)).toEqual([false, true, false, true]);
    expect(cases[1]?.failure?.['@_message']).toMatch(
      /^median: service\.onTimeRate > 1 fails: lower end [-\d.e]+ \(mean [-\d.e]+, 95% interval [-\d.e]+ to [-\d.e]+\), needs > 1$/,
    );
    // The same gate gives the same bytes (no timestamps).
    await fairpace(['compare', tiny.path, '--assert', 'earnings.gini <= 10', '--junit', junit]);
    const again = await readFile(junit, 'utf8');
    expect(readJunit(again).testsuite.testcase).toHaveLength(1);
  });

  it('exits 2 with one line for a bad assertion, metric path, arm or flag, and writes nothing', async () => {
    const junit = join(tiny.dir, 'never.xml');
    const cases: [string[], RegExp][] = [
      [['--assert', 'earnings.gini = 1'], /^--assert 'earnings.gini = 1' is not an assertion/],
      [['--assert', 'earnings.gini <= lots'], /is not an assertion/],
      [['--assert', 'earnings.nope <= 1'], /^--assert 'earnings.nope <= 1': unknown metric path 'earnings.nope'/],
      [['--assert-diff', 'safety.nope >= 0'], /^--assert-diff .*unknown metric path 'safety.nope'/],
      [['--assert', 'earnings.gini@nope <= 1'], /^--assert 'earnings.gini@nope <= 1': unknown arm 'nope'/],
      [['--assert-diff', 'earnings.gini@median <= 1'], /^--assert-diff .*takes no @arm/],
      [['--arms', 'median', '--assert-diff', 'earnings.gini <= 1'], /^--assert-diff .*needs two arms/],
      [['--assert', 'earnings.gini <= 1', '--confidence', 'high'], /^--confidence must be one of ci, mean/],
      [['--confidence', 'mean'], /^--confidence judges assertions: add --assert/],
      [['--junit', junit], /^--junit reports assertions: add --assert/],
    ];
    for (const [args, message] of cases) {
      const r = await fairpace(['compare', tiny.path, ...args, '--junit', junit]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.trimEnd().split('\n'), r.err).toHaveLength(1);
      expect(r.out).toBe('');
    }
    await expect(readFile(junit)).rejects.toThrow(/ENOENT/);
  });

  it('the documented CI job script fails the job with exit 1, leaving JUnit XML and the comparison', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const reports = join(tiny.dir, 'reports');
    const env = { ...process.env, SCENARIO: tiny.path, REPLICATIONS: '2', REPORTS: reports, FAIRPACE_DEBUG: '' };
    const code = await new Promise<number>((resolve) => {
      execFile('bash', [join(root, 'docs', 'ci', 'rule-change-gate.sh')], { cwd: root, env }, (error) =>
        resolve(error ? Number(error.code) : 0),
      );
    });
    // The tiny town pays nobody the minimum wage, so the first assertion fails and so does the job.
    expect(code).toBe(1);
    const cases = readJunit(await readFile(join(reports, 'fairpace-gate.xml'), 'utf8')).testsuite.testcase;
    expect(cases.map((c) => c['@_name'])).toEqual([
      'median: earnings.shareBelowMinWage <= 0.05',
      'median: workload.shareOverLegalLimit <= 0.01',
      'median − strictest: safety.speedingKmShare <= 0',
      'median − strictest: earnings.netPerOnlineHour.mean >= 0',
    ]);
    expect(cases[0]?.failure).toBeDefined();
    const plain = await fairpace([
      'compare',
      tiny.path,
      '--arms',
      'strictest,median',
      '--replications',
      '2',
      '--seed',
      '1',
    ]);
    expect(await readFile(join(reports, 'comparison.json'), 'utf8')).toBe(plain.out);
  });
});
