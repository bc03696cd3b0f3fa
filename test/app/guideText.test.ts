// The walk-through's sentences from their own runs (issue 22 item 1): every direction word flips with the numbers,
// hedges when the paired 95% interval includes zero, a trend is said only when the series shows it, and a "try it"
// move that contradicts the step's general claim says so, in Chinese and in English.
import { describe, expect, it } from 'vitest';
import { pairedDifference, type Comparison, type RunsCalibration } from '../../src/analysis/index.ts';
import { agreementOf, directionOf, plainClaim, slopeOf, type Claim } from '../../src/app/guideClaims.ts';
import type { GuideStep } from '../../src/app/guideSteps.ts';
import {
  guideSentence,
  plainSentence,
  remember,
  type GuideOutcome,
  type GuideSentence,
} from '../../src/app/guideText.ts';
import { Scenario, SCHEMA_VERSION } from '../../src/scenario/schema.ts';
import type { Metrics } from '../../src/sim/results.ts';

const scenario = Scenario.parse({ schemaVersion: SCHEMA_VERSION, replications: 2, time: { days: 7 } });

/** Per-seed values of metric paths for one arm, and its mean promise day by day per seed. */
interface ArmSpec {
  values: Record<string, number[]>;
  promised?: number[][];
}

function setAt(target: Record<string, unknown>, path: string, value: number) {
  const keys = path.split('.');
  let node = target;
  for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
  node[keys.at(-1) as string] = value;
}
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const SEEDS = [1, 2];

/** A guide outcome whose comparison is summarised from the given per-seed values, as summariseCompare does. */
function outcome(
  step: GuideStep,
  value: number,
  [a, b]: [ArmSpec, ArmSpec],
  extra: { calibration?: RunsCalibration['rows']; baseDigest?: string; seeds?: number[] } = {},
): GuideOutcome {
  const seeds = extra.seeds ?? SEEDS;
  const metricsOf = (spec: ArmSpec, i: number) => {
    const m: Record<string, unknown> = {};
    for (const [path, xs] of Object.entries(spec.values)) setAt(m, path, xs[i] ?? Number.NaN);
    return m as unknown as Metrics;
  };
  const summary = (spec: ArmSpec, id: string) => {
    const m: Record<string, unknown> = {};
    for (const [path, xs] of Object.entries(spec.values)) setAt(m, path, mean(xs));
    const days = spec.promised?.[0]?.length ?? 0;
    const perDay = Array.from({ length: days }, (_, d) => ({
      promisedMinMean: mean((spec.promised ?? []).map((s) => s[d] ?? Number.NaN)),
    }));
    return { id, label: id, metrics: m, perDay };
  };
  const paths = Object.keys(a.values);
  const differences = Object.fromEntries(paths.map((p) => [p, pairedDifference(a.values[p] ?? [], b.values[p] ?? [])]));
  const comparison = {
    seeds,
    arms: [summary(a, 'strictest'), summary(b, 'median')],
    differences,
  } as unknown as Comparison;
  const runs = [a, b].map((spec) =>
    seeds.map((_, i) => ({ metrics: metricsOf(spec, i), promisedByDay: spec.promised?.[i] ?? [] })),
  );
  const days = a.promised?.[0]?.length;
  return {
    step,
    value,
    scenario: days ? { ...scenario, time: { ...scenario.time, days } } : scenario,
    comparison,
    calibration: { rows: extra.calibration ?? [] } as unknown as RunsCalibration,
    minutes: [20, 25, 30, 35, 40, 45, 50],
    runs,
    baseDigest: extra.baseDigest ?? 'base',
    serial: 1,
  };
}

const claims = (s: GuideSentence, kind: Claim['kind']) => s.claims.filter((c) => c.kind === kind);
const verdict = (c: Claim | undefined) => ({ zh: c?.zh[1], en: c?.en[1] });
/** No metric path, arm id or file name in Chinese prose. */
function expectCleanChinese(s: GuideSentence) {
  const zh = plainSentence(s, 'zh');
  expect(zh).not.toMatch(/[a-z]+\.[a-zA-Z]+|strictest|median|\.json|\.svg/);
  expect(zh).toMatch(/\p{Script=Han}/u);
}

