// The browser tests (issue 3, item 7): builds the app, serves the build on 127.0.0.1, drives Debian's Chromium with
// playwright-core and checks the workbench the way a person uses it. `scripts/test-all.mjs` runs this file; it
// writes `{ "passed": N, "failed": M }` to $FAIRPACE_E2E_RESULT and exits non-zero when anything failed, including a
// missing Chromium or a failed build.
//
//   node test/e2e/run.mjs                 # every test
//   node test/e2e/run.mjs cancel language # only tests whose name contains one of the words
//   FAIRPACE_E2E_DIST=dist node test/e2e/run.mjs   # serve an existing build instead of building one
//
// Screenshots of the dashboard in both languages go to test-artifacts/ (gitignored).
/* global document, window, indexedDB -- code passed to page.evaluate runs in the browser */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import {
  assert,
  buildApp,
  choosePreset,
  cliCompare,
  complianceMismatches,
  kpiMismatches,
  launchBrowser,
  openApp,
  readCompliance,
  readKpis,
  reveal,
  ROOT,
  serveStatic,
  tid,
  fairpace,
  waitForJob,
  waitForRunDone,
  assertZoneAsCli,
  fillZonePanel,
  runTargetPanel,
  ZONE_ARGS,
} from './support.mjs';
import { latinOnPage, unexpectedLatin } from './latinWords.mjs';
import { provisionalTests } from './provisional.mjs';
import { provisionalToolsTests } from './provisionalTools.mjs';
import { bargainSidesTests } from './bargainSides.mjs';
import { robustnessTests } from './robustness.mjs';
import { backtestTests } from './backtest.mjs';

// The calibrated model (scenario schema 2) makes a yantai-2021 run about ten times the work it was (about 4 s of CPU
// per run on this project's 2-core machines, against 0.27 s before), and five tests run its 20-run comparison in
// the browser while the CLI computes the same comparison beside it; on a machine shared with other work one such
// test takes one to two minutes. The suite also grew (the model check, the Latin-word walk, the guide). So a test
// may take four minutes and the whole run, build included, twenty.
const TEST_TIMEOUT_MS = 240_000;
const WATCHDOG_MS = 1_200_000;
const ARTIFACTS = join(ROOT, 'test-artifacts');
const YANTAI = 'yantai-2021';
/** What the status line says after Cancel, in either language. */
const CANCELLED = /已取消|cancelled/i;
const HAN = /\p{Script=Han}/u;

function assertNoProblems(problems, what) {
  assert(problems.length === 0, `${what}:\n      ${problems.join('\n      ')}`);
}

const DEMO = 'demo-small';
/** An HTML/script payload as a scenario's name: it must show as text and never run. */
const PAYLOAD = '<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>';

/** Rider records in the documented layout: the hand-worked example of test/io/riders.test.ts. */
const RIDER_RECORDS = [
  'rider_id,accepted_at,picked_up_at,delivered_at,km,pay_cny,fine_cny,promised_at',
  'alice-001,2024-05-06T10:00:00+08:00,2024-05-06T10:10:00+08:00,2024-05-06T10:40:00+08:00,3,8,0,2024-05-06T10:45:00+08:00',
  'alice-001,2024-05-06T10:30:00+08:00,2024-05-06T10:45:00+08:00,2024-05-06T11:20:00+08:00,4,9,5,2024-05-06T11:10:00+08:00',
  'alice-001,2024-05-07T18:00:00+08:00,2024-05-07T18:20:00+08:00,2024-05-07T18:50:00+08:00,2,7,0,',
  'bob-002,2024-05-06T12:00:00+08:00,2024-05-06T12:05:00+08:00,2024-05-06T12:30:00+08:00,1.5,6,0,2024-05-06T12:40:00+08:00',
  '',
].join('\n');
const RIDER_ONLINE =
  'rider_id,date,online_hours\nalice-001,2024-05-06,12\nalice-001,2024-05-07,9\nbob-002,2024-05-06,1.5\nbob-002,2024-05-08,4\n';

/** The orders of the tiny MDRP instance the import test writes (tab-separated, header first). */
const MDRP_ORDERS =
  'order\tx\ty\tplacement_time\trestaurant\tready_time\n' +
  'o1\t500\t500\t0\tr1\t10\no2\t800\t0\t5\tr1\t15\no3\t2500\t300\t10\tr2\t20\no4\t1500\t-400\t20\tr2\t35\n';

/** Writes a tiny instance in the published MDRP format into `dir`; returns the four files' paths. */
function writeMdrpInstance(dir, orders) {
  const texts = {
    'restaurants.txt': 'restaurant\tx\ty\nr1\t0\t0\nr2\t2000\t0\n',
    'orders.txt': orders,
    'couriers.txt': 'courier\tx\ty\ton_time\toff_time\nc1\t100\t0\t0\t120\nc2\t1900\t0\t0\t120\n',
    'instance_parameters.txt':
      'meters_per_minute\tpickup service minutes\tdropoff service minutes\ttarget click-to-door\t' +
      'maximum click-to-door\tpay per order\tguaranteed pay per hour\n320\t4\t4\t40\t90\t10\t15\n',
  };
  return Object.entries(texts).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
}

/** A new temporary directory for one test; removed by the caller. */
const tempDir = () => mkdtempSync(join(tmpdir(), 'fairpace-e2e-'));

/** Waits for the outcome of verifying a pack in the app (`verified`, `not-verified` or `error`) and its text. */
async function verifyOutcome(page) {
  await page.waitForSelector(tid('verify-result'), { state: 'attached', timeout: 60_000 });
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid="verify-result"]');
    return { outcome: el?.getAttribute('data-outcome'), text: el?.textContent ?? '' };
  });
}

/** Picks yantai-2021, presses Run and waits for the finished comparison. */
async function runYantai(page) {
  await choosePreset(page, YANTAI);
  assert(await page.isEnabled(tid('run-compare')), 'run-compare is disabled on a valid preset');
  await page.click(tid('run-compare'));
  return waitForRunDone(page);
}

/** The SVG marks that draw data (not axes, grid lines or the hidden tooltip) inside a chart, with their sizes. */
function chartMarks(page, testId) {
  return page.evaluate((id) => {
    const chart = document.querySelector(`[data-testid="${id}"]`);
    if (!chart) return null;
    const svgs = [...chart.querySelectorAll('svg')];
    const marks = [...chart.querySelectorAll('svg g[aria-label]')].filter(
      (g) => !/axis|grid|tip/.test(g.getAttribute('aria-label') ?? ''),
    );
    const shapes = marks.flatMap((g) => [...g.querySelectorAll('path, rect, circle, line, text')]);
    const drawn = shapes.filter((s) => {
      const box = s.getBBox();
      return box.width > 0 || box.height > 0;
    });
    const biggest = Math.max(0, ...svgs.map((s) => s.getBoundingClientRect().width * s.getBoundingClientRect().height));
    return {
      svgs: svgs.length,
      marks: marks.map((g) => g.getAttribute('aria-label')),
      drawn: drawn.length,
      area: biggest,
    };
  }, testId);
}

// ── the tests ────────────────────────────────────────────────────────────────────────────────────────────────────

