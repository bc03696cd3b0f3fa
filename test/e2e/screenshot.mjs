// The README's screenshots: the workbench after a yantai-2021 comparison, one 1280×900 screen per language, written to
// docs/workbench-zh.png and docs/workbench-en.png. Not part of `npm test` (the tests' own screenshots go to
// test-artifacts/).
//
//   node test/e2e/screenshot.mjs [--preset yantai-2021] [--out-dir docs]
/* global document -- code passed to page.evaluate runs in the browser */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
const outDir = resolve(ROOT, arg('--out-dir', 'docs'));
/** Above this the PNG is too heavy for a README. */
const MAX_BYTES = 300 * 1024;

let browser;
let server;
let buildDir;
try {
  browser = await launchBrowser();
  buildDir = await buildApp();
  server = await serveStatic(buildDir);
  const { page, context, errors } = await openApp(browser, server.origin, {
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
  });
  await waitForRunDone(page);
  await choosePreset(page, preset);
  await page.click(tid('run-compare'));
  await waitForRunDone(page);
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0); // no chart tooltip in the picture
  for (const lang of ['zh', 'en']) {
    if (lang === 'en') {
      await page.click(tid('language-toggle'));
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await page.evaluate(() => document.fonts.ready);
      await page.mouse.move(0, 0);
    }
    const out = join(outDir, `workbench-${lang}.png`);
    await savePng(page, out, MAX_BYTES);
  }
  await context.close();
  if (errors.length) throw new Error(`console errors: ${errors.join('; ')}`);
} finally {
  await browser?.close().catch(() => undefined);
  await server?.close();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
}
