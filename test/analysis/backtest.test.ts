import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BacktestFile,
  backtestSeries,
  evaluateBacktest,
  figureProblems,
  levelAt,
  runBacktest,
  settledStep,
  type BacktestRunSeries,
} from '../../src/analysis/backtest.ts';
import { inProcessExecutor, runTask } from '../../src/analysis/runTasks.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import type { OrderTraceColumns } from '../../src/sim/orderTrace.ts';
import { simulate } from '../../src/sim/simulate.ts';

/** A trace of the given orders: [day, placeSec, promiseSec, deliveredSec (NaN: not delivered), roadKm]. */
function trace(rows: [number, number, number, number, number][]): OrderTraceColumns {
  const col = (k: number) => rows.map((r) => r[k] as number);
  const nan = rows.map(() => Number.NaN);
  return {
    day: col(0),
    index: rows.map((_, i) => i),
    courier: nan,
    placeSec: col(1),
    readySec: nan,
    assignedSec: nan,
    pickedSec: nan,
    deliveredSec: col(3),
    promiseSec: col(2),
    roadKm: col(4),
    restaurantXKm: nan,
    restaurantYKm: nan,
    customerXKm: nan,
    customerYKm: nan,
    late: nan,
    feeCny: nan,
  };
}

const file = (figures: unknown[]) =>
  BacktestFile.parse({ schemaVersion: 1, id: 't', name: 't', scenario: 'x.json', seeds: 2, figures });

describe('backtestSeries', () => {
  it('averages the 3 km promise and the click-to-door per day, skipping other bands and undelivered orders', () => {
    const s = backtestSeries(
      trace([
        [0, 0, 40 * 60, 30 * 60, 3.0],
        [0, 60, 60 + 50 * 60, Number.NaN, 2.75],
        [0, 0, 20 * 60, 10 * 60, 1.0], // not in the band: its promise does not count
        [1, 0, 30 * 60, 20 * 60, 3.25],
      ]),
      3,
    );
    expect(s.promise3kmMin).toEqual([45, 30, Number.NaN]);
    expect(s.clickToDoorMin).toEqual([20, 20, Number.NaN]);
  });

  it('reads a real run: one value per day, promises and times in minutes of a plausible size', () => {
    const loaded = validateScenario(JSON.parse(readFileSync('scenarios/demo-small.json', 'utf8')));
    if (!loaded.ok) throw new Error('demo-small invalid');
    const run = simulate(loaded.scenario, 'strictest', 1, { orders: true });
    const s = backtestSeries(run.orders!, loaded.scenario.time.days);
    expect(s.promise3kmMin).toHaveLength(loaded.scenario.time.days);
    for (const v of [...s.promise3kmMin, ...s.clickToDoorMin]) expect(v).toBeGreaterThan(5);
    for (const v of [...s.promise3kmMin, ...s.clickToDoorMin]) expect(v).toBeLessThan(120);
  });
});

describe('levelAt', () => {
  it('averages the steps around one, within the series, skipping NaN', () => {
    const xs = [10, 20, Number.NaN, 40, 50];
    expect(levelAt(xs, 0, 2)).toBeCloseTo(15);
    expect(levelAt(xs, 2, 2)).toBeCloseTo(30);
    expect(levelAt(xs, 4, 0)).toBe(50);
    expect(levelAt([Number.NaN], 0, 2)).toBeNaN();
  });
});

