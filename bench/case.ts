/** One benchmark case in its own process (so peak memory is its own): prints one JSON line. */
import { readFileSync } from 'node:fs';
import { mdrpScenario, parseMdrpInstance } from '../src/io/mdrp.ts';
import { validateScenario } from '../src/scenario/load.ts';
import { generatedInstance } from '../test/io/mdrpFixtures.ts';
import { newDispatchWork } from '../src/sim/rollingDispatch.ts';
import { simulate } from '../src/sim/simulate.ts';
import { runSkeleton } from './skeleton.ts';

const [file, daysArg, armArg, policyArg] = process.argv.slice(2);
if (!file) throw new Error('usage: case.ts <scenario.json> [days|-] [arm|-] [policy]');
// `replay:generated` is a generated MDRP instance the size of the largest published one (3,200 orders, 460 couriers).
const loaded = validateScenario(
  file === 'replay:generated'
    ? mdrpScenario(parseMdrpInstance(generatedInstance(3200, 460, 200)), 'generated')
    : JSON.parse(readFileSync(file, 'utf8')),
);
if (!loaded.ok) throw new Error(`${file}: ${loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
const days = daysArg && daysArg !== '-' ? Number(daysArg) : loaded.scenario.time.days;
const base = loaded.scenario;
const policy = (policyArg ?? base.rules.dispatch.policy) as typeof base.rules.dispatch.policy;
const scenario = {
  ...base,
  time: { ...base.time, days },
  rules: { ...base.rules, dispatch: { ...base.rules.dispatch, policy } },
};
const arm = armArg && armArg !== '-' ? armArg : scenario.arms[0]!.id;
// One untimed warm-up on a single day lets the JIT settle for small cases, as a long run would.
simulate({ ...scenario, time: { ...scenario.time, days: 1 } }, arm, scenario.seed);
const work = newDispatchWork();
const t0 = performance.now();
const r = simulate(scenario, arm, scenario.seed, { work });
const ms = performance.now() - t0;
// Orders simulated: the reported days' and, at the same daily volume, the warm-up days' (synthetic scenarios).
const warmupDays = scenario.kind === 'replay' ? 0 : scenario.rules.deadline.warmupDays;
const orders = Math.round(r.metrics.service.ordersPlaced * (days + warmupDays));
const peakRssMiB = process.resourceUsage().maxRSS / 1024;
// The lean skeleton (bench/skeleton.ts) at the same size, in the same process right after: the ratio reads the same
// on a faster or slower machine. The replay case has no synthetic city: its skeleton uses a city of the same area.
const couriers = scenario.replay?.couriers.length ?? scenario.population.couriers;
const side = scenario.kind === 'replay' ? 10 : 0;
runSkeleton({ widthKm: 5, heightKm: 5, couriers, ordersPerDay: Math.round(orders / (days + warmupDays)), days: 1 }); // JIT warm-up
const skeleton = runSkeleton({
  widthKm: side || scenario.city.widthKm,
  heightKm: side || scenario.city.heightKm,
  couriers,
  ordersPerDay: Math.round(orders / (days + warmupDays)),
  days: days + warmupDays,
});
const skeletonPerSec = skeleton.orders / (skeleton.ms / 1000);
process.stdout.write(
  JSON.stringify({
    file,
    arm,
    days,
    warmupDays,
    couriers,
    orders,
    wallMs: ms,
    ordersPerSec: orders / (ms / 1000),
    peakRssMiB,
    skeletonPerSec,
    ratio: orders / (ms / 1000) / skeletonPerSec,
    policy: scenario.rules.dispatch.policy,
    evaluationsPerOrder: work.evaluations / orders,
    failedPerOrder: work.failed / orders,
    postponedPerOrder: work.postponed / orders,
    noCourierPerOrder: work.noCourier / orders,
    lostPerOrder: work.lost / orders,
    declinedPerOrder: work.declined / orders,
    screenedPerOrder: work.screened / orders,
  }) + '\n',
);
