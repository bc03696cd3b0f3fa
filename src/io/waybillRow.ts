/**
 * One row of a platform waybill file in the layout of the INFORMS TSL-Meituan 2024 challenge data
 * (`all_waybill_info_meituan*.csv`): the columns, and the checks that stop a malformed line with
 * `<file>:<line>: <message>`. Times are Unix seconds, coordinates shifted degrees × 10⁶, and 0 means "did not
 * happen" or "not known" (a waybill no courier grabbed has no courier, grab position or later times).
 */
import { dayOfYmd, distanceKm, localTimeText, ymd } from './geoTime.ts';
import {
  DAY_SECONDS,
  durationText,
  implausibleMessage,
  MAX_STAGE_HOURS,
  MAX_STRAIGHT_LINE_KMH,
  PlausibilityCheck,
  POSITION_SLACK_KM,
  tooFastKmh,
  type ImplausibleKind,
} from './plausibility.ts';
import { checkWidth, DataFormatError, MAX_UNIX, MIN_UNIX, readHeader, shown, type HeaderMap } from './records.ts';

/** Every column of the published waybill file, in its order. */
export const WAYBILL_COLUMNS = [
  'order_id',
  'waybill_id',
  'dt',
  'da_id',
  'sender_lat',
  'sender_lng',
  'recipient_lat',
  'recipient_lng',
  'poi_id',
  'platform_order_time',
  'estimate_arrived_time',
  'estimate_meal_prepare_time',
  'order_push_time',
  'dispatch_time',
  'courier_id',
  'grab_lat',
  'grab_lng',
  'is_courier_grabbed',
  'grab_time',
  'fetch_time',
  'arrive_time',
  'is_prebook',
  'is_weekend',
] as const;
/** A waybill column. */
export type WaybillColumn = (typeof WAYBILL_COLUMNS)[number];

/** The columns `fairpace observe waybills` needs. */
export const OBSERVE_COLUMNS: readonly WaybillColumn[] = [
  'order_id',
  'waybill_id',
  'dt',
  'courier_id',
  'is_courier_grabbed',
  'platform_order_time',
  'estimate_arrived_time',
  'grab_time',
  'fetch_time',
  'arrive_time',
  'sender_lat',
  'sender_lng',
  'recipient_lat',
  'recipient_lng',
];
/** The columns `fairpace import waybills` needs on top of those (`da_id` too when an area is chosen). */
export const IMPORT_COLUMNS: readonly WaybillColumn[] = [...OBSERVE_COLUMNS, 'poi_id', 'estimate_meal_prepare_time'];

/** China Standard Time, the data's city: minutes east of UTC. */
export const CHINA_OFFSET_MIN = 480;
/** km of straight line per degree of latitude, an upper bound for a degree of longitude too. */
const KM_PER_DEGREE = 111.2;

/** One parsed waybill row; times in Unix seconds (0 when missing), coordinates in degrees (NaN when missing). */
export interface Waybill {
  orderId: string;
  waybillId: string;
  courierId: string;
  /** The `dt` partition as a day number (days since 1970-01-01). */
  day: number;
  daId: string;
  poiId: string;
  grabbed: boolean;
  prebook: boolean;
  orderTime: number;
  promiseTime: number;
  readyTime: number;
  grabTime: number;
  fetchTime: number;
  arriveTime: number;
  senderLat: number;
  senderLng: number;
  recipientLat: number;
  recipientLng: number;
  grabLat: number;
  grabLng: number;
}

/** A decimal number of plain digits (`123`, `123.0`), or NaN. Faster than a regular expression per cell. */
function unsigned(cell: string): number {
  const n = cell.length;
  if (n === 0) return Number.NaN;
  let dot = false;
  for (let i = 0; i < n; i++) {
    const c = cell.charCodeAt(i);
    if (c === 46 && !dot && i > 0 && i < n - 1) dot = true;
    else if (c < 48 || c > 57) return Number.NaN;
  }
  return Number(cell);
}

/** An id as the data has it: 1–40 characters without spaces or commas. */
const ID = /^[^\s,]{1,40}$/;

