/**
 * `fairpace observe waybills`: the figures of a platform's waybill file that the model also reports, computed in one
 * pass over the rows (kept as a few numbers each, so a 600 MB file fits in a small fraction of that), with the
 * sample's 95% interval, and as a targets file for `fairpace calibrate --targets`.
 *
 * Definitions follow the model's (MODEL.md section 10, src/sim/recorder.ts):
 * - an order counts once: its promise from its first row, its delivery from its first delivered waybill;
 *   pre-booked orders (`is_prebook` = 1) are left out of the order timings, because their promise is the customer's
 *   chosen time, not the platform's estimate;
 * - click-to-door = arrive − platform_order_time; promised = estimate_arrived_time − platform_order_time;
 *   on time = arrive ≤ estimate_arrived_time; late over 8 min = arrive − estimate_arrived_time > 480 s;
 * - bag at acceptance = the courier's accepted and not yet delivered waybills at grab_time, the new one included
 *   (1 starts a wave); orders per wave = accepted ÷ waves, or the wave file's order lists when it is given;
 * - a courier-day is a courier on one `dt`; online = from 10 min before the first accept to 10 min after the last
 *   delivery (as `fairpace import waybills` puts couriers online), active = first accept to last delivery.
 */
import type { Target } from '../analysis/calibrate/targets.ts';
import { distanceKm, localHour, ymd } from './geoTime.ts';
import {
  ClusteredRatio,
  figure,
  figuresToTargets,
  quantileInterval,
  type Figure,
  type ObservedSource,
} from './observed.ts';
import { Column, IdIndex, idKey, type RecordSink } from './records.ts';
import { hasTrip, isDelivered, OBSERVE_COLUMNS, WaybillReader } from './waybillRow.ts';
import type { WaveObservation } from './waves.ts';

/** China Standard Time, the data's city: minutes east of UTC. */
export const CHINA_OFFSET_MIN = 480;
/** Minutes a courier counts as online before the first accept and after the last delivery of a day. */
export const ONLINE_MARGIN_MIN = 10;
/** Distance bands of promised minutes, km: [0, 1), [1, 2), … [5, ∞). */
export const DISTANCE_BANDS_KM = [1, 2, 3, 4, 5] as const;

/** Options of an observation. */
export interface WaybillObserveOptions {
  /** Local hours counted as peak for the bag size (the scenario default `rules.pay.peakHours`). */
  peakHours: readonly number[];
  /** Online hours above which a courier-day is over the standard day, and over the legal limit. */
  standardDailyHours: number;
  legalDailyHours: number;
  /** Online hours from which a courier-day counts as full-time. */
  fullTimeMinHours: number;
  /** The data's UTC offset, minutes (480 for China). */
  offsetMin: number;
}

/** The model's defaults (schema defaults of `rules.pay.peakHours` and `standards`). */
export const DEFAULT_OBSERVE_OPTIONS: WaybillObserveOptions = {
  peakHours: [11, 12, 17, 18],
  standardDailyHours: 8,
  legalDailyHours: 11,
  fullTimeMinHours: 6,
  offsetMin: CHINA_OFFSET_MIN,
};

/** Counts of what was read, for the summary and the targets' description. */
export interface WaybillCounts {
  rows: number;
  /** Rows whose waybill_id was already read (the first was kept). */
  duplicateRows: number;
  waybills: number;
  orders: number;
  /** Orders with a delivered waybill. */
  deliveredOrders: number;
  /** Orders with more than one delivered waybill (the first counts). */
  ordersDeliveredTwice: number;
  /** Waybills no courier grabbed (refused or left). */
  notGrabbed: number;
  /** Grabbed waybills never delivered. */
  grabbedNotDelivered: number;
  prebookedOrders: number;
  /** Orders without a promise (estimate_arrived_time 0). */
  ordersWithoutPromise: number;
  /** Orders whose sender or recipient position is missing. */
  ordersWithoutPositions: number;
  couriers: number;
  courierDays: number;
  /** The `dt` days, YYYYMMDD, with their rows. */
  days: { day: string; rows: number }[];
}