describe('the rules', () => {
  it('state a direction only when the interval, rounded as shown, excludes zero', () => {
    expect(directionOf([0.2, 0.9], 1)).toBe('up');
    expect(directionOf([-0.9, -0.2], 1)).toBe('down');
    expect(directionOf([-0.1, 0.9], 1)).toBe('none');
    // 0.04 shows as 0.0: not above zero on screen, so no direction.
    expect(directionOf([0.04, 0.9], 1)).toBe('none');
    expect(directionOf([0.0004, 0.009], 1, 100)).toBe('none');
    expect(directionOf([0.0006, 0.009], 1, 100)).toBe('up');
    expect(directionOf([Number.NaN, Number.NaN], 1)).toBe('none');
    expect(agreementOf('up', 'up')).toBe('agrees');
    expect(agreementOf('down', 'up')).toBe('contradicts');
    expect(agreementOf('none', 'down')).toBe('unclear');
  });

  it('fit a least-squares slope with its t interval, and no slope below three days', () => {
    expect(slopeOf([3, 2, 1])).toEqual({ mean: -1, ci95: [-1, -1] });
    const noisy = slopeOf([30, 31, 29, 30.5, 29.5]);
    expect(noisy.ci95[0]).toBeLessThan(0);
    expect(noisy.ci95[1]).toBeGreaterThan(0);
    expect(Number.isNaN(slopeOf([30, 29]).mean)).toBe(true);
  });
});

describe('step 1, the promise: on-time rate between the arms and along the percentile', () => {
  const arms = (strict: number[], loose: number[]): [ArmSpec, ArmSpec] => [
    { values: { 'service.onTimeRate': strict } },
    { values: { 'service.onTimeRate': loose } },
  ];
  it('says lower, higher or no clear difference as the interval says', () => {
    const lower = claims(guideSentence(outcome('promise', 10, arms([0.5, 0.52], [0.8, 0.81])), null), 'diff')[0];
    expect(verdict(lower)).toEqual({ zh: '低', en: 'lower' });
    expect(plainClaim(lower as Claim, 'zh')).toContain('最严算法（p10）低 29.50 个百分点（95% 区间');
    const higher = claims(guideSentence(outcome('promise', 10, arms([0.8, 0.81], [0.5, 0.52])), null), 'diff')[0];
    expect(verdict(higher)).toEqual({ zh: '高', en: 'higher' });
    const unclear = claims(guideSentence(outcome('promise', 10, arms([0.5, 0.7], [0.6, 0.62])), null), 'diff')[0];
    expect(verdict(unclear)).toEqual({ zh: '没有明显差别', en: 'no clear difference' });
    expect(plainClaim(unclear as Claim, 'zh')).toContain('包含 0');
    expect(plainClaim(unclear as Claim, 'en')).toContain('which includes zero');
  });
  it('asks for a move until there is one, then compares the two runs and says when they contradict the claim', () => {
    const before = outcome('promise', 10, arms([0.5, 0.52], [0.8, 0.81]));
    const first = guideSentence(before, null);
    expect(first.tail?.zh).toContain('百分位越高，准时的订单越多');
    const up = guideSentence(outcome('promise', 30, arms([0.7, 0.71], [0.8, 0.81])), before);
    const move = claims(up, 'move')[0];
    expect(verdict(move)).toEqual({ zh: '上升', en: 'up' });
    expect(move?.agreement).toBe('agrees');
    expect(plainClaim(move as Claim, 'zh')).toContain('10 → 30');
    const against = guideSentence(outcome('promise', 30, arms([0.4, 0.41], [0.8, 0.81])), before);
    expect(claims(against, 'move')[0]?.agreement).toBe('contradicts');
    expect(plainSentence(against, 'zh')).toContain('这与“百分位越高，准时的订单越多”相反');
    expect(plainSentence(against, 'en')).toContain('the opposite of “the higher the percentile');
    expectCleanChinese(against);
  });
});

