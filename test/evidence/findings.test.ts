// The finding sentences with exact numbers: per-arm means with t intervals, and paired differences.
import { describe, expect, it } from 'vitest';
import { fixed, signed } from '../../src/evidence/format.ts';
import { HEADLINE_METRICS } from '../../src/evidence/headlineMetrics.ts';
import { armNames, splitLabel } from '../../src/evidence/labels.ts';
import { armsSentence, differenceSentence, valueText } from '../../src/evidence/report/findings.ts';
import { scenarioOf, TINY } from './fixtures.ts';

const minWage = HEADLINE_METRICS.find((m) => m.path === 'earnings.shareBelowMinWage');
const netPerHour = HEADLINE_METRICS.find((m) => m.path === 'earnings.netPerOnlineHour.mean');
if (!minWage || !netPerHour) throw new Error('headline metrics missing');
const names = [
  { zh: '最严算法', en: 'the strictest algorithm' },
  { zh: '算法取中', en: 'algorithm-median' },
];

describe('finding sentences', () => {
  it('say the share below the minimum wage per arm with its interval, as the issue asks', () => {
    const sentence = armsSentence(
      minWage,
      names,
      [
        { mean: 0.23, ci95: [0.21, 0.25] },
        { mean: 0.09, ci95: [0.08, 0.1] },
      ],
      { wage: '21' },
    );
    expect(sentence.zh).toBe(
      '在最严算法下，23.0%（21.0–25.0%）的骑手日每在线小时净收入低于最低小时工资 21 元；在算法取中下为 9.0%（8.0–10.0%）。',
    );
    expect(sentence.en).toBe(
      'Under the strictest algorithm, 23.0% (21.0–25.0%) of courier-days earn less than the minimum wage of 21 CNY per online hour (net); under algorithm-median, 9.0% (8.0–10.0%).',
    );
  });

  it('clip share intervals to 0–100% and show a bare value without an interval', () => {
    expect(valueText(minWage, { mean: 0.01, ci95: [-0.02, 0.04] }, 'en')).toBe('1.0% (0.0–4.0%)');
    expect(valueText(minWage, { mean: 1, ci95: [1, 1] }, 'zh')).toBe('100.0%');
    expect(valueText(netPerHour, { mean: -1.5, ci95: [-2.25, -0.75] }, 'zh')).toBe('-1.50 元/小时（-2.25 至 -0.75）');
  });

  it('state the paired difference, whether its interval excludes zero, and the one-replication case', () => {
    const [a, b] = names as [(typeof names)[0], (typeof names)[0]];
    expect(differenceSentence(minWage, a, b, { mean: -0.14, ci95: [-0.16, -0.12] }, 10).en).toBe(
      'algorithm-median minus the strictest algorithm: -14.00 percentage points (95% interval -16.00 to -12.00). The interval excludes zero: the direction is clear.',
    );
    expect(differenceSentence(netPerHour, a, b, { mean: 0.2, ci95: [-0.1, 0.5] }, 10).zh).toBe(
      '算法取中减最严算法：+0.200 元/小时（95% 区间 -0.100 至 +0.500）。区间包含 0：按这些重复次数，无法确定差异的方向。',
    );
    expect(differenceSentence(netPerHour, a, b, { mean: 0.2, ci95: [0.2, 0.2] }, 1).en).toMatch(
      /With one replication there is no interval\.$/,
    );
    expect(differenceSentence(minWage, a, b, { mean: 0, ci95: [0, 0] }, 5).zh).toBe(
      '算法取中减最严算法：0.00 个百分点，每次重复都一样。',
    );
    // A bound that is not zero never prints as zero: more decimals instead.
    expect(differenceSentence(netPerHour, a, b, { mean: -0.011, ci95: [-0.022, -0.0003] }, 10).en).toContain(
      '(95% interval -0.0220 to -0.0003)',
    );
  });
});

describe('names and numbers', () => {
  it('split bilingual labels and show the percentile each arm runs with', () => {
    expect(splitLabel('Strictest algorithm (p10) / 最严算法')).toEqual({
      zh: '最严算法',
      en: 'Strictest algorithm (p10)',
    });
    expect(splitLabel('算法取中 / Algorithm-median')).toEqual({ zh: '算法取中', en: 'Algorithm-median' });
    expect(splitLabel('Plain / label')).toEqual({ zh: 'Plain / label', en: 'Plain / label' });
    const scenario = scenarioOf({
      ...TINY,
      arms: [{ id: 'x', label: 'Mine (p10) / 我的', rules: { deadline: { percentile: 30 } } }],
    });
    expect(armNames(scenario, ['x'])).toEqual([{ zh: '我的（p30）', en: 'Mine (p30)' }]);
  });

  it('format numbers without Intl and never as -0', () => {
    expect(fixed(1234567.891, 2)).toBe('1,234,567.89');
    expect(fixed(-0.0001, 2)).toBe('0.00');
    expect(fixed(-1234.5, 0)).toBe('-1,235');
    expect(fixed(Number.NaN, 1)).toBe('–');
    expect(signed(0.04, 1)).toBe('+0.0'.replace('+', ''));
    expect(signed(1.25, 1)).toBe('+1.3');
    expect(signed(-3, 0)).toBe('-3');
  });
});
