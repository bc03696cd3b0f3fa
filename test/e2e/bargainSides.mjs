// Browser tests of the bargaining answers from each side of the table and of the editor's traps (issue 22 items 5
// and 6): the target says what couriers gain, what the platform pays and where the difference goes, with the numbers
// of `fairpace target`; the zone names each side's best cell and the cells both accept, as `fairpace zone` finds them,
// and never offers today's rule as advice; a chosen preset runs; the editor shows names, not paths, and choices as
// choices. run.mjs runs these with the others (`node test/e2e/run.mjs "bargain sides"`); screenshots of the
// bargaining panels in both languages go to test-artifacts/bargain/.
/* global document */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  assert,
  fairpace,
  fillZonePanel,
  reveal,
  ROOT,
  runTargetPanel,
  tid,
  waitForJob,
  waitForRunDone,
} from './support.mjs';
import { latinOnPage, unexpectedLatin } from './latinWords.mjs';

const DEMO = 'demo-small';
const SHOTS = join(ROOT, 'test-artifacts', 'bargain');

/** Runs `what`, naming `step` in its error. */
async function step(name, what) {
  try {
    return await what();
  } catch (error) {
    throw new Error(`${name}: ${error.message}`);
  }
}

/** The text and data attributes of the elements with these test ids. */
function read(page, ids) {
  return page.evaluate(
    (list) =>
      Object.fromEntries(
        list.map((id) => {
          const el = document.querySelector(`[data-testid="${id}"]`);
          const data = el ? Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])) : null;
          return [id, { text: el?.textContent ?? null, data }];
        }),
      ),
    ids,
  );
}

const close = (a, b) => Math.abs(Number(a) - b) <= 1e-9 * Math.max(1, Math.abs(b));
/** Whether an interval excludes zero, so the sentence may state a direction. */
const clear = (d) => d.ci95[0] > 0 || d.ci95[1] < 0;

/** The panels' inputs of the runs the CLI repeats below. */
async function runTargetAndZone(page) {
  await runTargetPanel(page);
  await fillZonePanel(page, { replications: 2 });
  await page.click(tid('zone-run'));
  await waitForJob(page, 'zone');
}

/** The same target and zone through the command line, as JSON. */
async function cliTargetAndZone() {
  const scenario = join(ROOT, 'scenarios', `${DEMO}.json`);
  const common = ['--workers', '1', '--quiet', '--no-cache'];
  const [target, zone] = await Promise.all([
    fairpace([
      'target',
      scenario,
      ...['--param', 'rules.pay.base', '--min', '0', '--max', '40', '--arm', 'median', '--replications', '2'],
      ...['--max-steps', '12', '--target', 'earnings.netPerOnlineHour.mean >= 15', '--precision', '0.005', ...common],
    ]),
    fairpace([
      'zone',
      scenario,
      ...['--x', 'rules.deadline.percentile=10,50', '--y', 'rules.pay.base=7,12', '--replications', '2'],
      ...['--union', 'earnings.shareBelowMinWage <= 0.5', '--platform', 'platform.margin >= -7000', ...common],
    ]),
  ]);
  assert(target.code === 0, `fairpace target failed: ${target.stderr}`);
  assert(zone.code === 0, `fairpace zone failed: ${zone.stderr}`);
  return { target: JSON.parse(target.stdout), zone: JSON.parse(zone.stdout) };
}

/** The cell the union prefers by pay among those the platform accepts (ties to the first), as zoneText.ts picks it. */
function bestPayIndex(zone) {
  let best = -1;
  zone.cells.forEach((c, i) => {
    if (!c.platformHolds) return;
    const pay = Math.round(c.metrics['earnings.netPerOnlineHour.mean'].mean * 100);
    const top =
      best < 0 ? -Infinity : Math.round(zone.cells[best].metrics['earnings.netPerOnlineHour.mean'].mean * 100);
    if (best < 0 || pay > top) best = i;
  });
  return best < 0 ? '' : String(best);
}