describe('step 2, the pressure: speeding and red lights, and the late fine', () => {
  const arms = (
    speedStrict: number[],
    speedLoose: number[],
    red: [number[], number[]] = [
      [2, 2.2],
      [1, 1.1],
    ],
  ) =>
    [
      { values: { 'safety.speedingKmShare': speedStrict, 'safety.redLightRunsPerCourierDay': red[0] } },
      { values: { 'safety.speedingKmShare': speedLoose, 'safety.redLightRunsPerCourierDay': red[1] } },
    ] as [ArmSpec, ArmSpec];
  it('says the stricter arm speeds more, less or not clearly differently, and holds it against the claim', () => {
    const more = guideSentence(outcome('pressure', 3, arms([0.12, 0.125], [0.09, 0.092])), null);
    const [speed, red] = claims(more, 'diff');
    expect(verdict(speed)).toEqual({ zh: '高', en: 'higher' });
    expect(speed?.agreement).toBe('agrees');
    expect(verdict(red)).toEqual({ zh: '多', en: 'more' });
    const less = guideSentence(outcome('pressure', 3, arms([0.09, 0.092], [0.12, 0.125])), null);
    expect(verdict(claims(less, 'diff')[0])).toEqual({ zh: '低', en: 'lower' });
    expect(plainSentence(less, 'zh')).toContain('这与“承诺越短，骑手赶得越凶”相反');
    const same = guideSentence(outcome('pressure', 3, arms([0.1, 0.13], [0.11, 0.115])), null);
    expect(verdict(claims(same, 'diff')[0])).toEqual({ zh: '没有明显差别', en: 'no clear difference' });
    expect(plainSentence(same, 'zh')).toContain('这些运行不能证实“承诺越短，骑手赶得越凶”');
    expectCleanChinese(same);
  });
  it('fine 0 → 10 with speeding 11.2% → 10.9%: no clear change, and the claim is not asserted', () => {
    const before = outcome('pressure', 0, arms([0.115, 0.109], [0.09, 0.092]));
    const after = guideSentence(outcome('pressure', 10, arms([0.11, 0.108], [0.09, 0.092])), before);
    const move = claims(after, 'move')[0] as Claim;
    expect(plainClaim(move, 'zh')).toContain('超时罚款（元/单）0 → 10：最严算法（p10）的超速里程占比 11.2% → 10.9%');
    expect(verdict(move)).toEqual({ zh: '没有明显变化', en: 'no clear change' });
    expect(plainClaim(move, 'zh')).toContain('这些运行不能证实“超时罚款越重，赶的压力越大”');
    expect(plainClaim(move, 'en')).toContain(
      'These runs do not bear out “the heavier the late fine, the harder the push”',
    );
    expect(plainSentence(after, 'zh')).not.toMatch(/超时罚款越重，赶的压力越大。/);
  });
  it('a clear fall of speeding as the fine rises contradicts the claim, and a clear rise agrees', () => {
    const before = outcome('pressure', 0, arms([0.112, 0.112], [0.09, 0.092]));
    const fell = claims(guideSentence(outcome('pressure', 10, arms([0.109, 0.1085], [0.09, 0.09])), before), 'move')[0];
    expect(verdict(fell)).toEqual({ zh: '下降', en: 'down' });
    expect(fell?.agreement).toBe('contradicts');
    expect(fell?.agreementText?.zh).toContain('这与“超时罚款越重，赶的压力越大”相反');
    const rose = claims(guideSentence(outcome('pressure', 10, arms([0.13, 0.131], [0.09, 0.09])), before), 'move')[0];
    expect(rose?.agreement).toBe('agrees');
    // Moving the fine down predicts less speeding: a fall then agrees.
    const down = guideSentence(outcome('pressure', 0, arms([0.1, 0.1005], [0.09, 0.09])), before);
    expect(claims(down, 'move')).toEqual([]); // same value as before: no pair
    const high = outcome('pressure', 10, arms([0.13, 0.131], [0.09, 0.09]));
    const backDown = claims(guideSentence(outcome('pressure', 0, arms([0.1, 0.1005], [0.09, 0.09])), high), 'move')[0];
    expect(backDown?.expect).toBe('down');
    expect(backDown?.agreement).toBe('agrees');
  });
});

