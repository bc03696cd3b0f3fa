/**
 * The headline numbers of the dashboard (the metric catalogue's headline metrics, in its order) and a paired
 * difference said in plain words. Labels, units and decimals come from the catalogue, through ./metricDisplay.ts.
 */
import { HEADLINE_PATHS, type Difference } from '../analysis/index.ts';
import { differenceBounds } from '../analysis/metricBounds.ts';
import type { Lang, Translate } from './i18n.ts';
import { differenceUnitOf, formatMetric } from './metricDisplay.ts';

/** The headline metrics' paths, in the order a negotiator reads them: pay, hours, safety, service, platform. */
export const HEADLINE_METRICS: readonly string[] = HEADLINE_PATHS;

/**
 * The difference `arm − base` of the metric at `path` with its 95% interval in one plain sentence. A difference of
 * shares is said within ±100 percentage points: on the few replications of a provisional answer its t interval can
 * reach past what a share can differ by.
 */
export function describeDifference(
  difference: Difference | undefined,
  path: string,
  names: { arm: string; base: string },
  t: Translate,
  lang: Lang,
): string {
  if (!difference || !Number.isFinite(difference.mean)) return t('diff.unavailable');
  const possible = differenceBounds(path);
  const [lo, hi] = possible
    ? [Math.max(possible[0], difference.ci95[0]), Math.min(possible[1], difference.ci95[1])]
    : difference.ci95;
  const shown = (x: number) => formatMetric(path, x, lang);
  const bounds = { lo: formatMetric(path, lo, lang, true), hi: formatMetric(path, hi, lang, true) };
  const unit = differenceUnitOf(path, lang);
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
  const gap = lang === 'zh-CN' ? '' : ' '; // Chinese sentences follow each other without a space
  if (lo === hi) return `${sentence}${gap}${t('diff.oneReplication')}`;
  if (lo <= 0 && hi >= 0) return `${sentence}${gap}${t('diff.unclear')}`;
  return sentence;
}
