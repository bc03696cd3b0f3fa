// The chart of where a conclusion fails (issue 24 item 1): its axes are the PRIM box's assumptions, then the largest
// first-order indices; each world is a dot that fails exactly where the share counts a failure; the box is drawn on
// the axes' ranges (a commission rate in %); axes are named in both languages, never by path in Chinese; with no
// failing world there is no chart and one sentence says so. report.html draws the same spec, in each language.
import { describe, expect, it } from 'vitest';
import { judge, latinHypercube, type RobustMetric, type RobustnessResult } from '../../src/analysis/index.ts';
import {
  axisLabel,
  chartedMetrics,
  failingMetrics,
  robustnessChartNote,
  robustnessChartSpec,
  robustnessChartSpecs,
} from '../../src/evidence/chartSpecs/robustnessSpec.ts';
import { robustnessSpecSvg } from '../../src/evidence/charts/robustnessChart.ts';
import { bargainingSection } from '../../src/evidence/report/bargaining.ts';

const PARAMS = [
  { path: 'population.comfortSpeedKmh.mean', base: 20, low: 16, high: 24, basis: '±20%' },
  { path: 'rules.pay.commissionRate', base: 0.1, low: 0.05, high: 0.2, basis: '0.5× to 2×' },
  { path: 'city.detourFactor', base: 1.3, low: 1.17, high: 1.43, basis: '±10%' },
];
const N = 200;
const samples = latinHypercube(
  PARAMS.map((p) => [p.low, p.high] as const),
  N,
  4,
);
const paths = PARAMS.map((p) => p.path);

/** A difference (up in the scenario) that turns down where the commission is above `cut`. */
const commissionCut = (cut: number, metric = 'earnings.shareBelowMinWage'): RobustMetric =>
  judge(
    metric,
    { mean: 0.5, ci95: [0.2, 0.8] },
    samples,
    paths,
    samples.map((p) => ((p[1] as number) > cut ? -1 : 1)),
  );

/** A result of the given differences over the worlds. */
const resultOf = (metrics: RobustMetric[]): RobustnessResult => ({
  schemaVersion: 1,
  fairpaceVersion: 'test',
  modelDigest: 'm',
  scenarioDigest: 's',
  arms: ['a', 'b'],
  seed: 1,
  worlds: N,
  replicationsPerWorld: 1,
  params: PARAMS,
  samples,
  metrics,
  skipped: [],
});

describe('robustnessChartSpec', () => {
  it('puts the box’s assumption on x, fills exactly the failing worlds and draws the box in the drawn unit', () => {
    const m = commissionCut(0.125);
    expect(m.verdict).toBe('depends');
    const spec = robustnessChartSpec(resultOf([m]), m.metric);
    expect(spec).not.toBeNull();
    if (!spec) return;
    expect(spec.x.param).toBe('rules.pay.commissionRate');
    expect(spec.x.domain).toEqual([5, 20]);
    expect(spec.dots).toHaveLength(N);
    expect(spec.dots.filter((d) => !d.holds)).toHaveLength(N - m.holds);
    // Every failing world lies right of the cut, in per cent.
    for (const d of spec.dots) expect(d.holds).toBe(d.x <= 12.5);
    expect(spec.box).not.toBeNull();
    const [bx0, bx1] = spec.box?.x ?? [0, 0];
    expect(bx0).toBeGreaterThan(12);
    expect(bx0).toBeLessThan(13.5);
    expect(bx1).toBe(20);
    expect(spec.box?.y).toEqual(spec.y.domain);
    expect(spec.caption.zh).toContain(`框内 ${m.box?.worlds} 个世界中有 ${m.box?.failures} 个不成立`);
    expect(spec.caption.en).toContain(`${m.box?.failures} of the ${m.box?.worlds} worlds inside it fail`);
  });

  it('without a box, takes the two largest first-order indices and says there is no box', () => {
    const m: RobustMetric = {
      ...commissionCut(0.125),
      box: null,
      firstOrder: [
        { param: 'city.detourFactor', index: 0.4 },
        { param: 'population.comfortSpeedKmh.mean', index: 0.2 },
        { param: 'rules.pay.commissionRate', index: 0.1 },
      ],
    };
    const spec = robustnessChartSpec(resultOf([m]), m.metric);
    expect([spec?.x.param, spec?.y.param]).toEqual(['city.detourFactor', 'population.comfortSpeedKmh.mean']);
    expect(spec?.box).toBeNull();
    expect(spec?.caption.zh).toMatch(/没有一个方框.*一阶指数 40% 与 20%/);
    expect(spec?.caption.en).toMatch(/No box holds most .*first-order indices 40% and 20%/);
  });

  it('names a box limit the two axes cannot show', () => {
    const base = commissionCut(0.125);
    const box = base.box;
    if (!box) throw new Error('no box');
    const m: RobustMetric = {
      ...base,
      box: { ...box, limits: [...box.limits, { param: 'city.detourFactor', low: 1.3, high: null }] },
      firstOrder: [
        { param: 'rules.pay.commissionRate', index: 0.5 },
        { param: 'population.comfortSpeedKmh.mean', index: 0.2 },
        { param: 'city.detourFactor', index: 0.1 },
      ],
    };
    const spec = robustnessChartSpec(resultOf([m]), m.metric);
    // Both box assumptions are on the axes; with a third, the two with the larger first-order indices are.
    expect([spec?.x.param, spec?.y.param]).toEqual(['rules.pay.commissionRate', 'city.detourFactor']);
    expect(spec?.box?.y[0]).toBeCloseTo(1.3, 9);
    expect(spec?.box?.others).toEqual([]);
    const three = {
      ...m,
      box: { ...m.box!, limits: [...m.box!.limits, { param: 'population.comfortSpeedKmh.mean', low: null, high: 18 }] },
    };
    const s3 = robustnessChartSpec(resultOf([three]), m.metric);
    expect(s3?.box?.others.map((l) => l.param)).toEqual(['city.detourFactor']);
    expect(s3?.caption.zh).toMatch(/方框还要求道路绕行系数不低于 1\.3，图上看不出/);
    expect(s3?.caption.en).toMatch(/also requires that road detour factor is at least 1\.3/i);
  });

  it('is null when the per-world data does not match the worlds', () => {
    const m = commissionCut(0.125);
    expect(robustnessChartSpec({ ...resultOf([m]), samples: [] }, m.metric)).toBeNull();
    expect(robustnessChartSpec(resultOf([{ ...m, worldDifferences: [1, 2] }]), m.metric)).toBeNull();
    expect(robustnessChartSpec(resultOf([m]), 'no.such.metric')).toBeNull();
  });
});

