/**
 * The courier-day figures of the observers (`fairpace observe waybills` and `observe trace`): orders and online hours
 * per courier-day, the days over the standard day and the legal limit, and the full-time days. The data hold no
 * log-in times, so a courier-day is online from ONLINE_MARGIN_MIN before its first acceptance to as long after its
 * last delivery (as `fairpace import waybills` puts couriers online).
 */
import { ClusteredRatio, fig, figure, quantileInterval, type Figure } from './observed.ts';
import type { Column } from './records.ts';

/** Minutes a courier counts as online before the first accept and after the last delivery of a day. */
export const ONLINE_MARGIN_MIN = 10;

/** The limits a courier-day is held against. */
export interface CourierDayLimits {
  /** Online hours above which a courier-day is over the standard day, and over the legal limit. */
  standardDailyHours: number;
  legalDailyHours: number;
  /** Online hours from which a courier-day counts as full-time. */
  fullTimeMinHours: number;
}

/** The notes of the courier-day figures that depend on the data. */
export interface CourierDayNotes {
  /** What a courier-day is, ending with how the intervals are clustered. */
  courierDay: string;
  /** How online hours are reckoned. */
  online: string;
}

/** The courier-days of the sequences: each one's courier, first acceptance, last delivery and delivered orders. */
export interface CourierDays {
  courier: Column;
  first: Column;
  last: Column;
  orders: Column;
}

/** Orders and online hours per courier-day, the days over the limits and the full-time days. */
export function courierDayFigures(days: CourierDays, opt: CourierDayLimits, notes: CourierDayNotes): Figure[] {
  const figures: Figure[] = [];
  const add = (f: Figure) => figures.push(f);
  const { courier: cdCourier, first: cdFirst, last: cdLast, orders: cdOrders } = days;
  const nCd = cdCourier.length;
  const ordersPerDay = new ClusteredRatio();
  const online = new ClusteredRatio();
  const activeH = new ClusteredRatio();
  const overStd = new ClusteredRatio();
  const overLegal = new ClusteredRatio();
  const ftOrders = new ClusteredRatio();
  const ftOnline = new ClusteredRatio();
  const ordersValues = new Float64Array(nCd);
  const onlineValues = new Float64Array(nCd);
  for (let k = 0; k < nCd; k++) {
    const c = cdCourier.data[k] as number;
    const act = ((cdLast.data[k] as number) - (cdFirst.data[k] as number)) / 3600;
    const on = act + (2 * ONLINE_MARGIN_MIN) / 60;
    const ord = cdOrders.data[k] as number;
    ordersValues[k] = ord;
    onlineValues[k] = on;
    ordersPerDay.add(c, ord);
    online.add(c, on);
    activeH.add(c, act);
    overStd.add(c, on > opt.standardDailyHours ? 1 : 0);
    overLegal.add(c, on > opt.legalDailyHours ? 1 : 0);
    if (on >= opt.fullTimeMinHours) {
      ftOrders.add(c, ord);
      ftOnline.add(c, on);
    }
  }
  ordersValues.sort();
  onlineValues.sort();
  const cdNote = notes.courierDay;
  const onlineNote = notes.online;
  add(
    figure(
      fig(
        'orders-per-courier-day-mean',
        'Orders per courier-day, mean',
        '每骑手日订单数，平均',
        'orders',
        `Delivered orders per courier-day. ${cdNote}`,
        'workload.ordersPerCourierDay.mean',
      ),
      ordersPerDay.interval(),
    ),
  );
  add(
    figure(
      fig(
        'orders-per-courier-day-p50',
        'Orders per courier-day, p50',
        '每骑手日订单数，中位数',
        'orders',
        'Delivered orders per courier-day; quantile interval from order statistics.',
        'workload.ordersPerCourierDay.p50',
      ),
      quantileInterval(ordersValues, 0.5),
    ),
  );
  add(
    figure(
      fig(
        'online-hours-mean',
        'Online hours per courier-day, mean',
        '每骑手日在线时长，平均',
        'h',
        `${onlineNote} ${cdNote}`,
        'workload.onlineHours.mean',
      ),
      online.interval(),
    ),
  );
  add(
    figure(
      fig(
        'online-hours-p50',
        'Online hours per courier-day, p50',
        '每骑手日在线时长，中位数',
        'h',
        onlineNote,
        'workload.onlineHours.p50',
      ),
      quantileInterval(onlineValues, 0.5),
    ),
  );
  add(
    figure(
      fig(
        'online-hours-p90',
        'Online hours per courier-day, p90',
        '每骑手日在线时长，p90',
        'h',
        onlineNote,
        'workload.onlineHours.p90',
      ),
      quantileInterval(onlineValues, 0.9),
    ),
  );
  add(
    figure(
      fig(
        'active-hours-mean',
        'Active hours per courier-day, mean',
        '每骑手日活跃时长，平均',
        'h',
        `From the first grab_time to the last arrive_time of a courier-day. ${cdNote}`,
      ),
      activeH.interval(),
    ),
  );
  add(
    figure(
      fig(
        'over-standard-day',
        `Courier-days online over ${opt.standardDailyHours} h`,
        `在线超过 ${opt.standardDailyHours} 小时的骑手日占比`,
        'share',
        `${onlineNote} ${cdNote}`,
        'workload.shareOverStandardDay',
      ),
      overStd.interval(),
    ),
  );
  add(
    figure(
      fig(
        'over-legal-limit',
        `Courier-days online over ${opt.legalDailyHours} h`,
        `在线超过 ${opt.legalDailyHours} 小时的骑手日占比`,
        'share',
        `${onlineNote} ${cdNote}`,
        'workload.shareOverLegalLimit',
      ),
      overLegal.interval(),
    ),
  );
  const ftNote = `Full-time courier-days: online at least ${opt.fullTimeMinHours} h. ${cdNote}`;
  add(
    figure(
      fig(
        'full-time-orders-mean',
        'Orders per full-time courier-day, mean',
        '全职骑手日订单数，平均',
        'orders',
        ftNote,
        'workload.fullTime.ordersPerCourierDay.mean',
      ),
      ftOrders.interval(),
    ),
  );
  add(
    figure(
      fig(
        'full-time-online-mean',
        'Online hours per full-time courier-day, mean',
        '全职骑手日在线时长，平均',
        'h',
        ftNote,
        'workload.fullTime.onlineHours.mean',
      ),
      ftOnline.interval(),
    ),
  );
  return figures;
}
