// Shared plumbing of the browser tests (run.mjs), the performance measurement (perf.mjs) and the README screenshot
// (screenshot.mjs): build the app, serve it on 127.0.0.1, start Debian's Chromium, and drive the workbench through its
// data-testid hooks only, so that layout and wording can change without breaking the tests.
/* global document -- code passed to page.evaluate runs in the browser */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Fails with `message` unless `condition` holds. */
export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Runs the CLI; resolves with its exit code and output (never rejects on a non-zero exit). */
export function fairpace(args) {
  return new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin', 'fairpace.mjs'), ...args],
      { cwd: ROOT, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolvePromise({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Waits until the bargaining job `id` (target, tornado, zone, robustness) says done; fails on an error or a cancel. */
export async function waitForJob(page, id, timeout = 120_000) {
  const handle = await page.waitForFunction(
    (job) => {
      const status = document.querySelector(`[data-testid="${job}-status"]`);
      const phase = status?.getAttribute('data-phase');
      if (phase === 'error' || phase === 'cancelled') return { error: `${phase}: ${status?.textContent}` };
      return phase === 'done' ? { ok: true } : false;
    },
    id,
    { timeout },
  );
  const outcome = await handle.jsonValue();
  assert(!outcome.error, `${id}: ${outcome.error}`);
}
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * How long a yantai-2021 comparison may take in the browser before a test gives up: about a minute on a busy 2-core
 * machine since the calibrated model (see WATCHDOG_MS in run.mjs).
 */
export const RUN_TIMEOUT_MS = 200_000;

// ── build ────────────────────────────────────────────────────────────────────────────────────────────────────────

/** Runs a command with a time limit; resolves with its output, rejects with the output on failure. */
function runCommand(command, args, { timeoutMs, cwd = ROOT, env = process.env }) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} took longer than ${timeoutMs / 1000} s\n${output}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(output);
      else reject(new Error(`${args.join(' ')} failed (${signal ?? `exit code ${code}`})\n${output}`));
    });
  });
}

/** Builds the app with `vite build` into a new temporary directory and returns it; the caller removes it. */
export async function buildApp() {
  const outDir = mkdtempSync(join(tmpdir(), 'fairpace-e2e-build-'));
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  try {
    await runCommand(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      timeoutMs: 120_000,
    });
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`vite build wrote no index.html into ${outDir}`);
  return outDir;
}

// ── static server ────────────────────────────────────────────────────────────────────────────────────────────────

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Serves `dir` on 127.0.0.1 at a free port: GET and HEAD only, no directory listing, nothing outside `dir`. Every
 * answer carries `nosniff`, so a wrong MIME type (a module worker served as text/plain, say) breaks the page as it
 * would on a strict server. `failures` collects the requests answered with an error status.
 */
export async function serveStatic(dir) {
  const root = resolve(dir);
  const failures = [];
  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      if (status >= 400) failures.push(`${status} ${req.method} ${req.url}`);
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'bad request');
    }
    const file = resolve(root, normalize(`.${sep}${pathname}`));
    const inside = relative(root, file);
    if (inside.startsWith('..') || resolve(root, inside) !== file) return send(403, 'forbidden');
    try {
      const target = (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(target);
      send(200, body, MIME_TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream');
    } catch {
      send(404, 'not found');
    }
  });
  await new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolvePromise);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    failures,
    close: () =>
      new Promise((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}

// ── browser ──────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Starts Debian's Chromium, headless. Playwright gives every launch a fresh temporary --user-data-dir of its own (it
 * refuses one in `args`) and deletes it on close. A missing Chromium is an error, never a reason to skip.
 */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: the browser tests need Debian's Chromium (apt-get install chromium fonts-noto-cjk; ` +
        '.ci/run installs both when missing)',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/**
 * A new context and page on the app. Every request the page or its workers make is recorded in `requests` (and in
 * `allRequests` when given), every console error and uncaught exception in `errors`, the URL of every worker started
 * in `workers`, and the workers not yet terminated in `liveWorkers`.
 * `workers: n` sizes the app's pool to n workers two ways at once: the `?workers=n` address parameter, and a page that
 * reports n logical processors (the pool's default size), so either switch is enough. Tests check the workers that
 * actually started.
 */
