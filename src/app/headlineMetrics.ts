/** The headline numbers of the dashboard and how each is shown: display scale, unit and plain-words difference. */
import type { Difference } from '../analysis/index.ts';
import type { MessageKey, Translate } from './i18n.ts';

/** How a metric is displayed. */
export interface MetricFormat {
  /** Multiplier from the metric's unit to the displayed one (100 for a share shown in %). */
  scale: number;
  fractionDigits: number;
  unit: MessageKey;
  /** Unit of a difference (percentage points for shares). */
  differenceUnit: MessageKey;
}

const FORMATS = {
  share: { scale: 100, fractionDigits: 1, unit: 'unit.percent', differenceUnit: 'unit.percentagePoints' },
  cnyPerHour: { scale: 1, fractionDigits: 2, unit: 'unit.cnyPerHour', differenceUnit: 'unit.cnyPerHour' },
  hours: { scale: 1, fractionDigits: 2, unit: 'unit.hours', differenceUnit: 'unit.hours' },
  ratio: { scale: 1, fractionDigits: 3, unit: 'unit.ratio', differenceUnit: 'unit.ratioShort' },
  cnyPerDay: { scale: 1, fractionDigits: 0, unit: 'unit.cnyPerDay', differenceUnit: 'unit.cnyPerDay' },
} as const satisfies Record<string, MetricFormat>;

/** One headline metric: its MODEL.md section 10 path, label and format. */
export interface HeadlineMetric {
  path: string;
  label: MessageKey;
  format: MetricFormat;
}

/** The headline cards, in the order a negotiator reads them: pay, hours, safety, service, platform. */
export const HEADLINE_METRICS: readonly HeadlineMetric[] = [
  { path: 'earnings.shareBelowMinWage', label: 'metric.earnings.shareBelowMinWage', format: FORMATS.share },
  {
    path: 'earnings.netPerOnlineHour.mean',
    label: 'metric.earnings.netPerOnlineHour.mean',
    format: FORMATS.cnyPerHour,
  },
  { path: 'workload.onlineHours.mean', label: 'metric.workload.onlineHours.mean', format: FORMATS.hours },
  { path: 'safety.relativeCrashRisk', label: 'metric.safety.relativeCrashRisk', format: FORMATS.ratio },
  { path: 'safety.speedingKmShare', label: 'metric.safety.speedingKmShare', format: FORMATS.share },
  { path: 'service.onTimeRate', label: 'metric.service.onTimeRate', format: FORMATS.share },
  { path: 'platform.margin', label: 'metric.platform.margin', format: FORMATS.cnyPerDay },
];

/** A displayed number (in display units, rounded, grouped by locale); "–" when not a finite number. */
export function formatNumber(value: number | undefined, format: MetricFormat, locale: string, signed = false): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: format.fractionDigits,
    minimumFractionDigits: format.fractionDigits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(value * format.scale);
}

/** The difference `arm − base` with its 95% interval in one plain sentence. */
export function describeDifference(
  difference: Difference | undefined,
  format: MetricFormat,
  names: { arm: string; base: string },
  t: Translate,
  locale: string,
): string {
  if (!difference || !Number.isFinite(difference.mean)) return t('diff.unavailable');
  const [lo, hi] = difference.ci95;
  const shown = (x: number) => formatNumber(x, format, locale);
  const bounds = { lo: formatNumber(lo, format, locale, true), hi: formatNumber(hi, format, locale, true) };
  const unit = t(format.differenceUnit);
  // Judge by what a person sees: a difference that rounds to zero is "the same" or "almost the same".
  if (shown(Math.abs(difference.mean)) === shown(0)) {
    const zero = shown(Math.abs(lo)) === shown(0) && shown(Math.abs(hi)) === shown(0);
    return zero ? t('diff.same', names) : t('diff.negligible', { ...names, ...bounds, unit });
  }
  const sentence = t(difference.mean > 0 ? 'diff.higher' : 'diff.lower', {
    ...names,
    ...bounds,
    value: shown(Math.abs(difference.mean)),
    unit,
  });
  const gap = locale.startsWith('zh') ? '' : ' '; // Chinese sentences follow each other without a space
  if (lo === hi) return `${sentence}${gap}${t('diff.oneReplication')}`;
  if (lo <= 0 && hi >= 0) return `${sentence}${gap}${t('diff.unclear')}`;
  return sentence;
}
