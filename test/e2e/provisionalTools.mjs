// Browser test of the bargaining tools' provisional answers (issue 21 item 1): the zone heat-map paints the zone of
// the seeds every cell has finished, with the "provisional: k of n" mark, before its final answer; the provisional
// zone on 2 seeds is `fairpace zone --replications 2` and the final one is `fairpace zone --sequential` (each cell on
// the seeds its verdict needed, issue 21 item 2) with the same options, seeds per cell included. run.mjs runs it with the others (`node test/e2e/run.mjs provisional`).
/* global document, MutationObserver, window -- code passed to page.evaluate runs in the browser */
import { join } from 'node:path';
import {
  assert,
  assertZoneAsCli,
  fairpace,
  fillZonePanel,
  reveal,
  ROOT,
  tid,
  waitForJob,
  waitForRunDone,
} from './support.mjs';

const DEMO = 'demo-small';
const REPLICATIONS = 4;

/** `fairpace zone` on demo-small with the panel's options below and `replications`: the JSON it prints. */
async function cliZone(replications, ...more) {
  const cli = await fairpace([
    'zone',
    join(ROOT, 'scenarios', `${DEMO}.json`),
    ...['--x', 'rules.deadline.percentile=10,50', '--y', 'rules.pay.base=7,12', '--replications', String(replications)],
    ...['--union', 'earnings.shareBelowMinWage <= 0.5', '--platform', 'platform.margin >= -7000'],
    ...['--workers', '1', '--quiet', '--no-cache'],
    ...more,
  ]);
  assert(cli.code === 0, `fairpace zone failed: ${cli.stderr}`);
  return JSON.parse(cli.stdout);
}

