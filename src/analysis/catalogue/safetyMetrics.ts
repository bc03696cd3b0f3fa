/**
 * The metric catalogue's safety metrics (see metrics.ts): speeding, riding speed, red lights, crash risk, injury
 * crashes and riding while fatigued.
 */
import { bi, type MetricEntry } from './metricEntry.ts';

/** The safety metrics, in catalogue order. */
export const SAFETY_METRICS: readonly MetricEntry[] = [
  {
    path: 'safety.speedingKmShare',
    shape: 'scalar',
    unit: 'share',
    better: 'lower',
    headline: 6,
    sensitivity: 4,
    short: 'speedingKm',
    label: bi('超速（高于每小时 {speed} 公里）里程占比', 'Share of km ridden above {speed} km/h'),
    description: bi(
      '以高于 {speed} 公里/小时（电动自行车设计车速上限）骑行的里程所占比例。',
      'Share of kilometres ridden faster than {speed} km/h (the e-bike design limit).',
    ),
  },
  {
    path: 'safety.meanSpeedKmh',
    shape: 'scalar',
    unit: 'kmh',
    better: 'lower',
    label: bi('平均骑行速度', 'Mean riding speed'),
    description: bi('按里程加权的平均骑行速度。', 'Riding speed averaged over kilometres.'),
  },
  {
    path: 'safety.redLightRunsPerCourierDay',
    shape: 'scalar',
    unit: 'times',
    better: 'lower',
    headline: 7,
    label: bi('每个骑手日闯红灯次数', 'Red lights run per courier-day'),
    description: bi('骑手一天闯红灯的平均次数。', 'Red lights a courier runs in a day, on average.'),
  },
  {
    path: 'safety.relativeCrashRisk',
    shape: 'scalar',
    unit: 'ratio',
    better: 'lower',
    headline: 5,
    sensitivity: 3,
    short: 'crashRisk',
    label: bi('相对事故风险', 'Relative crash risk'),
    description: bi(
      '与以舒适速度、不闯红灯、不疲劳、晴天骑行同样里程相比的伤害事故风险；1 表示没有额外风险。',
      'Injury-crash risk against riding the same km at comfort speed, with no red lights run, no fatigue and clear weather; 1 means no added risk.',
    ),
  },
  {
    path: 'safety.injuryCrashesPer1000CourierDays',
    shape: 'scalar',
    unit: 'perThousandCourierDays',
    better: 'lower',
    label: bi('每千骑手日伤害事故（未校准）', 'Injury crashes per 1,000 courier-days (uncalibrated)'),
    description: bi(
      '基础事故率未经校准，只适合在方案之间比较。',
      'The base crash rate is uncalibrated, so this is for comparing arms only.',
    ),
  },
  {
    path: 'safety.fatiguedKmShare',
    shape: 'scalar',
    unit: 'share',
    better: 'lower',
    label: bi('疲劳骑行里程占比', 'Share of km ridden fatigued'),
    description: bi(
      '当天在线超过 {fatigue} 小时后骑行的里程所占比例。',
      'Share of kilometres ridden after {fatigue} online hours that day.',
    ),
  },
];