describe('step 3, the ratchet: a trend only when the series shows it', () => {
  const days = (strict: number[][], loose: number[][]): [ArmSpec, ArmSpec] => [
    { values: {}, promised: strict },
    { values: {}, promised: loose },
  ];
  const falling = [
    [30.1, 29.9, 29.6, 29.5, 29.3, 29.1, 29.0],
    [30.1, 29.8, 29.7, 29.4, 29.3, 29.2, 29.0],
  ];
  const rising = [
    [32.8, 33.6, 34.4, 35.2, 36.0, 36.8, 37.6],
    [32.8, 33.5, 34.5, 35.1, 36.1, 36.7, 37.6],
  ];
  const flat = [
    [30, 31, 29, 30.5, 29.5, 30.2, 30],
    [30, 30.5, 29.5, 30.2, 29.8, 30.4, 30.1],
  ];
  it('falls, rises, or has no clear trend, in both languages, and says when a rise contradicts the ratchet', () => {
    const s = guideSentence(outcome('ratchet', 7, days(falling, rising)), null);
    const [strict, loose] = claims(s, 'trend');
    expect(verdict(strict)).toEqual({ zh: '缩短', en: 'shorter' });
    expect(strict?.agreement).toBe('agrees');
    expect(verdict(loose)).toEqual({ zh: '变长', en: 'longer' });
    expect(loose?.agreement).toBe('contradicts');
    expect(plainClaim(loose as Claim, 'zh')).toContain(
      '算法取中（p50）的平均承诺：第 1 天 32.8 分钟，第 7 天 37.6 分钟；逐日变长',
    );
    // The claim is quoted in full once per sentence; the second arm's verdict refers back to it.
    expect(plainClaim(strict as Claim, 'zh')).toContain('与“承诺一天天收紧”一致');
    expect(plainClaim(loose as Claim, 'zh')).toContain('这与这一说法相反');
    expect(plainClaim(loose as Claim, 'en')).toContain('That is the opposite of that claim');
    const noTrend = claims(guideSentence(outcome('ratchet', 7, days(flat, flat)), null), 'trend')[0];
    expect(verdict(noTrend)).toEqual({ zh: '没有明显趋势', en: 'no clear trend' });
    expect(plainClaim(noTrend as Claim, 'zh')).toContain('包含 0');
    expect(noTrend?.agreement).toBe('unclear');
    expectCleanChinese(s);
  });
  it('a clear slope whose last day is not beyond its first is no trend', () => {
    // Falls steadily in the middle (a slope of −0.61 a day, 95% interval −0.93 to −0.30), but the last day is
    // above the first.
    const series = [25, ...Array.from({ length: 12 }, (_, i) => 30 - i), 25.5];
    const odd = [series, series];
    const c = claims(guideSentence(outcome('ratchet', 7, days(odd, odd)), null), 'trend')[0] as Claim;
    expect(c.direction).toBe('none');
    expect(plainClaim(c, 'zh')).toContain('首末两天与斜率方向不一致');
  });
  it('more days: the stricter arm’s last-day promise, held against "the longer it runs, the shorter"', () => {
    const before = outcome('ratchet', 7, days(falling, rising));
    const longer = days(
      falling.map((s) => [...s, 28.8, 28.6]),
      rising.map((s) => [...s, 38, 38.5]),
    );
    const move = claims(guideSentence(outcome('ratchet', 9, longer), before), 'move')[0];
    expect(verdict(move)).toEqual({ zh: '缩短', en: 'shorter' });
    expect(move?.agreement).toBe('agrees');
    const grew = days(
      falling.map((s) => [...s, 31, 31.5]),
      rising,
    );
    const against = claims(guideSentence(outcome('ratchet', 9, grew), before), 'move')[0];
    expect(verdict(against)).toEqual({ zh: '变长', en: 'longer' });
    expect(against?.agreementText?.en).toContain('the opposite of “the longer it runs, the shorter the promise”');
  });
});

