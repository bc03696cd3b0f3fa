/**
 * The metric catalogue's platform metrics (see metrics.ts): the platform's own figures: delivery revenue, courier pay
 * and margin (per order too), pay before fines, fine income, compensation paid and operating profit.
 */
import { bi, type MetricEntry } from './metricEntry.ts';

/** The platform metrics, in catalogue order. */
export const PLATFORM_METRICS: readonly MetricEntry[] = [
  {
    path: 'platform.deliveryRevenue',
    shape: 'scalar',
    unit: 'cnyPerDay',
    better: 'higher',
    side: 'platform',
    label: bi('平台每天配送收入', 'Platform delivery revenue per day'),
    description: bi('每个送达订单的配送收入之和。', 'Delivery revenue over all delivered orders.'),
  },
  {
    path: 'platform.courierPay',
    shape: 'scalar',
    unit: 'cnyPerDay',
    better: 'lower',
    side: 'platform',
    label: bi('平台每天付给骑手的报酬', 'Courier pay per day'),
    description: bi(
      '配送费减抽成和罚款，加奖励和保底补足：平台付给骑手的钱。',
      'Fees less commission and fines, plus bonuses and top-ups: what the platform pays couriers.',
    ),
  },
  {
    path: 'platform.margin',
    shape: 'scalar',
    unit: 'cnyPerDay',
    better: 'higher',
    headline: 11,
    sensitivity: 6,
    side: 'platform',
    short: 'margin/day',
    label: bi('平台每天配送利润', 'Platform margin per day'),
    description: bi('配送收入减付给骑手的报酬。', 'Delivery revenue less courier pay.'),
  },
  {
    path: 'platform.courierPayPerOrder',
    shape: 'scalar',
    unit: 'cnyPerOrder',
    better: 'lower',
    side: 'platform',
    detail: 5,
    label: bi('平台每单付给骑手的报酬', 'Courier pay per order'),
    description: bi('每天付给骑手的报酬除以送达订单数。', 'Courier pay per day divided by the orders delivered.'),
  },
  {
    path: 'platform.marginPerOrder',
    shape: 'scalar',
    unit: 'cnyPerOrder',
    better: 'higher',
    side: 'platform',
    detail: 6,
    label: bi('平台每单利润', 'Platform margin per order'),
    description: bi('每天的配送利润除以送达订单数。', 'Margin per day divided by the orders delivered.'),
  },
  {
    path: 'platform.courierPayBeforeFines',
    shape: 'scalar',
    unit: 'cnyPerDay',
    better: 'lower',
    side: 'platform',
    label: bi('平台每天付给骑手的报酬（未扣罚款）', 'Courier pay per day before fines'),
    description: bi(
      '配送费减抽成，加奖励和保底补足；不扣平台留下的罚款。',
      'Fees less commission, plus bonuses and top-ups, before the fines the platform keeps.',
    ),
  },
  {
    path: 'platform.fineIncome',
    shape: 'scalar',
    unit: 'cnyPerDay',
    better: 'neither',
    side: 'platform',
    label: bi('平台每天留下的罚款', 'Fines the platform keeps per day'),
    description: bi(
      '骑手被扣的罚款中归平台的部分（罚款归配送站或骑手基金时为 0）。',
      'Couriers’ fines that the platform receives (0 when fines go to the station or a fund).',
    ),
  },
  {
    path: 'platform.compensationPaid',
    shape: 'scalar',
    unit: 'cnyPerDay',
    better: 'lower',
    side: 'platform',
    label: bi('平台每天自付的超时赔付', 'Compensation the platform pays per day'),
    description: bi(
      '平台自己出钱赔给超时订单顾客的金额（由商家投保的准时险赔付时为 0）。',
      'Compensation for late orders that the platform pays itself (0 when merchants’ insurance pays).',
    ),
  },
  {
    path: 'platform.operatingProfit',
    shape: 'scalar',
    unit: 'cnyPerDay',
    better: 'higher',
    side: 'platform',
    label: bi('平台每天经营利润', 'Platform operating profit per day'),
    description: bi(
      '配送利润再减去平台每单的其他成本（人员、服务器、补贴、营销）。',
      'Margin less the platform’s other costs per order (staff, servers, subsidies, marketing).',
    ),
  },
  {
    path: 'platform.operatingProfitPerOrder',
    shape: 'scalar',
    unit: 'cnyPerOrder',
    better: 'higher',
    side: 'platform',
    detail: 12,
    label: bi('平台每单经营利润', 'Platform operating profit per order'),
    description: bi(
      '每天的经营利润除以送达订单数，可与美团公布的每单利润对照。',
      'Operating profit per day divided by the orders delivered; comparable with Meituan’s published profit per order.',
    ),
  },
];
