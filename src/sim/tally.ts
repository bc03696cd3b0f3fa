/** Accumulators a run fills as it goes, summarised into metrics at the end (data collection apart from stepping). */
import { type FlowAmounts, zeroFlows } from './flows.ts';
import { CourierDayFigures, CourierDayRows } from './courierDayColumns.ts';
import { PAY_TERM_NAMES, type PayAmounts } from './payTerms.ts';

/** Order-level minute histograms: 0.1-minute bins up to 600 minutes, the last bin open-ended. */
export const MINUTE_BINS = 6000;
/** Speed histogram: 1 km/h bins up to 60 km/h, the last bin open-ended. */
export const SPEED_BINS = 61;
/** Bag sizes counted at acceptance: 0 to 63 (the schema caps the bag well below). */
export const BAG_SIZES = 64;

/** Everything a run counts. Money in fen, distances in km, times in seconds unless named otherwise. */
export class Tally {
  /** The figures of each courier-day the courier-day metrics read (one row per courier-day with online time). */
  readonly courierDays: CourierDayFigures;
  /** The rest of each courier-day row, when the run was asked for its rows (evidence packs); else null. */
  readonly courierDayRows: CourierDayRows | null;
  /** Courier-days' money per pay term, fen, summed as they close (in row order). */
  readonly courierDayPayFen: PayAmounts = zeroPay();
  /** Courier-days the minimum guarantee topped up. */
  toppedUpCourierDays = 0;

  // Riding totals.
  km = 0;
  speedingKm = 0;
  kmTimesKmh = 0;
  fatiguedKm = 0;
  redRuns = 0;
  crashes = 0;
  baseline = 0;
  readonly speedHistKm = new Float64Array(SPEED_BINS);

  // Orders.
  placed = 0;
  delivered = 0;
  cancelled = 0;
  onTime = 0;
  /** Delivered orders more than 8 minutes after the promise. */
  lateOver8 = 0;
  /** Money of the run per flow of the ledger, fen. */
  readonly flowFen: FlowAmounts = zeroFlows();
  /** Delivered orders covered by the compensation promise, and those compensated. */
  covered = 0;
  compensated = 0;
  /** Future orders customers are expected to forgo after this run's late and undelivered orders. */
  lostOrders = 0;
  /** Orders not placed on the run's days because of lateness on earlier days. */
  ordersNotPlaced = 0;
  /** Orders accepted by couriers, and waves (acceptances by a courier with an empty bag). */
  accepted = 0;
  waves = 0;
  /** Orders in the bag at acceptance during the peak hours, counted per bag size. */
  readonly bagAtPeak = new Float64Array(BAG_SIZES);
  clickToDoorSumMin = 0;
  promisedSumMin = 0;
  readonly clickToDoorHist = new Float64Array(MINUTE_BINS);
  readonly promisedHist = new Float64Array(MINUTE_BINS);
  /** Delivered orders' minutes from acceptance to pickup, and from pickup to delivery. */
  acceptToPickupSumMin = 0;
  pickupToDoorSumMin = 0;
  readonly acceptToPickupHist = new Float64Array(MINUTE_BINS);
  readonly pickupToDoorHist = new Float64Array(MINUTE_BINS);

  // Heat exposure.
  heat40CourierDays = 0;
  heat37MaxOnlineHours = 0;

  // Per day and per hour of day.
  readonly dayPlaced: Float64Array;
  readonly dayDelivered: Float64Array;
  readonly dayOnTime: Float64Array;
  readonly dayPromisedSumMin: Float64Array;
  readonly dayKm: Float64Array;
  readonly daySpeedingKm: Float64Array;
  readonly dayCrashes: Float64Array;
  readonly dayBaseline: Float64Array;
  /** Mean risk tolerance of the couriers online that day. */
  readonly dayRiskTolerance: Float64Array;
  readonly hourPlaced = new Float64Array(24);
  readonly hourDelivered = new Float64Array(24);
  readonly hourOnTime = new Float64Array(24);
  readonly hourPromisedSumMin = new Float64Array(24);
  readonly hourKm = new Float64Array(24);
  readonly hourSpeedingKm = new Float64Array(24);

  /**
   * `couriers` bounds the courier-days (couriers × days); `keepRows` keeps every courier-day's whole row, for the
   * courier-day CSV of evidence packs.
   */
  constructor(
    readonly days: number,
    couriers: number,
    keepRows = false,
  ) {
    const maxRows = Math.max(0, couriers * days);
    this.courierDays = new CourierDayFigures(maxRows);
    this.courierDayRows = keepRows ? new CourierDayRows(maxRows) : null;
    this.dayPlaced = new Float64Array(days);
    this.dayDelivered = new Float64Array(days);
    this.dayOnTime = new Float64Array(days);
    this.dayPromisedSumMin = new Float64Array(days);
    this.dayKm = new Float64Array(days);
    this.daySpeedingKm = new Float64Array(days);
    this.dayCrashes = new Float64Array(days);
    this.dayBaseline = new Float64Array(days);
    this.dayRiskTolerance = new Float64Array(days);
  }
}

function zeroPay(): PayAmounts {
  return Object.fromEntries(PAY_TERM_NAMES.map((t) => [t, 0])) as PayAmounts;
}

/** Adds one value in minutes to a 0.1-minute histogram. */
export function addMinutes(hist: Float64Array, minutes: number): void {
  const bin = minutes <= 0 ? 0 : minutes >= MINUTE_BINS / 10 ? MINUTE_BINS - 1 : Math.floor(minutes * 10);
  hist[bin] = (hist[bin] as number) + 1;
}
