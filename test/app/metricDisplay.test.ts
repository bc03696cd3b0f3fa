// One rounding for screen and report (issue 22 item 2): a headline card, the further figures, the scorecard and
// report.html write a number with the same function, so 0.8085 is 80.8% everywhere (Intl wrote 80.9% on the card).
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/analysis/index.ts';
import { formatMetric, formatWithUnit } from '../../src/app/metricDisplay.ts';
import { differenceWithInterval, metricValue } from '../../src/evidence/metricText.ts';
import { scenarioOf, TINY } from '../evidence/fixtures.ts';
import type { ComplianceCheck, Metrics } from '../../src/sim/results.ts';

describe('numbers on screen', () => {
  it('round as the report rounds, on a tie where Intl and toFixed part', () => {
    const share = 0.8085; // × 100 is 80.85 as printed, 80.8499… as stored
    expect(formatMetric('service.onTimeRate', share, 'zh-CN')).toBe('80.8');
    expect(formatWithUnit('service.onTimeRate', share, 'en')).toBe(metricValue('service.onTimeRate', share).en);
    expect(formatWithUnit('service.onTimeRate', share, 'en')).toBe('80.8%');
    // The scorecard's value of the same share, from the text both the scorecard and the report show.
    const scenario = scenarioOf(TINY);
    const check: ComplianceCheck = {
      id: 'minWage',
      clause: '',
      status: 'fail',
      value: share,
      threshold: 0.05,
    } as unknown as ComplianceCheck;
    const text = checkText(check, scenario, {} as Metrics, (p) => ({ zh: p, en: p }));
    expect(text.value.zh).toBe('80.8%');
  });

  it('write units once, thousands with commas, a sign on differences and never -0', () => {
    expect(formatWithUnit('platform.margin', 7136.4, 'zh-CN')).toBe('7,136 元/天');
    expect(formatWithUnit('workload.onlineHours.mean', 7.744, 'en')).toBe('7.74 h');
    expect(formatMetric('workload.onlineHours.mean', -0.0001, 'en', true)).toBe('0.00');
    expect(formatMetric('workload.onlineHours.mean', 0.1049, 'en', true, 1)).toBe('+0.105');
    expect(formatWithUnit('workload.onlineHours.mean', undefined, 'en')).toBe('–');
    expect(differenceWithInterval('platform.courierPayPerOrder', { mean: 0.503, ci95: [0.317, 0.689] }).zh).toBe(
      '+0.503 元/单（+0.317 至 +0.689）',
    );
    expect(differenceWithInterval('service.onTimeRate', { mean: 0.1177, ci95: [0.0803, 0.1551] }).en).toBe(
      '+11.77 percentage points (+8.03 to +15.51)',
    );
    expect(differenceWithInterval('service.onTimeRate', undefined).en).toBe('–');
  });
});
