/**
 * Every metric of the model (MODEL.md section 10, docs/model.md), defined once: its structure, unit, which way is
 * better, whether it is a headline or a sensitivity metric, and its label and description in Chinese and English.
 * The command line, the workbench and evidence reports all read these entries; nothing else names a metric. The
 * entries live one file per group (earningsMetrics.ts … perDayMetrics.ts), gathered here in MODEL.md's order.
 *
 * Labels may hold the scenario's thresholds as `{speed}`, `{wage}`, `{fullTime}`, `{standardDay}`, `{legalLimit}`
 * and `{fatigue}` (see `labelContext`), so a label never states a limit the scenario does not use.
 */
import { EARNINGS_METRICS } from './earningsMetrics.ts';
import { WORKLOAD_METRICS } from './workloadMetrics.ts';
import { SAFETY_METRICS } from './safetyMetrics.ts';
import { SERVICE_METRICS } from './serviceMetrics.ts';
import { PLATFORM_METRICS } from './platformMetrics.ts';
import { PARTY_METRICS } from './partyMetrics.ts';
import { REPLAY_METRICS } from './replayMetrics.ts';
import { PER_DAY_METRICS } from './perDayMetrics.ts';
import type { MetricEntry } from './metricEntry.ts';

export type { Better, MetricEntry, MetricShape } from './metricEntry.ts';

/** Every metric, grouped as in MODEL.md section 10. */
export const METRIC_CATALOGUE: readonly MetricEntry[] = [
  ...EARNINGS_METRICS,
  ...WORKLOAD_METRICS,
  ...SAFETY_METRICS,
  ...SERVICE_METRICS,
  ...PLATFORM_METRICS,
  ...PARTY_METRICS,
  ...REPLAY_METRICS,
  ...PER_DAY_METRICS,
];
