/**
 * The metric catalogue's service metrics (see metrics.ts): orders placed, delivered and not, on time, click-to-door
 * and its legs, promised minutes, lateness over 8 minutes, orders per wave and the bag at the peak.
 */
import { bi, type MetricEntry } from './metricEntry.ts';

/** The service metrics, in catalogue order. */
export const SERVICE_METRICS: readonly MetricEntry[] = [
  {
    path: 'service.ordersPlaced',
    shape: 'scalar',
    unit: 'ordersPerDay',
    better: 'neither',
    label: bi('每天下单数', 'Orders placed per day'),
    description: bi('每天顾客下的订单数。', 'Orders customers place per day.'),
  },
  {
    path: 'service.ordersDelivered',
    shape: 'scalar',
    unit: 'ordersPerDay',
    better: 'higher',
    label: bi('每天送达订单数', 'Orders delivered per day'),
    description: bi('每天送达的订单数。', 'Orders delivered per day.'),
  },
  {
    path: 'service.ordersUndelivered',
    shape: 'scalar',
    unit: 'ordersPerDay',
    better: 'lower',
    label: bi('每天未送达订单数', 'Orders not delivered per day'),
    description: bi(
      '无人接单被取消或营业结束时仍未送出的订单。',
      'Orders cancelled because nobody took them, or still waiting when service closed.',
    ),
  },
  {
    path: 'service.onTimeRate',
    shape: 'scalar',
    unit: 'share',
    better: 'higher',
    headline: 8,
    sensitivity: 5,
    short: 'onTime',
    label: bi('准时率', 'On-time rate'),
    description: bi(
      '在承诺时间（加宽限）之前送达的订单所占比例。',
      'Share of delivered orders that arrive by the promised time (plus any grace).',
    ),
  },
  {
    path: 'service.clickToDoorMin',
    shape: 'distribution',
    unit: 'minutes',
    better: 'lower',
    headline: 9,
    label: bi('下单到送达时长', 'Click-to-door time'),
    description: bi('顾客从下单到收到餐的分钟数。', 'Minutes from placing an order to its delivery.'),
  },
  {
    path: 'service.acceptToPickupMin',
    shape: 'distribution',
    unit: 'minutes',
    better: 'neither',
    detail: 10,
    label: bi('接单到取餐时长', 'Accept-to-pickup time'),
    description: bi(
      '已送达订单从骑手接单到取到餐的分钟数（平台派单越晚，这段越短，所以不说越短越好）。',
      'Minutes from the courier accepting a delivered order to picking it up (a platform that commits late shortens it by design).',
    ),
  },
  {
    path: 'service.pickupToDoorMin',
    shape: 'distribution',
    unit: 'minutes',
    better: 'lower',
    detail: 11,
    label: bi('取餐到送达时长', 'Pickup-to-door time'),
    description: bi(
      '已送达订单从骑手取餐到送达顾客的分钟数。',
      'Minutes from picking up a delivered order to its delivery.',
    ),
  },
  {
    path: 'service.promisedMin',
    shape: 'distribution',
    unit: 'minutes',
    better: 'neither',
    headline: 10,
    label: bi('承诺配送时长', 'Promised delivery time'),
    description: bi(
      '平台下单时承诺的配送分钟数，即配送时限的松紧。',
      'Minutes the platform promises at placement: how tight the deadline is.',
    ),
  },
  {
    path: 'service.lateOver8MinRate',
    shape: 'scalar',
    unit: 'share',
    better: 'lower',
    detail: 9,
    label: bi('超时 8 分钟以上的订单占比', 'Orders delivered over 8 min late'),
    description: bi(
      '比承诺时间晚 8 分钟以上送达的订单所占比例。',
      'Share of delivered orders that arrive more than 8 minutes after the promise.',
    ),
  },
  {
    path: 'service.ordersPerWave',
    shape: 'scalar',
    unit: 'orders',
    better: 'neither',
    detail: 7,
    label: bi('每趟配送的订单数', 'Orders per wave'),
    description: bi(
      '从空闲骑手接第一单到包里送空为一趟，每趟平均送的订单数。',
      'A wave runs from an idle courier’s first accepted order until the bag is empty; orders per wave, on average.',
    ),
  },
  {
    path: 'service.bagAtPeak',
    shape: 'distributionWithMax',
    unit: 'orders',
    better: 'neither',
    detail: 8,
    label: bi('高峰时包里的订单数', 'Orders in the bag at the peak'),
    description: bi(
      '高峰时段骑手接单时包里已有的订单数。',
      'Orders already in the bag when a courier accepts an order in the peak hours.',
    ),
  },
];