/** Reads waybill rows: checks the header once, then each row, into one reused object. */
export class WaybillReader {
  private map: HeaderMap | undefined;
  private readonly at = new Map<string, number>();
  /** The row last read (the same object every time). */
  readonly row: Waybill = {
    orderId: '',
    waybillId: '',
    courierId: '',
    day: 0,
    daId: '',
    poiId: '',
    grabbed: false,
    prebook: false,
    orderTime: 0,
    promiseTime: 0,
    readyTime: 0,
    grabTime: 0,
    fetchTime: 0,
    arriveTime: 0,
    senderLat: Number.NaN,
    senderLng: Number.NaN,
    recipientLat: Number.NaN,
    recipientLng: Number.NaN,
    grabLat: Number.NaN,
    grabLng: Number.NaN,
  };
  private lastDtText = '';
  private lastDay = 0;
  private pushTime = 0;
  private dispatchTime = 0;

  /**
   * @param plausibility where implausible rows go: refused at the first (the default) or left out and counted
   * @param offsetMin the data's UTC offset, for the local day of a time
   */
  constructor(
    readonly file: string,
    private readonly required: readonly WaybillColumn[],
    readonly plausibility = new PlausibilityCheck(),
    private readonly offsetMin = CHINA_OFFSET_MIN,
  ) {}

  /** Columns of the header that are not waybill columns (ignored). */
  get ignored(): string[] {
    return this.map?.ignored ?? [];
  }

  header(cells: readonly string[], line: number): void {
    this.map = readHeader(this.file, line, cells, this.required, WAYBILL_COLUMNS, 'a waybill file');
    for (const [name, i] of this.map.index) this.at.set(name, i);
  }

  /** Whether the header has a column. */
  has(column: WaybillColumn): boolean {
    return this.at.has(column);
  }

  private fail(line: number, message: string): never {
    throw new DataFormatError(`${this.file}:${line}: ${message}`);
  }

  private cell(cells: readonly string[], column: WaybillColumn): string {
    const i = this.at.get(column);
    return i === undefined ? '' : (cells[i] as string).trim();
  }

  private id(cells: readonly string[], column: WaybillColumn, line: number, optional = false): string {
    const text = this.cell(cells, column);
    if (text === '' && (optional || !this.at.has(column))) return '';
    if (!ID.test(text)) this.fail(line, `${column} ${shown(text)} is not an id (1–40 characters, no spaces)`);
    return text;
  }

  private time(cells: readonly string[], column: WaybillColumn, line: number): number {
    const text = this.cell(cells, column);
    if (text === '') return 0;
    const v = unsigned(text);
    if (Number.isNaN(v)) this.fail(line, `${column} ${shown(text)} is not a time in whole Unix seconds`);
    if (v !== 0 && (v < MIN_UNIX || v >= MAX_UNIX)) {
      this.fail(line, `${column} ${text} is not a Unix time in seconds between the years 2000 and 2100`);
    }
    return v;
  }

  private coordinate(cells: readonly string[], column: WaybillColumn, line: number, limit: number): number {
    const text = this.cell(cells, column);
    if (text === '') return Number.NaN;
    const negative = text.startsWith('-');
    const v = unsigned(negative ? text.slice(1) : text);
    if (Number.isNaN(v)) this.fail(line, `${column} ${shown(text)} is not a number (degrees × 10⁶)`);
    if (v === 0) return Number.NaN;
    if (v > limit * 1e6) {
      this.fail(line, `${column} ${text} is outside the valid range of ±${limit} degrees (× 10⁶ = ±${limit * 1e6})`);
    }
    return ((negative ? -1 : 1) * v) / 1e6;
  }

  private flag(cells: readonly string[], column: WaybillColumn, line: number): boolean {
    const text = this.cell(cells, column);
    if (text === '' && !this.at.has(column)) return false;
    if (text === '1' || text === '1.0') return true;
    if (text === '0' || text === '0.0' || text === '') return false;
    return this.fail(line, `${column} ${shown(text)} must be 0 or 1`);
  }