/** Checks the sentences on screen against the CLI's JSON, in the language shown. */
function checkSentences(shown, expected, lang) {
  const { target, zone } = expected;
  const money = target.platformCost.money;
  const cost = shown['target-cost'];
  assert(cost.data, 'no target-cost sentence');
  assert(
    close(cost.data['data-couriers-gain'], money.couriersGain.mean),
    `couriers' gain: app ${cost.data['data-couriers-gain']}, CLI ${money.couriersGain.mean}`,
  );
  assert(
    close(cost.data['data-platform-pays'], money.platformPays.mean),
    `platform pays: app ${cost.data['data-platform-pays']}, CLI ${money.platformPays.mean}`,
  );
  assert(close(cost.data['data-gap'], money.gap.mean), `gap: app ${cost.data['data-gap']}, CLI ${money.gap.mean}`);
  const words =
    lang === 'zh'
      ? { gain: money.couriersGain.mean > 0 ? '骑手每天多得' : '骑手每天少得', none: '骑手每天的收入没有明显变化' }
      : { gain: money.couriersGain.mean > 0 ? 'more a day' : 'less a day', none: 'shows no clear change' };
  // A direction only where the interval excludes zero.
  assert(
    cost.text.includes(clear(money.couriersGain) ? words.gain : words.none),
    `the sentence does not say "${clear(money.couriersGain) ? words.gain : words.none}": ${cost.text}`,
  );
  const gap = shown['target-gap'];
  assert(gap.text && gap.text.length > 0, 'no sentence about the difference');
  if (lang === 'zh') {
    assert(/抽成/.test(gap.text), `the difference sentence does not say where commission goes: ${gap.text}`);
  }

  const agreed = zone.cells.flatMap((c, i) => (c.agreed ? [i] : [])).join(',');
  assert(
    shown['zone-agreed'].data['data-indices'] === agreed,
    `agreed cells: app ${shown['zone-agreed'].data['data-indices']}, CLI ${agreed}`,
  );
  assert(
    shown['zone-best-union'].data['data-pay-index'] === bestPayIndex(zone),
    `the union's best pay: app ${shown['zone-best-union'].data['data-pay-index']}, CLI ${bestPayIndex(zone)}`,
  );
  assert(
    shown['zone-cheapest'].data['data-index'] === String(zone.cheapestForPlatform?.index ?? ''),
    `the platform's best: app ${shown['zone-cheapest'].data['data-index']}, CLI ${zone.cheapestForPlatform?.index}`,
  );
  const statusQuo = zone.cheapestForPlatform !== null && zone.cheapestForPlatform.index === zone.current.index;
  assert(
    shown['zone-cheapest'].data['data-status-quo'] === String(statusQuo),
    'the status quo flag differs from the CLI',
  );
  const summary = shown['zone-summary'].text ?? '';
  if (lang === 'zh') {
    assert(!/推荐|满足工会底线、平台利润最高的点/.test(summary), `the zone reads as a recommendation: ${summary}`);
    assert(summary.includes('不是本工具的建议'), `the zone does not say these are positions: ${summary}`);
    if (statusQuo) assert(shown['zone-cheapest'].text.includes('这就是现行规则'), 'today’s rule is not named as such');
    assert(
      !/rules\.|earnings\.|platform\.|<=|>=| = /.test(summary + cost.text + gap.text),
      'a metric path or code in the Chinese sentences',
    );
  } else {
    assert(summary.includes('not advice from this tool'), `the zone does not say these are positions: ${summary}`);
    if (statusQuo)
      assert(shown['zone-cheapest'].text.includes('That is today’s rule'), 'today’s rule is not named as such');
  }
}

const IDS = [
  'target-found',
  'target-cost',
  'target-gap',
  'zone-summary',
  'zone-agreed',
  'zone-best-union',
  'zone-cheapest',
];

