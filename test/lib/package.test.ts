// The library as another project sees it: `npm pack` (which builds dist/), a throw-away project that installs the
// tarball, then `import ... from 'fairpace'` in Node and in TypeScript, and the packed `fairpace` command.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { MODEL_DIGEST } from '../../src/version.ts';
import { capture, TINY_SCENARIO } from '../cli/fixtures.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

let dir = '';
let project = '';

function sh(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed:\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-package-'));
  await sh(NPM, ['pack', '--pack-destination', dir, '--silent'], ROOT);
  const [tarball] = (await readdir(dir)).filter((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  project = join(dir, 'project');
  await mkdir(project);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await writeFile(join(project, 'tiny.json'), JSON.stringify(TINY_SCENARIO));
  // Only the npm registry (or npm's cache) is asked for the dependencies.
  await sh(NPM, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, tarball)], project);
}, 300_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const CONSUMER = `
import { readFile } from 'node:fs/promises';
import * as fairpace from 'fairpace';
const { loadScenario, run, compare, gate, sweep, target, sensitivity, zone, buildEvidencePack, verifyPack } = fairpace;
const scenario = loadScenario(await readFile('tiny.json', 'utf8'));
let invalid = null;
try { loadScenario({ schemaVersion: 1, population: { couriers: 0 } }); } catch (e) { invalid = [e.name, e.problems[0].path]; }
let option = null;
try { await compare(scenario, { replications: 0 }); } catch (e) { option = [e.name, e.problems[0].option, e.message]; }
let deep = null;
try { await import('fairpace/dist-lib/index.mjs'); } catch (e) { deep = e.code; }
const comparison = await compare(scenario);
const threaded = await compare(scenario, {}, { workers: 2 });
const checked = await gate(scenario, { assert: ['earnings.gini <= 10'], assertDiff: ['service.onTimeRate > 5'] });
const swept = await sweep(scenario, { param: 'rules.pay.base', values: [6, 12] });
const found = await target(scenario, { param: 'rules.pay.base', min: 0, max: 40, grid: 3, targets: [fairpace.parseTarget('earnings.netPerOnlineHour.mean >= 21')] });
const ranked = await sensitivity(scenario, { params: ['rules.pay.base'] });
const zoned = await zone(scenario, { x: { param: 'rules.pay.base', values: [6, 12] }, y: { param: 'rules.deadline.percentile', values: [50] }, union: [], platform: [fairpace.parseTarget('platform.margin >= 0')] });
const pack = await buildEvidencePack(scenario, {}, { workers: 2 });
const verified = await verifyPack(pack.zip);
console.log(JSON.stringify({
  exports: Object.keys(fairpace).sort(),
  version: fairpace.FAIRPACE_VERSION,
  invalid,
  option,
  deep,
  intervals: comparison.arms.map((a) => Object.keys(a.intervals).length === Object.keys(comparison.differences).length),
  compareText: JSON.stringify({ ...comparison, arms: comparison.arms.map(({ intervals, ...arm }) => arm) }, null, 2) + '\\n',
  threadedSame: JSON.stringify(threaded) === JSON.stringify(comparison),
  run: run(scenario, { arm: 'median', seed: 3 }).arm,
  gate: checked.gate.assertions.map((a) => [a.name, a.holds]),
  sweepPoints: swept.points.length,
  target: [found.method, found.steps.length],
  sensitivity: ranked.params.map((p) => p.path),
  zoneCells: zoned.cells.length,
  packFiles: pack.files.length,
  verified: verified.verified,
}));
`;

const TYPED = `
import { compare, loadScenario, sweep, type Comparison, type SweepResult, type TargetResult } from 'fairpace';
const scenario = loadScenario('{"schemaVersion":1}');
const c: Comparison = await compare(scenario, { replications: 2 }, { workers: 1 });
const gini: number | undefined = c.arms[0]?.metrics.earnings.gini;
const share: [number, number] | undefined = c.arms[0]?.intervals['earnings.shareBelowMinWage'].ci95;
// @ts-expect-error a misspelled metric path fails to compile through the declarations too
void c.differences['earnings.shareBelowMinWag'];
// @ts-expect-error a scenario that has not been through loadScenario
void compare({ schemaVersion: 1 });
const s: Promise<SweepResult> = sweep(scenario, { param: 'rules.pay.base', values: [6] });
const value: TargetResult['value'] = null;
// @ts-expect-error replications is a number, so the declarations are real types, not any
void compare(scenario, { replications: 'two' });
console.log(gini, share, s, value);
`;

describe('the packed package', () => {
  it('exports every function from one entry, returning what the CLI prints', async () => {
    await writeFile(join(project, 'consumer.mjs'), CONSUMER);
    const result = JSON.parse(await sh(process.execPath, ['consumer.mjs'], project));
    expect(result.exports).toEqual(
      expect.arrayContaining([
        'loadScenario',
        'run',
        'compare',
        'gate',
        'sweep',
        'target',
        'sensitivity',
        'zone',
        'buildEvidencePack',
        'verifyPack',
        'ScenarioError',
        'OptionsError',
        'CompareOptionsSchema',
        'defaultWorkers',
        'FAIRPACE_VERSION',
      ]),
    );
    expect(result.version).toBe('0.1.0');
    expect(result.invalid).toEqual(['ScenarioError', 'population.couriers']);
    expect(result.option).toEqual([
      'OptionsError',
      'replications',
      'replications must be a whole number from 1 to 1000 (got 0)',
    ]);
    expect(result.intervals).toEqual([true, true]);
    expect(result.deep).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
    // Without each arm's intervals, the object `fairpace compare` prints as JSON, byte for byte, with or without
    // worker threads.
    const cli = capture();
    expect(await main(['compare', join(project, 'tiny.json'), '--workers', '1'], { io: cli, env: {} })).toBe(0);
    expect(result.compareText).toBe(cli.out);
    expect(result.threadedSame).toBe(true);
    expect(result.run).toEqual({ id: 'median', label: 'Algorithm-median (p50) / 算法取中' });
    expect(result.gate).toEqual([
      ['median: earnings.gini <= 10', true],
      ['median − strictest: service.onTimeRate > 5', false],
    ]);
    expect(result).toMatchObject({
      sweepPoints: 2,
      target: ['grid', 3],
      sensitivity: ['rules.pay.base'],
      zoneCells: 2,
      packFiles: 13,
      verified: true,
    });
  });

  it('type-checks in a strict TypeScript project through the generated declarations', async () => {
    await writeFile(join(project, 'typed.ts'), TYPED);
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          types: [],
          noEmit: true,
        },
        files: ['typed.ts'],
      }),
    );
    await sh(process.execPath, [TSC, '-p', 'tsconfig.json'], project);
  });

  it('installs the fairpace command', async () => {
    expect(await sh(NPM, ['exec', '--', 'fairpace', '--version'], project)).toBe(
      `fairpace 0.1.0\nmodel fingerprint ${MODEL_DIGEST}\n`,
    );
    const out = await sh(NPM, ['exec', '--', 'fairpace', 'validate', 'tiny.json'], project);
    expect(out).toBe('valid: Untitled scenario\n');
  });
});
