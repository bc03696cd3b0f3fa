/**
 * `npm run bench -- --bargaining`: wall time of a 20-step target search and a 10-parameter sensitivity on
 * yantai-2021 with 10 replications, through the CLI with one worker thread per core, each in full and then as the
 * workbench runs it (the target with `--precision 0.01`, the sensitivity with `--precision 0.2`), and the default
 * zone with and without `--sequential`. The target search is the README's question: the smallest base pay that keeps
 * 95% of courier-days above the minimum wage under algorithm-median. Nothing comes from the run cache (`--no-cache`).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

function timed(args: string[], out: string, quiet = true): number {
  const t0 = performance.now();
  execFileSync(
    process.execPath,
    ['bin/fairpace.mjs', ...args, ...(quiet ? ['--quiet'] : []), '--no-cache', '--out', out],
    { stdio: 'inherit' },
  );
  return (performance.now() - t0) / 1000;
}

const scenario = 'scenarios/yantai-2021.json';
const targetOut = '/tmp/fairpace-bench-target.json';
// The README's question: the smallest base pay that keeps 95% of courier-days above the minimum wage (median arm).
const targetArgs = [
  'target',
  scenario,
  '--param',
  'rules.pay.base',
  '--min',
  '6',
  '--max',
  '60',
  '--target',
  'earnings.shareBelowMinWage <= 0.05',
  '--arm',
  'median',
  '--replications',
  '10',
];
const targetS = timed([...targetArgs, '--max-steps', '20'], targetOut);
const t = JSON.parse(readFileSync(targetOut, 'utf8'));
console.log(
  `${availableParallelism()} cores; target search on ${scenario}, 10 replications: ${targetS.toFixed(1)} s, ${t.steps.length} steps`,
);
console.log(
  `  value ${t.value} reached ${t.reached}; achieved ${JSON.stringify(t.targets[0])}; platformCost ${JSON.stringify(t.platformCost?.change)}`,
);
const params = [
  'city.detourFactor',
  'population.comfortSpeedKmh.mean',
  'population.maxSpeedKmh.mean',
  'behaviour.redLightProb',
  'behaviour.redRunPressure',
  'risk.fatiguePerHour',
  'rules.pay.commissionRate',
  'demand.cancelAfterMin',
  'behaviour.newCourierSlowdown',
  'rules.platform.deliveryRevenuePerOrder',
].join(',');
const sensOut = '/tmp/fairpace-bench-sensitivity.txt';
const sensS = timed(
  ['sensitivity', scenario, '--params', params, '--replications', '10', '--format', 'table'],
  sensOut,
);
console.log(`sensitivity, 10 parameters, 10 replications: ${sensS.toFixed(1)} s`);
console.log(readFileSync(sensOut, 'utf8'));

// As the workbench runs them: fewer runs for the same answer (stderr says how many).
const preciseTargetS = timed([...targetArgs, '--precision', '0.01'], '/tmp/fairpace-bench-target-precise.json', false);
const pt = JSON.parse(readFileSync('/tmp/fairpace-bench-target-precise.json', 'utf8'));
console.log(`target search --precision 0.01: ${preciseTargetS.toFixed(1)} s, value ${pt.value}`);
const preciseSensS = timed(
  ['sensitivity', scenario, '--params', params, '--replications', '10', '--precision', '0.2', '--format', 'table'],
  '/tmp/fairpace-bench-sensitivity-precise.txt',
  false,
);
console.log(`sensitivity --precision 0.2, 10 parameters: ${preciseSensS.toFixed(1)} s`);
const zoneArgs = [
  'zone',
  scenario,
  '--arm',
  'median',
  '--x',
  'rules.deadline.percentile=10,30,50,70',
  '--y',
  'rules.pay.base=6,7,10,13',
  '--union',
  'earnings.shareBelowMinWage <= 0.05',
  '--platform',
  'platform.margin >= 0',
];
const zoneS = timed(zoneArgs, '/tmp/fairpace-bench-zone.json');
const zoneSeqS = timed([...zoneArgs, '--sequential'], '/tmp/fairpace-bench-zone-sequential.json', false);
console.log(`zone 4 × 4: ${zoneS.toFixed(1)} s in full, ${zoneSeqS.toFixed(1)} s with --sequential`);