/** What an observation gives. */
export interface WaybillObservation {
  counts: WaybillCounts;
  figures: Figure[];
  /** Columns of the header that are not waybill columns. */
  ignoredColumns: string[];
}

const ORDER_PROMISE = 1;
const ORDER_DELIVERED = 2;
const ORDER_PREBOOK = 4;
const ORDER_POSITIONS = 8;

/** Accumulates a waybill file row by row (a RecordSink), then computes the figures. */
export class WaybillObserver implements RecordSink {
  private readonly reader: WaybillReader;
  private readonly options: WaybillObserveOptions;
  private rows = 0;
  private duplicates = 0;
  private readonly waybillIds = new Set<number | string>();
  private readonly orders = new IdIndex(false);
  private readonly orderWaybills = new Column();
  private readonly orderFlags = new Column();
  private readonly couriers = new IdIndex(false);
  private readonly dayRows = new Map<number, number>();
  private notGrabbed = 0;
  private readonly notGrabbedShare = new ClusteredRatio();
  private grabbedNotDelivered = 0;
  private deliveredTwice = 0;

  // One entry per delivered order.
  private readonly dCourier = new Column();
  private readonly dDay = new Column();
  private readonly dGrab = new Column();
  private readonly dArrive = new Column();

  // Order timings (non-prebooked orders).
  private readonly clickToDoor = new Column();
  private readonly ctd = new ClusteredRatio();
  private readonly promised = new Column();
  private readonly promisedMean = new ClusteredRatio();
  private readonly bandPromised = DISTANCE_BANDS_KM.map(() => new Column()).concat([new Column()]);
  private readonly onTime = new ClusteredRatio();
  private readonly over8 = new ClusteredRatio();
  private readonly acceptToPickup = new Column();
  private readonly atp = new ClusteredRatio();
  private readonly pickupToDoor = new Column();
  private readonly ptd = new ClusteredRatio();

  constructor(file: string, options: Partial<WaybillObserveOptions> = {}) {
    this.reader = new WaybillReader(file, OBSERVE_COLUMNS);
    this.options = { ...DEFAULT_OBSERVE_OPTIONS, ...options };
  }

  header(cells: readonly string[], line: number): void {
    this.reader.header(cells, line);
  }

  row(cells: readonly string[], line: number): void {
    const r = this.reader.read(cells, line);
    this.rows++;
    const wkey = idKey(r.waybillId);
    if (this.waybillIds.has(wkey)) {
      this.duplicates++;
      return;
    }
    this.waybillIds.add(wkey);
    this.dayRows.set(r.day, (this.dayRows.get(r.day) ?? 0) + 1);

    const o = this.orders.of(r.orderId);
    if (o === this.orderWaybills.length) {
      this.orderWaybills.push(0);
      this.orderFlags.push(0);
    }
    this.orderWaybills.data[o] = (this.orderWaybills.data[o] as number) + 1;
    let flags = this.orderFlags.data[o] as number;
    if (r.prebook) flags |= ORDER_PREBOOK;
    const trip = hasTrip(r);
    if (trip) flags |= ORDER_POSITIONS;
    if (!r.grabbed) this.notGrabbed++;
    this.notGrabbedShare.add(-1, r.grabbed ? 0 : 1);

    const timed = !r.prebook;
    if (timed && !(flags & ORDER_PROMISE) && r.promiseTime > 0) {
      flags |= ORDER_PROMISE;
      const minutes = (r.promiseTime - r.orderTime) / 60;
      this.promised.push(minutes);
      this.promisedMean.add(-1, minutes);
      if (trip) {
        const km = distanceKm(r.senderLat, r.senderLng, r.recipientLat, r.recipientLng);
        let band = 0;
        while (band < DISTANCE_BANDS_KM.length && km >= (DISTANCE_BANDS_KM[band] as number)) band++;
        (this.bandPromised[band] as Column).push(minutes);
      }
    }

    if (isDelivered(r)) {
      if (flags & ORDER_DELIVERED) this.deliveredTwice++;
      else {
        flags |= ORDER_DELIVERED;
        const c = this.couriers.of(r.courierId);
        this.dCourier.push(c);
        this.dDay.push(r.day);
        this.dGrab.push(r.grabTime);
        this.dArrive.push(r.arriveTime);
        if (timed) {
          const ctd = (r.arriveTime - r.orderTime) / 60;
          this.clickToDoor.push(ctd);
          this.ctd.add(c, ctd);
          if (r.promiseTime > 0) {
            this.onTime.add(c, r.arriveTime <= r.promiseTime ? 1 : 0);
            this.over8.add(c, r.arriveTime - r.promiseTime > 480 ? 1 : 0);
          }
          if (r.fetchTime > 0) {
            const atp = (r.fetchTime - r.grabTime) / 60;
            const ptd = (r.arriveTime - r.fetchTime) / 60;
            this.acceptToPickup.push(atp);
            this.atp.add(c, atp);
            this.pickupToDoor.push(ptd);
            this.ptd.add(c, ptd);
          }
        }
      }
    } else if (r.grabbed) this.grabbedNotDelivered++;
    this.orderFlags.data[o] = flags;
  }

