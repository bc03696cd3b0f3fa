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
  return withUnit && unit ? `${name}${t('editor.unitInParens', { unit: t(`unit.${unit}`) })}` : name;
}
