// Browser test of the robustness panel (issue 24 item 2): on demo-small, 20 plausible worlds in the workbench give,
// difference by difference, the same number of worlds in which the direction holds and the same verdict as
// `fairpace robustness --worlds 20`, said in Chinese without metric paths and in English after the language switch;
// under the sentences, the chart of where each conclusion that does not hold fails: one dot per world, filled where
// the CLI counts a failure, the PRIM box drawn, the axes named in the reader's language.
// Screenshots in both languages go to test-artifacts/robustness/. `node test/e2e/run.mjs robustness`.
/* global document */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { latinOnPage, unexpectedLatin } from './latinWords.mjs';
import { assert, fairpace, reveal, ROOT, savePng, tid, waitForJob, waitForRunDone } from './support.mjs';

const SHOTS = join(ROOT, 'test-artifacts', 'robustness');
/** The panel's pictures stay small enough to look at (bytes). */
const MAX_PNG = 600 * 1024;
const HAN = /\p{Script=Han}/u;

/** The panel's lines: metric, worlds held, verdict and text. */
function readLines(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="robustness-result"] li')].map((li) => ({
      id: li.getAttribute('data-testid'),
      holds: Number(li.getAttribute('data-holds')),
      verdict: li.getAttribute('data-verdict'),
      text: li.textContent ?? '',
    })),
  );
}

/** The charts of where a conclusion fails: metric, axes, box, and the dots Plot drew (filled ones fail). */
function readCharts(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="robustness-chart"]')].map((el) => {
      const dots = [...el.querySelectorAll('g[aria-label="dot"] circle')];
      const text = (label) => el.querySelector(`g[aria-label="${label}"]`)?.textContent ?? '';
      return {
        metric: el.getAttribute('data-metric'),
        x: el.getAttribute('data-x'),
        box: el.getAttribute('data-box'),
        failures: Number(el.getAttribute('data-failures')),
        dots: dots.length,
        filled: dots.filter((c) => (c.getAttribute('fill') ?? c.closest('g')?.getAttribute('fill')) !== 'white').length,
        rects: el.querySelectorAll('g[aria-label="rect"] rect').length,
        xLabel: text('x-axis label'),
        yLabel: text('y-axis label'),
        title: el.querySelector('h2')?.textContent ?? '',
      };
    }),
  );
}

