import { describe, expect, it } from 'vitest';
import { differencePaths } from '../../src/analysis/index.ts';
import { formatCompareTable } from '../../src/cli/compareTable.ts';
import { csvField, csvNumber, csvRecord, formatCompareCsv, formatSweepCsv } from '../../src/cli/csv.ts';
import { differenceUnit, formatDifference, formatMetric, formatPlain, metricUnit } from '../../src/cli/metricFormat.ts';
import { fakeArm, fakeComparison, fakeDifferences, fakeMetrics } from './fixtures.ts';

/** Splits CSV text into records of fields (enough of RFC 4180 for these tests: quoted fields, doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const pair = text.slice(i, i + 2);
    if (quoted && pair === '""') {
      field += '"';
      i += 2;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && pair === '\r\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
    i += 1;
  }
  return rows;
}

describe('metric formatting', () => {
  it('knows the units of the section 10 metrics', () => {
    expect(metricUnit('earnings.shareBelowMinWage')).toBe('%');
    expect(differenceUnit('service.onTimeRate')).toBe('pp');
    expect(metricUnit('earnings.netPerOnlineHour.mean')).toBe('CNY/h');
    expect(metricUnit('platform.margin')).toBe('CNY/day');
    expect(metricUnit('workload.onlineHours.mean')).toBe('h');
    expect(metricUnit('service.promisedMin.mean')).toBe('min');
    expect(metricUnit('safety.meanSpeedKmh')).toBe('km/h');
    expect(metricUnit('safety.relativeCrashRisk')).toBe('');
  });

  it('shows a name the catalogue does not know as a plain number without a unit', () => {
    expect(metricUnit('earnings.newThingShare')).toBe('');
    expect(formatMetric(0.123456, 'earnings.newThingShare')).toBe('0.1235');
    expect(formatDifference(2, 'workload.restHours.mean')).toBe('+2');
  });

  it('shows shares as percentages, money per hour with two decimals and money per day in whole CNY', () => {
    expect(formatMetric(0.1234, 'earnings.shareBelowMinWage')).toBe('12.3');
    expect(formatMetric(23.456, 'earnings.netPerOnlineHour.mean')).toBe('23.46');
    expect(formatMetric(12345.678, 'platform.deliveryRevenue')).toBe('12346');
    expect(formatMetric(1.23456, 'safety.relativeCrashRisk')).toBe('1.235');
  });

  it('signs differences and never shows a signed zero', () => {
    expect(formatDifference(0.012, 'earnings.shareBelowMinWage')).toBe('+1.2');
    expect(formatDifference(-0.5, 'earnings.netPerOnlineHour.mean')).toBe('-0.50');
    expect(formatDifference(-0.0001, 'earnings.netPerOnlineHour.mean')).toBe('0.00');
    expect(formatDifference(0, 'platform.margin')).toBe('0');
  });

  it('shows missing and non-finite values as n/a', () => {
    expect(formatMetric(Number.NaN, 'earnings.gini')).toBe('n/a');
    expect(formatMetric(null, 'earnings.gini')).toBe('n/a');
    expect(formatDifference(Number.POSITIVE_INFINITY, 'earnings.gini')).toBe('n/a');
    expect(formatPlain(0.123456)).toBe('0.1235');
    expect(formatPlain('allowed')).toBe('allowed');
    expect(formatPlain(null)).toBe('-');
  });
});

describe('formatCompareTable', () => {
  const table = formatCompareTable(fakeComparison(), { scenarioName: 'Tiny' });
  const lines = table.split('\n');
  const row = (name: string) => lines.find((l) => l.trimStart().startsWith(`${name} `)) ?? '';

  it('names the scenario, the seeds and each arm with its label', () => {
    expect(lines[0]).toBe('Scenario: Tiny (digest abcdef012345)');
    expect(lines[1]).toBe('Replications: 2 per arm, seeds 1..2; Fairpace 0.1.0');
    expect(table).toContain('  strictest  Strictest algorithm (p10) / 最严算法');
  });

  it('has a header with both arms, the difference and its interval', () => {
    const header = lines.find((l) => l.startsWith('metric')) ?? '';
    expect(header.split(/\s{2,}/)).toEqual(['metric', 'unit', 'strictest', 'median', 'median - strictest', '95% CI']);
  });

  it('groups rows under section headings in metric order', () => {
    const headings = lines.filter((l) => /^(earnings|workload|safety|service|platform)$/.test(l));
    expect(headings).toEqual(['earnings', 'workload', 'safety', 'service', 'platform']);
    const metricRows = lines.filter((l) => /^ {2}\S/.test(l) && !l.includes('Strictest') && !l.includes('Median'));
    const paths = differencePaths(fakeMetrics(0));
    expect(metricRows.slice(0, paths.length).map((l) => l.trim().split(/\s+/)[0])).toEqual(
      paths.map((p) => p.split('.').slice(1).join('.')),
    );
  });

  it('formats values, differences and intervals in the metric unit and marks intervals that exclude 0', () => {
    expect(row('netPerOnlineHour.mean').split(/\s+/).filter(Boolean)).toEqual([
      'netPerOnlineHour.mean',
      'CNY/h',
      '20.00',
      '22.00',
      '+2.00',
      '[+1.50,',
      '+2.50]',
      '*',
    ]);
    expect(row('shareBelowMinWage')).toMatch(/%\s+25\.0\s+23\.0\s+-2\.0\s+\[-3\.0, \+0\.1\]$/);
    expect(row('relativeCrashRisk')).toMatch(/1\.400\s+1\.200\s+-0\.200\s+\[-0\.250, -0\.150\]\s+\*$/);
    expect(row('gini')).toMatch(/0\.200\s+0\.200\s+n\/a\s+\[n\/a, n\/a\]$/);
    // A path without a difference (the fake leaves most out) still gets its row, with n/a.
    expect(row('meanSpeedKmh')).toMatch(/km\/h\s+18\.0\s+18\.0\s+n\/a\s+n\/a$/);
    expect(table).toContain('* the 95% interval excludes 0.');
  });

  it('right-aligns numbers so intervals and units line up', () => {
    const paths = differencePaths(fakeMetrics(0));
    const metricRows = paths.map((p) => row(p.split('.').slice(1).join('.')));
    expect(metricRows.every((l) => l !== '')).toBe(true);
    // The interval column is right-aligned, so every row ends at the same column once the marker is set aside.
    expect(new Set(metricRows.map((l) => l.replace(/\s+\*$/, '').length)).size).toBe(1);
    const unitAt = (name: string) => row(name).search(/ (CNY\/h|CNY\/day|%|h|km)\s/);
    expect(new Set(['netPerOnlineHour.mean', 'shareBelowMinWage', 'margin'].map(unitAt)).size).toBe(1);
  });

  it('prints the scorecard of each arm', () => {
    const at = lines.indexOf('Compliance: strictest (Strictest algorithm (p10) / 最严算法)');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]?.trim().split(/\s+/)).toEqual(['check', 'status', 'value', 'threshold']);
    expect(lines[at + 2]?.trim().split(/\s{2,}/)).toEqual(['minWage', 'FAIL', '0.25', '≤ 0.05']);
    expect(lines[at + 3]?.trim().split(/\s{2,}/)).toEqual(['negotiatedRules', 'info', 'a, b', '≤ 0.05']);
    expect(table).toContain('Compliance: median (Median, "p50")');
    expect(table.endsWith('\n')).toBe(true);
    expect(table.endsWith('\n\n')).toBe(false);
  });

  it('with one arm shows its values only', () => {
    const c = fakeComparison();
    c.arms = c.arms.slice(0, 1);
    c.differences = {};
    const text = formatCompareTable(c);
    expect(
      text
        .split('\n')
        .find((l) => l.startsWith('metric'))
        ?.split(/\s{2,}/),
    ).toEqual(['metric', 'unit', 'strictest']);
    expect(text).not.toContain('95%');
  });

  it('with three arms shows each further arm against the first', () => {
    const c = fakeComparison();
    c.arms.push(fakeArm('lenient', 'Lenient', 4));
    c.differencesVsFirst = { median: fakeDifferences(), lenient: fakeDifferences() };
    const header =
      formatCompareTable(c)
        .split('\n')
        .find((l) => l.startsWith('metric')) ?? '';
    expect(header.split(/\s{2,}/)).toEqual([
      'metric',
      'unit',
      'strictest',
      'median',
      'lenient',
      'median - strictest',
      '95% CI',
      'lenient - strictest',
      '95% CI',
    ]);
  });
});

describe('CSV', () => {
  it('quotes fields as RFC 4180 asks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvRecord(['a', 'b,c'])).toBe('a,"b,c"\r\n');
    const awkward = ['a,b', 'say "hi"', 'two\r\nlines', ''];
    expect(parseCsv(csvRecord(awkward))).toEqual([awkward]);
    expect(csvNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvNumber(Number.NaN)).toBe('');
    expect(csvNumber(null)).toBe('');
  });

  it('writes one row per difference path with arm values, difference and interval', () => {
    const rows = parseCsv(formatCompareCsv(fakeComparison()));
    expect(rows[0]).toEqual(['metric', 'unit', 'strictest', 'median', 'diff_mean', 'diff_ci95_lo', 'diff_ci95_hi']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(differencePaths(fakeMetrics(0)));
    expect(rows.find((r) => r[0] === 'earnings.netPerOnlineHour.mean')).toEqual([
      'earnings.netPerOnlineHour.mean',
      'CNY/h',
      '20',
      '22',
      '2',
      '1.5',
      '2.5',
    ]);
    expect(rows.find((r) => r[0] === 'earnings.gini')).toEqual(['earnings.gini', '', '0.2', '0.2', '', '', '']);
    expect(rows.find((r) => r[0] === 'earnings.shareBelowMinWage')?.[1]).toBe('%');
    expect(rows.every((r) => r.length === 7)).toBe(true);
  });

  it('names the difference columns per arm when there are more than two', () => {
    const c = fakeComparison();
    c.arms.push(fakeArm('lenient', 'Lenient', 4));
    c.differencesVsFirst = { median: fakeDifferences(), lenient: fakeDifferences() };
    const [header] = parseCsv(formatCompareCsv(c));
    expect(header).toEqual([
      'metric',
      'unit',
      'strictest',
      'median',
      'lenient',
      'diff_median_mean',
      'diff_median_ci95_lo',
      'diff_median_ci95_hi',
      'diff_lenient_mean',
      'diff_lenient_ci95_lo',
      'diff_lenient_ci95_hi',
    ]);
  });

  it('writes a sweep in long form, one row per value and metric', () => {
    const c = fakeComparison();
    const sweep = {
      schemaVersion: 2,
      fairpaceVersion: '0.1.0',
      modelDigest: 'f'.repeat(64),
      scenarioDigest: c.scenarioDigest,
      param: 'rules.pay.base',
      values: [5, 7.5],
      seeds: c.seeds,
      points: [5, 7.5].map((value) => ({ value, arms: c.arms, differences: c.differences })),
    };
    const rows = parseCsv(formatSweepCsv(sweep));
    const paths = differencePaths(fakeMetrics(0));
    expect(rows[0]).toEqual([
      'param',
      'value',
      'metric',
      'unit',
      'strictest',
      'median',
      'diff_mean',
      'diff_ci95_lo',
      'diff_ci95_hi',
    ]);
    expect(rows).toHaveLength(1 + 2 * paths.length);
    expect(rows[1]?.slice(0, 3)).toEqual(['rules.pay.base', '5', paths[0]]);
    expect(rows[1 + paths.length]?.slice(0, 3)).toEqual(['rules.pay.base', '7.5', paths[0]]);
  });
});
