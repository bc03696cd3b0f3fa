/**
 * `npm run bench`: orders simulated per second, wall time and peak memory, one case per child process, on one core;
 * then a generated 600,000-row waybill file observed by `fairpace observe waybills` (bench/observe.ts).
 * `npm run bench -- --metro-30` adds metro-large for 30 days, both arms at once through the CLI on two cores.
 * `npm run bench -- --bargaining` adds a 20-step target search and a 10-parameter sensitivity (bench/bargaining.ts),
 * and the workbench's comparison, tornado, sweep, zone and target timed in Chromium (test/e2e/perf.mjs --bargaining:
 * the first provisional answer and the final one).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

const cases: [string, string?][] = [
  ['scenarios/demo-small.json'],
  ['scenarios/yantai-2021.json'],
  ['scenarios/metro-large.json', '1'],
  ['replay:generated'],
];

console.log(
  `Fairpace benchmark — ${new Date().toISOString()} — node ${process.version}, ${availableParallelism()} cores`,
);
console.log(
  'case                              policy   days  warm-up  couriers     orders   wall s   orders/s  skeleton/s  ratio  peak MiB  eval/order  failed/order  postponed  no courier  screened',
);
// Each case under the default dispatch (rolling) and the earlier one (greedy), for the work per order side by side.
for (const [file, days, policy] of cases.flatMap(([f, d]) => ['rolling', 'greedy'].map((p) => [f, d, p] as const))) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/case.ts', file, days ?? '-', '-', policy], {
    encoding: 'utf8',
  });
  const r = JSON.parse(out) as Record<string, number | string>;
  const num = (k: string) => Number(r[k]);
  const cells = [
    String(file).padEnd(33),
    policy.padEnd(7),
    String(num('days')).padStart(4),
    String(num('warmupDays')).padStart(8),
    String(num('couriers')).padStart(9),
    String(num('orders')).padStart(10),
    (num('wallMs') / 1000).toFixed(2).padStart(8),
    Math.round(num('ordersPerSec')).toString().padStart(10),
    Math.round(num('skeletonPerSec')).toString().padStart(11),
    num('ratio').toFixed(3).padStart(6),
    num('peakRssMiB').toFixed(0).padStart(9),
    num('evaluationsPerOrder').toFixed(1).padStart(11),
    num('failedPerOrder').toFixed(2).padStart(13),
    num('postponedPerOrder').toFixed(2).padStart(10),
    num('noCourierPerOrder').toFixed(2).padStart(11),
    num('screenedPerOrder').toFixed(1).padStart(9),
  ];
  console.log(cells.join(' '));
}
console.log(
  'orders: simulated, warm-up days included; skeleton/s: bench/skeleton.ts (heap + grid + nearest idle courier) at the',
);
console.log('same size in the same process; ratio = orders/s ÷ skeleton/s; eval/order: courier evaluations (a');
console.log('bundle route or plan insertion) per order; failed/order: times an order was looked at and left waiting,');
console.log('of which postponed (rolling: late commitment, the courier would wait for the food) and no courier (none');
console.log('within reach could take it); the rest lost the batch matching to other bundles. screened: busy couriers');
console.log('passed over for an on-the-way order by a bound on the detour, without an insertion (rolling; per order).');

{
  // The budget for the real TSL-Meituan file (654,343 waybills): under 30 s and 500 MiB.
  const dir = mkdtempSync(join(tmpdir(), 'fairpace-bench-'));
  const file = join(dir, 'waybills.csv');
  try {
    const node = (...args: string[]) =>
      execFileSync(process.execPath, ['--import', 'tsx', 'bench/observe.ts', ...args], { encoding: 'utf8' });
    node('generate', file, '600000');
    const r = JSON.parse(node('run', file)) as { bytes: number; wallMs: number; peakRssMiB: number };
    const s = r.wallMs / 1000;
    console.log(
      `observe waybills: 600,000 rows (${(r.bytes / 2 ** 20).toFixed(0)} MiB generated CSV) in ${s.toFixed(1)} s, peak ${r.peakRssMiB.toFixed(0)} MiB` +
        ` — budget 30 s and 500 MiB: ${s < 30 && r.peakRssMiB < 500 ? 'within' : 'OVER'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--metro-30')) {
  // Worker threads live in the CLI's process, so GNU time's maximum resident set covers them.
  const compare = ['bin/fairpace.mjs', 'compare', 'scenarios/metro-large.json', '--replications', '1'];
  const args = [...compare, '--workers', '2', '--quiet', '--out', '/tmp/fairpace-bench-metro30.json'];
  const timeTool = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const run = spawnSync(
    timeTool ? '/usr/bin/time' : process.execPath,
    timeTool ? ['-f', 'peak-kib %M', process.execPath, ...args] : args,
    { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (run.status !== 0) throw new Error(`fairpace compare failed: ${run.stderr}`);
  const out = run.stderr;
  const wall = (performance.now() - t0) / 1000;
  const kib = /peak-kib (\d+)/.exec(out ?? '')?.[1];
  console.log(
    `metro-large, 30 days, 2 arms on 2 workers: ${wall.toFixed(1)} s wall` +
      (kib ? `, peak ${(Number(kib) / 1024).toFixed(0)} MiB (main process and its worker threads)` : ''),
  );
}

if (process.argv.includes('--bargaining')) {
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/bargaining.ts'], { stdio: 'inherit' });
  // The workbench in Chromium: a yantai-2021 comparison from Run to the painted dashboard, and the default tornado,
  // sweep, zone and target (test/e2e/perf.mjs; needs /usr/bin/chromium, as the browser tests do).
  if (existsSync('/usr/bin/chromium')) {
    execFileSync(process.execPath, ['test/e2e/perf.mjs', '--runs', '3', '--bargaining'], { stdio: 'inherit' });
  } else console.log('workbench timings skipped: no /usr/bin/chromium (apt-get install -y chromium)');
}
