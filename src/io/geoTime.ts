/**
 * Positions and times of real data with basic arithmetic only (the pure core uses no Math.cos and no Date, so results
 * are the same to the last bit in every JavaScript engine): distances and a local plane from degrees, calendar days
 * from Unix seconds, and ISO 8601 times with their offset.
 */

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** cos of an angle in degrees within [−180, 180], by its Taylor series (exact to a few ulps). */
export function cosDeg(deg: number): number {
  const x = deg * RAD;
  const x2 = x * x;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 30; k++) {
    term *= -x2 / ((2 * k - 1) * (2 * k));
    sum += term;
    if (Math.abs(term) < 1e-18) break;
  }
  return sum;
}

/**
 * Great-circle distance in km between two points given in degrees, by the equirectangular formula at the pair's
 * mean latitude: within 0.01% of the haversine distance at the scale of a city (tens of km).
 */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dy = (lat2 - lat1) * RAD;
  const dx = (lng2 - lng1) * RAD * cosDeg((lat1 + lat2) / 2);
  return (EARTH_RADIUS_M * Math.sqrt(dx * dx + dy * dy)) / 1000;
}

/** A local plane (metres east and north of an origin), fit for one city. */
export class LocalPlane {
  private readonly cos0: number;
  constructor(
    readonly lat0: number,
    readonly lng0: number,
  ) {
    this.cos0 = cosDeg(lat0);
  }
  /** Metres east of the origin. */
  x(lng: number): number {
    return (lng - this.lng0) * RAD * this.cos0 * EARTH_RADIUS_M;
  }
  /** Metres north of the origin. */
  y(lat: number): number {
    return (lat - this.lat0) * RAD * EARTH_RADIUS_M;
  }
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (inverse of daysFromCivil). */
export function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Whether y-m-d is a real calendar date. */
export function isDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const c = civilFromDays(daysFromCivil(y, m, d));
  return c.y === y && c.m === m && c.d === d;
}

/** A `YYYYMMDD` day as its day number, or undefined when it is not a date. */
export function dayOfYmd(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isDate(y, mo, d) ? daysFromCivil(y, mo, d) : undefined;
}

/** A day number as `YYYY-MM-DD`. */
export function isoDate(day: number): string {
  const c = civilFromDays(day);
  return `${pad(c.y, 4)}-${pad(c.m)}-${pad(c.d)}`;
}

/** A day number as `YYYYMMDD`. */
export function ymd(day: number): string {
  return isoDate(day).replaceAll('-', '');
}

/** The local day number of a Unix time at a UTC offset in minutes. */
export function localDay(unixSec: number, offsetMin: number): number {
  return Math.floor((unixSec + offsetMin * 60) / 86400);
}

/** The local hour (0–23) of a Unix time at a UTC offset in minutes. */
export function localHour(unixSec: number, offsetMin: number): number {
  const s = (((unixSec + offsetMin * 60) % 86400) + 86400) % 86400;
  return Math.floor(s / 3600);
}

/** A Unix time as `YYYY-MM-DD HH:MM` local time with its offset, e.g. `2022-10-17 00:00 +08:00`. */
export function localTimeText(unixSec: number, offsetMin: number): string {
  const local = unixSec + offsetMin * 60;
  const day = Math.floor(local / 86400);
  const sec = local - day * 86400;
  const sign = offsetMin < 0 ? '-' : '+';
  const off = Math.abs(offsetMin);
  return `${isoDate(day)} ${pad(Math.floor(sec / 3600))}:${pad(Math.floor((sec % 3600) / 60))} ${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`;
}

/** The ISO week of a day number, as `YYYY-Www` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: number): string {
  // 1970-01-01 was a Thursday: weekday 0 = Monday.
  const weekday = (((day + 3) % 7) + 7) % 7;
  const thursday = day - weekday + 3;
  const year = civilFromDays(thursday).y;
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** An ISO 8601 time with its UTC offset. */
export interface IsoTime {
  /** Unix seconds. */
  unix: number;
  /** The offset the time was written in, minutes east of UTC. */
  offsetMin: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Parses `2024-05-01T11:32:05+08:00` (seconds and fractions optional, `Z` or `±HH:MM` or `±HHMM`, a space allowed for
 * the `T`). A time without an offset is refused: it does not say which instant it is. Returns undefined when the
 * text is not such a time or names no real date and time.
 */
export function parseIsoTime(text: string): IsoTime | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const frac = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  if (!isDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  let offsetMin = 0;
  const z = m[8] as string;
  if (z !== 'Z') {
    const digits = z.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2));
    if (oh > 14 || om > 59) return undefined;
    offsetMin = (z[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const unix = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s + frac - offsetMin * 60;
  return { unix, offsetMin };
}
