// Conservation of orders and money on every preset, determinism across processes, and common random numbers.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { metricLeaves } from '../../src/analysis/metricPaths.ts';
import { readPresets } from '../scenario/presetFiles.ts';

function load(json: unknown): Scenario {
  const r = validateScenario(json);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

/**
 * Every preset. metro-large (20,000 couriers for 30 days) is for the benchmark: here it runs one day with its city
 * and hotspots but a twentieth of its couriers and orders.
 */
const presets = readPresets().map((p) => {
  const scenario = load(p.json);
  if (p.name !== 'metro-large.json') return { name: p.name, scenario };
  const perDay = scenario.demand.ordersPerDay ?? 0;
  return {
    name: `${p.name} (1 day, 1/20 size)`,
    scenario: load({
      ...(p.json as object),
      time: { ...scenario.time, days: 1 },
      population: { ...scenario.population, couriers: scenario.population.couriers / 20 },
      demand: { ...scenario.demand, ordersPerDay: Math.round(perDay / 20) },
    }),
  };
});

const cents = (x: number) => Math.round(x * 100);

describe.each(presets)('preset $name', ({ scenario }) => {
  it.each(scenario.arms.map((a) => a.id))('arm %s conserves orders and money and has finite metrics', (armId) => {
    const r = simulate(scenario, armId, scenario.seed, { courierDays: true });
    const s = r.metrics.service;
    // Every placed order ends delivered or undelivered (per-day means, so compare totals).
    expect(Math.round((s.ordersDelivered + s.ordersUndelivered) * scenario.time.days)).toBe(
      Math.round(s.ordersPlaced * scenario.time.days),
    );
    // revenue = platform margin + courier net + expenses, to the cent.
    const l = r.ledger;
    expect(cents(l.revenue)).toBe(cents(l.platformMargin) + cents(l.courierNet) + cents(l.expenses));
    expect(cents(l.courierNet)).toBe(
      cents(l.fees) - cents(l.commission) - cents(l.penalties) + cents(l.bonuses) + cents(l.topUps) - cents(l.expenses),
    );
    // Every yuan paid by one party is received by another.
    expect(Object.values(l.parties).reduce((a, v) => a + cents(v), 0)).toBe(0);
    // The courier-day rows add up to the ledger.
    const net = r.courierDays!.reduce((a, d) => a + cents(d.netCny), 0);
    expect(net).toBe(cents(l.courierNet));
    for (const [path, v] of metricLeaves(r.metrics)) expect(Number.isFinite(v), path).toBe(true);
  });
});

describe('determinism', () => {
  const demo = presets.find((p) => p.name === 'demo-small.json')!.scenario;

  it('gives byte-identical results for the same scenario and seed in this process', () => {
    const a = JSON.stringify(simulate(demo, 'strictest', 3));
    const b = JSON.stringify(simulate(demo, 'strictest', 3));
    expect(a).toBe(b);
  });

  it('gives byte-identical results in another Node process', () => {
    const script = `
      import { readFileSync } from 'node:fs';
      import { validateScenario } from './src/scenario/load.ts';
      import { simulate } from './src/sim/simulate.ts';
      const r = validateScenario(JSON.parse(readFileSync('scenarios/demo-small.json', 'utf8')));
      if (!r.ok) throw new Error('invalid');
      process.stdout.write(JSON.stringify(simulate(r.scenario, 'strictest', 3)));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(out).toBe(JSON.stringify(simulate(demo, 'strictest', 3)));
  });

  it('changes with the seed', () => {
    expect(JSON.stringify(simulate(demo, 'median', 1))).not.toBe(JSON.stringify(simulate(demo, 'median', 2)));
  });
});

describe('common random numbers', () => {
  const demo = presets.find((p) => p.name === 'demo-small.json')!.scenario;

  it('gives both arms the same orders and the same couriers; only the rules differ', () => {
    const a = simulate(demo, 'strictest', 5, { courierDays: true });
    const b = simulate(demo, 'median', 5, { courierDays: true });
    expect(a.metrics.service.ordersPlaced).toBe(b.metrics.service.ordersPlaced);
    expect(a.perHour.map((h) => h.ordersPlaced)).toEqual(b.perHour.map((h) => h.ordersPlaced));
    const who = (r: typeof a) => r.courierDays!.map((d) => `${d.courier}:${d.employment}:${d.isNew}`);
    expect(who(a)).toEqual(who(b));
    // The deadline differs: p10 promises less time than p50.
    expect(a.metrics.service.promisedMin.mean).toBeLessThan(b.metrics.service.promisedMin.mean);
  });
});