export async function openApp(browser, origin, { locale = 'zh-CN', workers, allRequests, viewport } = {}) {
  const context = await browser.newContext({ locale, viewport: viewport ?? { width: 1280, height: 900 } });
  context.setDefaultTimeout(30_000);
  if (workers !== undefined) {
    await context.addInitScript((n) => {
      Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n, configurable: true });
    }, workers);
  }
  const requests = [];
  const errors = [];
  const startedWorkers = [];
  const liveWorkers = new Set();
  const page = await context.newPage();
  const record = (request) => {
    requests.push(request.url());
    allRequests?.push(request.url());
  };
  // Both listeners: the context sees requests of every page and worker; the page's own are recorded too in case a
  // Playwright version attributes worker requests to only one of them. Duplicates do no harm.
  context.on('request', record);
  page.on('request', record);
  // Recorded above, then stopped: a test machine never talks to the outside even if the app tried to.
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort('blockedbyclient'),
  );
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('worker', (worker) => {
    startedWorkers.push(worker.url());
    liveWorkers.add(worker);
    worker.on('close', () => liveWorkers.delete(worker));
  });
  await page.goto(`${origin}/${workers === undefined ? '' : `?workers=${workers}`}`, { waitUntil: 'load' });
  try {
    await page.waitForSelector(tid('preset-select'), { state: 'attached', timeout: 20_000 });
  } catch {
    const error = new Error(`the app did not render within 20 s${errors.length ? `:\n${errors.join('\n')}` : ''}`);
    error.appDidNotRender = true;
    await context.close();
    throw error;
  }
  return { context, page, requests, errors, workers: startedWorkers, liveWorkers };
}

// ── the workbench through its test ids ───────────────────────────────────────────────────────────────────────────

export const tid = (id) => `[data-testid="${id}"]`;

/**
 * Waits until a comparison has finished: the progress bar is full (data-done == data-total > 0), Run is enabled
 * again, Cancel is disabled and the status line says something (a running comparison whose last task is in has a
 * full bar too, but Cancel is still enabled). Fails at once if the status line shows an error.
 */
export async function waitForRunDone(page, timeout = RUN_TIMEOUT_MS) {
  const handle = await page.waitForFunction(
    () => {
      const q = (id) => document.querySelector(`[data-testid="${id}"]`);
      const status = q('run-status');
      const phase = status?.getAttribute('data-phase'); // newer builds name the phase; older ones are judged below
      if (status?.classList.contains('error') || phase === 'error') return { error: status.textContent };
      if (phase && phase !== 'done') return false;
      const progress = q('progress');
      const run = q('run-compare');
      const cancel = q('cancel-run');
      if (!progress || !run || !cancel || !status) return false;
      const done = Number(progress.getAttribute('data-done'));
      const total = Number(progress.getAttribute('data-total'));
      const finished = total > 0 && done === total && !run.disabled && cancel.disabled;
      return finished && (status.textContent ?? '').trim() !== '' ? { done, total } : false;
    },
    undefined,
    { timeout, polling: 50 },
  );
  const state = await handle.jsonValue();
  if (state.error !== undefined) throw new Error(`the run failed: ${state.error}`);
  return state;
}

/**
 * Makes a control reachable: opens every collapsed <details> around it (the editor groups its sections that way) and
 * scrolls it into view. Throws when there is no such control.
 */
export async function reveal(page, selector) {
  const found = await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
    return true;
  }, selector);
  if (!found) throw new Error(`no ${selector} on the page`);
  await page.locator(selector).scrollIntoViewIfNeeded();
}

/**
 * Picks a preset in the picker, cancels the comparison the app starts for it, and checks the app cleared the previous
 * result (no progress bar, no KPI), unless the comparison came whole from the page's run cache.
 */
export async function choosePreset(page, id) {
  await page.selectOption(tid('preset-select'), id);
  // A chosen preset starts its comparison at once; the tests run it themselves, so its opening run is cancelled (in
  // the page's own turn, so that it cannot finish between looking and clicking) and the dashboard left empty. Runs
  // the page has made before come from its run cache at once: then the preset's results are already on screen.
  const handle = await page.waitForFunction(() => {
    const cancel = document.querySelector('[data-testid="cancel-run"]');
    const phase = document.querySelector('[data-testid="run-status"]')?.getAttribute('data-phase');
    if (cancel && !cancel.disabled) {
      cancel.click();
      return 'cancelled';
    }
    // Not started (the pool is busy, and the page says the preset must be run), stopped, or already done.
    return phase === 'running' ? false : phase;
  });
  if ((await handle.jsonValue()) === 'done') return;
  // A run whose last results were arriving as Cancel was pressed may still finish.
  const after = await page.waitForFunction(() => {
    const phase = document.querySelector('[data-testid="run-status"]')?.getAttribute('data-phase');
    if (phase === 'done') return 'done';
    const cleared =
      !document.querySelector('[data-testid="progress"]') && !document.querySelector('[data-testid^="kpi-"]');
    return phase !== 'running' && cleared ? 'cleared' : false;
  });
  await after.jsonValue();
}

