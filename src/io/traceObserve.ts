/**
 * `fairpace observe trace`: the figures `fairpace observe waybills` computes from a platform's waybill file, computed
 * from the model's own order trace (`fairpace run --orders`, src/io/orderTrace.ts), so that a model run is read with
 * the yardstick of real data. The definitions are those of observe waybills (src/io/orderTimings.ts,
 * courierSequence.ts and courierDays.ts), on the trace's clock: times are seconds from the midnight of day 0, so the
 * hour of a time is its hour of the day.
 *
 * - every row is one order; an order without arrive_time was not delivered (it never had a courier, or the run ended
 *   with it still in a bag);
 * - click-to-door, on time and late over 8 min, accept → pickup and pickup → door are over delivered orders; the
 *   promised minutes are over every order with a promise, banded by the straight-line distance from the restaurant
 *   to the customer (the model's plane, km);
 * - the bag at an acceptance is the courier's accepted, not yet delivered orders, the new one included (orders of
 *   one offer, accepted at the same second, count one after another in order_id order); 1 starts a wave;
 * - a courier-day is a courier on one `day` of the trace; its online hours are reckoned from the first acceptance
 *   and the last delivery as for the waybills, because the trace holds no log-in times.
 */
import type { Target } from '../analysis/calibrate/targets.ts';
import { ClusteredRatio, fig, figure, figuresToTargets, type Figure, type ObservedSource } from './observed.ts';
import { ONLINE_MARGIN_MIN } from './courierDays.ts';
import { courierSequenceFigures, type SequenceNotes, type SequenceOptions } from './courierSequence.ts';
import { OrderTimings, type OrderTimingNotes } from './orderTimings.ts';
import { ORDER_TRACE_COLUMNS } from './orderTrace.ts';
import { Column, type HeaderMap, IdIndex, idKey, readHeader, type RecordSink, rowCells, shown } from './records.ts';
import { DEFAULT_OBSERVE_OPTIONS } from './waybillObserve.ts';

/** The columns the figures need. */
export const TRACE_OBSERVE_COLUMNS = [
  'order_id',
  'courier_id',
  'platform_order_time',
  'grab_time',
  'fetch_time',
  'arrive_time',
  'estimate_arrived_time',
  'day',
  'restaurant_x_km',
  'restaurant_y_km',
  'customer_x_km',
  'customer_y_km',
] as const;

/** Options of an observation of a trace: the peak hours and the courier-day limits (the model's defaults). */
export type TraceObserveOptions = Omit<SequenceOptions, 'offsetMin'>;

/** The model's defaults, as for the waybills. */
export const DEFAULT_TRACE_OPTIONS: TraceObserveOptions = {
  peakHours: DEFAULT_OBSERVE_OPTIONS.peakHours,
  standardDailyHours: DEFAULT_OBSERVE_OPTIONS.standardDailyHours,
  legalDailyHours: DEFAULT_OBSERVE_OPTIONS.legalDailyHours,
  fullTimeMinHours: DEFAULT_OBSERVE_OPTIONS.fullTimeMinHours,
};

/** Counts of what was read. */
export interface TraceCounts {
  /** Orders (one per row). */
  orders: number;
  deliveredOrders: number;
  undeliveredOrders: number;
  /** Undelivered orders that a courier had accepted (still in a bag when the run ended). */
  acceptedNotDelivered: number;
  /** Orders without estimate_arrived_time. */
  ordersWithoutPromise: number;
  /** Couriers with an accepted order. */
  couriers: number;
  courierDays: number;
  /** The trace's days with their orders, in order. */
  days: { day: number; orders: number }[];
  /** The values of the arm and seed columns (empty when the column is absent), in order of appearance. */
  arms: string[];
  seeds: string[];
}

/** What an observation of a trace gives. */
export interface TraceObservation {
  counts: TraceCounts;
  figures: Figure[];
  /** Columns of the header that are not trace columns. */
  ignoredColumns: string[];
}

const ID = /^[^\s,]{1,40}$/;
/** A plain decimal number, as the trace writes it (String of a finite number). */
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
/** At most this many distinct arm or seed values are kept for the summary. */
const MAX_LABELS = 20;

const TIMING_NOTES: OrderTimingNotes = {
  clickToDoor: 'Minutes from platform_order_time to arrive_time of delivered orders.',
  promised:
    'Minutes from platform_order_time to estimate_arrived_time (the promise shown to the customer), one per order with a promise, delivered or not.',
  band: (band) =>
    `Promised minutes of orders whose straight-line distance from restaurant to customer (the model's plane) is ${band}.`,
};

const SEQUENCE_NOTES: SequenceNotes = {
  bag: (hours) =>
    `Orders in the courier's bag when accepting an order in the peak hours (${hours} h of the day), the new one included: accepted, not yet delivered orders (orders accepted at the same second count one after another, in order_id order).`,
  wave: 'Accepted orders ÷ waves, a wave starting when a courier with an empty bag accepts an order; interval clustered by courier.',
  courierDay:
    'Over courier-days (a courier on one day of the trace with a delivered order); interval clustered by courier.',
  online: `Online hours of a courier-day as observe waybills reckons them: from ${ONLINE_MARGIN_MIN} min before the first grab_time to ${ONLINE_MARGIN_MIN} min after the last arrive_time of the day (the trace holds no log-in times, so this is not the model's own online time).`,
};

