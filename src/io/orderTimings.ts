/**
 * The order timings that `fairpace observe waybills` (a platform's waybill file) and `fairpace observe trace` (the
 * model's own order trace) both compute, with one definition each, so the model is read with the yardstick of real
 * data: click-to-door, promised minutes (overall and by distance band), the on-time and late-over-8-min rates,
 * accept → pickup and pickup → door, fed one order at a time. The callers give the notes that name their own columns
 * and definitions; the courier-sequence figures are courierSequence.ts's.
 */
import { ClusteredRatio, fig, figure, quantileInterval, type Figure } from './observed.ts';
import { Column } from './records.ts';

/** Distance bands of promised minutes, km: [0, 1), [1, 2), … [5, ∞). */
export const DISTANCE_BANDS_KM = [1, 2, 3, 4, 5] as const;

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
    const ctdSorted = this.clickToDoor.sorted();
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
    const promisedSorted = this.promised.sorted();
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
          quantileInterval(col.sorted(), 0.5),
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
      const legSorted = leg.values.sorted();
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
