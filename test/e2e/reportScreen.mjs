// Browser tests of one source for screen and report (issue 22 items 2 and 3): after a comparison, a sensitivity
// analysis, a target and a zone run in the workbench, the exported report.html says the sensitivity ranking, the
// target and zone answers, the scorecard and the figures with the same names, in the same order and to the same digits
// as the panels, in each language; and the Chinese view of the report shows no metric path, arm id or file name.
// run.mjs runs these with the others (`node test/e2e/run.mjs "report and screen"`); screenshots of the exported
// report in both languages go to test-artifacts/report/.
/* global document, NodeFilter */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import {
  assert,
  choosePreset,
  fillZonePanel,
  reveal,
  ROOT,
  runTargetPanel,
  tid,
  waitForJob,
  waitForRunDone,
} from './support.mjs';

const SHOTS = join(ROOT, 'test-artifacts', 'report');
const ARM_IDS = ['strictest', 'median'];

/** Runs the sensitivity analysis, a target and a zone on the scenario on screen (demo-small), two replications each. */
async function runBargaining(page) {
  await reveal(page, tid('tornado-panel'));
  await page.fill(tid('tornado-replications'), '2');
  await page.click(tid('tornado-run'));
  await waitForJob(page, 'tornado', 180_000);
  await runTargetPanel(page);
  await fillZonePanel(page, { replications: 2 });
  await page.click(tid('zone-run'));
  await waitForJob(page, 'zone');
}

/** What the workbench shows, in the language on screen. */
function readScreen(page) {
  return page.evaluate(() => {
    const all = (sel) => [...document.querySelectorAll(sel)];
    const text = (el) => (el?.textContent ?? '').trim();
    const paragraphs = (prefix, box) =>
      Object.fromEntries(
        all(`[data-testid="${box}"] p[data-testid]`).map((el) => [
          el.getAttribute('data-testid').slice(prefix.length + 1),
          text(el),
        ]),
      );
    const scorecard = all('[data-testid^="scorecard-row-"]').map((row) => ({
      id: row.getAttribute('data-testid').slice('scorecard-row-'.length),
      name: text(row.querySelector('th')),
      cells: all(`[data-testid^="scorecard-cell-${row.getAttribute('data-testid').slice(14)}-"]`).map((cell) => ({
        label: text(cell.querySelector('[data-testid^="compliance-"]')),
        value: text(cell.querySelector('[data-testid^="scorecard-value-"]')),
        detail: text(cell.querySelector('[data-testid^="scorecard-detail-"]')),
      })),
    }));
    return {
      ranking: all('[data-testid="tornado-ranking"] li').map((li) => ({
        path: li.getAttribute('data-path'),
        text: text(li),
      })),
      flips: text(document.querySelector('[data-testid="tornado-flips"]')),
      target: paragraphs('target', 'target-result'),
      zone: paragraphs('zone', 'zone-summary'),
      scorecard,
      kpis: all('.cards [data-testid^="kpi-"]').map((el) => ({ id: el.getAttribute('data-testid'), text: text(el) })),
      diffs: all('.cards [data-testid^="diff-"]').map((el) => ({ id: el.getAttribute('data-testid'), text: text(el) })),
      detailDiffs: all('[data-testid^="detail-diff-"]').map((el) => text(el)),
    };
  });
}

/** What the report shows in the language chosen by its switch (`zh` or `en`), read as a reader sees it. */
async function readReport(page, lang) {
  await page.click(`label[for="lang-${lang}"]`);
  return page.evaluate(() => {
    const shown = (el) => el && el.checkVisibility();
    const visible = (root, sel) => [...root.querySelectorAll(sel)].filter(shown);
    const text = (el) => (el?.textContent ?? '').trim();
    /** The text of an element as shown: the text nodes whose element the language switch leaves visible. */
    const words = (el) => {
      if (!el) return '';
      let out = '';
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (shown(node.parentElement)) out += node.textContent;
      }
      return out.trim();
    };
    const answers = (kind) =>
      Object.fromEntries(
        [...document.querySelectorAll(`.bargaining-result[data-kind="${kind}"] .answer`)].map((a) => [
          a.getAttribute('data-id'),
          text(visible(a, 'p')[0]),
        ]),
      );
    const scorecard = [...document.querySelectorAll('table.scorecard tbody tr')].map((row) => ({
      id: row.getAttribute('data-check'),
      name: words(row.querySelector('th')),
      cells: [...row.querySelectorAll('td.status')].map((cell) => ({
        label: words(cell.querySelector('b')),
        value: words(cell.querySelector('.value')),
        detail: words(cell.querySelector('.note')),
      })),
    }));
    return {
      ranking: [...document.querySelectorAll('#bargaining ol.ranking li')].map((li) => words(li)),
      flips: answers('sensitivity').flips ?? '',
      target: answers('target'),
      zone: answers('zone'),
      scorecard,
      findings: Object.fromEntries(
        [...document.querySelectorAll('ol.findings li[data-metric]')].map((li) => [
          li.getAttribute('data-metric'),
          visible(li, 'p')
            .map((p) => text(p))
            .join(' '),
        ]),
      ),
      further: [...document.querySelectorAll('table.further tbody td')].map((td) => words(td)),
    };
  });
}

