/**
 * `fairpace import waybills`: one day of a platform's waybill file as a replay scenario in the MDRP layout (metres on
 * a local plane, integer minutes), so it runs under any arm's rules like an MDRP replay:
 * - an order per order_id, placed at platform_order_time, ready at estimate_meal_prepare_time, from its poi_id's
 *   restaurant (at the sender position) to the recipient position; orders without both positions are left out;
 * - a courier per courier_id who accepted a waybill that day, online from 10 min before the first grab_time to
 *   10 min after the last arrive_time (or grab_time, if nothing was delivered), starting where the first grab was
 *   made (grab_lat/lng; the restaurant when that is missing);
 * - speed from the data: the median straight-line speed of trips the courier made with nothing else in the bag;
 *   service times and the 90-minute maximum as in the MDRP instances; the target click-to-door is the day's median
 *   promise. Pay follows the scenario's rules (the model's defaults), as the data hold no pay.
 * The scenario records the file's SHA-256 in `meta.sources`, never its rows or its ids: orders, couriers and
 * restaurants are renamed o1, c1, r1… in order of first appearance.
 */
import { LIMITS, SCHEMA_VERSION, type ReplayInstance, type ScenarioInput } from '../scenario/schema.ts';
import { LocalPlane, localTimeText, ymd } from './geoTime.ts';
import { droppedSentence, PlausibilityCheck, type ImplausibleCounts } from './plausibility.ts';
import { Column, DataFormatError, IdIndex, idKey, type RecordSink } from './records.ts';
import { FALLBACK_METERS_PER_MINUTE, MIN_SPEED_TRIPS, tripSpeed } from './tripSpeed.ts';
import { ONLINE_MARGIN_MIN } from './courierDays.ts';
import { CHINA_OFFSET_MIN, IMPORT_COLUMNS, WaybillReader, type WaybillColumn } from './waybillRow.ts';

/** Options of an import. */
export interface WaybillImportOptions {
  /** The day to import, as a day number; the file's only day when left out. */
  day?: number;
  /** Only rows of this da_id (delivery area). */
  area?: string;
  offsetMin?: number;
}

/** MDRP parameters that the waybill data do not give (the MDRP instances' values). */
export const REPLAY_SERVICE_MIN = { pickup: 4, dropoff: 4 } as const;
export const REPLAY_MAX_CLICK_TO_DOOR_MIN = 90;

/** What an import gives besides the scenario. */
export interface WaybillImport {
  instance: ReplayInstance;
  /** The day imported, YYYYMMDD. */
  day: string;
  /** Unix second of minute 0. */
  originUnix: number;
  counts: {
    rows: number;
    /** Rows of the whole file left out as implausible (src/io/plausibility.ts), by kind; `rows` counts them too. */
    implausible: ImplausibleCounts;
    duplicateRows: number;
    /** Rows of the chosen day (and area). */
    dayRows: number;
    /** Orders left out for a missing position. */
    ordersWithoutPositions: number;
    /** Orders whose meal-ready estimate is missing (ready when placed). */
    ordersWithoutReadyTime: number;
    /** Orders placed before the day's midnight (placed at minute 0 in the replay). */
    ordersPlacedBefore: number;
    /** Courier ids seen only on waybills they did not grab (not in the replay: never online as far as we know). */
    couriersNeverGrabbed: number;
    /** Single-order trips the speed was measured on. */
    speedTrips: number;
  };
  /** The days of the file (and area) with their rows. */
  days: { day: string; rows: number }[];
}

/** Collects the rows of a waybill file (one area, one day or all days) for a replay. */
export class WaybillReplayBuilder implements RecordSink {
  private readonly reader: WaybillReader;
  private readonly offsetMin: number;
  private rows = 0;
  private duplicates = 0;
  private readonly waybillIds = new Set<number | string>();
  private readonly dayRows = new Map<number, number>();
  // The data's ids only number things here: the scenario names them o1, c1, r1… in order of first appearance.
  private readonly orders = new IdIndex(false);
  private readonly couriers = new IdIndex(false);
  private readonly pois = new IdIndex(false);
  // Per kept row.
  private readonly order = new Column();
  private readonly courier = new Column();
  private readonly poi = new Column();
  private readonly day = new Column();
  private readonly grabbed = new Column();
  private readonly t = {
    order: new Column(),
    ready: new Column(),
    promise: new Column(),
    grab: new Column(),
    fetch: new Column(),
    arrive: new Column(),
  };
  private readonly p = {
    sLat: new Column(),
    sLng: new Column(),
    rLat: new Column(),
    rLng: new Column(),
    gLat: new Column(),
    gLng: new Column(),
  };

