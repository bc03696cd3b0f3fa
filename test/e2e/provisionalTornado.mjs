// Browser test of the tornado's provisional answers (issue 21 item 1): while the sequential sensitivity runs, the
// panel paints the parameters whose first seeds are done, one by one, each row marked with the seeds it rests on and
// the others listed as pending, under the "provisional: k of n" mark, first in Chinese and, after the language is
// switched mid-run, in English. Every state on screen is one `fairpace sensitivity --precision 0.2 --progress` prints,
// in the same order, and the final ranking is the command's. run.mjs runs it with the others
// (`node test/e2e/run.mjs provisional tornado`).
/* global document, MutationObserver, window -- code passed to page.evaluate runs in the browser */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { latinOnPage, unexpectedLatin } from './latinWords.mjs';
import { assert, fairpace, reveal, ROOT, tid, waitForJob, waitForRunDone } from './support.mjs';

const DEMO = 'demo-small';
const SHOTS = join(ROOT, 'test-artifacts', 'tornado');
/** Four seeds: the parameters are screened on 3, those in doubt get the fourth, so there are two rounds. */
const REPLICATIONS = 4;

/**
 * Records every state of the tornado panel from now on (installed before Run, so a state shown only for a moment is
 * recorded too): the mark, the answer so far, the rows with their seeds, the bars drawn and the language.
 */