/**
 * Every text the Chinese view shows a reader, outside code and commands: the words of visible text nodes, charts
 * included, with where each was found.
 */
function chineseProse(page) {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('code, pre, title, style, nav.switch') || !el.checkVisibility()) continue;
      const t = node.textContent.trim();
      if (t) out.push({ text: t, where: el.closest('section, figure, header, div[class]')?.id || el.tagName });
    }
    return out;
  });
}

const METRIC_PATH =
  /\b(earnings|workload|safety|service|platform|customers|mdrp|rules|population|behaviour|risk|city|demand|standards|compliance)\.[A-Za-z]/;
const FILE_NAME = /[\w-]+\.(json|csv|svg|html|xlsx|zip|md)\b/;
const ARM_ID = new RegExp(`\\b(${ARM_IDS.join('|')})\\b`);

/** Problems of the comparison of screen and report, in one language. */
function compare(screen, report, lang) {
  const problems = [];
  const same = (what, a, b) => {
    if (a !== b) problems.push(`${what} (${lang}):\n        screen: ${a}\n        report: ${b}`);
  };
  same('the number of ranked parameters', screen.ranking.length, report.ranking.length);
  screen.ranking.forEach((p, i) => same(`ranking #${i + 1}`, p.text, report.ranking[i]));
  same('the flips', screen.flips, report.flips);
  for (const [id, text] of Object.entries(screen.target)) same(`target ${id}`, text, report.target[id]);
  for (const [id, text] of Object.entries(screen.zone)) same(`zone ${id}`, text, report.zone[id]);
  same('the number of checks', screen.scorecard.length, report.scorecard.length);
  // The screen says "本方案：77.9%" / "Here: 77.9%" where the report's table cell says "77.9%".
  const prefix = lang === 'zh' ? '本方案：' : 'Here: ';
  for (const row of screen.scorecard) {
    const other = report.scorecard.find((r) => r.id === row.id);
    if (!other) {
      problems.push(`check ${row.id} is not in the report`);
      continue;
    }
    same(`check ${row.id}: name`, row.name, other.name);
    row.cells.forEach((cell, i) => {
      const o = other.cells[i] ?? {};
      same(`check ${row.id}, arm ${i + 1}: status`, cell.label, o.label);
      same(`check ${row.id}, arm ${i + 1}: value`, cell.value.replace(prefix, ''), o.value);
      same(`check ${row.id}, arm ${i + 1}: note`, cell.detail, o.detail);
    });
  }
  // Each headline number as the card rounds it is the number the report's sentence gives.
  for (const kpi of screen.kpis) {
    const path = ARM_IDS.reduce((p, id) => p.replace(new RegExp(`-${id}$`), ''), kpi.id.slice('kpi-'.length));
    const sentence = report.findings[path];
    if (sentence === undefined) continue;
    if (!sentence.includes(kpi.text))
      problems.push(`${kpi.id} (${lang}): the card's ${kpi.text} is not in "${sentence}"`);
  }
  // Each card's paired difference, its bounds and decimals, is the report's.
  for (const diff of screen.diffs) {
    const path = ARM_IDS.reduce((p, id) => p.replace(new RegExp(`-${id}$`), ''), diff.id.slice('diff-'.length));
    const sentence = report.findings[path];
    if (sentence === undefined) continue;
    for (const n of diff.text.match(/\d[\d,]*\.\d+/g) ?? []) {
      if (!sentence.includes(n)) problems.push(`${diff.id} (${lang}): the card's ${n} is not in "${sentence}"`);
    }
  }
  for (const d of screen.detailDiffs) {
    if (!report.further.includes(d)) problems.push(`the further figure "${d}" (${lang}) is not in the report's table`);
  }
  return problems;
}

