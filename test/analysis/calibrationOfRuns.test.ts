// The model check from runs already made: the same rows as `calibrate` on the same scenario and seeds, and targets
// of arms that did not run listed apart instead of judged on no data.
import { describe, expect, it } from 'vitest';
import {
  calibrate,
  calibrationOfRuns,
  compareBatch,
  DEFAULT_TARGETS,
  loadTargets,
  runInProcess,
  runsByArmOf,
  type TargetsFile,
} from '../../src/analysis/index.ts';
import { digestOf } from '../../src/scenario/canonical.ts';
import { Scenario } from '../../src/scenario/schema.ts';

const TINY = Scenario.parse({
  schemaVersion: 2,
  population: { couriers: 6 },
  demand: { ordersPerCourierDay: 12 },
  replications: 2,
});

async function comparisonRuns(scenario: Scenario, arms?: string[]) {
  const batch = compareBatch(scenario, arms ? { arms } : {});
  const runs = await runInProcess(batch.tasks);
  return { plan: batch.plan, runs: runsByArmOf(batch.plan.armIds, batch.plan.seeds.length, runs) };
}

describe('calibrationOfRuns', () => {
  it('gives exactly the calibrate result when the runs cover every target arm with the scenario’s seeds', async () => {
    const { plan, runs } = await comparisonRuns(TINY);
    const fromRuns = calibrationOfRuns(TINY, DEFAULT_TARGETS, plan.seeds, runs);
    const direct = await calibrate(TINY, DEFAULT_TARGETS);
    const { notRun, ...rest } = fromRuns;
    expect(notRun).toEqual([]);
    // Same keys in the same order, same numbers: the JSON text is the calibrate command's.
    expect(JSON.stringify(rest)).toBe(JSON.stringify(direct));
    expect(fromRuns.rows.length).toBe(DEFAULT_TARGETS.targets.length);
  });

  it('lists targets of an arm that was not run, and of an arm the scenario lacks, without judging them', async () => {
    const { plan, runs } = await comparisonRuns(TINY, ['median']);
    const result = calibrationOfRuns(TINY, DEFAULT_TARGETS, plan.seeds, runs);
    const medianTargets = DEFAULT_TARGETS.targets.filter((t) => t.arm === 'median').map((t) => t.id);
    const strictTargets = DEFAULT_TARGETS.targets.filter((t) => t.arm === 'strictest').map((t) => t.id);
    expect(result.rows.map((r) => r.id)).toEqual(medianTargets);
    expect(result.notRun.map((t) => t.id)).toEqual(strictTargets);
    expect(
      result.notRun.every((t) => t.cause === 'armNotRun' && /was not among the arms run \(median\)/.test(t.reason)),
    ).toBe(true);
    expect(result.arms).toEqual(['median']);
    expect(result.summary.within + result.summary.below + result.summary.above).toBe(medianTargets.length);
    // The digest names the whole targets file, not the part judged here.
    expect(result.targetsDigest).toBe(digestOf(DEFAULT_TARGETS));

    const renamed = Scenario.parse({
      ...TINY,
      arms: [
        { id: 'current', label: 'Current', rules: { deadline: { percentile: 10 } } },
        { id: 'proposal', label: 'Proposal', rules: { deadline: { percentile: 50 } } },
      ],
    });
    const other = await comparisonRuns(renamed);
    const none = calibrationOfRuns(renamed, DEFAULT_TARGETS, other.plan.seeds, other.runs);
    expect(none.rows).toEqual([]);
    expect(none.summary).toEqual({ within: 0, below: 0, above: 0 });
    expect(none.notRun).toHaveLength(DEFAULT_TARGETS.targets.length);
    expect(none.notRun[0]).toMatchObject({ cause: 'noSuchArm' });
    expect(none.notRun[0]?.arm).toBe(DEFAULT_TARGETS.targets[0]?.arm);
    expect(none.notRun[0]?.reason).toBe(
      `the scenario has no arm "${DEFAULT_TARGETS.targets[0]?.arm}" (arms: current, proposal)`,
    );
  });

  it('judges a target on the runs of its own arm only', async () => {
    const loaded = loadTargets(
      JSON.stringify({
        schemaVersion: 1,
        name: 'hand',
        targets: [
          {
            id: 'fee',
            metric: 'earnings.feePerOrder',
            arm: 'strictest',
            range: [0, 1000],
            source: { title: 'x', year: 2024 },
            strength: 'weak',
          },
        ],
      }),
    );
    if (!loaded.ok) throw new Error('bad targets');
    const targets: TargetsFile = loaded.targets;
    const { plan, runs } = await comparisonRuns(TINY);
    const result = calibrationOfRuns(TINY, targets, plan.seeds, runs);
    const fees = (runs.strictest ?? []).map((r) => r.metrics.earnings.feePerOrder);
    expect(result.rows[0]?.model.mean).toBe(fees.reduce((a, b) => a + b, 0) / fees.length);
    expect(result.rows[0]?.status).toBe('within');
  });
});
