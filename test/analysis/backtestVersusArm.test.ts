// Back-test figures that read a run metric over the whole run and compare two arms (the safety bonus of 2025).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BacktestFile, evaluateBacktest, figureProblems, runBacktest } from '../../src/analysis/backtest.ts';
import { inProcessExecutor, runTask } from '../../src/analysis/runTasks.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import type { Metrics } from '../../src/sim/results.ts';

const METRIC = 'safety.redLightRunsPerCourierDay';

/** A back-test file of these figures, over a scenario at ../x.json. */
const file = (figures: object[]) =>
  BacktestFile.parse({ schemaVersion: 1, id: 't', name: 'T', scenario: '../x.json', seeds: 2, figures });

/** A figure: arm b against arm a, the metric over days 0–29. */
const versus = (extra: object = {}) => ({
  id: 'runs',
  arm: 'b',
  versusArm: 'a',
  metric: METRIC,
  fromStep: 0,
  step: 29,
  observed: -26,
  source: 's',
  strength: 'weak',
  ...extra,
});

/** Metrics with only the red lights run set (the figure reads nothing else). */
const runs = (perCourierDay: number) =>
  ({ safety: { redLightRunsPerCourierDay: perCourierDay } }) as unknown as Metrics;

describe('a figure against another arm', () => {
  it('is the relative change in percent from that arm, seed by seed', () => {
    const rows = evaluateBacktest(file([versus()]), {}, { a: [runs(10), runs(8)], b: [runs(7), runs(6)] });
    // Seed 1: (7 − 10) / 10 = −30%; seed 2: (6 − 8) / 8 = −25%.
    expect(rows[0]!.model.mean).toBeCloseTo(-27.5, 12);
    expect(rows[0]!.gap).toBeCloseTo(-1.5, 12);
    expect(rows[0]!.covered).toBe(true);
  });

  it('refuses a figure with both or neither of series and metric, an unknown metric, or itself as versusArm', () => {
    expect(() => file([versus({ series: 'promise3kmMin' })])).toThrow(/either a series or a metric/);
    expect(() => file([versus({ metric: undefined })])).toThrow(/either a series or a metric/);
    expect(() => file([versus({ metric: 'safety.nothing' })])).toThrow(/not a metric path/);
    expect(() => file([versus({ versusArm: 'b' })])).toThrow(/another arm/);
    expect(() => file([versus({ metric: undefined, series: 'promise3kmMin', fromStep: 0, step: 5 })])).toThrow(
      /leave fromStep out/,
    );
  });

  it('names a versusArm the scenario lacks, and a metric figure that does not read the whole run', () => {
    expect(figureProblems(file([versus({ versusArm: 'c' })]), 30, ['a', 'b'])).toEqual([
      'figures[0].versusArm: the scenario has no arm "c"',
    ]);
    expect(figureProblems(file([versus({ step: 20 })]), 30, ['a', 'b'])).toEqual([
      'figures[0].step: a metric figure reads the whole run: fromStep 0 and step 29 (the last day)',
    ]);
  });
});

describe('runBacktest with a metric figure', () => {
  it('runs both arms without order traces and compares them on the same seeds', async () => {
    const loaded = validateScenario({
      schemaVersion: 2,
      time: { days: 2 },
      population: { couriers: 8, crowdShare: 0 },
      demand: { ordersPerCourierDay: 10 },
      behaviour: { redLightWaitSec: 26 },
      arms: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B', rules: { pay: { safetyBonusPerOrder: 1.25 } } },
      ],
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const seen: string[] = [];
    const executor = inProcessExecutor((task, warmups) => {
      seen.push(`${task.armId}/${task.seed}/${task.orders === true}`);
      return runTask(task, warmups);
    });
    const result = await runBacktest(file([versus({ step: 1 })]), loaded.scenario, executor);
    expect(seen.sort()).toEqual(['a/1/false', 'a/2/false', 'b/1/false', 'b/2/false']);
    expect(result.meanSeries).toEqual({});
    const value = (arm: string, seed: number) =>
      runTask({ scenario: loaded.scenario, armId: arm, seed }).metrics.safety.redLightRunsPerCourierDay;
    const expected = [1, 2].map((s) => (100 * (value('b', s) - value('a', s))) / value('a', s));
    expect(result.rows[0]!.model.mean).toBeCloseTo((expected[0]! + expected[1]!) / 2, 9);
  });
});

describe('the shipped safety-bonus back-test', () => {
  it('parses, and its figure reads the whole run of two arms of its preset', () => {
    const f = BacktestFile.parse(JSON.parse(readFileSync('scenarios/backtests/safety-bonus-2025.json', 'utf8')));
    const loaded = validateScenario(JSON.parse(readFileSync('scenarios/safety-bonus-2025.json', 'utf8')));
    if (!loaded.ok) throw new Error('safety-bonus-2025 invalid');
    const s = loaded.scenario;
    const arms = s.arms.map((a) => a.id);
    expect(figureProblems(f, s.time.days, arms)).toEqual([]);
    expect(f.figures.every((fig) => fig.versusArm !== undefined && fig.metric === METRIC)).toBe(true);
    expect(s.behaviour.redLightWaitSec).toBeGreaterThan(0);
    expect(s.arms.map((a) => s.rules.pay.safetyBonusPerOrder + (a.rules.pay?.safetyBonusPerOrder ?? 0))).toEqual([
      0, 1.25,
    ]);
  });
});
