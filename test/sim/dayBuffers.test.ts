// Day buffers (src/sim/dayBuffers.ts): a day's view has the length asked for and a new array's contents, and reuses
// the last day's memory while the day fits.
import { describe, expect, it } from 'vitest';
import { DayBuffers } from '../../src/sim/dayBuffers.ts';

describe('DayBuffers', () => {
  it('hands out views of exactly the length asked for, filled as a new array would be', () => {
    const buffers = new DayBuffers();
    const a = buffers.float64('a', 5, Number.NaN);
    expect(a.length).toBe(5);
    expect(Array.from(a).every(Number.isNaN)).toBe(true);
    a[0] = 7;
    const again = buffers.float64('a', 3, -1);
    expect(Array.from(again)).toEqual([-1, -1, -1]);
    expect(Array.from(buffers.int32('a', 2))).toEqual([0, 0]); // another type is another buffer
  });

  it('reuses the same memory while a day fits, and grows with a sixteenth to spare when it does not', () => {
    const buffers = new DayBuffers();
    const first = buffers.float64('x', 1600);
    expect(first.buffer.byteLength).toBe(1700 * 8);
    const smaller = buffers.float64('x', 1000);
    expect(smaller.buffer).toBe(first.buffer);
    const up = buffers.float64('x', 1700);
    expect(up.buffer).toBe(first.buffer);
    const bigger = buffers.float64('x', 1701);
    expect(bigger.buffer).not.toBe(first.buffer);
    expect(bigger.buffer.byteLength).toBe((1701 + 107) * 8);
    expect(buffers.bytes).toBe((1701 + 107) * 8);
  });
});
