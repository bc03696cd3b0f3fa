/**
 * The figures that `fairpace observe waybills` (a platform's waybill file) and `fairpace observe trace` (the model's
 * own order trace) both compute, with one definition each, so the model is read with the yardstick of real data:
 * - OrderTimings: click-to-door, promised minutes (overall and by distance band), the on-time and late-over-8-min
 *   rates, accept → pickup and pickup → door, fed one order at a time;
 * - courierSequenceFigures: the bag at acceptance, orders per wave and the courier-day figures, from every accepted
 *   order's courier, day, acceptance and delivery.
 * The callers give the notes that name their own columns and definitions.
 */
import { localHour } from './geoTime.ts';
import { ClusteredRatio, figure, quantileInterval, type Figure } from './observed.ts';
import { Column } from './records.ts';
import type { WaveObservation } from './waves.ts';

/** Minutes a courier counts as online before the first accept and after the last delivery of a day. */
export const ONLINE_MARGIN_MIN = 10;
/** Distance bands of promised minutes, km: [0, 1), [1, 2), … [5, ∞). */
export const DISTANCE_BANDS_KM = [1, 2, 3, 4, 5] as const;

/** Options of the courier-sequence figures. */
export interface SequenceOptions {
  /** Local hours counted as peak for the bag size (the scenario default `rules.pay.peakHours`). */
  peakHours: readonly number[];
  /** Online hours above which a courier-day is over the standard day, and over the legal limit. */
  standardDailyHours: number;
  legalDailyHours: number;
  /** Online hours from which a courier-day counts as full-time. */
  fullTimeMinHours: number;
  /** Minutes to add to a time to have its local time of day (480 for Unix seconds in China, 0 for the model's). */
  offsetMin: number;
}

/** A figure's fixed parts. */
export function fig(
  id: string,
  label: string,
  labelZh: string,
  unit: string,
  note: string,
  metric?: string,
): Omit<Figure, 'value' | 'lo' | 'hi' | 'n'> {
  return { id, label, labelZh, unit, note, ...(metric !== undefined ? { metric } : {}) };
}

/** Values sorted ascending, for the quantiles. */
function sorted(c: Column): Float64Array {
  return Float64Array.from(c.values()).sort();
}

/** The notes of the order timings that depend on the data. */
export interface OrderTimingNotes {
  /** What click-to-door is computed from. */
  clickToDoor: string;
  /** What the promised minutes are computed from. */
  promised: string;
  /** The note of a distance band, e.g. "2–3 km". */
  band(band: string): string;
}

/** One order's delivery, times in seconds on one clock. */
export interface DeliveredTimes {
  orderSec: number;
  arriveSec: number;
  /** The promise; NaN when the order has none. */
  promiseSec: number;
  grabSec: number;
  /** The pickup; NaN when it is not known. */
  fetchSec: number;
}

/** The order timings: fed order by order, then turned into figures. */
export class OrderTimings {
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

  /** An order's promised minutes (once per order), and its band when its distance `km` is known. */
  promise(minutes: number, km?: number): void {
    this.promised.push(minutes);
    this.promisedMean.add(-1, minutes);
    if (km !== undefined) {
      let band = 0;
      while (band < DISTANCE_BANDS_KM.length && km >= (DISTANCE_BANDS_KM[band] as number)) band++;
      (this.bandPromised[band] as Column).push(minutes);
    }
  }

  /** A delivered order of courier `c` (the cluster of its intervals). */
  delivered(c: number, t: DeliveredTimes): void {
    const ctd = (t.arriveSec - t.orderSec) / 60;
    this.clickToDoor.push(ctd);
    this.ctd.add(c, ctd);
    if (!Number.isNaN(t.promiseSec)) {
      this.onTime.add(c, t.arriveSec <= t.promiseSec ? 1 : 0);
      this.over8.add(c, t.arriveSec - t.promiseSec > 480 ? 1 : 0);
    }
    if (!Number.isNaN(t.fetchSec)) {
      const atp = (t.fetchSec - t.grabSec) / 60;
      const ptd = (t.arriveSec - t.fetchSec) / 60;
      this.acceptToPickup.push(atp);
      this.atp.add(c, atp);
      this.pickupToDoor.push(ptd);
      this.ptd.add(c, ptd);
    }
  }

