/**
 * Courier-day figures as columns, one row per courier-day with online time, in the order the days close. The
 * courier-day metrics are means, quantiles and a Gini coefficient over these rows (MODEL.md section 10): quantiles
 * need every value, so the figures they read are kept exactly (`CourierDayFigures`, 48 bytes a row: a run of 20,000
 * couriers for 30 days keeps 29 MB). The rest of a row, which only the evidence packs' courier-day CSV reads, is kept
 * only when a run is asked for its rows (`CourierDayRows`).
 */
import { Column } from './column.ts';
import { PAY_TERM_NAMES, type PayTerm } from './payTerms.ts';

/** What the courier-day metrics read of each courier-day (see the file's comment). */
export class CourierDayFigures {
  /** The day's index in the run. */
  readonly day: Column;
  readonly onlineHours: Column;
  readonly engagedHours: Column;
  readonly longestHours: Column;
  /** Orders delivered (whole numbers). */
  readonly orders: Column;
  readonly km: Column;
  /** Net pay (Σ sign × pay term), CNY. */
  readonly netCny: Column;

  /** `maxRows`: couriers × days, the most a run can have. */
  constructor(maxRows: number) {
    this.day = new Column('i32', maxRows);
    this.onlineHours = new Column('f64', maxRows);
    this.engagedHours = new Column('f64', maxRows);
    this.longestHours = new Column('f64', maxRows);
    this.orders = new Column('i32', maxRows);
    this.km = new Column('f64', maxRows);
    this.netCny = new Column('f64', maxRows);
  }

  /** Courier-days so far. */
  get length(): number {
    return this.day.length;
  }
}

/** The rest of each courier-day row, for evidence packs (see the file's comment). Money in fen. */
export class CourierDayRows {
  readonly courier: Column;
  readonly lateOrders: Column;
  readonly speedingKm: Column;
  readonly fatiguedKm: Column;
  readonly redRuns: Column;
  readonly crashes: Column;
  readonly baseline: Column;
  /** Each pay term of the courier-day, fen. */
  readonly payFen: Record<PayTerm, Column>;

  constructor(maxRows: number) {
    this.courier = new Column('i32', maxRows);
    this.lateOrders = new Column('f64', maxRows);
    this.speedingKm = new Column('f64', maxRows);
    this.fatiguedKm = new Column('f64', maxRows);
    this.redRuns = new Column('f64', maxRows);
    this.crashes = new Column('f64', maxRows);
    this.baseline = new Column('f64', maxRows);
    this.payFen = Object.fromEntries(PAY_TERM_NAMES.map((t) => [t, new Column('f64', maxRows)])) as Record<
      PayTerm,
      Column
    >;
  }
}