/** `{ testId: dataValue }` of every headline number on the page. */
export function readKpis(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-testid^="kpi-"]')].map((el) => [
        el.getAttribute('data-testid'),
        el.getAttribute('data-value'),
      ]),
    ),
  );
}

/** `{ testId: status }` of every compliance cell on the page. */
export function readCompliance(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-testid^="compliance-"]')].map((el) => [
        el.getAttribute('data-testid'),
        el.getAttribute('data-status'),
      ]),
    ),
  );
}

// ── the CLI as the reference ─────────────────────────────────────────────────────────────────────────────────────

/** The CLI's Comparison JSON: `node bin/fairpace.mjs compare <scenario> --workers 2 --quiet`. */
export function cliCompare(scenario) {
  const args = [join(ROOT, 'bin', 'fairpace.mjs'), 'compare', scenario, '--workers', '2', '--quiet'];
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      args,
      { cwd: ROOT, timeout: 400_000, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, FAIRPACE_DEBUG: '1' } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`fairpace compare ${scenario} failed: ${error.message}\n${stderr}`));
        else {
          try {
            resolvePromise(JSON.parse(stdout));
          } catch (parseError) {
            reject(new Error(`fairpace compare ${scenario} printed no JSON: ${parseError.message}`));
          }
        }
      },
    );
  });
}

/** The number at a dotted metric path, as MODEL.md names them (`workload.onlineHours.mean`), or undefined. */
export function metricAt(metrics, path) {
  let node = metrics;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[key];
  }
  return typeof node === 'number' ? node : undefined;
}

/**
 * Splits `<prefix>-<path>-<arm id>` test ids by the arms the CLI reported (the longest matching arm id wins, so an
 * arm id with a hyphen in it is still found). Returns `{ path, armId }`, or undefined when no arm matches.
 */
export function splitTestId(testId, prefix, armIds) {
  const body = testId.slice(prefix.length + 1);
  const armId = [...armIds].sort((a, b) => b.length - a.length).find((id) => body.endsWith(`-${id}`));
  return armId === undefined ? undefined : { path: body.slice(0, -(armId.length + 1)), armId };
}

/**
 * Every headline number on the page against the CLI's value at the same path and arm, compared as the strings of
 * the JS numbers (the project promises byte-identical results). Returns the list of problems (empty when all agree).
 */
export function kpiMismatches(kpis, comparison) {
  const arms = new Map(comparison.arms.map((arm) => [arm.id, arm]));
  const problems = [];
  const seenArms = new Set();
  for (const [testId, shown] of Object.entries(kpis)) {
    const parts = splitTestId(testId, 'kpi', arms.keys());
    if (!parts) {
      problems.push(`${testId}: no arm of the CLI's comparison (${[...arms.keys()].join(', ')}) matches`);
      continue;
    }
    seenArms.add(parts.armId);
    const expected = metricAt(arms.get(parts.armId).metrics, parts.path);
    if (expected === undefined) problems.push(`${testId}: the CLI has no number at ${parts.path}`);
    else if (shown !== String(expected)) {
      problems.push(`${parts.path} [${parts.armId}]: browser ${shown}, CLI ${String(expected)}`);
    }
  }
  for (const id of arms.keys()) if (!seenArms.has(id)) problems.push(`no headline number on the page for arm ${id}`);
  return problems;
}

/** Compliance statuses on the page against the CLI's `arms[].compliance[].status`. */
export function complianceMismatches(cells, comparison) {
  const arms = new Map(comparison.arms.map((arm) => [arm.id, arm]));
  const problems = [];
  for (const [testId, shown] of Object.entries(cells)) {
    const parts = splitTestId(testId, 'compliance', arms.keys());
    if (!parts) {
      problems.push(`${testId}: no arm of the CLI's comparison matches`);
      continue;
    }
    const check = arms.get(parts.armId).compliance?.find((c) => c.id === parts.path);
    if (!check) problems.push(`${testId}: the CLI has no check ${parts.path}`);
    else if (shown !== check.status) problems.push(`${testId}: browser ${shown}, CLI ${check.status}`);
  }
  return problems;
}

