/**
 * The model against observation: each target's metric over the replications of its arm, as a mean with a 95%
 * interval, and where it stands against the observed range (`within`, `below` or `above`, by how much).
 */
import { digestOf } from '../../scenario/canonical.ts';
import type { RunResult } from '../../sim/results.ts';
import { metricAt } from '../metricPaths.ts';
import { valueBounds } from '../metricBounds.ts';
import { boundedInterval } from '../stats.ts';
import type { Target, TargetsFile } from './targets.ts';

/** Where the model stands against one target. */
export type TargetStatus = 'within' | 'below' | 'above';

/** One target's row: what was observed, what the model gives, and the verdict. */
export interface TargetRow {
  id: string;
  metric: string;
  arm: string;
  observed: { range: [number, number] } | { value: number };
  model: { mean: number; ci95: [number, number] };
  status: TargetStatus;
  /** Distance from the range (or the value) to the model's mean when outside; 0 within. */
  by: number;
  strength: Target['strength'];
  source: Target['source'];
  note?: string;
}

/** Every target's row and the counts by status. */
export interface CalibrationReport {
  targetsName: string;
  targetsDigest: string;
  rows: TargetRow[];
  summary: Record<TargetStatus, number>;
}

/**
 * The status of a model value: for a range, by its mean against [lo, hi]; for a single observed value, `within`
 * when the 95% interval covers it.
 */
export function statusOf(target: Target, mean: number, ci95: [number, number]): { status: TargetStatus; by: number } {
  const [lo, hi] = target.range ?? [target.value as number, target.value as number];
  if (target.range) {
    if (mean < lo) return { status: 'below', by: lo - mean };
    if (mean > hi) return { status: 'above', by: mean - hi };
    return { status: 'within', by: 0 };
  }
  if (ci95[1] < lo) return { status: 'below', by: lo - mean };
  if (ci95[0] > hi) return { status: 'above', by: mean - hi };
  return { status: 'within', by: 0 };
}

/** Holds each target against the runs of its arm (`runsByArm[armId]`, one result per replication). */
export function evaluateTargets(file: TargetsFile, runsByArm: Record<string, readonly RunResult[]>): CalibrationReport {
  const summary: Record<TargetStatus, number> = { within: 0, below: 0, above: 0 };
  const rows = file.targets.map((t): TargetRow => {
    const runs = runsByArm[t.arm] ?? [];
    const values = runs.map((r) => metricAt(r.metrics, t.metric) ?? Number.NaN);
    const { mean, ci95 } = boundedInterval(values, valueBounds(t.metric));
    const { status, by } = statusOf(t, mean, ci95);
    summary[status]++;
    const row: TargetRow = {
      id: t.id,
      metric: t.metric,
      arm: t.arm,
      observed: t.range ? { range: [t.range[0], t.range[1]] } : { value: t.value as number },
      model: { mean, ci95 },
      status,
      by,
      strength: t.strength,
      source: t.source,
    };
    if (t.note !== undefined) row.note = t.note;
    return row;
  });
  return { targetsName: file.name, targetsDigest: digestOf(file), rows, summary };
}

/** The arms a targets file needs, in the scenario's order. */
export function armsOfTargets(file: TargetsFile, scenarioArms: readonly string[]): string[] {
  const wanted = new Set(file.targets.map((t) => t.arm));
  return scenarioArms.filter((a) => wanted.has(a));
}

/**
 * How far the model is from the targets, for fitting: Σ over targets of the squared distance outside the observed
 * range in units of the range's width (or of 10% of the value), 0 when every target is within.
 */
export function calibrationLoss(report: CalibrationReport): number {
  let loss = 0;
  for (const row of report.rows) {
    if (row.status === 'within') continue;
    const width =
      'range' in row.observed
        ? Math.max(row.observed.range[1] - row.observed.range[0], Math.abs(row.observed.range[1]) * 0.1, 1e-9)
        : Math.max(Math.abs(row.observed.value) * 0.1, 1e-9);
    const d = row.by / width;
    loss += d * d;
  }
  return loss;
}
