/**
 * The metric catalogue's other parties metrics (see metrics.ts): the stations' margin, the customers' compensation and
 * lost orders, and the insurer's margin.
 */
import { bi, type MetricEntry } from './metricEntry.ts';

/** The other parties metrics, in catalogue order. */
export const PARTY_METRICS: readonly MetricEntry[] = [
  {
    path: 'station.margin',
    shape: 'scalar',
    unit: 'cnyPerDay',
    better: 'neither',
    side: 'platform',
    label: bi('配送站每天收入', 'Delivery station’s income per day'),
    description: bi(
      '配送站（代理商）留下的罚款；罚款不归配送站时为 0。',
      'The fines the delivery station (agency) keeps; 0 when fines do not go to it.',
    ),
  },
  {
    path: 'station.marginPerOrder',
    shape: 'scalar',
    unit: 'cnyPerOrder',
    better: 'neither',
    side: 'platform',
    label: bi('配送站每单收入', 'Delivery station’s income per order'),
    description: bi('配送站每天收入除以送达订单数。', 'The station’s income per day divided by the orders delivered.'),
  },
  {
    path: 'customers.compensation',
    shape: 'scalar',
    unit: 'cnyPerDay',
    better: 'neither',
    label: bi('每天赔给顾客的超时赔付', 'Compensation to customers per day'),
    description: bi(
      '享有超时赔付的订单晚于承诺送达时，按超时分钟档位赔给顾客的金额。',
      'What customers of covered orders receive when the order arrives after the promise, by tiers of minutes late.',
    ),
  },
  {
    path: 'customers.compensatedShare',
    shape: 'scalar',
    unit: 'share',
    better: 'lower',
    label: bi('获赔订单占比', 'Orders compensated'),
    description: bi(
      '享有超时赔付的已送达订单中，顾客获得赔付的比例（即保险的出险率）。',
      'Share of covered delivered orders whose customer was compensated (the insurer’s claim rate).',
    ),
  },
  {
    path: 'customers.lostOrders',
    shape: 'scalar',
    unit: 'ordersPerDay',
    better: 'lower',
    label: bi('因超时流失的订单（每天）', 'Orders lost to lateness per day'),
    description: bi(
      '每天超时或未送达的订单让顾客此后少下的订单数（期望值，含模拟结束之后的）。',
      'Future orders customers forgo because of each day’s late and undelivered orders (expected, including after the run ends).',
    ),
  },
  {
    path: 'customers.ordersNotPlaced',
    shape: 'scalar',
    unit: 'ordersPerDay',
    better: 'lower',
    label: bi('因此前超时少下的订单（每天）', 'Orders not placed after earlier lateness, per day'),
    description: bi(
      '模拟期内，因前几天的超时而没有下的订单，按天平均（单日模拟为 0）。',
      'Orders not placed during the run because of lateness on earlier days, per day (0 in a one-day run).',
    ),
  },
  {
    path: 'insurer.margin',
    shape: 'scalar',
    unit: 'cnyPerDay',
    better: 'neither',
    label: bi('保险公司每天收支', 'Insurer’s premiums less payouts per day'),
    description: bi(
      '商家为准时险付的保费减去赔给顾客的金额。',
      'Premiums merchants pay for lateness insurance, less what it pays customers.',
    ),
  },
];
