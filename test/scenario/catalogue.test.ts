import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  BOOLEAN_NAMES,
  CATALOGUE,
  FACTS_KEYWORD,
  FIELD_PATHS,
  rangedParameters,
  type ParameterFacts,
} from '../../src/scenario/catalogue.ts';
import { ENUM_OPTION_NAMES, FIELD_NAMES, OPTION_NAMES } from '../../src/scenario/fieldNames.ts';
import type { FieldPath } from '../../src/scenario/fieldPath.ts';
import { scenarioJsonSchema } from '../../src/scenario/jsonSchema.ts';
import { Scenario, WEATHER_KINDS } from '../../src/scenario/schema.ts';

/** The node without its default, prefault, optional and nullable wrappers. */
function bare(node: z.ZodType): z.ZodType {
  let inner = node;
  while (
    inner instanceof z.ZodDefault ||
    inner instanceof z.ZodPrefault ||
    inner instanceof z.ZodOptional ||
    inner instanceof z.ZodNullable
  ) {
    inner = inner.unwrap() as z.ZodType;
  }
  return inner;
}

/** Whether a node is edited as a whole (as FieldPath's IsLeaf says): nullable, optional, a list or a per-weather table. */
function isLeaf(node: z.ZodType): boolean {
  const inner = bare(node);
  if (!(inner instanceof z.ZodObject)) return true;
  if (node.safeParse(null).success || node.safeParse(undefined).data === undefined) return true;
  const keys = Object.keys(inner.shape).sort();
  return keys.join() === [...WEATHER_KINDS].sort().join();
}

/** Every editable leaf of the scenario schema with its node, as FieldPath spells the paths. */
function schemaLeaves(): Map<string, z.ZodType> {
  const out = new Map<string, z.ZodType>();
  const walk = (node: z.ZodType, prefix: string) => {
    const inner = bare(node) as z.ZodObject;
    for (const [key, child] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (!prefix && ['schemaVersion', 'kind', 'arms', 'replay'].includes(key)) continue;
      if (isLeaf(child)) out.set(path, child);
      else walk(child, path);
    }
  };
  walk(Scenario, '');
  return out;
}

/** The ids of every target of scenarios/targets/*.json. */
function targetIds(): Set<string> {
  const dir = fileURLToPath(new URL('../../scenarios/targets/', import.meta.url));
  const ids = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const json = JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as { targets: { id: string }[] };
    for (const t of json.targets) ids.add(t.id);
  }
  return ids;
}

/**
 * Figures docs/model.md names as what a default is calibrated to that set a parameter rather than describe an
 * outcome, so they are not targets of the targets file (its description lists them): the e-bike speed and platform
 * revenue per order.
 */
const PARAMETER_FIGURES = new Set(['speed', 'platform-revenue']);

describe('the parameter catalogue', () => {
  it('has the facts of every editable field of the schema, and of no other', () => {
    expect([...schemaLeaves().keys()].sort()).toEqual([...FIELD_PATHS].sort());
  });

  it('is attached to the schema: each field’s node carries its facts (`.meta()`), and the JSON Schema shows them', () => {
    for (const [path, node] of schemaLeaves()) {
      const meta = node.meta() as Record<string, unknown> | undefined;
      expect(meta?.[FACTS_KEYWORD], path).toBe(CATALOGUE[path as FieldPath]);
      expect(meta?.title, path).toBe(CATALOGUE[path as FieldPath].name.en);
    }
    const pay = scenarioJsonSchema().properties as Record<string, { properties: Record<string, unknown> }>;
    const base = (pay.rules?.properties.pay as { properties: Record<string, Record<string, unknown>> }).properties.base;
    expect(base?.title).toBe('Piece rate per order');
    expect(base?.description).toBe('Calibrated against income-hourly, per-order-pay.');
    expect(base?.[FACTS_KEYWORD]).toMatchObject({ unit: 'cnyPerOrder', status: { kind: 'calibrated' } });
    expect(base?.default).toBe(7);
  });

  it('names every choice of every enum, keyed by the enum, and a value two enums share the same in both', () => {
    for (const [path, node] of schemaLeaves()) {
      const inner = bare(node);
      const enumOf = (n: z.ZodType) => (n instanceof z.ZodEnum ? (n.options as string[]) : undefined);
      const choices =
        enumOf(inner) ??
        (inner instanceof z.ZodObject
          ? Object.values(inner.shape as Record<string, z.ZodType>).flatMap((c) => enumOf(c) ?? [])
          : []);
      const listed = Object.keys(CATALOGUE[path as FieldPath].options ?? {});
      expect(listed, path).toEqual(path === 'weather' ? [] : choices);
    }
    for (const names of Object.values(ENUM_OPTION_NAMES)) {
      for (const [value, name] of Object.entries(names)) {
        expect(OPTION_NAMES[value as keyof typeof OPTION_NAMES], value).toEqual(name);
      }
    }
    expect(OPTION_NAMES.true).toBe(BOOLEAN_NAMES.true);
    expect(ENUM_OPTION_NAMES['rules.dispatch.policy'].rolling.zh).toBe('合单批量匹配');
  });

  it('gives every default a status with its source, its targets or its range', () => {
    const targets = targetIds();
    for (const path of FIELD_PATHS) {
      const facts: ParameterFacts = CATALOGUE[path];
      expect(facts.name.zh.trim(), path).not.toBe('');
      expect(facts.name.en.trim(), path).not.toBe('');
      const s = facts.status;
      if (s.kind === 'sourced') expect(s.source.trim(), path).not.toBe('');
      if (s.kind === 'calibrated') {
        expect(s.targets.length, path).toBeGreaterThan(0);
        for (const t of s.targets) expect(targets.has(t) || PARAMETER_FIGURES.has(t), `${path}: ${t}`).toBe(true);
      }
      if ((s.kind === 'assumption' || s.kind === 'calibrated') && s.range) {
        expect(s.range.low, path).toBeGreaterThanOrEqual(0);
        expect(s.range.low, path).toBeLessThanOrEqual(1);
        expect(s.range.high, path).toBeGreaterThanOrEqual(1);
      }
    }
    for (const figure of PARAMETER_FIGURES) expect(targets.has(figure), figure).toBe(false);
  });

  it('lists every default with a range once, in sensitivity’s order, each path a number of the default scenario', () => {
    const ranged = rangedParameters();
    const orders = FIELD_PATHS.flatMap((p) => {
      const s = CATALOGUE[p].status;
      return (s.kind === 'assumption' || s.kind === 'calibrated') && s.range ? [s.range.order] : [];
    });
    expect([...orders].sort((a, b) => a - b)).toEqual(orders.map((_, i) => i + 1));
    const defaults = Scenario.parse({ schemaVersion: 2 });
    for (const r of ranged) {
      const value = r.path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], defaults);
      expect(typeof value, r.path).toBe('number');
    }
  });

  it('is what FIELD_NAMES reads: one name per parameter', () => {
    for (const path of FIELD_PATHS) expect(FIELD_NAMES[path]).toBe(CATALOGUE[path].name);
    expect(FIELD_NAMES['rules.pay.dailyTiers'].zh).toBe('每日冲单奖');
  });
});
