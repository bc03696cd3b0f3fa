// Browser test of the back-test panel (issue 24 item 4): the ratchet back-test run in the workbench with one seed
// gives, figure by figure, the same model means as `fairpace backtest --seeds 1` (the same runs, byte-identical in
// Node and Chromium), a summary counted from its rows, and a table in Chinese and then English. Screenshots go to
// test-artifacts/backtest/. `node test/e2e/run.mjs back-test`.
/* global document */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { assert, fairpace, reveal, ROOT, tid, waitForJob, waitForRunDone } from './support.mjs';

const SHOTS = join(ROOT, 'test-artifacts', 'backtest');

/** The table's rows as the page shows them. */
function readRows(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="backtest-table"] tbody tr')].map((tr) => ({
      id: tr.getAttribute('data-testid'),
      mean: Number(tr.getAttribute('data-mean')),
      covered: tr.getAttribute('data-covered') === 'true',
      text: tr.textContent ?? '',
    })),
  );
}

/**
 * Runs the panel's chosen back-test with one seed, runs `fairpace backtest <file> --seeds 1`, and checks each row's
 * mean and Chinese label against the CLI (`chineseRow` adds checks of a row's text). Returns the CLI's result.
 */
async function runAgainstCli(page, file, chineseRow) {
  await page.click(tid('backtest-run'));
  await waitForJob(page, 'backtest', 300_000);
  const cli = await fairpace([
    'backtest',
    join(ROOT, 'scenarios', 'backtests', file),
    ...['--seeds', '1', '--format', 'json', '--workers', '2', '--quiet'],
  ]);
  assert(cli.code === 0, `fairpace backtest failed: ${cli.stderr}`);
  const expected = JSON.parse(cli.stdout);
  const zh = await readRows(page);
  assert(zh.length === expected.rows.length, `${zh.length} rows, expected ${expected.rows.length}`);
  for (const row of expected.rows) {
    const shown = zh.find((r) => r.id === `backtest-row-${row.figure.arm}-${row.figure.id}`);
    assert(shown, `no row for ${row.figure.arm}/${row.figure.id}`);
    assert(shown.mean === row.model.mean, `${row.figure.id}: ${shown.mean} on screen, ${row.model.mean} in the CLI`);
    assert(shown.text.includes(row.figure.label.zh), `${row.figure.id}: the row lacks its Chinese label`);
    chineseRow(shown.text);
  }
  return expected;
}

/** Screenshots the panel in Chinese, switches to English, checks each row's label (and `englishRow`), screenshots. */
async function inBothLanguages(page, expected, name, englishRow = () => {}) {
  mkdirSync(SHOTS, { recursive: true });
  await page.locator(tid('backtest-panel')).screenshot({ path: join(SHOTS, `${name}-zh.png`) });
  await page.click(tid('language-toggle'));
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const en = await readRows(page);
  for (const row of expected.rows) {
    const shown = en.find((r) => r.id === `backtest-row-${row.figure.arm}-${row.figure.id}`);
    assert(shown?.text.includes(row.figure.label.en), `${row.figure.id}: the English row lacks its label`);
    englishRow(shown.text);
  }
  await page.locator(tid('backtest-panel')).screenshot({ path: join(SHOTS, `${name}-en.png`) });
}

export const backtestTests = [
  {
    name: 'back-test: the ratchet of 2016–2018 in the workbench equals `fairpace backtest --seeds 1`, in Chinese and English',
    async fn({ open }) {
      const { page } = await open();
      await waitForRunDone(page);
      await reveal(page, tid('backtest-panel'));
      await page.selectOption(tid('backtest-seeds'), '1');
      const expected = await runAgainstCli(page, 'ratchet-2016-2018.json', (text) =>
        assert(!/strictest|median|promise-3km/.test(text), `an id in the Chinese row: ${text}`),
      );
      // One seed has no interval: the summary names the furthest figure and says there is no interval.
      const worst = expected.rows.reduce((a, b) => (Math.abs(b.gap) > Math.abs(a.gap) ? b : a));
      const summary = (await page.textContent(tid('backtest-summary'))) ?? '';
      assert(
        summary.includes(`${expected.rows.length} 项对照中`) && summary.includes(worst.figure.label.zh),
        `the summary does not name the furthest of ${expected.rows.length} figures (${worst.figure.id}): ${summary}`,
      );
      assert(summary.includes('没有区间'), `the one-seed summary does not say it has no interval: ${summary}`);
      await inBothLanguages(page, expected, 'backtest');
    },
  },
  {
    name: 'back-test: the safety bonus of 2025 in the workbench equals `fairpace backtest --seeds 1`, in percent and in both languages',
    async fn({ open }) {
      const { page } = await open();
      await waitForRunDone(page);
      await reveal(page, tid('backtest-panel'));
      await page.selectOption(tid('backtest-pick'), '1');
      await page.selectOption(tid('backtest-seeds'), '1');
      const intro = (await page.textContent(tid('backtest-panel'))) ?? '';
      assert(
        intro.includes('26%') && intro.includes('30 天'),
        `the safety back-test's introduction and cost: ${intro}`,
      );
      const expected = await runAgainstCli(page, 'safety-bonus-2025.json', (text) => {
        assert(text.includes('-26.0%') && !text.includes('分钟'), `a change in percent: ${text}`);
        assert(text.includes('相比'), `the arm is said against the other: ${text}`);
        assert(!/no-bonus|red-lights/.test(text), `an id in the Chinese row: ${text}`);
      });
      await inBothLanguages(page, expected, 'safety', (text) =>
        assert(text.includes(' against '), `the arm is said against the other: ${text}`),
      );
    },
  },
];
