/**
 * The figures of the rider audit (src/io/riders.ts), from what it tallies over rider-days and orders: pay per hour
 * against the minimum wage, pay, fines, orders and hours per rider-day, the days, weeks and months over the
 * working-time limits, the full-time days, and the on-time rates. Each has its 95% interval clustered by rider.
 */
import type { Scenario } from '../scenario/schema.ts';
import { ClusteredRatio, fig, figure, quantileInterval, type Figure } from './observed.ts';

/** What the audit adds up, rider-day by rider-day (each ratio clustered by rider), for its figures. */
export class RiderTallies {
  // Per rider-day with hours: net pay per hour (its values too, for the quantiles), below the minimum wage.
  readonly perHour = new ClusteredRatio();
  readonly perHourValues: number[] = [];
  readonly below = new ClusteredRatio();
  readonly ftPerHour = new ClusteredRatio();
  // Per rider-day: orders, hours, over the standard day and the legal limit, full-time days, net pay.
  readonly ordersPerDay = new ClusteredRatio();
  readonly ordersValues: number[] = [];
  readonly hoursMean = new ClusteredRatio();
  readonly hoursValues: number[] = [];
  readonly overStd = new ClusteredRatio();
  readonly overLegal = new ClusteredRatio();
  readonly ftOrders = new ClusteredRatio();
  readonly ftHours = new ClusteredRatio();
  readonly netPerDay = new ClusteredRatio();
  // Per order: fines against pay, pay, fined or not, on time and over 8 minutes late (orders with a promise).
  readonly fineShare = new ClusteredRatio();
  readonly feePerOrder = new ClusteredRatio();
  readonly fined = new ClusteredRatio();
  readonly onTime = new ClusteredRatio();
  readonly over8 = new ClusteredRatio();
  /** Hours by `rider|ISO week`, and overtime hours by `rider|year-month`. */
  readonly weekHours = new Map<string, number>();
  readonly monthOvertime = new Map<string, number>();
}

/**
 * The audit's figures, in the order the report lists them. `basis` says which hours the tallies counted: online
 * hours (from the online file) or engaged hours, which only bound some of the figures.
 */