  /** The figures; `waves` adds the wave file's orders per wave (the target then uses it). */
  finish(waves?: WaveObservation): WaybillObservation {
    const opt = this.options;
    const figures: Figure[] = [];
    const add = (f: Figure) => figures.push(f);
    const sorted = (c: Column) => Float64Array.from(c.values()).sort();

    // Orders.
    const ctdSorted = sorted(this.clickToDoor);
    const ctdNote =
      'Minutes from platform_order_time to arrive_time of delivered orders (first delivered waybill of each order; pre-booked orders left out).';
    add(
      figure(
        fig(
          'click-to-door-mean',
          'Click-to-door, mean',
          '下单到送达，平均',
          'min',
          ctdNote,
          'service.clickToDoorMin.mean',
        ),
        this.ctd.interval(),
      ),
    );
    for (const [q, p] of [
      [0.1, 'p10'],
      [0.5, 'p50'],
      [0.9, 'p90'],
    ] as const) {
      add(
        figure(
          fig(
            `click-to-door-${p}`,
            `Click-to-door, ${p}`,
            `下单到送达，${p}`,
            'min',
            `${ctdNote} Quantile interval from order statistics.`,
            `service.clickToDoorMin.${p}`,
          ),
          quantileInterval(ctdSorted, q),
        ),
      );
    }
    const promisedNote =
      'Minutes from platform_order_time to estimate_arrived_time (the promise shown to the customer), one per order with a promise; pre-booked orders left out.';
    add(
      figure(
        fig(
          'promised-mean',
          'Promised minutes, mean',
          '承诺时长，平均',
          'min',
          promisedNote,
          'service.promisedMin.mean',
        ),
        this.promisedMean.interval(),
      ),
    );
    const promisedSorted = sorted(this.promised);
    for (const [q, p] of [
      [0.1, 'p10'],
      [0.5, 'p50'],
      [0.9, 'p90'],
    ] as const) {
      add(
        figure(
          fig(
            `promised-${p}`,
            `Promised minutes, ${p}`,
            `承诺时长，${p}`,
            'min',
            `${promisedNote} Quantile interval from order statistics.`,
            `service.promisedMin.${p}`,
          ),
          quantileInterval(promisedSorted, q),
        ),
      );
    }
    this.bandPromised.forEach((col, b) => {
      const lo = b === 0 ? 0 : (DISTANCE_BANDS_KM[b - 1] as number);
      const hi = DISTANCE_BANDS_KM[b];
      const band = hi === undefined ? `${lo}+ km` : `${lo}–${hi} km`;
      const id = hi === undefined ? `${lo}plus-km` : `${lo}-${hi}-km`;
      const m = new ClusteredRatio();
      for (const v of col.values()) m.add(-1, v);
      const note = `Promised minutes of orders whose great-circle distance from sender to recipient is ${band}.`;
      add(
        figure(
          fig(`promised-${id}-mean`, `Promised minutes, ${band}, mean`, `承诺时长，${band}，平均`, 'min', note),
          m.interval(),
        ),
      );
      add(
        figure(
          fig(`promised-${id}-p50`, `Promised minutes, ${band}, p50`, `承诺时长，${band}，中位数`, 'min', note),
          quantileInterval(sorted(col), 0.5),
        ),
      );
    });
    add(
      figure(
        fig(
          'on-time',
          'On-time rate',
          '准时率',
          'share',
          'Share of delivered orders with a promise delivered at or before estimate_arrived_time; interval clustered by courier. The model counts an order late after its promise plus any grace the arm grants, so this matches an arm without grace.',
          'service.onTimeRate',
        ),
        this.onTime.interval(),
      ),
    );
    add(
      figure(
        fig(
          'late-over-8',
          'Late by more than 8 min',
          '超时 8 分钟以上',
          'share',
          'Share of delivered orders with a promise delivered more than 8 minutes after estimate_arrived_time; interval clustered by courier.',
          'service.lateOver8MinRate',
        ),
        this.over8.interval(),
      ),
    );
    const atpSorted = sorted(this.acceptToPickup);
    const ptdSorted = sorted(this.pickupToDoor);
    add(
      figure(
        fig(
          'accept-to-pickup-mean',
          'Accept to pickup, mean',
          '接单到取餐，平均',
          'min',
          'Minutes from grab_time to fetch_time of delivered orders; interval clustered by courier.',
        ),
        this.atp.interval(),
      ),
    );
    add(
      figure(
        fig(
          'accept-to-pickup-p50',
          'Accept to pickup, p50',
          '接单到取餐，中位数',
          'min',
          'Minutes from grab_time to fetch_time of delivered orders.',
        ),
        quantileInterval(atpSorted, 0.5),
      ),
    );
    add(
      figure(
        fig(
          'pickup-to-door-mean',
          'Pickup to door, mean',
          '取餐到送达，平均',
          'min',
          'Minutes from fetch_time to arrive_time of delivered orders; interval clustered by courier.',
        ),
        this.ptd.interval(),
      ),
    );
    add(
      figure(
        fig(
          'pickup-to-door-p50',
          'Pickup to door, p50',
          '取餐到送达，中位数',
          'min',
          'Minutes from fetch_time to arrive_time of delivered orders.',
        ),
        quantileInterval(ptdSorted, 0.5),
      ),
    );

    // Refusals: waybills per order.
    const perOrder = new ClusteredRatio();
    for (const w of this.orderWaybills.values()) perOrder.add(-1, w);
    add(
      figure(
        fig(
          'waybills-per-order',
          'Waybills per order (refusals)',
          '每单运单数（拒单）',
          'count',
          'Waybill rows per order: 1 when the first courier offered took it, more when couriers refused.',
        ),
        perOrder.interval(),
      ),
    );
    add(
      figure(
        fig(
          'not-grabbed-share',
          'Waybills not grabbed',
          '未被接单的运单占比',
          'share',
          'Share of waybill rows with is_courier_grabbed = 0.',
        ),
        this.notGrabbedShare.interval(),
      ),
    );

    // Courier sequences: bag at acceptance, waves, courier-days.
    const n = this.dCourier.length;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const cour = this.dCourier.data;
    const grab = this.dGrab.data;
    const arrive = this.dArrive.data;
    const day = this.dDay.data;
    order.sort(
      (a, b) => (cour[a] as number) - (cour[b] as number) || (grab[a] as number) - (grab[b] as number) || a - b,
    );

    const peak = new Set(opt.peakHours);
    const bagPeak = new ClusteredRatio();
    const bagPeakValues = new Column();
    const bagByHour = Array.from({ length: 24 }, () => new ClusteredRatio());
    const perWave = new ClusteredRatio();
    const cdKey = new Map<number, number>();
    const cdCourier = new Column();
    const cdFirst = new Column();
    const cdLast = new Column();
    const cdOrders = new Column();
    const active: number[] = [];
    let i = 0;
    while (i < n) {
      const c = cour[order[i] as number] as number;
      active.length = 0;
      let accepted = 0;
      let waves = 0;
      for (; i < n && cour[order[i] as number] === c; i++) {
        const k = order[i] as number;
        const g = grab[k] as number;
        const a = arrive[k] as number;
        // Delivered at or before this accept: out of the bag.
        for (let j = active.length - 1; j >= 0; j--) if ((active[j] as number) <= g) active.splice(j, 1);
        const bag = active.length + 1;
        active.push(a);
        accepted++;
        if (bag === 1) waves++;
        const hour = localHour(g, opt.offsetMin);
        (bagByHour[hour] as ClusteredRatio).add(c, bag);
        if (peak.has(hour)) {
          bagPeak.add(c, bag);
          bagPeakValues.push(bag);
        }
        const key = c * 65536 + ((day[k] as number) & 0xffff);
        let cd = cdKey.get(key);
        if (cd === undefined) {
          cd = cdCourier.push(c);
          cdKey.set(key, cd);
          cdFirst.push(g);
          cdLast.push(a);
          cdOrders.push(0);
        }
        cdFirst.data[cd] = Math.min(cdFirst.data[cd] as number, g);
        cdLast.data[cd] = Math.max(cdLast.data[cd] as number, a);
        cdOrders.data[cd] = (cdOrders.data[cd] as number) + 1;
      }
      perWave.add(c, accepted, waves);
    }

    const bagNote = `Orders in the courier's bag when accepting an order in the peak hours (${opt.peakHours.join(', ')} h local time), the new one included: grabbed, not yet delivered waybills.`;
    add(
      figure(
        fig(
          'bag-at-peak-mean',
          'Bag at acceptance, peak hours, mean',
          '高峰时段接单时在手单量，平均',
          'orders',
          `${bagNote} Interval clustered by courier.`,
          'service.bagAtPeak.mean',
        ),
        bagPeak.interval(),
      ),
    );
    const bagSorted = sorted(bagPeakValues);
    add(
      figure(
        fig(
          'bag-at-peak-p50',
          'Bag at acceptance, peak hours, p50',
          '高峰时段接单时在手单量，中位数',
          'orders',
          bagNote,
          'service.bagAtPeak.p50',
        ),
        quantileInterval(bagSorted, 0.5),
      ),
    );
    add(
      figure(
        fig(
          'bag-at-peak-p90',
          'Bag at acceptance, peak hours, p90',
          '高峰时段接单时在手单量，p90',
          'orders',
          bagNote,
          'service.bagAtPeak.p90',
        ),
        quantileInterval(bagSorted, 0.9),
      ),
    );
    bagByHour.forEach((b, h) => {
      if (b.count === 0) return;
      const hh = String(h).padStart(2, '0');
      add(
        figure(
          fig(
            `bag-hour-${hh}-mean`,
            `Bag at acceptance, ${hh}:00–${hh}:59, mean`,
            `${hh} 时接单时在手单量，平均`,
            'orders',
            `Orders in the bag at acceptance in local hour ${hh}; interval clustered by courier.`,
          ),
          b.interval(),
        ),
      );
    });
    const derivedWave = fig(
      waves ? 'orders-per-wave-derived' : 'orders-per-wave',
      waves ? 'Orders per wave (from waybills)' : 'Orders per wave',
      waves ? '每波次订单数（由运单推算）' : '每波次订单数',
      'orders',
      'Accepted orders ÷ waves, a wave starting when a courier with an empty bag accepts an order (waybills alone); interval clustered by courier.',
      waves ? undefined : 'service.ordersPerWave',
    );
    add(figure(derivedWave, perWave.interval()));
    if (waves) {
      for (const f of waves.figures) add(f);
    }

    // Courier-days.
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
    const cdNote = 'Over courier-days (a courier on one dt with a delivered order); interval clustered by courier.';
    const onlineNote = `Online hours of a courier-day: from ${ONLINE_MARGIN_MIN} min before the first grab_time to ${ONLINE_MARGIN_MIN} min after the last arrive_time of the day (the data have no log-in times; fairpace import waybills puts couriers online the same way).`;
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

    let prebooked = 0;
    let withoutPromise = 0;
    let withoutPositions = 0;
    let delivered = 0;
    for (const f of this.orderFlags.values()) {
      if (f & ORDER_PREBOOK) prebooked++;
      else if (!(f & ORDER_PROMISE)) withoutPromise++;
      if (!(f & ORDER_POSITIONS)) withoutPositions++;
      if (f & ORDER_DELIVERED) delivered++;
    }
    return {
      counts: {
        rows: this.rows,
        duplicateRows: this.duplicates,
        waybills: this.waybillIds.size,
        orders: this.orders.size,
        deliveredOrders: delivered,
        ordersDeliveredTwice: this.deliveredTwice,
        notGrabbed: this.notGrabbed,
        grabbedNotDelivered: this.grabbedNotDelivered,
        prebookedOrders: prebooked,
        ordersWithoutPromise: withoutPromise,
        ordersWithoutPositions: withoutPositions,
        couriers: this.couriers.size,
        courierDays: nCd,
        days: [...this.dayRows].sort((a, b) => a[0] - b[0]).map(([d, rows]) => ({ day: ymd(d), rows })),
      },
      figures,
      ignoredColumns: this.reader.ignored,
    };
  }
}

