// The README's pictures of an evidence pack's report: `fairpace evidence` of yantai-2021 (10 replications, as the preset says), its
// report.html rendered in Debian's Chromium in the Chinese and the English view, the first 1,500 px of each written
// to docs/report-zh.png and docs/report-en.png. Not part of `npm test`.
//
//   node test/e2e/reportScreenshots.mjs [--preset yantai-2021] [--replications 10]
/* global document -- code passed to page.evaluate runs in the browser */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { launchBrowser, ROOT, savePng } from './support.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const preset = arg('--preset', 'yantai-2021');
const replications = arg('--replications', '10');
/** Above this the PNG is too heavy for a README. */
const MAX_BYTES = 450 * 1024;

const dir = mkdtempSync(join(tmpdir(), 'fairpace-report-shot-'));
let browser;
try {
  const zip = join(dir, 'pack.zip');
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'bin', 'fairpace.mjs'),
      'evidence',
      join(ROOT, 'scenarios', `${preset}.json`),
      ...['--replications', replications, '--out', zip, '--quiet'],
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const html = strFromU8(unzipSync(new Uint8Array(readFileSync(zip)))['report.html']);
  browser = await launchBrowser();
  for (const [lang, locale] of [
    ['zh', 'zh-CN'],
    ['en', 'en'],
  ]) {
    const context = await browser.newContext({ locale, viewport: { width: 1000, height: 1500 } });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    // The report's language switch is a radio button per language (pure CSS).
    await page.click(`label[for="lang-${lang}"]`);
    await page.waitForFunction((l) => document.getElementById(`lang-${l}`)?.checked === true, lang);
    await page.evaluate(() => document.fonts.ready);
    const out = join(ROOT, 'docs', `report-${lang}.png`);
    await savePng(page, out, MAX_BYTES);
    await context.close();
  }
} finally {
  await browser?.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}