  /** @param plausibility where implausible rows go: refused at the first (the default), or left out and counted */
  constructor(
    file: string,
    private readonly options: WaybillImportOptions = {},
    plausibility: PlausibilityCheck = new PlausibilityCheck(),
  ) {
    const required: WaybillColumn[] = [...IMPORT_COLUMNS, ...(options.area !== undefined ? ['da_id' as const] : [])];
    this.offsetMin = options.offsetMin ?? CHINA_OFFSET_MIN;
    this.reader = new WaybillReader(file, required, plausibility, this.offsetMin);
  }

  header(cells: readonly string[], line: number): void {
    this.reader.header(cells, line);
  }

  row(cells: readonly string[], line: number): void {
    const r = this.reader.read(cells, line);
    this.rows++;
    if (!r) return;
    const key = idKey(r.waybillId);
    if (this.waybillIds.has(key)) {
      this.duplicates++;
      return;
    }
    this.waybillIds.add(key);
    if (this.options.area !== undefined && r.daId !== this.options.area) return;
    this.dayRows.set(r.day, (this.dayRows.get(r.day) ?? 0) + 1);
    if (this.options.day !== undefined && r.day !== this.options.day) return;
    this.order.push(this.orders.of(r.orderId));
    this.courier.push(r.courierId === '' ? -1 : this.couriers.of(r.courierId));
    this.poi.push(r.poiId === '' ? -1 : this.pois.of(r.poiId));
    this.day.push(r.day);
    this.grabbed.push(r.grabbed && r.courierId !== '' && r.grabTime > 0 ? 1 : 0);
    this.t.order.push(r.orderTime);
    this.t.ready.push(r.readyTime);
    this.t.promise.push(r.prebook ? 0 : r.promiseTime);
    this.t.grab.push(r.grabTime);
    this.t.fetch.push(r.fetchTime);
    this.t.arrive.push(r.arriveTime);
    this.p.sLat.push(r.senderLat);
    this.p.sLng.push(r.senderLng);
    this.p.rLat.push(r.recipientLat);
    this.p.rLng.push(r.recipientLng);
    this.p.gLat.push(r.grabLat);
    this.p.gLng.push(r.grabLng);
  }

  /** The days read (of the area), YYYYMMDD with their rows. */
  days(): { day: string; rows: number }[] {
    return [...this.dayRows].sort((a, b) => a[0] - b[0]).map(([d, rows]) => ({ day: ymd(d), rows }));
  }