/** A figure's fixed parts. */
function fig(
  id: string,
  label: string,
  labelZh: string,
  unit: string,
  note: string,
  metric?: string,
): Omit<Figure, 'value' | 'lo' | 'hi' | 'n'> {
  return { id, label, labelZh, unit, note, ...(metric !== undefined ? { metric } : {}) };
}

/** The counts in one sentence (the targets file's description and the command's summary). */
export function countsSentence(c: WaybillCounts): string {
  const days =
    c.days.length === 0
      ? 'no day'
      : `${c.days.length} day${c.days.length === 1 ? '' : 's'} (${c.days[0]?.day}–${c.days[c.days.length - 1]?.day})`;
  return (
    `${c.rows} rows over ${days}: ${c.waybills} waybills of ${c.orders} orders, ${c.deliveredOrders} delivered by ${c.couriers} couriers on ${c.courierDays} courier-days; ` +
    `${c.duplicateRows} duplicate rows skipped, ${c.prebookedOrders} pre-booked orders left out of the order timings, ` +
    `${c.ordersWithoutPromise} orders without a promise, ${c.ordersWithoutPositions} without both positions, ` +
    `${c.notGrabbed} waybills not grabbed, ${c.grabbedNotDelivered} grabbed but not delivered, ${c.ordersDeliveredTwice} orders delivered on a second waybill too.`
  );
}