describe('step 4, pay: per-courier figures between the arms, and the base fee', () => {
  const arms = (payStrict: number[], payLoose: number[]): [ArmSpec, ArmSpec] => [
    {
      values: {
        'earnings.netPerOnlineHour.mean': payStrict,
        'workload.onlineHours.mean': [8, 8.1],
        'safety.relativeCrashRisk': [1.2, 1.5],
      },
    },
    {
      values: {
        'earnings.netPerOnlineHour.mean': payLoose,
        'workload.onlineHours.mean': [7, 7.05],
        'safety.relativeCrashRisk': [1.1, 1.4],
      },
    },
  ];
  it('hedges an interval that includes zero (the −15.49 to 71.67 case) and flips with the sign', () => {
    const s = guideSentence(outcome('pay', 8, arms([20, 25], [22, 20])), null);
    const [pay, hours, risk] = claims(s, 'diff');
    expect(verdict(pay)).toEqual({ zh: '没有明显差别', en: 'no clear difference' });
    expect(verdict(hours)).toEqual({ zh: '多', en: 'more' });
    expect(verdict(risk)).toEqual({ zh: '高', en: 'higher' });
    const lower = claims(guideSentence(outcome('pay', 8, arms([18, 18.2], [22, 22.1])), null), 'diff')[0];
    expect(verdict(lower)).toEqual({ zh: '低', en: 'lower' });
    const higher = claims(guideSentence(outcome('pay', 8, arms([22, 22.1], [18, 18.2])), null), 'diff')[0];
    expect(verdict(higher)).toEqual({ zh: '高', en: 'higher' });
    expectCleanChinese(s);
  });
  it('measures the base fee’s effect on each arm and on the gap, never asserting the gap stays', () => {
    const before = outcome('pay', 8, arms([18, 18.2], [22, 22.1]));
    const widened = guideSentence(outcome('pay', 15, arms([24, 24.2], [30, 30.3])), before);
    const [strict, loose, gap] = claims(widened, 'move');
    expect(verdict(strict)).toEqual({ zh: '上升', en: 'up' });
    expect(strict?.agreement).toBe('agrees');
    expect(loose?.agreement).toBe('agrees');
    expect(verdict(gap)).toEqual({ zh: '上升', en: 'up' });
    expect(gap?.agreement).toBeUndefined();
    const same = claims(guideSentence(outcome('pay', 15, arms([24, 24.2], [28, 28.3])), before), 'move')[2];
    expect(verdict(same)).toEqual({ zh: '没有明显变化', en: 'no clear change' });
    const fell = claims(guideSentence(outcome('pay', 15, arms([17, 17.1], [22, 22.1])), before), 'move')[0];
    expect(fell?.agreement).toBe('contradicts');
    expect(fell?.agreementText?.zh).toContain('相反');
    expect(plainSentence(guideSentence(outcome('pay', 15, arms([24, 24.2], [30, 30.3])), before), 'zh')).not.toContain(
      '差距还在',
    );
  });
});