/** Records every state of the zone's provisional mark from now on, with the zone summary shown beside it. */
function watchZone(page) {
  return page.evaluate(() => {
    const seen = [];
    window.__zoneProvisional = seen;
    const look = () => {
      const mark = document.querySelector('[data-testid="zone-provisional"]');
      if (!mark) return;
      const n = Number(mark.getAttribute('data-replications'));
      const summary = document.querySelector('[data-testid="zone-summary"]');
      const state = {
        n,
        of: Number(mark.getAttribute('data-of')),
        text: mark.textContent ?? '',
        how: document.querySelector('[data-testid="zone-provisional-how"]')?.textContent ?? '',
        agreed: summary?.getAttribute('data-agreed') ?? null,
        cheapest: document.querySelector('[data-testid="zone-cheapest"]')?.getAttribute('data-index') ?? null,
        cells: document.querySelectorAll('[data-testid="chart-zone"] svg g[aria-label="cell"] rect').length,
        phase: document.querySelector('[data-testid="zone-status"]')?.getAttribute('data-phase') ?? null,
      };
      const last = seen[seen.length - 1];
      // The chart draws a moment after the mark and the summary (Plot renders in an effect): a new state each time.
      if (last === undefined || last.n !== n || last.agreed !== state.agreed || last.cells !== state.cells) {
        seen.push(state);
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

/** Records every state of the sweep's provisional mark from now on. */
function watchSweep(page) {
  return page.evaluate(() => {
    const seen = [];
    window.__sweepProvisional = seen;
    new MutationObserver(() => {
      const mark = document.querySelector('[data-testid="sweep-provisional"]');
      if (!mark) return;
      const state = {
        n: Number(mark.getAttribute('data-replications')),
        of: Number(mark.getAttribute('data-of')),
        text: mark.textContent ?? '',
        how: document.querySelector('[data-testid="sweep-provisional-how"]')?.textContent ?? '',
        counts: document.querySelector('[data-testid="sweep-status"]')?.getAttribute('data-replications') ?? '',
      };
      const last = seen[seen.length - 1];
      if (last === undefined || last.n !== state.n || last.counts !== state.counts) seen.push(state);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

export const provisionalToolsTests = [
  {
    name: 'provisional tools: the sweep paints its first seeds marked "provisional 2 of 5", then `fairpace sweep --precision 0.2`',
    async fn({ open }) {
      const { page } = await open({ locale: 'zh-CN', workers: 1 });
      await waitForRunDone(page);
      await reveal(page, tid('field-replications'));
      await page.fill(tid('field-replications'), '5');
      await reveal(page, tid('sweep-run'));
      await page.selectOption(tid('sweep-param'), 'rules.pay.base');
      await page.fill(tid('sweep-from'), '5');
      await page.fill(tid('sweep-to'), '8');
      await page.fill(tid('sweep-step'), '3');
      await watchSweep(page);
      await page.click(tid('sweep-run'));
      await page.waitForSelector(`${tid('sweep-status')}[data-phase="done"]`, { timeout: 180_000 });
      const seen = await page.evaluate(() => window.__sweepProvisional);
      assert(seen.length > 0, 'the sweep showed no provisional answer before its final one');
      assert(seen[0].n === 2 && seen[0].of === 5, `the first provisional sweep is ${seen[0].n} of ${seen[0].of}`);
      for (const s of seen) {
        assert(s.n >= 2 && s.n < 5, `a provisional sweep on ${s.n} of ${s.of} seeds`);
        assert(s.text.includes(`初步结果：已完成 ${s.n}/5 次重复`), `the mark says: ${s.text}`);
        assert(s.how.includes('每个取值至少'), `the mark's explanation is not the sweep's: ${s.how}`);
      }
      assert(!(await page.$(tid('sweep-provisional'))), 'the provisional mark stays after the final answer');
      const cli = await fairpace([
        'sweep',
        join(ROOT, 'scenarios', `${DEMO}.json`),
        ...['--param', 'rules.pay.base', '--values', '5,8', '--arms', 'median', '--replications', '5'],
        ...['--precision', '0.2', '--workers', '1', '--no-cache'],
      ]);
      assert(cli.code === 0, `fairpace sweep failed: ${cli.stderr}`);
      const expected = JSON.parse(cli.stdout).replicationsByValue.join(',');
      const status = page.locator(tid('sweep-status'));
      const shown = await status.getAttribute('data-replications');
      assert(shown === expected, `replications by value: app ${shown}, CLI ${expected}`);
      const text = (await status.textContent()) ?? '';
      assert(/每个取值 \d+(–\d+)? 次重复（共 \d+ 次模拟/.test(text), `the status line says: ${text}`);
    },
  },
  {
    name: 'provisional tools: the zone heat-map paints its first seeds marked "provisional 2 of 4", then the CLI’s sequential zone',
    async fn({ open }) {
      // One worker: the last cell's seeds come in one at a time, so each provisional zone stays on screen a while.
      const { page } = await open({ locale: 'zh-CN', workers: 1 });
      await waitForRunDone(page);
      await fillZonePanel(page, { replications: REPLICATIONS });
      await watchZone(page);
      await page.click(tid('zone-run'));
      await waitForJob(page, 'zone', 240_000);

      const seen = await page.evaluate(() => window.__zoneProvisional);
      assert(seen.length > 0, 'the zone showed no provisional answer before its final one');
      const [first] = seen;
      assert(first.n === 2 && first.of === REPLICATIONS, `the first provisional zone is ${first.n} of ${first.of}`);
      for (const s of seen) {
        assert(s.phase === 'running', `a provisional mark was on screen in phase ${s.phase}`);
        assert(s.n >= 2 && s.n < REPLICATIONS, `a provisional zone on ${s.n} of ${s.of} seeds`);
        assert(s.text.includes(`初步结果：已完成 ${s.n}/${REPLICATIONS} 次重复`), `the mark says: ${s.text}`);
        assert(s.how.includes('格子'), `the mark's explanation is not the grid's: ${s.how}`);
      }
      for (const n of new Set(seen.map((s) => s.n))) {
        const drawn = Math.max(...seen.filter((s) => s.n === n).map((s) => s.cells));
        assert(drawn === 4, `the provisional heat-map on ${n} seeds draws ${drawn} cells, not 4`);
      }
      assert(
        seen.every((s, i) => i === 0 || s.n >= (seen[i - 1]?.n ?? 0)),
        `the provisional zones went back: ${seen.map((s) => s.n).join(', ')}`,
      );
      // The provisional zone on 2 seeds is the CLI's zone on 2 replications.
      const two = await cliZone(2);
      assert(
        Number(first.agreed) === two.agreedCells,
        `provisional agreed cells: app ${first.agreed}, CLI --replications 2 ${two.agreedCells}`,
      );
      assert(
        first.cheapest === String(two.cheapestForPlatform?.index ?? ''),
        `provisional cheapest: app ${first.cheapest}, CLI ${JSON.stringify(two.cheapestForPlatform)}`,
      );

      // The final zone: no mark, and the CLI's sequential answer with the same options.
      assert(!(await page.$(tid('zone-provisional'))), 'the provisional mark stays after the final answer');
      const expected = await cliZone(REPLICATIONS, '--sequential');
      const shown = await page.evaluate(() => {
        const q = (id) => document.querySelector(`[data-testid="${id}"]`);
        return {
          agreed: q('zone-summary')?.getAttribute('data-agreed'),
          cheapest: q('zone-cheapest')?.getAttribute('data-index'),
          best: q('zone-best-union')?.getAttribute('data-index'),
          indices: q('zone-agreed')?.getAttribute('data-indices'),
          seeds: q('zone-seeds')?.getAttribute('data-counts'),
          seedsText: q('zone-seeds')?.textContent ?? '',
        };
      });
      assertZoneAsCli(shown, expected);
      const agreedIndices = expected.cells.flatMap((c, i) => (c.agreed ? [i] : [])).join(',');
      assert(shown.indices === agreedIndices, `agreed cells: app ${shown.indices}, CLI ${agreedIndices}`);
      const counts = expected.replicationsByCell.join(',');
      assert(shown.seeds === counts, `seeds per cell: app ${shown.seeds}, CLI ${counts}`);
      assert(shown.seedsText.startsWith('每格的随机种子：'), `the seeds per cell say: ${shown.seedsText}`);
    },
  },
];
