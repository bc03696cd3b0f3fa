/**
 * The fields the editor offers (each arm's deadline percentile and the piece rate), read from and written into a copy
 * of a validated scenario so the whole scenario is validated again with the schema's own messages.
 */
import { jsonPath, type Problem } from '../scenario/load.ts';
import { rulesForArm } from '../scenario/rulesForArm.ts';
import type { Scenario } from '../scenario/schema.ts';

/** One editable number. */
export interface EditableField {
  /** Stable key, also the JSON path of the value (`arms[0].rules.deadline.percentile`). */
  key: string;
  path: (string | number)[];
  kind: 'percentile' | 'payBase';
  /** For per-arm fields: the arm's id. */
  armId?: string;
}

/** Text typed into each field, by field key. */
export type FieldTexts = Record<string, string>;

/** The fields of a scenario: one deadline percentile per arm, then the piece rate. */
export function editableFields(scenario: Scenario): EditableField[] {
  const arms = scenario.arms.map((arm, i): EditableField => {
    const path = ['arms', i, 'rules', 'deadline', 'percentile'];
    return { key: jsonPath(path), path, kind: 'percentile', armId: arm.id };
  });
  const payPath = ['rules', 'pay', 'base'];
  return [...arms, { key: jsonPath(payPath), path: payPath, kind: 'payBase' }];
}

/** The current values of the fields as text (an arm without its own percentile shows the one it inherits). */
export function fieldTexts(scenario: Scenario, fields: readonly EditableField[]): FieldTexts {
  return Object.fromEntries(
    fields.map((f) => [
      f.key,
      String(f.armId !== undefined ? rulesForArm(scenario, f.armId).deadline.percentile : scenario.rules.pay.base),
    ]),
  );
}

/** Text to a number when it is one; anything else is passed on as text so the schema reports it. */
function valueOf(text: string): number | string {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

/** A deep copy of `scenario` with the fields' texts written in (not validated). */
export function withFieldTexts(scenario: Scenario, fields: readonly EditableField[], texts: FieldTexts): unknown {
  const copy = structuredClone(scenario) as unknown as Record<string | number, unknown>;
  for (const f of fields) {
    const text = texts[f.key];
    if (text === undefined) continue;
    let node = copy;
    for (const key of f.path.slice(0, -1)) {
      const child = node[key];
      if (child === null || typeof child !== 'object') node[key] = {};
      node = node[key] as Record<string | number, unknown>;
    }
    node[f.path.at(-1) as string | number] = valueOf(text);
  }
  return copy;
}

/** Problems split into those of a field (by field key) and the rest. */
export function problemsByField(
  problems: readonly Problem[],
  fields: readonly EditableField[],
): { byField: Record<string, string>; other: Problem[] } {
  const keys = new Set(fields.map((f) => f.key));
  const byField: Record<string, string> = {};
  const other: Problem[] = [];
  for (const p of problems) {
    if (keys.has(p.path)) byField[p.path] = byField[p.path] ? `${byField[p.path]}; ${p.message}` : p.message;
    else other.push(p);
  }
  return { byField, other };
}
