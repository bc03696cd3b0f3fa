/**
 * Waybill files in the published layout of the INFORMS TSL-Meituan 2024 data, written here (the data set itself is
 * CC BY-NC 4.0 and never committed): a small one whose figures are worked out by hand in waybills.test.ts, and a
 * generator of large realistic ones for the benchmark.
 */
import { WAYBILL_COLUMNS } from '../../src/io/waybillRow.ts';

/** Local midnight of 2022-10-17 in China (UTC+8), Unix seconds. */
export const MIDNIGHT_1017 = 1665936000;
/** 11:00 local on 2022-10-17. */
export const T0 = MIDNIGHT_1017 + 11 * 3600;
const MIN = 60;

/** One row: every column of the layout, numbers as the data write them. */
export type WaybillSpec = Record<(typeof WAYBILL_COLUMNS)[number], string | number>;

/** A row with defaults: a grabbed, delivered waybill of area 7 from restaurant 900, 1.5 km north. */
export function waybill(over: Partial<WaybillSpec>): WaybillSpec {
  return {
    order_id: 1,
    waybill_id: 1,
    dt: 20221017,
    da_id: 7,
    sender_lat: 45000000,
    sender_lng: 130000000,
    recipient_lat: 45013500,
    recipient_lng: 130000000,
    poi_id: 900,
    platform_order_time: T0,
    estimate_arrived_time: T0 + 30 * MIN,
    estimate_meal_prepare_time: T0 + 10 * MIN,
    order_push_time: T0,
    dispatch_time: T0 + MIN,
    courier_id: 101,
    grab_lat: 45001000,
    grab_lng: 130001000,
    is_courier_grabbed: 1,
    grab_time: T0 + 2 * MIN,
    fetch_time: T0 + 12 * MIN,
    arrive_time: T0 + 25 * MIN,
    is_prebook: 0,
    is_weekend: 0,
    ...over,
  };
}

/** The time columns of a row (Unix seconds, 0 when a thing did not happen). */
export const TIME_COLUMNS = [
  'platform_order_time',
  'estimate_arrived_time',
  'estimate_meal_prepare_time',
  'order_push_time',
  'dispatch_time',
  'grab_time',
  'fetch_time',
  'arrive_time',
] as const;

/** A row of `waybill(over)` a day later: dt 2022-10-18, and every time of the row moved with it. */
export function nextDay(over: Partial<WaybillSpec>): WaybillSpec {
  const row = waybill(over);
  const moved: WaybillSpec = { ...row, dt: 20221018 };
  for (const c of TIME_COLUMNS) {
    const t = Number(row[c]);
    if (t > 0) moved[c] = t + 86400;
  }
  return moved;
}

/** CSV text of rows (LF line ends, as pandas writes), with the header; `columns` reorders or drops columns. */
export function waybillCsv(rows: readonly WaybillSpec[], columns: readonly string[] = WAYBILL_COLUMNS): string {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => String((r as Record<string, unknown>)[c] ?? '')).join(','));
  return `${lines.join('\n')}\n`;
}

/**
 * The hand-worked file: couriers 101 (A) and 102 (B) on 2022-10-17, six orders, seven waybills and one duplicate
 * row. Order 1 was refused once by B, order 5 is pre-booked, order 6 was never grabbed.
 */
export function smallWaybills(): WaybillSpec[] {
  const refused = waybill({
    order_id: 1,
    waybill_id: 11,
    courier_id: 102,
    is_courier_grabbed: 0,
    grab_lat: 0,
    grab_lng: 0,
    grab_time: 0,
    fetch_time: 0,
    arrive_time: 0,
  });
  const o1 = waybill({ order_id: 1, waybill_id: 12 });
  const o2 = waybill({
    order_id: 2,
    waybill_id: 21,
    platform_order_time: T0 + 5 * MIN,
    estimate_arrived_time: T0 + 35 * MIN,
    estimate_meal_prepare_time: T0 + 15 * MIN,
    grab_time: T0 + 6 * MIN,
    fetch_time: T0 + 14 * MIN,
    arrive_time: T0 + 40 * MIN,
  });
  const o3 = waybill({
    order_id: 3,
    waybill_id: 31,
    courier_id: 102,
    poi_id: 901,
    sender_lat: 45010000,
    recipient_lat: 45023500,
    platform_order_time: T0 + 60 * MIN,
    estimate_arrived_time: T0 + 90 * MIN,
    estimate_meal_prepare_time: T0 + 70 * MIN,
    grab_time: T0 + 61 * MIN,
    fetch_time: T0 + 70 * MIN,
    arrive_time: T0 + 100 * MIN,
  });
  const o4 = waybill({
    order_id: 4,
    waybill_id: 41,
    platform_order_time: T0 + 48 * MIN,
    estimate_arrived_time: T0 + 78 * MIN,
    estimate_meal_prepare_time: T0 + 55 * MIN,
    grab_time: T0 + 50 * MIN,
    fetch_time: T0 + 55 * MIN,
    arrive_time: T0 + 70 * MIN,
  });
  const o5 = waybill({
    order_id: 5,
    waybill_id: 51,
    courier_id: 102,
    is_prebook: 1,
    platform_order_time: T0 - 120 * MIN,
    estimate_arrived_time: T0 + 120 * MIN,
    estimate_meal_prepare_time: T0 + 100 * MIN,
    grab_time: T0 + 101 * MIN,
    fetch_time: T0 + 105 * MIN,
    arrive_time: T0 + 115 * MIN,
  });
  const o6 = waybill({
    order_id: 6,
    waybill_id: 61,
    courier_id: 0,
    is_courier_grabbed: 0,
    platform_order_time: T0 + 120 * MIN,
    estimate_arrived_time: T0 + 150 * MIN,
    estimate_meal_prepare_time: T0 + 130 * MIN,
    grab_lat: 0,
    grab_lng: 0,
    grab_time: 0,
    fetch_time: 0,
    arrive_time: 0,
  });
  return [refused, o1, o2, o2, o3, o4, o5, o6];
}