export function riderFigures(
  tallies: RiderTallies,
  standards: Scenario['standards'],
  basis: 'online' | 'engaged',
): Figure[] {
  const {
    perHour,
    perHourValues,
    below,
    ftPerHour,
    ordersPerDay,
    ordersValues,
    hoursMean,
    hoursValues,
    overStd,
    overLegal,
    ftOrders,
    ftHours,
    netPerDay,
    fineShare,
    feePerOrder,
    fined,
    onTime,
    over8,
    weekHours,
    monthOvertime,
  } = tallies;
  const legal = standards.standardDailyHours + standards.maxDailyOvertime;
  const weeks = new ClusteredRatio();
  for (const [k, h] of weekHours) weeks.add(Number(k.split('|')[0]), h > standards.standardWeeklyHours ? 1 : 0);
  const months = new ClusteredRatio();
  for (const [k, o] of monthOvertime) months.add(Number(k.split('|')[0]), o > standards.maxMonthlyOvertime ? 1 : 0);

  const online = basis === 'online';
  const hourWord = online ? 'online' : 'engaged';
  const hourZh = online ? '在线' : '接单';
  const hoursNote = online
    ? "Hours are the riders' own online hours per day (the online file)."
    : 'Hours are engaged hours (an order in the bag, from accepted_at to delivered_at): without online times, fewer than the hours online, so pay per hour is an upper bound and hours a lower bound.';
  const cl = 'Interval clustered by rider.';
  const sortedOf = (v: number[]) => Float64Array.from(v).sort();
  const perHourSorted = sortedOf(perHourValues);
  const hoursSorted = sortedOf(hoursValues);
  const ordersSorted = sortedOf(ordersValues);
  const payMetric = online ? 'earnings.netPerOnlineHour' : 'earnings.netPerEngagedHour';
  const f = (
    id: string,
    label: string,
    labelZh: string,
    unit: string,
    note: string,
    stat: { value: number; lo: number; hi: number; n: number },
    metric?: string,
  ): Figure => figure(fig(id, label, labelZh, unit, note, metric), stat);
  return [
    f(
      'net-per-hour-mean',
      `Net pay per ${hourWord} hour, mean`,
      `每${hourZh}小时净收入，平均`,
      'CNY/h',
      `Net pay (pay − fines) per ${hourWord} hour of each rider-day, mean over rider-days. ${hoursNote} ${cl}`,
      perHour.interval(),
      `${payMetric}.mean`,
    ),
    ...(['p10', 'p50', 'p90'] as const).map((p, k) =>
      f(
        `net-per-hour-${p}`,
        `Net pay per ${hourWord} hour, ${p}`,
        `每${hourZh}小时净收入，${p}`,
        'CNY/h',
        `Net pay per ${hourWord} hour over rider-days. ${hoursNote}`,
        quantileInterval(perHourSorted, [0.1, 0.5, 0.9][k] as number),
        `${payMetric}.${p}`,
      ),
    ),
    f(
      'below-min-wage',
      `Rider-days below the minimum wage (${standards.minHourlyWage} CNY/h)`,
      `低于最低工资（${standards.minHourlyWage} 元/小时）的骑手日占比`,
      'share',
      `Share of rider-days whose net pay per ${hourWord} hour is below the hourly minimum wage of ${standards.minHourlyWage} CNY. ${hoursNote} ${cl}`,
      below.interval(),
      online ? 'earnings.shareBelowMinWage' : undefined,
    ),
    f(
      'net-per-day-mean',
      'Net pay per rider-day, mean',
      '每骑手日净收入，平均',
      'CNY',
      `Pay − fines per rider-day. ${cl}`,
      netPerDay.interval(),
    ),
    f(
      'fee-per-order',
      'Pay per order',
      '每单收入',
      'CNY',
      `Mean pay_cny per order (before fines). ${cl}`,
      feePerOrder.interval(),
      'earnings.feePerOrder',
    ),
    f(
      'fines-share',
      'Fines as a share of pay',
      '罚款占收入比例',
      'share',
      `Σ fine_cny ÷ Σ pay_cny. ${cl}`,
      fineShare.interval(),
      'earnings.penaltyShareOfGross',
    ),
    f(
      'fined-orders',
      'Orders with a fine',
      '被罚款订单占比',
      'share',
      `Share of orders with fine_cny above 0. ${cl}`,
      fined.interval(),
    ),
    f(
      'orders-per-day-mean',
      'Orders per rider-day, mean',
      '每骑手日订单数，平均',
      'orders',
      `Orders accepted per rider-day. ${cl}`,
      ordersPerDay.interval(),
      'workload.ordersPerCourierDay.mean',
    ),
    f(
      'orders-per-day-p50',
      'Orders per rider-day, p50',
      '每骑手日订单数，中位数',
      'orders',
      'Orders per rider-day; quantile interval from order statistics.',
      quantileInterval(ordersSorted, 0.5),
      'workload.ordersPerCourierDay.p50',
    ),
    f(
      'hours-mean',
      `${online ? 'Online' : 'Engaged'} hours per rider-day, mean`,
      `每骑手日${hourZh}时长，平均`,
      'h',
      `${hoursNote} ${cl}`,
      hoursMean.interval(),
      online ? 'workload.onlineHours.mean' : undefined,
    ),
    f(
      'hours-p50',
      `${online ? 'Online' : 'Engaged'} hours per rider-day, p50`,
      `每骑手日${hourZh}时长，中位数`,
      'h',
      hoursNote,
      quantileInterval(hoursSorted, 0.5),
      online ? 'workload.onlineHours.p50' : undefined,
    ),
    f(
      'hours-p90',
      `${online ? 'Online' : 'Engaged'} hours per rider-day, p90`,
      `每骑手日${hourZh}时长，p90`,
      'h',
      hoursNote,
      quantileInterval(hoursSorted, 0.9),
      online ? 'workload.onlineHours.p90' : undefined,
    ),
    f(
      'over-standard-day',
      `Rider-days over ${standards.standardDailyHours} h`,
      `超过 ${standards.standardDailyHours} 小时的骑手日占比`,
      'share',
      `Share of rider-days with more than the standard ${standards.standardDailyHours} hours. ${hoursNote} ${cl}`,
      overStd.interval(),
      online ? 'workload.shareOverStandardDay' : undefined,
    ),
    f(
      'over-legal-limit',
      `Rider-days over ${legal} h`,
      `超过 ${legal} 小时的骑手日占比`,
      'share',
      `Share of rider-days with more than ${legal} hours (the standard day plus ${standards.maxDailyOvertime} hours of overtime, the legal limit). ${hoursNote} ${cl}`,
      overLegal.interval(),
      online ? 'workload.shareOverLegalLimit' : undefined,
    ),
    f(
      'over-standard-week',
      `Rider-weeks over ${standards.standardWeeklyHours} h`,
      `超过 ${standards.standardWeeklyHours} 小时的骑手周占比`,
      'share',
      `Share of rider-weeks (ISO weeks, as far as the records reach) with more than ${standards.standardWeeklyHours} hours. ${hoursNote} ${cl}`,
      weeks.interval(),
    ),
    f(
      'over-monthly-overtime',
      `Rider-months over ${standards.maxMonthlyOvertime} h of overtime`,
      `加班超过 ${standards.maxMonthlyOvertime} 小时的骑手月占比`,
      'share',
      `Share of rider-months whose hours beyond ${standards.standardDailyHours} a day add up to more than ${standards.maxMonthlyOvertime}. ${hoursNote} ${cl}`,
      months.interval(),
    ),
    f(
      'full-time-net-per-hour-mean',
      `Net pay per online hour, full-time rider-days`,
      '全职骑手日每在线小时净收入，平均',
      'CNY/h',
      `Rider-days with at least ${standards.fullTimeMinHours} hours. ${hoursNote} ${cl}`,
      ftPerHour.interval(),
      online ? 'earnings.fullTime.netPerOnlineHour.mean' : undefined,
    ),
    f(
      'full-time-orders-mean',
      'Orders per full-time rider-day, mean',
      '全职骑手日订单数，平均',
      'orders',
      `Rider-days with at least ${standards.fullTimeMinHours} hours. ${hoursNote} ${cl}`,
      ftOrders.interval(),
      online ? 'workload.fullTime.ordersPerCourierDay.mean' : undefined,
    ),
    f(
      'full-time-hours-mean',
      `${online ? 'Online' : 'Engaged'} hours per full-time rider-day, mean`,
      `全职骑手日${hourZh}时长，平均`,
      'h',
      `Rider-days with at least ${standards.fullTimeMinHours} hours. ${hoursNote} ${cl}`,
      ftHours.interval(),
      online ? 'workload.fullTime.onlineHours.mean' : undefined,
    ),
    f(
      'on-time',
      'On-time rate',
      '准时率',
      'share',
      `Share of orders with promised_at delivered at or before it. ${cl}`,
      onTime.interval(),
      'service.onTimeRate',
    ),
    f(
      'late-over-8',
      'Late by more than 8 min',
      '超时 8 分钟以上',
      'share',
      `Share of orders with promised_at delivered more than 8 minutes after it. ${cl}`,
      over8.interval(),
      'service.lateOver8MinRate',
    ),
  ];
}