describe('evaluateBacktest', () => {
  const run = (promise: number[]): BacktestRunSeries => ({ promise3kmMin: promise, clickToDoorMin: promise });

  it('holds a level and a change against the observed value, with an interval over seeds', () => {
    const f = file([
      { id: 'level', arm: 'a', series: 'promise3kmMin', step: 10, observed: 40, source: 's', strength: 'weak' },
      {
        id: 'fall',
        arm: 'a',
        series: 'promise3kmMin',
        fromStep: 0,
        step: 10,
        observed: -20,
        source: 's',
        strength: 'weak',
      },
    ]);
    const flat = (v: number, end: number) => Array.from({ length: 11 }, (_, d) => (d < 5 ? v : end));
    const rows = evaluateBacktest(f, { a: [run(flat(60, 38)), run(flat(60, 42))] });
    expect(rows[0]!.model.mean).toBeCloseTo(40);
    expect(rows[0]!.gap).toBeCloseTo(0);
    expect(rows[0]!.covered).toBe(true);
    expect(rows[1]!.model.mean).toBeCloseTo(-20);
    const far = evaluateBacktest(f, { a: [run(flat(60, 30)), run(flat(60, 31))] });
    expect(far[0]!.gap).toBeCloseTo(-9.5);
    expect(far[0]!.covered).toBe(false);
  });

  it('refuses a change whose start is not before its step, and names figures past the end or of a missing arm', () => {
    expect(() =>
      file([
        {
          id: 'x',
          arm: 'a',
          series: 'promise3kmMin',
          fromStep: 5,
          step: 5,
          observed: 0,
          source: 's',
          strength: 'weak',
        },
      ]),
    ).toThrow(/fromStep/);
    const f = file([
      { id: 'x', arm: 'b', series: 'promise3kmMin', step: 200, observed: 0, source: 's', strength: 'weak' },
    ]);
    expect(figureProblems(f, 104, ['a'])).toEqual([
      'figures[0].arm: the scenario has no arm "b"',
      "figures[0].step: 200 is past the scenario's last day (103)",
    ]);
  });
});

describe('the shipped back-test', () => {
  it('parses, and every figure reads a step and an arm of its preset', () => {
    const raw = JSON.parse(readFileSync('scenarios/backtests/ratchet-2016-2018.json', 'utf8'));
    const f = BacktestFile.parse(raw);
    const loaded = validateScenario(JSON.parse(readFileSync('scenarios/ratchet-2016-2018.json', 'utf8')));
    if (!loaded.ok) throw new Error('ratchet-2016-2018 invalid');
    const s = loaded.scenario;
    expect(
      figureProblems(
        f,
        s.time.days,
        s.arms.map((a) => a.id),
      ),
    ).toEqual([]);
  });
});

describe('runBacktest', () => {
  it('runs the arms the figures name with their traces, through the executor, and averages the series', async () => {
    const loaded = validateScenario(JSON.parse(readFileSync('scenarios/demo-small.json', 'utf8')));
    if (!loaded.ok) throw new Error('demo-small invalid');
    const f = file([
      { id: 'p', arm: 'median', series: 'promise3kmMin', step: 0, observed: 35, source: 's', strength: 'weak' },
    ]);
    const seen: string[] = [];
    const executor = inProcessExecutor((task, warmups) => {
      seen.push(`${task.armId}/${task.seed}/${task.orders}`);
      return runTask(task, warmups);
    });
    const result = await runBacktest(f, loaded.scenario, executor);
    expect(seen.sort()).toEqual(['median/1/true', 'median/2/true']);
    expect(result.seeds).toEqual([1, 2]);
    expect(result.rows).toHaveLength(1);
    expect(result.meanSeries.median!.promise3kmMin[0]).toBeCloseTo(result.rows[0]!.model.mean, 9);
    await expect(
      runBacktest(
        file([{ id: 'p', arm: 'x', series: 'promise3kmMin', step: 0, observed: 1, source: 's', strength: 'weak' }]),
        loaded.scenario,
        executor,
      ),
    ).rejects.toThrow(/no arm "x"/);
  });
});

describe('settledStep', () => {
  it('is the first step from which the levels stay within a minute of the end', () => {
    const xs = Array.from({ length: 40 }, (_, d) => (d < 20 ? 40 - d : 20));
    const at = settledStep(xs);
    expect(at).toBeGreaterThan(15);
    expect(at).toBeLessThan(22);
    expect(settledStep(Array.from({ length: 10 }, () => 30))).toBe(0);
  });
});
