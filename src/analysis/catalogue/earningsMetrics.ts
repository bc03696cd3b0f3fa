/**
 * The metric catalogue's earnings metrics (see metrics.ts): the share of courier-days below the minimum wage, net pay
 * per online (or engaged) hour, its spread, fines, top-ups, the fee per order and total pay, and the full-time
 * couriers' pay.
 */
import { bi, type MetricEntry } from './metricEntry.ts';

/** The earnings metrics, in catalogue order. */
export const EARNINGS_METRICS: readonly MetricEntry[] = [
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
];
