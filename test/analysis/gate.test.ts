// The rule-change gate: parsing assertions, and judging every operator on the mean and on the interval's
// unfavourable end with numbers worked out by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertionText,
  METRIC_PATHS,
  TARGET_OPS,
  evaluateGate,
  parseAssertion,
  tCritical95,
  type Assertion,
  type ComparePlan,
} from '../../src/analysis/index.ts';
import type { RunResult } from '../../src/sim/results.ts';
import { fakeMetrics } from '../cli/fixtures.ts';

const PLAN: ComparePlan = { armIds: ['strictest', 'median'], seeds: [1, 2, 3], tasks: [] };

/** Runs in task order (arm-major): gini takes the given values, onTimeRate is 0.9 in every run. */
function runs(strictest: number[], median: number[]): RunResult[] {
  return [...strictest, ...median].map((gini) => {
    const metrics = fakeMetrics(0);
    metrics.earnings.gini = gini;
    return { metrics } as RunResult;
  });
}

// median's gini is 1, 2, 3: mean 2, 95% interval 2 ± t(2) · 1/√3.
const HALF = tCritical95(2) / Math.sqrt(3);
const RUNS = runs([1, 1, 1], [1, 2, 3]);

function judge(text: string, confidence: 'mean' | 'ci', kind: 'arm' | 'diff' = 'arm'): boolean {
  const gate = evaluateGate(PLAN, RUNS, [parseAssertion(text, kind)], confidence);
  return gate.assertions[0]?.holds ?? false;
}

describe('parseAssertion', () => {
  it('reads the metric, the optional arm, each operator and the value', () => {
    expect(parseAssertion('earnings.gini@median <= 0.3', 'arm')).toEqual({
      kind: 'arm',
      metric: 'earnings.gini',
      arm: 'median',
      op: '<=',
      threshold: 0.3,
    });
    expect(parseAssertion(' service.onTimeRate>=.9 ', 'arm')).toEqual({
      kind: 'arm',
      metric: 'service.onTimeRate',
      op: '>=',
      threshold: 0.9,
    });
    expect(parseAssertion('safety.speedingKmShare < -1e-3', 'diff')).toMatchObject({ op: '<', threshold: -0.001 });
    expect(parseAssertion('workload.onlineHours.p90@a_b-1 > 8', 'arm')).toMatchObject({ arm: 'a_b-1', op: '>' });
  });

  it('reads back what assertionText writes, for every metric path, operator, arm id and finite value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...METRIC_PATHS),
        fc.constantFrom(...TARGET_OPS),
        fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/), { nil: undefined }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (metric, op, arm, threshold) => {
          const a: Assertion = { kind: 'arm', metric, ...(arm !== undefined ? { arm } : {}), op, threshold };
          expect(parseAssertion(assertionText(a), 'arm')).toEqual({ ...a, threshold: threshold + 0 });
        },
      ),
    );
  });

  it('refuses malformed text, unknown metric paths and an arm on a difference, naming the problem', () => {
    expect(() => parseAssertion('earnings.gini = 0.3', 'arm')).toThrow(/is not an assertion/);
    expect(() => parseAssertion('earnings.gini <= high', 'arm')).toThrow(/is not an assertion/);
    expect(() => parseAssertion('earnings.gini@ <= 1', 'arm')).toThrow(/is not an assertion/);
    expect(() => parseAssertion('earnings.nope <= 1', 'arm')).toThrow(/unknown metric path 'earnings.nope'/);
    expect(() => parseAssertion('earnings.gini@median <= 1', 'diff')).toThrow(/takes no @arm/);
  });
});

