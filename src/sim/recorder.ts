/**
 * The one place where a run's events become counts: placements, deliveries (lateness, service times), legs ridden
 * (km, speed, red lights, crash risk) and the close of each courier-day, whose money it reads from the ledger
 * (./ledger.ts) and never computes. The synthetic engine and the MDRP replay both call it.
 */
import type { Rules, Scenario, Weather } from '../scenario/schema.ts';
import { FLOWS } from './flows.ts';
import type { CourierDayTimes, Ledger } from './ledger.ts';
import { netOf, PAY_TERM_NAMES } from './payTerms.ts';
import { baselineCrashes, legCrashes, type RiskTerms } from './riding.ts';
import { addMinutes, BAG_SIZES, SPEED_BINS, Tally } from './tally.ts';
import { hourOf } from './time.ts';

/** The risk terms of one day's weather. */
export function riskTermsFor(scenario: Scenario, weather: Weather): RiskTerms {
  const r = scenario.risk;
  return {
    basePerKm: r.baseInjuryCrashesPerMillionKm / 1e6,
    referenceKmh: r.referenceSpeedKmh,
    speedExponent: r.speedExponent,
    redLightOddsRatio: r.redLightOddsRatio,
    fatiguePerHour: r.fatiguePerHour,
    fatigueAfterHours: r.fatigueAfterHours,
    weatherFactor: r.weatherFactor[weather],
  };
}

/** Counts one run into a Tally, day by day. */
export class Recorder {
  readonly tally: Tally;
  // Today's accumulators per courier.
  private readonly orders: Float64Array;
  private readonly late: Float64Array;
  private readonly km: Float64Array;
  private readonly speedingKm: Float64Array;
  private readonly fatiguedKm: Float64Array;
  private readonly redRuns: Float64Array;
  private readonly crashes: Float64Array;
  private readonly baseline: Float64Array;

  private readonly peakHour = new Uint8Array(24);
  private readonly speedingKmh: number;
  private readonly fatigueAfterSec: number;
  /** Index of the day in the tally, and the day whose midnight times count from (negative for warm-up days). */
  private day = 0;
  private timeDay = 0;
  private weather: Weather = 'clear';
  private risk: RiskTerms;

  constructor(
    private readonly scenario: Scenario,
    private readonly rules: Rules,
    days: number,
    private readonly couriers: number,
    /** Keep each courier-day's whole row (evidence packs), not only what the metrics read. */
    keepRows = false,
  ) {
    this.tally = new Tally(days, couriers, keepRows);
    const n = couriers;
    this.orders = new Float64Array(n);
    this.late = new Float64Array(n);
    this.km = new Float64Array(n);
    this.speedingKm = new Float64Array(n);
    this.fatiguedKm = new Float64Array(n);
    this.redRuns = new Float64Array(n);
    this.crashes = new Float64Array(n);
    this.baseline = new Float64Array(n);
    for (const h of rules.pay.peakHours) this.peakHour[h] = 1;
    this.speedingKmh = scenario.risk.speedingThresholdKmh;
    this.fatigueAfterSec = scenario.risk.fatigueAfterHours * 3600;
    this.risk = riskTermsFor(scenario, 'clear');
  }

  /**
   * Starts a day: its index in the tally, the day its absolute times count from, its weather,
   * and empty accumulators.
   */
  beginDay(day: number, timeDay: number, weather: Weather): void {
    this.day = day;
    this.timeDay = timeDay;
    this.weather = weather;
    this.risk = riskTermsFor(this.scenario, weather);
    this.orders.fill(0);
    this.late.fill(0);
    this.km.fill(0);
    this.speedingKm.fill(0);
    this.fatiguedKm.fill(0);
    this.redRuns.fill(0);
    this.crashes.fill(0);
    this.baseline.fill(0);
  }

