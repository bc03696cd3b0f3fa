/**
 * The courier-sequence figures that `fairpace observe waybills` (a platform's waybill file) and `fairpace observe
 * trace` (the model's own order trace) both compute, with one definition each: the bag at acceptance, orders per
 * wave and the courier-day figures, from every accepted order's courier, day, acceptance and delivery. The callers
 * give the notes that name their own columns and definitions; the order timings are orderTimings.ts's, the
 * courier-day figures courierDays.ts's.
 */
import { metricLabel } from '../analysis/catalogue/index.ts';
import { courierDayFigures, type CourierDayLimits, type CourierDayNotes, type CourierDays } from './courierDays.ts';
import { localHour } from './geoTime.ts';
import { ClusteredRatio, fig, figure, quantileInterval, type Figure } from './observed.ts';
import { Column } from './records.ts';
import type { WaveObservation } from './waves.ts';

/** Options of the courier-sequence figures. */
export interface SequenceOptions extends CourierDayLimits {
  /** Local hours counted as peak for the bag size (the scenario default `rules.pay.peakHours`). */
  peakHours: readonly number[];
  /** Minutes to add to a time to have its local time of day (480 for Unix seconds in China, 0 for the model's). */
  offsetMin: number;
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
export interface SequenceNotes extends CourierDayNotes {
  /** What the bag at the peak counts, given the peak hours as text ("11, 12, 17, 18"). */
  bag(peakHours: string): string;
  /** How orders per wave are counted. */
  wave: string;
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
  const tally = walkSequences(acc, opt);
  const figures = [...bagFigures(tally, opt, notes, waves), ...courierDayFigures(tally.courierDays, opt, notes)];
  return { figures, courierDays: tally.courierDays.courier.length };
}

/** What one pass over every courier's sequence of acceptances gathers. */
interface SequenceTally {
  bagPeak: ClusteredRatio;
  bagPeakValues: Column;
  bagByHour: ClusteredRatio[];
  perWave: ClusteredRatio;
  courierDays: CourierDays;
}

/** Every courier's orders in order of acceptance, tallied: the bag at each acceptance, waves and courier-days. */
function walkSequences(acc: Acceptances, opt: SequenceOptions): SequenceTally {
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
  return {
    bagPeak,
    bagPeakValues,
    bagByHour,
    perWave,
    courierDays: { courier: cdCourier, first: cdFirst, last: cdLast, orders: cdOrders },
  };
}

/**
 * The bag at acceptance (at the peak and by hour) and orders per wave; with `waves` (a wave file), its figures follow
 * the derived orders per wave, which then has no metric.
 */
function bagFigures(t: SequenceTally, opt: SequenceOptions, notes: SequenceNotes, waves?: WaveObservation): Figure[] {
  const { bagPeak, bagPeakValues, bagByHour, perWave } = t;
  const figures: Figure[] = [];
  const add = (f: Figure) => figures.push(f);
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
  const bagSorted = bagPeakValues.sorted();
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
  // Held against service.ordersPerWave, the figure goes by that metric's English label (the catalogue's); its Chinese
  // label says 波次, as the waybill data do.
  const derivedWave = fig(
    waves ? 'orders-per-wave-derived' : 'orders-per-wave',
    waves ? 'Orders per wave (from waybills)' : metricLabel('service.ordersPerWave', 'en'),
    waves ? '每波次订单数（由运单推算）' : '每波次订单数',
    'orders',
    notes.wave,
    waves ? undefined : 'service.ordersPerWave',
  );
  add(figure(derivedWave, perWave.interval()));
  if (waves) {
    for (const f of waves.figures) add(f);
  }
  return figures;
}
