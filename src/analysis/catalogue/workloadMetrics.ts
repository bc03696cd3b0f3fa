/**
 * The metric catalogue's workload metrics (see metrics.ts): hours online, the days over the standard day and the legal
 * limit, orders and kilometres per courier-day, the longest stretch, and the full-time couriers' days.
 */
import { bi, type MetricEntry } from './metricEntry.ts';

/** The workload metrics, in catalogue order. */
export const WORKLOAD_METRICS: readonly MetricEntry[] = [
  {
    path: 'workload.onlineHours',
    shape: 'distributionWithMax',
    unit: 'hours',
    better: 'lower',
    headline: 3,
    companion: 'workload.fullTime.onlineHours',
    label: bi('每天在线时长', 'Online hours per courier-day'),
    description: bi('骑手一天在线的小时数，不含休息。', 'Hours a courier is online in a day, breaks excluded.'),
  },
  {
    path: 'workload.shareOverStandardDay',
    shape: 'scalar',
    unit: 'share',
    better: 'lower',
    label: bi('在线超过 {standardDay} 小时的骑手日占比', 'Courier-days online over {standardDay} h'),
    description: bi(
      '在线时间超过标准工作日（{standardDay} 小时）的骑手日所占比例。',
      'Share of courier-days online longer than the standard working day ({standardDay} h).',
    ),
  },
  {
    path: 'workload.shareOverLegalLimit',
    shape: 'scalar',
    unit: 'share',
    better: 'lower',
    headline: 4,
    label: bi('在线超过法定上限的骑手日占比', 'Courier-days over the legal limit'),
    description: bi(
      '在线时间超过标准工作日加每日最多加班（共 {legalLimit} 小时）的骑手日所占比例。',
      'Share of courier-days online longer than the standard day plus the daily overtime allowed ({legalLimit} h).',
    ),
  },
  {
    path: 'workload.ordersPerCourierDay',
    shape: 'distribution',
    unit: 'orders',
    better: 'neither',
    label: bi('每个骑手日送达订单数', 'Orders delivered per courier-day'),
    description: bi('骑手一天送达的订单数。', 'Orders a courier delivers in a day.'),
  },
  {
    path: 'workload.kmPerCourierDay',
    shape: 'distribution',
    unit: 'km',
    better: 'neither',
    label: bi('每个骑手日骑行里程', 'Km ridden per courier-day'),
    description: bi('骑手一天骑行的公里数。', 'Kilometres a courier rides in a day.'),
  },
  {
    path: 'workload.longestStretchHours',
    shape: 'distribution',
    unit: 'hours',
    better: 'lower',
    label: bi('最长连续在线时长', 'Longest stretch online'),
    description: bi(
      '一天中没有 20 分钟以上休息的最长在线时段。',
      'The longest stretch of a day online without a break of 20 min or more.',
    ),
  },
  {
    path: 'workload.fullTime.ordersPerCourierDay',
    shape: 'distribution',
    unit: 'orders',
    better: 'neither',
    detail: 2,
    label: bi('全职骑手每天送达订单数', 'Orders per full-time courier-day'),
    description: bi('只算在线至少 {fullTime} 小时的骑手日。', 'Over courier-days online at least {fullTime} h only.'),
  },
  {
    path: 'workload.fullTime.onlineHours',
    shape: 'distribution',
    unit: 'hours',
    better: 'lower',
    detail: 3,
    label: bi('全职骑手每天在线时长', 'Online hours per full-time courier-day'),
    description: bi('只算在线至少 {fullTime} 小时的骑手日。', 'Over courier-days online at least {fullTime} h only.'),
  },
];
