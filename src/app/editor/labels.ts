/** Labels of the editor's inputs in the reader's language, from their schema paths. */
import { messageKey, type Translate } from '../i18n.ts';
import { FIELD_UNITS, HINTED_FIELDS, type HintedField } from './fieldPaths.ts';
import type { FieldSpec } from './schemaFields.ts';

/** A field's label, with the weather kind for an input of a per-weather table (`恶劣天气每单补贴：雨`). */
export function fieldLabel(spec: FieldSpec, t: Translate): string {
  const label = t(`field.${spec.labelPath}`);
  return spec.weather ? `${label}${t('editor.partSeparator')}${t(`weather.${spec.weather}`)}` : label;
}

/** The label of any input; an arm's cell is prefixed with the arm's name. */
export function inputLabel(spec: FieldSpec, t: Translate, armNames: readonly string[]): string {
  if (spec.keys[0] !== 'arms') return fieldLabel(spec, t);
  const arm = armNames[spec.keys[1] as number] ?? String(spec.keys[1]);
  return `${arm}${t('editor.partSeparator')}${fieldLabel(spec, t)}`;
}

/** A field's unit in the reader's language, or '' for none. */
export function fieldUnit(spec: FieldSpec, t: Translate): string {
  const unit = FIELD_UNITS[spec.labelPath];
  return unit ? t(`unit.${unit}`) : '';
}

/** A field's hint, if it has one. */
export function fieldHint(spec: FieldSpec, t: Translate): string | undefined {
  const path = spec.labelPath as string;
  return (HINTED_FIELDS as readonly string[]).includes(path) ? t(`hint.${path as HintedField}`) : undefined;
}

/** A DOM id for an input's key (`arms[0].rules.pay.base` → `f-arms_0__rules_pay_base`). */
export function domId(key: string): string {
  return `f-${key.replace(/[^\w-]/g, '_')}`;
}

/** The name of a choice (`rolling` → 合单批量匹配; `true` → 是), or the value itself when it has none. */
export function optionLabel(value: string, t: Translate): string {
  const key = messageKey(`option.${value}`);
  return key ? t(key) : value;
}

/** A value's text as a person reads it: choices by name (also inside a tuple: "21, 按在线时长"), the rest as typed. */
export function shownText(spec: FieldSpec, text: string, t: Translate): string {
  if (spec.kind === 'boolean' || spec.kind === 'enum') return optionLabel(text, t);
  if (spec.kind === 'tuple' && spec.tupleChoices && text.trim() !== '') {
    const choices = spec.tupleChoices;
    const keys = spec.tupleKeys ?? [];
    return text
      .split(/[,，、\s]+/)
      .filter((p) => p !== '')
      .map((p, i) => (choices[keys[i] ?? ''] ? optionLabel(p, t) : p))
      .join(t('editor.tupleSeparator'));
  }
  return text;
}
