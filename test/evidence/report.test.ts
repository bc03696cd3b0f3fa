// report.html: self-contained, bilingual, and every user-supplied string escaped.
import { describe, expect, it } from 'vitest';
import {
  costSentences,
  PLATFORM_COST_PARTS,
  platformCost,
  platformCostSentences,
  strictestCost,
  type RunsCalibration,
} from '../../src/analysis/index.ts';
import { escapeHtml as esc } from '../../src/format/escape.ts';
import { fixed } from '../../src/evidence/format.ts';
import { orderMoney } from '../../src/evidence/orderMoney.ts';
import { CHART_FILES } from '../../src/evidence/index.ts';
import { escapeHtml, safeHref } from '../../src/format/escape.ts';
import { TINY, makePack, scenarioOf, textOf, tinyPack, unzipToRecord } from './fixtures.ts';

const PAYLOAD = '<img src=x onerror=alert(1)><script>alert(2)</script>';

/** Every start tag in `html` that carries an event-handler attribute (`onerror=`, `onload=` …). */
const handlerTags = (html: string) => html.match(/<[a-zA-Z][^>]*\son[a-z]+\s*=/g) ?? [];

describe('report.html escaping', () => {
  it('escapes a hostile scenario name, description, region, sources and arm labels', async () => {
    const hostile = {
      ...TINY,
      meta: {
        name: PAYLOAD,
        description: `${PAYLOAD}\n\n"quoted" & 'single'`,
        region: PAYLOAD,
        sources: [{ id: 'x"><script>', title: PAYLOAD, url: 'javascript:alert(3)', note: PAYLOAD }],
      },
      arms: [
        { id: 'a', label: `${PAYLOAD} / 最严<script>`, rules: { deadline: { percentile: 10 } } },
        { id: 'b', label: '<svg onload=alert(4)>', rules: { deadline: { percentile: 50 } } },
      ],
    };
    const files = unzipToRecord((await makePack(hostile)).zip);
    const html = textOf(files, 'report.html');
    for (const text of [html, ...CHART_FILES.map((c) => textOf(files, c))]) {
      expect(text).not.toMatch(/<script/i);
      expect(text).not.toMatch(/<img/i);
      expect(text).not.toMatch(/<svg onload/i);
      expect(handlerTags(text)).toEqual([]);
    }
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<span class="url">javascript:alert(3)</span>');
    expect(html).toContain('<title>证据包报告 / Evidence report: &lt;img src=x');
  });

  it('links only http(s) URLs', () => {
    expect(safeHref('https://doi.org/10.1016/j.aap.2010.05.012')).toBe('https://doi.org/10.1016/j.aap.2010.05.012');
    expect(safeHref('https://x.org/?a=1&b="2"')).toBe('https://x.org/?a=1&amp;b=&quot;2&quot;');
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>', ' https://a b', undefined]) {
      expect(safeHref(url)).toBeUndefined();
    }
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});

describe('report.html content', () => {
  it('is self-contained: no script, no external resource', async () => {
    const html = textOf(unzipToRecord((await tinyPack()).zip), 'report.html');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|url\(|\ssrc=/i);
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toMatch(/@media print/);
    // Each chart is drawn once per language: pay against the minimum wage, each order's money, the headline metrics
    // and km by speed. The tiny scenario reports one day, so the day-by-day charts are left out.
    expect(html.match(/<svg xmlns/g)).toHaveLength(2 * 4);
    expect(html).not.toContain('每日平均承诺配送时长');
    expect(html).toContain('本情景只报告一天，所以没有逐日图表');
    // No chart file name beside a chart: the pack's files are not named in the report's prose.
    for (const file of CHART_FILES) expect(html).not.toContain(file);
  });

  it('is in Chinese first and in English, with a language switch', async () => {
    const html = textOf(unzipToRecord((await tinyPack()).zip), 'report.html');
    expect(html.indexOf('id="lang-zh" checked')).toBeGreaterThan(0);
    expect(html).toContain('<label for="lang-en">English</label>');
    // What a meeting needs first, numbered; the rest in a marked appendix, in the glossary's words.
    const headings = [
      '<h2>1. <span lang="zh-CN">主要指标</span><span lang="en">Headline figures</span></h2>',
      '<h2>2. <span lang="zh-CN">合规评分卡</span><span lang="en">Compliance scorecard</span></h2>',
      '<h2>3. <span lang="zh-CN">这些数字有多可信</span><span lang="en">How far to trust these numbers</span></h2>',
      '<h2><span lang="zh-CN">附录</span><span lang="en">Appendix</span></h2>',
      '<h3><span lang="zh-CN">附录一\u3000问题与规则</span><span lang="en">A. The question and the rule sets</span></h3>',
      '<h3><span lang="zh-CN">附录二\u3000其他数字</span><span lang="en">B. Further figures</span></h3>',
      '<h3><span lang="zh-CN">附录四\u3000模型假设与来源</span><span lang="en">D. Assumptions and sources</span></h3>',
      '<h3><span lang="zh-CN">附录五\u3000模型校验：逐项对照</span><span lang="en">E. Model check, target by target</span></h3>',
      '<h3><span lang="zh-CN">附录六\u3000如何复现与校验</span><span lang="en">F. Reproduce and verify</span></h3>',
    ];
    const at = headings.map((h) => html.indexOf(h));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('states the rules that differ, the findings with intervals, the scorecard, the assumptions and the command', async () => {
    const pack = await tinyPack();
    const html = textOf(unzipToRecord(pack.zip), 'report.html');
    // The rule that differs between the arms, with the base value and each arm's.
    expect(html).toMatch(
      /<code>rules\.<wbr>deadline\.<wbr>percentile<\/code><\/span><\/th><td class="value">50<\/td><td class="value">10<\/td><td class="value">50<\/td>/,
    );
    // A finding about the minimum wage in both languages, naming the wage.
    expect(html).toMatch(
      /<p lang="zh-CN">在最严算法（p10）下，[\d.]+%(（[\d.]+–[\d.]+%）)?的骑手日每在线小时净收入低于最低小时工资 21 元；在算法取中（p50）下为 /,
    );
    expect(html).toMatch(
      /<p lang="en">Under Strictest algorithm \(p10\), [\d.]+%( \([\d.]+–[\d.]+%\))? of courier-days earn less than the minimum wage of 21 CNY per online hour \(net\); under Algorithm-median \(p50\), /,
    );
    expect(html).toMatch(/算法取中（p50）减最严算法（p10）：/);
    expect(html).toContain('唐山方案第 8 项：不得将“最严算法”作为考核标准');
    // The scorecard explains each threshold in words and shows shares as percentages.
    expect(html).toContain('每在线小时净收入低于最低工资（21 元/小时）的骑手日不超过 5%');
    expect(html).toContain(
      '<span class="tag"><span lang="zh-CN">未校准</span><span lang="en">uncalibrated</span></span>',
    );
    expect(html).toContain(`<pre class="command">${pack.manifest.command}</pre>`);
    expect(html).toContain(pack.manifest.digest);
  });

  it('holds the pack’s runs against the targets: one row per target of calibration.json, with its status', async () => {
    const files = unzipToRecord((await tinyPack()).zip);
    const html = textOf(files, 'report.html');
    const calibration = JSON.parse(textOf(files, 'calibration.json')) as RunsCalibration;
    const section = html.slice(
      html.indexOf('<section class="appendix-part" id="model-check">'),
      html.indexOf('<section class="appendix-part" id="reproduce">'),
    );
    expect(section).toContain('docs/model.md');
    expect(section.match(/<tr class="(within|below|above)">/g)).toHaveLength(calibration.rows.length);
    // Rows in the file's order (two targets may hold the same metric against different arms).
    let from = 0;
    for (const row of calibration.rows) {
      expect(section).toContain(`<code>${row.metric}</code>`);
      const words = row.status === 'within' ? '在观测范围内' : row.status === 'below' ? '低于观测范围' : '高于观测范围';
      const at = section.indexOf(`<code>${row.metric}</code>`, from);
      expect(at).toBeGreaterThanOrEqual(0);
      from = section.indexOf('</tr>', at);
      expect(section.slice(at, from)).toContain(words);
    }
    expect(section).toContain(
      `在 ${calibration.rows.length} 项可对照的目标中，${calibration.summary.within} 项落在观测范围内`,
    );
    // Every source in Chinese in the Chinese view: the default targets' sources are translated.
    expect(section).not.toMatch(/<span lang="zh-CN">[^<]*third-party computation/);
  });

  it('lists the further figures of MODEL section 10 for each arm', async () => {
    const html = textOf(unzipToRecord((await tinyPack()).zip), 'report.html');
    const table = html.slice(
      html.indexOf('<table class="further">'),
      html.indexOf('</table>', html.indexOf('<table class="further">')),
    );
    for (const label of [
      '全职骑手每在线小时净收入',
      '全职骑手每天送达订单数',
      '全职骑手每天在线时长',
      '每单配送费（扣除前）',
      '每趟配送的订单数',
      '高峰时包里的订单数（最大值）',
      '超时 8 分钟以上的订单占比',
      '接单到取餐时长',
      '取餐到送达时长',
      '平台每单付给骑手的报酬',
      '平台每单利润',
    ]) {
      expect(table).toContain(`<span lang="zh-CN">${label}</span>`);
    }
    // Two arms and one difference column per row.
    expect(table.match(/<tr><th scope="row">/g)?.length).toBe(13);
    // In the appendix.
    expect(html.indexOf('<table class="further">')).toBeGreaterThan(html.indexOf('<div class="appendix"'));
  });

  it('leads with what the strictest algorithm costs a courier per day and per month, before any other section', async () => {
    const pack = await tinyPack();
    const html = textOf(unzipToRecord(pack.zip), 'report.html');
    const scenario = scenarioOf(JSON.parse(textOf(unzipToRecord(pack.zip), 'scenario.json')));
    const cost = strictestCost(scenario, pack.comparison, 1);
    if (!cost) throw new Error('no cost');
    const s = costSentences(cost, {
      stricter: { zh: '最严算法（p10）', en: 'Strictest algorithm (p10)' },
      looser: { zh: '算法取中（p50）', en: 'Algorithm-median (p50)' },
    });
    const lead = html.indexOf('<section id="cost" class="lead">');
    expect(lead).toBeGreaterThan(html.indexOf('</header>'));
    expect(lead).toBeLessThan(html.indexOf('<section id="findings">'));
    // The first chart, inside the lead: pay against the minimum wage, in each language.
    const figure = html.indexOf('<figure id="earnings-chart">');
    expect(figure).toBeGreaterThan(lead);
    expect(figure).toBeLessThan(html.indexOf('</section>', lead));
    expect(html).toContain('<title>骑手每在线小时的净收入与最低工资</title>');
    expect(html).toContain('<title>Couriers’ net pay per online hour against the minimum wage</title>');
    expect(html).toContain(`<p class="cost-day" lang="zh-CN">${s.perDay.zh}</p>`);
    expect(html).toContain(`<p lang="en">${s.perMonth.en}</p>`);
    expect(s.perDay.zh).toMatch(/^在最严算法（p10）下，与算法取中（p50）相比，每名骑手每天[少多]收入 [\d.]+ 元/);
  });

  it('says next to it what algorithm-median costs the platform, part by part, and charts each order’s money', async () => {
    const pack = await tinyPack();
    const files = unzipToRecord(pack.zip);
    const html = textOf(files, 'report.html');
    const scenario = scenarioOf(JSON.parse(textOf(files, 'scenario.json')));
    const cost = platformCost(scenario, pack.comparison, 1);
    if (!cost) throw new Error('no platform cost');
    const s = platformCostSentences(cost, {
      stricter: { zh: '最严算法（p10）', en: 'Strictest algorithm (p10)' },
      looser: { zh: '算法取中（p50）', en: 'Algorithm-median (p50)' },
    });
    const start = html.indexOf('<section id="platform-cost" class="lead">');
    expect(start).toBeGreaterThan(html.indexOf('<section id="cost" class="lead">'));
    expect(start).toBeLessThan(html.indexOf('<section id="findings">'));
    const section = html.slice(start, html.indexOf('</section>', start));
    expect(section).toContain(
      '<h2><span lang="zh-CN">平台的账</span><span lang="en">What it costs the platform</span></h2>',
    );
    expect(section).toContain(`<p class="cost-day" lang="zh-CN">${esc(s.total.zh)}</p>`);
    expect(section).toContain(`<p class="cost-day" lang="en">${esc(s.total.en)}</p>`);
    for (const part of PLATFORM_COST_PARTS) {
      expect(section).toContain(`<li lang="zh-CN">${esc(s.parts[part].zh)}</li>`);
    }
    expect(section).toContain(`<p lang="zh-CN">${esc(s.retained.zh)}</p>`);
    // The total is the margin's paired difference, per day, with the sign of a cost.
    const d = pack.comparison.differences['platform.margin'];
    expect(cost.perDay.value).toBeCloseTo(-(d?.mean ?? Number.NaN), 9);
    expect(s.total.zh).toContain(
      `每天${cost.perDay.value >= 0 ? '少赚' : '多赚'} ${Math.abs(cost.perDay.value).toFixed(0)} 元`,
    );
    // The chart: each arm's order money, with the platform's profit per order under its bar.
    expect(section).toContain('<figure><div lang="zh-CN"><svg xmlns');
    // One chart per language, each in its own view.
    expect(section).toContain('<div lang="zh-CN"><svg');
    expect(section).toContain('<title>每单配送钱款的去向</title>');
    expect(section).toContain('<title>Where the delivery money of an order goes</title>');
    expect(section).not.toContain('每单配送钱款的去向 / Where');
    for (const arm of pack.comparison.arms) {
      const m = orderMoney(arm.money);
      expect(section).toContain(`利润 ${fixed(m.operatingProfit, 2)} 元`);
    }
    expect(section).toContain('<figcaption><span lang="zh-CN">每个方案一根横条');
  });
});
