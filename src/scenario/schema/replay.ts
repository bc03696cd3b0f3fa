/** A replayed order stream (an MDRP instance) and the checks a replay scenario's instance must pass. */
import { z } from 'zod';
import { int, num } from './fields.ts';
import { LIMITS } from './limits.ts';

/** An id of an MDRP instance row: 1–40 characters without spaces ("o12", "r3", "c7"; "0" is the on-location). */
const ReplayId = z.string().regex(/^[^\s]{1,40}$/, 'an id is 1–40 characters without spaces');
/** A coordinate in metres. */
const metres = () => num(-1e9, 1e9);
/** A time in integer minutes from the instance's origin. */
const minute = () => int(0, 1_000_000);

/**
 * A replayed order stream (the Grubhub MDRP instance format, imported by `fairpace import mdrp`): restaurants,
 * orders and courier shifts in metres and integer minutes, and the instance's parameters.
 */
export const ReplayInstance = z.strictObject({
  restaurants: z
    .array(z.strictObject({ id: ReplayId, xM: metres(), yM: metres() }))
    .min(1)
    .max(LIMITS.replayRestaurants),
  orders: z
    .array(
      z.strictObject({
        id: ReplayId,
        xM: metres(),
        yM: metres(),
        placementMin: minute(),
        restaurant: ReplayId,
        readyMin: minute(),
      }),
    )
    .max(LIMITS.replayOrders),
  couriers: z
    .array(z.strictObject({ id: ReplayId, xM: metres(), yM: metres(), onMin: minute(), offMin: minute() }))
    .min(1)
    .max(LIMITS.replayCouriers),
  parameters: z.strictObject({
    metersPerMinute: num(1, 100_000),
    pickupServiceMin: int(0, 600),
    dropoffServiceMin: int(0, 600),
    targetClickToDoorMin: num(0, 100_000),
    maxClickToDoorMin: num(0, 100_000),
    payPerOrder: num(0, 1e6),
    guaranteedPayPerHour: num(0, 1e6),
  }),
});
export type ReplayInstance = z.output<typeof ReplayInstance>;

/** A replay scenario carries its instance, a synthetic one none; ids are unique and order restaurants exist. */
export function checkReplay(kind: string, replay: ReplayInstance | null, days: number, ctx: z.RefinementCtx): void {
  if (kind !== 'replay') {
    if (replay !== null)
      ctx.addIssue({ code: 'custom', path: ['replay'], message: 'replay is only for kind "replay"' });
    return;
  }
  if (replay === null) {
    ctx.addIssue({ code: 'custom', path: ['replay'], message: 'a replay scenario needs its instance' });
    return;
  }
  if (days !== 1) ctx.addIssue({ code: 'custom', path: ['time', 'days'], message: 'a replay runs one day' });
  const unique = (rows: readonly { id: string }[], key: string) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      if (seen.has(row.id)) {
        ctx.addIssue({ code: 'custom', path: ['replay', key, i, 'id'], message: `id "${row.id}" appears twice` });
      }
      seen.add(row.id);
    });
    return seen;
  };
  const restaurants = unique(replay.restaurants, 'restaurants');
  unique(replay.orders, 'orders');
  unique(replay.couriers, 'couriers');
  replay.orders.forEach((o, i) => {
    if (!restaurants.has(o.restaurant)) {
      ctx.addIssue({
        code: 'custom',
        path: ['replay', 'orders', i, 'restaurant'],
        message: `unknown restaurant "${o.restaurant}"`,
      });
    }
  });
  replay.couriers.forEach((c, i) => {
    if (c.offMin < c.onMin) {
      ctx.addIssue({ code: 'custom', path: ['replay', 'couriers', i, 'offMin'], message: 'offMin is before onMin' });
    }
  });
}