  /** An order was placed with this promise (absolute seconds). */
  placed(placeSec: number, promiseSec: number): void {
    const t = this.tally;
    const d = this.day;
    const minutes = (promiseSec - placeSec) / 60;
    const hour = hourOf(placeSec, this.timeDay);
    t.placed++;
    t.promisedSumMin += minutes;
    addMinutes(t.promisedHist, minutes);
    t.dayPlaced[d] = (t.dayPlaced[d] as number) + 1;
    t.dayPromisedSumMin[d] = (t.dayPromisedSumMin[d] as number) + minutes;
    t.hourPlaced[hour] = (t.hourPlaced[hour] as number) + 1;
    t.hourPromisedSumMin[hour] = (t.hourPromisedSumMin[hour] as number) + minutes;
  }

  /**
   * A courier accepted an order at `atSec`, with `bagSize` orders in the bag once the offer it came in is taken;
   * `startsWave` when the bag was empty before the offer.
   */
  accepted(atSec: number, bagSize: number, startsWave: boolean): void {
    const t = this.tally;
    t.accepted++;
    if (startsWave) t.waves++;
    if (this.peakHour[hourOf(atSec, this.timeDay)] === 1) {
      const k = bagSize < BAG_SIZES ? bagSize : BAG_SIZES - 1;
      t.bagAtPeak[k] = (t.bagAtPeak[k] as number) + 1;
    }
  }

  /**
   * Courier c delivered an order placed at `placeSec` at `atSec`; it was promised for `promiseSec`, late for the
   * courier (`late`, from the ledger), accepted at `acceptedSec` and picked up at `pickedSec`.
   */
  delivered(
    c: number,
    placeSec: number,
    atSec: number,
    promiseSec: number,
    late: boolean,
    acceptedSec: number,
    pickedSec: number,
  ): void {
    const t = this.tally;
    const d = this.day;
    const placeHour = hourOf(placeSec, this.timeDay);
    if (late) this.late[c] = (this.late[c] as number) + 1;
    this.orders[c] = (this.orders[c] as number) + 1;
    if (atSec - promiseSec > 8 * 60) t.lateOver8++;

    const clickToDoorMin = (atSec - placeSec) / 60;
    t.delivered++;
    t.clickToDoorSumMin += clickToDoorMin;
    addMinutes(t.clickToDoorHist, clickToDoorMin);
    const acceptToPickupMin = (pickedSec - acceptedSec) / 60;
    const pickupToDoorMin = (atSec - pickedSec) / 60;
    t.acceptToPickupSumMin += acceptToPickupMin;
    addMinutes(t.acceptToPickupHist, acceptToPickupMin);
    t.pickupToDoorSumMin += pickupToDoorMin;
    addMinutes(t.pickupToDoorHist, pickupToDoorMin);
    t.dayDelivered[d] = (t.dayDelivered[d] as number) + 1;
    t.hourDelivered[placeHour] = (t.hourDelivered[placeHour] as number) + 1;
    if (!late) {
      t.onTime++;
      t.dayOnTime[d] = (t.dayOnTime[d] as number) + 1;
      t.hourOnTime[placeHour] = (t.hourOnTime[placeHour] as number) + 1;
    }
  }

