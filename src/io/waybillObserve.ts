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
import { distanceKm, ymd } from './geoTime.ts';
import { ClusteredRatio, fig, figure, figuresToTargets, type Figure, type ObservedSource } from './observed.ts';
import { ONLINE_MARGIN_MIN } from './courierDays.ts';
import { courierSequenceFigures, type SequenceNotes, type SequenceOptions } from './courierSequence.ts';
import { OrderTimings, type OrderTimingNotes } from './orderTimings.ts';
import { droppedSentence, NO_IMPLAUSIBLE, PlausibilityCheck, type ImplausibleCounts } from './plausibility.ts';
import { Column, IdIndex, idKey, type RecordSink } from './records.ts';
import { CHINA_OFFSET_MIN, hasTrip, isDelivered, OBSERVE_COLUMNS, WaybillReader } from './waybillRow.ts';
import type { WaveObservation } from './waves.ts';

/** Options of an observation (those of the courier-sequence figures). */
export type WaybillObserveOptions = SequenceOptions;

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
  /** Rows left out as implausible (src/io/plausibility.ts), by kind; `rows` counts them too. */
  implausible: ImplausibleCounts;
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

/** The notes of the order timings, in the waybill file's terms. */
const WAYBILL_TIMING_NOTES: OrderTimingNotes = {
  clickToDoor:
    'Minutes from platform_order_time to arrive_time of delivered orders (first delivered waybill of each order; pre-booked orders left out).',
  promised:
    'Minutes from platform_order_time to estimate_arrived_time (the promise shown to the customer), one per order with a promise; pre-booked orders left out.',
  band: (band) => `Promised minutes of orders whose great-circle distance from sender to recipient is ${band}.`,
};

/** The notes of the bag, waves and courier-days, in the waybill file's terms. */
const WAYBILL_SEQUENCE_NOTES: SequenceNotes = {
  bag: (hours) =>
    `Orders in the courier's bag when accepting an order in the peak hours (${hours} h local time), the new one included: grabbed, not yet delivered waybills.`,
  wave: 'Accepted orders ÷ waves, a wave starting when a courier with an empty bag accepts an order (waybills alone); interval clustered by courier.',
  courierDay: 'Over courier-days (a courier on one dt with a delivered order); interval clustered by courier.',
  online: `Online hours of a courier-day: from ${ONLINE_MARGIN_MIN} min before the first grab_time to ${ONLINE_MARGIN_MIN} min after the last arrive_time of the day (the data have no log-in times; fairpace import waybills puts couriers online the same way).`,
};

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
  private readonly timings = new OrderTimings();

  /** @param plausibility where implausible rows go: refused at the first (the default), or left out and counted */
  constructor(
    file: string,
    options: Partial<WaybillObserveOptions> = {},
    plausibility: PlausibilityCheck = new PlausibilityCheck(),
  ) {
    this.options = { ...DEFAULT_OBSERVE_OPTIONS, ...options };
    this.reader = new WaybillReader(file, OBSERVE_COLUMNS, plausibility, this.options.offsetMin);
  }

  header(cells: readonly string[], line: number): void {
    this.reader.header(cells, line);
  }

  row(cells: readonly string[], line: number): void {
    const r = this.reader.read(cells, line);
    this.rows++;
    if (!r) return;
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
      this.timings.promise(
        minutes,
        trip ? distanceKm(r.senderLat, r.senderLng, r.recipientLat, r.recipientLng) : undefined,
      );
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
          this.timings.delivered(c, {
            orderSec: r.orderTime,
            arriveSec: r.arriveTime,
            promiseSec: r.promiseTime > 0 ? r.promiseTime : Number.NaN,
            grabSec: r.grabTime,
            fetchSec: r.fetchTime > 0 ? r.fetchTime : Number.NaN,
          });
        }
      }
    } else if (r.grabbed) this.grabbedNotDelivered++;
    this.orderFlags.data[o] = flags;
  }

  /** The figures; `waves` adds the wave file's orders per wave (the target then uses it). */
  finish(waves?: WaveObservation): WaybillObservation {
    const figures: Figure[] = this.timings.figures(WAYBILL_TIMING_NOTES);
    const add = (f: Figure) => figures.push(f);

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
    const sequences = courierSequenceFigures(
      {
        courier: this.dCourier.data,
        day: this.dDay.data,
        grab: this.dGrab.data,
        arrive: this.dArrive.data,
        length: this.dCourier.length,
      },
      this.options,
      WAYBILL_SEQUENCE_NOTES,
      waves,
    );
    for (const f of sequences.figures) add(f);
    const nCd = sequences.courierDays;

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
        implausible: this.reader.plausibility.counts(),
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

/** The counts in one sentence (the targets file's description and the command's summary). */
export function countsSentence(c: WaybillCounts): string {
  const days =
    c.days.length === 0
      ? 'no day'
      : `${c.days.length} day${c.days.length === 1 ? '' : 's'} (${c.days[0]?.day}–${c.days[c.days.length - 1]?.day})`;
  const implausible = c.implausible ?? NO_IMPLAUSIBLE;
  const dropped = implausible.rows > 0 ? ` ${droppedSentence(implausible)}` : '';
  return (
    `${c.rows} rows over ${days}:${dropped} ${c.waybills} waybills of ${c.orders} orders, ${c.deliveredOrders} delivered by ${c.couriers} couriers on ${c.courierDays} courier-days; ` +
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