  /** Builds the replay instance of the chosen day; throws DataFormatError when the day is missing or ambiguous. */
  finish(file: string): WaybillImport {
    const days = this.days();
    let chosen = this.options.day;
    const area = this.options.area !== undefined ? ` of area ${this.options.area}` : '';
    if (chosen === undefined) {
      if (days.length !== 1) {
        const list = days.map((d) => `${d.day} (${d.rows} rows)`).join(', ');
        throw new DataFormatError(
          days.length === 0
            ? `${file}: no rows${area}`
            : `${file}: the file holds ${days.length} days${area}: ${list}; choose one with --day YYYYMMDD`,
        );
      }
      chosen = [...this.dayRows.keys()][0] as number;
    } else if (!this.dayRows.has(chosen)) {
      const list = days.map((d) => d.day).join(', ') || 'none';
      throw new DataFormatError(`${file}: no rows on ${ymd(chosen)}${area} (days: ${list})`);
    }
    const day = chosen;
    const n = this.order.length;
    const rowsOfDay: number[] = [];
    for (let i = 0; i < n; i++) if (this.day.data[i] === day) rowsOfDay.push(i);

    // Orders: the first row of each carries its times and positions; a later row may fill a missing position.
    const nOrders = this.orders.size;
    const firstRow = new Int32Array(nOrders).fill(-1);
    const posRow = new Int32Array(nOrders).fill(-1);
    const T = this.t;
    const P = this.p;
    const hasPositions = (i: number) =>
      !Number.isNaN(
        (P.sLat.data[i] as number) +
          (P.sLng.data[i] as number) +
          (P.rLat.data[i] as number) +
          (P.rLng.data[i] as number),
      );
    for (const i of rowsOfDay) {
      const o = this.order.data[i] as number;
      if (firstRow[o] === -1) firstRow[o] = i;
      if (posRow[o] === -1 && hasPositions(i)) posRow[o] = i;
    }

    // Couriers: first accept, last delivery, where they were.
    const nCouriers = this.couriers.size;
    const firstGrab = new Float64Array(nCouriers).fill(Number.POSITIVE_INFINITY);
    const firstGrabRow = new Int32Array(nCouriers).fill(-1);
    const lastDone = new Float64Array(nCouriers).fill(Number.NEGATIVE_INFINITY);
    const seen = new Uint8Array(nCouriers);
    for (const i of rowsOfDay) {
      const c = this.courier.data[i] as number;
      if (c < 0) continue;
      seen[c] = 1;
      if (this.grabbed.data[i] !== 1) continue;
      const g = T.grab.data[i] as number;
      if (g < (firstGrab[c] as number)) {
        firstGrab[c] = g;
        firstGrabRow[c] = i;
      }
      const a = T.arrive.data[i] as number;
      lastDone[c] = Math.max(lastDone[c] as number, a > 0 ? a : g);
    }

    // The plane's origin: the mean restaurant position of the day's orders.
    let latSum = 0;
    let lngSum = 0;
    let kept = 0;
    for (let o = 0; o < nOrders; o++) {
      const i = posRow[o] as number;
      if (i < 0) continue;
      latSum += P.sLat.data[i] as number;
      lngSum += P.sLng.data[i] as number;
      kept++;
    }
    if (kept === 0) throw new DataFormatError(`${file}: no order on ${ymd(day)}${area} has both positions`);
    const plane = new LocalPlane(latSum / kept, lngSum / kept);
    const xm = (lng: number) => Math.round(plane.x(lng));
    const ym = (lat: number) => Math.round(plane.y(lat));

    // Minute 0 is local midnight of the day, as the replay reads hours of the day from minutes (peak hours, per-hour
    // figures). Anything earlier (an order placed the evening before, a courier on before midnight) starts at 0.
    const origin = day * 86400 - this.offsetMin * 60;
    const minuteOf = (unix: number, round: 'down' | 'up') =>
      Math.max(0, round === 'down' ? Math.floor((unix - origin) / 60) : Math.ceil((unix - origin) / 60));

    const restaurants: ReplayInstance['restaurants'] = [];
    const restaurantOfPoi = new Map<number, string>();
    const restaurantAt = new Map<string, string>();
    const orders: ReplayInstance['orders'] = [];
    let withoutPositions = 0;
    let withoutReady = 0;
    let placedBefore = 0;
    const promised: number[] = [];
    for (let o = 0; o < nOrders; o++) {
      const first = firstRow[o] as number;
      if (first < 0) continue;
      const i = posRow[o] as number;
      if (i < 0) {
        withoutPositions++;
        continue;
      }
      const poi = this.poi.data[i] as number;
      const sLat = P.sLat.data[i] as number;
      const sLng = P.sLng.data[i] as number;
      let restaurant = poi >= 0 ? restaurantOfPoi.get(poi) : restaurantAt.get(`${sLat},${sLng}`);
      if (restaurant === undefined) {
        restaurant = `r${restaurants.length + 1}`;
        restaurants.push({ id: restaurant, xM: xm(sLng), yM: ym(sLat) });
        if (poi >= 0) restaurantOfPoi.set(poi, restaurant);
        else restaurantAt.set(`${sLat},${sLng}`, restaurant);
      }
      const placed = T.order.data[first] as number;
      const ready = T.ready.data[first] as number;
      if (ready === 0) withoutReady++;
      const placementMin = minuteOf(placed, 'down');
      if (placed < origin) placedBefore++;
      orders.push({
        id: `o${orders.length + 1}`,
        xM: xm(P.rLng.data[i] as number),
        yM: ym(P.rLat.data[i] as number),
        placementMin,
        restaurant,
        readyMin: ready > 0 ? Math.max(placementMin, minuteOf(ready, 'up')) : placementMin,
      });
      const promise = T.promise.data[first] as number;
      if (promise > 0) promised.push((promise - placed) / 60);
    }

    const couriers: ReplayInstance['couriers'] = [];
    let neverGrabbed = 0;
    for (let c = 0; c < nCouriers; c++) {
      const i = firstGrabRow[c] as number;
      if (i < 0) {
        if (seen[c]) neverGrabbed++;
        continue;
      }
      const gLat = P.gLat.data[i] as number;
      const gLng = P.gLng.data[i] as number;
      const at = Number.isNaN(gLat + gLng)
        ? { lat: P.sLat.data[i] as number, lng: P.sLng.data[i] as number }
        : { lat: gLat, lng: gLng };
      couriers.push({
        id: `c${couriers.length + 1}`,
        xM: Number.isNaN(at.lat + at.lng) ? 0 : xm(at.lng),
        yM: Number.isNaN(at.lat + at.lng) ? 0 : ym(at.lat),
        onMin: minuteOf((firstGrab[c] as number) - ONLINE_MARGIN_MIN * 60, 'down'),
        offMin: minuteOf((lastDone[c] as number) + ONLINE_MARGIN_MIN * 60, 'up'),
      });
    }
    const where = `on ${ymd(day)}${area}`;
    if (orders.length > LIMITS.replayOrders) {
      throw new DataFormatError(
        `${file}: ${orders.length} orders ${where}, above the replay limit of ${LIMITS.replayOrders}: choose a smaller --area`,
      );
    }
    if (couriers.length === 0) throw new DataFormatError(`${file}: no courier accepted a waybill ${where}`);
    if (couriers.length > LIMITS.replayCouriers || restaurants.length > LIMITS.replayRestaurants) {
      throw new DataFormatError(
        `${file}: ${couriers.length} couriers and ${restaurants.length} restaurants ${where}, above the replay limits of ${LIMITS.replayCouriers} and ${LIMITS.replayRestaurants}: choose an --area`,
      );
    }

    const speed = tripSpeed(
      rowsOfDay,
      { courier: this.courier, grabbed: this.grabbed, ...T, ...P },
      (REPLAY_SERVICE_MIN.pickup + REPLAY_SERVICE_MIN.dropoff) / 2,
    );
    promised.sort((a, b) => a - b);
    const medianPromise = promised.length > 0 ? (promised[Math.floor((promised.length - 1) / 2)] as number) : 40;
    return {
      instance: {
        restaurants,
        orders,
        couriers,
        parameters: {
          metersPerMinute: speed.trips >= MIN_SPEED_TRIPS ? speed.metersPerMinute : FALLBACK_METERS_PER_MINUTE,
          pickupServiceMin: REPLAY_SERVICE_MIN.pickup,
          dropoffServiceMin: REPLAY_SERVICE_MIN.dropoff,
          targetClickToDoorMin: Math.max(1, Math.round(medianPromise)),
          maxClickToDoorMin: REPLAY_MAX_CLICK_TO_DOOR_MIN,
          payPerOrder: 7,
          guaranteedPayPerHour: 0,
        },
      },
      day: ymd(day),
      originUnix: origin,
      counts: {
        rows: this.rows,
        implausible: this.reader.plausibility.counts(),
        duplicateRows: this.duplicates,
        dayRows: rowsOfDay.length,
        ordersWithoutPositions: withoutPositions,
        ordersWithoutReadyTime: withoutReady,
        ordersPlacedBefore: placedBefore,
        couriersNeverGrabbed: neverGrabbed,
        speedTrips: speed.trips,
      },
      days,
    };
  }
}