  /**
   * Courier c rode `km` at `kmh` starting at `startSec`, passing `signals` signals and running `runs` of them,
   * `onlineSec` into the day; `comfortKmh` is the courier's own comfort speed (the baseline of relative risk).
   */
  leg(
    c: number,
    km: number,
    kmh: number,
    signals: number,
    runs: number,
    onlineSec: number,
    comfortKmh: number,
    startSec: number,
  ): void {
    const t = this.tally;
    const d = this.day;
    const crashes = legCrashes(this.risk, km, kmh, signals > 0 ? runs / signals : 0, onlineSec / 3600);
    const baseline = baselineCrashes(this.risk, km, comfortKmh);
    const hour = hourOf(startSec, this.timeDay);
    this.km[c] = (this.km[c] as number) + km;
    this.redRuns[c] = (this.redRuns[c] as number) + runs;
    this.crashes[c] = (this.crashes[c] as number) + crashes;
    this.baseline[c] = (this.baseline[c] as number) + baseline;
    t.km += km;
    t.kmTimesKmh += km * kmh;
    t.redRuns += runs;
    t.crashes += crashes;
    t.baseline += baseline;
    t.dayKm[d] = (t.dayKm[d] as number) + km;
    t.dayCrashes[d] = (t.dayCrashes[d] as number) + crashes;
    t.dayBaseline[d] = (t.dayBaseline[d] as number) + baseline;
    t.hourKm[hour] = (t.hourKm[hour] as number) + km;
    const bin = kmh >= SPEED_BINS - 1 ? SPEED_BINS - 1 : Math.floor(kmh);
    t.speedHistKm[bin] = (t.speedHistKm[bin] as number) + km;
    if (kmh > this.speedingKmh) {
      this.speedingKm[c] = (this.speedingKm[c] as number) + km;
      t.speedingKm += km;
      t.daySpeedingKm[d] = (t.daySpeedingKm[d] as number) + km;
      t.hourSpeedingKm[hour] = (t.hourSpeedingKm[hour] as number) + km;
    }
    if (onlineSec > this.fatigueAfterSec) {
      this.fatiguedKm[c] = (this.fatiguedKm[c] as number) + km;
      t.fatiguedKm += km;
    }
  }

  /** Orders courier c delivered today, and how many of them were late. */
  deliveredToday(c: number): number {
    return this.orders[c] as number;
  }
  lateToday(c: number): number {
    return this.late[c] as number;
  }

  /** The mean risk tolerance of the couriers online today. */
  riskToleranceToday(mean: number): void {
    this.tally.dayRiskTolerance[this.day] = mean;
  }

  /** Km courier c rode today. */
  kmToday(c: number): number {
    return this.km[c] as number;
  }

  /**
   * Closes the day: the day's money from the ledger, and a courier-day per courier who logged on (the figures the
   * metrics read, the money summed by pay term, and the whole row when the run keeps rows).
   */
  settleDay(times: CourierDayTimes, ledger: Ledger): void {
    const t = this.tally;
    const weather = this.weather;
    const figures = t.courierDays;
    const rows = t.courierDayRows;
    const totals = t.courierDayPayFen;
    for (const f of FLOWS) t.flowFen[f] += ledger.day[f];
    t.covered += ledger.coveredToday;
    t.compensated += ledger.compensatedToday;
    for (let c = 0; c < this.couriers; c++) {
      if (times.loggedOn[c] !== 1) continue;
      const onlineHours = (times.onlineSec[c] as number) / 3600;
      const amounts = ledger.amountsOf(c);
      figures.day.push(this.day);
      figures.onlineHours.push(onlineHours);
      figures.engagedHours.push((times.engagedSec[c] as number) / 3600);
      figures.longestHours.push((times.longestSec[c] as number) / 3600);
      figures.orders.push(this.orders[c] as number);
      figures.km.push(this.km[c] as number);
      figures.netCny.push(netOf(amounts) / 100);
      for (const term of PAY_TERM_NAMES) totals[term] += amounts[term];
      if (amounts.topUps > 0) t.toppedUpCourierDays++;
      if (rows) {
        rows.courier.push(c);
        rows.lateOrders.push(this.late[c] as number);
        rows.speedingKm.push(this.speedingKm[c] as number);
        rows.fatiguedKm.push(this.fatiguedKm[c] as number);
        rows.redRuns.push(this.redRuns[c] as number);
        rows.crashes.push(this.crashes[c] as number);
        rows.baseline.push(this.baseline[c] as number);
        for (const term of PAY_TERM_NAMES) rows.payFen[term].push(amounts[term]);
      }
      if (weather === 'heat40' && onlineHours > 0) t.heat40CourierDays++;
      if (weather === 'heat37' && onlineHours > t.heat37MaxOnlineHours) t.heat37MaxOnlineHours = onlineHours;
    }
  }
}