export const reportScreenTests = [
  {
    name: 'report and screen: the exported report.html says the ranking, answers, scorecard and figures as the panels do, and its Chinese view has no path, arm id or file name',
    async fn({ open }) {
      const dir = mkdtempSync(join(tmpdir(), 'fairpace-e2e-report-'));
      try {
        const { page, context } = await open({ locale: 'zh-CN' });
        await waitForRunDone(page);
        await runBargaining(page);
        const screenZh = await readScreen(page);
        assert(screenZh.ranking.length > 0, 'the tornado panel ranks no parameter');
        assert(
          Object.keys(screenZh.target).length > 0 && Object.keys(screenZh.zone).length > 0,
          'no answers on screen',
        );
        assert(screenZh.scorecard.length > 0 && screenZh.kpis.length > 0, 'no scorecard or cards on screen');

        for (const kind of ['target', 'sensitivity', 'zone']) {
          assert(await page.isChecked(tid(`include-${kind}`)), `include-${kind} is not checked after its run`);
        }
        await reveal(page, tid('export-pack'));
        const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('export-pack'))]);
        const zip = join(dir, 'pack.zip');
        await download.saveAs(zip);
        const html = strFromU8(unzipSync(new Uint8Array(readFileSync(zip)))['report.html']);

        const report = await context.newPage();
        await report.setContent(html, { waitUntil: 'load' });
        const reportZh = await readReport(report, 'zh');
        const problems = compare(screenZh, reportZh, 'zh');

        // The Chinese view: no metric path, arm id or file name in its prose or charts.
        const prose = await chineseProse(report);
        assert(prose.length > 200, `the Chinese view shows only ${prose.length} texts`);
        for (const { text, where } of prose) {
          for (const [what, pattern] of [
            ['a metric path', METRIC_PATH],
            ['a file name', FILE_NAME],
            ['an arm id', ARM_ID],
          ]) {
            const m = pattern.exec(text);
            if (m) problems.push(`${what} "${m[0]}" in the Chinese view (${where}): ${text.slice(0, 120)}`);
          }
        }
        mkdirSync(SHOTS, { recursive: true });
        await report.screenshot({ path: join(SHOTS, 'report-zh.png'), fullPage: true });
        for (const id of ['tornado-panel', 'scorecard']) {
          await reveal(page, tid(id));
          await page.locator(tid(id)).screenshot({ path: join(SHOTS, `app-${id}-zh.png`) });
        }

        // The same in English.
        await page.click(tid('language-toggle'));
        await page.waitForFunction(() => document.documentElement.lang === 'en');
        const screenEn = await readScreen(page);
        const reportEn = await readReport(report, 'en');
        problems.push(...compare(screenEn, reportEn, 'en'));
        await report.screenshot({ path: join(SHOTS, 'report-en.png'), fullPage: true });
        await page.locator(tid('tornado-panel')).screenshot({ path: join(SHOTS, 'app-tornado-panel-en.png') });
        await report.close();

        assert(problems.length === 0, `screen and report differ:\n      ${problems.join('\n      ')}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'report and screen: a preset’s description shows its Chinese paragraph in Chinese and its English one in English',
    async fn({ open }) {
      const { page } = await open({ locale: 'zh-CN' });
      await waitForRunDone(page);
      // Yantai's English paragraph quotes "item (九)": it is still English.
      await choosePreset(page, 'yantai-2021');
      await reveal(page, tid('preset-description'));
      const zh = (await page.textContent(tid('preset-description'))) ?? '';
      assert(zh.includes('一座 20 × 15 公里'), `no Chinese paragraph in the Chinese page: ${zh.slice(0, 120)}`);
      assert(!/A synthetic|Labour standards|item \(九\)/.test(zh), `English in the Chinese page: ${zh.slice(0, 200)}`);
      await page.click(tid('language-toggle'));
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const en = (await page.textContent(tid('preset-description'))) ?? '';
      assert(
        en.includes('item (九)') && en.includes('A synthetic mid-size city'),
        `the English page: ${en.slice(0, 120)}`,
      );
      assert(!en.includes('一座 20 × 15 公里'), `the Chinese paragraph in the English page: ${en.slice(0, 200)}`);
    },
  },
];
