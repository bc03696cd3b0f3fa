/**
 * `npm run bench`: orders simulated per second, wall time and peak memory, one case per child process, on one core;
 * then a generated 600,000-row waybill file observed by `fairpace observe waybills` (bench/observe.ts).
 * `npm run bench -- --metro-30` adds metro-large for 30 days, both arms at once through the CLI on two cores.
 * `npm run bench -- --bargaining` adds a 20-step target search and a 10-parameter sensitivity (bench/bargaining.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
console.log('case                              days  couriers     orders   wall s   orders/s  peak MiB');
for (const [file, days] of cases) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/case.ts', file, ...(days ? [days] : [])], {
    encoding: 'utf8',
  });
  const r = JSON.parse(out) as Record<string, number | string>;
  const num = (k: string) => Number(r[k]);
  console.log(
    `${String(file).padEnd(33)} ${String(num('days')).padStart(4)} ${String(num('couriers')).padStart(9)} ${String(num('orders')).padStart(10)} ${(num('wallMs') / 1000).toFixed(2).padStart(8)} ${Math.round(num('ordersPerSec')).toString().padStart(10)} ${num('peakRssMiB').toFixed(0).padStart(9)}`,
  );
}

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
  const t0 = performance.now();
  execFileSync(
    process.execPath,
    ['bin/fairpace.mjs', 'compare', 'scenarios/metro-large.json', '--replications', '1', '--workers', '2', '--quiet'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  console.log(`metro-large, 30 days, 2 arms on 2 workers: ${((performance.now() - t0) / 1000).toFixed(1)} s wall`);
}

if (process.argv.includes('--bargaining')) {
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/bargaining.ts'], { stdio: 'inherit' });
}
