// The views the workbench's panels and report.html both render (issue 22 item 2): one function per thing, so the
// ranking, the names and the digits on screen are those of the report.
import { describe, expect, it } from 'vitest';
import {
  armDisplayName,
  checkText,
  labelContext,
  targetSentences,
  zoneSentences,
  type TargetResult,
  type ZoneResult,
} from '../../src/analysis/index.ts';
import { CHECK_STATUS } from '../../src/evidence/glossary.ts';
import { targetParagraphs, zoneParagraphs } from '../../src/evidence/views/bargainingView.ts';
import { ruleParamName, scorecardRows } from '../../src/evidence/views/scorecardView.ts';
import {
  rankingLine,
  RANKING_LENGTH,
  sensitivityFlips,
  sensitivityRanking,
} from '../../src/evidence/views/sensitivityView.ts';
import { scenarioOf, tinyPack, TINY } from './fixtures.ts';

const param = (path: string, score: number, low?: number, high?: number) => ({
  path,
  score,
  ...(low === undefined ? {} : { low, high }),
  flips: [] as { metric: string; at: 'low' | 'high' }[],
});

describe('the sensitivity ranking', () => {
  it('keeps the result’s order, leaves out what has no effect, and writes scores to two decimals', () => {
    const result = {
      params: [
        param('rules.pay.commissionRate', 3.14159, 0.08, 0.12),
        param('population.maxSpeedKmh.mean', 1.005, 24, 36),
        param('population.incomeTargetMedianCny', 0.5, 200, 300),
        param('city.detourFactor', 0, 1.04, 1.56),
      ],
    };
    const ranking = sensitivityRanking(result);
    expect(ranking.map((p) => [p.rank, p.path, p.score])).toEqual([
      [1, 'rules.pay.commissionRate', '3.14'],
      [2, 'population.maxSpeedKmh.mean', '1.00'], // toFixed: 1.005 is stored below the tie
      [3, 'population.incomeTargetMedianCny', '0.50'],
    ]);
    expect(rankingLine(ranking[0]!)).toEqual({
      zh: '平台抽成比例：在 8.0% 至 12.0% 之间变动，得分 3.14',
      en: 'Platform commission, varied from 8.0% to 12.0%: score 3.14',
    });
    expect(rankingLine(ranking[1]!).zh).toBe('赶时间时最高车速（平均）：在 24 至 36 公里/小时之间变动，得分 1.00');
    expect(rankingLine(ranking[2]!).zh).toBe('每日收入目标中位数：在 200 至 300 元/天之间变动，得分 0.50');
    // No metric or parameter path in a Chinese line.
    for (const p of ranking) expect(rankingLine(p).zh).not.toMatch(/[a-z]+\.[a-z]/i);
  });

  it('lists at most a fixed number of parameters, and says the flips or that there are none', () => {
    const many = { params: Array.from({ length: 9 }, (_, i) => param('city.detourFactor', 9 - i)) };
    expect(sensitivityRanking(many)).toHaveLength(RANKING_LENGTH);
    expect(sensitivityFlips(many).zh).toBe('没有参数在其范围内翻转任何有把握的结论方向。');
    const flipped = {
      params: [
        {
          ...param('behaviour.redRunPressure', 1),
          flips: [{ metric: 'safety.relativeCrashRisk', at: 'high' as const }],
        },
      ],
    };
    expect(sensitivityFlips(flipped).zh).toBe(
      '会翻转结论方向的参数：时间压力下闯红灯的增加取高值时，“相对事故风险”的方向翻转。',
    );
  });
});

describe('the scorecard rows', () => {
  it('say each check as the analysis layer words it, with the glossary’s status marks and words', async () => {
    const pack = await tinyPack();
    const scenario = scenarioOf(TINY);
    const rows = scorecardRows(pack.comparison.arms, scenario);
    const first = pack.comparison.arms[0]!;
    expect(rows.map((r) => r.id)).toEqual(first.compliance.map((c) => c.id));
    for (const row of rows) {
      expect(row.cells.map((c) => c.armId)).toEqual(pack.comparison.arms.map((a) => a.id));
      for (const [i, cell] of row.cells.entries()) {
        const arm = pack.comparison.arms[i]!;
        const check = arm.compliance.find((c) => c.id === row.id)!;
        expect(cell.status).toBe(check.status);
        expect(cell.label.zh).toBe(`${CHECK_STATUS[check.status].mark} ${CHECK_STATUS[check.status].text.zh}`);
        expect(cell.value).toEqual(checkText(check, scenario, arm.metrics, ruleParamName).value);
      }
    }
    // A negotiated rule is named, not given by its path.
    expect(ruleParamName('deadline.percentile')).toEqual({ zh: '配送时限百分位', en: 'Deadline percentile' });
  });
});

describe('the bargaining paragraphs', () => {
  it('give a target’s and a zone’s sentences in order, under the ids their panels carry', () => {
    const scenario = scenarioOf(TINY);
    const target = {
      param: 'rules.pay.base',
      arm: 'median',
      min: 0,
      max: 40,
      value: 9,
      reached: true,
      direction: 'smallest',
      monotone: false,
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
      platformCost: {
        currentValue: 6,
        change: { courierPay: { mean: 1000, ci95: [900, 1100] }, margin: { mean: -1000, ci95: [-1100, -900] } },
      },
    } as unknown as TargetResult;
    const paragraphs = targetParagraphs(target, scenario);
    expect(paragraphs.map((p) => p.id)).toEqual(['found', 'cost', 'caveat']);
    const said = targetSentences(target, {
      armName: armDisplayName(scenario, 'median'),
      context: labelContext(scenario),
    });
    expect(paragraphs.map((p) => p.text)).toEqual([said.found, said.sides, said.caveat]);
    expect(paragraphs[0]!.text.zh).toContain('在算法取中（p50）下');
    expect(paragraphs[0]!.text.zh).not.toContain('median');

    const zone = {
      x: { param: 'rules.deadline.percentile', values: [10, 50] },
      y: { param: 'rules.pay.base', values: [6, 8] },
      cells: [10, 50, 10, 50].map((x, i) => ({
        x,
        y: i < 2 ? 6 : 8,
        metrics: {},
        unionHolds: i === 3,
        platformHolds: true,
        agreed: i === 3,
      })),
      unionLimits: [],
      platformLimits: [],
      unionObjective: { metric: 'earnings.shareBelowMinWage', better: 'lower' },
      current: { x: 10, y: 6, index: 0 },
      cheapestForPlatform: { x: 50, y: 8, index: 3 },
      bestForUnion: { x: 50, y: 8, index: 3 },
      agreedCells: 1,
    } as unknown as ZoneResult;
    const z = zoneParagraphs(zone, scenario);
    expect(z.map((p) => p.id)).toEqual(['agreed', 'best-union', 'cheapest', 'current', 'note']);
    const s = zoneSentences(zone, {});
    expect(z.map((p) => p.text)).toEqual([s.agreed, s.union, s.platform, s.current, s.note]);
  });
});