/** Milliseconds as seconds with two decimals. */
export const seconds = (ms) => (ms / 1000).toFixed(2);

/** Median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// ── the bargaining panels, filled as the CLI commands the tests compare with ───────────────────────────────────

/**
 * Fills the target panel for "the base pay at which the median arm's net pay per online hour reaches 15 CNY"
 * (`fairpace target … --arm median --param rules.pay.base --metric earnings.netPerOnlineHour.mean --op >= --value 15`),
 * with `replications` and, when given, the search bounds; then runs it and waits for its answer.
 */
export async function runTargetPanel(page, { replications = 2, min, max } = {}) {
  await reveal(page, tid('target-panel'));
  await page.selectOption(tid('target-param'), 'rules.pay.base');
  if (min !== undefined) await page.fill(tid('target-min'), String(min));
  if (max !== undefined) await page.fill(tid('target-max'), String(max));
  await page.selectOption(tid('target-arm'), 'median');
  await page.fill(tid('target-replications'), String(replications));
  await page.selectOption(tid('target-metric'), 'earnings.netPerOnlineHour.mean');
  await page.selectOption(tid('target-op'), '>=');
  await page.fill(tid('target-threshold'), '15');
  await page.click(tid('target-run'));
  await waitForJob(page, 'target');
}

/** The CLI arguments of the zone `fillZonePanel` sets up (after the scenario file). */
export const ZONE_ARGS = [
  ...['--x', 'rules.deadline.percentile=10,50', '--y', 'rules.pay.base=7,12'],
  ...['--union', 'earnings.shareBelowMinWage <= 0.5', '--platform', 'platform.margin >= -7000'],
];

/**
 * Fills the zone panel with the grid and limits of ZONE_ARGS (deadline percentile 10 and 50 by base pay 7 and 12;
 * the union accepts at most 50% of courier-days below the minimum wage, the platform a margin of at least −7,000
 * CNY a day) and `replications`; the caller clicks Run.
 */
export async function fillZonePanel(page, { replications }) {
  await reveal(page, tid('zone-panel'));
  await page.selectOption(tid('zone-x'), 'rules.deadline.percentile');
  await page.fill(tid('zone-x-values'), '10,50');
  await page.selectOption(tid('zone-y'), 'rules.pay.base');
  await page.fill(tid('zone-y-values'), '7,12');
  await page.fill(tid('zone-replications'), String(replications));
  await page.selectOption(tid('zone-union-metric'), 'earnings.shareBelowMinWage');
  await page.selectOption(tid('zone-union-op'), '<=');
  await page.fill(tid('zone-union-threshold'), '50');
  await page.selectOption(tid('zone-platform-metric'), 'platform.margin');
  await page.selectOption(tid('zone-platform-op'), '>=');
  await page.fill(tid('zone-platform-threshold'), '-7000');
}

/** Asserts that the zone on screen (`shown`: agreed, cheapest, best) is the CLI's zone (`expected`, its JSON). */
export function assertZoneAsCli(shown, expected) {
  assert(Number(shown.agreed) === expected.agreedCells, `agreed: app ${shown.agreed}, CLI ${expected.agreedCells}`);
  assert(
    shown.cheapest === String(expected.cheapestForPlatform?.index ?? ''),
    `cheapest for the platform: app ${shown.cheapest}, CLI ${JSON.stringify(expected.cheapestForPlatform)}`,
  );
  assert(
    shown.best === String(expected.bestForUnion?.index ?? ''),
    `best for the union: app ${shown.best}, CLI ${JSON.stringify(expected.bestForUnion)}`,
  );
}

// ── the README's pictures ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * Writes a PNG screenshot of `target` (a page: its viewport; or a locator) to `out` and prints its size; a picture
 * over `maxBytes` is too heavy for a README, which sets a failing exit code.
 */
export async function savePng(target, out, maxBytes) {
  await target.screenshot({ path: out, type: 'png' });
  const bytes = statSync(out).size;
  console.log(`${out}: ${Math.round(bytes / 1024)} KiB`);
  if (bytes > maxBytes) {
    console.error(`larger than ${maxBytes / 1024} KiB`);
    process.exitCode = 1;
  }
}