/** Accumulates an order trace row by row (a RecordSink), then computes the figures. */
export class TraceObserver implements RecordSink {
  private map: HeaderMap | undefined;
  private readonly options: SequenceOptions;
  /** order_id → the line it was first read on. */
  private readonly orderLines = new Map<number | string, number>();
  private readonly couriers = new IdIndex(false);
  private readonly dayOrders = new Map<number, number>();
  private readonly arms = new Set<string>();
  private readonly seeds = new Set<string>();
  private delivered = 0;
  private acceptedNotDelivered = 0;
  private withoutPromise = 0;
  private readonly deliveredShare = new ClusteredRatio();
  private readonly timings = new OrderTimings();

  // One entry per accepted order (arrive +Infinity when not delivered).
  private readonly aCourier = new Column();
  private readonly aDay = new Column();
  private readonly aGrab = new Column();
  private readonly aArrive = new Column();

  constructor(
    readonly file: string,
    options: Partial<TraceObserveOptions> = {},
  ) {
    this.options = { ...DEFAULT_TRACE_OPTIONS, ...options, offsetMin: 0 };
  }

  header(cells: readonly string[], line: number): void {
    this.map = readHeader(
      this.file,
      line,
      cells,
      TRACE_OBSERVE_COLUMNS,
      ORDER_TRACE_COLUMNS,
      'an order trace of fairpace run --orders',
    );
  }

  row(cells: readonly string[], line: number): void {
    const { has: hasColumn, get, fail } = rowCells(this.file, line, cells, this.map);
    /** A time in seconds from the midnight of day 0; NaN when empty and `optional`. */
    const time = (c: string, optional: boolean): number => {
      const text = get(c);
      if (text === '') return optional ? Number.NaN : fail(`${c} is empty: every order has one`);
      const v = Number(text);
      if (!NUMBER.test(text) || !Number.isFinite(v) || v < 0) {
        return fail(`${c} ${shown(text)} is not a time (seconds from the midnight of day 0, not negative)`);
      }
      return v;
    };
    const km = (c: string): number => {
      const text = get(c);
      const v = Number(text);
      if (!NUMBER.test(text) || !Number.isFinite(v)) return fail(`${c} ${shown(text)} is not a number of km`);
      return v;
    };

    const orderId = get('order_id');
    if (!ID.test(orderId)) fail(`order_id ${shown(orderId)} is not an id (1–40 characters, no spaces)`);
    const key = idKey(orderId);
    const first = this.orderLines.get(key);
    if (first !== undefined) {
      fail(`order_id ${orderId} was already read on line ${first}: a trace holds one run, each order once`);
    }
    this.orderLines.set(key, line);
    const dayText = get('day');
    if (!/^\d{1,5}$/.test(dayText) || Number(dayText) > 65535) {
      fail(`day ${shown(dayText)} is not a day number (0, 1, 2 …)`);
    }
    const day = Number(dayText);
    const courier = get('courier_id');
    if (courier !== '' && !ID.test(courier)) {
      fail(`courier_id ${shown(courier)} is not an id (1–40 characters, no spaces)`);
    }
    const orderSec = time('platform_order_time', false);
    const promiseSec = time('estimate_arrived_time', true);
    const grabSec = time('grab_time', true);
    const fetchSec = time('fetch_time', true);
    const arriveSec = time('arrive_time', true);
    const rx = km('restaurant_x_km');
    const ry = km('restaurant_y_km');
    const cx = km('customer_x_km');
    const cy = km('customer_y_km');
    const has = (v: number) => !Number.isNaN(v);
    if (courier === '') {
      for (const [c, v] of [
        ['grab_time', grabSec],
        ['fetch_time', fetchSec],
        ['arrive_time', arriveSec],
      ] as const) {
        if (has(v)) fail(`${c} ${v} without a courier_id: only an accepted order has one`);
      }
    } else {
      if (!has(grabSec)) fail(`courier_id ${courier} without grab_time: when did the courier accept it?`);
      if (grabSec < orderSec) {
        fail(`grab_time ${grabSec} is before platform_order_time ${orderSec}: accepted before it was ordered`);
      }
      if (has(fetchSec) && fetchSec < grabSec) {
        fail(`fetch_time ${fetchSec} is before grab_time ${grabSec}: picked up before it was accepted`);
      }
      if (has(arriveSec) && !has(fetchSec)) fail(`arrive_time ${arriveSec} without fetch_time: delivered unpicked`);
      if (has(arriveSec) && arriveSec < fetchSec) {
        fail(`arrive_time ${arriveSec} is before fetch_time ${fetchSec}: delivered before it was picked up`);
      }
    }

    this.dayOrders.set(day, (this.dayOrders.get(day) ?? 0) + 1);
    if (this.arms.size < MAX_LABELS && hasColumn('arm')) this.arms.add(get('arm'));
    if (this.seeds.size < MAX_LABELS && hasColumn('seed')) this.seeds.add(get('seed'));
    if (has(promiseSec)) {
      const dx = cx - rx;
      const dy = cy - ry;
      this.timings.promise((promiseSec - orderSec) / 60, Math.sqrt(dx * dx + dy * dy));
    } else this.withoutPromise++;
    const delivered = has(arriveSec);
    this.deliveredShare.add(-1, delivered ? 1 : 0);
    if (courier === '') return;
    const c = this.couriers.of(courier);
    this.aCourier.push(c);
    this.aDay.push(day);
    this.aGrab.push(grabSec);
    this.aArrive.push(delivered ? arriveSec : Number.POSITIVE_INFINITY);
    if (!delivered) {
      this.acceptedNotDelivered++;
      return;
    }
    this.delivered++;
    this.timings.delivered(c, { orderSec, arriveSec, promiseSec, grabSec, fetchSec });
  }