export const bargainSidesTests = [
  {
    name: 'bargain sides: the target and zone answers say each side’s money and best cell as `fairpace target|zone` find them, in zh and en',
    async fn({ open }) {
      const { page } = await open({ locale: 'zh-CN' });
      await waitForRunDone(page);
      const [expected] = await Promise.all([cliTargetAndZone(), runTargetAndZone(page)]);
      mkdirSync(SHOTS, { recursive: true });

      checkSentences(await read(page, IDS), expected, 'zh');
      const latin = unexpectedLatin(
        (await latinOnPage(page)).filter((f) => /^(target|zone|tornado|bargain)/.test(f.where)),
        ['median', 'strictest'],
      );
      assert(latin.length === 0, `Latin words in the Chinese bargaining panels:\n      ${latin.join('\n      ')}`);
      await reveal(page, tid('bargaining'));
      await page.locator(tid('bargaining')).screenshot({ path: join(SHOTS, 'bargaining-zh.png') });

      await page.click(tid('language-toggle'));
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      checkSentences(await read(page, IDS), expected, 'en');
      await page.locator(tid('bargaining')).screenshot({ path: join(SHOTS, 'bargaining-en.png') });
    },
  },
  {
    name: 'bargain sides: a chosen preset runs (or says it must), and the editor shows names, choices and notes, not paths',
    async fn({ open }) {
      const { page } = await open({ locale: 'zh-CN' });
      await waitForRunDone(page);

      // Choosing a preset starts its comparison at once.
      await page.selectOption(tid('preset-select'), 'yantai-2021');
      await step('the chosen preset starts', () =>
        page.waitForFunction(
          () => document.querySelector('[data-testid="run-status"]')?.getAttribute('data-phase') === 'running',
        ),
      );
      await page.selectOption(tid('preset-select'), DEMO);
      await step('the chosen preset runs to the end', () => waitForRunDone(page));
      assert((await page.locator('[data-testid^="kpi-"]').count()) > 0, 'the chosen preset ran but shows no results');

      // The number of couriers: a note that it changes nothing per courier on its own; the change listed by name.
      await reveal(page, tid('field-population.couriers'));
      const hint = (await page.textContent('#f-population_couriers-hint')) ?? '';
      assert(hint.includes('每名骑手的数字不会变'), `no note on the number of couriers: ${hint}`);
      await page.fill(tid('field-population.couriers'), '30');
      const change = await page.locator(tid('change-population.couriers')).first();
      const changeText = (await change.textContent()) ?? '';
      assert(!changeText.includes('population.couriers'), `the changes list shows a path: ${changeText}`);
      assert(changeText.includes('骑手人数'), `the changes list does not name the field: ${changeText}`);
      assert(
        (await change.locator('[title]').first().getAttribute('title'))?.includes('population.couriers'),
        'the path is not in a tooltip',
      );

      // The guarantee: an amount and a choice with named options.
      await reveal(page, tid('field-rules.pay.guarantee'));
      const basis = tid('field-rules.pay.guarantee-basis');
      assert(await page.isDisabled(basis), 'the basis can be chosen without an amount');
      await page.fill(tid('field-rules.pay.guarantee'), '21');
      assert(await page.isEnabled(basis), 'the basis stays disabled after an amount');
      const options = await page.$$eval(`${basis} option`, (list) => list.map((o) => o.textContent));
      assert(JSON.stringify(options) === JSON.stringify(['按在线时长', '按接单时长']), `basis options: ${options}`);
      await page.selectOption(basis, 'engaged');
      const guarantee = (await page.textContent(tid('change-rules.pay.guarantee'))) ?? '';
      assert(guarantee.includes('21，按接单时长'), `the guarantee change reads ${guarantee}`);

      // No unit written twice in a name ("平台抽成比例（比例（0–1））").
      const labels = await page.$$eval(
        'select[data-testid$="-x"] option, select[data-testid="target-param"] option',
        (list) => list.map((o) => o.textContent ?? ''),
      );
      const doubled = labels.filter((l) => /（[^（）]*（/.test(l));
      assert(doubled.length === 0, `doubled units: ${doubled.join(', ')}`);
      await page.locator(tid('field-rules.pay.guarantee')).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'editor-guarantee-zh.png') });
      await reveal(page, tid('changes'));
      await page.locator(tid('changes')).screenshot({ path: join(SHOTS, 'changes-zh.png') });

      // Last (it leaves another preset in the editor): while a bargaining job holds the pool, the chosen preset says
      // it must be run.
      await reveal(page, tid('tornado-panel'));
      await page.fill(tid('tornado-replications'), '1');
      await page.click(tid('tornado-run'));
      await step('the tornado starts', () =>
        page.waitForFunction(
          () => document.querySelector('[data-testid="tornado-status"]')?.getAttribute('data-phase') === 'running',
        ),
      );
      await page.selectOption(tid('preset-select'), 'tangshan-2022');
      const notice = (await page.textContent(tid('scenario-notice'))) ?? '';
      assert(notice.includes('运行比较'), `no notice that the preset must be run: ${notice}`);
      await page.click(tid('tornado-cancel'));
    },
  },
];
