// Browser test of the target search's provisional answer (issue 21 item 1): while the panel's search runs it shows
// the "provisional: k of n" mark with the bracket and the best value so far, each the answer `fairpace target
// --progress` prints before the same step; the final answer replaces it and is `fairpace target`'s. run.mjs runs it
// with the others (`node test/e2e/run.mjs provisional target`).
/* global document, MutationObserver, window -- code passed to page.evaluate runs in the browser */
import { join } from 'node:path';
import { assert, fairpace, ROOT, runTargetPanel, tid, waitForRunDone } from './support.mjs';

const DEMO = 'demo-small';
/** Four seeds, so that values far from the answer are decided on three and the mark first says 3 of 4. */
const REPLICATIONS = 4;

/**
 * Records every state of the target panel's provisional mark from now on (installed before Run, so a state shown
 * only for a moment is recorded too), with the answer so far shown beside it.
 */
function watchTarget(page) {
  return page.evaluate(() => {
    const seen = [];
    window.__targetProvisional = seen;
    const look = () => {
      const mark = document.querySelector('[data-testid="target-provisional"]');
      const answer = document.querySelector('[data-testid="target-provisional-answer"]');
      if (!mark || !answer) return;
      const state = {
        n: Number(mark.getAttribute('data-replications')),
        of: Number(mark.getAttribute('data-of')),
        text: mark.textContent ?? '',
        how: document.querySelector('[data-testid="target-provisional-how"]')?.textContent ?? '',
        answer: answer.textContent ?? '',
        lo: answer.getAttribute('data-lo'),
        hi: answer.getAttribute('data-hi'),
        value: answer.getAttribute('data-value'),
        runs: answer.getAttribute('data-runs'),
        finalShown: document.querySelector('[data-testid="target-result"]') !== null,
        phase: document.querySelector('[data-testid="target-status"]')?.getAttribute('data-phase') ?? null,
      };
      const last = seen[seen.length - 1];
      const key = (s) => [s.n, s.lo, s.hi, s.value, s.runs].join(' ');
      if (last === undefined || key(last) !== key(state)) seen.push(state);
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

/** The provisional lines of `fairpace target --progress` as the states the panel records. */
function cliStates(stderr) {
  const re =
    /^provisional (\d+)\/(\d+) replications, rules\.pay\.base: bracket \[(\S+), (\S+)\], best estimate (\S+) \(\d+ values, (\d+) runs\)$/;
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('provisional'))
    .map((l) => {
      const m = re.exec(l);
      assert(m, `a provisional line of fairpace target --progress is not a bracket: ${l}`);
      const [, n, of, lo, hi, value, runs] = m;
      return { n: Number(n), of: Number(of), lo, hi, value, runs };
    });
}

const key = (s) => [s.n, s.of, s.lo, s.hi, s.value, s.runs].join(' ');

export const provisionalTargetTests = [
  {
    name: 'provisional target: the search shows its bracket marked "provisional k of n", as `fairpace target --progress`, then the CLI’s answer',
    async fn({ open }) {
      // One worker: the runs of each step come in one at a time, so each answer so far stays on screen a while.
      const { page } = await open({ locale: 'zh-CN', workers: 1 });
      await waitForRunDone(page);
      await watchTarget(page);
      await runTargetPanel(page, { replications: REPLICATIONS, min: 0, max: 40 });
      const seen = await page.evaluate(() => window.__targetProvisional);

      // The CLI with the panel's options (TargetPanel.tsx: APP_TARGET_STEPS, APP_TARGET_PRECISION) and --progress.
      const cli = await fairpace([
        'target',
        join(ROOT, 'scenarios', `${DEMO}.json`),
        ...['--param', 'rules.pay.base', '--min', '0', '--max', '40', '--arm', 'median'],
        ...['--replications', String(REPLICATIONS), '--max-steps', '12', '--precision', '0.005'],
        ...['--target', 'earnings.netPerOnlineHour.mean >= 15', '--workers', '1', '--no-cache', '--progress'],
      ]);
      assert(cli.code === 0, `fairpace target --progress failed: ${cli.stderr}`);
      const expected = JSON.parse(cli.stdout);
      const lines = cliStates(cli.stderr);
      assert(lines.length > 0, `fairpace target --progress printed no provisional line: ${cli.stderr}`);

      assert(seen.length > 0, 'the target panel showed no provisional answer before its final one');
      for (const s of seen) {
        assert(s.phase === 'running', `a provisional mark was on screen in phase ${s.phase}`);
        assert(!s.finalShown, 'a final answer was on screen beside the provisional one');
        assert(s.of === REPLICATIONS, `the mark counts ${s.n} of ${s.of} seeds, not of ${REPLICATIONS}`);
        assert(s.text.includes(`初步结果：已完成 ${s.n}/${REPLICATIONS} 次重复`), `the mark says: ${s.text}`);
        assert(s.how.includes('搜索仍在进行'), `the mark's explanation is not the search's: ${s.how}`);
        assert(/^目前：答案在 .+ 至 .+ 之间，最好的估计是 /.test(s.answer), `the answer so far says: ${s.answer}`);
        assert(Number(s.lo) < Number(s.hi) && s.value === s.hi, `bracket ${s.lo}–${s.hi}, best ${s.value}`);
      }
      // Each state on screen is one the CLI printed, in the CLI's order (two quick steps may paint as one).
      const cliKeys = lines.map(key);
      let at = -1;
      for (const s of seen) {
        const next = cliKeys.indexOf(key(s), at + 1);
        assert(
          next > at,
          `the panel showed ${key(s)}, which fairpace target --progress does not print after line ${at}:
      ${cliKeys.join('\n      ')}`,
        );
        at = next;
      }
      console.log(
        `    ${seen.length} provisional states on screen; fairpace target --progress printed ${lines.length}`,
      );
      assert(seen[0].n === 3, `the first provisional answer rests on ${seen[0].n} seeds, not 3`);

      // The final answer: no mark, and the CLI's value and cost.
      assert(!(await page.$(tid('target-provisional'))), 'the provisional mark stays after the final answer');
      assert(!(await page.$(tid('target-provisional-answer'))), 'the answer so far stays after the final answer');
      const shown = await page.evaluate(() => {
        const el = document.querySelector('[data-testid="target-result"]');
        return {
          reached: el?.getAttribute('data-reached'),
          value: el?.getAttribute('data-value'),
          payChange: document.querySelector('[data-testid="target-cost"]')?.getAttribute('data-pay-change'),
        };
      });
      assert(shown.reached === String(expected.reached), `reached: app ${shown.reached}, CLI ${expected.reached}`);
      assert(Number(shown.value) === expected.value, `value: app ${shown.value}, CLI ${expected.value}`);
      assert(
        Number(shown.payChange) === expected.platformCost.change.courierPay.mean,
        `courier pay change: app ${shown.payChange}, CLI ${expected.platformCost.change.courierPay.mean}`,
      );
      const [lo, hi] = [Number(lines.at(-1).lo), Number(lines.at(-1).hi)];
      assert(expected.value > lo && expected.value <= hi, `the final ${expected.value} is outside ${lo}–${hi}`);
    },
  },
];
