// The metric catalogue: every metric the model reports has an entry with a Chinese and an English label, and the
// lookups name distributions' parts and fill in the scenario's thresholds.
import { describe, expect, it } from 'vitest';
import {
  HEADLINE_PATHS,
  lookupMetric,
  METRIC_CATALOGUE,
  METRIC_PATHS,
  metricLabel,
  metricUnit,
  labelContext,
  SENSITIVITY_METRICS,
  SENSITIVITY_PATHS,
} from '../../src/analysis/index.ts';
import { metricLeaves } from '../../src/analysis/metricPaths.ts';
import { Scenario } from '../../src/scenario/schema.ts';
import type { DayMetrics, MdrpMetrics } from '../../src/sim/results.ts';

const HAN = /\p{Script=Han}/u;
const D = { mean: 0, p10: 0, p50: 0, p90: 0 };

/** Every field of the MDRP metrics and of a day's metrics; typed, so a field added to either must appear here. */
const MDRP: MdrpMetrics = {
  ordersDelivered: 0,
  deliveredShare: 0,
  clickToDoorMin: { ...D, max: 0 },
  clickToDoorOverageMin: 0,
  shareOverTarget: 0,
  readyToDoorMin: D,
  readyToPickupMin: D,
  courierUtilisation: 0,
  ordersPerCourierHour: 0,
  totalCourierPay: 0,
  shareCouriersPaidGuarantee: 0,
};
const DAY: DayMetrics = {
  day: 0,
  promisedMinMean: 0,
  onTimeRate: 0,
  speedingKmShare: 0,
  relativeCrashRisk: 0,
  shareBelowMinWage: 0,
  onlineHoursMean: 0,
  meanRiskTolerance: 0,
};

/** Every path the model reports: the metrics, the MDRP replay's figures and the per-day series. */
const ALL_PATHS = [
  ...METRIC_PATHS,
  ...metricLeaves({ mdrp: MDRP } as never).map(([p]) => p),
  ...Object.keys(DAY)
    .filter((k) => k !== 'day')
    .map((k) => `perDay.${k}`),
];

describe('the metric catalogue', () => {
  it('has an entry for every metric path, with a Chinese label and an English one', () => {
    const missing = ALL_PATHS.filter((p) => lookupMetric(p) === undefined);
    expect(missing).toEqual([]);
    const noChinese = ALL_PATHS.filter((p) => !HAN.test(metricLabel(p, 'zh')));
    expect(noChinese).toEqual([]);
    const noEnglish = ALL_PATHS.filter((p) => !/^[A-Z]/.test(metricLabel(p, 'en')) || HAN.test(metricLabel(p, 'en')));
    expect(noEnglish).toEqual([]);
    for (const e of METRIC_CATALOGUE) {
      expect(HAN.test(e.description.zh), e.path).toBe(true);
      expect(e.description.en.length, e.path).toBeGreaterThan(10);
    }
  });

  it('has no entry for a metric the model does not report, and each path once', () => {
    const reported = new Set(ALL_PATHS.map((p) => lookupMetric(p)?.entry.path));
    expect(METRIC_CATALOGUE.map((e) => e.path).filter((p) => !reported.has(p))).toEqual([]);
    expect(new Set(METRIC_CATALOGUE.map((e) => e.path)).size).toBe(METRIC_CATALOGUE.length);
  });

  it('refuses a distribution’s missing part and unknown names', () => {
    expect(lookupMetric('earnings.netPerOnlineHour')).toBeUndefined(); // a distribution needs its part
    expect(lookupMetric('earnings.netPerOnlineHour.max')).toBeUndefined(); // this one has no max
    expect(lookupMetric('workload.onlineHours.max')?.part).toBe('max');
    expect(lookupMetric('earnings.nope')).toBeUndefined();
    expect(() => metricUnit('earnings.nope')).toThrow(/no entry/);
  });

  it('names parts and fills in the scenario’s thresholds', () => {
    const scenario = Scenario.parse({ schemaVersion: 2, risk: { speedingThresholdKmh: 20 } });
    const context = labelContext(scenario);
    expect(metricLabel('safety.speedingKmShare', 'en', context)).toBe('Share of km ridden above 20 km/h');
    expect(metricLabel('safety.speedingKmShare', 'zh', context)).toContain('20');
    expect(metricLabel('workload.onlineHours.p90', 'en')).toBe('Online hours per courier-day, 90th percentile');
    expect(metricLabel('workload.onlineHours.mean', 'zh')).toBe('每天在线时长');
    expect(metricLabel('workload.onlineHours.mean', 'zh', {}, true)).toBe('每天在线时长（平均）');
    expect(metricUnit('earnings.shareBelowMinWage')).toMatchObject({ scale: 100, text: { zh: '%', en: '%' } });
    expect(metricUnit('mdrp.ordersDelivered').digits).toBe(0);
  });

  it('orders the headline and the sensitivity metrics, the latter as `fairpace sensitivity` reports them', () => {
    // The order of `fairpace sensitivity`'s JSON and table, which scripts read.
    expect([...SENSITIVITY_METRICS]).toEqual([
      'earnings.shareBelowMinWage',
      'earnings.netPerOnlineHour.mean',
      'safety.relativeCrashRisk',
      'safety.speedingKmShare',
      'service.onTimeRate',
      'platform.margin',
    ]);
    expect(SENSITIVITY_PATHS).toBe(SENSITIVITY_METRICS);
    expect(HEADLINE_PATHS[0]).toBe('earnings.shareBelowMinWage');
    expect(HEADLINE_PATHS).toContain('service.clickToDoorMin.mean');
    for (const p of HEADLINE_PATHS) expect(lookupMetric(p), p).toBeDefined();
  });
});
