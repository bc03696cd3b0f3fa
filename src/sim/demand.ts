/** One day's orders: a non-homogeneous Poisson process over the hours, restaurants, customers and preparation times. */
import type { Scenario, Weather } from '../scenario/schema.ts';
import type { City } from './city.ts';
import { DayBuffers } from './dayBuffers.ts';
import { clamp, type Draws } from './random.ts';

/**
 * A day's orders as parallel arrays (times in seconds from midnight of day 0, km), in placement order unless
 * `arrival` gives that order.
 */
export interface DayOrders {
  count: number;
  placeSec: Float64Array;
  readySec: Float64Array;
  restaurant: Int32Array;
  custX: Float64Array;
  custY: Float64Array;
  /** Straight-line restaurant-to-customer distance, km. */
  straightKm: Float64Array;
  /** 1 when the order is covered by the compensation promise (set by the engine for reported days). */
  covered?: Uint8Array;
  /** The orders in placement order, when the arrays are not (a replayed instance lists them in its own order). */
  arrival?: Int32Array;
}

/** Expected orders on a day of the given weather. */
export function expectedOrdersPerDay(scenario: Scenario, weather: Weather): number {
  const base = scenario.demand.ordersPerDay ?? scenario.demand.ordersPerCourierDay * scenario.population.couriers;
  return base * scenario.demand.weatherFactor[weather];
}

/**
 * Draws day `day`'s orders. `demand` and `prep` are the day's streams' draw helpers; they are consumed in a fixed
 * order that does not depend on any rule, so every arm sees the same orders. `buffers`: where the arrays come from
 * (a caller drawing day after day passes its own, and each day's orders then replace the last day's).
 */
export function drawDayOrders(
  scenario: Scenario,
  city: City,
  day: number,
  weather: Weather,
  demand: Draws,
  prep: Draws,
  buffers: DayBuffers = new DayBuffers(),
): DayOrders {
  const { serviceStartHour, serviceEndHour } = scenario.time;
  const profile = scenario.demand.hourlyProfile;
  let weightInService = 0;
  for (let h = serviceStartHour; h < serviceEndHour; h++) weightInService += profile[h] ?? 0;
  const expected = expectedOrdersPerDay(scenario, weather);

  const counts: number[] = [];
  let total = 0;
  for (let h = serviceStartHour; h < serviceEndHour; h++) {
    const lambda = weightInService > 0 ? (expected * (profile[h] ?? 0)) / weightInService : 0;
    const n = demand.poisson(lambda);
    counts.push(n);
    total += n;
  }

  const placeSec = buffers.float64('orders.placeSec', total);
  const readySec = buffers.float64('orders.readySec', total);
  const restaurant = buffers.int32('orders.restaurant', total);
  const custX = buffers.float64('orders.custX', total);
  const custY = buffers.float64('orders.custY', total);
  const straightKm = buffers.float64('orders.straightKm', total);
  const nRestaurants = city.restaurantX.length;
  const { customerDistanceMedianKm: medKm, customerDistanceP90Km: p90Km } = scenario.city;
  const { prepMedianMin, prepP90Min } = scenario.demand;
  const dayStart = day * 86400;

  let i = 0;
  // An hour's placement times, in a buffer reused hour after hour and day after day: a plain array of a large city's
  // hour (25,000 numbers) outlived the young generation and left megabytes a day for the old one to collect. Sorted
  // ascending as numbers, as the array was.
  const hourMost = counts.reduce((a, b) => (b > a ? b : a), 0);
  const hourTimes = buffers.float64('orders.hourTimes', hourMost);
  counts.forEach((n, k) => {
    const hourStart = dayStart + (serviceStartHour + k) * 3600;
    const times = hourTimes.subarray(0, n);
    for (let j = 0; j < n; j++) times[j] = hourStart + demand.uniform(0, 3600);
    times.sort();
    for (const t of times) {
      const r = demand.index(nRestaurants);
      demand.direction();
      const dist = demand.logNormalByQuantiles(medKm, p90Km);
      const rx = city.restaurantX[r] as number;
      const ry = city.restaurantY[r] as number;
      const cx = clamp(rx + dist * demand.dirX, 0, city.widthKm);
      const cy = clamp(ry + dist * demand.dirY, 0, city.heightKm);
      placeSec[i] = t;
      readySec[i] = t + 60 * prep.logNormalByQuantiles(prepMedianMin, prepP90Min);
      restaurant[i] = r;
      custX[i] = cx;
      custY[i] = cy;
      // sqrt is correctly rounded everywhere; Math.hypot may differ in the last digit between JavaScript engines.
      straightKm[i] = Math.sqrt((cx - rx) * (cx - rx) + (cy - ry) * (cy - ry));
      i++;
    }
  });
  return { count: total, placeSec, readySec, restaurant, custX, custY, straightKm };
}
