/** The pack's charts as SVG text, by file name. */
import type { Comparison } from '../../analysis/index.ts';
import type { RunResult } from '../../sim/results.ts';
import type { LabelContext } from '../../analysis/index.ts';
import { HEADLINE_METRICS, headlineTitle } from '../headlineMetrics.ts';
import { bothNames } from '../labels.ts';
import { CHART_FILES } from '../manifest.ts';
import type { Bi } from '../report/bilingual.ts';
import { armValue } from '../report/findings.ts';
import { headlineChartSvg, type MetricPanel } from './headlineChart.ts';
import { perDayChartSvg, PROMISED_SERIES, RISK_TOLERANCE_SERIES } from './perDayChart.ts';
import { speedChartSvg } from './speedChart.ts';
import type { ChartLang } from './svg.ts';

/** An arm's name in a chart's language: "中文 / English" when both. */
export const nameIn = (name: Bi, lang: ChartLang): string => (lang === 'both' ? bothNames(name) : name[lang]);

/**
 * The charts of a pack: `{ "charts/<name>.svg": svg }` in CHART_FILES order, in both languages for the pack's files
 * or in one for report.html.
 */
export function packCharts(
  comparison: Comparison,
  runsByArm: readonly (readonly RunResult[])[],
  names: readonly Bi[],
  context: Partial<LabelContext>,
  lang: ChartLang = 'both',
): Record<(typeof CHART_FILES)[number], string> {
  const shown = comparison.arms.map((arm, i) => {
    const name = names[i];
    return name ? nameIn(name, lang) : arm.id;
  });
  const panels: MetricPanel[] = HEADLINE_METRICS.filter((m) => m.chart).map((m) => ({
    title: headlineTitle(m.path, context),
    scale: m.kind === 'share' ? 100 : 1,
    digits: m.digits,
    suffix: m.kind === 'share' ? '%' : '',
    reference: m.reference,
    arms: comparison.arms.map((_, i) => {
      const d = armValue(comparison, runsByArm, i, m.path);
      // A share's interval is drawn within 0–100%, as the report writes it.
      const clip = (x: number) => (m.kind === 'share' ? Math.min(1, Math.max(0, x)) : x);
      return { mean: d.mean, lo: clip(d.ci95[0]), hi: clip(d.ci95[1]) };
    }),
  }));
  const perDay = comparison.arms.map((a, i) => ({ name: shown[i] ?? a.id, perDay: a.perDay }));
  return {
    'charts/per-day-promised.svg': perDayChartSvg(perDay, PROMISED_SERIES, lang),
    'charts/per-day-risk-tolerance.svg': perDayChartSvg(perDay, RISK_TOLERANCE_SERIES, lang),
    'charts/headline-metrics.svg': headlineChartSvg(shown, panels, lang),
    'charts/speed-km.svg': speedChartSvg(
      comparison.arms.map((a, i) => ({ name: shown[i] ?? a.id, speedHistogramKm: a.speedHistogramKm })),
      lang,
    ),
  };
}
