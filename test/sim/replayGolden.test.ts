// Golden results of replays: the whole outcome of a few replays (every metric, per-day and per-hour series, the
// ledger, the compliance scorecard, the courier-day rows and the MDRP solution: assignments, order times and moves),
// per arm, against committed files, exactly: numbers are written as JavaScript prints them (the shortest text that
// reads back to the same double), so any change of a last bit fails. A change to the model that moves them must
// update the files on purpose (UPDATE_GOLDEN=1 npx vitest run test/sim/replayGolden.test.ts) and say why.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvLineReader } from '../../src/io/csvLines.ts';
import { mdrpScenario, parseMdrpInstance } from '../../src/io/mdrp.ts';
import { WaybillReplayBuilder, waybillScenario } from '../../src/io/waybillReplay.ts';
import { Scenario, type ScenarioInput } from '../../src/scenario/schema.ts';
import type { CourierDay, ReplaySolution, RunResult } from '../../src/sim/results.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { generatedInstance, smallInstance } from '../io/mdrpFixtures.ts';
import { generateWaybills } from '../io/waybillFixtures.ts';

/** The solution's rows as one line each (`courier restaurant orders assignment pickup`, …), for a readable file. */
function solutionLines(s: ReplaySolution): Record<string, string[]> {
  return {
    assignments: s.assignments.map(
      (a) => `${a.courier} ${a.restaurant} ${a.orders.join(',')} ${a.assignmentMin} ${a.pickupMin}`,
    ),
    orders: s.orders.map(
      (o) => `${o.order} ${o.courier} ${o.placementMin} ${o.readyMin} ${o.pickupMin} ${o.dropoffMin}`,
    ),
    moves: s.moves.map((m) => `${m.courier} ${m.departureMin} ${m.origin} ${m.destination}`),
  };
}

/** Courier-day rows as one line of values each, under a line of their names. */
function courierDayLines(rows: CourierDay[]): string[] {
  const names = Object.keys(rows[0] ?? {}) as (keyof CourierDay)[];
  return [names.join(' '), ...rows.map((row) => names.map((k) => String(row[k])).join(' '))];
}

/** A run's whole outcome; with `digestOnly`, its metrics and the SHA-256 of everything (for a large instance). */
function outcome(r: RunResult, digestOnly: boolean): unknown {
  const { solution, courierDays, ...rest } = r;
  if (!solution || !courierDays) throw new Error('no solution or courier-days');
  const whole = { ...rest, courierDays: courierDayLines(courierDays), solution: solutionLines(solution) };
  if (!digestOnly) return whole;
  return {
    metrics: r.metrics,
    sha256: createHash('sha256').update(JSON.stringify(whole)).digest('hex'),
  };
}

/** A replay scenario of generated MDRP files, with changes to its rules and arms. */
function mdrp(orders: number, couriers: number, restaurants: number, change?: (s: ScenarioInput) => void): Scenario {
  const input = mdrpScenario(parseMdrpInstance(generatedInstance(orders, couriers, restaurants)), 'gen');
  change?.(input);
  return Scenario.parse(input);
}

/** One day and one area of generated waybills, imported as `fairpace import waybills` does. */
function waybills(): Scenario {
  let text = '';
  generateWaybills(16_000, (t) => void (text += t), 1, 12);
  const builder = new WaybillReplayBuilder('w.csv', { area: '3' });
  const reader = new CsvLineReader(builder, 'w.csv');
  for (let i = 0; i < text.length; i += 1 << 16) reader.push(text.slice(i, i + (1 << 16)));
  reader.end();
  const built = builder.finish('w.csv');
  return Scenario.parse(waybillScenario(built, { fileName: 'w.csv', sha256: '00'.repeat(32) }));
}

/** Arms labelled by their ids. */
const arms = (list: { id: string; rules: object }[]) => list.map((a) => ({ ...a, label: a.id }));

/** The scenario's rules as written (parts of sections), to change before parsing. */
const rules = (s: ScenarioInput): NonNullable<ScenarioInput['rules']> => (s.rules ??= {});

interface Case {
  scenario: () => Scenario;
  seed: number;
  digestOnly?: boolean;
}

const CASES: Record<string, Case> = {
  // The hand-checked instance of test/io/mdrpFixtures.ts, under the default rolling dispatch.
  'replay-mdrp-small': {
    scenario: () => Scenario.parse(mdrpScenario(parseMdrpInstance(smallInstance()), 'small')),
    seed: 1,
  },
  // The short-staffed generated instance of test/sim/replay.test.ts, default rules (one warm-up day).
  'replay-mdrp-300': { scenario: () => mdrp(300, 30, 20), seed: 1 },
  // The larger one with three arms, two warm-up days, batches of 90 s (two minutes) and a learning window.
  'replay-mdrp-1000-three-arms': {
    scenario: () =>
      mdrp(1000, 60, 40, (s) => {
        const r = rules(s);
        r.deadline = { warmupDays: 2, learning: { windowDays: 2, rate: 0.5 } };
        r.dispatch = { ...r.dispatch, batchSeconds: 90 };
        s.arms = arms([
          { id: 'strictest', rules: { deadline: { percentile: 10 } } },
          { id: 'median', rules: { deadline: { percentile: 50 } } },
          { id: 'loose', rules: { deadline: { percentile: 80 }, dispatch: { policy: 'greedy' } } },
        ]);
      }),
    seed: 2,
    digestOnly: true,
  },
  // The other dispatch policies and deadline basis, no warm-up, assessment ranking and daily tiers, one arm each.
  'replay-mdrp-300-policies': {
    scenario: () =>
      mdrp(300, 30, 20, (s) => {
        rules(s).penalties = { perMinuteLate: 0.5 };
        s.arms = arms([
          { id: 'greedy', rules: { dispatch: { policy: 'greedy' } } },
          { id: 'nearest', rules: { dispatch: { policy: 'nearest' } } },
          { id: 'fairShare', rules: { dispatch: { policy: 'fairShare' } } },
          { id: 'ridingPace', rules: { deadline: { basis: 'ridingPace', percentile: 30 } } },
          { id: 'noWarmup', rules: { deadline: { warmupDays: 0 }, dispatch: { maxBag: 1 } } },
          {
            id: 'ranked',
            rules: { assessment: { rankByOnTime: true }, pay: { dailyTiers: [{ orders: 5, bonus: 10 }] } },
          },
        ]);
      }),
    seed: 3,
    digestOnly: true,
  },
  // The size of the largest MDRP instance (the bench's), its metrics and a digest of the rest.
  'replay-mdrp-3200': { scenario: () => mdrp(3200, 460, 200), seed: 1, digestOnly: true },
  // A day of generated waybills (the README's example at a smaller size): the model's pay rules, per km.
  'replay-waybills': { scenario: waybills, seed: 1 },
};

describe.each(Object.keys(CASES))('golden %s', (name) => {
  it('matches the committed outcome of every arm exactly', () => {
    const c = CASES[name] as Case;
    const s = c.scenario();
    const actual = JSON.parse(
      JSON.stringify(
        Object.fromEntries(
          s.arms.map((a) => [
            a.id,
            outcome(simulate(s, a.id, c.seed, { solution: true, courierDays: true }), c.digestOnly === true),
          ]),
        ),
      ),
    ) as unknown;
    const file = new URL(`../golden/${name}.json`, import.meta.url);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, JSON.stringify(actual, null, 1) + '\n');
    if (!existsSync(file)) throw new Error(`no golden file for ${name}: run UPDATE_GOLDEN=1 on purpose`);
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
