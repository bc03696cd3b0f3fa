// Growable typed columns (src/sim/column.ts): what is read back is exactly what a plain array would hold, and growth
// keeps the rows and stops at the bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Column } from '../../src/sim/column.ts';

describe('Column', () => {
  it('reads back every double exactly as a plain array does, through growth', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 5000 }), (values) => {
        const column = new Column('f64');
        const plain: number[] = [];
        for (const v of values) {
          column.push(v);
          plain.push(v);
        }
        expect(column.length).toBe(plain.length);
        expect(Array.from(column.view())).toEqual(plain);
        for (let i = 0; i < plain.length; i++) expect(Object.is(column.at(i), plain[i])).toBe(true);
        expect(column.at(plain.length)).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });

  it('reads back whole numbers exactly, and refuses anything a 32-bit whole number cannot hold', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 3000 }), (values) => {
        const column = new Column('i32');
        for (const v of values) column.push(v);
        expect(Array.from(column.view())).toEqual(values);
      }),
      { numRuns: 50 },
    );
    const column = new Column('i32');
    expect(() => column.push(1.5)).toThrow(RangeError);
    expect(() => column.push(2 ** 31)).toThrow(RangeError);
    expect(() => column.push(Number.NaN)).toThrow(RangeError);
    expect(column.length).toBe(0);
  });

  it('takes its whole bound at once, and never grows beyond it', () => {
    const column = new Column('f64', 3000);
    expect(column.capacity).toBe(3000);
    for (let i = 0; i < 3000; i++) column.push(i);
    expect(column.capacity).toBe(3000);
    expect(column.at(2999)).toBe(2999);
    expect(() => column.push(1)).toThrow(/full/);
    const small = new Column('i32', 10);
    expect(small.capacity).toBe(10);
  });

  it('doubles its room when full when it has no bound, or one too large to take at once', () => {
    for (const column of [new Column('f64'), new Column('i32', 2 ** 30)]) {
      expect(column.capacity).toBe(1024);
      for (let i = 0; i < 1025; i++) column.push(i);
      expect(column.capacity).toBe(2048);
      expect(column.at(1024)).toBe(1024);
    }
  });

  it('gives a view of the rows so far that shares the column’s memory', () => {
    const column = new Column('f64');
    column.push(1);
    column.push(2);
    const view = column.view();
    expect(view.length).toBe(2);
    expect(Array.from(view)).toEqual([1, 2]);
  });
});
