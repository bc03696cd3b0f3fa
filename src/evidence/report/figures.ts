/**
 * The report's figures: each chart drawn once per language, so the Chinese view shows a chart in Chinese only and the
 * English view one in English only (the pack's chart files, which stand alone, carry both). Which charts a report
 * shows depends on the scenario: a one-day scenario has no day-by-day charts, since one point per arm says nothing.
 */
import { labelContext, type Comparison } from '../../analysis/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { RunResult } from '../../sim/results.ts';
import { earningsChartSvg } from '../charts/earningsChart.ts';
import { nameIn, packCharts } from '../charts/packCharts.ts';
import type { CHART_FILES } from '../manifest.ts';
import { bi, inline, type Bi } from './bilingual.ts';

/** A chart file's name. */
export type ChartFile = (typeof CHART_FILES)[number];

/** A figure: the chart in each language (each shown in its view) and a caption. */
export function figureHtml(render: (lang: 'zh' | 'en') => string, caption: Bi, id?: string): string {
  // The SVG is our own markup, built with every label escaped; it is inlined as it is.
  return (
    `<figure${id ? ` id="${id}"` : ''}><div lang="zh-CN">${render('zh')}</div><div lang="en">${render('en')}</div>` +
    `<figcaption>${inline(caption)}</figcaption></figure>`
  );
}

/** The captions of the pack's charts as the report shows them (no file names: the appendix lists the files). */
export const CAPTIONS: Record<ChartFile, Bi> = {
  'charts/per-day-promised.svg': bi(
    '每天各方案的平均承诺配送时长（各次重复的平均值）。开启时限学习时，最严算法会让时限逐日收紧。',
    'Mean promised delivery time per day and arm (mean over replications). With deadline learning on, the strictest algorithm tightens the deadline from day to day.',
  ),
  'charts/per-day-risk-tolerance.svg': bi(
    '每天在线骑手的平均冒险倾向（0–1，各次重复的平均值）。前一天超时订单过多的骑手会更敢冒险（闯红灯、超速）；这条线与上图的承诺时长一起构成“算法棘轮”的两面。',
    'Mean risk tolerance (0–1) of the couriers online each day, mean over replications. Couriers who were late too often the day before take more risks (red lights, speeding); this line and the promised time above are the two sides of the ratchet.',
  ),
  'charts/headline-metrics.svg': bi(
    '主要指标：条形为各次重复的平均值，误差线为 95% 区间；字母对应图例中的方案。',
    'Headline figures: bars are means over replications, whiskers 95% intervals; letters name the arms of the legend.',
  ),
  'charts/speed-km.svg': bi(
    '各速度区间（每 1 公里/小时）的骑行里程，每次重复的平均值。虚线：15 公里/小时（《道路交通安全法》第 58 条，非机动车道）与 25 公里/小时（GB 17761-2018 电动自行车设计车速上限）。',
    'Kilometres ridden in each 1 km/h speed band, mean per replication. Dashed lines: 15 km/h (Road Traffic Safety Law art. 58, non-motor lanes) and 25 km/h (GB 17761-2018 e-bike design limit).',
  ),
};

/** What the charts are drawn from. */
export interface ChartSource {
  scenario: Scenario;
  comparison: Comparison;
  runsByArm: readonly (readonly RunResult[])[];
  names: readonly Bi[];
}

/** Whether the scenario's runs have more than one reported day, so day-by-day charts show a course. */
export function hasDays(comparison: Comparison): boolean {
  return comparison.arms.some((a) => a.perDay.length > 1);
}

/** The pack charts `files` as figures, each in both languages' views with its caption. */
export function chartFigures(source: ChartSource, files: readonly ChartFile[]): string {
  const { scenario, comparison, runsByArm, names } = source;
  const context = labelContext(scenario);
  const zh = packCharts(comparison, runsByArm, names, context, 'zh');
  const en = packCharts(comparison, runsByArm, names, context, 'en');
  return files.map((f) => figureHtml((lang) => (lang === 'zh' ? zh[f] : en[f]), CAPTIONS[f])).join('');
}

/** The chart of net pay per online hour against the minimum wage, as a figure. */
export function earningsFigure(source: ChartSource): string {
  const { scenario, comparison, names } = source;
  const wage = scenario.standards.minHourlyWage;
  const render = (lang: 'zh' | 'en') =>
    earningsChartSvg(
      comparison.arms.map((arm, i) => ({
        name: nameIn(names[i] ?? bi(arm.id, arm.id), lang),
        netPerOnlineHour: arm.metrics.earnings.netPerOnlineHour,
        shareBelowMinWage: arm.metrics.earnings.shareBelowMinWage,
      })),
      wage,
      lang,
    );
  const caption = bi(
    `每个方案一行：色条从收入最低的 10% 骑手日到最高的 10%（第 10 至第 90 百分位），圆点是中位数，菱形是平均数，都是各次重复的平均值；虚线是当地最低小时工资 ${wage} 元。色条在虚线左边的部分，就是每在线小时净收入低于最低工资的骑手日，比例写在方案名下。`,
    `One row per arm: the bar runs from the lowest-paid 10% of courier-days to the highest-paid 10% (10th to 90th percentile), the dot is the median and the diamond the mean, each averaged over replications; the dashed line is the local minimum hourly wage of ${wage} CNY. The part of a bar left of the line is courier-days that earn less than the minimum wage per online hour, and their share is written under the arm’s name.`,
  );
  return figureHtml(render, caption, 'earnings-chart');
}
