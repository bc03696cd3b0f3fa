// Bargaining results carried in a pack: stored as given, listed with their SHA-256, summarised in the report, and
// checked by digest (not re-run) by verifyPack.
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  buildEvidencePack,
  parseBargaining,
  PackError,
  planEvidence,
  runEvidenceInProcess,
  verifyPack,
  type EvidencePack,
} from '../../src/evidence/index.ts';
import { sha256Hex } from '../../src/scenario/canonical.ts';
import { scenarioOf, tampered, textOf, TINY, unzipToRecord } from './fixtures.ts';

const diff = (mean: number) => ({ mean, ci95: [mean - 1, mean + 1] });
const TARGET = {
  param: 'rules.pay.base',
  min: 6,
  max: 60,
  value: 22.72,
  reached: true,
  arm: 'median',
  targets: [{ metric: 'earnings.shareBelowMinWage', op: '<=', threshold: 0.05, achieved: 0.041, ci95: [0.034, 0.048] }],
  platformCost: { currentValue: 6, change: { courierPay: diff(137658), margin: diff(-137779) } },
};
const SENSITIVITY = {
  arms: ['strictest', 'median'],
  base: { 'safety.relativeCrashRisk': diff(-0.02) },
  params: [
    {
      path: 'population.comfortSpeedKmh.mean',
      score: 2.5,
      low: 16,
      high: 24,
      flips: [{ metric: 'safety.relativeCrashRisk', at: 'low', base: -0.02, value: 0.011 }],
    },
    { path: 'rules.pay.commissionRate', score: 1.25, low: 0.08, high: 0.12, flips: [] },
    { path: 'city.detourFactor', score: 0, low: 1.04, high: 1.56, flips: [] },
  ],
};
const ZONE = {
  arm: 'median',
  x: { param: 'rules.deadline.percentile', values: [30, 50] },
  y: { param: 'rules.pay.base', values: [6, 12] },
  cells: [{}, {}, {}, {}],
  agreedCells: 1,
  cheapestForPlatform: { x: 50, y: 12, index: 3 },
  bestForUnion: null,
};
const json = (v: unknown) => strToU8(`${JSON.stringify(v, null, 2)}\n`);
const INCLUDED = [
  { name: 'bargaining/target.json', bytes: json(TARGET) },
  { name: 'bargaining/sensitivity.json', bytes: json(SENSITIVITY) },
  { name: 'bargaining/zone.json', bytes: json(ZONE) },
];

let cached: Promise<EvidencePack> | undefined;
function packWithBargaining(): Promise<EvidencePack> {
  cached ??= (async () => {
    const scenario = scenarioOf(TINY);
    const plan = planEvidence(scenario);
    const runs = await runEvidenceInProcess(plan.tasks);
    return buildEvidencePack({ scenario, plan, runs, bargaining: INCLUDED });
  })();
  return cached;
}

