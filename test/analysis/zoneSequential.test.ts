// A sequential zone: every cell on 3 seeds, more only where a side's verdict is not yet decided; each cell's figures
// those of the fixed zone on as many seeds, whatever order the runs finish in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  limitsDecided,
  runInProcess,
  zoneBatch,
  zoneSequential,
  type Executor,
  type ZoneOptions,
} from '../../src/analysis/index.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import type { RunResult } from '../../src/sim/results.ts';

function demo(replications: number) {
  const r = validateScenario(JSON.parse(readFileSync('scenarios/demo-small.json', 'utf8')));
  if (!r.ok) throw new Error('demo-small does not load');
  return { ...r.scenario, replications };
}

const options: ZoneOptions = {
  x: { param: 'rules.deadline.percentile', values: [10, 50] },
  y: { param: 'rules.pay.base', values: [4, 7, 12] },
  // Near two cells' values on demo-small (base pay 12 at the 10th percentile; 7 at the 50th), far from the others'.
  union: [{ metric: 'earnings.shareBelowMinWage', op: '<=', threshold: 0.1 }],
  platform: [{ metric: 'platform.margin', op: '>=', threshold: 200 }],
};

// Results come back in task order whatever order the runs finished in: run them backwards, and hand each result to
// onResult last to first.
const backwards: Executor = async (tasks, onProgress, signal, onResult) => {
  const reversed = (await runInProcess([...tasks].reverse(), onProgress, signal)).reverse();
  for (let k = reversed.length - 1; k >= 0; k--) onResult?.(k, reversed[k] as RunResult);
  return reversed;
};

describe('zoneSequential', () => {
  it('judges each cell on its own seeds as the fixed zone does, stopping where both sides are decided', async () => {
    const scenario = demo(6);
    const full = zoneBatch(scenario, options);
    const all = await runInProcess(full.tasks);
    const shown: { replications: number; of: number; counts: number[] }[] = [];
    const outcome = await zoneSequential(scenario, options, runInProcess, {}, undefined, undefined, (a) =>
      shown.push({ replications: a.replications, of: a.of, counts: a.answer.replicationsByCell }),
    );
    const counts = outcome.result.replicationsByCell;
    // Cells y outer, x inner: the two near a limit run every seed (3, then 5, then 6), the others stop at 3.
    expect(counts).toEqual([3, 3, 3, 6, 6, 3]);
    expect(outcome).toMatchObject({ runs: 24, onEverySeed: 2 });
    expect(outcome.fullRuns).toBe(36);
    for (const [i, n] of counts.entries()) {
      // The cell is the fixed zone's on its first n seeds.
      const fixed = full.seedPrefix!.answer(all, n).cells[i];
      expect(JSON.stringify(outcome.result.cells[i])).toBe(JSON.stringify(fixed));
      // It stopped early only where both sides were decided, and ran on where they were not.
      const cell = outcome.result.cells[i]!;
      const decided = limitsDecided(options.union, cell.metrics) && limitsDecided(options.platform, cell.metrics);
      if (n < 6) expect(decided).toBe(true);
      if (n > 3) {
        const before = full.seedPrefix!.answer(all, n === 6 ? 5 : 3).cells[i]!; // rounds: 3, 5, 6 seeds
        expect(limitsDecided(options.union, before.metrics) && limitsDecided(options.platform, before.metrics)).toBe(
          false,
        );
      }
    }
    // Provisional zones: every cell's second seed, the first round, the open cells' fourth seed, the second round;
    // never the final answer.
    expect(shown.map((s) => s.counts)).toEqual([
      [2, 2, 2, 2, 2, 2],
      [3, 3, 3, 3, 3, 3],
      [3, 3, 3, 4, 4, 3],
      [3, 3, 3, 5, 5, 3],
    ]);
    expect(shown.map((s) => [s.replications, s.of])).toEqual([
      [2, 6],
      [3, 6],
      [3, 6],
      [3, 6],
    ]);
    // The same answer whatever order the runs finish in.
    const reversed = await zoneSequential(scenario, options, backwards);
    expect(JSON.stringify(reversed.result)).toBe(JSON.stringify(outcome.result));
  });

  it('is the fixed zone byte for byte when its first round is every seed', async () => {
    const scenario = demo(3);
    const outcome = await zoneSequential(scenario, options, runInProcess, { minReplications: 3 });
    const fixed = zoneBatch(scenario, options);
    const summary = fixed.summarise(await runInProcess(fixed.tasks));
    expect(outcome.result.replicationsByCell).toEqual([3, 3, 3, 3, 3, 3]);
    const { replicationsByCell: _counts, ...rest } = outcome.result;
    expect(JSON.stringify(rest)).toBe(JSON.stringify(summary));
  });
});
