/** The building blocks of the scenario schema's sections: bounded numbers, sections filled from defaults, tier lists. */
import { z } from 'zod';

/** A number between `min` and `max`, both included. */
export const num = (min: number, max: number) => z.number().min(min).max(max);
/** An integer between `min` and `max`, both included. */
export const int = (min: number, max: number) => z.number().int().min(min).max(max);
/** A share or probability, 0 to 1. */
export const share = () => num(0, 1);

/** A nested section, filled from its field defaults when left out. */
export const section = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape).prefault({} as never);

/** A list of tiers by minutes (`afterMin`), each later than the one before; at most 20. */
export const increasingTiers = <T extends z.ZodObject<{ afterMin: z.ZodNumber }>>(tier: T, def: z.input<T>[] = []) =>
  z
    .array(tier)
    .max(20)
    .superRefine((tiers, ctx) => {
      tiers.forEach((t, i) => {
        const before = i > 0 ? (tiers[i - 1] as { afterMin: number }).afterMin : -Infinity;
        if ((t as { afterMin: number }).afterMin <= before)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'afterMin'],
            message: `tiers must be in increasing order of minutes (tier ${i + 1} starts at ${(t as { afterMin: number }).afterMin}, not after ${before})`,
          });
      });
    })
    .default(def as never);