describe('which differences are charted', () => {
  it('charts those that do not hold, or the one picked, and says so in a sentence when none fails', () => {
    const depends = commissionCut(0.125);
    const holdsNearly = commissionCut(0.197, 'safety.relativeCrashRisk');
    const always = commissionCut(1, 'service.onTimeRate');
    expect(holdsNearly.verdict).toBe('holds');
    expect(holdsNearly.holds).toBeLessThan(N);
    const r = resultOf([depends, holdsNearly, always]);
    expect(chartedMetrics(r)).toEqual([depends.metric]);
    expect(failingMetrics(r)).toEqual([depends.metric, holdsNearly.metric]);
    expect(robustnessChartSpecs(r).map((s) => s.metric)).toEqual([depends.metric]);
    expect(robustnessChartSpecs(r, {}, holdsNearly.metric).map((s) => s.metric)).toEqual([holdsNearly.metric]);
    expect(robustnessChartNote(r)).toBeNull();

    const sound = resultOf([always]);
    expect(robustnessChartSpecs(sound)).toEqual([]);
    const note = robustnessChartNote(sound);
    expect(note?.zh).toMatch(/在抽到的 200 个可能的世界里，没有找到任何一个主要差别方向不成立的世界/);
    expect(note?.en).toMatch(/^No world was found, among the 200 plausible worlds drawn/);
    expect(robustnessChartNote(resultOf([always, holdsNearly]))?.en).toMatch(/not charted/);
  });
});

describe('axis titles', () => {
  it('are the parameters’ names with their units in both languages, a commission rate in per cent', () => {
    expect(axisLabel('rules.pay.commissionRate')).toEqual({ zh: '平台抽成比例，%', en: 'Platform commission, %' });
    expect(axisLabel('population.comfortSpeedKmh.mean')).toEqual({
      zh: '舒适车速（平均），公里/小时',
      en: 'Comfort speed (mean), km/h',
    });
    expect(axisLabel('demand.weatherFactor.rain').zh).not.toMatch(/[a-z]+\.[a-z]+/i);
  });
});

describe('the chart in report.html', () => {
  it('is drawn in each language from the carried file, the same bytes each time, one dot per world', () => {
    const m = commissionCut(0.125);
    const spec = robustnessChartSpec(resultOf([m]), m.metric);
    if (!spec) throw new Error('no spec');
    const zh = robustnessSpecSvg(spec, 'zh');
    expect(robustnessSpecSvg(spec, 'zh')).toBe(zh);
    expect(zh).toContain('平台抽成比例，%');
    expect(zh).not.toContain('Platform commission');
    // One circle per world plus the legend's two.
    expect(zh.match(/<circle /g)).toHaveLength(N + 2);
    expect(zh.match(/fill="#D55E00" stroke/g)).toHaveLength(N - m.holds + 1);
    // The file as a pack carries it: through JSON, NaN differences become null and still count as failures.
    const json = JSON.parse(JSON.stringify(resultOf([m, commissionCut(1, 'service.onTimeRate')])));
    const html = bargainingSection([{ name: 'bargaining/robustness.json', json, sha256: 'ab' }], 8);
    expect(html.match(/class="robustness-chart"/g)).toHaveLength(1);
    expect(html).toContain(`data-metric="${m.metric}"`);
    expect(html).toContain(robustnessSpecSvg(spec, 'en'));
    expect(html).not.toContain('robustness-no-chart');
  });

  it('says in a sentence that no world fails, without a chart, and reads a file without worlds as sentences only', () => {
    const always = commissionCut(1, 'service.onTimeRate');
    const html = bargainingSection([{ name: 'bargaining/robustness.json', json: resultOf([always]), sha256: 'ab' }], 8);
    expect(html).not.toContain('robustness-chart');
    expect(html).toContain('没有找到任何一个主要差别方向不成立的世界');
    const bare = { worlds: N, samples: [], metrics: [commissionCut(0.125)] };
    const plain = bargainingSection([{ name: 'bargaining/robustness.json', json: bare, sha256: 'ab' }], 8);
    expect(plain).toContain('在 200 个可能的世界中');
    expect(plain).not.toContain('<svg');
  });
});

describe('the CLI table of a difference whose box has no limits', () => {
  it('says no region holds its failures, instead of an empty region', async () => {
    const { formatRobustnessTable } = await import('../../src/cli/robustnessCommands.ts');
    const m = commissionCut(0.125);
    const boxless: RobustMetric = { ...m, box: m.box ? { ...m.box, limits: [] } : m.box };
    const text = formatRobustnessTable(resultOf([boxless]));
    expect(text).toContain('with no region of the assumptions that holds most of them');
    expect(text).not.toContain('fails mostly where :');
  });
});
