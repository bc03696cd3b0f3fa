/**
 * Result types of one simulated run. The metric paths are the contract of MODEL.md section 10: the CLI, the app,
 * the tests and evidence packs all read these names.
 */
import type { FlowAmounts, Party } from './flows.ts';
import type { OrderTraceColumns } from './orderTrace.ts';
import type { PayTerm } from './payTerms.ts';

/** A distribution summary over courier-days or orders. */
export interface Dist {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

/** The metrics of MODEL.md section 10 (per run, or averaged over replications). */
export interface Metrics {
  earnings: {
    /** Net CNY per online hour, over courier-days. */
    netPerOnlineHour: Dist;
    /** Net CNY per hour with at least one order in the bag. */
    netPerEngagedHour: Dist;
    /** Share of courier-days with netPerOnlineHour below standards.minHourlyWage. */
    shareBelowMinWage: number;
    /** Gini coefficient of netPerOnlineHour over courier-days. */
    gini: number;
    /** Σ penalties ÷ Σ gross fees. */
    penaltyShareOfGross: number;
    /** Share of courier-days the minimum guarantee topped up. */
    topUpShare: number;
    /** Gross fee per delivered order, CNY. */
    feePerOrder: number;
    /** What all couriers earn a day before their own costs (fees − commission − fines + bonuses + top-ups), CNY. */
    totalPay: number;
    /** Over full-time courier-days (online ≥ standards.fullTimeMinHours), the group most surveys describe. */
    fullTime: { netPerOnlineHour: Dist };
  };
  workload: {
    onlineHours: Dist & { max: number };
    shareOverStandardDay: number;
    shareOverLegalLimit: number;
    ordersPerCourierDay: Dist;
    kmPerCourierDay: Dist;
    longestStretchHours: Dist;
    /** Over full-time courier-days (online ≥ standards.fullTimeMinHours). */
    fullTime: { ordersPerCourierDay: Dist; onlineHours: Dist };
  };
  safety: {
    speedingKmShare: number;
    meanSpeedKmh: number;
    redLightRunsPerCourierDay: number;
    relativeCrashRisk: number;
    injuryCrashesPer1000CourierDays: number;
    fatiguedKmShare: number;
  };
  service: {
    /** Orders placed per day (mean over days). */
    ordersPlaced: number;
    ordersDelivered: number;
    ordersUndelivered: number;
    onTimeRate: number;
    clickToDoorMin: Dist;
    /** Minutes from the courier's acceptance to pickup, over delivered orders. */
    acceptToPickupMin: Dist;
    /** Minutes from pickup to delivery, over delivered orders. */
    pickupToDoorMin: Dist;
    promisedMin: Dist;
    /** Share of delivered orders more than 8 minutes after the promise. */
    lateOver8MinRate: number;
    /** Orders per wave: from an idle courier's first accepted order until the bag is empty. */
    ordersPerWave: number;
    /** Orders in the bag at acceptance during the peak hours (rules.pay.peakHours). */
    bagAtPeak: Dist & { max: number };
  };
  platform: {
    /** CNY per day. */
    deliveryRevenue: number;
    courierPay: number;
    margin: number;
    /** CNY per delivered order. */
    courierPayPerOrder: number;
    marginPerOrder: number;
    /** What the platform pays couriers before the fines it keeps: courierPay + fineIncome, CNY per day. */
    courierPayBeforeFines: number;
    /** Fines the platform keeps (rules.penalties.recipient platform), CNY per day. */
    fineIncome: number;
    /** Compensation the platform pays customers itself (rules.compensation.funder platform), CNY per day. */
    compensationPaid: number;
    /** Margin less the platform's other costs per order, CNY per day and per delivered order. */
    operatingProfit: number;
    operatingProfitPerOrder: number;
  };
  /** The delivery station (agency): what it keeps of fines when they go to it. */
  station: {
    margin: number;
    marginPerOrder: number;
  };
  /** Customers: compensation for lateness, and the orders they forgo after it. */
  customers: {
    /** Compensation paid to customers, CNY per day (by whoever funds it). */
    compensation: number;
    /** Share of covered delivered orders whose customer was compensated (the insurer's claim rate). */
    compensatedShare: number;
    /** Future orders customers forgo because of each day's late and undelivered orders, per day (expected). */
    lostOrders: number;
    /** Orders not placed on the run's days because of lateness on earlier days, per day. */
    ordersNotPlaced: number;
  };
  /** The insurer of the compensation promise (rules.compensation.funder merchantInsurance). */
  insurer: {
    /** Premiums less compensation paid, CNY per day. */
    margin: number;
  };
  /** Present for replayed MDRP instances only: the benchmark's own figures. */
  mdrp?: MdrpMetrics;
}

/** The MDRP benchmark's figures of one replay (Reyes et al. 2018); minutes, and pay in the instance's currency. */
export interface MdrpMetrics {
  ordersDelivered: number;
  /** Delivered orders ÷ orders in the instance. */
  deliveredShare: number;
  /** Placement to drop-off, over delivered orders. */
  clickToDoorMin: Dist & { max: number };
  /** Mean over delivered orders of max(0, click-to-door − target click-to-door). */
  clickToDoorOverageMin: number;
  /** Share of delivered orders over the target click-to-door. */
  shareOverTarget: number;
  /** Ready time to drop-off. */
  readyToDoorMin: Dist;
  /** Ready time to pickup (how long food waits for its courier). */
  readyToPickupMin: Dist;
  /** Minutes couriers spent executing assignments ÷ shift minutes. */
  courierUtilisation: number;
  /** Delivered orders ÷ courier shift hours. */
  ordersPerCourierHour: number;
  /** Σ over couriers of max(pay per order × orders, guaranteed pay per hour × shift hours). */
  totalCourierPay: number;
  /** Share of couriers whose guarantee exceeds their per-order pay. */
  shareCouriersPaidGuarantee: number;
}

/** One assignment of a replay: a bundle from one restaurant, dropped off in the listed order. */
export interface ReplayAssignment {
  courier: string;
  restaurant: string;
  orders: string[];
  assignmentMin: number;
  pickupMin: number;
}

/** Times of one delivered order of a replay, integer minutes. */
export interface ReplayOrderTimes {
  order: string;
  placementMin: number;
  readyMin: number;
  pickupMin: number;
  dropoffMin: number;
  courier: string;
}

/** One courier move: from `origin` ("0" = the on-location, or a restaurant or order id) to `destination`. */
export interface ReplayMove {
  courier: string;
  departureMin: number;
  origin: string;
  destination: string;
}

/** Everything needed to write the MDRP solution files of a replay. */
export interface ReplaySolution {
  assignments: ReplayAssignment[];
  /** Delivered orders in drop-off order. */
  orders: ReplayOrderTimes[];
  /** Grouped by courier (in instance order), each group in execution order. */
  moves: ReplayMove[];
}

/** Per-day series (MODEL.md section 10, `perDay[]`). */
export interface DayMetrics {
  day: number;
  promisedMinMean: number;
  onTimeRate: number;
  speedingKmShare: number;
  relativeCrashRisk: number;
  shareBelowMinWage: number;
  onlineHoursMean: number;
  /** Mean risk tolerance of the couriers online that day (it adapts to lateness, MODEL.md section 5). */
  meanRiskTolerance: number;
}

/** Per-hour-of-day series over all days (the day's rhythm). */
export interface HourMetrics {
  hour: number;
  ordersPlaced: number;
  onTimeRate: number;
  promisedMinMean: number;
  speedingKmShare: number;
}

/**
 * Money totals of a run in CNY: one per pay term, one per flow between parties and each party's balance, kept so the
 * identities of MODEL.md section 8 can be checked to the cent.
 */
export type Ledger = { revenue: number } & Record<PayTerm, number> & {
    courierNet: number;
    platformMargin: number;
    flows: FlowAmounts;
    parties: Record<Party, number>;
  };

/**
 * One courier-day: the inputs of the courier-level metrics (also exported as CSV in evidence packs). Money columns
 * are one per pay term (`feesCny`, `commissionCny`, …; see payTerms.ts), then `netCny`.
 */
export type CourierDay = {
  courier: number;
  day: number;
  employment: 'dedicated' | 'crowd';
  isNew: boolean;
  onlineHours: number;
  engagedHours: number;
  longestStretchHours: number;
  orders: number;
  lateOrders: number;
  km: number;
  speedingKm: number;
  fatiguedKm: number;
  redLightRuns: number;
  relativeCrashRisk: number;
} & Record<`${PayTerm}Cny`, number> & {
    netCny: number;
    netPerOnlineHour: number;
  };

/** Who was online in dangerous heat. */
export interface HeatExposure {
  /** Courier-days with any online time on heat40 days. */
  heat40CourierDays: number;
  /** Longest online hours of any courier-day on a heat37 day (0 when there is none). */
  heat37MaxOnlineHours: number;
}

/** Status of one compliance check (MODEL.md section 11). */
export type CheckStatus = 'pass' | 'fail' | 'notApplicable' | 'info';

export interface ComplianceCheck {
  id: string;
  clause: string;
  metric: string;
  value: number | string | null;
  threshold: string;
  status: CheckStatus;
  detail: string;
}

/** Everything one run of one arm with one seed produces. */
export interface RunResult {
  armId: string;
  seed: number;
  metrics: Metrics;
  perDay: DayMetrics[];
  perHour: HourMetrics[];
  /** Kilometres ridden per 1 km/h speed bin (bin i holds [i, i+1) km/h; the last bin is open-ended). */
  speedHistogramKm: number[];
  ledger: Ledger;
  /** Exposure to heat on heat37/heat40 days (for the heatRules check). */
  heat: HeatExposure;
  /** Compliance scorecard of this run (MODEL.md section 11). */
  compliance: ComplianceCheck[];
  /** Present when the run was asked to keep courier-day rows. */
  courierDays?: CourierDay[];
  /** Present for a replay run asked to keep its solution (`fairpace export mdrp`). */
  solution?: ReplaySolution;
  /** Present when the run was asked to keep its order trace (`fairpace run --orders`). */
  orders?: OrderTraceColumns;
}
