// The robustness sentences: the verdict follows the share's interval, the region names parameters (never paths in
// Chinese), a difference whose own interval includes zero says so, and an unstable verdict asks for more worlds.
// The report's bargaining section says a carried robustness file in the same words.
import { describe, expect, it } from 'vitest';
import {
  judge,
  latinHypercube,
  robustnessSentence,
  totalIndicesParagraph,
  type RobustMetric,
} from '../../src/analysis/index.ts';
import { bargainingKind, bargainingSection } from '../../src/evidence/report/bargaining.ts';

const PARAMS = ['rules.pay.commissionRate', 'population.comfortSpeedKmh.mean'];
const samples = latinHypercube(
  [
    [0.05, 0.2],
    [16, 24],
  ],
  200,
  4,
);

/** A difference that keeps its sign (up) unless the commission is above `cut`. */
function metric(cut: number, base = { mean: 0.5, ci95: [0.2, 0.8] as [number, number] }): RobustMetric {
  return judge(
    'earnings.fullTime.netPerOnlineHour.mean',
    base,
    samples,
    PARAMS,
    samples.map((p) => ((p[0] as number) > cut ? -1 : 1)),
  );
}

describe('robustnessSentence', () => {
  it('says a conclusion that holds everywhere is robust, in both languages, without paths in Chinese', () => {
    const s = robustnessSentence(metric(1), 200);
    expect(s.zh).toMatch(/在 200 个可能的世界中，有 200\/200（100%/);
    expect(s.zh).toMatch(/结论稳健/);
    expect(s.en).toMatch(/keeps its direction in 200 of 200 \(100%/);
    expect(s.en).toMatch(/robust/);
    expect(s.zh).not.toMatch(/[a-z]+\.[a-z]+/i);
  });

  it('says where it fails, by the parameter’s name, when the share only depends', () => {
    const m = metric(0.125);
    expect(m.verdict).toBe('depends');
    const s = robustnessSentence(m, 200);
    expect(s.zh).toMatch(/结论取决于假设/);
    expect(s.zh).toMatch(/平台抽成比例不低于 1[23](\.\d)?%/);
    expect(s.en).toMatch(/fails mostly where .*commission.* at least 1[23](\.\d)?%/i);
    expect(s.zh).not.toMatch(/rules\.|population\./);
  });

  it('says when it fails in most worlds, and when the base interval itself includes zero', () => {
    const m = metric(0.06, { mean: 0.1, ci95: [-0.2, 0.4] });
    expect(m.verdict).toBe('fails');
    const s = robustnessSentence(m, 200);
    expect(s.zh).toMatch(/在多数可能的世界里，结论不成立/);
    expect(s.zh).toMatch(/区间本身就包含 0/);
    expect(s.en).toMatch(/own interval includes 0/);
  });

  it('does not call a conclusion that held in every one of too few worlds dependent on the assumptions', () => {
    const few = judge(
      'safety.relativeCrashRisk',
      { mean: -0.1, ci95: [-0.2, -0.05] },
      samples.slice(0, 20),
      PARAMS,
      Array(20).fill(-1),
    );
    expect(few.verdict).toBe('depends');
    const s = robustnessSentence(few, 20);
    expect(s.zh).toMatch(/抽到的世界全部成立，但 20 个世界还不足以/);
    expect(s.zh).not.toMatch(/结论取决于假设/);
    expect(s.en).toMatch(/holds in every world drawn/);
  });

  it('names the assumptions the spread comes from when a difference fails somewhere, never when it holds everywhere', () => {
    const m = metric(0.125);
    const s = robustnessSentence(m, 200);
    // The commission decides the direction here, so it leads the first-order indices.
    expect(m.firstOrder[0]?.param).toBe('rules.pay.commissionRate');
    expect(s.zh).toMatch(/它在各世界间的差异主要来自平台抽成比例（\d+%）.*（一阶指数）/);
    expect(s.en).toMatch(/Most of its spread over worlds comes from .*commission.* \(\d+%\).*\(first-order indices\)/i);
    expect(robustnessSentence(metric(1), 200).zh).not.toMatch(/一阶指数|总效应/);
    // With total-effect indices, those are named instead, with their interactions.
    const total = { ...m, totalEffect: [{ param: 'population.comfortSpeedKmh.mean', index: 0.3 }] };
    const t = robustnessSentence(total, 200);
    expect(t.zh).toMatch(/最取决于.*（30%）（总效应指数，含与其他假设的交互作用）/);
    expect(t.en).toMatch(/depends most on .* \(30%\) \(total-effect indices, interactions included\)/);
  });

  it('says the total-effect indices of every difference in one paragraph, only when the result has them', () => {
    const m = {
      ...metric(0.125),
      totalEffect: [
        { param: 'rules.pay.commissionRate', index: 0.62 },
        { param: 'population.comfortSpeedKmh.mean', index: 0 },
      ],
    };
    const r = { worlds: 200, samples, metrics: [m], params: PARAMS.map((path) => ({ path })) } as never;
    expect(totalIndicesParagraph(r)).toBeUndefined();
    const withTotal = {
      ...(r as object),
      totalIndices: { estimator: 'jansen', evaluations: 800, runs: 1620 },
    } as never;
    const p = totalIndicesParagraph(withTotal);
    expect(p?.zh).toMatch(/\(2 \+ 2\) × 200 = 800 个世界/);
    expect(p?.zh).toMatch(/平台抽成比例 62%/);
    expect(p?.zh).not.toMatch(/rules\.|population\./);
    expect(p?.en).toMatch(/commission.* 62%/i);
    // An assumption at 0 is not named.
    expect(p?.en).not.toMatch(/comfort/i);
  });

  it('asks for more worlds when the first half gives another verdict', () => {
    const m = { ...metric(1), stable: false, halfVerdict: 'depends' as const };
    expect(robustnessSentence(m, 200).zh).toMatch(/需要更多世界/);
  });
});

describe('a robustness file in the report', () => {
  it('is recognised and said in the same sentences', () => {
    const m = metric(0.125);
    const file = { worlds: 200, samples, metrics: [m], params: [] };
    expect(bargainingKind(file)).toBe('robustness');
    const html = bargainingSection([{ name: 'bargaining/robustness.json', json: file, sha256: 'ab' }], 8);
    const s = robustnessSentence(m, 200);
    expect(html).toContain(s.zh.slice(0, 20));
    expect(html).toContain('robustness');
  });

  it('says a carried file’s total-effect indices, and reads none into a file without them', () => {
    const m = { ...metric(0.125), totalEffect: [{ param: 'rules.pay.commissionRate', index: 0.62 }] };
    const file = { worlds: 200, samples, metrics: [m], params: [], totalIndices: { evaluations: 800, runs: 1620 } };
    const html = bargainingSection([{ name: 'bargaining/robustness.json', json: file, sha256: 'ab' }], 8);
    expect(html).toContain('(2 + 2) × 200 = 800');
    expect(html).toMatch(/depends most on .*commission.* \(62%\)/i);
    const plain = bargainingSection(
      [{ name: 'bargaining/robustness.json', json: { ...file, totalIndices: 'x' }, sha256: 'ab' }],
      8,
    );
    expect(plain).not.toContain('× 200 = 800');
  });
});
