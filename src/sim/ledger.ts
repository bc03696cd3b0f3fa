/**
 * The money of a run, owned by the model: what each delivered order pays whom (fee, commission, fines, premiums,
 * compensation), and the close of each courier-day (tiers, guarantee top-ups, expenses). Behaviour reads couriers'
 * earnings from here; the recorder only reads the day's amounts. Every amount is integer fen and one of the flows of
 * ./flows.ts, from one party to another, so money is conserved exactly.
 */
import type { Rules, Scenario, Weather } from '../scenario/schema.ts';
import { FLOWS, type Flow, type FlowAmounts, zeroFlows } from './flows.ts';
import {
  commissionFen,
  compensationFen,
  expensesFen,
  fen,
  guaranteeTopUpFen,
  latePenaltyFen,
  orderFeeFen,
  tierBonusFen,
} from './pay.ts';
import { perOrderFlows, type PerOrderFlows } from './money.ts';
import { earnedOf, type PayAmounts } from './payTerms.ts';
import type { Rng } from './random.ts';
import { hourOf } from './time.ts';

/** Online and engaged seconds of each courier for the day being closed, and who logged on. */
export interface CourierDayTimes {
  loggedOn: Uint8Array;
  onlineSec: Float64Array;
  engagedSec: Float64Array;
  longestSec: Float64Array;
}

/** One delivered order, as the ledger needs it (absolute seconds, road km). */
export interface DeliveredOrder {
  placeSec: number;
  roadKm: number;
  atSec: number;
  promiseSec: number;
  /** When the order counts as late for the courier (the promise plus grace). */
  lateAtSec: number;
  /** Covered by the compensation promise (rules.compensation.coveredShare, drawn per order). */
  covered: boolean;
  /** Its courier ran a red light while carrying it: no safety bonus (left out: none run, as in a replay). */
  ranRedLight?: boolean;
}

/** Books a run's money, day by day. */
export class Ledger {
  // Today's amounts per courier, fen.
  private readonly feesFen: Float64Array;
  private readonly commissionFen: Float64Array;
  private readonly penaltiesFen: Float64Array;
  private readonly bonusesFen: Float64Array;
  /** Today's safety bonuses (rules.pay.safetyBonusPerOrder), part of the bonuses, paid as orders are delivered. */
  private readonly safetyFen: Float64Array;
  private readonly topUpsFen: Float64Array;
  private readonly expensesFen: Float64Array;
  private readonly ordersToday: Float64Array;
  /** Today's flows, fen. */
  readonly day: FlowAmounts = zeroFlows();
  /** Today's delivered orders that were covered, and that were compensated. */
  coveredToday = 0;
  compensatedToday = 0;
  /** The fee of the last delivery, fen (for the order trace). */
  lastFeeFen = 0;

