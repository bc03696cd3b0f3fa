/**
 * Targets files: observed figures the model is held against (`fairpace calibrate --targets`), defined once in zod
 * like scenario files, with located errors. A target names a metric path (MODEL.md section 10), the arm it
 * describes, an observed range or value, its source and how strong that source is.
 */
import { z } from 'zod';
import { jsonPath, type Problem } from '../../scenario/load.ts';
import { loadJsonFile } from '../jsonFile.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { isMetricPath } from '../metricList.ts';

/** Version of the targets file format. */
export const TARGETS_SCHEMA_VERSION = 1;

/** How much weight a source can bear (CALIBRATION.md's strength column). */
export const STRENGTHS = ['high', 'medium-high', 'medium', 'weak'] as const;

const finite = () => z.number().refine(Number.isFinite, 'must be a finite number');

/** One observed figure. */
export const Target = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_.-]{1,60}$/, 'an id is 1–60 letters, digits, ".", "-" or "_"'),
    metric: z.string().min(1).max(200),
    arm: z.string().min(1).max(40),
    range: z.tuple([finite(), finite()]).optional(),
    value: finite().optional(),
    source: z.strictObject({
      title: z.string().min(1).max(500),
      year: z.number().int().min(1900).max(2100),
      url: z.string().max(2000).optional(),
    }),
    strength: z.enum(STRENGTHS),
    /** What the figure describes and how it maps to the metric, in plain words. */
    note: z.string().max(2000).optional(),
  })
  .superRefine((t, ctx) => {
    if ((t.range === undefined) === (t.value === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['range'], message: 'give either range [lo, hi] or value, not both' });
    }
    if (t.range && t.range[0] > t.range[1]) {
      ctx.addIssue({ code: 'custom', path: ['range'], message: `lo ${t.range[0]} is above hi ${t.range[1]}` });
    }
    if (!isMetricPath(t.metric)) {
      ctx.addIssue({
        code: 'custom',
        path: ['metric'],
        message: `"${t.metric}" is not a metric path of MODEL.md section 10`,
      });
    }
  });
export type Target = z.output<typeof Target>;

/** A targets file. */
export const TargetsFile = z
  .strictObject({
    schemaVersion: z.literal(TARGETS_SCHEMA_VERSION, {
      error: `schemaVersion must be ${TARGETS_SCHEMA_VERSION}`,
    }),
    name: z.string().min(1).max(200),
    description: z.string().max(10_000).default(''),
    targets: z.array(Target).min(1).max(500),
  })
  .superRefine((f, ctx) => {
    for (const p of duplicateIds(f.targets)) ctx.addIssue({ code: 'custom', ...p });
  });
export type TargetsFile = z.output<typeof TargetsFile>;

/** A repeated target id, located at its second and later appearances. */
function duplicateIds(targets: readonly unknown[]): { path: (string | number)[]; message: string }[] {
  const seen = new Set<string>();
  const out: { path: (string | number)[]; message: string }[] = [];
  targets.forEach((t, i) => {
    const id = t !== null && typeof t === 'object' ? (t as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') return;
    if (seen.has(id)) out.push({ path: ['targets', i, 'id'], message: `id "${id}" appears twice` });
    seen.add(id);
  });
  return out;
}

export type TargetsLoad = { ok: true; targets: TargetsFile } | { ok: false; problems: Problem[] };

/** Parses and validates a targets file's text; every problem located by its JSON path. */
export function loadTargets(text: string): TargetsLoad {
  const loaded = loadJsonFile(TargetsFile, text);
  if (loaded.ok) return { ok: true, targets: loaded.value };
  const problems = loaded.problems;
  // Refinements of the whole file do not run while a target fails, so a repeated id is looked for here too.
  const raw = (loaded.raw as { targets?: unknown } | null | undefined)?.targets;
  for (const d of Array.isArray(raw) ? duplicateIds(raw) : []) {
    const path = jsonPath(d.path);
    if (!problems.some((p) => p.path === path && p.message === d.message)) problems.push({ path, message: d.message });
  }
  return { ok: false, problems };
}

/** The targets whose arm the scenario lacks, as located problems (empty when every arm exists). */
export function armProblems(file: TargetsFile, scenario: Scenario): Problem[] {
  const arms = scenario.arms.map((a) => a.id);
  const problems: Problem[] = [];
  file.targets.forEach((t, i) => {
    if (!arms.includes(t.arm)) {
      problems.push({
        path: jsonPath(['targets', i, 'arm']),
        message: `the scenario has no arm "${t.arm}" (arms: ${arms.join(', ')})`,
      });
    }
  });
  return problems;
}
