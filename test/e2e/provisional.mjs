// Browser tests of provisional answers (issue 21 item 1): the comparison paints after the first paired seeds with a
// "provisional" mark in both languages, refines seed by seed, and ends on the same numbers as `fairpace compare`.
// run.mjs runs these with the others (`node test/e2e/run.mjs provisional`); screenshots of the provisional dashboard
// in both languages go to test-artifacts/provisional/.
/* global document, MutationObserver, window -- code passed to page.evaluate runs in the browser */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { assert, choosePreset, kpiMismatches, readKpis, ROOT, tid, waitForRunDone } from './support.mjs';

const YANTAI = 'yantai-2021';
const SHOTS = join(ROOT, 'test-artifacts', 'provisional');
const HAN = /\p{Script=Han}/u;

/** `fairpace compare <preset> --replications n` as JSON: what a provisional answer on n seeds must equal. */
function cliCompareReplications(preset, replications) {
  const args = [
    join(ROOT, 'bin', 'fairpace.mjs'),
    'compare',
    join(ROOT, 'scenarios', `${preset}.json`),
    '--replications',
    String(replications),
    '--workers',
    '2',
    '--quiet',
    '--no-cache',
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: ROOT, timeout: 300_000, maxBuffer: 256 * 1024 * 1024 }, (e, out, err) =>
      e
        ? reject(new Error(`fairpace compare --replications ${replications} failed: ${e.message}\n${err}`))
        : resolve(JSON.parse(out)),
    );
  });
}

/**
 * Records, in the page, every provisional state the results show from now on (`window.__provisional`: the seed
 * counts in the order they appeared, with the time since `start`) and when the run ended.
 */