  private readonly peakHour = new Uint8Array(24);
  private readonly perOrder: PerOrderFlows;
  private readonly premiumFen: number;
  private readonly safetyBonusFen: number;
  private readonly insured: boolean;
  private weather: Weather = 'clear';
  private holiday = false;
  private timeDay = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly rules: Rules,
    private readonly couriers: number,
    /** The `complaints` stream: one draw per late delivery, in delivery order. */
    private readonly complaints: Rng,
  ) {
    const n = couriers;
    this.feesFen = new Float64Array(n);
    this.commissionFen = new Float64Array(n);
    this.penaltiesFen = new Float64Array(n);
    this.bonusesFen = new Float64Array(n);
    this.safetyFen = new Float64Array(n);
    this.topUpsFen = new Float64Array(n);
    this.expensesFen = new Float64Array(n);
    this.ordersToday = new Float64Array(n);
    for (const h of rules.pay.peakHours) this.peakHour[h] = 1;
    this.perOrder = perOrderFlows(rules.platform);
    this.insured = rules.compensation.funder === 'merchantInsurance';
    this.premiumFen = this.insured ? fen(rules.compensation.premiumPerOrder) : 0;
    this.safetyBonusFen = fen(rules.pay.safetyBonusPerOrder);
  }

  /** Starts a day: its weather and holiday status, the day its times count from, and empty amounts. */
  beginDay(timeDay: number, weather: Weather, holiday: boolean): void {
    this.timeDay = timeDay;
    this.weather = weather;
    this.holiday = holiday;
    for (const a of [this.feesFen, this.commissionFen, this.penaltiesFen, this.bonusesFen, this.topUpsFen]) a.fill(0);
    this.expensesFen.fill(0);
    this.safetyFen.fill(0);
    this.ordersToday.fill(0);
    for (const f of FLOWS) this.day[f] = 0;
    this.coveredToday = 0;
    this.compensatedToday = 0;
  }

  private book(flow: Flow, amountFen: number): void {
    this.day[flow] += amountFen;
  }

  /**
   * Courier c delivered an order: the customer pays the food and the delivery fee, the merchant the commission (and
   * the premium of a covered order), the platform the courier's fee less commission, a late order is fined (with a
   * complaint drawn), a covered late order compensated, and an order carried without a red light run earns the
   * safety bonus (a bonus, platform → courier). Returns whether the order was late for the courier.
   */
  delivered(c: number, o: DeliveredOrder): boolean {
    const { rules } = this;
    const peak = this.peakHour[hourOf(o.placeSec, this.timeDay)] === 1;
    const fee = orderFeeFen(rules.pay, o.roadKm, peak, this.weather, this.holiday);
    const commission = commissionFen(rules.pay, fee);
    const lateSec = o.atSec - o.lateAtSec;
    let penalty = 0;
    if (lateSec > 0) {
      const complaint = this.complaints() < this.scenario.behaviour.complaintProbLate;
      penalty = latePenaltyFen(rules.penalties, lateSec / 60, complaint, fee);
    }
    this.feesFen[c] = (this.feesFen[c] as number) + fee;
    this.commissionFen[c] = (this.commissionFen[c] as number) + commission;
    this.penaltiesFen[c] = (this.penaltiesFen[c] as number) + penalty;
    this.ordersToday[c] = (this.ordersToday[c] as number) + 1;
    this.lastFeeFen = fee;
    const per = this.perOrder;
    this.book('orderValue', per.orderValue);
    this.book('deliveryFee', per.deliveryFee);
    this.book('merchantCommission', per.merchantCommission);
    this.book('otherCosts', per.otherCosts);
    this.book('courierFees', fee);
    this.book('courierCommission', commission);
    this.book('fines', penalty);
    if (this.safetyBonusFen > 0 && o.ranRedLight !== true) {
      this.safetyFen[c] = (this.safetyFen[c] as number) + this.safetyBonusFen;
      this.bonusesFen[c] = (this.bonusesFen[c] as number) + this.safetyBonusFen;
      this.book('bonuses', this.safetyBonusFen);
    }
    if (o.covered) {
      this.coveredToday++;
      if (this.insured) this.book('premiums', this.premiumFen);
      const compensation = compensationFen(rules.compensation, (o.atSec - o.promiseSec) / 60);
      if (compensation > 0) {
        this.compensatedToday++;
        this.book('compensation', compensation);
      }
    }
    return lateSec > 0;
  }

  /** What courier c has earned from the platform today so far, fen: fees − commission − penalties + safety bonuses. */
  earnedFen(c: number): number {
    const earned = (this.feesFen[c] as number) - (this.commissionFen[c] as number) - (this.penaltiesFen[c] as number);
    return this.safetyBonusFen > 0 ? earned + (this.safetyFen[c] as number) : earned;
  }

  /**
   * Closes the day for every courier who logged on: tier bonuses (added to the safety bonuses already paid), guarantee
   * top-ups and expenses (from km ridden).
   */
  settleDay(times: CourierDayTimes, kmOf: (c: number) => number): void {
    const pay = this.rules.pay;
    for (let c = 0; c < this.couriers; c++) {
      if (times.loggedOn[c] !== 1) continue;
      const bonuses = tierBonusFen(pay, this.ordersToday[c] as number);
      const expenses = expensesFen(this.scenario.population, kmOf(c));
      this.bonusesFen[c] = this.safetyBonusFen > 0 ? bonuses + (this.safetyFen[c] as number) : bonuses;
      this.expensesFen[c] = expenses;
      const earned = earnedOf({ ...this.amountsOf(c), topUps: 0 });
      const topUps = guaranteeTopUpFen(
        pay,
        earned,
        (times.onlineSec[c] as number) / 3600,
        (times.engagedSec[c] as number) / 3600,
      );
      this.topUpsFen[c] = topUps;
      this.book('bonuses', bonuses);
      this.book('topUps', topUps);
      this.book('courierExpenses', expenses);
    }
  }

  /** Courier c's pay terms today, fen. */
  amountsOf(c: number): PayAmounts {
    return {
      fees: this.feesFen[c] as number,
      commission: this.commissionFen[c] as number,
      penalties: this.penaltiesFen[c] as number,
      bonuses: this.bonusesFen[c] as number,
      topUps: this.topUpsFen[c] as number,
      expenses: this.expensesFen[c] as number,
    };
  }
}