  /**
   * The figures, in the order observe waybills lists them: click-to-door, promised minutes, by band, on time, late
   * over 8 min, accept → pickup and pickup → door (their mean, then the quantiles `legQuantiles`).
   */
  figures(notes: OrderTimingNotes, legQuantiles: readonly number[] = [0.5]): Figure[] {
    const figures: Figure[] = [];
    const add = (f: Figure) => figures.push(f);
    const ctdSorted = sorted(this.clickToDoor);
    const ctdNote = notes.clickToDoor;
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
    const promisedNote = notes.promised;
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
      const note = notes.band(band);
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
    const legs = [
      {
        id: 'accept-to-pickup',
        label: 'Accept to pickup',
        labelZh: '接单到取餐',
        what: 'grab_time to fetch_time',
        values: this.acceptToPickup,
        mean: this.atp,
        metric: 'service.acceptToPickupMin.mean',
      },
      {
        id: 'pickup-to-door',
        label: 'Pickup to door',
        labelZh: '取餐到送达',
        what: 'fetch_time to arrive_time',
        values: this.pickupToDoor,
        mean: this.ptd,
        metric: 'service.pickupToDoorMin.mean',
      },
    ];
    for (const leg of legs) {
      add(
        figure(
          fig(
            `${leg.id}-mean`,
            `${leg.label}, mean`,
            `${leg.labelZh}，平均`,
            'min',
            `Minutes from ${leg.what} of delivered orders; interval clustered by courier.`,
            leg.metric,
          ),
          leg.mean.interval(),
        ),
      );
      const legSorted = sorted(leg.values);
      for (const q of legQuantiles) {
        const p = `p${Math.round(q * 100)}`;
        add(
          figure(
            fig(
              `${leg.id}-${p}`,
              `${leg.label}, ${p}`,
              `${leg.labelZh}，${q === 0.5 ? '中位数' : p}`,
              'min',
              `Minutes from ${leg.what} of delivered orders.`,
            ),
            quantileInterval(legSorted, q),
          ),
        );
      }
    }
    return figures;
  }
}

/**
 * Every accepted order of the data, as columns: row i is one order. `arrive` is +Infinity for an order accepted and
 * never delivered: it stays in its courier's bag and counts in no courier-day.
 */
export interface Acceptances {
  /** Courier numbers from 0 (the cluster of the intervals). */
  courier: ArrayLike<number>;
  /** The day of each order (a courier on one day is a courier-day); 0–65535. */
  day: ArrayLike<number>;
  /** Acceptance and delivery times, seconds. */
  grab: ArrayLike<number>;
  arrive: ArrayLike<number>;
  /** How many rows. */
  length: number;
}

/** The notes of the courier-sequence figures that depend on the data. */
export interface SequenceNotes {
  /** What the bag at the peak counts, given the peak hours as text ("11, 12, 17, 18"). */
  bag(peakHours: string): string;
  /** How orders per wave are counted. */
  wave: string;
  /** What a courier-day is, ending with how the intervals are clustered. */
  courierDay: string;
  /** How online hours are reckoned. */
  online: string;
}

/**
 * The bag at acceptance (at the peak and by hour), orders per wave and the courier-day figures. Each courier's
 * orders are taken in order of acceptance (ties in row order); the bag at an acceptance is the courier's accepted
 * orders not delivered by then (delivered at or before it: out), the new one included, and a bag of 1 starts a wave.
 * With `waves` (a wave file), its figures follow the derived orders per wave, which then has no metric.
 */
export function courierSequenceFigures(
  acc: Acceptances,
  opt: SequenceOptions,
  notes: SequenceNotes,
  waves?: WaveObservation,
): { figures: Figure[]; courierDays: number } {
  const figures: Figure[] = [];
  const add = (f: Figure) => figures.push(f);
  const n = acc.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const cour = acc.courier;
  const grab = acc.grab;
  const arrive = acc.arrive;
  const day = acc.day;
  order.sort((a, b) => (cour[a] as number) - (cour[b] as number) || (grab[a] as number) - (grab[b] as number) || a - b);

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
    let waveCount = 0;
    for (; i < n && cour[order[i] as number] === c; i++) {
      const k = order[i] as number;
      const g = grab[k] as number;
      const a = arrive[k] as number;
      // Delivered at or before this accept: out of the bag.
      for (let j = active.length - 1; j >= 0; j--) if ((active[j] as number) <= g) active.splice(j, 1);
      const bag = active.length + 1;
      active.push(a);
      accepted++;
      if (bag === 1) waveCount++;
      const hour = localHour(g, opt.offsetMin);
      (bagByHour[hour] as ClusteredRatio).add(c, bag);
      if (peak.has(hour)) {
        bagPeak.add(c, bag);
        bagPeakValues.push(bag);
      }
      if (a === Number.POSITIVE_INFINITY) continue;
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
    perWave.add(c, accepted, waveCount);
  }

  const bagNote = notes.bag(opt.peakHours.join(', '));
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
    notes.wave,
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
  return { figures, courierDays: nCd };
}
