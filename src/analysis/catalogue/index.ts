/**
 * The metric catalogue: one entry per metric (./metrics.ts) and per unit (./units.ts), and the lookups every reader
 * uses (the command line, the workbench, evidence reports). A path names a metric as MODEL.md does, with a
 * distribution's part when it has one (`workload.onlineHours.p90`).
 */
import type { Scenario } from '../../scenario/schema.ts';
import { METRIC_CATALOGUE, type MetricEntry } from './metrics.ts';
import { UNITS, type Bi, type MetricUnit, type UnitSpec } from './units.ts';

export * from './metrics.ts';
export * from './units.ts';

/** A language of the catalogue's texts. */
export type CatalogueLang = 'zh' | 'en';

/** The part of a distribution a path names, if any. */
export type DistributionPart = 'mean' | 'p10' | 'p50' | 'p90' | 'max';

const PARTS: readonly DistributionPart[] = ['mean', 'p10', 'p50', 'p90', 'max'];

const BY_PATH: ReadonlyMap<string, MetricEntry> = new Map(METRIC_CATALOGUE.map((e) => [e.path, e]));

/** A path looked up: its entry and, for a distribution, the part it names. */
export interface MetricLookup {
  entry: MetricEntry;
  part?: DistributionPart;
}

/** The entry of a metric path (`earnings.gini`, `workload.onlineHours.mean`, `perDay.onTimeRate`), or undefined. */
export function lookupMetric(path: string): MetricLookup | undefined {
  const exact = BY_PATH.get(path);
  if (exact) return exact.shape === 'scalar' || exact.shape === 'perDay' ? { entry: exact } : undefined;
  const dot = path.lastIndexOf('.');
  const part = path.slice(dot + 1) as DistributionPart;
  const entry = BY_PATH.get(path.slice(0, dot));
  if (!entry || !PARTS.includes(part)) return undefined;
  if (entry.shape === 'distribution' && part !== 'max') return { entry, part };
  if (entry.shape === 'distributionWithMax') return { entry, part };
  return undefined;
}

/** The entry of a path; throws for a path the catalogue does not know (a programming error). */
export function metricEntry(path: string): MetricEntry {
  const found = lookupMetric(path);
  if (!found) throw new RangeError(`the metric catalogue has no entry for "${path}"`);
  return found.entry;
}

/** How a metric's values are shown: its unit, with the entry's own decimals when it has them. */
export function metricUnit(path: string): UnitSpec {
  const entry = metricEntry(path);
  const unit = UNITS[entry.unit];
  return entry.digits === undefined ? unit : { ...unit, digits: entry.digits };
}

/** A unit by id. */
export function unitSpec(id: MetricUnit): UnitSpec {
  return UNITS[id];
}

/** The scenario values labels may name, as text. */
export type LabelContext = Record<'speed' | 'wage' | 'fullTime' | 'standardDay' | 'legalLimit' | 'fatigue', string>;

/** The values a scenario gives the labels' placeholders. */
export function labelContext(scenario: Pick<Scenario, 'standards' | 'risk'>): LabelContext {
  const s = scenario.standards;
  return {
    speed: String(scenario.risk.speedingThresholdKmh),
    wage: String(s.minHourlyWage),
    fullTime: String(s.fullTimeMinHours),
    standardDay: String(s.standardDailyHours),
    legalLimit: String(s.standardDailyHours + s.maxDailyOvertime),
    fatigue: String(scenario.risk.fatigueAfterHours),
  };
}

const fill = (text: string, context: Partial<LabelContext>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => context[key as keyof LabelContext] ?? whole);

const PART_WORDS: Record<Exclude<DistributionPart, 'mean'>, Bi> = {
  p10: { zh: '（第 10 百分位）', en: ', 10th percentile' },
  p50: { zh: '（中位数）', en: ', median' },
  p90: { zh: '（第 90 百分位）', en: ', 90th percentile' },
  max: { zh: '（最大值）', en: ', maximum' },
};
const MEAN_WORDS: Bi = { zh: '（平均）', en: ', mean' };

/**
 * A metric's label in `lang`, with the scenario's thresholds filled in. A distribution's mean is named by the label
 * alone unless `explicitMean` (in a list that also shows its quantiles); other parts get their name appended.
 */
export function metricLabel(
  path: string,
  lang: CatalogueLang,
  context: Partial<LabelContext> = {},
  explicitMean = false,
): string {
  const found = lookupMetric(path);
  if (!found) throw new RangeError(`the metric catalogue has no entry for "${path}"`);
  const label = fill(found.entry.label[lang], context);
  if (!found.part || (found.part === 'mean' && !explicitMean)) return label;
  return label + (found.part === 'mean' ? MEAN_WORDS : PART_WORDS[found.part])[lang];
}

/** A metric's label in both languages. */
export function metricLabels(path: string, context: Partial<LabelContext> = {}, explicitMean = false): Bi {
  return { zh: metricLabel(path, 'zh', context, explicitMean), en: metricLabel(path, 'en', context, explicitMean) };
}

/** A metric's description in `lang`, with the scenario's thresholds filled in. */
export function metricDescription(path: string, lang: CatalogueLang, context: Partial<LabelContext> = {}): string {
  return fill(metricEntry(path).description[lang], context);
}

/** The path a reader uses for an entry's headline value: a distribution's mean, or the scalar itself. */
export function valuePath(entry: MetricEntry): string {
  return entry.shape === 'distribution' || entry.shape === 'distributionWithMax' ? `${entry.path}.mean` : entry.path;
}

const ordered = (key: 'headline' | 'sensitivity' | 'detail'): MetricEntry[] =>
  METRIC_CATALOGUE.filter((e) => e[key] !== undefined).sort((a, b) => (a[key] as number) - (b[key] as number));

/** The headline metrics' value paths, in the order a negotiator reads them: pay, hours, safety, service, platform. */
export const HEADLINE_PATHS: readonly string[] = ordered('headline').map(valuePath);

/** The six differences `fairpace sensitivity` reports, in its order. */
export const SENSITIVITY_PATHS: readonly string[] = ordered('sensitivity').map(valuePath);

/**
 * The further figures shown below the headline (MODEL.md section 10's full-time groups, per-order figures and service
 * details), as value paths; a distribution with a maximum shows its mean and its maximum.
 */
export const DETAIL_PATHS: readonly string[] = ordered('detail').flatMap((e) =>
  e.shape === 'distributionWithMax' ? [valuePath(e), `${e.path}.max`] : [valuePath(e)],
);
