// Memo slots for a day's orders (src/sim/orderSlots.ts): against per-order arrays, an order that can still wait reads
// exactly what the arrays would hold, through any sequence of remembering, settling orders and releasing slots.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DayBuffers } from '../../src/sim/dayBuffers.ts';
import { ASSIGNED, CANCELLED, DELIVERED, PICKED, WAITING } from '../../src/sim/orderBook.ts';
import { OrderSlots } from '../../src/sim/orderSlots.ts';

const ORDERS = 40;
const WIDTH = 3;

/** One step: remember a value for an order, move an order on, or release the settled orders' slots. */
type Step =
  | { kind: 'write'; order: number; k: number; value: number }
  | { kind: 'status'; order: number; to: number }
  | { kind: 'release' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    order: fc.nat(ORDERS - 1),
    k: fc.nat(WIDTH - 1),
    value: fc.integer({ min: -5, max: 1000 }),
  }),
  fc.record({
    kind: fc.constant('status' as const),
    order: fc.nat(ORDERS - 1),
    to: fc.constantFrom(WAITING, ASSIGNED, PICKED, DELIVERED, CANCELLED),
  }),
  fc.record({ kind: fc.constant('release' as const) }),
);

describe('OrderSlots', () => {
  it('reads, for every order that can still wait, what per-order arrays would hold', () => {
    fc.assert(
      fc.property(fc.array(fc.array(step, { maxLength: 200 }), { minLength: 1, maxLength: 3 }), (days) => {
        const slots = new OrderSlots();
        const seq = slots.float64(1, -1);
        const couriers = slots.int32(WIDTH, -1);
        const buffers = new DayBuffers();
        for (const steps of days) {
          slots.startDay(ORDERS, buffers, 'slot');
          const status = new Uint8Array(ORDERS);
          const refSeq = new Float64Array(ORDERS).fill(-1);
          const refCouriers = new Int32Array(ORDERS * WIDTH).fill(-1);
          for (const s of steps) {
            if (s.kind === 'status') {
              // Orders picked up, delivered or cancelled never wait again; an assigned one may be handed back.
              const st = status[s.order] as number;
              if (st === WAITING || st === ASSIGNED) status[s.order] = s.to;
            } else if (s.kind === 'release') slots.releaseSettled(status);
            else if (status[s.order] === WAITING || status[s.order] === ASSIGNED) {
              const slot = slots.take(s.order);
              seq.data[slot] = s.value;
              couriers.data[slot * WIDTH + s.k] = s.value;
              refSeq[s.order] = s.value;
              refCouriers[s.order * WIDTH + s.k] = s.value;
            }
            for (let o = 0; o < ORDERS; o++) {
              if (status[o] !== WAITING && status[o] !== ASSIGNED) continue;
              const slot = slots.slotOf(o);
              expect(slot < 0 ? -1 : seq.data[slot]).toBe(refSeq[o]);
              for (let k = 0; k < WIDTH; k++) {
                expect(slot < 0 ? -1 : couriers.data[slot * WIDTH + k]).toBe(refCouriers[o * WIDTH + k]);
              }
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('hands a released slot out again, filled afresh, and grows only with the orders waiting at once', () => {
    const slots = new OrderSlots();
    const value = slots.float64(2, 9);
    slots.startDay(1000, new DayBuffers(), 'slot');
    const status = new Uint8Array(1000);
    for (let o = 0; o < 1000; o++) {
      const s = slots.take(o);
      value.data[s * 2] = o;
      // Each order waits until the next two are remembered, then is delivered.
      if (o >= 2) status[o - 2] = DELIVERED;
      slots.releaseSettled(status);
    }
    expect(slots.inUse).toBe(2);
    expect(value.data.length).toBeLessThanOrEqual(64 * 2);
    const s = slots.take(999);
    expect(value.data[s * 2]).toBe(999);
    const fresh = slots.take(5); // released long ago: a fresh slot
    expect(slots.slotOf(5)).toBe(fresh);
    expect(Array.from(value.data.subarray(fresh * 2, fresh * 2 + 2))).toEqual([9, 9]);
  });
});
