/**
 * The metric catalogue's per-day metrics (see metrics.ts): one value per simulated day: the promise (the ratchet), on
 * time, speeding, crash risk, pay below the minimum wage, hours online and risk tolerance.
 */
import { bi, type MetricEntry } from './metricEntry.ts';

/** The per-day metrics, in catalogue order. */
export const PER_DAY_METRICS: readonly MetricEntry[] = [
  {
    path: 'perDay.promisedMinMean',
    shape: 'perDay',
    unit: 'minutes',
    better: 'neither',
    label: bi('平均承诺配送时长', 'Mean promised delivery time'),
    description: bi(
      '当天订单的平均承诺分钟数（算法棘轮）。',
      'Mean promised minutes of the day’s orders (the ratchet).',
    ),
  },
  {
    path: 'perDay.onTimeRate',
    shape: 'perDay',
    unit: 'share',
    better: 'higher',
    label: bi('准时率', 'On-time rate'),
    description: bi('当天准时送达的订单占比。', 'Share of the day’s delivered orders on time.'),
  },
  {
    path: 'perDay.speedingKmShare',
    shape: 'perDay',
    unit: 'share',
    better: 'lower',
    label: bi('超速里程占比', 'Speeding km share'),
    description: bi('当天超速骑行的里程占比。', 'Share of the day’s kilometres ridden speeding.'),
  },
  {
    path: 'perDay.relativeCrashRisk',
    shape: 'perDay',
    unit: 'ratio',
    better: 'lower',
    label: bi('相对事故风险', 'Relative crash risk'),
    description: bi('当天的相对事故风险。', 'The day’s relative crash risk.'),
  },
  {
    path: 'perDay.shareBelowMinWage',
    shape: 'perDay',
    unit: 'share',
    better: 'lower',
    label: bi('低于最低工资的骑手日占比', 'Courier-days below the minimum wage'),
    description: bi('当天时薪低于最低工资的骑手占比。', 'Share of the day’s courier-days below the minimum wage.'),
  },
  {
    path: 'perDay.onlineHoursMean',
    shape: 'perDay',
    unit: 'hours',
    better: 'lower',
    label: bi('平均在线时长', 'Mean online hours'),
    description: bi('当天骑手的平均在线小时数。', 'Mean online hours of the day’s courier-days.'),
  },
  {
    path: 'perDay.meanRiskTolerance',
    shape: 'perDay',
    unit: 'riskTolerance',
    better: 'lower',
    label: bi('平均冒险倾向（0–1）', 'Mean risk tolerance (0–1)'),
    description: bi(
      '当天在线骑手的平均冒险倾向（0–1）：前一天超时多的骑手会更敢冒险。',
      'Mean risk tolerance (0–1) of the couriers online that day: couriers late too often yesterday take more risks.',
    ),
  },
];
