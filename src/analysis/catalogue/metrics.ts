/**
 * Every metric of the model (MODEL.md section 10, docs/model.md), defined once: its structure, unit, which way is
 * better, whether it is a headline or a sensitivity metric, and its label and description in Chinese and English.
 * The command line, the workbench and evidence reports all read these entries; nothing else names a metric.
 *
 * Labels may hold the scenario's thresholds as `{speed}`, `{wage}`, `{fullTime}`, `{standardDay}`, `{legalLimit}`
 * and `{fatigue}` (see `labelContext`), so a label never states a limit the scenario does not use.
 */
import type { Bi, MetricUnit } from './units.ts';

/** How a metric is stored: a number, a distribution `{ mean, p10, p50, p90 }`, the same plus `max`, or a per-day series. */
export type MetricShape = 'scalar' | 'distribution' | 'distributionWithMax' | 'perDay';

/**
 * Which way is better, from the point of view of those the metric concerns: couriers and customers, or, for the
 * platform's own figures, the platform. `neither` where more is not plainly better or worse (orders placed, say).
 */
export type Better = 'higher' | 'lower' | 'neither';

/** One metric. */
export interface MetricEntry {
  /** The MODEL.md path, without a distribution's `.mean`/`.p10`/… (`workload.onlineHours`), or `perDay.<field>`. */
  path: string;
  shape: MetricShape;
  unit: MetricUnit;
  /** Decimals, when not the unit's. */
  digits?: number;
  better: Better;
  /** Position among the headline metrics (cards, report findings, sweep and bargaining choices), from 1. */
  headline?: number;
  /** Position among the six differences `fairpace sensitivity` reports, from 1. */
  sensitivity?: number;
  /** Position among the further figures shown below the headline (full-time groups, per-order and service details). */
  detail?: number;
  /** Whose figure it is: the platform's own figures are read from its side of the table. */
  side?: 'platform';
  /** A short ASCII column name, for the command line's narrow tables (the sensitivity ranking). */
  short?: string;
  /**
   * A figure shown beside this one wherever it is a headline (a path of this catalogue, same shape): the hours
   * online of all couriers hide the full-time couriers' longer days, so the card shows both (issue 22 item 6).
   */
  companion?: string;
  label: Bi;
  description: Bi;
}

const bi = (zh: string, en: string): Bi => ({ zh, en });

/** Every metric, grouped as in MODEL.md section 10. */
export const METRIC_CATALOGUE: readonly MetricEntry[] = [
  // ── earnings ──
  {
    path: 'earnings.shareBelowMinWage',
    shape: 'scalar',
    unit: 'share',
    better: 'lower',
    headline: 1,
    sensitivity: 1,
    short: 'belowMinWage',
    label: bi('时薪低于最低工资的骑手日占比', 'Courier-days below the minimum wage'),
    description: bi(
      '每在线小时净收入低于当地最低小时工资（{wage} 元）的骑手日所占比例。',
      'Share of courier-days whose net pay per online hour is below the local minimum hourly wage ({wage} CNY).',
    ),
  },
  {
    path: 'earnings.netPerOnlineHour',
    shape: 'distribution',
    unit: 'cnyPerHour',
    better: 'higher',
    headline: 2,
    sensitivity: 2,
    short: 'net/h',
    label: bi('每在线小时净收入', 'Net pay per online hour'),
    description: bi(
      '一个骑手日的净收入（配送费减抽成、罚款和支出，加奖励和保底补足）除以在线小时数。',
      'A courier-day’s net pay (fees less commission, fines and expenses, plus bonuses and top-ups) per online hour.',
    ),
  },
  {
    path: 'earnings.netPerEngagedHour',
    shape: 'distribution',
    unit: 'cnyPerHour',
    better: 'higher',
    label: bi('每接单小时净收入', 'Net pay per engaged hour'),
    description: bi(
      '净收入除以包里至少有一单的小时数。',
      'Net pay divided by the hours with at least one order in the bag.',
    ),
  },
  {
    path: 'earnings.gini',
    shape: 'scalar',
    unit: 'index',
    better: 'lower',
    label: bi('时薪的基尼系数', 'Gini coefficient of hourly pay'),
    description: bi(
      '各骑手日每在线小时净收入的不平等程度：0 为完全平均，1 为极不平均。',
      'Inequality of net pay per online hour over courier-days: 0 is equal, 1 extremely unequal.',
    ),
  },
  {
    path: 'earnings.penaltyShareOfGross',
    shape: 'scalar',
    unit: 'share',
    better: 'lower',
    label: bi('罚款占配送费的比例', 'Fines as a share of gross fees'),
    description: bi(
      '超时罚款和投诉罚款之和除以配送费总额。',
      'Late and complaint fines together, divided by all gross fees.',
    ),
  },
  {
    path: 'earnings.topUpShare',
    shape: 'scalar',
    unit: 'share',
    better: 'neither',
    label: bi('获保底补足的骑手日占比', 'Courier-days topped up by the guarantee'),
    description: bi(
      '收入低于保底、由平台补足的骑手日所占比例（没有保底规则时为 0）。',
      'Share of courier-days the minimum guarantee topped up (0 without a guarantee rule).',
    ),
  },
  {
    path: 'earnings.feePerOrder',
    shape: 'scalar',
    unit: 'cnyPerOrder',
    better: 'higher',
    detail: 4,
    label: bi('每单配送费（扣除前）', 'Gross fee per order'),
    description: bi(
      '每个送达订单的配送费，扣除抽成和罚款之前。',
      'Fee per delivered order, before commission and fines.',
    ),
  },
  {
    path: 'earnings.totalPay',
    shape: 'scalar',
    unit: 'cnyPerDay',
    better: 'higher',
    label: bi('全体骑手每天的收入', 'All couriers’ pay per day'),
    description: bi(
      '全体骑手每天挣到的钱（配送费减抽成和罚款，加奖励和保底补足），未扣骑手自己的开支。',
      'What all couriers earn a day (fees less commission and fines, plus bonuses and top-ups), before their own costs.',
    ),
  },
  {
    path: 'earnings.fullTime.netPerOnlineHour',
    shape: 'distribution',
    unit: 'cnyPerHour',
    better: 'higher',
    detail: 1,
    label: bi('全职骑手每在线小时净收入', 'Net pay per online hour, full-time couriers'),
    description: bi(
      '只算在线至少 {fullTime} 小时的骑手日（多数调查描述的群体）。',
      'Over courier-days online at least {fullTime} h only (the group most surveys describe).',
    ),
  },
  // ── workload ──
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
  // ── safety ──
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
  // ── service ──
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
  // ── platform ──
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
  // ── other parties ──
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
  // ── MDRP replays ──
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
  // ── per day ──
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
