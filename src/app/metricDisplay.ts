/**
 * Metrics as the workbench shows them, all from the metric catalogue: the label in the reader's language with the
 * scenario's thresholds, the unit, and the number rounded and grouped for the reader's locale.
 */
import {
  labelContext,
  metricDescription,
  metricLabel,
  metricUnit,
  type CatalogueLang,
  type LabelContext,
} from '../analysis/index.ts';
import { fixed, signed } from '../evidence/format.ts';
import { metricValue } from '../evidence/metricText.ts';
import { Scenario, SCHEMA_VERSION } from '../scenario/schema.ts';
import type { Lang } from './i18n.ts';

/** The catalogue's language code for the app's. */
export const catalogueLang = (lang: Lang): CatalogueLang => (lang === 'zh-CN' ? 'zh' : 'en');

/** Fairpace's default scenario, for labels while none is valid. */
const DEFAULT_SCENARIO = Scenario.parse({ schemaVersion: SCHEMA_VERSION });

/** The thresholds labels name, from a scenario (or nothing, for placeholders left as they are). */
export function contextOf(scenario: Pick<Scenario, 'standards' | 'risk'> | null | undefined): Partial<LabelContext> {
  // While the editor holds an invalid scenario, labels take Fairpace's defaults rather than show a bare {placeholder}.
  return labelContext(scenario ?? DEFAULT_SCENARIO);
}

/** A metric's label in the reader's language. */
export function metricName(
  path: string,
  lang: Lang,
  context: Partial<LabelContext> = {},
  explicitMean = false,
): string {
  return metricLabel(path, catalogueLang(lang), context, explicitMean);
}

/** A metric's description in the reader's language. */
export function metricAbout(path: string, lang: Lang, context: Partial<LabelContext> = {}): string {
  return metricDescription(path, catalogueLang(lang), context);
}

/** The unit shown after a metric's values ('' for none). */
export function unitOf(path: string, lang: Lang): string {
  return metricUnit(path).text[catalogueLang(lang)];
}

/** The unit of a metric's differences (percentage points for shares). */
export function differenceUnitOf(path: string, lang: Lang): string {
  return metricUnit(path).differenceText[catalogueLang(lang)];
}

/** The display scale of a metric (100 for shares shown in %). */
export function scaleOf(path: string): number {
  return metricUnit(path).scale;
}

/**
 * A metric's value in display units, rounded to its decimals with thousands separated by commas; "–" when not a
 * finite number. `extraDigits` adds decimals (a difference is shown one finer than the values it compares). The
 * rounding is the report's (src/evidence/format.ts, `toFixed` on the same product), so a card, the scorecard and
 * report.html show the same digits: Intl rounds the shortest decimal of a number, which differs from `toFixed` on
 * ties such as 80.85 (80.9 against 80.8).
 */
export function formatMetric(
  path: string,
  value: number | undefined,
  _lang: Lang,
  withSign = false,
  extraDigits = 0,
): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  const u = metricUnit(path);
  const x = value * u.scale;
  const digits = u.digits + extraDigits;
  return withSign ? signed(x, digits) : fixed(x, digits);
}

/** A value with its unit: "23.0%", "21.43 元/小时", written as the report writes it (src/evidence/metricText.ts). */
export function formatWithUnit(path: string, value: number | undefined, lang: Lang): string {
  if (value === undefined) return '–';
  return metricValue(path, value)[catalogueLang(lang)];
}

/** An axis or column label: the metric's name with its unit in brackets, as "名称（单位）" / "Name (unit)". */
export function axisLabel(path: string, lang: Lang, context: Partial<LabelContext> = {}): string {
  const name = metricName(path, lang, context);
  const unit = unitOf(path, lang);
  if (unit === '') return name;
  return lang === 'zh-CN' ? `${name}（${unit}）` : `${name} (${unit})`;
}
