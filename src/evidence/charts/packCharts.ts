/** The pack's charts as SVG text, by file name. */
import type { Comparison } from '../../analysis/index.ts';
import type { RunResult } from '../../sim/results.ts';
import type { LabelContext } from '../../analysis/index.ts';
import { HEADLINE_METRICS, headlineTitle } from '../headlineMetrics.ts';
import { bothNames } from '../labels.ts';
import { CHART_FILES } from '../manifest.ts';
import type { Bi } from '../report/bilingual.ts';
import { armInterval } from '../report/findings.ts';
import { headlineChartSvg, type MetricPanel } from './headlineChart.ts';
import { perDayChartSvg, RISK_TOLERANCE_SERIES } from './perDayChart.ts';
import { speedChartSvg } from './speedChart.ts';

/** The charts of a pack: `{ "charts/<name>.svg": svg }` in CHART_FILES order. */
export function packCharts(
  comparison: Comparison,
  runsByArm: readonly (readonly RunResult[])[],
  names: readonly Bi[],
  context: Partial<LabelContext>,
): Record<(typeof CHART_FILES)[number], string> {
  const shown = comparison.arms.map((arm, i) => {
    const name = names[i];
    return name ? bothNames(name) : arm.id;
  });
  const panels: MetricPanel[] = HEADLINE_METRICS.filter((m) => m.chart).map((m) => ({
    title: headlineTitle(m.path, context),
    scale: m.kind === 'share' ? 100 : 1,
    digits: m.digits,
    suffix: m.kind === 'share' ? '%' : '',
    reference: m.reference,
    arms: runsByArm.map((runs) => {
      const d = armInterval(runs, m.path);
      return { mean: d.mean, lo: d.ci95[0], hi: d.ci95[1] };
    }),
  }));
  const perDay = comparison.arms.map((a, i) => ({ name: shown[i] ?? a.id, perDay: a.perDay }));
  return {
    'charts/per-day-promised.svg': perDayChartSvg(perDay),
    'charts/per-day-risk-tolerance.svg': perDayChartSvg(perDay, RISK_TOLERANCE_SERIES),
    'charts/headline-metrics.svg': headlineChartSvg(shown, panels),
    'charts/speed-km.svg': speedChartSvg(
      comparison.arms.map((a, i) => ({ name: shown[i] ?? a.id, speedHistogramKm: a.speedHistogramKm })),
    ),
  };
}