describe('step 5, the platform: who pays for the median, and revenue per order', () => {
  const arms = (payStrict: number[], payLoose: number[], marginStrict: number[], marginLoose: number[]) =>
    [
      { values: { 'platform.courierPay': payStrict, 'platform.margin': marginStrict } },
      { values: { 'platform.courierPay': payLoose, 'platform.margin': marginLoose } },
    ] as [ArmSpec, ArmSpec];
  it('says more, less or no clear difference from the paired interval, looser arm first', () => {
    const s = guideSentence(outcome('platform', 6, arms([9000, 9100], [9500, 9620], [3000, 3050], [2500, 2540])), null);
    const [pay, margin] = claims(s, 'diff');
    expect(verdict(pay)).toEqual({ zh: '多', en: 'more' });
    expect(pay?.agreement).toBe('agrees');
    expect(verdict(margin)).toEqual({ zh: '低', en: 'lower' });
    expect(margin?.agreement).toBe('agrees');
    expect(plainClaim(pay as Claim, 'zh')).toMatch(/^平台每天付给骑手的报酬：算法取中（p50）为 /);
    const flipped = guideSentence(
      outcome('platform', 6, arms([9500, 9620], [9000, 9100], [2500, 2540], [3000, 3050])),
      null,
    );
    expect(claims(flipped, 'diff').map((c) => c.agreement)).toEqual(['contradicts', 'contradicts']);
    const unclear = guideSentence(
      outcome('platform', 6, arms([9000, 9600], [9500, 9200], [3000, 2500], [2600, 2800])),
      null,
    );
    expect(claims(unclear, 'diff').map((c) => c.direction)).toEqual(['none', 'none']);
    expectCleanChinese(unclear);
  });
  it('measures "the more the platform earns per order, the more room" instead of asserting it', () => {
    const before = outcome('platform', 6, arms([9000, 9100], [9500, 9620], [3000, 3050], [2500, 2540]));
    const more = guideSentence(
      outcome('platform', 9, arms([9000, 9100], [9500, 9620], [4000, 4060], [3500, 3550])),
      before,
    );
    expect(claims(more, 'move').map((c) => c.agreement)).toEqual(['agrees', 'agrees']);
    // Fewer orders at a higher revenue could lower the margin: then the sentence says the claim is contradicted.
    const less = guideSentence(
      outcome('platform', 9, arms([9000, 9100], [9500, 9620], [2900, 2940], [2400, 2430])),
      before,
    );
    expect(claims(less, 'move').map((c) => verdict(c))).toEqual([
      { zh: '下降', en: 'down' },
      { zh: '下降', en: 'down' },
    ]);
    expect(plainSentence(less, 'zh')).toContain('这与“平台每单收入越高，平台的利润越高，可谈的空间越大”相反');
    expect(plainSentence(less, 'en')).toContain('That is the opposite of “the more the platform earns per order');
  });
});

describe('step 6, the model: which checks changed with the assumption', () => {
  const row = (id: string, status: string) => ({ id, metric: 'workload.onlineHours.mean', arm: 'strictest', status });
  const arms: [ArmSpec, ArmSpec] = [{ values: {} }, { values: {} }];
  it('counts the checks within range and names the ones that changed by label and arm name', () => {
    const before = outcome('model', 18, arms, { calibration: [row('a', 'within'), row('b', 'within')] as never });
    const after = guideSentence(
      outcome('model', 26, arms, { calibration: [row('a', 'above'), row('b', 'within')] as never }),
      before,
    );
    const zh = plainSentence(after, 'zh');
    expect(zh).toContain('落在观测范围内的对照从 2 项变成 1 项');
    expect(zh).toContain('每天在线时长（最严算法（p10））：在范围内 → 偏高');
    expect(plainSentence(after, 'en')).toContain('inside → above');
    expectCleanChinese(after);
    const same = guideSentence(outcome('model', 26, arms, { calibration: [row('a', 'within')] as never }), before);
    expect(plainSentence(same, 'zh')).toContain('没有哪项对照的结论变了');
  });
});

describe('remember', () => {
  const arms: [ArmSpec, ArmSpec] = [
    { values: { 'service.onTimeRate': [0.5, 0.5] } },
    { values: { 'service.onTimeRate': [0.8, 0.8] } },
  ];
  it('pairs a step’s run with the last one at another value of the same scenario', () => {
    const a = outcome('promise', 10, arms);
    const b = outcome('promise', 30, arms);
    const b2 = outcome('promise', 30, arms);
    let m = remember({}, a);
    expect(m.promise?.previous).toBeNull();
    m = remember(m, b);
    expect(m.promise?.previous).toBe(a);
    m = remember(m, b2); // a rerun at the same value keeps the pair
    expect(m.promise?.previous).toBe(a);
    m = remember(m, outcome('promise', 10, arms, { baseDigest: 'edited' }));
    expect(m.promise?.previous).toBeNull();
    m = remember(m, outcome('promise', 20, arms, { baseDigest: 'edited', seeds: [5, 6] }));
    expect(m.promise?.previous).toBeNull();
    expect(remember(m, outcome('pay', 8, arms)).promise).toBe(m.promise);
  });
});
