// Pictures of the platform's side of a comparison, in Chinese and in English, for a person to look at: the
// platform-cost block and the chart of where each order's money goes, written to test-artifacts/ as
// platform-cost-zh.png, platform-cost-en.png, chart-money-zh.png and chart-money-en.png. Not part of `npm test`.
//
//   node test/e2e/platformScreenshots.mjs [--preset demo-small] [--width 1280]
/* global document -- code passed to page.evaluate runs in the browser */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp, choosePreset, launchBrowser, openApp, ROOT, serveStatic, tid, waitForRunDone } from './support.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const preset = arg('--preset', 'demo-small');
const width = Number(arg('--width', '1280'));
const ARTIFACTS = join(ROOT, 'test-artifacts');

async function setLang(page, lang) {
  if ((await page.evaluate(() => document.documentElement.lang)) === lang) return;
  await page.click(tid('language-toggle'));
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await page.evaluate(() => document.fonts.ready);
}

async function shoot(locator, name) {
  const out = join(ARTIFACTS, name);
  rmSync(out, { force: true });
  await locator.scrollIntoViewIfNeeded();
  await locator.screenshot({ path: out, type: 'png' });
  console.log(`${out}: ${Math.round(statSync(out).size / 1024)} KiB`);
}

let browser;
let server;
let buildDir;
try {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchBrowser();
  buildDir = process.env.FAIRPACE_E2E_DIST ?? (await buildApp());
  server = await serveStatic(buildDir);
  const { page, context, errors } = await openApp(browser, server.origin, {
    locale: 'zh-CN',
    viewport: { width, height: 900 },
  });
  await waitForRunDone(page);
  if (preset !== 'demo-small') {
    await choosePreset(page, preset);
    await page.click(tid('run-compare'));
    await waitForRunDone(page);
  }
  for (const lang of ['zh-CN', 'en']) {
    await setLang(page, lang);
    await page.mouse.move(0, 0); // no chart tooltip in the pictures
    const suffix = lang === 'en' ? 'en' : 'zh';
    await shoot(page.locator(tid('platform-cost')), `platform-cost-${suffix}.png`);
    await page.waitForSelector(`${tid('chart-money')} svg`);
    await shoot(page.locator(tid('chart-money')), `chart-money-${suffix}.png`);
  }
  await context.close();
  if (errors.length) throw new Error(`console errors: ${errors.join('; ')}`);
} finally {
  await browser?.close().catch(() => undefined);
  await server?.close();
  if (buildDir && !process.env.FAIRPACE_E2E_DIST) rmSync(buildDir, { recursive: true, force: true });
}
