// The target answer in sentences (issue 22 items 1 and 5): every figure from the result, a direction only when its
// interval excludes zero, and the sentences flip when the runs do.
import { describe, expect, it } from 'vitest';
import {
  MONEY_GAP_PARTS,
  targetParagraph,
  targetSentences,
  type MoneyChange,
  type TargetResult,
} from '../../src/analysis/index.ts';
import { FLOWS } from '../../src/sim/flows.ts';

const d = (mean: number, half: number) => ({ mean, ci95: [mean - half, mean + half] as [number, number] });
const zero = () => ({ mean: 0, ci95: [0, 0] as [number, number] });

/** A money change where couriers gain `gain`, the platform pays `pays`, and the difference is lost revenue. */
function moneyOf(gain: number, pays: number, half = 100): MoneyChange {
  const parts = Object.fromEntries(MONEY_GAP_PARTS.map((p) => [p, zero()])) as MoneyChange['parts'];
  parts.revenue = d(pays - gain, half / 4);
  return {
    couriersGain: d(gain, half),
    platformPays: d(pays, half),
    gap: d(pays - gain, half / 4),
    parts,
    flows: Object.fromEntries(FLOWS.map((f) => [f, zero()])) as MoneyChange['flows'],
    finesTo: 'platform',
    compensationBy: 'merchantInsurance',
    courierDaysPerDay: 600,
  };
}

function result(value: number, current: number, money?: MoneyChange): TargetResult {
  return {
    schemaVersion: 2,
    fairpaceVersion: '0',
    modelDigest: '',
    scenarioDigest: '',
    param: 'rules.pay.base',
    min: 0,
    max: 40,
    direction: 'smallest',
    confidence: 'ci',
    value,
    reached: true,
    message: '',
    targets: [
      {
        metric: 'earnings.shareBelowMinWage',
        op: '<=',
        threshold: 0.05,
        achieved: 0.04,
        ci95: [0.03, 0.05],
        met: true,
      },
    ],
    arm: 'median',
    seeds: [1, 2, 3],
    monotone: true,
    method: 'bisection',
    steps: [],
    platformCost: {
      currentValue: current,
      at: { courierPay: d(0, 0), margin: d(0, 0) },
      current: { courierPay: d(0, 0), margin: d(0, 0) },
      change: { courierPay: d(money?.couriersGain.mean ?? 0, 1), margin: d(-(money?.platformPays.mean ?? 0), 1) },
      ...(money ? { money } : {}),
    },
  };
}

describe('targetSentences', () => {
  it('says what couriers gain, what the platform pays and where the difference goes, from the result', () => {
    const s = targetSentences(result(10.3906, 8, moneyOf(40_000, 44_000)), {
      armName: { zh: '算法取中（p50）', en: 'Algorithm-median (p50)' },
    });
    expect(s.found.zh).toBe(
      '在算法取中（p50）下，若把每单基础配送费提高到 10.40 元（现行 8.00 元），时薪低于最低工资的骑手日占比为 4.0%（95% 区间 3.0 至 5.0），满足目标（时薪低于最低工资的骑手日占比不超过 5.0%）。',
    );
    expect(s.sides?.zh).toBe(
      '这样，骑手每天多得约 4.0 万元（每名骑手约 67 元；95% 区间 3.99 至 4.01 万元），平台每天多付约 4.4 万元（95% 区间 4.39 至 4.41 万元）。',
    );
    expect(s.gap?.zh).toContain('平台多付的 4.4 万元中，约 4.0 万元到了骑手手里，其余约 4000 元');
    expect(s.gap?.zh).toContain('送达的订单少了，平台少收配送费和商家佣金约 4000 元');
    expect(s.sides?.en).toContain('couriers take home about 40,000 CNY more a day');
    expect(s.sides?.en).toContain('the platform pays about 44,000 CNY more a day');
    expect(s.gap?.en).toContain('about 40,000 CNY reaches couriers; the other 4,000 CNY');
  });

  it('flips when the rule goes the other way: couriers lose, the platform saves', () => {
    const s = targetSentences(result(6, 8, moneyOf(-3000, -3500)));
    expect(s.found.zh).toContain('降低到 6.00 元');
    expect(s.found.en).toContain('Lowering the piece rate per order to 6.00 CNY');
    expect(s.sides?.zh).toContain('骑手每天少得约 3000 元');
    expect(s.sides?.zh).toContain('平台每天少付约 3500 元');
    expect(s.sides?.zh).not.toContain('多得');
    expect(s.gap?.zh).toContain('平台省下的 3500 元中，约 3000 元来自骑手少得的收入');
    expect(s.gap?.zh).toContain('送达的订单多了');
  });

  it('hedges where an interval includes zero instead of stating a direction', () => {
    const s = targetSentences(result(9, 8, moneyOf(50, 60, 400)));
    expect(s.sides?.zh).toContain('骑手每天的收入没有明显变化');
    expect(s.sides?.zh).toContain('平台每天的支出没有明显变化');
    expect(s.sides?.zh).not.toMatch(/多得|少得|多付|少付/);
    expect(s.sides?.en).toContain('shows no clear change');
  });

  it('says when no value meets the target, and never writes a metric path or arm id in Chinese', () => {
    const none = { ...result(9, 8), value: null, reached: false, platformCost: null };
    const s = targetSentences(none);
    expect(s.found.zh).toBe(
      '每单基础配送费在 0.00 元 至 40.00 元 之间没有任何取值能满足目标（时薪低于最低工资的骑手日占比不超过 5.0%）。',
    );
    for (const r of [none, result(10.39, 8, moneyOf(40_000, 44_000))]) {
      const zh = targetParagraph(targetSentences(r), 'zh');
      expect(zh).not.toMatch(/rules\.|earnings\.|platform\.|median|<=|[A-Za-z]{3,}/);
    }
  });

  it('keeps the value it states on the side where the target holds', () => {
    // The smallest value meeting the target is rounded up, so the stated pay still meets it.
    expect(targetSentences(result(10.3906, 8)).found.zh).toContain('10.40 元');
    const largest = { ...result(10.3996, 12), direction: 'largest' as const };
    expect(targetSentences(largest).found.zh).toContain('10.39 元');
  });
});
