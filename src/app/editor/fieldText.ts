/**
 * Values to the text in an input and back. Text that is not a valid value is passed on as text, so the schema itself
 * reports what is wrong, in the same words as the CLI.
 */
import type { FieldSpec } from './schemaFields.ts';

/** Typed into a cell of a nullable rule to override it with "none" (an empty cell inherits). */
export const NONE_TEXT = '-';

const LIST_SEPARATOR = /[,，、\s]+/;
const TUPLE_SEPARATOR = /[;；]/;

function numberOrText(text: string): number | string {
  const t = text.trim();
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : t;
}

function items(text: string): string[] {
  return text
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function tupleOf(text: string, keys: readonly string[]): Record<string, number | string | undefined> {
  const parts = items(text);
  const out: Record<string, number | string | undefined> = {};
  keys.forEach((k, i) => (out[k] = parts[i] === undefined ? undefined : numberOrText(parts[i])));
  return out;
}

function tupleText(value: unknown, keys: readonly string[]): string {
  const record = (value ?? {}) as Record<string, unknown>;
  return keys.map((k) => String(record[k] ?? '')).join(', ');
}

/** The text shown for a value. */
export function formatValue(spec: FieldSpec, value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '';
  switch (spec.kind) {
    case 'numberList':
    case 'enumList':
      return Array.isArray(value) ? value.join(', ') : String(value);
    case 'tupleList':
      return Array.isArray(value) ? value.map((v) => tupleText(v, spec.tupleKeys ?? [])).join('; ') : String(value);
    case 'tuple':
      return tupleText(value, spec.tupleKeys ?? []);
    case 'readonly':
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

/** The value written for a text (before validation). Empty means null for a nullable field. */
export function parseText(spec: FieldSpec, text: string): unknown {
  const t = text.trim();
  if (spec.nullable && (t === '' || t === NONE_TEXT)) return null;
  switch (spec.kind) {
    case 'number':
      return numberOrText(t);
    case 'boolean':
      return t === 'true' ? true : t === 'false' ? false : t;
    case 'numberList':
      return items(t).map(numberOrText);
    case 'enumList':
      return items(t);
    case 'tupleList':
      return t
        .split(TUPLE_SEPARATOR)
        .filter((s) => s.trim() !== '')
        .map((s) => tupleOf(s, spec.tupleKeys ?? []));
    case 'tuple':
      return tupleOf(t, spec.tupleKeys ?? []);
    default:
      return text;
  }
}