  /** The figures: those of observe waybills that a trace has (no refusals), and the delivered share. */
  finish(): TraceObservation {
    const figures = this.timings.figures(TIMING_NOTES, [0.1, 0.5, 0.9]);
    figures.push(
      figure(
        fig(
          'delivered-share',
          'Delivered share',
          '送达订单占比',
          'share',
          "Share of the trace's orders with an arrive_time (the others had no courier, or were still in a bag when the run ended); orders counted as independent.",
        ),
        this.deliveredShare.interval(),
      ),
    );
    const sequences = courierSequenceFigures(
      {
        courier: this.aCourier.data,
        day: this.aDay.data,
        grab: this.aGrab.data,
        arrive: this.aArrive.data,
        length: this.aCourier.length,
      },
      this.options,
      SEQUENCE_NOTES,
    );
    figures.push(...sequences.figures);
    const orders = this.orderLines.size;
    return {
      counts: {
        orders,
        deliveredOrders: this.delivered,
        undeliveredOrders: orders - this.delivered,
        acceptedNotDelivered: this.acceptedNotDelivered,
        ordersWithoutPromise: this.withoutPromise,
        couriers: this.couriers.size,
        courierDays: sequences.courierDays,
        days: [...this.dayOrders].sort((a, b) => a[0] - b[0]).map(([day, n]) => ({ day, orders: n })),
        arms: [...this.arms],
        seeds: [...this.seeds],
      },
      figures,
      ignoredColumns: this.map?.ignored ?? [],
    };
  }
}

/** The counts in one sentence (the targets file's description and the command's summary). */
export function traceCountsSentence(c: TraceCounts): string {
  const first = c.days[0]?.day;
  const last = c.days[c.days.length - 1]?.day;
  const days =
    c.days.length === 0
      ? 'no day'
      : `${c.days.length} day${c.days.length === 1 ? '' : 's'} (day ${first === last ? first : `${first}–${last}`})`;
  const run = [
    c.arms.length > 0 ? `arm ${c.arms.join(', ')}` : '',
    c.seeds.length > 0 ? `seed ${c.seeds.join(', ')}` : '',
  ]
    .filter((s) => s !== '')
    .join(', ');
  return (
    `${c.orders} orders over ${days}${run === '' ? '' : ` of ${run}`}: ${c.deliveredOrders} delivered by ${c.couriers} couriers on ${c.courierDays} courier-days; ` +
    `${c.undeliveredOrders} not delivered (${c.acceptedNotDelivered} of them accepted, still in a bag at the end), ` +
    `${c.ordersWithoutPromise} orders without a promise.`
  );
}

/** The observation as a targets file of `arm`. */
export function traceTargets(
  obs: TraceObservation,
  options: { arm: string; fileName: string; sha256: string; year: number },
): ReturnType<typeof figuresToTargets> {
  const source: ObservedSource = {
    title: `Model order trace ${options.fileName} (fairpace run --orders), observed with fairpace observe trace`,
    year: options.year,
    sha256: options.sha256,
  };
  const others = obs.figures
    .filter((f) => f.metric === undefined && Number.isFinite(f.value))
    .map((f) => `${f.label} ${f.value} ${f.unit} [${f.lo}, ${f.hi}]`)
    .join('; ');
  const description =
    `Figures of the model's order trace ${options.fileName} (SHA-256 ${options.sha256}), computed as observe waybills computes them from a platform's waybill file, held against the arm "${options.arm}". ` +
    `Each range is the sample's 95% interval within that one run. ${traceCountsSentence(obs.counts)} ` +
    `Also observed, with no model metric to hold them against: ${others}.`;
  const strength: Target['strength'] = 'high';
  return figuresToTargets(obs.figures, {
    name: `Observed trace: ${options.fileName}`,
    description,
    arm: options.arm,
    source,
    strength,
  });
}
