/**
 * The ratchet back-test (issue 24 item 3) with its timing: runs a back-test file (by default
 * `scenarios/backtests/ratchet-2016-2018.json`) in this process and prints each figure against the model, then per
 * arm the 3 km promise and the click-to-door time at the first, middle and last step and the step from which each
 * has settled (within a minute of its level at the end). `fairpace backtest` prints the same table.
 *
 *   node --import tsx bench/backtest.ts [backtest.json] [--seeds N]
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BacktestFile, levelAt, runBacktest, settledStep, LEVEL_HALF_WIDTH } from '../src/analysis/backtest.ts';
import { inProcessExecutor, runTask } from '../src/analysis/runTasks.ts';
import { validateScenario } from '../src/scenario/load.ts';

const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'scenarios/backtests/ratchet-2016-2018.json';
const seedsAt = args.indexOf('--seeds');
const file = BacktestFile.parse(JSON.parse(readFileSync(path, 'utf8')));
const loaded = validateScenario(JSON.parse(readFileSync(resolve(dirname(path), file.scenario), 'utf8')));
if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
const scenario = loaded.scenario;

const started = performance.now();
const result = await runBacktest(file, scenario, inProcessExecutor(runTask), {
  ...(seedsAt >= 0 ? { seeds: Number(args[seedsAt + 1]) } : {}),
});
const f1 = (x: number) => x.toFixed(1);
console.log(`${file.name}: ${scenario.time.days} steps, seeds ${result.seeds.join(',')}`);
console.log('arm        figure               observed   model  95% interval      model − observed');
for (const row of result.rows) {
  const step = row.figure.fromStep === undefined ? `${row.figure.step}` : `${row.figure.fromStep}→${row.figure.step}`;
  console.log(
    `${row.figure.arm.padEnd(10)} ${`${row.figure.id} (${step})`.padEnd(22).slice(0, 30)} ${f1(row.figure.observed).padStart(6)}  ${f1(row.model.mean).padStart(6)}  [${f1(row.model.ci95[0])}, ${f1(row.model.ci95[1])}]`.padEnd(
      74,
    ) + `${row.gap >= 0 ? '+' : ''}${f1(row.gap)}`,
  );
}
const last = scenario.time.days - 1;
const steps = [0, Math.min(52, last), last];
console.log(
  `\nlevels (mean of ${2 * LEVEL_HALF_WIDTH + 1} steps)    ${steps.map((s) => `step ${s}`.padStart(8)).join(' ')}  settled by`,
);
for (const [arm, series] of Object.entries(result.meanSeries)) {
  for (const [name, xs] of [
    ['promise, 3 km (min)', series.promise3kmMin],
    ['click-to-door (min)', series.clickToDoorMin],
  ] as const) {
    console.log(
      `${arm.padEnd(10)} ${name.padEnd(22)} ${steps.map((s) => f1(levelAt(xs, s, LEVEL_HALF_WIDTH)).padStart(8)).join(' ')}  ${String(settledStep(xs)).padStart(10)}`,
    );
  }
}
console.log(`wall time ${((performance.now() - started) / 1000).toFixed(1)} s`);
