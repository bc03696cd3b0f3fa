/**
 * The headline numbers of the dashboard (the metric catalogue's headline metrics, in its order) and a paired
 * difference said in plain words. Labels, units and decimals come from the catalogue, through ./metricDisplay.ts.
 */
import { HEADLINE_PATHS, metricUnit, type Difference } from '../analysis/index.ts';
import { differenceDecimals, sayableDifference } from '../evidence/metricText.ts';
import type { Lang, Translate } from './i18n.ts';
import { differenceUnitOf, formatMetric } from './metricDisplay.ts';

/** The headline metrics' paths, in the order a negotiator reads them: pay, hours, safety, service, platform. */
export const HEADLINE_METRICS: readonly string[] = HEADLINE_PATHS;

/**
 * The difference `arm − base` of the metric at `path` with its 95% interval in one plain sentence, to the decimals and
 * within the bounds report.html says it with (src/evidence/metricText.ts): one decimal more than the values, a
 * difference of shares within ±100 percentage points (on the few replications of a provisional answer its t interval
 * can reach past what a share can differ by).
 */
export function describeDifference(
  difference: Difference | undefined,
  path: string,
  names: { arm: string; base: string },
  t: Translate,
  lang: Lang,
): string {
  if (!difference || !Number.isFinite(difference.mean)) return t('diff.unavailable');
  const said = sayableDifference(path, difference);
  const [lo, hi] = said.ci95;
  const extra = differenceDecimals(path, said) - metricUnit(path).digits;
  const shown = (x: number) => formatMetric(path, x, lang, false, extra);
  const bounds = { lo: formatMetric(path, lo, lang, true, extra), hi: formatMetric(path, hi, lang, true, extra) };
  const unit = differenceUnitOf(path, lang);
  // Judge by what a person sees: a difference that rounds to zero is "the same" or "almost the same".
  if (shown(Math.abs(said.mean)) === shown(0)) {
    const zero = shown(Math.abs(lo)) === shown(0) && shown(Math.abs(hi)) === shown(0);
    return zero ? t('diff.same', names) : t('diff.negligible', { ...names, ...bounds, unit });
  }
  const sentence = t(said.mean > 0 ? 'diff.higher' : 'diff.lower', {
    ...names,
    ...bounds,
    value: shown(Math.abs(said.mean)),
    unit,
  });
  const gap = lang === 'zh-CN' ? '' : ' '; // Chinese sentences follow each other without a space
  if (lo === hi) return `${sentence}${gap}${t('diff.oneReplication')}`;
  if (lo <= 0 && hi >= 0) return `${sentence}${gap}${t('diff.unclear')}`;
  return sentence;
}
