// `npm test`: typecheck, lint, format check, unit tests (vitest) and, when present, the browser end-to-end runner.
// Each check step counts as one test; vitest and the e2e runner report their own counts. A failing step does not stop
// the later ones. The output of every step streams through; the last line is the total: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const scratch = mkdtempSync(join(tmpdir(), 'fairpace-test-'));
// Tests compute every run: the CLI's run cache (src/cli/runStore.ts) stays off unless a test turns it on.
const testEnv = { ...process.env, TZ: 'UTC', FAIRPACE_CACHE: 'off' };

/** One line per step, printed again before the total so that a failure far up the log is not missed. */
const summary = [];
let passed = 0;
let failed = 0;

function heading(title) {
  console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 72 - title.length))}`);
}

/** Runs a command with its output streaming to this console; returns its exit code (1 if it could not start). */
function run(command, args, env = process.env) {
  console.log(`$ ${[command === process.execPath ? 'node' : command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.error) {
    console.error(`could not run ${command}: ${result.error.message}`);
    return 1;
  }
  if (result.signal) console.error(`${command} was stopped by ${result.signal}`);
  return result.status ?? 1;
}

/** Records a step's counts. */
function record(name, stepPassed, stepFailed, detail = '') {
  passed += stepPassed;
  failed += stepFailed;
  const mark = stepFailed > 0 ? '✗' : '✓';
  summary.push(`${mark} ${name}: ${stepPassed} ok, ${stepFailed} not ok${detail ? ` (${detail})` : ''}`);
}

/** A check step (typecheck, lint, format) counts as one test. */
function check(name, command, args) {
  heading(name);
  const code = run(command, args);
  record(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1, code === 0 ? '' : `exit code ${code}`);
}

/** Reads a JSON file written by a step, or undefined when it is missing or not JSON. */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function vitest() {
  const name = 'vitest';
  heading(name);
  const report = join(scratch, 'vitest.json');
  const code = run(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`],
    testEnv,
  );
  const json = readJson(report);
  if (json === undefined || typeof json.numPassedTests !== 'number' || typeof json.numFailedTests !== 'number') {
    record(name, 0, 1, `no JSON report; exit code ${code}`);
    return;
  }
  let stepFailed = json.numFailedTests;
  const details = [];
  // A test file that fails to load has no failed tests of its own; count it, or the failure would vanish.
  const brokenFiles = (json.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
  if (brokenFiles > 0) {
    stepFailed += brokenFiles;
    details.push(`${brokenFiles} test file(s) failed to run`);
  }
  if (json.numTotalTests === 0) {
    stepFailed += 1;
    details.push('no tests ran');
  }
  if (code !== 0 && stepFailed === 0) {
    stepFailed = 1;
    details.push(`exit code ${code} with no failed test (errors outside tests?)`);
  }
  record(name, json.numPassedTests, stepFailed, details.join('; '));
}

/** The browser tests, when they exist: `test/e2e/run.mjs` writes `{ passed, failed }` to $FAIRPACE_E2E_RESULT. */
function e2e() {
  const runner = join(root, 'test', 'e2e', 'run.mjs');
  if (!existsSync(runner)) return;
  const name = 'e2e';
  heading(name);
  const result = join(scratch, 'e2e.json');
  const code = run(process.execPath, [runner], { ...testEnv, FAIRPACE_E2E_RESULT: result });
  const json = readJson(result);
  if (json === undefined || !Number.isInteger(json.passed) || !Number.isInteger(json.failed)) {
    record(name, 0, 1, `no result file; exit code ${code}`);
    return;
  }
  const stepFailed = code !== 0 && json.failed === 0 ? 1 : json.failed;
  record(name, json.passed, stepFailed, code !== 0 ? `exit code ${code}` : '');
}

try {
  check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
  check('lint', 'npm', ['run', '--silent', 'lint']);
  check('format', 'npm', ['run', '--silent', 'format:check']);
  vitest();
  e2e();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

heading('summary');
for (const line of summary) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed + failed === 0 ? 1 : 0;
