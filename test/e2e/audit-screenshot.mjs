// The README's screenshot of a rider audit report: the generated example records (scripts/example-data.ts) audited
// against Yantai's standards by the CLI, report.html rendered in Debian's Chromium, its first 1,600 px written to
// docs/audit-report.png. Not part of `npm test`.
//
//   node test/e2e/audit-screenshot.mjs [--out docs/audit-report.png]
/* global document -- code passed to page.evaluate runs in the browser */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { launchBrowser, ROOT, savePng } from './support.mjs';

const i = process.argv.indexOf('--out');
const out = resolve(ROOT, i > 0 && process.argv[i + 1] ? process.argv[i + 1] : join('docs', 'audit-report.png'));
/** Above this the PNG is too heavy for a README. */
const MAX_BYTES = 400 * 1024;

const dir = mkdtempSync(join(tmpdir(), 'fairpace-audit-shot-'));
let browser;
try {
  const node = (...args) => execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  node('--import', 'tsx', 'scripts/example-data.ts', dir);
  const zip = join(dir, 'audit.zip');
  node(
    join(ROOT, 'bin', 'fairpace.mjs'),
    'audit',
    'riders',
    join(dir, 'riders.csv'),
    '--online',
    join(dir, 'online.csv'),
    '--standards',
    'yantai-2021',
    '--salt-file',
    join(dir, 'salt'),
    '--out',
    zip,
    '--quiet',
  );
  const html = strFromU8(unzipSync(new Uint8Array(readFileSync(zip)))['report.html']);
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1000, height: 1600 } });
  const page = await context.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  await savePng(page, out, MAX_BYTES);
  await context.close();
} finally {
  await browser?.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}
