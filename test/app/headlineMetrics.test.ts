// The headline cards' sentence of a paired difference: a difference of shares is said within ±100 percentage points,
// as the t interval of a provisional answer on 2 replications can reach past it; other metrics keep their interval;
// and the digits are the report's (one more than the values).
import { describe, expect, it } from 'vitest';
import { describeDifference } from '../../src/app/headlineMetrics.ts';
import { translator } from '../../src/app/i18n.ts';
import { HEADLINE_METRICS as HEADLINE_METRICS_OF_REPORT } from '../../src/evidence/headlineMetrics.ts';
import { differenceSentence } from '../../src/evidence/report/findings.ts';

const names = { arm: 'Median', base: 'Strictest' };
const names_ = { zh: 'Median', en: 'Median' };

describe('describeDifference', () => {
  it('cuts a difference of shares to what shares can differ by, and leaves the mean alone', () => {
    const t = translator('en');
    const text = describeDifference({ mean: -0.25, ci95: [-1.4, 0.9] }, 'earnings.shareBelowMinWage', names, t, 'en');
    expect(text).toContain('25.00 percentage points lower');
    expect(text).toContain('-100.00 to +90.00');
    const zh = describeDifference(
      { mean: 0.5, ci95: [-0.2, 1.3] },
      'earnings.shareBelowMinWage',
      names,
      translator('zh-CN'),
      'zh-CN',
    );
    expect(zh).toContain('-20.00 至 +100.00');
  });

  it('keeps an interval inside the bounds, and any interval of a metric without bounds, as it is', () => {
    const t = translator('en');
    expect(
      describeDifference({ mean: -0.02, ci95: [-0.03, -0.01] }, 'earnings.shareBelowMinWage', names, t, 'en'),
    ).toContain('-3.00 to -1.00');
    expect(describeDifference({ mean: 2, ci95: [-150, 154] }, 'workload.onlineHours.mean', names, t, 'en')).toContain(
      '-150.000 to +154.000',
    );
  });

  it('says the numbers report.html says for the same difference', () => {
    const metric = HEADLINE_METRICS_OF_REPORT.find((m) => m.path === 'earnings.netPerOnlineHour.mean');
    if (!metric) throw new Error('no such headline metric');
    const d = { mean: 2.0561, ci95: [1.6432, 2.7781] as [number, number] };
    const card = describeDifference(d, metric.path, names, translator('zh-CN'), 'zh-CN');
    const report = differenceSentence(
      metric,
      { zh: 'Strictest', en: 'Strictest' },
      { zh: 'Median', en: 'Median' },
      d,
      10,
    );
    for (const n of ['2.056', '+1.643', '+2.778']) {
      expect(card).toContain(n);
      expect(report.zh).toContain(n);
    }
    // A tiny difference gets the decimals that keep its bounds off zero, in both.
    const tiny = { mean: -0.011, ci95: [-0.022, -0.0003] as [number, number] };
    expect(describeDifference(tiny, metric.path, names, translator('en'), 'en')).toContain('-0.0220 to -0.0003');
    expect(differenceSentence(metric, names_, names_, tiny, 10).en).toContain('-0.0220 to -0.0003');
  });
});
