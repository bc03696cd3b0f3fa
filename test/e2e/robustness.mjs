// Browser test of the robustness panel (issue 24 item 2): on demo-small, 20 plausible worlds in the workbench give,
// difference by difference, the same number of worlds in which the direction holds and the same verdict as
// `fairpace robustness --worlds 20`, said in Chinese without metric paths and in English after the language switch.
// Screenshots in both languages go to test-artifacts/robustness/. `node test/e2e/run.mjs robustness`.
/* global document */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { assert, fairpace, reveal, ROOT, tid, waitForJob, waitForRunDone } from './support.mjs';

const SHOTS = join(ROOT, 'test-artifacts', 'robustness');

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
      mkdirSync(SHOTS, { recursive: true });
      await page.locator(tid('robustness-panel')).screenshot({ path: join(SHOTS, 'robustness-zh.png') });
      await page.locator('.cards').screenshot({ path: join(SHOTS, 'cards-zh.png') });
      await page.click(tid('language-toggle'));
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const en = await readLines(page);
      for (const m of expected.metrics) {
        const line = en.find((l) => l.id === `robustness-${m.metric}`);
        assert(line?.text.includes(`${m.holds} of 20`), `${m.metric}: the English sentence lacks ${m.holds} of 20`);
      }
      await page.locator(tid('robustness-panel')).screenshot({ path: join(SHOTS, 'robustness-en.png') });
    },
  },
];
