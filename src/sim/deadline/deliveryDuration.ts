/**
 * The `deliveryDuration` basis (MODEL.md section 5, the default): the estimate for an order is the p-th percentile of
 * the durations of past deliveries of the same distance band (and hour). Click-to-door durations hold everything the
 * customer waits for (preparation, waiting for a courier, the approach, bundling detours, the ride and service), so
 * a p10 promise is what only the fastest tenth of past deliveries of that distance achieved.
 */
import {
  daysKept,
  learningWindow,
  nextEstimate,
  percentileOn,
  withProtection,
  type DeadlineModel,
  type DeadlineRules,
} from './common.ts';
import { CellHistograms, DURATION_BIN_SEC, DURATION_BINS, HistogramGrid } from './histograms.ts';
import { promisedDurationSec } from './ridingPace.ts';

/**
 * The percentile of past durations per cell, learned day by day: distance band × hour of the day when `byHour` (a
 * platform's estimate knows that the lunch peak is slower than mid-afternoon), else distance band only.
 */
class DurationLearner {
  /** The closed days' histograms (never changed once closed, so clones share them). */
  private readonly history: CellHistograms[] = [];
  private today: CellHistograms;
  /** Today's estimate per cell (segment × bands + band), seconds (NaN while a cell has none). */
  readonly estimate: Float64Array;
  /** Sum and count of the promises made today by the first-day rule, per cell, in this learner's measure. */
  private readonly issuedSum: Float64Array;
  private readonly issuedCount: Float64Array;
  /**
   * `sum`: where the window's histograms are summed, reused day after day (the learners of one deadline model share
   * it: they learn one after the other).
   */
  constructor(
    private readonly deadline: DeadlineRules,
    private readonly bands: number,
    private readonly segments: number,
    private readonly sum: CellHistograms,
  ) {
    this.estimate = new Float64Array(bands * segments).fill(Number.NaN);
    this.issuedSum = new Float64Array(bands * segments);
    this.issuedCount = new Float64Array(bands * segments);
    this.today = new CellHistograms(bands * segments);
  }

  /**
   * An independent copy under `deadline` (past days' histograms are never changed once closed, so they are shared).
   */
  clone(deadline: DeadlineRules, sum: CellHistograms): DurationLearner {
    const copy = new DurationLearner(deadline, this.bands, this.segments, sum);
    copy.history.push(...this.history);
    copy.today = this.today.clone();
    copy.estimate.set(this.estimate);
    copy.issuedSum.set(this.issuedSum);
    copy.issuedCount.set(this.issuedCount);
    return copy;
  }

  /** A promise of `sec` (in this learner's measure) was made by the first-day rule in `cell`. */
  issued(cell: number, sec: number): void {
    this.issuedSum[cell] = (this.issuedSum[cell] as number) + sec;
    this.issuedCount[cell] = (this.issuedCount[cell] as number) + 1;
  }

  /**
   * The target of each cell from the learning window. A cell with fewer than `minSamples` deliveries borrows from
   * the neighbouring distance bands of its hour, and then, if the whole hour has too few, from the neighbouring
   * hours.
   */
  private targets(percentile: number): (number | undefined)[] {
    const window = learningWindow(this.history, this.deadline);
    const { bands, segments, sum } = this;
    sum.clear();
    for (const h of window) sum.addAll(h);
    const grid = new HistogramGrid(sum, segments, bands);
    const min = this.deadline.minSamples;
    const out: (number | undefined)[] = [];
    for (let seg = 0; seg < segments; seg++) {
      for (let b = 0; b < bands; b++) {
        let lo = b;
        let hi = b;
        let sLo = seg;
        let sHi = seg;
        while (grid.count(sLo, sHi, lo, hi) < min && (lo > 0 || hi < bands - 1)) {
          if (lo > 0) lo--;
          if (hi < bands - 1) hi++;
        }
        while (grid.count(sLo, sHi, lo, hi) < min && (sLo > 0 || sHi < segments - 1)) {
          if (sLo > 0) sLo--;
          if (sHi < segments - 1) sHi++;
        }
        out.push(grid.quantile(sLo, sHi, lo, hi, percentile));
      }
    }
    return out;
  }