  /**
   * Parses and checks one row into `this.row`; throws DataFormatError naming the line and the field. A well-formed
   * row that breaks a plausibility bound goes to the PlausibilityCheck (which refuses it, or counts it) and gives
   * undefined: the caller leaves it out.
   */
  read(cells: readonly string[], line: number): Waybill | undefined {
    if (!this.map) throw new Error('read before header');
    checkWidth(this.file, line, cells, this.map.width);
    const r = this.row;
    r.orderId = this.id(cells, 'order_id', line);
    r.waybillId = this.id(cells, 'waybill_id', line);
    const courier = this.id(cells, 'courier_id', line, true);
    r.courierId = courier === '0' ? '' : courier;
    r.daId = this.id(cells, 'da_id', line, true);
    const poi = this.id(cells, 'poi_id', line, true);
    r.poiId = poi === '0' ? '' : poi;
    const dtText = this.cell(cells, 'dt');
    if (dtText !== this.lastDtText) {
      const day = dayOfYmd(dtText);
      if (day === undefined) this.fail(line, `dt ${shown(dtText)} is not a date written YYYYMMDD`);
      this.lastDtText = dtText;
      this.lastDay = day;
    }
    r.day = this.lastDay;
    r.grabbed = this.flag(cells, 'is_courier_grabbed', line);
    r.prebook = this.flag(cells, 'is_prebook', line);
    r.orderTime = this.time(cells, 'platform_order_time', line);
    r.promiseTime = this.time(cells, 'estimate_arrived_time', line);
    r.readyTime = this.time(cells, 'estimate_meal_prepare_time', line);
    this.pushTime = this.time(cells, 'order_push_time', line);
    this.dispatchTime = this.time(cells, 'dispatch_time', line);
    r.grabTime = this.time(cells, 'grab_time', line);
    r.fetchTime = this.time(cells, 'fetch_time', line);
    r.arriveTime = this.time(cells, 'arrive_time', line);
    r.senderLat = this.coordinate(cells, 'sender_lat', line, 90);
    r.senderLng = this.coordinate(cells, 'sender_lng', line, 180);
    r.recipientLat = this.coordinate(cells, 'recipient_lat', line, 90);
    r.recipientLng = this.coordinate(cells, 'recipient_lng', line, 180);
    r.grabLat = this.coordinate(cells, 'grab_lat', line, 90);
    r.grabLng = this.coordinate(cells, 'grab_lng', line, 180);
    if (r.orderTime === 0) this.fail(line, 'platform_order_time is missing (0): every waybill has an order time');
    const problem = this.implausible(r);
    if (problem) {
      const [kind, column, value, text] = problem;
      const index = this.at.get(column);
      this.plausibility.reject(
        kind,
        implausibleMessage(
          { file: this.file, line, column, ...(index !== undefined ? { index } : {}) },
          value,
          text,
          kind,
        ),
      );
      return undefined;
    }
    return r;
  }

