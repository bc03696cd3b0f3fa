/**
 * The editor's state as the text of every input, and what follows from it: the scenario it describes, the schema's
 * problems by input, and the changes from the preset.
 */
import type { Problem } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { formatValue, parseText } from './fieldText.ts';
import { armCell, RULE_FIELDS, SCENARIO_FIELDS, type FieldSpec } from './schemaFields.ts';

/** Text of every input, by field key (`rules.pay.base`, `arms[1].rules.deadline.percentile`). */
export type FieldTexts = Record<string, string>;

function getAt(root: unknown, keys: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of keys) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function setAt(root: Record<string | number, unknown>, keys: readonly (string | number)[], value: unknown): void {
  let node = root;
  keys.slice(0, -1).forEach((key, i) => {
    const child = node[key];
    if (child === null || typeof child !== 'object') node[key] = typeof keys[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  node[keys.at(-1) as string | number] = value;
}

/** The value a spec points at in a scenario (or any object). */
export function valueAt(root: unknown, spec: FieldSpec): unknown {
  return getAt(root, spec.keys);
}

/** Every input of a scenario: its fields, then each arm's override cells (for `armCount` arms). */
export function allInputs(scenario: Scenario, armCount = scenario.arms.length): FieldSpec[] {
  const cells = Array.from({ length: armCount }, (_, i) => RULE_FIELDS.map((rule) => armCell(rule, i))).flat();
  return [...SCENARIO_FIELDS, ...cells];
}

/** Most arms (proposals) a scenario may hold: the schema's limit. */
export const MAX_ARMS = 16;

/** The text key of arm `i`'s id (`arms[2].id`). */
export const armIdKey = (i: number): string => `arms[${i}].id`;
/** The text key of arm `i`'s label (`arms[2].label`). */
export const armLabelKey = (i: number): string => `arms[${i}].label`;

/** How many arms the texts describe (`fallback` for texts without arm ids). */
export function armCount(texts: FieldTexts, fallback: number): number {
  let n = 0;
  while (texts[armIdKey(n)] !== undefined) n += 1;
  return n === 0 ? fallback : n;
}

/** The texts of a scenario's inputs; an arm's cell is empty where the arm inherits the base rule. */
export function textsOf(scenario: Scenario): FieldTexts {
  const texts: FieldTexts = Object.fromEntries(
    allInputs(scenario).map((spec) => [spec.key, formatValue(spec, valueAt(scenario, spec))]),
  );
  scenario.arms.forEach((arm, i) => {
    texts[armIdKey(i)] = arm.id;
    texts[armLabelKey(i)] = arm.label;
  });
  return texts;
}

const ARM_KEY = /^arms\[(\d+)\]\.(.*)$/;

/**
 * The texts with one more arm, a copy of the last one (its label and rule cells) with a new unique id
 * `proposal-<n>` and label `方案 <n> / Proposal <n>`. Unchanged at the limit of arms.
 */
export function withArmAdded(texts: FieldTexts): FieldTexts {
  const n = armCount(texts, 0);
  if (n === 0 || n >= MAX_ARMS) return texts;
  const ids = new Set(Array.from({ length: n }, (_, i) => texts[armIdKey(i)]));
  let k = n + 1;
  while (ids.has(`proposal-${k}`)) k += 1;
  const next: FieldTexts = { ...texts };
  for (const [key, text] of Object.entries(texts)) {
    const m = ARM_KEY.exec(key);
    if (m && Number(m[1]) === n - 1) next[`arms[${n}].${m[2]}`] = text;
  }
  next[armIdKey(n)] = `proposal-${k}`;
  next[armLabelKey(n)] = `方案 ${k} / Proposal ${k}`;
  return next;
}

/** The texts without arm `index`; the arms after it move up one. Unchanged when it is the only arm. */
export function withArmRemoved(texts: FieldTexts, index: number): FieldTexts {
  const n = armCount(texts, 0);
  if (n <= 1 || index < 0 || index >= n) return texts;
  const next: FieldTexts = {};
  for (const [key, text] of Object.entries(texts)) {
    const m = ARM_KEY.exec(key);
    if (!m) next[key] = text;
    else {
      const i = Number(m[1]);
      if (i < index) next[key] = text;
      else if (i > index) next[`arms[${i - 1}].${m[2]}`] = text;
    }
  }
  return next;
}

/**
 * The scenario the texts describe, not yet validated: `base` with every field written in, and each arm's override
 * rebuilt from its non-empty cells.
 */
export function draftOf(base: Scenario, texts: FieldTexts): unknown {
  const copy = structuredClone(base) as unknown as Record<string | number, unknown>;
  for (const spec of SCENARIO_FIELDS) {
    const text = texts[spec.key];
    if (text !== undefined && spec.kind !== 'readonly') setAt(copy, spec.keys, parseText(spec, text));
  }
  copy.arms = Array.from({ length: armCount(texts, base.arms.length) }, (_, i) => {
    const arm = base.arms[i];
    const rules: Record<string, unknown> = {};
    for (const rule of RULE_FIELDS) {
      const text = texts[armCell(rule, i).key];
      if (text !== undefined && text.trim() !== '') setAt(rules, rule.keys, parseText(rule, text));
    }
    return { ...arm, id: texts[armIdKey(i)] ?? arm?.id, label: texts[armLabelKey(i)] ?? arm?.label, rules };
  });
  return copy;
}

/** Problems split into those of an input (by its key: the longest key the problem's path starts with) and the rest. */
export function problemsByInput(
  problems: readonly Problem[],
  keys: ReadonlySet<string>,
): { byInput: Record<string, string>; other: Problem[] } {
  const byInput: Record<string, string> = {};
  const other: Problem[] = [];
  for (const p of problems) {
    let path = p.path;
    while (path !== '' && !keys.has(path)) path = /^(.*)(\.[^.[\]]+|\[\d+\])$/.exec(path)?.[1] ?? '';
    if (path !== '' && keys.has(path)) byInput[path] = byInput[path] ? `${byInput[path]}; ${p.message}` : p.message;
    else other.push(p);
  }
  return { byInput, other };
}

/** One input whose text differs from the preset. */
export interface Change {
  key: string;
  from: string;
  to: string;
}

/** Inputs whose (trimmed) text differs from the preset's, in input order. */
export function changesFrom(presetTexts: FieldTexts, texts: FieldTexts): Change[] {
  return Object.keys(presetTexts)
    .filter((key) => (texts[key] ?? '').trim() !== (presetTexts[key] ?? '').trim())
    .map((key) => ({ key, from: presetTexts[key] ?? '', to: texts[key] ?? '' }));
}

/** The editor's texts with the history that Undo walks back. */
export interface EditorState {
  texts: FieldTexts;
  /** Earlier texts, the latest last; `key` is the input whose edit the entry precedes. */
  history: { texts: FieldTexts; key: string }[];
}

/** What can happen to the editor's state. */
export type EditorAction =
  | { type: 'reset'; texts: FieldTexts }
  | { type: 'edit'; key: string; text: string }
  | { type: 'addArm' }
  | { type: 'removeArm'; index: number }
  | { type: 'undo' };

/** Most undo steps kept. */
const HISTORY_LIMIT = 200;

/**
 * The editor's reducer. Keystrokes in one input in a row are one change, so Undo takes back the whole edit of a
 * field rather than its last character.
 */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'reset':
      return { texts: action.texts, history: [] };
    case 'edit': {
      if (state.texts[action.key] === action.text) return state;
      const texts = { ...state.texts, [action.key]: action.text };
      const continuing = state.history.at(-1)?.key === action.key;
      const history = continuing
        ? state.history
        : [...state.history, { texts: state.texts, key: action.key }].slice(-HISTORY_LIMIT);
      return { texts, history };
    }
    case 'addArm':
    case 'removeArm': {
      const texts = action.type === 'addArm' ? withArmAdded(state.texts) : withArmRemoved(state.texts, action.index);
      if (texts === state.texts) return state;
      const history = [...state.history, { texts: state.texts, key: action.type }].slice(-HISTORY_LIMIT);
      return { texts, history };
    }
    case 'undo': {
      const last = state.history.at(-1);
      return last ? { texts: last.texts, history: state.history.slice(0, -1) } : state;
    }
  }
}
