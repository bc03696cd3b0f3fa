// Diagnosis, not part of `npm test`: the whole Comparison of a preset computed by Chromium's JavaScript engine against
// the CLI's `compare` output under Node, value by value. The browser tests compare only the headline numbers the
// dashboard shows; this lists every path that differs (metrics, per-day, per-hour, histogram, differences), which
// is what someone chasing a cross-engine difference needs.
//
//   node test/e2e/determinism.mjs [preset ...]      # default: yantai-2021; exit code 1 when anything differs
//
// The probe page (test/e2e/probe/) runs `compare` in the page's main thread; the app runs the same code in Web
// Workers, which use the same engine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { cliCompare, launchBrowser, ROOT, serveStatic } from './support.mjs';

const presets = process.argv.slice(2).length ? process.argv.slice(2) : ['yantai-2021'];

/** Every leaf where `a` and `b` differ, as `path: cli …, browser …`. */
function differences(a, b, path = '', out = []) {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      differences(a[key], b[key], path ? `${path}.${key}` : key, out);
    }
  } else if (!Object.is(a, b)) {
    out.push(`${path}: cli ${JSON.stringify(a)}, browser ${JSON.stringify(b)}`);
  }
  return out;
}

const outDir = mkdtempSync(join(tmpdir(), 'fairpace-probe-'));
let browser;
let server;
let differing = 0;
try {
  browser = await launchBrowser();
  await build({
    root: join(ROOT, 'test', 'e2e', 'probe'),
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  server = await serveStatic(outDir);
  console.log(`node ${process.versions.node} (V8 ${process.versions.v8}) against chromium ${browser.version()}`);
  for (const preset of presets) {
    const cli = cliCompare(join(ROOT, 'scenarios', `${preset}.json`));
    const page = await browser.newPage();
    await page.goto(`${server.origin}/?preset=${encodeURIComponent(preset)}`);
    const handle = await page.waitForFunction(() => globalThis.__fairpaceProbe, undefined, { timeout: 300_000 });
    const result = await handle.jsonValue();
    await page.close();
    if (result.error) throw new Error(`${preset} in the browser: ${result.error}`);
    const found = differences(await cli, JSON.parse(result.json));
    differing += found.length;
    console.log(`\n${preset}: ${found.length === 0 ? 'identical' : `${found.length} value(s) differ`}`);
    for (const line of found) console.log(`  ${line}`);
  }
} finally {
  await browser?.close().catch(() => undefined);
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
}
process.exitCode = differing > 0 ? 1 : 0;
