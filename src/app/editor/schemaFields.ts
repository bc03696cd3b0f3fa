/**
 * The editor's fields, read off the zod schema itself (kinds, bounds, choices), so a field added to the schema shows up
 * in the editor without a second list to keep in step.
 */
import { z } from 'zod';
import { jsonPath } from '../../scenario/load.ts';
import { Rules, Scenario, SCHEMA_VERSION, WEATHER_KINDS, type Weather } from '../../scenario/schema.ts';
import { groupOf, type FieldPath, type GroupId, type RulePath } from './fieldPaths.ts';

/** How a value is typed in. Lists and tuples use a compact text: items by commas, tuples in a list by semicolons. */
export type FieldKind =
  'number' | 'boolean' | 'enum' | 'text' | 'numberList' | 'enumList' | 'tupleList' | 'tuple' | 'readonly';

/** One input of the editor. */
export interface FieldSpec {
  /** JSON path of the value, also the key of its text and its test id (`field-<key>`). */
  key: string;
  /** The path as keys, from the scenario root. */
  keys: (string | number)[];
  /** The labelled field this input belongs to (a per-weather table has one input per weather kind). */
  labelPath: FieldPath;
  /** For an input of a per-weather table: its weather kind. */
  weather?: Weather;
  kind: FieldKind;
  integer: boolean;
  nullable: boolean;
  min?: number;
  max?: number;
  /** Choices of an enum, or of an enum list's items. */
  options?: readonly string[];
  /** Keys of a tuple's (or a tuple list item's) parts, in the order they are typed. */
  tupleKeys?: readonly string[];
  /** A tuple's parts that are choices, with their options (the guarantee's basis: online or engaged). */
  tupleChoices?: Readonly<Record<string, readonly string[]>>;
  group: GroupId;
}

function unwrap(schema: z.ZodType): { inner: z.ZodType; nullable: boolean } {
  let inner = schema;
  let nullable = false;
  for (;;) {
    if (inner instanceof z.ZodDefault || inner instanceof z.ZodPrefault || inner instanceof z.ZodOptional) {
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodNullable) {
      nullable = true;
      inner = inner.unwrap() as z.ZodType;
    } else return { inner, nullable };
  }
}

function isWeatherTable(schema: z.ZodType): schema is z.ZodObject {
  if (!(schema instanceof z.ZodObject)) return false;
  const keys = Object.keys(schema.shape);
  return keys.length === WEATHER_KINDS.length && WEATHER_KINDS.every((w) => keys.includes(w));
}

function numberBounds(schema: z.ZodType): Pick<FieldSpec, 'integer' | 'min' | 'max'> {
  if (!(schema instanceof z.ZodNumber)) return { integer: false };
  const bounds: Pick<FieldSpec, 'integer' | 'min' | 'max'> = { integer: schema.isInt };
  if (Number.isFinite(schema.minValue)) bounds.min = schema.minValue as number;
  if (Number.isFinite(schema.maxValue)) bounds.max = schema.maxValue as number;
  return bounds;
}

function leaf(keys: (string | number)[], labelPath: string, inner: z.ZodType, nullable: boolean): FieldSpec {
  const base = { key: jsonPath(keys), keys, labelPath: labelPath as FieldPath, nullable, group: groupOf(labelPath) };
  if (inner instanceof z.ZodNumber) return { ...base, kind: 'number', ...numberBounds(inner) };
  if (inner instanceof z.ZodBoolean) return { ...base, kind: 'boolean', integer: false };
  if (inner instanceof z.ZodEnum) return { ...base, kind: 'enum', integer: false, options: inner.options as string[] };
  if (inner instanceof z.ZodString) return { ...base, kind: 'text', integer: false };
  if (inner instanceof z.ZodObject) {
    const choices = Object.entries(inner.shape).flatMap(([k, part]) => {
      const p = unwrap(part as z.ZodType).inner;
      return p instanceof z.ZodEnum ? [[k, p.options as string[]] as const] : [];
    });
    return {
      ...base,
      kind: 'tuple',
      integer: false,
      tupleKeys: Object.keys(inner.shape),
      ...(choices.length > 0 ? { tupleChoices: Object.fromEntries(choices) } : {}),
    };
  }
  if (inner instanceof z.ZodArray) {
    const item = unwrap(inner.element as z.ZodType).inner;
    if (item instanceof z.ZodNumber) return { ...base, kind: 'numberList', ...numberBounds(item) };
    if (item instanceof z.ZodEnum) {
      return { ...base, kind: 'enumList', integer: false, options: item.options as string[] };
    }
    if (item instanceof z.ZodObject) {
      const parts = Object.values(item.shape).map((s) => unwrap(s as z.ZodType).inner);
      const typeable = parts.every((p) => p instanceof z.ZodNumber || p instanceof z.ZodEnum);
      return { ...base, kind: typeable ? 'tupleList' : 'readonly', integer: false, tupleKeys: Object.keys(item.shape) };
    }
  }
  return { ...base, kind: 'readonly', integer: false };
}

function walk(schema: z.ZodType, keys: (string | number)[]): FieldSpec[] {
  const { inner, nullable } = unwrap(schema);
  const path = keys.join('.');
  if (inner instanceof z.ZodLiteral) return []; // schemaVersion, kind: fixed
  if (isWeatherTable(inner)) {
    return WEATHER_KINDS.map((w) => {
      const spec = leaf([...keys, w], path, unwrap(inner.shape[w] as z.ZodType).inner, false);
      return { ...spec, weather: w };
    });
  }
  // The record of a fit is written by `fairpace calibrate --fit`, shown, and not edited.
  if (path === 'meta.calibration') return [{ ...leaf(keys, path, inner, nullable), kind: 'readonly' }];
  if (inner instanceof z.ZodObject && !nullable) {
    return Object.entries(inner.shape).flatMap(([k, child]) => walk(child as z.ZodType, [...keys, k]));
  }
  return [leaf(keys, path, inner, nullable)];
}

/** Every field of the scenario outside the arms, in schema order. */
export const SCENARIO_FIELDS: readonly FieldSpec[] = Object.entries(Scenario.shape)
  .filter(([key]) => key !== 'arms' && key !== 'kind' && key !== 'replay')
  .flatMap(([key, schema]) => walk(schema as z.ZodType, [key]));

/** Every rule, as a path inside `rules`: the rows of the arms table. */
export const RULE_FIELDS: readonly (FieldSpec & { rulePath: RulePath })[] = walk(Rules, []).map((spec) => ({
  ...spec,
  rulePath: spec.labelPath as RulePath,
  labelPath: `rules.${spec.labelPath}` as FieldPath,
  group: 'rules',
}));

/** The input of rule `rule` in the override of arm `armIndex` (`arms[0].rules.deadline.percentile`). */
export function armCell(rule: FieldSpec, armIndex: number): FieldSpec {
  const keys = ['arms', armIndex, 'rules', ...rule.keys];
  return { ...rule, keys, key: jsonPath(keys) };
}

/** The scenario with every default filled in: the "default" shown beside each field. */
export const DEFAULT_SCENARIO = Scenario.parse({ schemaVersion: SCHEMA_VERSION });