/** The observation as a targets file of `arm`. */
export function waybillTargets(
  obs: WaybillObservation,
  options: { arm: string; fileName: string; sha256: string; year?: number },
): ReturnType<typeof figuresToTargets> {
  const firstDay = obs.counts.days[0]?.day;
  const year = options.year ?? (firstDay ? Number(firstDay.slice(0, 4)) : 2022);
  const source: ObservedSource = {
    title: `Platform waybill file ${options.fileName} (layout of the INFORMS TSL-Meituan 2024 challenge data), observed with fairpace observe waybills`,
    year,
    sha256: options.sha256,
  };
  const others = obs.figures
    .filter((f) => f.metric === undefined && Number.isFinite(f.value))
    .map((f) => `${f.label} ${f.value} ${f.unit} [${f.lo}, ${f.hi}]`)
    .join('; ');
  const description =
    `Observed figures of the waybill file ${options.fileName} (SHA-256 ${options.sha256}), held against the arm "${options.arm}". ` +
    `Each range is the sample's 95% interval, so a model value inside it reproduces that city. ${countsSentence(obs.counts)} ` +
    `Also observed, with no model metric to hold them against: ${others}.`;
  const strength: Target['strength'] = 'high';
  return figuresToTargets(obs.figures, {
    name: `Observed: ${options.fileName}`,
    description,
    arm: options.arm,
    source,
    strength,
  });
}
