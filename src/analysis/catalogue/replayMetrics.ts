/**
 * The metric catalogue's MDRP replay metrics (see metrics.ts): the figures of a replayed MDRP instance: orders
 * delivered, click-to-door and its overage, the legs, courier utilisation and pay.
 */
import { bi, type MetricEntry } from './metricEntry.ts';

/** The MDRP replay metrics, in catalogue order. */
export const REPLAY_METRICS: readonly MetricEntry[] = [
  {
    path: 'mdrp.ordersDelivered',
    shape: 'scalar',
    unit: 'orders',
    digits: 0,
    better: 'higher',
    label: bi('送达订单数', 'Orders delivered'),
    description: bi('实例中送达的订单数。', 'Orders of the instance delivered.'),
  },
  {
    path: 'mdrp.deliveredShare',
    shape: 'scalar',
    unit: 'share',
    better: 'higher',
    label: bi('送达订单占比', 'Orders delivered'),
    description: bi('送达订单数除以实例中的订单数。', 'Delivered orders divided by the orders of the instance.'),
  },
  {
    path: 'mdrp.clickToDoorMin',
    shape: 'distributionWithMax',
    unit: 'minutes',
    better: 'lower',
    label: bi('下单到送达时长', 'Click-to-door time'),
    description: bi('从下单到送达的分钟数。', 'Minutes from placement to drop-off.'),
  },
  {
    path: 'mdrp.clickToDoorOverageMin',
    shape: 'scalar',
    unit: 'minutes',
    better: 'lower',
    label: bi('超出目标时长（平均）', 'Overage over the target (mean)'),
    description: bi(
      '下单到送达超出实例目标时长的分钟数，按送达订单平均。',
      'Minutes of click-to-door beyond the instance’s target, averaged over delivered orders.',
    ),
  },
  {
    path: 'mdrp.shareOverTarget',
    shape: 'scalar',
    unit: 'share',
    better: 'lower',
    label: bi('超出目标时长的订单占比', 'Orders over the target time'),
    description: bi(
      '下单到送达超过目标时长的订单所占比例。',
      'Share of delivered orders over the target click-to-door.',
    ),
  },
  {
    path: 'mdrp.readyToDoorMin',
    shape: 'distribution',
    unit: 'minutes',
    better: 'lower',
    label: bi('出餐到送达时长', 'Ready-to-door time'),
    description: bi('从餐品做好到送达的分钟数。', 'Minutes from the food being ready to drop-off.'),
  },
  {
    path: 'mdrp.readyToPickupMin',
    shape: 'distribution',
    unit: 'minutes',
    better: 'lower',
    label: bi('出餐到取餐时长', 'Ready-to-pickup time'),
    description: bi('餐品做好后等骑手取走的分钟数。', 'Minutes the food waits for its courier.'),
  },
  {
    path: 'mdrp.courierUtilisation',
    shape: 'scalar',
    unit: 'share',
    better: 'neither',
    label: bi('骑手利用率', 'Courier utilisation'),
    description: bi('执行任务的分钟数除以班次分钟数。', 'Minutes spent on assignments divided by shift minutes.'),
  },
  {
    path: 'mdrp.ordersPerCourierHour',
    shape: 'scalar',
    unit: 'ordersPerHour',
    better: 'neither',
    label: bi('每骑手小时订单数', 'Orders per courier-hour'),
    description: bi('送达订单数除以骑手班次小时数。', 'Delivered orders divided by courier shift hours.'),
  },
  {
    path: 'mdrp.totalCourierPay',
    shape: 'scalar',
    unit: 'instanceMoney',
    better: 'neither',
    label: bi('骑手报酬总额', 'Total courier pay'),
    description: bi(
      '按实例规则：每位骑手取计件报酬与保底时薪乘班次时长中的较大者，再求和。',
      'By the instance’s rule: for each courier the larger of pay per order × orders and the hourly guarantee × shift hours, summed.',
    ),
  },
  {
    path: 'mdrp.shareCouriersPaidGuarantee',
    shape: 'scalar',
    unit: 'share',
    better: 'neither',
    label: bi('按保底时薪获酬的骑手占比', 'Couriers paid the hourly guarantee'),
    description: bi(
      '保底高于计件报酬的骑手所占比例。',
      'Share of couriers whose guarantee exceeds their pay per order.',
    ),
  },
];
