/**
 * Scenario parameters as report.html shows them: a name in each language (the editor's, from src/scenario/fieldNames.ts)
 * and a value a person reads: lists of objects (hotspots, protection bands, daily tiers) as small tables, per-weather
 * tables and lists with the weather's name, choices and yes/no in words. The Chinese view holds no code path; the
 * English one adds it, for whoever edits the scenario file.
 */
import { WEATHER_WORDS } from '../../analysis/index.ts';
import { FIELD_NAMES, OPTION_NAMES, type FieldName } from '../../scenario/fieldNames.ts';
import { WEATHER_KINDS } from '../../scenario/schema.ts';
import { codePath, escapeHtml } from '../../format/escape.ts';
import { plainValue } from '../format.ts';
import { bi, inline, inlineHtml, type Bi } from './bilingual.ts';

/** Column names of the objects inside list parameters, and of a distribution's parts. */
const KEY_NAMES: Readonly<Record<string, Bi>> = {
  xKm: bi('东西位置（公里）', 'x (km)'),
  yKm: bi('南北位置（公里）', 'y (km)'),
  weight: bi('权重', 'weight'),
  spreadKm: bi('半径（公里）', 'spread (km)'),
  upToKm: bi('距离上限（公里）', 'up to (km)'),
  minutes: bi('最少分钟', 'minutes at least'),
  orders: bi('单量', 'orders'),
  bonus: bi('奖励（元）', 'bonus (CNY)'),
  perHour: bi('每小时（元）', 'per hour (CNY)'),
  basis: bi('计算依据', 'basis'),
  mean: bi('平均', 'mean'),
  sd: bi('标准差', 'sd'),
  min: bi('最低', 'min'),
  max: bi('最高', 'max'),
};

const isWeather = (k: string) => (WEATHER_KINDS as readonly string[]).includes(k);

/** The name of a key of an object value: a weather, a known column, or the key itself. */
function keyName(key: string): Bi {
  if (isWeather(key)) return WEATHER_WORDS[key as keyof typeof WEATHER_WORDS];
  return KEY_NAMES[key] ?? bi(key, key);
}

/** A scalar in words: choices and booleans by name, numbers rounded, text as it is. */
function scalarText(value: unknown): Bi {
  if (typeof value === 'boolean' || (typeof value === 'string' && Object.hasOwn(OPTION_NAMES, value))) {
    const o = OPTION_NAMES[String(value) as keyof typeof OPTION_NAMES];
    return bi(o.zh, o.en);
  }
  if (typeof value === 'string' && isWeather(value)) return WEATHER_WORDS[value as keyof typeof WEATHER_WORDS];
  const text = plainValue(value);
  return bi(text, text);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The name of a scenario path in both languages, or undefined when the editor has none for it. */
export function paramName(path: string): Bi | undefined {
  const own = (FIELD_NAMES as Readonly<Record<string, FieldName>>)[path];
  if (own) return bi(own.zh, own.en);
  // A distribution (mean, sd, min, max): the name its parts share.
  const mean = (FIELD_NAMES as Readonly<Record<string, FieldName>>)[`${path}.mean`];
  if (mean) return bi(mean.zh.replace(/[：:].*$/, ''), mean.en.replace(/[：:].*$/, ''));
  // One entry of a per-weather table, or one part of a distribution.
  const dot = path.lastIndexOf('.');
  const table = (FIELD_NAMES as Readonly<Record<string, FieldName>>)[path.slice(0, dot)];
  const part = path.slice(dot + 1);
  if (table && (isWeather(part) || Object.hasOwn(KEY_NAMES, part))) {
    const k = keyName(part);
    return bi(`${table.zh}：${k.zh}`, `${table.en}: ${k.en}`);
  }
  return undefined;
}

/** A row heading for a scenario path: its name (in English with the path beside it), or the path alone. */
export function paramHeadingHtml(path: string): string {
  const name = paramName(path);
  if (!name) return codePath(path);
  return inlineHtml(escapeHtml(name.zh), `${escapeHtml(name.en)}<br>${codePath(path)}`);
}

/** A value as table-cell content: a table for a list of objects, a key–value table for an object, words otherwise. */
export function paramValueHtml(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return inline(bi('（无）', '(none)'));
    if (value.every(isPlainObject)) {
      const keys = [...new Set(value.flatMap((v) => Object.keys(v)))];
      const head = keys.map((k) => `<th>${inline(keyName(k))}</th>`).join('');
      const rows = value.map((v) => `<tr>${keys.map((k) => `<td>${inline(scalarText(v[k]))}</td>`).join('')}</tr>`);
      return `<table class="inner"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
    }
    const items = value.map(scalarText);
    return inline(bi(items.map((i) => i.zh).join('、'), items.map((i) => i.en).join(', ')));
  }
  if (isPlainObject(value)) {
    const rows = Object.entries(value).map(
      ([k, v]) => `<tr><th scope="row">${inline(keyName(k))}</th><td>${paramValueHtml(v)}</td></tr>`,
    );
    return `<table class="inner"><tbody>${rows.join('')}</tbody></table>`;
  }
  return inline(scalarText(value));
}