function watchProvisional(page) {
  return page.evaluate(() => {
    const seen = [];
    window.__provisional = seen;
    const start = performance.now();
    const look = () => {
      const mark = document.querySelector('[data-testid="provisional"]');
      const n = mark ? Number(mark.getAttribute('data-replications')) : null;
      const last = seen[seen.length - 1];
      if (n !== null && (last === undefined || last.n !== n)) {
        seen.push({ n, of: Number(mark.getAttribute('data-of')), ms: Math.round(performance.now() - start) });
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

/** The provisional state on screen right now, read in one go with the run's phase and the headline numbers. */
function provisionalNow(page) {
  return page.evaluate(() => {
    const mark = document.querySelector('[data-testid="provisional"]');
    const status = document.querySelector('[data-testid="run-status"]');
    const kpis = Object.fromEntries(
      [...document.querySelectorAll('[data-testid^="kpi-"]')].map((el) => [
        el.getAttribute('data-testid'),
        el.getAttribute('data-value'),
      ]),
    );
    return {
      n: mark ? Number(mark.getAttribute('data-replications')) : null,
      of: mark ? Number(mark.getAttribute('data-of')) : null,
      text: mark?.textContent ?? '',
      tags: [...document.querySelectorAll('[data-testid="provisional-tag"]')].map((t) => t.textContent ?? ''),
      costTagged: Boolean(document.querySelector('[data-testid="cost-sentence"] [data-testid="provisional-tag"]')),
      phase: status?.getAttribute('data-phase') ?? null,
      seeds: document.querySelector('.seeds')?.textContent ?? '',
      kpis,
    };
  });
}

/** Waits until a provisional answer is on screen (or fails when the run ends first). */
async function waitForProvisional(page, timeout = 150_000) {
  const handle = await page.waitForFunction(
    () => {
      const status = document.querySelector('[data-testid="run-status"]');
      const phase = status?.getAttribute('data-phase');
      if (phase === 'done' || phase === 'error') return { ended: phase };
      return document.querySelector('[data-testid="provisional"]') ? { shown: true } : false;
    },
    undefined,
    { timeout, polling: 50 },
  );
  const state = await handle.jsonValue();
  assert(!state.ended, `the run ended (${state.ended}) without showing a provisional answer`);
}

/** A screenshot of the screen with the results' heading at the top. */
async function shoot(page, file) {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => document.getElementById('results-heading')?.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(SHOTS, file), type: 'png', fullPage: false });
}

export const provisionalTests = [
  {
    name: `provisional: ${YANTAI} paints after the first paired seeds, marked in zh and en, refines, and ends on the CLI's numbers`,
    async fn({ open, cli }) {
      // One worker: the runs come in slowly enough to look at each provisional answer in both languages.
      const { page } = await open({ locale: 'zh-CN', workers: 1 });
      await waitForRunDone(page); // the opening demo-small run
      await choosePreset(page, YANTAI);
      await watchProvisional(page);
      const clicked = Date.now();
      await page.click(tid('run-compare'));
      await waitForProvisional(page);

      // Chinese: the mark, the tag on the cost box, the seeds of the answer, and no Latin word in the banner.
      const zh = await provisionalNow(page);
      assert(zh.phase === 'running', `a provisional answer while the run is ${zh.phase}`);
      assert(zh.n !== null && zh.n >= 2 && zh.n < 10 && zh.of === 10, `provisional ${zh.n} of ${zh.of}`);
      assert(zh.text.includes(`初步结果：已完成 ${zh.n}/10 次重复`), `the Chinese mark: ${zh.text}`);
      assert(zh.costTagged, 'the cost box carries no provisional tag');
      assert(
        zh.tags.every((t) => /^初步结果 \d+\/10$/.test(t)),
        `Chinese tags: ${zh.tags.join(' | ')}`,
      );
      assert(!/[A-Za-z]/.test(zh.text + zh.tags.join('')), `Latin letters in the Chinese mark: ${zh.text}`);
      const seeds = zh.seeds.match(/\d+/g)?.map(Number) ?? [];
      assert(seeds.length === zh.n && seeds.every((s, i) => s === 1 + i), `the seeds shown: ${zh.seeds}`);
      await shoot(page, 'provisional-zh.png');
      await page.locator('.cards').screenshot({ path: join(SHOTS, 'cards-provisional-zh.png') });

      // English at once, still before the final answer.
      await page.click(tid('language-toggle'));
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const en = await provisionalNow(page);
      if (en.phase === 'running' && en.n !== null) {
        assert(
          en.text.includes(`Provisional: ${en.n} of 10 replications`) && !HAN.test(en.text),
          `the English mark: ${en.text}`,
        );
        assert(
          en.tags.every((t) => /^provisional \d+\/10$/.test(t)),
          `English tags: ${en.tags.join(' | ')}`,
        );
        await shoot(page, 'provisional-en.png');
      } else {
        throw new Error(`the run ended before the English mark could be checked (phase ${en.phase})`);
      }

      // The Chinese answer is `fairpace compare --replications n`, number for number (checked after the English
      // mark: the CLI's runs take seconds, in which the page may reach its final answer).
      const atN = await cliCompareReplications(YANTAI, zh.n);
      const problems = kpiMismatches(zh.kpis, atN);
      assert(
        problems.length === 0,
        `provisional numbers that differ from the CLI at ${zh.n}:\n      ${problems.join('\n      ')}`,
      );

      // The final answer: no mark left, and every headline number equal to the CLI's compare.
      const done = await waitForRunDone(page);
      const finishedMs = Date.now() - clicked;
      assert(done.total === 20, `the final run had ${done.total} tasks`);
      const after = await provisionalNow(page);
      assert(after.n === null && after.tags.length === 0, 'a provisional mark is still shown after the run');
      const comparison = await cli(YANTAI);
      const final = kpiMismatches(await readKpis(page), comparison);
      assert(final.length === 0, `final numbers that differ from the CLI:\n      ${final.join('\n      ')}`);
      // The hours card shows the full-time couriers' hours beside all couriers' (issue 22 item 6).
      for (const arm of comparison.arms) {
        const shown = await page.getAttribute(
          tid(`card-companion-workload.fullTime.onlineHours.mean-${arm.id}`),
          'data-value',
        );
        const expected = String(arm.metrics.workload.fullTime.onlineHours.mean);
        assert(shown === expected, `full-time hours [${arm.id}]: browser ${shown}, CLI ${expected}`);
      }
      await page.locator('.cards').screenshot({ path: join(SHOTS, 'cards-final-en.png') });

      // Seed counts only grow, each shown once, none of them the final one.
      const seen = await page.evaluate(() => window.__provisional);
      const counts = seen.map((s) => s.n);
      assert(
        counts.length > 0 && counts.every((n, i) => n >= 2 && n < 10 && (i === 0 || n > counts[i - 1])),
        `provisional seed counts seen: ${counts.join(', ')}`,
      );
      console.log(
        `    provisional answers at ${seen.map((s) => `${s.n}/10 after ${(s.ms / 1000).toFixed(1)} s`).join(', ')}; ` +
          `final after ${(finishedMs / 1000).toFixed(1)} s (one worker)`,
      );
    },
  },
  {
    name: 'provisional: Cancel takes a provisional answer away and leaves the last final one',
    async fn({ open }) {
      const { page } = await open({ locale: 'en', workers: 1 });
      await waitForRunDone(page); // demo-small, final
      const before = await readKpis(page);
      await choosePreset(page, YANTAI);
      await page.click(tid('run-compare'));
      await waitForProvisional(page);
      await page.click(tid('cancel-run'));
      await page.waitForFunction(
        () => document.querySelector('[data-testid="run-status"]')?.getAttribute('data-phase') === 'cancelled',
      );
      await page.waitForTimeout(500);
      const now = await provisionalNow(page);
      assert(now.n === null && now.tags.length === 0, 'the provisional answer stayed after Cancel');
      // Choosing yantai cleared demo-small's result, so nothing is left; nothing of the cancelled run either.
      assert(Object.keys(now.kpis).length === 0, `numbers after Cancel: ${Object.keys(now.kpis).length}`);
      assert(Object.keys(before).length > 0, 'the opening run showed no numbers');
    },
  },
];