/** The replay scenario of an import; the file's digest goes in `meta.sources`, its rows nowhere. */
export function waybillScenario(
  result: WaybillImport,
  options: { fileName: string; sha256: string; area?: string; offsetMin?: number },
): ScenarioInput {
  const { instance, counts } = result;
  const offset = options.offsetMin ?? CHINA_OFFSET_MIN;
  const area = options.area !== undefined ? `, area ${options.area}` : '';
  const p = instance.parameters;
  const dropped = counts.implausible.rows > 0 ? ` ${droppedSentence(counts.implausible)}` : '';
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'replay',
    meta: {
      name: `Waybills ${result.day}${area}`,
      description:
        `Replay of the waybills of ${result.day}${area} from ${options.fileName}: ${instance.orders.length} orders, ${instance.couriers.length} couriers, ${instance.restaurants.length} restaurants. ` +
        `Minute 0 is ${localTimeText(result.originUnix, offset)}; ${counts.ordersPlacedBefore} orders placed before it (pre-booked the day before) are placed at minute 0. Positions are metres on a local plane around the mean restaurant position. ` +
        `Couriers are online from ${ONLINE_MARGIN_MIN} min before their first accept to ${ONLINE_MARGIN_MIN} min after their last delivery of the day. ` +
        `Speed ${p.metersPerMinute} m/min (straight line), ${counts.speedTrips >= MIN_SPEED_TRIPS ? `the median of ${counts.speedTrips} single-order trips` : `a default: only ${counts.speedTrips} single-order trips to measure`}; service ${p.pickupServiceMin} + ${p.dropoffServiceMin} min; target click-to-door ${p.targetClickToDoorMin} min (the day's median promise). ` +
        `Left out: ${counts.ordersWithoutPositions} orders without both positions.${dropped} ${counts.ordersWithoutReadyTime} orders had no meal-ready estimate (ready when placed). Pay follows the scenario's rules: the data hold none.`,
      region: '',
      sources: [
        {
          id: 'waybills',
          title: `Platform waybill file ${options.fileName} (layout of the INFORMS TSL-Meituan 2024 challenge data; CC BY-NC 4.0, not redistributed)`,
          note: `SHA-256 ${options.sha256}; day ${result.day}${area}; ${counts.rows} rows read, ${counts.duplicateRows} duplicate rows skipped.${dropped} The scenario holds positions and times derived from the file, not its rows.`,
        },
      ],
    },
    replications: 1,
    replay: instance,
  };
}
