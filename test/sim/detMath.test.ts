// detMath and the distributions: accurate enough for sampling, and built only from operations every engine rounds
// the same way (what they compute is checked against Math and against the distributions' moments).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detExp, detLog } from '../../src/sim/detMath.ts';
import { draws, stream } from '../../src/sim/random.ts';

describe('detLog and detExp', () => {
  it('agree with Math.log and Math.exp to a few units in the last place', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        const want = Math.log(x);
        expect(Math.abs(detLog(x) - want)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(1, Math.abs(want)));
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        expect(Math.abs(detExp(x) / Math.exp(x) - 1)).toBeLessThanOrEqual(8 * Number.EPSILON);
      }),
    );
  });

  it('handles the edges', () => {
    expect(detLog(1)).toBe(0);
    expect(detExp(0)).toBe(1);
    expect(detLog(0)).toBe(-Infinity);
    expect(detLog(-1)).toBeNaN();
    expect(detExp(1000)).toBe(Infinity);
    expect(detExp(-1000)).toBe(0);
  });
});

describe('distributions', () => {
  const n = 100_000;
  const d = draws(stream(1, 'demand'));
  const moments = (f: () => number) => {
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const v = f();
      sum += v;
      sq += v * v;
    }
    const mean = sum / n;
    return { mean, sd: Math.sqrt(sq / n - mean * mean) };
  };

  it('normal has the asked mean and sd', () => {
    const m = moments(() => d.normal(16, 2));
    expect(m.mean).toBeCloseTo(16, 1);
    expect(m.sd).toBeCloseTo(2, 1);
  });

  it('Poisson has mean and variance λ, below and above the piece size', () => {
    for (const lambda of [3, 75.5]) {
      const m = moments(() => d.poisson(lambda));
      expect(Math.abs(m.mean - lambda)).toBeLessThan(0.02 * lambda);
      expect(Math.abs(m.sd * m.sd - lambda)).toBeLessThan(0.05 * lambda);
    }
  });

  it('log-normal by quantiles has the asked median and 90th percentile', () => {
    const xs = Array.from({ length: n }, () => d.logNormalByQuantiles(15, 30)).sort((a, b) => a - b);
    expect(xs[n / 2]).toBeCloseTo(15, 0);
    expect(Math.abs(xs[0.9 * n]! - 30)).toBeLessThan(0.6);
  });

  it('directions are unit vectors spread evenly over the four quadrants', () => {
    const quadrants = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      d.direction();
      expect(Math.abs(d.dirX * d.dirX + d.dirY * d.dirY - 1)).toBeLessThan(1e-12);
      quadrants[(d.dirX >= 0 ? 0 : 1) + (d.dirY >= 0 ? 0 : 2)]!++;
    }
    for (const q of quadrants) expect(Math.abs(q / n - 0.25)).toBeLessThan(0.01);
  });
});
