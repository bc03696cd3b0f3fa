/**
 * The riding speed of a waybill replay (`fairpace import waybills`), measured from the data: the straight-line speed
 * of the trips couriers made with nothing else in the bag.
 */
import { distanceKm } from './geoTime.ts';
import type { Column } from './records.ts';

/** Metres per minute when the data hold too few single-order trips to measure it (15 km/h). */
export const FALLBACK_METERS_PER_MINUTE = 250;
/** Single-order trips needed to take the speed from the data. */
export const MIN_SPEED_TRIPS = 20;

/** The kept rows of a waybill file as columns (row i of each is one waybill; times in Unix seconds, 0 when missing). */
export interface TripColumns {
  /** The courier's number, −1 for none. */
  courier: Column;
  /** 1 when the courier grabbed the waybill. */
  grabbed: Column;
  grab: Column;
  fetch: Column;
  arrive: Column;
  /** Restaurant (sender) and customer (recipient) positions, degrees; NaN when missing. */
  sLat: Column;
  sLng: Column;
  rLat: Column;
  rLng: Column;
}

/**
 * Straight-line metres per minute of trips made with nothing else in the bag (no other waybill of the courier
 * accepted and not yet delivered between this one's grab and arrive), from pickup to door less `serviceMin` (half
 * of the pickup and drop-off service times): the median, rounded to the metre. Trips under 300 m or 2 minutes are
 * too short to time.
 */
export function tripSpeed(
  rows: readonly number[],
  columns: TripColumns,
  serviceMin: number,
): { metersPerMinute: number; trips: number } {
  const { courier, grabbed, grab, fetch, arrive, sLat, sLng, rLat, rLng } = columns;
  const byCourier = new Map<number, number[]>();
  for (const i of rows) {
    if (grabbed.data[i] !== 1 || (arrive.data[i] as number) <= 0) continue;
    const c = courier.data[i] as number;
    const list = byCourier.get(c);
    if (list) list.push(i);
    else byCourier.set(c, [i]);
  }
  const speeds: number[] = [];
  for (const list of byCourier.values()) {
    list.sort((a, b) => (grab.data[a] as number) - (grab.data[b] as number) || a - b);
    for (let k = 0; k < list.length; k++) {
      const i = list[k] as number;
      const g = grab.data[i] as number;
      const a = arrive.data[i] as number;
      const f = fetch.data[i] as number;
      const next = k + 1 < list.length ? (list[k + 1] as number) : -1;
      let alone = true;
      for (let j = 0; j < k && alone; j++) if ((arrive.data[list[j] as number] as number) > g) alone = false;
      if (next >= 0 && (grab.data[next] as number) < a) alone = false;
      if (!alone || f <= 0) continue;
      const lat1 = sLat.data[i] as number;
      const lng1 = sLng.data[i] as number;
      const lat2 = rLat.data[i] as number;
      const lng2 = rLng.data[i] as number;
      if (Number.isNaN(lat1 + lng1 + lat2 + lng2)) continue;
      const metres = distanceKm(lat1, lng1, lat2, lng2) * 1000;
      const minutes = (a - f) / 60 - serviceMin;
      if (metres < 300 || minutes < 2) continue;
      speeds.push(metres / minutes);
    }
  }
  speeds.sort((a, b) => a - b);
  if (speeds.length === 0) return { metersPerMinute: FALLBACK_METERS_PER_MINUTE, trips: 0 };
  const mid = (speeds.length - 1) / 2;
  const median = ((speeds[Math.floor(mid)] as number) + (speeds[Math.ceil(mid)] as number)) / 2;
  return { metersPerMinute: Math.min(1000, Math.max(50, Math.round(median))), trips: speeds.length };
}
