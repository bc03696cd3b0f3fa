import { describe, expect, it } from 'vitest';
import { MAX_WORKERS, poolSize, poolSizeFor } from '../../src/app/poolSize.ts';

describe('poolSizeFor', () => {
  it('takes ?workers=N from the address, so the one-worker case can be measured', () => {
    expect(poolSizeFor('?workers=1', 8)).toBe(1);
    expect(poolSizeFor('?workers=3&lang=en', 8)).toBe(3);
    expect(poolSizeFor('?workers=8', 2)).toBe(8);
  });

  it('caps the asked size at MAX_WORKERS', () => {
    expect(poolSizeFor('?workers=64', 4)).toBe(MAX_WORKERS);
  });

  it('falls back to the processors for a missing, empty, zero, fractional or non-numeric value', () => {
    for (const search of ['', '?workers=', '?workers=0', '?workers=-2', '?workers=1.5', '?workers=abc', '?other=1']) {
      expect(poolSizeFor(search, 4)).toBe(4);
    }
    expect(poolSizeFor('?workers=x', undefined)).toBe(1);
  });

  it('keeps the processors count between 1 and MAX_WORKERS', () => {
    expect(poolSize(0)).toBe(1);
    expect(poolSize(32)).toBe(MAX_WORKERS);
    expect(poolSize(Number.NaN)).toBe(1);
  });
});
