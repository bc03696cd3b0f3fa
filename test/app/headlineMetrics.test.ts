// The headline cards' sentence of a paired difference: a difference of shares is said within ±100 percentage points,
// as the t interval of a provisional answer on 2 replications can reach past it; other metrics keep their interval.
import { describe, expect, it } from 'vitest';
import { describeDifference } from '../../src/app/headlineMetrics.ts';
import { translator } from '../../src/app/i18n.ts';

const names = { arm: 'Median', base: 'Strictest' };

describe('describeDifference', () => {
  it('cuts a difference of shares to what shares can differ by, and leaves the mean alone', () => {
    const t = translator('en');
    const text = describeDifference({ mean: -0.25, ci95: [-1.4, 0.9] }, 'earnings.shareBelowMinWage', names, t, 'en');
    expect(text).toContain('25.0 percentage points lower');
    expect(text).toContain('-100.0 to +90.0');
    const zh = describeDifference(
      { mean: 0.5, ci95: [-0.2, 1.3] },
      'earnings.shareBelowMinWage',
      names,
      translator('zh-CN'),
      'zh-CN',
    );
    expect(zh).toContain('-20.0 至 +100.0');
  });

  it('keeps an interval inside the bounds, and any interval of a metric without bounds, as it is', () => {
    const t = translator('en');
    expect(
      describeDifference({ mean: -0.02, ci95: [-0.03, -0.01] }, 'earnings.shareBelowMinWage', names, t, 'en'),
    ).toContain('-3.0 to -1.0');
    expect(describeDifference({ mean: 2, ci95: [-150, 154] }, 'workload.onlineHours.mean', names, t, 'en')).toContain(
      '-150.00 to +154.00',
    );
  });
});