const tests = [
  {
    name: 'opens on demo-small, computes it at once and shows KPI cards, with no console errors',
    async fn({ open }) {
      const { page, errors } = await open();
      assert(
        (await page.inputValue(tid('preset-select'))) === 'demo-small',
        'the preset picker does not start on demo-small',
      );
      const { total } = await waitForRunDone(page);
      assert(total > 0, 'the opening run had no tasks');
      const kpis = await readKpis(page);
      const entries = Object.entries(kpis);
      assert(entries.length > 0, 'no kpi-* element on the page after the opening run');
      const notNumbers = entries.filter(([, v]) => v === null || v === '' || !Number.isFinite(Number(v)));
      assert(notNumbers.length === 0, `KPI without a finite data-value: ${notNumbers.map(([k]) => k).join(', ')}`);
      const visible = await page.locator('[data-testid^="kpi-"]').first().isVisible();
      assert(visible, 'the first KPI card is not visible');
      assert(errors.length === 0, `console errors:\n      ${errors.join('\n      ')}`);
    },
  },
  {
    name: 'run cache: after a reload the same comparison is answered from the browser’s saved runs, with the same numbers, and says so',
    async fn({ open }) {
      const { page } = await open();
      const first = await waitForRunDone(page);
      const reusedAttr = () => page.getAttribute(tid('run-status'), 'data-reused');
      assert((await reusedAttr()) === '0', `the first run reused ${await reusedAttr()} runs from an empty store`);
      const before = await readKpis(page);
      await page.reload();
      const second = await waitForRunDone(page);
      assert(second.total === first.total, `the second run has ${second.total} tasks, the first ${first.total}`);
      assert(
        (await reusedAttr()) === String(second.total),
        `after a reload ${await reusedAttr()} of ${second.total} runs were reused`,
      );
      const status = (await page.textContent(tid('run-status'))) ?? '';
      assert(status.includes('本浏览器保存'), `the status does not say the runs were reused: ${status}`);
      const after = await readKpis(page);
      assert(JSON.stringify(after) === JSON.stringify(before), 'the KPIs from saved runs differ from the fresh ones');
    },
  },
  {
    name: `${YANTAI}: every headline number and compliance status equals the CLI's compare output`,
    async fn({ open, cli }) {
      const { page } = await open();
      await waitForRunDone(page); // the opening demo-small run
      await runYantai(page);
      const comparison = await cli(YANTAI);
      const seeds = await page.locator('.seeds').textContent();
      for (const seed of comparison.seeds) assert(seeds?.includes(String(seed)), `seed ${seed} not shown: ${seeds}`);
      const kpis = await readKpis(page);
      assert(Object.keys(kpis).length > 0, 'no kpi-* element after the run');
      assertNoProblems(kpiMismatches(kpis, comparison), 'headline numbers that differ from the CLI');
      const cells = await readCompliance(page);
      assert(Object.keys(cells).length > 0, 'no compliance-* cell after the run');
      assertNoProblems(complianceMismatches(cells, comparison), 'compliance statuses that differ from the CLI');
    },
  },
  {
    name: 'on a single worker the numbers are the same (the pool and its order do not matter)',
    async fn({ open, cli }) {
      const { page, workers } = await open({ workers: 1 });
      await waitForRunDone(page); // the opening demo-small run: 2 arms × 3 replications on the one worker
      assert(workers.length === 1, `expected the pool to start 1 worker, it started ${workers.length}`);
      assertNoProblems(kpiMismatches(await readKpis(page), await cli(DEMO)), 'headline numbers that differ');
    },
  },
  {
    name: 'charts: chart-perday and chart-speed draw an SVG with data marks',
    async fn({ open }) {
      const { page } = await open();
      await waitForRunDone(page); // the opening demo-small run
      for (const chart of ['chart-perday', 'chart-speed']) {
        await page.waitForSelector(`${tid(chart)} svg g[aria-label]`, { state: 'attached', timeout: 10_000 });
        const found = await chartMarks(page, chart);
        assert(found !== null, `no ${chart} on the page`);
        assert(found.svgs > 0, `${chart} has no <svg>`);
        assert(found.area > 100 * 100, `${chart}'s largest svg is only ${Math.round(found.area)} px²`);
        assert(found.marks.length > 0, `${chart} has no data mark (only axes or nothing)`);
        assert(found.drawn > 0, `${chart}'s marks (${found.marks.join(', ')}) draw nothing of any size`);
      }
    },
  },
  {
    name: 'model check: every target equals `fairpace calibrate --format json`; the notice names the missed ranges',
    async fn({ open }) {
      const { page } = await open({ locale: 'zh-CN' });
      await waitForRunDone(page); // the opening demo-small comparison
      const cli = await fairpace(['calibrate', `scenarios/${DEMO}.json`, '--format', 'json', '--quiet']);
      assert(cli.code === 0, `fairpace calibrate failed: ${cli.stderr}`);
      const expected = JSON.parse(cli.stdout);
      assert(expected.rows.length >= 8, `the CLI held only ${expected.rows.length} targets`);
      await reveal(page, tid('model-check'));
      await page.waitForSelector(`${tid('chart-model-check')} svg g[aria-label]`, {
        state: 'attached',
        timeout: 10_000,
      });
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('[data-testid^="model-check-row-"]')].map((el) => ({
          id: el.getAttribute('data-testid').slice('model-check-row-'.length),
          status: el.getAttribute('data-status'),
          mean: el.getAttribute('data-mean'),
          lo: el.getAttribute('data-lo'),
          hi: el.getAttribute('data-hi'),
          by: el.getAttribute('data-by'),
          text: el.textContent ?? '',
        })),
      );
      assert(
        JSON.stringify(shown.map((r) => r.id)) === JSON.stringify(expected.rows.map((r) => r.id)),
        `targets shown: ${shown.map((r) => r.id).join(', ')}; CLI: ${expected.rows.map((r) => r.id).join(', ')}`,
      );
      const problems = [];
      for (const [i, row] of expected.rows.entries()) {
        const s = shown[i];
        const want = {
          status: row.status,
          mean: String(row.model.mean),
          lo: String(row.model.ci95[0]),
          hi: String(row.model.ci95[1]),
          by: String(row.by),
        };
        for (const [key, value] of Object.entries(want)) {
          if (s[key] !== value) problems.push(`${row.id}.${key}: browser ${s[key]}, CLI ${value}`);
        }
        const words =
          row.status === 'within' ? '在观测范围内' : row.status === 'below' ? '低于观测范围' : '高于观测范围';
        if (!s.text.includes(words)) problems.push(`${row.id}: the row does not say ${words}: ${s.text}`);
      }
      assertNoProblems(problems, 'model-check rows that differ from the CLI');
      const panels = await page.getAttribute(tid('chart-model-check'), 'data-panels');
      assert(Number(panels) === expected.rows.length, `chart-model-check has ${panels} panels`);

      // The notice beside the headline cards, in both languages.
      const missed = expected.rows.filter((r) => r.status !== 'within').length;
      const notice = page.locator(tid('model-check-notice'));
      assert(
        (await notice.getAttribute('data-missed')) === String(missed),
        `the notice counts ${await notice.getAttribute('data-missed')} misses, the CLI ${missed}`,
      );
      const zh = (await notice.textContent()) ?? '';
      assert(
        missed > 0 ? zh.includes(`有 ${missed} 项`) && zh.includes('观测范围之外') : zh.includes('都落在'),
        `the Chinese notice: ${zh}`,
      );
      await page.click(tid('language-toggle'));
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const en = (await notice.textContent()) ?? '';
      assert(missed > 0 ? en.includes(`misses ${missed} of`) : en.includes('are within'), `the English notice: ${en}`);
      assert(!HAN.test(en), `the English notice has Chinese in it: ${en}`);
      for (const id of ['model-doc', 'about-model']) {
        const text = (await page.textContent(tid(id))) ?? '';
        assert(
          text.includes('docs/model.md') && !text.includes('../'),
          `${id} does not point to docs/model.md: ${text}`,
        );
      }
      // The couriers' side of the ratchet is charted beside the promised minutes.
      const risk = await chartMarks(page, 'chart-risk-tolerance');
      assert(risk && risk.drawn > 0, 'chart-risk-tolerance draws nothing');
    },
  },
  {
    name: 'the cost of the strictest algorithm equals what `fairpace compare` JSON gives, per day and per month, in both languages',
    async fn({ open, cli }) {
      const { page } = await open({ locale: 'zh-CN' });
      await waitForRunDone(page); // demo-small
      const comparison = await cli(DEMO);
      const scenario = JSON.parse(readFileSync(join(ROOT, 'scenarios', `${DEMO}.json`), 'utf8'));
      // Derived here from the CLI's JSON alone: median − strictest differences, turned into what strictest costs
      // (pay lost is what the median arm pays more; hours, speeding and risk are what the strictest arm adds).
      const d = comparison.differences;
      const strict = comparison.arms.find((a) => a.id === 'strictest');
      const median = comparison.arms.find((a) => a.id === 'median');
      const couriers = scenario.population.couriers;
      const flip = (ci, k) => [ci[0] * k, ci[1] * k].sort((a, b) => a - b);
      const expected = {
        pay: [d['platform.courierPay'].mean / couriers, flip(d['platform.courierPay'].ci95, 1 / couriers)],
        hours: [-d['workload.onlineHours.mean'].mean, flip(d['workload.onlineHours.mean'].ci95, -1)],
        km: [
          -d['safety.speedingKmShare'].mean * strict.metrics.workload.kmPerCourierDay.mean,
          flip(d['safety.speedingKmShare'].ci95, -strict.metrics.workload.kmPerCourierDay.mean),
        ],
        risk: [
          -d['safety.relativeCrashRisk'].mean / median.metrics.safety.relativeCrashRisk,
          flip(d['safety.relativeCrashRisk'].ci95, -1 / median.metrics.safety.relativeCrashRisk),
        ],
      };
      const block = page.locator(tid('cost-strictest-median'));
      const problems = [];
      const near = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
      for (const [name, [value, [lo, hi]]] of Object.entries(expected)) {
        const shown = [name, `${name}-lo`, `${name}-hi`].map(async (a) =>
          Number(await block.getAttribute(`data-${a}`)),
        );
        const [v, l, h] = await Promise.all(shown);
        if (!near(v, value) || !near(l, lo) || !near(h, hi)) {
          problems.push(`${name}: browser ${v} [${l}, ${h}], from the CLI ${value} [${lo}, ${hi}]`);
        }
      }
      const month = Number(await block.getAttribute('data-pay-month'));
      if (!near(month, expected.pay[0] * 26))
        problems.push(`pay per month: ${month}, expected ${expected.pay[0] * 26}`);
      assertNoProblems(problems, 'cost figures that differ from the CLI');
      const zh = (await block.textContent()) ?? '';
      const pay = Math.abs(expected.pay[0]).toFixed(2);
      assert(
        zh.includes(
          `在最严算法（p10）下，与算法取中（p50）相比，每名骑手每天${expected.pay[0] >= 0 ? '少' : '多'}收入 ${pay} 元`,
        ),
        `the Chinese sentence: ${zh}`,
      );
      assert(
        zh.includes(`每月${expected.pay[0] >= 0 ? '少' : '多'}收入 ${Math.abs(expected.pay[0] * 26).toFixed(0)} 元`),
        zh,
      );
      assert(zh.includes('下单到送达平均') && zh.includes('准时率'), `no click-to-door or on-time: ${zh}`);
      await page.click(tid('language-toggle'));
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const en = (await block.textContent()) ?? '';
      assert(
        en.includes(`each courier earns ${pay} CNY ${expected.pay[0] >= 0 ? 'less' : 'more'} a day`) && !HAN.test(en),
        `the English sentence: ${en}`,
      );
    },
  },
  {
    name: 'what algorithm-median costs the platform equals `fairpace compare` JSON, part by part, with the order-money chart, in both languages',
    async fn({ open, cli }) {
      const { page } = await open({ locale: 'zh-CN' });
      await waitForRunDone(page); // demo-small
      const comparison = await cli(DEMO);
      // Derived here from the CLI's JSON alone: median − strictest differences, turned into what median costs the
      // platform (less revenue, more pay, fewer fines kept and more compensation paid are costs).
      const d = comparison.differences;
      const median = comparison.arms.find((a) => a.id === 'median');
      const flip = (ci, k) => [ci[0] * k, ci[1] * k].sort((a, b) => a - b);
      const figure = (path, k) => [d[path].mean * k, flip(d[path].ci95, k)];
      const delivered = median.metrics.service.ordersDelivered;
      const expected = {
        day: figure('platform.margin', -1),
        order: figure('platform.margin', -1 / delivered),
        revenue: figure('platform.deliveryRevenue', -1),
        'courier-pay': figure('platform.courierPayBeforeFines', 1),
        fines: figure('platform.fineIncome', -1),
        compensation: figure('platform.compensationPaid', 1),
        'retained-orders': figure('customers.lostOrders', -1),
      };
      const block = page.locator(tid('platform-cost-strictest-median'));
      await block.waitFor();
      const near = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
      const shown = {};
      const problems = [];
      for (const [name, [value, [lo, hi]]] of Object.entries(expected)) {
        const [v, l, h] = await Promise.all(
          [name, `${name}-lo`, `${name}-hi`].map(async (a) => Number(await block.getAttribute(`data-${a}`))),
        );
        shown[name] = v;
        if (!near(v, value) || !near(l, lo) || !near(h, hi)) {
          problems.push(`${name}: browser ${v} [${l}, ${h}], from the CLI ${value} [${lo}, ${hi}]`);
        }
      }
      // The parts add up to the whole.
      const sum = shown.revenue + shown['courier-pay'] + shown.fines + shown.compensation;
      if (!near(sum, shown.day)) problems.push(`the parts add up to ${sum}, not ${shown.day}`);
      assertNoProblems(problems, 'platform cost figures that differ from the CLI');

      const day = expected.day[0];
      const zh = (await page.locator(tid('platform-cost')).textContent()) ?? '';
      assert(zh.includes('平台的账'), `no heading: ${zh}`);
      assert(
        zh.includes(`让平台每天${day >= 0 ? '少赚' : '多赚'} ${Math.abs(day).toFixed(0)} 元`) &&
          zh.includes(`每个送达订单${day >= 0 ? '少赚' : '多赚'} ${Math.abs(expected.order[0]).toFixed(2)} 元`),
        `the Chinese sentence: ${zh}`,
      );
      assert((await block.locator('li').count()) === 4, 'the four parts are not listed');
      assert(zh.includes('顾客此后每天'), `no retained orders: ${zh}`);
      const chartZh = (await page.locator(tid('chart-money')).textContent()) ?? '';
      assert(
        chartZh.includes('每单配送钱款的去向') && chartZh.includes('平台每单收入'),
        `the chart in Chinese: ${chartZh}`,
      );
      const marks = await chartMarks(page, 'chart-money');
      assert(
        marks && marks.marks.includes('bar') && marks.drawn > 0,
        `chart-money draws nothing: ${JSON.stringify(marks)}`,
      );

      await page.click(tid('language-toggle'));
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const en = (await page.locator(tid('platform-cost')).textContent()) ?? '';
      assert(
        en.includes('What it costs the platform') &&
          en.includes(`${day >= 0 ? 'costs' : 'earns'} the platform ${Math.abs(day).toFixed(0)} CNY a day`) &&
          !HAN.test(en),
        `the English sentence: ${en}`,
      );
      const chartEn = (await page.locator(tid('chart-money')).textContent()) ?? '';
      assert(chartEn.includes('Platform per order') && !HAN.test(chartEn), `the chart in English: ${chartEn}`);
    },
  },
  {
    name: 'an invalid field keeps the stale banner; checks across fields, a non-JSON upload and a broken link speak Chinese',
    async fn({ open, origin }) {
      const { page } = await open({ locale: 'zh-CN' });
      await waitForRunDone(page);
      assert((await page.locator(tid('stale')).count()) === 0, 'the results are marked stale before any edit');
      const field = tid('field-rules.pay.base');
      await reveal(page, field);
      await page.fill(field, '-3');
      await page.waitForSelector(tid('error-rules.pay.base'), { state: 'visible', timeout: 5_000 });
      const stale = (await page.textContent(tid('stale'))) ?? '';
      assert(HAN.test(stale) && stale.includes('修改前'), `no stale banner while a field is invalid: ${stale}`);
      await page.fill(field, '8.5');
      await page.waitForSelector(tid('error-rules.pay.base'), { state: 'detached', timeout: 5_000 });
      assert(await page.isVisible(tid('stale')), 'the stale banner went away while the editor still differs');

      // A check across fields is shown, in Chinese, on the field that was changed as well.
      const couriers = tid('field-population.couriers');
      await reveal(page, couriers);
      await page.fill(couriers, '199999');
      await page.waitForSelector(tid('error-population.couriers'), { state: 'visible', timeout: 5_000 });
      const cross = (await page.textContent(tid('error-population.couriers'))) ?? '';
      assert(/超过上限/.test(cross) && !/[A-Za-z]{3,}/.test(cross), `the check across fields on couriers: ${cross}`);

      const dir = tempDir();
      try {
        const notJson = join(dir, 'not.json');
        writeFileSync(notJson, '{ nope');
        await page.setInputFiles(tid('upload-scenario'), notJson);
        await page.waitForSelector(tid('scenario-tools-error'), { timeout: 10_000 });
        const upload = (await page.textContent(tid('scenario-tools-error'))) ?? '';
        assert(
          upload.includes('不是有效的 JSON 文件') && !/Unexpected|token|position/i.test(upload),
          `the upload error: ${upload}`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const note = (await page.textContent(tid('share-note'))) ?? '';
      assert(note.includes('任何一份 Fairpace') && note.includes('情景文件'), `the share note: ${note}`);

      await page.goto(`${origin}/#s=1.bm90IGRlZmxhdGU`);
      await page.reload();
      await page.waitForSelector(`${tid('scenario-notice')}[data-kind="error"]`, { timeout: 10_000 });
      const broken = (await page.textContent(tid('scenario-notice'))) ?? '';
      assert(
        broken.includes('分享链接已损坏') && !/[A-Za-z]{3,}/.test(broken.replaceAll('Fairpace', '')),
        `the broken link: ${broken}`,
      );
      await waitForRunDone(page);
    },
  },
  {
    name: 'Chinese, every panel: no Latin word outside the whitelist (units, file names, p10, arm ids) after each tool runs',
    async fn({ open }) {
      const { page } = await open({ locale: 'zh-CN' });
      await waitForRunDone(page); // demo-small
      const ids = ['strictest', 'median'];
      const problems = [];
      const walk = async (what) => {
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        for (const line of unexpectedLatin(await latinOnPage(page), ids)) problems.push(`${what}: ${line}`);
      };
      await walk('dashboard, editor, model check');
      // The arm names in the editor's boxes too (a box's text is not read above).
      for (const value of await page.locator('input.arm-label').evaluateAll((els) => els.map((e) => e.value))) {
        if (/[A-Za-z]{2,}/.test(value)) problems.push(`arm label box: ${value}`);
      }
      // The tools open on defaults with a readable answer: the sweep over the last arm alone, a 4 × 4 zone with the
      // union's limit at the scenario's minimum-wage threshold (5% on demo-small).
      await reveal(page, tid('sweep-run'));
      assert((await page.inputValue(tid('sweep-arms'))) === 'median', 'the sweep does not default to the last arm');
      assert((await page.inputValue(tid('zone-x-values'))).split(',').length >= 4, 'the zone grid is under 4 wide');
      assert((await page.inputValue(tid('zone-y-values'))).split(',').length >= 4, 'the zone grid is under 4 high');
      assert((await page.inputValue(tid('zone-union-threshold'))) === '5', 'the union limit is not the scorecard’s 5%');
      // Each tool once, on few replications, so its results and legends are read too.
      await page.click(tid('sweep-run'));
      await page.waitForSelector(`${tid('sweep-status')}[data-phase="done"]`, { timeout: 180_000 });
      await page.fill(tid('target-replications'), '1');
      await page.click(tid('target-run'));
      await waitForJob(page, 'target');
      const found = (await page.textContent(tid('target-result'))) ?? '';
      assert(!/\d\.\d{3,}/.test(found), `the target answer has false precision: ${found}`);
      await page.fill(tid('tornado-replications'), '1');
      await page.click(tid('tornado-run'));
      await waitForJob(page, 'tornado', 180_000);
      await page.fill(tid('zone-replications'), '1');
      await page.click(tid('zone-run'));
      await waitForJob(page, 'zone', 180_000);
      await walk('after sweep, target, tornado and zone');
      // Messages: a field the schema rejects, and a check across fields.
      await reveal(page, tid('field-rules.pay.base'));
      await page.fill(tid('field-rules.pay.base'), '-3');
      await page.waitForSelector(tid('error-rules.pay.base'), { state: 'visible', timeout: 5_000 });
      await reveal(page, tid('field-city.customerDistanceMedianKm'));
      await page.fill(tid('field-city.customerDistanceMedianKm'), '9');
      await walk('with invalid fields');
      assertNoProblems(problems, 'Latin words in the Chinese workbench');
    },
  },
  {
    name: 'a renamed percentile relabels its arm: the median arm at p70 is 时限 p70, never 算法取中',
    async fn({ open }) {
      const { page } = await open({ locale: 'zh-CN' });
      await waitForRunDone(page);
      const cell = tid('field-arms[1].rules.deadline.percentile');
      await reveal(page, cell);
      await page.fill(cell, '70');
      const header = page.locator(`${tid('arms-table')} th[data-arm-id="median"] .arm-name`);
      await page.waitForFunction(
        (sel) => document.querySelector(sel)?.textContent?.includes('p70'),
        `${tid('arms-table')} th[data-arm-id="median"] .arm-name`,
        { timeout: 5_000 },
      );
      const name = (await header.textContent()) ?? '';
      assert(name.includes('时限 p70') && !name.includes('算法取中'), `the edited arm is called ${name}`);
      await page.click(tid('run-compare'));
      await waitForRunDone(page);
      const cards = await page.locator('.arm-value dt').allTextContents();
      assert(
        cards.some((c) => c.includes('时限 p70')),
        `the cards name the arms ${cards.join(', ')}`,
      );
      assert(!cards.some((c) => c.includes('算法取中')), `a card still says 算法取中: ${cards.join(', ')}`);
      await page.click(tid('language-toggle'));
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const en = (await header.textContent()) ?? '';
      assert(en.includes('Deadline p70'), `in English the edited arm is called ${en}`);
    },
  },
  {
    name: 'the guide: six steps in Chinese, each with a sentence and a chart; each "try it" control reruns the step',
    async fn({ open }) {
      const { page, errors } = await open({ locale: 'zh-CN' });
      await waitForRunDone(page); // demo-small
      await page.click(`${tid('guide')} > summary`);
      const steps = ['promise', 'pressure', 'ratchet', 'pay', 'platform', 'model'];
      const shownFor = (step, value) =>
        page.waitForFunction(
          ([s, v]) => {
            const el = document.querySelector('[data-testid="guide-step"]');
            const status = document.querySelector('[data-testid="guide-status"]');
            if (status?.getAttribute('data-phase') === 'error') return { error: status.textContent };
            return el?.getAttribute('data-shown') === `${s}:${v}` && status?.getAttribute('data-phase') === 'done';
          },
          [step, value],
          { timeout: 180_000 },
        );
      const problems = [];
      for (const [i, step] of steps.entries()) {
        await page.click(tid(`guide-step-${i + 1}`));
        const value = Number(await page.getAttribute(tid('guide-step'), 'data-value'));
        const first = await (await shownFor(step, value)).jsonValue();
        assert(first === true, `step ${step}: ${JSON.stringify(first)}`);
        await page.waitForSelector(`${tid(`guide-chart-${step}`)} svg`, { timeout: 15_000 }).catch(() => undefined);
        const chart = await chartMarks(page, `guide-chart-${step}`);
        assert(
          chart && chart.svgs > 0 && chart.drawn > 0,
          `step ${step} draws no chart: ${JSON.stringify(chart)} ${errors.join('; ')}`,
        );
        const sentence = (await page.textContent(tid('guide-sentence'))) ?? '';
        assert(HAN.test(sentence) && sentence.length > 40, `step ${step} says: ${sentence}`);
        const runs = Number(await page.getAttribute(tid('guide'), 'data-runs'));
        await page.click(tid('guide-try-plus'));
        const next = Number(await page.getAttribute(tid('guide-step'), 'data-value'));
        assert(next !== value, `step ${step}: "try it" did not change the value (${value})`);
        const second = await (await shownFor(step, next)).jsonValue();
        assert(second === true, `step ${step} after "try it": ${JSON.stringify(second)}`);
        const after = Number(await page.getAttribute(tid('guide'), 'data-runs'));
        assert(after > runs, `step ${step}: "try it" did not rerun (${runs} runs before, ${after} after)`);
        for (const line of unexpectedLatin(await latinOnPage(page), ['strictest', 'median'])) {
          if (line.includes('guide')) problems.push(`${step}: ${line}`);
        }
      }
      assertNoProblems(problems, 'Latin words in the guide');
    },
  },
  {
    name: 'Cancel stops a running comparison at once; the next run completes',
    async fn({ open, cli }) {
      const { page, liveWorkers } = await open();
      await waitForRunDone(page);
      await choosePreset(page, YANTAI);
      // Run, then Cancel in the same turn of the page's event loop in which the bar was seen below total, so the
      // run cannot finish between looking and clicking.
      const seen = await page.evaluate(async () => {
        const q = (id) => document.querySelector(`[data-testid="${id}"]`);
        q('run-compare').click();
        const deadline = performance.now() + 30_000;
        while (performance.now() < deadline) {
          const progress = q('progress');
          const cancel = q('cancel-run');
          if (progress && cancel && !cancel.disabled) {
            const done = Number(progress.getAttribute('data-done'));
            const total = Number(progress.getAttribute('data-total'));
            if (total > 0 && done < total) {
              cancel.click();
              return { done, total };
            }
            return { missed: true, done, total };
          }
          await new Promise((r) => setTimeout(r, 5));
        }
        return { missed: true };
      });
      assert(!seen.missed, `could not press Cancel while the run was under way: ${JSON.stringify(seen)}`);
      await page.waitForFunction(
        (pattern) => {
          const status = document.querySelector('[data-testid="run-status"]');
          const phase = status?.getAttribute('data-phase');
          return (phase === null || phase === 'cancelled') && new RegExp(pattern, 'i').test(status?.textContent ?? '');
        },
        CANCELLED.source,
        { timeout: 10_000 },
      );
      assert(await page.isEnabled(tid('run-compare')), 'run-compare is not enabled again after Cancel');
      assert(await page.isDisabled(tid('cancel-run')), 'cancel-run is still enabled after Cancel');
      // Nothing may arrive later: the workers are terminated and no result or progress appears. Chromium reports a
      // terminated worker's end to Playwright late on a loaded machine (a load of 10 on 2 cores is common here), so
      // the check waits up to 10 s for it; a worker the app failed to terminate would still be running then.
      const deadline = Date.now() + 10_000;
      while (liveWorkers.size > 0 && Date.now() < deadline) await page.waitForTimeout(250);
      await page.waitForTimeout(1_500);
      assert(liveWorkers.size === 0, `${liveWorkers.size} worker(s) still running 10 s after Cancel`);
      assert(Object.keys(await readKpis(page)).length === 0, 'a result appeared after Cancel');
      assert((await page.locator(tid('progress')).count()) === 0, 'the progress bar came back after Cancel');
      const status = await page.textContent(tid('run-status'));
      assert(CANCELLED.test(status ?? ''), `the status changed after Cancel: ${status}`);

      await page.click(tid('run-compare'));
      await waitForRunDone(page);
      assertNoProblems(kpiMismatches(await readKpis(page), await cli(YANTAI)), 'the run after Cancel differs');
    },
  },
  {
    name: 'an invalid field shows its message and blocks the run; correcting it unblocks',
    async fn({ open }) {
      const { page } = await open();
      await waitForRunDone(page); // Run is disabled while a run goes on, which would make the check below vacuous
      const field = tid('field-rules.pay.base');
      const error = tid('error-rules.pay.base');
      await reveal(page, field);
      const before = await page.inputValue(field);
      assert(await page.isEnabled(tid('run-compare')), 'run-compare is disabled before the edit');
      assert((await page.locator(error).count()) === 0, 'error-rules.pay.base is shown before any edit');

      await page.fill(field, '-3');
      await page.waitForSelector(error, { state: 'visible', timeout: 5_000 });
      const message = ((await page.textContent(error)) ?? '').trim();
      assert(message.length > 0, 'error-rules.pay.base is empty');
      assert(await page.isDisabled(tid('run-compare')), 'run-compare is still enabled with rules.pay.base = -3');
      assert((await page.getAttribute(field, 'aria-invalid')) === 'true', 'the field is not marked aria-invalid');
      await page.click(tid('run-compare'), { force: true, timeout: 2_000 }).catch(() => undefined);
      assert((await page.locator(tid('cancel-run')).isDisabled()) === true, 'a run started despite the invalid field');

      await page.fill(field, before);
      await page.waitForSelector(error, { state: 'detached', timeout: 5_000 });
      assert(await page.isEnabled(tid('run-compare')), 'run-compare stays disabled after the value is corrected');
    },
  },
  {
    name: 'the language toggle switches every label between zh-CN and en; the browser language picks the start',
    async fn({ open }) {
      const labels = (page) =>
        page.evaluate(() => ({
          lang: document.documentElement.lang,
          title: document.title,
          run: document.querySelector('[data-testid="run-compare"]')?.textContent ?? '',
          toggle: document.querySelector('[data-testid="language-toggle"]')?.textContent ?? '',
          heading: document.querySelector('h1')?.textContent ?? '',
        }));
      const { page } = await open({ locale: 'zh-CN' });
      await waitForRunDone(page);
      const zh = await labels(page);
      const kpis = await readKpis(page);
      assert(zh.lang === 'zh-CN', `a zh-CN browser opened in ${zh.lang}`);
      assert(HAN.test(zh.run) && HAN.test(zh.title), `Chinese labels expected: ${JSON.stringify(zh)}`);

      await page.click(tid('language-toggle'));
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const en = await labels(page);
      for (const key of ['title', 'run', 'toggle', 'heading']) {
        assert(en[key] !== zh[key], `${key} did not change with the language: ${en[key]}`);
      }
      assert(!HAN.test(en.run) && !HAN.test(en.title), `English labels expected: ${JSON.stringify(en)}`);
      assert(JSON.stringify(await readKpis(page)) === JSON.stringify(kpis), 'the numbers changed with the language');

      await page.click(tid('language-toggle'));
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      assert(JSON.stringify(await labels(page)) === JSON.stringify(zh), 'toggling twice did not restore the labels');

      const english = await open({ locale: 'en-US' });
      const fresh = await labels(english.page);
      assert(fresh.lang === 'en', `an en-US browser opened in ${fresh.lang}`);
      assert(fresh.run === en.run, `an en-US browser's run button says ${fresh.run}, not ${en.run}`);
    },
  },
  {
    name: `screenshots of the ${YANTAI} dashboard in zh-CN and en (test-artifacts/)`,
    async fn({ open }) {
      const { page } = await open({ locale: 'zh-CN' });
      await waitForRunDone(page);
      await runYantai(page);
      mkdirSync(ARTIFACTS, { recursive: true });
      for (const lang of ['zh-CN', 'en']) {
        if ((await page.evaluate(() => document.documentElement.lang)) !== lang) {
          await page.click(tid('language-toggle'));
          await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        }
        await page.evaluate(() => document.fonts.ready);
        const file = join(ARTIFACTS, `dashboard-${lang}.png`);
        rmSync(file, { force: true });
        await page.screenshot({ path: file, fullPage: true });
        assert(statSync(file).size > 10_000, `${file} is suspiciously small`);
      }
    },
  },
  {
    name: 'Export: the pack downloaded from the app verifies with the CLI and equals `fairpace evidence` byte for byte',
    async fn({ open }) {
      const dir = tempDir();
      try {
        const { page } = await open();
        await waitForRunDone(page); // the opening demo-small comparison
        const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('export-pack'))]);
        assert(
          download.suggestedFilename() === `fairpace-${DEMO}.zip`,
          `the download is named ${download.suggestedFilename()}`,
        );
        const fromApp = join(dir, 'app.zip');
        await download.saveAs(fromApp);
        await page.waitForSelector(`${tid('evidence-status')}[data-phase="exported"]`, { timeout: 10_000 });

        const verified = await fairpace(['verify', fromApp, '--workers', '2']);
        assert(
          verified.code === 0 && verified.stdout.trim() === 'verified',
          `fairpace verify on the app's pack: exit ${verified.code}\n${verified.stdout}${verified.stderr}`,
        );
        const fromCli = join(dir, 'cli.zip');
        const made = await fairpace(['evidence', `scenarios/${DEMO}.json`, '--out', fromCli, '--quiet']);
        assert(made.code === 0, `fairpace evidence failed: ${made.stderr}`);
        const a = readFileSync(fromApp);
        const b = readFileSync(fromCli);
        assert(a.equals(b), `the app's pack (${a.length} bytes) differs from the CLI's (${b.length} bytes)`);
        const manifest = JSON.parse(strFromU8(unzipSync(new Uint8Array(a))['manifest.json']));
        assert(/^fairpace evidence scenario\.json --arms /.test(manifest.command), `command: ${manifest.command}`);
        // The browser build and the CLI computed the same model fingerprint, and the about line shows it.
        const version = await fairpace(['--version']);
        assert(version.stdout.includes(`model fingerprint ${manifest.modelDigest}\n`), `--version: ${version.stdout}`);
        assert(
          (await page.getAttribute(tid('about'), 'data-model-digest')) === manifest.modelDigest,
          'the workbench shows another model fingerprint than its pack records',
        );
        const about = (await page.textContent(tid('about'))) ?? '';
        assert(about.includes(manifest.modelDigest) && HAN.test(about), `the about line: ${about}`);

        // The same pack verified in the app, on its worker pool; then a file that is no zip is explained.
        await page.setInputFiles(tid('verify-input'), fromApp);
        const ok = await verifyOutcome(page);
        assert(ok.outcome === 'verified' && /verified/.test(ok.text), `the app says: ${JSON.stringify(ok)}`);
        const bad = join(dir, 'bad.zip');
        writeFileSync(bad, 'this is not a zip file');
        await page.setInputFiles(tid('verify-input'), bad);
        await page.waitForSelector(`${tid('verify-result')}[data-outcome="error"]`, { timeout: 10_000 });
        const text = (await page.textContent(tid('verify-result'))) ?? '';
        assert(/bad\.zip/.test(text) && text.length > 30, `the bad zip's message: ${text}`);
        // A pack of another model is named as such, with both fingerprints and the version to use.
        const files = unzipSync(new Uint8Array(a));
        const theirs = 'c0ffee'.padEnd(64, '0');
        files['manifest.json'] = strToU8(
          JSON.stringify({ ...manifest, modelDigest: theirs, fairpaceVersion: '0.3.1' }),
        );
        const other = join(dir, 'other.zip');
        writeFileSync(other, zipSync(files));
        await page.setInputFiles(tid('verify-input'), other);
        await page.waitForSelector(`${tid('verify-result')}[data-outcome="other-model"]`, { timeout: 10_000 });
        const otherText = (await page.textContent(tid('verify-result'))) ?? '';
        assert(
          otherText.includes(theirs) && otherText.includes(manifest.modelDigest) && otherText.includes('0.3.1'),
          `the other model's message: ${otherText}`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'Export after an edit: asks first; the results shown and the edited scenario run for it both verify with the CLI',
    async fn({ open }) {
      const dir = tempDir();
      try {
        const { page } = await open();
        await waitForRunDone(page);

        const field = tid('field-rules.pay.base');
        await reveal(page, field);
        const edited = Number(await page.inputValue(field)) + 2;
        await page.fill(field, String(edited));
        await reveal(page, tid('export-pack'));
        await page.click(tid('export-pack'));
        await page.waitForSelector(tid('export-choice'), { timeout: 5_000 });
        const question = (await page.textContent(tid('export-choice'))) ?? '';
        assert(HAN.test(question), `the choice is not in Chinese: ${question}`);

        // The results on screen, with their own scenario: the preset's pack, as `fairpace evidence` makes it.
        const [shownDownload] = await Promise.all([page.waitForEvent('download'), page.click(tid('export-shown'))]);
        assert(
          shownDownload.suggestedFilename() === `fairpace-${DEMO}.zip`,
          `named ${shownDownload.suggestedFilename()}`,
        );
        const shown = join(dir, 'shown.zip');
        await shownDownload.saveAs(shown);
        await page.waitForSelector(`${tid('evidence-status')}[data-phase="exported"]`, { timeout: 10_000 });
        const preset = join(dir, 'preset.zip');
        const made = await fairpace(['evidence', `scenarios/${DEMO}.json`, '--out', preset, '--quiet']);
        assert(made.code === 0, `fairpace evidence failed: ${made.stderr}`);
        assert(readFileSync(shown).equals(readFileSync(preset)), 'the shown results’ pack differs from the CLI’s');
        const shownVerified = await fairpace(['verify', shown, '--workers', '2']);
        assert(shownVerified.code === 0, `verify of the shown pack: ${shownVerified.stdout}${shownVerified.stderr}`);

        // The edited scenario, run for the export: its pack equals the CLI's on the downloaded scenario.
        await page.click(tid('export-pack'));
        await page.waitForSelector(tid('export-choice'), { timeout: 5_000 });
        const [editedDownload] = await Promise.all([
          page.waitForEvent('download', { timeout: 60_000 }),
          page.click(tid('export-edited')),
        ]);
        assert(
          editedDownload.suggestedFilename() === `fairpace-${DEMO}-edited.zip`,
          `named ${editedDownload.suggestedFilename()}`,
        );
        const fromApp = join(dir, 'edited.zip');
        await editedDownload.saveAs(fromApp);
        await page.waitForSelector(tid('export-shows-edited'), { timeout: 10_000 });
        const verified = await fairpace(['verify', fromApp, '--workers', '2']);
        assert(
          verified.code === 0 && verified.stdout.trim() === 'verified',
          `verify of the edited pack: exit ${verified.code}\n${verified.stdout}${verified.stderr}`,
        );
        const files = unzipSync(new Uint8Array(readFileSync(fromApp)));
        const scenario = JSON.parse(strFromU8(files['scenario.json']));
        assert(scenario.rules.pay.base === edited, `the pack's base pay is ${scenario.rules.pay.base}, not ${edited}`);
        const [scenarioDownload] = await Promise.all([
          page.waitForEvent('download'),
          page.click(tid('download-scenario')),
        ]);
        const editedFile = join(dir, 'edited.json');
        await scenarioDownload.saveAs(editedFile);
        const fromCli = join(dir, 'cli.zip');
        const again = await fairpace(['evidence', editedFile, '--out', fromCli, '--quiet']);
        assert(again.code === 0, `fairpace evidence failed: ${again.stderr}`);
        assert(readFileSync(fromApp).equals(readFileSync(fromCli)), 'the edited pack differs from the CLI’s');
        // The screen now shows the exported results, so Export no longer asks.
        assertNoProblems(
          kpiMismatches(await readKpis(page), JSON.parse(strFromU8(files['results.json']))),
          'headline numbers on screen that differ from the exported results',
        );
        assert((await page.locator('.stale').count()) === 0, 'the results are still marked as stale');
        const [direct] = await Promise.all([page.waitForEvent('download'), page.click(tid('export-pack'))]);
        assert((await page.locator(tid('export-choice')).count()) === 0, 'Export asked although nothing differs');
        assert(direct.suggestedFilename() === `fairpace-${DEMO}.zip`, `named ${direct.suggestedFilename()}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'Export after bargaining runs carries target, sensitivity and zone byte for byte as `evidence --include`',
    async fn({ open }) {
      const dir = tempDir();
      try {
        const { page } = await open();
        await waitForRunDone(page);
        await runTargetPanel(page);
        await page.fill(tid('tornado-replications'), '2');
        await page.click(tid('tornado-run'));
        await waitForJob(page, 'tornado');
        // The grid and limits of the CLI command below, whatever the panel opens on.
        await fillZonePanel(page, { replications: 3 });
        await page.click(tid('zone-run'));
        await waitForJob(page, 'zone');

        for (const kind of ['target', 'sensitivity', 'zone']) {
          assert(await page.isChecked(tid(`include-${kind}`)), `include-${kind} is not checked after its run`);
        }
        await reveal(page, tid('export-pack'));
        const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('export-pack'))]);
        const fromApp = join(dir, 'app.zip');
        await download.saveAs(fromApp);
        await page.waitForSelector(tid('export-included'), { timeout: 10_000 });

        const scenario = join(ROOT, 'scenarios', `${DEMO}.json`);
        const common = ['--workers', '1', '--quiet'];
        const runs = await Promise.all([
          fairpace([
            'target',
            scenario,
            ...['--param', 'rules.pay.base', '--min', '0', '--max', '40', '--arm', 'median', '--replications', '2'],
            ...[
              '--max-steps',
              '12',
              '--target',
              'earnings.netPerOnlineHour.mean >= 15',
              '--out',
              join(dir, 'target.json'),
              '--precision',
              '0.005',
            ],
            ...common,
          ]),
          fairpace([
            'sensitivity',
            scenario,
            ...['--replications', '2', '--precision', '0.2', '--out', join(dir, 'sensitivity.json'), ...common],
          ]),
          fairpace([
            'zone',
            scenario,
            ...ZONE_ARGS,
            ...['--replications', '3', '--sequential', '--out', join(dir, 'zone.json'), ...common],
          ]),
        ]);
        for (const r of runs) assert(r.code === 0, `a bargaining command failed: ${r.stderr}`);
        const include = ['target', 'sensitivity', 'zone'].map((k) => join(dir, `${k}.json`)).join(',');
        const fromCli = join(dir, 'cli.zip');
        const made = await fairpace(['evidence', scenario, '--include', include, '--out', fromCli, '--quiet']);
        assert(made.code === 0, `fairpace evidence --include failed: ${made.stderr}`);
        const app = readFileSync(fromApp);
        const cli = readFileSync(fromCli);
        if (!app.equals(cli)) {
          const a = unzipSync(new Uint8Array(app));
          const b = unzipSync(new Uint8Array(cli));
          const differing = Object.keys(b).filter((n) => !a[n] || Buffer.compare(a[n], b[n]) !== 0);
          throw new Error(`the app's pack differs from the CLI's in: ${differing.join(', ')}`);
        }
        const manifest = JSON.parse(strFromU8(unzipSync(new Uint8Array(app))['manifest.json']));
        for (const kind of ['target', 'sensitivity', 'zone']) {
          assert(manifest.files[`bargaining/${kind}.json`], `the pack does not carry bargaining/${kind}.json`);
        }
        const verified = await fairpace(['verify', fromApp, '--workers', '2']);
        assert(
          verified.code === 0 && verified.stdout.trim() === 'verified',
          `verify: exit ${verified.code}\n${verified.stdout}${verified.stderr}`,
        );

        // Results computed on another scenario are not carried into the pack of an edited scenario.
        const field = tid('field-rules.pay.base');
        await reveal(page, field);
        await page.fill(field, String(Number(await page.inputValue(field)) + 1));
        await reveal(page, tid('export-pack'));
        await page.click(tid('export-pack'));
        await page.waitForSelector(tid('export-choice'), { timeout: 5_000 });
        const [editedDownload] = await Promise.all([
          page.waitForEvent('download', { timeout: 60_000 }),
          page.click(tid('export-edited')),
        ]);
        const edited = join(dir, 'edited.zip');
        await editedDownload.saveAs(edited);
        await page.waitForSelector(tid('export-left-out'), { timeout: 10_000 });
        const names = Object.keys(unzipSync(new Uint8Array(readFileSync(edited))));
        assert(!names.some((n) => n.startsWith('bargaining/')), `the edited pack carries ${names.join(', ')}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'report.html of a pack renders in Chromium (screenshot in test-artifacts/)',
    async fn({ open }) {
      const dir = tempDir();
      try {
        const zip = join(dir, 'pack.zip');
        const made = await fairpace(['evidence', `scenarios/${DEMO}.json`, '--out', zip, '--quiet']);
        assert(made.code === 0, `fairpace evidence failed: ${made.stderr}`);
        const html = strFromU8(unzipSync(new Uint8Array(readFileSync(zip)))['report.html']);
        const { context } = await open();
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        const height = await page.evaluate(() => document.body.scrollHeight);
        assert(height > 800, `report.html is only ${height} px tall`);
        mkdirSync(ARTIFACTS, { recursive: true });
        const file = join(ARTIFACTS, 'report.png');
        rmSync(file, { force: true });
        await page.screenshot({ path: file, fullPage: true });
        assert(statSync(file).size > 20_000, `${file} is suspiciously small`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'proposals: an added arm with base pay 8 runs with the others and equals the CLI on the downloaded scenario',
    async fn({ open }) {
      const { page } = await open();
      await waitForRunDone(page);
      await reveal(page, tid('add-arm'));
      await page.click(tid('add-arm'));
      await page.waitForSelector(tid('arm-label-2'));
      assert((await page.locator(tid('arm-label-2')).inputValue()) !== '', 'the new proposal has no label');
      await page.fill(tid('arm-label-2'), 'Union offer / 工会方案');
      const cell = tid('field-arms[2].rules.pay.base');
      if ((await page.locator(cell).count()) === 0) await page.click(tid('arms-show-all'));
      await reveal(page, cell);
      await page.fill(cell, '8');
      // A fourth arm added and removed again leaves three.
      await page.click(tid('add-arm'));
      await page.waitForSelector(tid('remove-arm-3'));
      await page.click(tid('remove-arm-3'));
      assert((await page.locator(tid('arm-label-3')).count()) === 0, 'remove-arm-3 did not remove the fourth arm');
      await page.click(tid('run-compare'));
      await waitForRunDone(page);

      const dir = tempDir();
      try {
        const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('download-scenario'))]);
        const file = join(dir, 'proposals.json');
        await download.saveAs(file);
        const scenario = JSON.parse(readFileSync(file, 'utf8'));
        assert(scenario.arms.length === 3, `the downloaded scenario has ${scenario.arms.length} arms`);
        const added = scenario.arms[2];
        assert(added.id === 'proposal-3', `the added arm's id is ${added.id}`);
        assert(added.label === 'Union offer / 工会方案', `the added arm's label is ${added.label}`);
        assert(added.rules.pay?.base === 8, `the added arm's base pay is ${added.rules.pay?.base}`);
        const comparison = await cliCompare(file);
        const kpis = await readKpis(page);
        const key = 'kpi-earnings.netPerOnlineHour.mean-proposal-3';
        const expected = comparison.arms[2].metrics.earnings.netPerOnlineHour.mean;
        assert(kpis[key] === String(expected), `${key}: browser ${kpis[key]}, CLI ${expected}`);
        assertNoProblems(kpiMismatches(kpis, comparison), 'headline numbers that differ from the CLI');
        assert(comparison.differencesVsFirst?.['proposal-3'], 'the CLI gives no difference vs the first arm');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'Share URL: an edited scenario round-trips through the link; damaged or newer links are explained',
    async fn({ open, origin }) {
      const field = tid('field-rules.pay.base');
      const { page } = await open();
      await waitForRunDone(page);
      await reveal(page, field);
      const edited = String(Number(await page.inputValue(field)) + 1.5);
      await page.fill(field, edited);
      await page.click(tid('run-compare'));
      await waitForRunDone(page);
      const kpis = await readKpis(page);
      await page.click(tid('share-link'));
      const url = await page.inputValue(tid('share-url'));
      assert(/#s=1\.[A-Za-z0-9_-]+$/.test(url), `not a share link: ${url}`);

      const other = await open();
      await other.page.goto(url);
      await other.page.reload();
      await waitForRunDone(other.page); // a share link opens with its comparison computing, like a preset
      await reveal(other.page, field);
      assert(
        (await other.page.inputValue(field)) === edited,
        `the link restored ${await other.page.inputValue(field)}`,
      );
      assert(JSON.stringify(await readKpis(other.page)) === JSON.stringify(kpis), 'the link gives other numbers');

      for (const [hash, pattern] of [
        ['#s=1.bm90IGRlZmxhdGU', /损坏|damaged/],
        ['#s=9.abc', /更新|newer/],
        [`#s=1.${'A'.repeat(70_000)}`, /太长|too long/],
      ]) {
        await other.page.goto(`${origin}/${hash}`);
        await other.page.reload();
        await other.page.waitForSelector(`${tid('scenario-notice')}[data-kind="error"]`, { timeout: 10_000 });
        const text = (await other.page.textContent(tid('scenario-notice'))) ?? '';
        assert(pattern.test(text), `the link ${hash.slice(0, 20)}… shows: ${text}`);
        await waitForRunDone(other.page); // the default preset opens instead
      }
    },
  },
  {
    name: 'saved runs: save, survive a reload, reopen without running, rename, delete; damaged records are skipped',
    async fn({ open }) {
      const { page, workers } = await open();
      await waitForRunDone(page);
      const kpis = await readKpis(page);
      await page.fill(tid('save-name'), 'run A');
      await page.click(tid('save-run'));
      await page.waitForSelector(`${tid('saved-run')} >> text=run A`, { timeout: 10_000 });

      await page.reload();
      await page.waitForSelector(`${tid('saved-run')} >> text=run A`, { timeout: 10_000 });
      await waitForRunDone(page);
      await choosePreset(page, YANTAI); // clears the dashboard
      const started = workers.length;
      await page.click(`${tid('saved-run')} ${tid('open-run')}`);
      await page.waitForSelector(tid('saved-shown'), { timeout: 10_000 });
      assert(JSON.stringify(await readKpis(page)) === JSON.stringify(kpis), 'the reopened run shows other numbers');
      assert((await page.locator(tid('progress')).count()) === 0, 'reopening a saved run showed a progress bar');
      assert(workers.length === started, 'reopening a saved run started workers');
      assert((await page.getAttribute(tid('run-status'), 'data-phase')) === 'idle', 'reopening ran something');

      await page.click(`${tid('saved-run')} ${tid('rename-run')}`);
      await page.fill(tid('rename-input'), 'run B');
      await page.click(tid('rename-confirm'));
      await page.waitForSelector(`${tid('saved-run-name')} >> text=run B`, { timeout: 10_000 });

      // Two damaged records: a scenario the schema refuses, and a valid record whose numbers were changed.
      await page.evaluate(
        () =>
          new Promise((resolvePromise, reject) => {
            const req = indexedDB.open('fairpace');
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const db = req.result;
              const tx = db.transaction('savedRuns', 'readwrite');
              const store = tx.objectStore('savedRuns');
              store.getAll().onsuccess = (e) => {
                const good = e.target.result[0];
                const tampered = structuredClone(good);
                delete tampered.id;
                tampered.name = 'tampered';
                tampered.comparison.arms[0].metrics.earnings.shareBelowMinWage += 0.1;
                store.add(tampered);
                store.add({ ...tampered, name: 'bad scenario', scenario: { schemaVersion: 1, population: 'x' } });
              };
              tx.oncomplete = () => resolvePromise(undefined);
              tx.onerror = () => reject(tx.error);
            };
          }),
      );
      await page.reload();
      await page.waitForSelector(`${tid('saved-runs')}[data-loaded="true"]`, { timeout: 10_000 });
      const broken = await page.locator(tid('saved-run-broken')).allTextContents();
      assert(broken.length === 2, `expected 2 damaged records reported, got ${broken.length}: ${broken.join(' | ')}`);
      assert(
        broken.some((b) => /digest/.test(b)) && broken.some((b) => /population/.test(b)),
        `the reasons: ${broken.join(' | ')}`,
      );
      const names = await page.locator(tid('saved-run-name')).allTextContents();
      assert(JSON.stringify(names) === JSON.stringify(['run B']), `the list shows ${JSON.stringify(names)}`);

      await page.click(`${tid('saved-run')} ${tid('delete-run')}`);
      await page.waitForFunction(() => !document.querySelector('[data-testid="saved-run"]'), undefined, {
        timeout: 10_000,
      });
      await page.reload();
      await page.waitForSelector(`${tid('saved-runs')}[data-loaded="true"]`, { timeout: 10_000 });
      assert((await page.locator(tid('saved-run')).count()) === 0, 'the deleted run came back after a reload');
    },
  },
  {
    name: 'scenario upload: an HTML/script name shows as text and runs nothing; an invalid file lists its problems',
    async fn({ open }) {
      const dir = tempDir();
      try {
        const raw = JSON.parse(readFileSync(join(ROOT, 'scenarios', `${DEMO}.json`), 'utf8'));
        const hostile = join(dir, 'hostile.json');
        writeFileSync(hostile, JSON.stringify({ ...raw, meta: { ...raw.meta, name: PAYLOAD, description: PAYLOAD } }));
        const { page } = await open();
        await waitForRunDone(page);
        await page.setInputFiles(tid('upload-scenario'), hostile);
        await page.waitForSelector(`${tid('scenario-notice')}[data-kind="info"]`, { timeout: 10_000 });
        await page.click(tid('run-compare'));
        await waitForRunDone(page);
        const shown = (await page.textContent(tid('result-scenario-name'))) ?? '';
        assert(shown.includes(PAYLOAD), `the name is not shown as text: ${shown}`);
        assert(((await page.textContent(tid('scenario-notice'))) ?? '').includes(PAYLOAD), 'notice lacks the name');
        const state = await page.evaluate(() => ({
          pwned: window.__pwned,
          imgs: document.querySelectorAll('#root img').length,
          scripts: document.querySelectorAll('#root script').length,
        }));
        assert(state.pwned === undefined, `window.__pwned is ${state.pwned}`);
        assert(state.imgs === 0 && state.scripts === 0, `the payload became elements: ${JSON.stringify(state)}`);

        const invalid = join(dir, 'invalid.json');
        writeFileSync(invalid, JSON.stringify({ ...raw, population: { ...raw.population, couriers: -5 } }));
        await page.setInputFiles(tid('upload-scenario'), invalid);
        await page.waitForSelector(tid('scenario-tools-error'), { timeout: 10_000 });
        const problems = (await page.textContent(tid('scenario-tools-error'))) ?? '';
        assert(/population\.couriers: /.test(problems), `the upload's problems: ${problems}`);
        const notJson = join(dir, 'not.json');
        writeFileSync(notJson, '{ nope');
        await page.setInputFiles(tid('upload-scenario'), notJson);
        await page.waitForFunction(
          () => /JSON/.test(document.querySelector('[data-testid="scenario-tools-error"]')?.textContent ?? ''),
          undefined,
          { timeout: 10_000 },
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'MDRP import: four files picked together replay as the CLI does; a malformed orders.txt names file and line',
    async fn({ open }) {
      const dir = tempDir();
      try {
        const instance = join(dir, 'tiny-mdrp');
        mkdirSync(instance);
        const files = writeMdrpInstance(instance, MDRP_ORDERS);
        const scenarioFile = join(dir, 's.json');
        const imported = await fairpace(['import', 'mdrp', instance, '--out', scenarioFile]);
        assert(imported.code === 0, `fairpace import mdrp failed: ${imported.stderr}`);
        const compared = await fairpace(['compare', scenarioFile, '--workers', '1', '--quiet']);
        assert(compared.code === 0, `fairpace compare failed: ${compared.stderr}`);
        const cliArm = JSON.parse(compared.stdout).arms[0];
        const expected = String(cliArm.metrics.mdrp.deliveredShare);

        const { page } = await open();
        await waitForRunDone(page);
        await page.setInputFiles(tid('import-mdrp'), files);
        await page.waitForSelector(`${tid('scenario-notice')}[data-kind="info"]`, { timeout: 10_000 });
        const cell = tid(`kpi-mdrp.deliveredShare-${cliArm.id}`);
        await page.waitForSelector(cell, { state: 'attached', timeout: 60_000 });
        await waitForRunDone(page);
        const shown = await page.getAttribute(cell, 'data-value');
        assert(shown === expected, `delivered share: browser ${shown}, CLI ${expected}`);
        for (const field of ['clickToDoorMin.mean', 'clickToDoorMin.p90', 'totalCourierPay']) {
          const value = await page.getAttribute(tid(`kpi-mdrp.${field}-${cliArm.id}`), 'data-value');
          const want = String(field.split('.').reduce((node, key) => node[key], cliArm.metrics.mdrp));
          assert(value === want, `mdrp.${field}: browser ${value}, CLI ${want}`);
        }
        const picked = await page.inputValue(tid('preset-select'));
        assert(picked === '__custom__', `the imported instance is not the current scenario (picker: ${picked})`);

        // The folder picker gives the same instance, named after the folder.
        await page.setInputFiles(tid('import-mdrp-folder'), instance);
        await page.waitForFunction(
          () => /tiny-mdrp/.test(document.querySelector('[data-testid="scenario-notice"]')?.textContent ?? ''),
          undefined,
          { timeout: 10_000 },
        );
        await waitForRunDone(page);

        const bad = join(dir, 'bad');
        mkdirSync(bad);
        const badFiles = writeMdrpInstance(bad, `${MDRP_ORDERS}o5\t100\t100\t30\n`);
        await page.setInputFiles(tid('import-mdrp'), badFiles);
        await page.waitForSelector(tid('import-error'), { timeout: 10_000 });
        const message = (await page.textContent(tid('import-error'))) ?? '';
        assert(/orders\.txt:6: expected 6 columns/.test(message), `the import error: ${message}`);
        await page.setInputFiles(tid('import-mdrp'), badFiles.slice(0, 3));
        await page.waitForFunction(
          () =>
            /instance_parameters\.txt/.test(document.querySelector('[data-testid="import-error"]')?.textContent ?? ''),
          undefined,
          { timeout: 10_000 },
        );
        assert(await page.isVisible(tid('preset-select')), 'the page went blank after a bad import');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'bargaining: the target panel finds the same value and cost as `fairpace target`',
    async fn({ open }) {
      const { page } = await open();
      await waitForRunDone(page);
      await runTargetPanel(page, { min: 0, max: 40 });
      const shown = await page.evaluate(() => {
        const el = document.querySelector('[data-testid="target-result"]');
        const cost = document.querySelector('[data-testid="target-cost"]');
        return {
          reached: el?.getAttribute('data-reached'),
          value: el?.getAttribute('data-value'),
          text: el?.textContent ?? '',
          payChange: cost?.getAttribute('data-pay-change'),
        };
      });
      const cli = await fairpace([
        'target',
        join(ROOT, 'scenarios', `${DEMO}.json`),
        ...['--param', 'rules.pay.base', '--min', '0', '--max', '40', '--arm', 'median', '--replications', '2'],
        ...['--max-steps', '12', '--target', 'earnings.netPerOnlineHour.mean >= 15', '--workers', '1', '--quiet'],
        // The panel's search is the sequential one (APP_TARGET_PRECISION in TargetPanel.tsx).
        ...['--precision', '0.005'],
      ]);
      assert(cli.code === 0, `fairpace target failed: ${cli.stderr}`);
      const expected = JSON.parse(cli.stdout);
      assert(shown.reached === String(expected.reached), `reached: app ${shown.reached}, CLI ${expected.reached}`);
      assert(Number(shown.value) === expected.value, `value: app ${shown.value}, CLI ${expected.value}`);
      assert(
        Number(shown.payChange) === expected.platformCost.change.courierPay.mean,
        `courier pay change: app ${shown.payChange}, CLI ${expected.platformCost.change.courierPay.mean}`,
      );
      // The sentence states the value at the parameter's display precision (0.01 CNY for base pay), rounded up for a
      // smallest value so that the stated pay still meets the target (shownTargetValue in src/app/bargainDefaults.ts).
      const stated = (Math.ceil(expected.value / 0.01 - 1e-9) * 0.01).toFixed(2);
      assert(shown.text.includes(stated), `the result text does not state the value ${stated}: ${shown.text}`);
      const progress = await page.getAttribute(tid('target-progress'), 'data-done');
      assert(Number(progress) > 0, `the target progress bar shows ${progress} runs done`);
    },
  },
  {
    name: 'bargaining: the tornado chart draws a low and a high bar per parameter of `fairpace sensitivity`',
    async fn({ open }) {
      const { page } = await open();
      await waitForRunDone(page);
      await reveal(page, tid('tornado-panel'));
      await page.fill(tid('tornado-replications'), '2');
      await page.click(tid('tornado-run'));
      await waitForJob(page, 'tornado');
      await page.waitForSelector(`${tid('chart-tornado')} svg g[aria-label]`, { state: 'attached', timeout: 10_000 });
      const cli = await fairpace([
        'sensitivity',
        join(ROOT, 'scenarios', `${DEMO}.json`),
        ...['--replications', '2', '--workers', '1', '--quiet'],
      ]);
      assert(cli.code === 0, `fairpace sensitivity failed: ${cli.stderr}`);
      const expected = JSON.parse(cli.stdout);
      const bars = await page.evaluate(
        () => document.querySelectorAll('[data-testid="chart-tornado"] svg g[aria-label="bar"] rect').length,
      );
      assert(bars === 2 * expected.params.length, `${bars} bars, expected ${2 * expected.params.length}`);
      const found = await chartMarks(page, 'chart-tornado');
      assert(found && found.drawn > 0, 'chart-tornado draws nothing');
      const flips = (await page.textContent(tid('tornado-flips'))) ?? '';
      // The panel names parameters, not paths: it lists one "…方向翻转" / "… flips …" per flip the CLI finds.
      const expectedFlips = expected.params.reduce((n, x) => n + x.flips.length, 0);
      if (expectedFlips === 0) {
        assert(/没有参数|No parameter flips/.test(flips), `no flip expected, the panel says: ${flips}`);
      } else {
        const shown = (flips.match(/方向翻转| flips /g) ?? []).length;
        assert(shown === expectedFlips, `${shown} flips listed, the CLI finds ${expectedFlips}: ${flips}`);
      }
    },
  },
  {
    name: 'bargaining: the zone heat-map shades the cells `fairpace zone --sequential` accepts and marks the current proposal',
    async fn({ open }) {
      const { page } = await open();
      await waitForRunDone(page);
      await fillZonePanel(page, { replications: 3 });
      await page.click(tid('zone-run'));
      await waitForJob(page, 'zone');
      await page.waitForSelector(`${tid('chart-zone')} svg g[aria-label]`, { state: 'attached', timeout: 10_000 });
      const cli = await fairpace([
        'zone',
        join(ROOT, 'scenarios', `${DEMO}.json`),
        ...ZONE_ARGS,
        ...['--replications', '3', '--sequential', '--workers', '1', '--quiet'],
      ]);
      assert(cli.code === 0, `fairpace zone failed: ${cli.stderr}`);
      const expected = JSON.parse(cli.stdout);
      assert(expected.agreedCells > 0, 'the CLI found no agreed cell: the test setup is wrong');
      const shown = await page.evaluate(() => {
        const q = (id) => document.querySelector(`[data-testid="${id}"]`);
        const chart = q('chart-zone');
        return {
          agreed: q('zone-summary')?.getAttribute('data-agreed'),
          cheapest: q('zone-cheapest')?.getAttribute('data-index'),
          best: q('zone-best-union')?.getAttribute('data-index'),
          cells: chart?.querySelectorAll('svg g[aria-label="cell"] rect').length ?? 0,
          stars: [...(chart?.querySelectorAll('svg g[aria-label="text"] text') ?? [])].map((t) => t.textContent),
        };
      });
      assertZoneAsCli(shown, expected);
      assert(shown.cells === 4, `chart-zone has ${shown.cells} cells, expected 4`);
      assert(
        shown.stars.length === 1 && shown.stars[0] === '★',
        `the current proposal is not starred once: ${shown.stars}`,
      );
    },
  },
  {
    name: 'rider audit: dropped records audit in the page in both languages, the zip equals `fairpace audit riders` byte for byte and holds no rider id',
    async fn({ open }) {
      const dir = tempDir();
      try {
        const records = join(dir, 'riders.csv');
        const online = join(dir, 'online.csv');
        const bad = join(dir, 'riders-bad.csv');
        writeFileSync(records, RIDER_RECORDS);
        writeFileSync(online, RIDER_ONLINE);
        writeFileSync(bad, RIDER_RECORDS.replace('2024-05-06T10:40:00+08:00', '2024-05-06T10:05:00+08:00'));

        const { page } = await open();
        await waitForRunDone(page);
        await reveal(page, tid('rider-audit'));
        await page.setInputFiles(tid('audit-records'), records);
        await page.setInputFiles(tid('audit-online'), online);
        await page.waitForSelector(tid('audit-result'), { timeout: 10_000 });
        const value = (id) => page.getAttribute(tid(`audit-figure-${id}`), 'data-value');
        assert(
          (await value('net-per-hour-mean')) === '1.44',
          `net per online hour: ${await value('net-per-hour-mean')}`,
        );
        assert((await value('below-min-wage')) === '1', `below the minimum wage: ${await value('below-min-wage')}`);
        const zhTable = (await page.textContent(tid('rider-audit'))) ?? '';
        assert(zhTable.includes('每在线小时净收入'), `the audit is not in Chinese: ${zhTable.slice(0, 200)}`);
        await page.click(tid('language-toggle'));
        await page.waitForFunction(() => document.documentElement.lang === 'en');
        const enTable = (await page.textContent(tid('rider-audit'))) ?? '';
        assert(
          enTable.includes('Net pay per online hour, mean'),
          `the audit is not in English: ${enTable.slice(0, 200)}`,
        );
        assert(enTable.includes('uploaded nowhere'), 'the panel does not say that nothing is uploaded');

        const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('audit-download-zip'))]);
        assert(download.suggestedFilename() === 'audit.zip', `named ${download.suggestedFilename()}`);
        const fromApp = join(dir, 'app-audit.zip');
        await download.saveAs(fromApp);
        const appBytes = new Uint8Array(readFileSync(fromApp));
        const files = unzipSync(appBytes);
        for (const [name, bytes] of Object.entries(files)) {
          assert(!/alice|bob-002/.test(strFromU8(bytes)), `${name} holds a rider id`);
        }

        // The CLI with the page's salt writes the same zip.
        const saltFile = join(dir, 'page.salt');
        writeFileSync(saltFile, `${await page.inputValue(tid('audit-salt'))}\n`);
        const cliZip = join(dir, 'cli-audit.zip');
        const made = await fairpace([
          'audit',
          'riders',
          records,
          '--online',
          online,
          '--standards',
          'yantai-2021',
          '--salt-file',
          saltFile,
          '--out',
          cliZip,
          '--quiet',
        ]);
        assert(made.code === 0, `fairpace audit riders failed: ${made.stderr}`);
        const cliBytes = new Uint8Array(readFileSync(cliZip));
        assert(
          cliBytes.length === appBytes.length && cliBytes.every((b, i) => b === appBytes[i]),
          "the audit.zip of the page differs from the CLI's",
        );

        // The report renders; its screenshot goes to test-artifacts/.
        const report = page.context().newPage();
        const reportPage = await report;
        await reportPage.setContent(strFromU8(files['report.html']), { waitUntil: 'load' });
        await reportPage.evaluate(() => document.fonts.ready);
        mkdirSync(ARTIFACTS, { recursive: true });
        const shot = join(ARTIFACTS, 'audit-report.png');
        rmSync(shot, { force: true });
        await reportPage.screenshot({ path: shot, fullPage: true });
        assert(statSync(shot).size > 20_000, `${shot} is suspiciously small`);
        await reportPage.close();

        // A malformed file names file and line, in the page as in the CLI.
        await page.setInputFiles(tid('audit-records'), bad);
        await page.waitForSelector(tid('audit-error'), { timeout: 10_000 });
        const message = (await page.textContent(tid('audit-error'))) ?? '';
        assert(
          /riders-bad\.csv:2: delivered_at (\(column 4\) \S+ )?is before picked_up_at/.test(message),
          `the audit error: ${message}`,
        );
        assert(!/alice/.test(message), 'the error names the rider');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  ...provisionalTests,
  ...provisionalToolsTests,
  ...(await import('./provisionalTarget.mjs')).provisionalTargetTests,
  ...(await import('./provisionalTornado.mjs')).provisionalTornadoTests,
  ...bargainSidesTests,
  ...robustnessTests,
  ...backtestTests,
  ...(await import('./guideTruth.mjs')).guideTruthTests,
  ...(await import('./reportScreen.mjs')).reportScreenTests,
  {
    name: 'no request left the page’s own origin, and every request was answered',
    async fn({ open, origin, allRequests, server }) {
      const { page } = await open();
      await waitForRunDone(page);
      await page.click(tid('language-toggle'));
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const urls = [...new Set(allRequests)];
      // The recorder must see the page's own requests, worker scripts included, or the check below proves nothing.
      assert(urls.includes(`${origin}/`), `the page's own document was not recorded: ${urls.join(', ')}`);
      assert(
        urls.some((u) => /worker.*\.js$/.test(u)),
        `no worker script request was recorded: ${urls.join(', ')}`,
      );
      // data: and blob: URLs are read from memory, not requested from anywhere.
      const outside = urls.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin);
      assert(outside.length === 0, `requests outside ${origin}:\n      ${outside.join('\n      ')}`);
      assert(server.failures.length === 0, `requests the server refused:\n      ${server.failures.join('\n      ')}`);
    },
  },
];

// ── the harness ──────────────────────────────────────────────────────────────────────────────────────────────────

let passed = 0;
let failed = 0;
let resultWritten = false;

function writeResult() {
  if (resultWritten) return;
  resultWritten = true;
  const file = process.env.FAIRPACE_E2E_RESULT;
  if (file) writeFileSync(file, `${JSON.stringify({ passed, failed })}\n`);
}

const filters = process.argv.slice(2).map((word) => word.toLowerCase());
const selected = filters.length ? tests.filter((t) => filters.some((w) => t.name.toLowerCase().includes(w))) : tests;

const watchdog = setTimeout(() => {
  console.error(`✗ the browser tests took longer than ${WATCHDOG_MS / 1000} s; stopping`);
  failed += 1;
  writeResult();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  process.exit(1); // Playwright stops the browser when this process exits
}, WATCHDOG_MS);
watchdog.unref();

const started = Date.now();
let browser;
let server;
let buildDir;
try {
  let setupError;
  try {
    // Check for Chromium before spending time on the build.
    browser = await launchBrowser();
    const prebuilt = process.env.FAIRPACE_E2E_DIST;
    console.log(`chromium ${browser.version()}; ${prebuilt ? `using the build in ${prebuilt}` : 'building the app…'}`);
    if (!prebuilt) buildDir = await buildApp();
    server = await serveStatic(prebuilt ? resolve(ROOT, prebuilt) : buildDir);
    console.log(`serving at ${server.origin}`);
  } catch (error) {
    setupError = error;
  }

  if (setupError) {
    console.log(`✗ setup: ${setupError.message}`);
    failed += 1;
    for (const test of selected) {
      console.log(`✗ ${test.name} (not run)`);
      failed += 1;
    }
  } else {
    const comparisons = new Map();
    /** The CLI's comparison of a preset, computed once and shared. */
    const cli = (preset) => {
      if (!comparisons.has(preset)) {
        const promise = cliCompare(join(ROOT, 'scenarios', `${preset}.json`));
        promise.catch(() => undefined);
        comparisons.set(preset, promise);
      }
      return comparisons.get(preset);
    };
    void cli(DEMO); // computed while the browser works
    void cli(YANTAI);
    const allRequests = [];

    let notRendered = false;
    for (const test of selected) {
      if (notRendered) {
        console.log(`✗ ${test.name} (not run: the app did not render)`);
        failed += 1;
        continue;
      }
      const opened = [];
      const open = async (options = {}) => {
        const app = await openApp(browser, server.origin, { ...options, allRequests });
        opened.push(app);
        return app;
      };
      const t0 = Date.now();
      let timer;
      try {
        await Promise.race([
          test.fn({ open, cli, origin: server.origin, allRequests, server }),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${TEST_TIMEOUT_MS / 1000} s`)), TEST_TIMEOUT_MS);
          }),
        ]);
        // Any test fails on a console error or an uncaught exception in any of its pages.
        const errors = opened.flatMap((app) => app.errors);
        assert(errors.length === 0, `console errors:\n      ${errors.join('\n      ')}`);
        passed += 1;
        console.log(`✓ ${test.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      } catch (error) {
        failed += 1;
        const errors = opened.flatMap((app) => app.errors).filter((e) => !error?.message?.includes(e));
        const lines = [...(error?.message ?? String(error)).split('\n').slice(0, 12), ...errors.slice(0, 5)];
        console.log(`✗ ${test.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n    ${lines.join('\n    ')}`);
        if (error?.appDidNotRender) notRendered = true;
      } finally {
        clearTimeout(timer);
        await Promise.all(opened.map((app) => app.context.close().catch(() => undefined)));
      }
    }
  }
} finally {
  await browser?.close().catch(() => undefined);
  await server?.close();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
}

if (passed + failed === 0) {
  console.log('✗ no browser test matched the filter');
  failed += 1;
}
console.log(`e2e: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
writeResult();
clearTimeout(watchdog);
process.exitCode = failed > 0 ? 1 : 0;
