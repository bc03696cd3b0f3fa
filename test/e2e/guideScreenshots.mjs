// The README's pictures of the cost sentence and the guide, in Chinese and in English, after a comparison of one
// preset: docs/cost-zh.png, docs/cost-en.png, docs/guide-zh.png, docs/guide-en.png. Not part of `npm test`.
//
//   node test/e2e/guideScreenshots.mjs [--preset yantai-2021] [--step 1]
/* global document -- code passed to page.evaluate runs in the browser */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildApp,
  choosePreset,
  launchBrowser,
  openApp,
  ROOT,
  savePng,
  serveStatic,
  tid,
  waitForRunDone,
} from './support.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const preset = arg('--preset', 'yantai-2021');
const stepNumber = Number(arg('--step', '1'));
/** Above this a PNG is too heavy for a README. */
const MAX_BYTES = 300 * 1024;

async function setLang(page, lang) {
  if ((await page.evaluate(() => document.documentElement.lang)) === lang) return;
  await page.click(tid('language-toggle'));
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await page.evaluate(() => document.fonts.ready);
}

async function shoot(locator, name) {
  const out = join(ROOT, 'docs', name);
  await savePng(locator, out, MAX_BYTES);
}

let browser;
let server;
let buildDir;
try {
  browser = await launchBrowser();
  buildDir = process.env.FAIRPACE_E2E_DIST ?? (await buildApp());
  server = await serveStatic(buildDir);
  const { page, context, errors } = await openApp(browser, server.origin, {
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
  });
  await waitForRunDone(page);
  await choosePreset(page, preset);
  await page.click(tid('run-compare'));
  await waitForRunDone(page);
  await page.mouse.move(0, 0); // no chart tooltip in the pictures
  for (const lang of ['zh-CN', 'en']) {
    await setLang(page, lang);
    await shoot(page.locator(tid('cost-sentence')), `cost-${lang === 'en' ? 'en' : 'zh'}.png`);
  }
  await setLang(page, 'zh-CN');
  await page.click(`${tid('guide')} > summary`);
  await page.click(tid(`guide-step-${stepNumber}`));
  await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid="guide-step"]');
      const status = document.querySelector('[data-testid="guide-status"]');
      return el?.getAttribute('data-shown') !== '' && status?.getAttribute('data-phase') === 'done';
    },
    undefined,
    { timeout: 600_000 },
  );
  await page.waitForSelector(`${tid('guide-step')} svg`);
  for (const lang of ['zh-CN', 'en']) {
    await setLang(page, lang);
    await page.mouse.move(0, 0);
    await shoot(page.locator(tid('guide')), `guide-${lang === 'en' ? 'en' : 'zh'}.png`);
  }
  await context.close();
  if (errors.length) throw new Error(`console errors: ${errors.join('; ')}`);
} finally {
  await browser?.close().catch(() => undefined);
  await server?.close();
  if (buildDir && !process.env.FAIRPACE_E2E_DIST) rmSync(buildDir, { recursive: true, force: true });
}
