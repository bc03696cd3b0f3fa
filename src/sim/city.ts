/** The city: a rectangle with restaurants drawn from Gaussian hotspots (MODEL.md section 1). */
import type { Scenario } from '../scenario/schema.ts';
import { clamp, draws, stream } from './random.ts';

/** Restaurant positions in km. */
export interface City {
  widthKm: number;
  heightKm: number;
  restaurantX: Float64Array;
  restaurantY: Float64Array;
}

/** Places `city.restaurants` restaurants: pick a hotspot by weight, then a Gaussian offset of its spread. */
export function buildCity(scenario: Scenario, seed: number): City {
  const { widthKm, heightKm, hotspots, restaurants } = scenario.city;
  const d = draws(stream(seed, 'city'));
  const cumulative: number[] = [];
  let total = 0;
  for (const h of hotspots) cumulative.push((total += h.weight));
  const restaurantX = new Float64Array(restaurants);
  const restaurantY = new Float64Array(restaurants);
  for (let i = 0; i < restaurants; i++) {
    const u = d.uniform(0, total);
    let k = 0;
    while (k < cumulative.length - 1 && u >= (cumulative[k] as number)) k++;
    const h = hotspots[k] ?? hotspots[0]!;
    restaurantX[i] = clamp(d.normal(h.xKm, h.spreadKm), 0, widthKm);
    restaurantY[i] = clamp(d.normal(h.yKm, h.spreadKm), 0, heightKm);
  }
  return { widthKm, heightKm, restaurantX, restaurantY };
}
