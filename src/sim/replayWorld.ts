/**
 * A replayed instance (an MDRP instance, or imported waybills) in the engine's terms: km from the south-west corner
 * of every point, seconds, the orders as the day's orders of every replayed day, and what the MDRP travel model and
 * pay need of the instance's own metres.
 */
import type { ReplayInstance } from '../scenario/schema.ts';
import type { City } from './city.ts';
import type { DayOrders } from './demand.ts';
import { dist } from './spatialGrid.ts';

/** Straight-line km between two points given in metres. */
export function kmBetween(ax: number, ay: number, bx: number, by: number): number {
  return dist(bx - ax, by - ay) / 1000;
}

/** The instance in the engine's terms: km from the south-west corner of every point, seconds; fixed for a run. */
export interface ReplayWorld {
  inst: ReplayInstance;
  city: City;
  /** The orders, the same every day; `arrival` is their placement order (then instance order). */
  orders: DayOrders;
  /** Restaurant index of each order. */
  restOf: Int32Array;
  /** Each order's rank in placement order. */
  rank: Int32Array;
  /** Each order's restaurant-to-customer km from the instance's metres (what the order pays by). */
  orderKm: Float64Array;
  courierX: Float64Array;
  courierY: Float64Array;
  /** The south-west corner in the instance's metres. */
  originXM: number;
  originYM: number;
  /** The longest straight distance in the instance, km. */
  extentKm: number;
}

/** The instance in the engine's terms. */
export function replayWorld(inst: ReplayInstance): ReplayWorld {
  const points = [...inst.restaurants, ...inst.orders, ...inst.couriers];
  const x0 = Math.min(...points.map((p) => p.xM));
  const y0 = Math.min(...points.map((p) => p.yM));
  const x1 = Math.max(...points.map((p) => p.xM));
  const y1 = Math.max(...points.map((p) => p.yM));
  const km = (m: number, origin: number) => (m - origin) / 1000;
  const restIndex = new Map(inst.restaurants.map((r, i) => [r.id, i]));
  const restOf = Int32Array.from(inst.orders, (o) => restIndex.get(o.restaurant) ?? 0);
  const city: City = {
    widthKm: Math.max(km(x1, x0), 0.001),
    heightKm: Math.max(km(y1, y0), 0.001),
    restaurantX: Float64Array.from(inst.restaurants, (r) => km(r.xM, x0)),
    restaurantY: Float64Array.from(inst.restaurants, (r) => km(r.yM, y0)),
  };
  const custX = Float64Array.from(inst.orders, (o) => km(o.xM, x0));
  const custY = Float64Array.from(inst.orders, (o) => km(o.yM, y0));
  const byPlacement = Int32Array.from(
    Array.from({ length: inst.orders.length }, (_, i) => i).sort(
      (a, b) => (inst.orders[a]?.placementMin ?? 0) - (inst.orders[b]?.placementMin ?? 0) || a - b,
    ),
  );
  const rank = new Int32Array(byPlacement.length);
  byPlacement.forEach((o, k) => (rank[o] = k));
  const orders: DayOrders = {
    count: inst.orders.length,
    placeSec: Float64Array.from(inst.orders, (o) => o.placementMin * 60),
    readySec: Float64Array.from(inst.orders, (o) => o.readyMin * 60),
    restaurant: restOf,
    custX,
    custY,
    straightKm: Float64Array.from(inst.orders, (o, i) => {
      const r = restOf[i] as number;
      return dist(
        (city.restaurantX[r] as number) - (custX[i] as number),
        (city.restaurantY[r] as number) - (custY[i] as number),
      );
    }),
    arrival: byPlacement,
  };
  const restaurants = new Map(inst.restaurants.map((r) => [r.id, r]));
  return {
    inst,
    city,
    orders,
    restOf,
    rank,
    orderKm: Float64Array.from(inst.orders, (o) => {
      const r = restaurants.get(o.restaurant);
      return r ? kmBetween(r.xM, r.yM, o.xM, o.yM) : 0;
    }),
    courierX: Float64Array.from(inst.couriers, (c) => km(c.xM, x0)),
    courierY: Float64Array.from(inst.couriers, (c) => km(c.yM, y0)),
    originXM: x0,
    originYM: y0,
    extentKm: dist(km(x1, x0), km(y1, y0)),
  };
}