  /**
   * The first plausibility bound the row breaks (src/io/plausibility.ts), as [kind, column, value, what is wrong];
   * undefined when it breaks none. Times of 0 ("did not happen") are not checked.
   */
  private implausible(r: Waybill): [ImplausibleKind, WaybillColumn, number, string] | undefined {
    // Every time on its dt day or the next (local time); a pre-booked order may have been placed the day before.
    const dayStart = r.day * DAY_SECONDS - this.offsetMin * 60;
    const dayEnd = dayStart + 2 * DAY_SECONDS;
    const times: [WaybillColumn, number][] = [
      ['platform_order_time', r.orderTime],
      ['estimate_arrived_time', r.promiseTime],
      ['estimate_meal_prepare_time', r.readyTime],
      ['order_push_time', this.pushTime],
      ['dispatch_time', this.dispatchTime],
      ['grab_time', r.grabTime],
      ['fetch_time', r.fetchTime],
      ['arrive_time', r.arriveTime],
    ];
    for (const [column, t] of times) {
      if (t === 0) continue;
      const earliest = column === 'platform_order_time' && r.prebook ? dayStart - DAY_SECONDS : dayStart;
      if (t < earliest || t >= dayEnd) {
        const allowed =
          earliest < dayStart
            ? `the day before dt ${ymd(r.day)}, on it or the next day`
            : `its dt ${ymd(r.day)} or the next day`;
        return ['outside-day', column, t, `is ${localTimeText(t, this.offsetMin)}, not on ${allowed}`];
      }
    }
    const o = r.orderTime;
    if (!r.prebook && r.promiseTime > 0 && r.promiseTime < o) {
      return [
        'out-of-order',
        'estimate_arrived_time',
        r.promiseTime,
        `is before platform_order_time ${o}: promised before it was ordered`,
      ];
    }
    if (!r.grabbed) return undefined;
    const { grabTime: g, fetchTime: f, arriveTime: a } = r;
    if (g > 0 && g < o)
      return ['out-of-order', 'grab_time', g, `is before platform_order_time ${o}: accepted before it was ordered`];
    if (g > 0 && f > 0 && f < g)
      return ['out-of-order', 'fetch_time', f, `is before grab_time ${g}: picked up before it was accepted`];
    if (f > 0 && a > 0 && a < f)
      return ['out-of-order', 'arrive_time', a, `is before fetch_time ${f}: delivered before it was picked up`];
    if (g > 0 && a > 0 && a < g)
      return ['out-of-order', 'arrive_time', a, `is before grab_time ${g}: delivered before it was accepted`];
    if (a > 0 && a < o)
      return ['out-of-order', 'arrive_time', a, `is before platform_order_time ${o}: delivered before it was ordered`];
    const max = MAX_STAGE_HOURS * 3600;
    const stages: [WaybillColumn, number, WaybillColumn, number, boolean][] = [
      ['grab_time', g, 'platform_order_time', o, !r.prebook],
      ['fetch_time', f, 'grab_time', g, true],
      ['arrive_time', a, 'fetch_time', f, true],
      ['arrive_time', a, 'platform_order_time', o, !r.prebook],
      ['estimate_arrived_time', r.promiseTime, 'platform_order_time', o, !r.prebook],
    ];
    for (const [column, end, from, start, applies] of stages) {
      if (applies && end > 0 && start > 0 && end - start > max) {
        return [
          'over-a-day',
          column,
          end,
          `is ${durationText(end - start)} after ${from} ${start}, more than ${MAX_STAGE_HOURS} h`,
        ];
      }
    }
    // The straight line from sender to recipient against fetch → arrive, with a cheap upper bound first: a degree of
    // latitude or longitude is at most KM_PER_DEGREE km, so most rows need no distance at all.
    if (f > 0 && a > 0 && hasTrip(r)) {
      const bound =
        (Math.abs(r.recipientLat - r.senderLat) + Math.abs(r.recipientLng - r.senderLng)) * KM_PER_DEGREE -
        POSITION_SLACK_KM;
      if (bound * 3600 > (a - f) * MAX_STRAIGHT_LINE_KMH) {
        const km = distanceKm(r.senderLat, r.senderLng, r.recipientLat, r.recipientLng);
        const kmh = tooFastKmh(km, a - f);
        if (kmh !== undefined) {
          return [
            'too-fast',
            'arrive_time',
            a,
            `is ${durationText(a - f)} after fetch_time ${f} for ${Math.round(km * 100) / 100} km in a straight line from sender to recipient (${Number.isFinite(kmh) ? `${Math.round(kmh)} km/h` : 'no time at all'})`,
          ];
        }
      }
    }
    return undefined;
  }
}

/** Whether a row is a delivery: grabbed by a courier, accepted and delivered. */
export function isDelivered(r: Waybill): boolean {
  return r.grabbed && r.courierId !== '' && r.grabTime > 0 && r.arriveTime > 0;
}

/** Whether a row has both ends of its trip. */
export function hasTrip(r: Waybill): boolean {
  return !Number.isNaN(r.senderLat + r.senderLng + r.recipientLat + r.recipientLng);
}