export const robustnessTests = [
  {
    name: 'robustness: 20 worlds in the workbench hold where `fairpace robustness` says, in Chinese and English',
    async fn({ open }) {
      const { page } = await open();
      await waitForRunDone(page);
      await reveal(page, tid('robustness-panel'));
      await page.selectOption(tid('robustness-worlds'), '20');
      await page.click(tid('robustness-run'));
      await waitForJob(page, 'robustness', 240_000);
      const cli = await fairpace([
        'robustness',
        join(ROOT, 'scenarios', 'demo-small.json'),
        ...['--worlds', '20', '--workers', '1', '--quiet', '--no-cache'],
      ]);
      assert(cli.code === 0, `fairpace robustness failed: ${cli.stderr}`);
      const expected = JSON.parse(cli.stdout);
      const zh = await readLines(page);
      assert(zh.length === expected.metrics.length, `${zh.length} lines, expected ${expected.metrics.length}`);
      for (const m of expected.metrics) {
        const line = zh.find((l) => l.id === `robustness-${m.metric}`);
        assert(line, `no line for ${m.metric}`);
        assert(line.holds === m.holds, `${m.metric}: holds in ${line.holds} worlds on screen, ${m.holds} in the CLI`);
        assert(line.verdict === m.verdict, `${m.metric}: ${line.verdict} on screen, ${m.verdict} in the CLI`);
        assert(line.text.includes(`${m.holds}/20`), `${m.metric}: the sentence lacks ${m.holds}/20: ${line.text}`);
        assert(!/[a-z]+\.[a-zA-Z]+/.test(line.text), `a path in the Chinese sentence: ${line.text}`);
      }
      // The headline cards say it too, for the differences robustness judges (the scenario on the cards is the one run).
      const cards = await page.evaluate(() =>
        [...document.querySelectorAll('[data-testid^="robust-"]')].map((p) => ({
          id: p.getAttribute('data-testid'),
          holds: Number(p.getAttribute('data-holds')),
          text: p.textContent ?? '',
        })),
      );
      assert(
        cards.length === expected.metrics.length,
        `${cards.length} card lines, expected ${expected.metrics.length}`,
      );
      for (const m of expected.metrics) {
        const card = cards.find((c) => c.id === `robust-${m.metric}`);
        assert(card && card.holds === m.holds, `card of ${m.metric}: ${JSON.stringify(card)}, CLI holds ${m.holds}`);
        assert(card.text.includes(`有 ${m.holds} 个`), `card of ${m.metric} says: ${card.text}`);
      }
      // Under the sentences, a chart of where each conclusion that does not hold fails (issue 24 item 1).
      const charted = expected.metrics.filter((m) => m.verdict !== 'holds' && m.holds < 20);
      assert(charted.length > 0, 'demo-small at 20 worlds should have a difference that does not hold');
      const zhCharts = await readCharts(page);
      assert(
        JSON.stringify(zhCharts.map((c) => c.metric)) === JSON.stringify(charted.map((m) => m.metric)),
        `charts of ${zhCharts.map((c) => c.metric)}, expected ${charted.map((m) => m.metric)}`,
      );
      for (const m of charted) {
        const chart = zhCharts.find((c) => c.metric === m.metric);
        assert(chart.dots === 20, `${m.metric}: ${chart.dots} dots, expected one per world`);
        assert(chart.failures === 20 - m.holds, `${m.metric}: ${chart.failures} failing worlds, CLI ${20 - m.holds}`);
        assert(chart.filled === 20 - m.holds, `${m.metric}: ${chart.filled} filled dots, CLI ${20 - m.holds}`);
        if (m.box && m.box.limits.length > 0) {
          assert(chart.x === m.box.limits[0].param || m.box.limits.some((l) => l.param === chart.x), `x ${chart.x}`);
          assert(chart.box === 'yes' && chart.rects === 1, `${m.metric}: the PRIM box is not drawn`);
        }
        assert(HAN.test(chart.xLabel) && !/[a-z]+\.[a-zA-Z]+/.test(chart.xLabel), `x axis: ${chart.xLabel}`);
        assert(HAN.test(chart.yLabel) && !/[a-z]+\.[a-zA-Z]+/.test(chart.yLabel), `y axis: ${chart.yLabel}`);
      }
      assert((await page.locator(tid('robustness-no-chart')).count()) === 0, 'a no-chart sentence beside charts');
      const latin = unexpectedLatin((await latinOnPage(page)).filter((f) => /robustness/.test(f.where ?? '')));
      assert(latin.length === 0, `Latin words in the Chinese robustness panel:\n      ${latin.join('\n      ')}`);
      mkdirSync(SHOTS, { recursive: true });
      await savePng(page.locator(tid('robustness-panel')), join(SHOTS, 'robustness-zh.png'), MAX_PNG);
      await page.locator('.cards').screenshot({ path: join(SHOTS, 'cards-zh.png') });
      await page.click(tid('language-toggle'));
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const en = await readLines(page);
      for (const m of expected.metrics) {
        const line = en.find((l) => l.id === `robustness-${m.metric}`);
        assert(line?.text.includes(`${m.holds} of 20`), `${m.metric}: the English sentence lacks ${m.holds} of 20`);
      }
      await page.waitForFunction(
        () =>
          !/\p{Script=Han}/u.test(document.querySelector('[data-testid="robustness-chart"] svg')?.textContent ?? '字'),
      );
      const enCharts = await readCharts(page);
      for (const c of enCharts) {
        assert(
          !HAN.test(`${c.xLabel}${c.yLabel}${c.title}`),
          `Chinese left in the English chart: ${JSON.stringify(c)}`,
        );
        assert(/[A-Za-z]/.test(c.xLabel) && /[A-Za-z]/.test(c.yLabel), `English axes: ${c.xLabel} / ${c.yLabel}`);
      }
      // The reader can pick a difference that holds in most worlds; picking the first charted one shows it alone.
      await page.selectOption(tid('robustness-chart-metric'), charted[0].metric);
      const picked = await readCharts(page);
      assert(picked.length === 1 && picked[0].metric === charted[0].metric, `picked: ${JSON.stringify(picked)}`);
      await page.selectOption(tid('robustness-chart-metric'), '');
      await savePng(page.locator(tid('robustness-panel')), join(SHOTS, 'robustness-en.png'), MAX_PNG);
    },
  },
];
