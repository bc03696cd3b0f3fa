/**
 * A scenario parameter's name in the reader's language, as the editor labels it, wherever a parameter is named by
 * its path (sweeps, the bargaining panels, the tornado's rows, the guide): one name per parameter in the whole app.
 */
import { WEATHER_KINDS, type Weather } from '../../scenario/schema.ts';
import { messageKey, type Translate } from '../i18n.ts';
import { FIELD_UNITS, type FieldPath } from './fieldPaths.ts';

/** The label of a parameter path, with its unit in brackets when `withUnit`; the path itself when it has none. */
export function paramLabel(path: string, t: Translate, withUnit = true): string {
  let name: string | undefined;
  let unitPath = path;
  const own = messageKey(`field.${path}`);
  if (own) name = t(own);
  else {
    // An entry of a per-weather table: the table's label and the weather's name.
    const dot = path.lastIndexOf('.');
    const weather = path.slice(dot + 1);
    const table = messageKey(`field.${path.slice(0, dot)}`);
    if (table && (WEATHER_KINDS as readonly string[]).includes(weather)) {
      name = `${t(table)}${t('editor.partSeparator')}${t(`weather.${weather as Weather}`)}`;
      unitPath = path.slice(0, dot);
    }
  }
  if (name === undefined) return path;
  const unit = Object.hasOwn(FIELD_UNITS, unitPath) ? FIELD_UNITS[unitPath as FieldPath] : null;
  return withUnit && unit ? nameWithUnit(name, t(`unit.${unit}`), t) : name;
}

/**
 * A name with its unit in brackets, written once: "平台抽成比例（0–1）", "Piece rate per order (CNY/order)" (Latin
 * brackets take a space before them, full-width ones do not).
 */
export function nameWithUnit(name: string, unit: string, t: Translate): string {
  const inParens = t('editor.unitInParens', { unit: bracketed(unit) });
  return `${name}${inParens.startsWith('(') ? ' ' : ''}${inParens}`;
}

/**
 * A unit as it reads inside the name's brackets: a unit that carries its own range in brackets keeps only the range,
 * so "平台抽成比例（0–1）", not "平台抽成比例（比例（0–1））".
 */
export function bracketed(unit: string): string {
  const inner = /[（(]([^）)]*)[）)]\s*$/.exec(unit);
  return inner?.[1] ?? unit;
}