  startDay(day: number, percentile: number): void {
    if (this.history.length > 0) {
      const targets = this.targets(percentile);
      for (let k = 0; k < this.estimate.length; k++) {
        const held = this.estimate[k] as number;
        const issued = this.issuedCount[k] as number;
        // A cell without an estimate yet starts from what yesterday's first-day promises were.
        const previous = !Number.isNaN(held) ? held : issued > 0 ? (this.issuedSum[k] as number) / issued : undefined;
        this.estimate[k] = nextEstimate(this.deadline.learning, day, previous, targets[k]) ?? Number.NaN;
      }
    }
    this.issuedSum.fill(0);
    this.issuedCount.fill(0);
    this.today = new CellHistograms(this.bands * this.segments);
  }

  /**
   * The estimate of distance band `band` over the hours, each hour weighted by the deliveries of that band it holds
   * in the learning window (the promise an order of that distance got on average); undefined without any.
   */
  levelAt(band: number): number | undefined {
    const window = learningWindow(this.history, this.deadline);
    let sum = 0;
    let weight = 0;
    for (let seg = 0; seg < this.segments; seg++) {
      const cell = seg * this.bands + band;
      const estimate = this.estimate[cell] as number;
      if (Number.isNaN(estimate)) continue;
      let n = 0;
      for (const h of window) n += h.total(cell);
      sum += n * estimate;
      weight += n;
    }
    return weight > 0 ? sum / weight : undefined;
  }

  /** Multiplies every held estimate by `factor`. */
  scale(factor: number): void {
    for (let k = 0; k < this.estimate.length; k++) this.estimate[k] = (this.estimate[k] as number) * factor;
  }

  observe(cell: number, durationSec: number): void {
    const s = durationSec / DURATION_BIN_SEC;
    const bin = s <= 0 ? 0 : s >= DURATION_BINS ? DURATION_BINS - 1 : Math.floor(s);
    this.today.add(cell, bin);
  }

  endDay(): void {
    this.today.trim();
    this.history.push(this.today);
    const keep = daysKept(this.deadline);
    if (this.history.length > keep) this.history.splice(0, this.history.length - keep);
  }
}

/**
 * Promises from the percentile of past delivery durations. Measured from placement, the durations are click to
 * door; measured from the meal's ready time (which the restaurant tells the platform), ready to door, and the
 * promise is the ready time plus the estimate; `latestOfBoth` promises the later of the two, as Meituan's promise is
 * the latest of its estimate and its protection times.
 */
export class DeliveryDurationDeadline implements DeadlineModel {
  private readonly bands: number;
  private readonly segments: number;
  private fromPlacement: DurationLearner | null;
  private fromReady: DurationLearner | null;
  private day: number;
  /** The learners' shared sum of the window's histograms (see DurationLearner). */
  private sum: CellHistograms;

  /**
   * `maxRoadKm`: the longest road distance an order can have (longer ones count in the last band);
   * `firstDayPaceSecPerKm`: the riding pace of the promise on the first day without history (p50 of comfort pace).
   */
  constructor(
    private readonly deadline: DeadlineRules,
    maxRoadKm: number,
    private readonly firstDayPaceSecPerKm: number,
    firstDay: number,
  ) {
    this.bands = Math.max(1, Math.min(200, Math.ceil(maxRoadKm / deadline.bandKm) + 1));
    this.segments = deadline.byHour ? 24 : 1;
    const m = deadline.measureFrom;
    const { bands, segments } = this;
    const sum = (this.sum = new CellHistograms(bands * segments));
    this.fromPlacement = m !== 'mealReady' ? new DurationLearner(deadline, bands, segments, sum) : null;
    this.fromReady = m !== 'placement' ? new DurationLearner(deadline, bands, segments, sum) : null;
    this.day = firstDay - 1;
  }

