/** The weather kinds a day can have, and the per-weather tables of factors and amounts that several sections hold. */
import { z } from 'zod';
import { num } from './fields.ts';

/** Weather kinds a day can have (MODEL.md section 2). */
export const WEATHER_KINDS = ['clear', 'rain', 'heavyRain', 'snow', 'heat35', 'heat37', 'heat40'] as const;
export const Weather = z.enum(WEATHER_KINDS);
export type Weather = z.infer<typeof Weather>;

/** A value per weather kind (a factor or a CNY amount). */
export const perWeather = (def: Record<Weather, number>, min = 0, max = 100) =>
  z
    .strictObject({
      clear: num(min, max).default(def.clear),
      rain: num(min, max).default(def.rain),
      heavyRain: num(min, max).default(def.heavyRain),
      snow: num(min, max).default(def.snow),
      heat35: num(min, max).default(def.heat35),
      heat37: num(min, max).default(def.heat37),
      heat40: num(min, max).default(def.heat40),
    })
    .prefault({} as never);