function watchTornado(page) {
  return page.evaluate(() => {
    const seen = [];
    window.__tornadoSeen = seen;
    const look = () => {
      const q = (id) => document.querySelector(`[data-testid="${id}"]`);
      const mark = q('tornado-provisional');
      const soFar = q('tornado-so-far');
      if (!mark || !soFar) return;
      const rows = [...document.querySelectorAll('[data-testid="tornado-ranking"] li')].map((li) => ({
        path: li.getAttribute('data-path'),
        score: li.getAttribute('data-score'),
        seeds: li.getAttribute('data-seeds'),
        text: li.textContent ?? '',
      }));
      const state = {
        lang: document.documentElement.lang,
        n: Number(mark.getAttribute('data-replications')),
        of: Number(mark.getAttribute('data-of')),
        text: mark.textContent ?? '',
        how: q('tornado-provisional-how')?.textContent ?? '',
        soFar: soFar.textContent ?? '',
        runs: soFar.getAttribute('data-runs'),
        shown: Number(q('tornado-summary')?.getAttribute('data-shown')),
        pending: Number(soFar.getAttribute('data-pending')),
        pendingText: q('tornado-pending')?.textContent ?? '',
        rows,
        bars: document.querySelectorAll('[data-testid="chart-tornado"] svg g[aria-label="bar"] rect').length,
        phase: q('tornado-status')?.getAttribute('data-phase') ?? null,
      };
      const last = seen[seen.length - 1];
      const key = (s) => [s.lang, s.n, s.runs, s.shown, s.bars, JSON.stringify(s.rows)].join(' ');
      if (last === undefined || key(last) !== key(state)) seen.push(state);
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

/** The provisional lines of `fairpace sensitivity --precision --progress`, read back into states. */
function cliStates(stderr) {
  const re =
    /^provisional (\d+)\/(\d+) replications, (\d+) of (\d+) parameters(?: \((\d+) pending\))?, (\d+) runs: (.*?)(?: \(\d+ sign flips?\))?$/;
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('provisional'))
    .map((l) => {
      const m = re.exec(l);
      assert(m, `a line of fairpace sensitivity --progress is not a ranking so far: ${l}`);
      const [, n, of, shown, params, pending, runs, top] = m;
      const rows = top.split('; ').map((item) => {
        const row = /^\d+\. (\S+) (\S+) \((\d+) seeds?\)$/.exec(item);
        assert(row, `a row of the line is not "rank. path score (n seeds)": ${item}`);
        return { path: row[1], score: row[2], seeds: row[3] };
      });
      return {
        n: Number(n),
        of: Number(of),
        shown: Number(shown),
        params: Number(params),
        pending: Number(pending ?? 0),
        runs,
        rows,
      };
    });
}

/** Whether a state on screen is the CLI's state `line`: the same counts, and its rows the line's first rows. */
function sameState(s, line) {
  if (s.n !== line.n || s.of !== line.of || s.shown !== line.shown || s.runs !== line.runs) return false;
  if (s.pending !== line.pending) return false;
  // The panel ranks the parameters whose score is above zero, at most five; the line names the first five.
  return s.rows.every(
    (r, i) => line.rows[i]?.path === r.path && line.rows[i]?.score === r.score && line.rows[i]?.seeds === r.seeds,
  );
}

export const provisionalTornadoTests = [
  {
    name: 'provisional tornado: bars appear one by one marked with their seeds, in Chinese then English, as `fairpace sensitivity --precision 0.2 --progress`, then the CLI’s ranking',
    async fn({ open }) {
      // One worker: the runs come in one at a time, so each answer so far stays on screen a while.
      const { page } = await open({ locale: 'zh-CN', workers: 1 });
      await waitForRunDone(page);
      await reveal(page, tid('tornado-panel'));
      await page.fill(tid('tornado-replications'), String(REPLICATIONS));
      await watchTornado(page);
      await page.click(tid('tornado-run'));
      // Some answers so far in Chinese, then the language switched while the analysis runs; a picture of each.
      await page.waitForFunction(
        () => (window.__tornadoSeen ?? []).some((s) => s.lang !== 'en' && s.shown >= 4 && s.bars === 2 * s.shown),
        null,
        { timeout: 120_000 },
      );
      // No Latin word in the Chinese answer so far (pending parameters and seeds included).
      const latin = unexpectedLatin((await latinOnPage(page)).filter((f) => /^tornado/.test(f.where)));
      assert(latin.length === 0, `Latin words in the provisional tornado:\n      ${latin.join('\n      ')}`);
      mkdirSync(SHOTS, { recursive: true });
      await page.locator(tid('tornado-panel')).screenshot({ path: join(SHOTS, 'tornado-provisional-zh.png') });
      await page.click(tid('language-toggle'));
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await page.locator(tid('tornado-panel')).screenshot({ path: join(SHOTS, 'tornado-provisional-en.png') });
      await waitForJob(page, 'tornado', 240_000);
      const seen = await page.evaluate(() => window.__tornadoSeen);

      const cli = await fairpace([
        'sensitivity',
        join(ROOT, 'scenarios', `${DEMO}.json`),
        ...['--replications', String(REPLICATIONS), '--precision', '0.2'],
        ...['--workers', '1', '--no-cache', '--progress'],
      ]);
      assert(cli.code === 0, `fairpace sensitivity --precision --progress failed: ${cli.stderr}`);
      const expected = JSON.parse(cli.stdout);
      const lines = cliStates(cli.stderr);
      assert(lines.length > 0, `fairpace sensitivity --progress printed no provisional line: ${cli.stderr}`);

      assert(seen.length > 0, 'the tornado showed no provisional answer before its final one');
      const zh = seen.filter((s) => s.lang !== 'en');
      const en = seen.filter((s) => s.lang === 'en');
      assert(zh.length > 0 && en.length > 0, `provisional states: ${zh.length} in Chinese, ${en.length} in English`);
      const params = expected.params.length;
      for (const s of seen) {
        assert(s.phase === 'running', `a provisional mark was on screen in phase ${s.phase}`);
        assert(s.of === REPLICATIONS, `the mark counts ${s.n} of ${s.of} seeds, not of ${REPLICATIONS}`);
        assert(s.shown + s.pending === params, `${s.shown} shown and ${s.pending} pending of ${params} parameters`);
        for (const r of s.rows) assert(r.seeds !== null, `a provisional row does not say its seeds: ${r.text}`);
        const min = Math.min(...s.rows.map((r) => Number(r.seeds)));
        assert(s.rows.length === 0 || s.n <= min, `the mark says ${s.n} seeds, a row rests on ${min}`);
      }
      for (const s of zh) {
        assert(s.text.includes(`初步结果：已完成 ${s.n}/${REPLICATIONS} 次重复`), `the mark says: ${s.text}`);
        assert(s.how.includes('已画出的每个参数'), `the mark's explanation is not the tornado's: ${s.how}`);
        assert(s.soFar.startsWith(`目前：已算出 ${s.shown}/${params} 个参数`), `the answer so far says: ${s.soFar}`);
        for (const r of s.rows) {
          assert(r.text.endsWith(`（${r.seeds}/${REPLICATIONS} 个种子）`), `a row's seeds in Chinese: ${r.text}`);
        }
        if (s.pending > 0) assert(s.pendingText.startsWith('尚待计算的参数'), `pending: ${s.pendingText}`);
      }
      for (const s of en) {
        assert(s.text.includes(`Provisional: ${s.n} of ${REPLICATIONS} replications`), `the mark says: ${s.text}`);
        assert(s.how.includes('Every parameter drawn so far'), `the mark's explanation: ${s.how}`);
        assert(s.soFar.startsWith(`So far: ${s.shown} of ${params} parameters`), `the answer so far: ${s.soFar}`);
        for (const r of s.rows) {
          assert(r.text.endsWith(` (${r.seeds} of ${REPLICATIONS} seeds)`), `a row's seeds in English: ${r.text}`);
        }
        if (s.pending > 0) assert(s.pendingText.startsWith('Parameters still to come'), `pending: ${s.pendingText}`);
      }
      // The first answer: one parameter's bars, on the base's and its own first 2 seeds.
      const [first] = seen;
      assert(
        first.shown === 1 && first.n === 2,
        `the first answer shows ${first.shown} parameters on ${first.n} seeds`,
      );
      // Bars appear one by one: the shown count goes 1, 2, 3, ... and never back; the chart draws two per parameter.
      const counts = [...new Set(seen.map((s) => s.shown))];
      assert(
        counts.slice(0, 3).join(',') === '1,2,3' && counts.every((c, i) => i === 0 || c > counts[i - 1]),
        `parameters shown, in order: ${counts.join(', ')}`,
      );
      for (const c of counts) {
        const drawn = Math.max(...seen.filter((s) => s.shown === c).map((s) => s.bars));
        assert(drawn === 2 * c, `the provisional chart of ${c} parameters draws ${drawn} bars`);
      }
      // Each state on screen is one the CLI printed, in the CLI's order (quick states may paint as one; the same
      // answer repainted, its chart drawn or its language switched, is the same line).
      let at = 0;
      for (const s of seen) {
        const next = lines.findIndex((line, i) => i >= at && sameState(s, line));
        const said = `${s.n}/${s.of}, ${s.shown} shown, ${s.runs} runs: ${s.rows.map((r) => `${r.path} ${r.score} (${r.seeds})`).join('; ')}`;
        assert(
          next >= at,
          `the panel showed ${said}, which fairpace sensitivity --progress does not print from line ${at + 1} on`,
        );
        at = next;
      }
      console.log(
        `    ${seen.length} provisional states on screen (${zh.length} zh, ${en.length} en); the CLI printed ${lines.length}`,
      );

      // The final answer: no mark, no seeds, nothing pending, and the CLI's ranking and bars.
      assert(!(await page.$(tid('tornado-provisional'))), 'the provisional mark stays after the final answer');
      assert(!(await page.$(tid('tornado-pending'))), 'the pending parameters stay after the final answer');
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="chart-tornado"] svg g[aria-label="bar"] rect').length === n,
        2 * params,
        { timeout: 10_000 },
      );
      const final = await page.evaluate(() => ({
        rows: [...document.querySelectorAll('[data-testid="tornado-ranking"] li')].map((li) => ({
          path: li.getAttribute('data-path'),
          score: li.getAttribute('data-score'),
          seeds: li.getAttribute('data-seeds'),
        })),
        bars: document.querySelectorAll('[data-testid="chart-tornado"] svg g[aria-label="bar"] rect').length,
      }));
      const ranked = expected.params.filter((p) => p.score > 0).slice(0, 5);
      assert(
        JSON.stringify(final.rows) ===
          JSON.stringify(ranked.map((p) => ({ path: p.path, score: p.score.toFixed(2), seeds: null }))),
        `final ranking: app ${JSON.stringify(final.rows)}, CLI ${JSON.stringify(ranked.map((p) => [p.path, p.score]))}`,
      );
      assert(final.bars === 2 * params, `the final chart draws ${final.bars} bars, not ${2 * params}`);
    },
  },
];
