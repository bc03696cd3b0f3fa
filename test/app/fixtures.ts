/** A small real comparison (demo-small, two replications) for the app's pure modules; computed once per file. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as Plot from '@observablehq/plot';
import { compare, type Comparison } from '../../src/analysis/index.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import type { ChartArm } from '../../src/app/charts/chartTypes.ts';

/** A preset, validated (throws when it is not valid). */
export function preset(name: string): Scenario {
  const raw: unknown = JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url)), 'utf8'),
  );
  const loaded = validateScenario(raw);
  if (!loaded.ok) throw new Error(`${name}: ${loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return loaded.scenario;
}

/** demo-small with two replications, compared in this thread. */
export async function smallComparison(): Promise<{ scenario: Scenario; comparison: Comparison }> {
  const scenario = { ...preset('demo-small'), replications: 2 };
  return { scenario, comparison: await compare(scenario) };
}

/** The chart input of a comparison, arms named by id. */
export function chartArms(comparison: Comparison): ChartArm[] {
  return comparison.arms.map((a) => ({
    id: a.id,
    name: `name-${a.id}`,
    metrics: a.metrics,
    perDay: a.perDay,
    perHour: a.perHour,
    speedHistogramKm: a.speedHistogramKm,
  }));
}

/** A mark as the tests read it: its kind (`rule`, `dot`, `line`, `bar`, `text`, `area`, `tip`) and its data. */
export interface MarkView {
  kind: string;
  data: unknown[];
}

/** Every mark of a Plot options object, nested mark arrays flattened. */
export function marksOf(options: Plot.PlotOptions): MarkView[] {
  const out: MarkView[] = [];
  const walk = (m: unknown) => {
    if (Array.isArray(m)) m.forEach(walk);
    else if (m && typeof m === 'object' && 'ariaLabel' in m) {
      const mark = m as { ariaLabel: string; data?: unknown };
      out.push({ kind: mark.ariaLabel, data: Array.isArray(mark.data) ? mark.data : [] });
    }
  };
  walk(options.marks ?? []);
  return out;
}

/** The data of the marks of one kind, concatenated. */
export function dataOf<T>(options: Plot.PlotOptions, kind: string): T[] {
  return marksOf(options)
    .filter((m) => m.kind === kind)
    .flatMap((m) => m.data as T[]);
}
