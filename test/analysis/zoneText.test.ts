// The zone read from each side (issue 22 item 5): each side's best cell within the other's limits, the cells both
// accept, and never the status quo or the strictest algorithm presented as a recommendation.
import { describe, expect, it } from 'vitest';
import { zoneParagraph, zoneSentences, zoneSides, type ZoneCell, type ZoneResult } from '../../src/analysis/index.ts';

const e = (mean: number) => ({ mean, ci95: [mean, mean] as [number, number] });

/** A 2 × 2 grid of deadline percentile (10, 50) × base pay (7, 12); cell metrics by [x][y]. */
function zone(
  cell: (
    x: number,
    y: number,
  ) => { margin: number; pay: number; risk: number; share: number; union: boolean; platform: boolean },
  current: number | null,
): ZoneResult {
  const xs = [10, 50];
  const ys = [7, 12];
  const cells: ZoneCell[] = ys.flatMap((y, yIndex) =>
    xs.map((x, xIndex) => {
      const c = cell(x, y);
      return {
        x,
        y,
        xIndex,
        yIndex,
        metrics: {
          'platform.margin': e(c.margin),
          'platform.courierPay': e(c.pay * 100),
          'earnings.netPerOnlineHour.mean': e(c.pay),
          'safety.relativeCrashRisk': e(c.risk),
          'earnings.shareBelowMinWage': e(c.share),
        },
        union: [],
        platform: [],
        unionHolds: c.union,
        platformHolds: c.platform,
        agreed: c.union && c.platform,
      };
    }),
  );
  const best = (accept: (c: ZoneCell) => boolean, score: (c: ZoneCell) => number) => {
    let index = -1;
    cells.forEach((c, i) => {
      if (accept(c) && (index < 0 || score(c) > score(cells[index] as ZoneCell))) index = i;
    });
    return index < 0 ? null : { x: cells[index]!.x, y: cells[index]!.y, index };
  };
  return {
    schemaVersion: 2,
    fairpaceVersion: '0',
    modelDigest: '',
    scenarioDigest: '',
    arm: 'median',
    seeds: [1],
    confidence: 'ci',
    x: { param: 'rules.deadline.percentile', values: xs },
    y: { param: 'rules.pay.base', values: ys },
    unionLimits: [{ metric: 'earnings.shareBelowMinWage', op: '<=', threshold: 0.05 }],
    platformLimits: [{ metric: 'platform.margin', op: '>=', threshold: 0 }],
    unionObjective: { metric: 'earnings.shareBelowMinWage', better: 'lower' },
    cells,
    current: { x: 10, y: 7, index: current },
    cheapestForPlatform: best(
      (c) => c.unionHolds,
      (c) => c.metrics['platform.margin']!.mean,
    ),
    bestForUnion: best(
      (c) => c.platformHolds,
      (c) => -c.metrics['earnings.shareBelowMinWage']!.mean,
    ),
    agreedCells: cells.filter((c) => c.agreed).length,
    message: '',
  };
}

describe('zoneSentences', () => {
  it('names the platform’s best cell as its position, and says when it is today’s strictest rule', () => {
    // Today's rule (p10, 7 CNY) is where the platform earns most among the cells the union accepts.
    const r = zone(
      (x, y) => ({
        margin: x === 10 && y === 7 ? 5000 : 1000 - y,
        pay: y + x / 10,
        risk: x === 10 ? 1.3 : 1.0,
        share: x === 10 && y === 7 ? 0.04 : 0.01,
        union: true,
        platform: true,
      }),
      0,
    );
    const s = zoneSentences(r);
    expect(s.platform.zh).toContain('平台一方的最佳格子');
    expect(s.platform.zh).toContain('配送时限百分位 10（最严算法）、每单基础配送费 7.00 元（现行规则）');
    expect(s.platform.zh).toContain('这就是现行规则：是平台不让步时的立场，不是建议。');
    expect(s.platform.en).toContain('not a recommendation');
    const zh = zoneParagraph(s, 'zh');
    expect(zh).not.toMatch(/推荐|建议采用|满足工会底线、平台利润最高的点/);
    expect(zh).not.toMatch(/[A-Za-z]{3,}|rules\.|<=/);
    // The union's side: the highest pay and the lowest risk, both at p50 with 12 CNY.
    expect(s.union.zh).toContain('工会一方的最佳格子（在平台底线“平台每天配送利润不低于 0 元”之内）');
    expect(s.union.zh).toContain(
      '配送时限百分位 50（算法取中）、每单基础配送费 12.00 元，每在线小时净收入最高（17.00 元/小时）',
    );
    expect(s.agreed.zh).toMatch(/^4 个格子中，双方都接受的有 4 个：/);
    expect(s.current?.zh).toContain('★ 现行规则是配送时限百分位 10（最严算法）');
  });

  it('follows the runs: the platform’s best moves when the margins do, and today’s rule is no longer called its position', () => {
    const r = zone((x, y) => ({ margin: x * 100 - y, pay: y, risk: 1, share: 0.01, union: true, platform: true }), 0);
    expect(zoneSides(r).platform).toBe(1); // p50 at 7 CNY
    const s = zoneSentences(r);
    expect(s.platform.zh).toContain('配送时限百分位 50（算法取中）、每单基础配送费 7.00 元');
    expect(s.platform.zh).not.toContain('这就是现行规则');
  });

  it('does not name a cell as anyone’s best by a score every cell shares', () => {
    // Every cell the platform accepts has 100% below the minimum wage: the tie goes to the best pay, not to the grid's
    // first cell (the strictest algorithm).
    const r = zone((x, y) => ({ margin: 10, pay: x + y, risk: 1, share: 1, union: false, platform: true }), null);
    const sides = zoneSides(r);
    expect(sides.union.objective).toBe(3);
    expect(sides.platform).toBeNull();
    const s = zoneSentences(r);
    expect(s.platform.zh).toBe('工会的底线在每个格子都不满足，平台一方在这张表里没有可选的格子。');
    expect(s.agreed.zh).toBe('4 个格子中，没有一个同时满足双方的底线。');
    expect(s.union.zh).not.toContain('最严算法');
  });
});