/** A small deterministic generator (LCG), so generated files are the same on every machine. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * A large waybill file in the published layout, written piece by piece through `write` (so it never sits in memory):
 * `rows` rows over `days` days from 2022-10-17, couriers working waves of 1–4 orders, one waybill in eight refused
 * first, one order in fifty pre-booked. `writeWave` (when given) gets the lines of the matching courier-wave file.
 *
 * The rows are physically coherent, so that a replay of them is a fair test of a dispatcher: 20 delivery areas of
 * 3.5 × 3 km, each with 150 restaurants at fixed places; a courier stays in its area and rides at its own
 * straight-line pace (13–18 km/h); a wave's restaurants lie close together and its pickups come first, then its drop-offs
 * (nearest first), each 0.3–3 km from its restaurant; every time follows from those distances, the food's ready time and
 * 4 minutes of service at each stop, half before and half after the recorded time (as the replay assumes).
 */
export function generateWaybills(
  rows: number,
  write: (text: string) => void,
  days = 8,
  seed = 12,
  writeWave?: (text: string) => void,
): void {
  writeWave?.('dt,courier_id,wave_id,wave_start_time,wave_end_time,order_ids\n');
  const rnd = lcg(seed);
  const AREAS = 20;
  const PER_AREA = 150;
  // µdeg per km at 45° N.
  const LAT_KM = 1e6 / 111.2;
  const LNG_KM = 1e6 / (111.2 * Math.SQRT1_2);
  const poiLat: number[] = [];
  const poiLng: number[] = [];
  for (let a = 0; a < AREAS; a++) {
    const lat0 = 45_000_000 + (a % 5) * 5 * LAT_KM;
    const lng0 = 130_000_000 + Math.floor(a / 5) * 5 * LNG_KM;
    for (let k = 0; k < PER_AREA; k++) {
      poiLat.push(Math.round(lat0 + rnd() * 3.5 * LAT_KM));
      poiLng.push(Math.round(lng0 + rnd() * 3 * LNG_KM));
    }
  }
  const km = (aLat: number, aLng: number, bLat: number, bLng: number) =>
    Math.hypot((bLat - aLat) / LAT_KM, (bLng - aLng) / LNG_KM);
  const couriersPerDay = Math.max(2, Math.round(rows / days / 40));
  write(`${WAYBILL_COLUMNS.join(',')}\n`);
  let buf = '';
  let written = 0;
  let order = 100_000_000;
  let wb = 500_000_000;
  const line = (cells: (string | number)[]) => {
    buf += `${cells.join(',')}\n`;
    written++;
    if (buf.length > 1 << 20) {
      write(buf);
      buf = '';
    }
  };
  // Each pass over the days brings new couriers, so no courier works the same day twice.
  for (let pass = 0, d = 0; written < rows; d = (d + 1) % days, pass += d === 0 ? 1 : 0) {
    const midnight = MIDNIGHT_1017 + d * 86400;
    const dt = 20221017 + d;
    for (let c = 0; c < couriersPerDay && written < rows; c++) {
      const courier = 10_000 + 2 * (pass * couriersPerDay + c);
      const area = c % AREAS;
      const secPerKm = 3600 / (13 + rnd() * 5);
      let t = midnight + (9 + Math.floor(rnd() * 4)) * 3600 + Math.floor(rnd() * 3600);
      const end = t + (4 + Math.floor(rnd() * 8)) * 3600;
      const start = area * PER_AREA + Math.floor(rnd() * PER_AREA);
      let lat = poiLat[start] as number;
      let lng = poiLng[start] as number;
      let waveId = 0;
      while (t < end && written < rows) {
        const wave = 1 + Math.floor(rnd() * 4);
        const waveOrders: { order: number; poi: number; rLat: number; rLng: number; prebook: number }[] = [];
        const grabs: number[] = [];
        const placed: number[] = [];
        const ready: number[] = [];
        const first = area * PER_AREA + Math.floor(rnd() * PER_AREA);
        for (let k = 0; k < wave; k++) {
          // A wave's restaurants lie close together: after the first, the nearest of six drawn in the area.
          let poi = first;
          for (let j = 0, best = Infinity; k > 0 && j < 6; j++) {
            const q = area * PER_AREA + Math.floor(rnd() * PER_AREA);
            const dq = km(poiLat[first] as number, poiLng[first] as number, poiLat[q] as number, poiLng[q] as number);
            if (dq < best) [best, poi] = [dq, q];
          }
          const r = 0.3 + 2.7 * rnd() ** 1.5;
          const angle = rnd() * 2 * Math.PI;
          waveOrders.push({
            order: ++order,
            poi,
            rLat: Math.round((poiLat[poi] as number) + r * Math.cos(angle) * LAT_KM),
            rLng: Math.round((poiLng[poi] as number) + r * Math.sin(angle) * LNG_KM),
            prebook: rnd() < 0.02 ? 1 : 0,
          });
          grabs.push(t + k * 30);
          placed.push(t + k * 30 - 60 - Math.floor(rnd() * 300));
          ready.push((placed[k] as number) + (8 + Math.floor(rnd() * 10)) * 60);
        }
        // Pickups in order, then drop-offs in order.
        const grabLat = lat;
        const grabLng = lng;
        let clock = t;
        const fetch: number[] = [];
        for (let k = 0; k < wave; k++) {
          const o = waveOrders[k] as (typeof waveOrders)[number];
          const pLat = poiLat[o.poi] as number;
          const pLng = poiLng[o.poi] as number;
          const at = Math.max(clock + Math.round(km(lat, lng, pLat, pLng) * secPerKm) + 120, grabs[k] as number);
          fetch.push(Math.max(at, ready[k] as number) + Math.floor(rnd() * 120));
          clock = (fetch[k] as number) + 120;
          lat = pLat;
          lng = pLng;
        }
        // Drop-offs nearest first.
        const arrive: number[] = [];
        const left = waveOrders.map((_, k) => k);
        while (left.length > 0) {
          let pick = 0;
          for (let j = 1; j < left.length; j++) {
            const a = waveOrders[left[j] as number] as (typeof waveOrders)[number];
            const b = waveOrders[left[pick] as number] as (typeof waveOrders)[number];
            if (km(lat, lng, a.rLat, a.rLng) < km(lat, lng, b.rLat, b.rLng)) pick = j;
          }
          const k = left.splice(pick, 1)[0] as number;
          const o = waveOrders[k] as (typeof waveOrders)[number];
          clock += Math.round(km(lat, lng, o.rLat, o.rLng) * secPerKm) + 120;
          arrive[k] = clock;
          clock += 120;
          lat = o.rLat;
          lng = o.rLng;
        }
        const ids: number[] = [];
        for (let k = 0; k < wave && written < rows; k++) {
          const o = waveOrders[k] as (typeof waveOrders)[number];
          ids.push(o.order);
          const sLat = poiLat[o.poi] as number;
          const sLng = poiLng[o.poi] as number;
          const p = placed[k] as number;
          const promise = p + Math.round((28 + 5 * km(sLat, sLng, o.rLat, o.rLng) + rnd() * 10) * 60);
          const common: number[] = [o.order, 0, dt, area + 1, sLat, sLng, o.rLat, o.rLng, 5000 + o.poi, p, promise];
          common.push(ready[k] as number);
          if (rnd() < 0.125 && written < rows - 1) {
            common[1] = ++wb;
            line([...common, p + 10, p + 30, courier + 1, 0, 0, 0, 0, 0, 0, o.prebook, 0]);
          }
          common[1] = ++wb;
          const g = grabs[k] as number;
          line([
            ...common,
            p + 10,
            p + 30,
            courier,
            grabLat,
            grabLng,
            1,
            g,
            fetch[k] as number,
            arrive[k] as number,
            o.prebook,
            0,
          ]);
        }
        const last = Math.max(...arrive);
        writeWave?.(`${dt},${courier},${++waveId},${t},${last},"[${ids.join(', ')}]"\n`);
        t = last + 60 + Math.floor(rnd() * 900);
      }
    }
  }
  write(buf);
}
