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
 * A metric's value in display units, rounded to its decimals and grouped by locale; "–" when not a finite number.
 * `extraDigits` adds decimals (a difference is shown one finer than the values it compares).
 */
export function formatMetric(
  path: string,
  value: number | undefined,
  lang: Lang,
  signed = false,
  extraDigits = 0,
): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  const u = metricUnit(path);
  const digits = u.digits + extraDigits;
  return new Intl.NumberFormat(lang, {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(value * u.scale);
}

/** A value with its unit: "23.0%", "21.43 元/小时". */
export function formatWithUnit(path: string, value: number | undefined, lang: Lang): string {
  const number = formatMetric(path, value, lang);
  const unit = unitOf(path, lang);
  if (number === '–' || unit === '') return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** An axis or column label: the metric's name with its unit in brackets ("准时率（%）", "On-time rate (%)"). */
export function axisLabel(path: string, lang: Lang, context: Partial<LabelContext> = {}): string {
  const name = metricName(path, lang, context);
  const unit = unitOf(path, lang);
  if (unit === '') return name;
  return lang === 'zh-CN' ? `${name}（${unit}）` : `${name} (${unit})`;
}