describe('evaluateGate', () => {
  it('judges an arm on the mean and on the 95% interval over replications', () => {
    const gate = evaluateGate(PLAN, RUNS, [parseAssertion('earnings.gini <= 3', 'arm')], 'ci');
    const [a] = gate.assertions;
    expect(a).toMatchObject({ arm: 'median', subject: 'median', name: 'median: earnings.gini <= 3', mean: 2 });
    expect(a?.ci95[0]).toBeCloseTo(2 - HALF, 12);
    expect(a?.ci95[1]).toBeCloseTo(2 + HALF, 12);
    expect(a?.judged).toBeCloseTo(2 + HALF, 12);
    expect(gate.holds).toBe(false);
  });

  it('judges each operator: the mean in mean mode, the unfavourable end in ci mode', () => {
    // mean 2; interval about −0.484 to 4.484
    const cases: [string, boolean, boolean][] = [
      // [assertion, holds on the mean, holds on the interval]
      ['earnings.gini <= 3', true, false],
      ['earnings.gini <= 5', true, true],
      ['earnings.gini <= 1', false, false],
      ['earnings.gini < 2', false, false],
      ['earnings.gini < 2.0001', true, false],
      ['earnings.gini < 4.5', true, true],
      ['earnings.gini >= 0', true, false],
      ['earnings.gini >= -1', true, true],
      ['earnings.gini >= 2.5', false, false],
      ['earnings.gini > 2', false, false],
      ['earnings.gini > 1.9999', true, false],
      ['earnings.gini > -0.5', true, true],
    ];
    for (const [text, onMean, onInterval] of cases) {
      expect(judge(text, 'mean'), `${text} (mean)`).toBe(onMean);
      expect(judge(text, 'ci'), `${text} (ci)`).toBe(onInterval);
    }
  });

  it('tells strict from non-strict operators on a collapsed interval', () => {
    // onTimeRate is 0.9 in every run: interval [0.9, 0.9]
    for (const confidence of ['mean', 'ci'] as const) {
      expect(judge('service.onTimeRate <= 0.9', confidence)).toBe(true);
      expect(judge('service.onTimeRate < 0.9', confidence)).toBe(false);
      expect(judge('service.onTimeRate >= 0.9', confidence)).toBe(true);
      expect(judge('service.onTimeRate > 0.9', confidence)).toBe(false);
    }
  });

  it('judges the paired difference, second arm minus first, and a named arm', () => {
    // differences 0, 1, 2 replication by replication: mean 1, the same half-width as above
    const diff = evaluateGate(PLAN, RUNS, [parseAssertion('earnings.gini <= 1', 'diff')], 'mean').assertions[0];
    expect(diff).toMatchObject({ kind: 'diff', subject: 'median − strictest', mean: 1, holds: true });
    expect(diff?.ci95[1]).toBeCloseTo(1 + HALF, 12);
    expect(judge('earnings.gini <= 1', 'ci', 'diff')).toBe(false);
    expect(judge('earnings.gini >= -2', 'ci', 'diff')).toBe(true);
    const first = evaluateGate(PLAN, RUNS, [parseAssertion('earnings.gini@strictest <= 1', 'arm')]).assertions[0];
    expect(first).toMatchObject({ subject: 'strictest', mean: 1, ci95: [1, 1], holds: true });
  });

  it('holds only when every assertion holds, and refuses an arm that is not compared', () => {
    const list: Assertion[] = [
      parseAssertion('earnings.gini <= 5', 'arm'),
      parseAssertion('earnings.gini <= 1', 'arm'),
    ];
    expect(evaluateGate(PLAN, RUNS, list).holds).toBe(false);
    expect(evaluateGate(PLAN, RUNS, list.slice(0, 1)).holds).toBe(true);
    expect(() => evaluateGate(PLAN, RUNS, [parseAssertion('earnings.gini@nope <= 1', 'arm')])).toThrow(
      /unknown arm 'nope' \(arms compared: strictest, median\)/,
    );
    const one: ComparePlan = { armIds: ['median'], seeds: [1, 2, 3], tasks: [] };
    expect(() => evaluateGate(one, RUNS.slice(3), [parseAssertion('earnings.gini <= 1', 'diff')])).toThrow(
      /needs two arms/,
    );
  });
});

describe('intervals that respect their metric', () => {
  /** Two replications per arm; shareBelowMinWage takes the given values. */
  function shareRuns(strictest: number[], median: number[]): RunResult[] {
    return [...strictest, ...median].map((share) => {
      const metrics = fakeMetrics(0);
      metrics.earnings.shareBelowMinWage = share;
      return { metrics } as RunResult;
    });
  }
  const TWO: ComparePlan = { armIds: ['strictest', 'median'], seeds: [1, 2], tasks: [] };

  it('keeps a share’s interval inside [0, 1] and a difference of shares inside [−1, 1], and says when replications are few', () => {
    // median 0.4 and 0.9: the t interval on two replications is 0.65 ± 3.18, far past 0 and 1.
    const gate = evaluateGate(
      TWO,
      shareRuns([0.1, 0.2], [0.4, 0.9]),
      [
        parseAssertion('earnings.shareBelowMinWage <= 1.01', 'arm'),
        parseAssertion('earnings.shareBelowMinWage <= 1', 'diff'),
      ],
      'ci',
    );
    const [arm, diff] = gate.assertions;
    expect(arm?.ci95).toEqual([0, 1]);
    expect(arm?.holds).toBe(true);
    expect(diff?.ci95[0]).toBe(-1);
    expect(diff?.ci95[1]).toBeLessThanOrEqual(1);
    expect(gate.fewReplications).toBe(true);
    expect(gate.replications).toBe(2);
    // A metric without natural bounds keeps its t interval.
    const gini = evaluateGate(
      TWO,
      shareRuns([0.1, 0.2], [0.4, 0.9]),
      [parseAssertion('earnings.gini <= 1', 'arm')],
      'ci',
    );
    expect(gini.assertions[0]?.ci95[0]).toBe(0.2);
  });

  it('never leaves [0, 1] for any share values and replications', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 }), (values) => {
        const plan: ComparePlan = { armIds: ['strictest', 'median'], seeds: values.map((_, i) => i + 1), tasks: [] };
        const gate = evaluateGate(
          plan,
          shareRuns(values, values),
          [parseAssertion('earnings.shareBelowMinWage <= 1', 'arm')],
          'ci',
        );
        const [lo, hi] = gate.assertions[0]?.ci95 ?? [Number.NaN, Number.NaN];
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
      }),
    );
  });
});