  clone(deadline: DeadlineRules): DeliveryDurationDeadline {
    const copy = new DeliveryDurationDeadline(deadline, 0, this.firstDayPaceSecPerKm, 0);
    Object.assign(copy, { bands: this.bands, segments: this.segments, day: this.day });
    copy.sum = new CellHistograms(this.bands * this.segments);
    copy.fromPlacement = this.fromPlacement?.clone(deadline, copy.sum) ?? null;
    copy.fromReady = this.fromReady?.clone(deadline, copy.sum) ?? null;
    return copy;
  }

  private cell(roadKm: number, hour: number): number {
    const b = Math.floor(roadKm / this.deadline.bandKm);
    return (this.segments === 1 ? 0 : hour) * this.bands + (b < this.bands ? b : this.bands - 1);
  }

  startDay(): void {
    this.day++;
    const startMinutes = this.deadline.learning.startMinutes;
    const starts = this.day === 0 && startMinutes !== null;
    // Day 0 under a start level learns its shape at the past practice's percentile, then takes the level.
    const p = starts ? this.deadline.warmupPercentile : percentileOn(this.deadline, this.day);
    this.fromPlacement?.startDay(this.day, p);
    this.fromReady?.startDay(this.day, p);
    if (starts) this.startAt((startMinutes as number) * 60);
  }

  /**
   * Day 0 under `learning.startMinutes`: the promise in force is the past practice's estimates for the day (their
   * shape over distance and hour) scaled so that an order of `startKm` is promised `startSec` on average, each hour
   * weighted by its deliveries at that distance; learning moves on from there the next day. Without any estimate at
   * that distance (no warm-up delivery there), day 0 keeps the practice's estimates.
   */
  private startAt(startSec: number): void {
    const band = Math.min(this.bands - 1, Math.floor(this.deadline.learning.startKm / this.deadline.bandKm));
    // The click-to-door level: the placement estimate, or the ready-to-door one after the expected preparation.
    const placement = this.fromPlacement?.levelAt(band);
    const ready = this.fromReady?.levelAt(band);
    const level =
      placement !== undefined
        ? placement
        : ready !== undefined
          ? ready + this.deadline.prepEstimateMin * 60
          : undefined;
    if (level === undefined || !(level > 0)) return;
    const factor = startSec / level;
    this.fromPlacement?.scale(factor);
    this.fromReady?.scale(factor);
  }

  promiseSec(roadKm: number, readyInSec: number, hour: number): number {
    const cell = this.cell(roadKm, hour);
    const a = this.fromPlacement ? (this.fromPlacement.estimate[cell] as number) : -Infinity;
    const b = this.fromReady ? readyInSec + (this.fromReady.estimate[cell] as number) : -Infinity;
    if (Number.isNaN(a) || Number.isNaN(b)) {
      // The first day without history: the riding-pace promise at the median.
      const sec = promisedDurationSec(this.deadline, roadKm, this.firstDayPaceSecPerKm, readyInSec);
      this.fromPlacement?.issued(cell, sec);
      this.fromReady?.issued(cell, sec - readyInSec);
      return sec;
    }
    return withProtection(this.deadline, roadKm, a > b ? a : b);
  }

  observeLeg(): void {}

  observeDelivery(roadKm: number, clickToDoorSec: number, readyInSec: number, hour: number): void {
    const cell = this.cell(roadKm, hour);
    this.fromPlacement?.observe(cell, clickToDoorSec);
    this.fromReady?.observe(cell, clickToDoorSec - readyInSec);
  }

  endDay(): void {
    this.fromPlacement?.endDay();
    this.fromReady?.endDay();
  }
}
