/**
 * The ratchet back-test (issue 24 item 3): runs `scenarios/ratchet-2016-2018.json` (one simulated day a week for two
 * years) with its order trace and prints, per arm, the mean promise of 3 km orders (road km 2.75–3.25) and the mean
 * click-to-door time at the start, after one year (step 52) and after two (step 103), and the step from which each
 * stays within 1 minute of its level at the end (5-step averages), beside the published figures:
 * 60 → 45 → 38 minutes for 3 km, and average delivery times about 10 minutes shorter over three years.
 *
 *   node --import tsx bench/backtest.ts [scenario.json] [--seeds N]
 */
import { readFileSync } from 'node:fs';
import { validateScenario } from '../src/scenario/load.ts';
import { simulate } from '../src/sim/simulate.ts';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? 'scenarios/ratchet-2016-2018.json';
const seedsAt = args.indexOf('--seeds');
const seedCount = seedsAt >= 0 ? Number(args[seedsAt + 1]) : 3;
const loaded = validateScenario(JSON.parse(readFileSync(file, 'utf8')));
if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
const scenario = loaded.scenario;
const last = scenario.time.days - 1;
const steps = [0, Math.min(52, last), last];

/** Per step: the mean promise of 3 km orders and the mean click-to-door time, minutes. */
function perStep(armId: string, seed: number): { promise3km: number[]; clickToDoor: number[] } {
  const orders = simulate(scenario, armId, seed, { orders: true }).orders;
  if (!orders) throw new Error('no order trace');
  const sums = Array.from({ length: scenario.time.days }, () => ({ p: 0, np: 0, c: 0, nc: 0 }));
  for (let i = 0; i < orders.placeSec.length; i++) {
    const s = sums[orders.day[i] as number];
    if (!s) continue;
    const delivered = orders.deliveredSec[i] as number;
    if (Number.isFinite(delivered)) {
      s.c += (delivered - (orders.placeSec[i] as number)) / 60;
      s.nc++;
    }
    const km = orders.roadKm[i] as number;
    if (km >= 2.75 && km <= 3.25) {
      s.p += ((orders.promiseSec[i] as number) - (orders.placeSec[i] as number)) / 60;
      s.np++;
    }
  }
  return { promise3km: sums.map((s) => s.p / s.np), clickToDoor: sums.map((s) => s.c / s.nc) };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const started = performance.now();
console.log(`${scenario.meta.name}: ${scenario.time.days} steps, seeds 1–${seedCount}`);
console.log('arm        figure                 step 0   step 52  step 103  settled by   published');
for (const arm of scenario.arms) {
  const runs = Array.from({ length: seedCount }, (_, k) => perStep(arm.id, k + 1));
  const avg = (key: 'promise3km' | 'clickToDoor') =>
    Array.from({ length: scenario.time.days }, (_, d) => mean(runs.map((r) => r[key][d] as number)));
  const promise = avg('promise3km');
  const c2d = avg('clickToDoor');
  // The first step from which the series, averaged over 5 steps (a 3 km band holds about 100 orders a step), stays
  // within 1 minute of its average over the last 5 steps.
  const settled = (xs: number[]) => {
    const smooth = xs.map((_, d) => mean(xs.slice(Math.max(0, d - 2), Math.min(xs.length, d + 3))));
    const end = mean(xs.slice(-5));
    let from = last;
    while (from > 0 && Math.abs((smooth[from - 1] as number) - end) <= 1) from--;
    return from;
  };
  const row = (name: string, xs: number[], published: string) =>
    console.log(
      `${arm.id.padEnd(10)} ${name.padEnd(22)} ${steps.map((d) => (xs[d] as number).toFixed(1).padStart(7)).join('  ')}  ${String(settled(xs)).padStart(10)}   ${published}`,
    );
  row('promise, 3 km (min)', promise, '60 → 45 → 38');
  row('click-to-door (min)', c2d, 'about 10 min less in 3 years');
}
console.log(`wall time ${((performance.now() - started) / 1000).toFixed(1)} s`);