describe('bargaining results in a pack', () => {
  it('stores each file as given after the charts, with its SHA-256 in the manifest', async () => {
    const pack = await packWithBargaining();
    const names = pack.files.map((f) => f.name);
    expect(names.slice(-3)).toEqual(INCLUDED.map((f) => f.name));
    for (const f of INCLUDED) {
      expect(pack.manifest.files[f.name]).toBe(sha256Hex(f.bytes));
      expect(pack.files.find((p) => p.name === f.name)?.bytes).toEqual(f.bytes);
    }
  });

  it('summarises them in report.html in both languages, and says verify does not re-run them', async () => {
    const report = textOf(unzipToRecord((await packWithBargaining()).zip), 'report.html');
    expect(report).toContain('id="bargaining"');
    // In sentences, with the editor's names and the catalogue's units: no metric path, no arm id in the Chinese.
    expect(report).toContain('若把每单基础配送费提高到 22.72 元（现行 6.00 元），时薪低于最低工资的骑手日占比为 4.1%');
    expect(report).toContain('满足目标（时薪低于最低工资的骑手日占比不超过 5.0%）');
    expect(report).toContain('平台付给骑手的报酬每天多约 13.8 万元');
    expect(report).toContain('Raising the piece rate per order to 22.72 CNY (today 6.00 CNY)');
    expect(report).toContain('the platform pays couriers about 138,000 CNY more a day');
    // The sensitivity ranking as the tornado panel lists it: names, ranges with units, scores to two decimals; a
    // parameter without effect is not ranked.
    expect(report).toContain(
      '<li data-rank="1" data-score="2.50"><span lang="zh-CN">舒适车速（平均）：在 16 至 24 公里/小时之间变动，得分 2.50</span>',
    );
    expect(report).toContain('平台抽成比例：在 8.0% 至 12.0% 之间变动，得分 1.25');
    expect(report).not.toContain('data-rank="3"');
    expect(report).toContain('会翻转结论方向的参数：舒适车速（平均）取低值时，“相对事故风险”的方向翻转。');
    expect(report).toContain(
      'Parameters that flip the direction of a conclusion: comfort speed (mean) at its low value flips relative crash risk.',
    );
    // Under the glossary's names, in the order the pack carries them.
    const at = ['目标反推', '敏感性分析', '可接受区域'].map((n) =>
      report.indexOf(`<h3><span lang="zh-CN">${n}</span>`),
    );
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    // The files by name, with their SHA-256, in the appendix only.
    const appendix = report.indexOf('<div class="appendix"');
    expect(report.indexOf('<code>bargaining/target.json</code>')).toBeGreaterThan(appendix);
    expect(report).toContain('4 个格子中，没有一个同时满足双方的底线');
    expect(report).toContain(
      '平台一方的最佳格子是平台利润最高的：配送时限百分位 50（算法取中）、每单基础配送费 12.00 元',
    );
    expect(report).toContain('不是本工具的建议');
    const section = report.slice(report.indexOf('id="bargaining"'), report.indexOf('<section id="findings"'));
    const chinese = [...section.matchAll(/<(p|span|li) lang="zh-CN">([^<]*)<\/\1>/g)].map((m) => m[2]).join('');
    expect(chinese.length).toBeGreaterThan(200);
    expect(chinese).not.toMatch(/rules\.|earnings\.|platform\.|population\.|median|strictest|<=|\.json/);
    expect(report).toContain('it does not re-run these analyses');
    expect(report).toContain(sha256Hex(INCLUDED[0]!.bytes));
  });

  it('a pack without them has no such section', async () => {
    const scenario = scenarioOf(TINY);
    const plan = planEvidence(scenario);
    const runs = await runEvidenceInProcess(plan.tasks);
    const plain = buildEvidencePack({ scenario, plan, runs });
    expect(textOf(unzipToRecord(plain.zip), 'report.html')).not.toContain('id="bargaining"');
  });

  it('escapes what the files say', async () => {
    const scenario = scenarioOf(TINY);
    const plan = planEvidence(scenario);
    const runs = await runEvidenceInProcess(plan.tasks);
    const hostile = { ...TARGET, param: '<script>alert(1)</script>' };
    const pack = buildEvidencePack({
      scenario,
      plan,
      runs,
      bargaining: [{ name: 'bargaining/t.json', bytes: json(hostile) }],
    });
    const report = textOf(unzipToRecord(pack.zip), 'report.html');
    expect(report).not.toContain('<script>');
    expect(report).toContain('&lt;script&gt;');
  });

  it('verifies, checking their digests', async () => {
    const { zip } = await packWithBargaining();
    const outcome = await verifyPack(zip);
    expect(outcome.differences).toEqual([]);
    expect(outcome.verified).toBe(true);

    const changed = tampered(zip, { 'bargaining/target.json': json({ ...TARGET, value: 12 }) });
    const bad = await verifyPack(changed);
    expect(bad.verified).toBe(false);
    expect(bad.differences.some((d) => d.startsWith('bargaining/target.json: its SHA-256 does not match'))).toBe(true);
  });

  it('refuses a bargaining file the manifest does not list, and bad names or JSON', async () => {
    const { zip } = await packWithBargaining();
    const extra = tampered(zip, { 'bargaining/extra.json': '{}' });
    await expect(verifyPack(extra)).rejects.toBeInstanceOf(PackError);
    const notJson = tampered(zip, { 'bargaining/zone.json': '{ nope' }, { digest: (m) => m.digest });
    await expect(verifyPack(notJson)).rejects.toBeInstanceOf(PackError);
    expect(() => parseBargaining([{ name: 'bargaining/../x.json', bytes: json({}) }])).toThrow(RangeError);
    expect(() => parseBargaining([{ name: 'bargaining/a.json', bytes: strToU8('{') }])).toThrow(/not valid JSON/);
    expect(() =>
      parseBargaining([
        { name: 'bargaining/a.json', bytes: json({}) },
        { name: 'bargaining/a.json', bytes: json({}) },
      ]),
    ).toThrow(/twice/);
  });
});

describe('the reproduce command of a pack with bargaining results', () => {
  it('includes them by their names in the pack, which the unzipped folder has', async () => {
    const { manifest } = await packWithBargaining();
    expect(manifest.command).toContain(
      '--include bargaining/target.json,bargaining/sensitivity.json,bargaining/zone.json --out pack.zip',
    );
  });
});
