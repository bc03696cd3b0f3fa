/** The dashboard's charts of one comparison, each built by a pure builder in ../charts and drawn by PlotFigure. */
import { useMemo } from 'react';
import type { Comparison } from '../../analysis/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { ChartArm } from '../charts/chartTypes.ts';
import { earningsChart } from '../charts/earningsChart.ts';
import { perDayChart } from '../charts/perDayChart.ts';
import { orderMoneyChart } from '../charts/orderMoneyChart.ts';
import { platformChart } from '../charts/platformChart.ts';
import { rhythmChart } from '../charts/rhythmChart.ts';
import { safetyChart } from '../charts/safetyChart.ts';
import { speedChart } from '../charts/speedChart.ts';
import { workloadChart } from '../charts/workloadChart.ts';
import type { Lang, Translate } from '../i18n.ts';
import { orderMoney } from '../../evidence/orderMoney.ts';
import { fixed } from '../../evidence/format.ts';
import { axisLabel, catalogueLang, contextOf, metricName, unitOf } from '../metricDisplay.ts';
import { PlotFigure } from './PlotFigure.tsx';

interface Props {
  scenario: Scenario;
  comparison: Comparison;
  armNames: Record<string, string>;
  lang: Lang;
  t: Translate;
}

/** Every chart of the comparison dashboard (`chart-<name>`). */
export function ComparisonCharts({ scenario, comparison, armNames, lang, t }: Props) {
  const arms: ChartArm[] = useMemo(
    () =>
      comparison.arms.map((a) => ({
        id: a.id,
        name: armNames[a.id] ?? a.id,
        metrics: a.metrics,
        perDay: a.perDay,
        perHour: a.perHour,
        speedHistogramKm: a.speedHistogramKm,
      })),
    [comparison, armNames],
  );
  const { standards, compliance } = scenario;
  const charts = useMemo(() => {
    const context = contextOf(scenario);
    const axis = (path: string) => axisLabel(path, lang, context);
    return {
      earnings: earningsChart(arms, standards.minHourlyWage, {
        title: t('chart.earnings.title'),
        caption: t('chart.earnings.caption'),
        x: axis('earnings.netPerOnlineHour.mean'),
        minWage: t('chart.earnings.minWage', { wage: standards.minHourlyWage }),
      }),
      workload: workloadChart(arms, standards, {
        title: t('chart.workload.title'),
        caption: t('chart.workload.caption'),
        hours: axis('workload.onlineHours.mean'),
        orders: axis('workload.ordersPerCourierDay.mean'),
        km: axis('workload.kmPerCourierDay.mean'),
        standardDay: t('chart.workload.standardDay', { hours: standards.standardDailyHours }),
        legalLimit: t('chart.workload.legalLimit', {
          hours: standards.standardDailyHours + standards.maxDailyOvertime,
        }),
      }),
      safety: safetyChart(arms, compliance, {
        title: t('chart.safety.title'),
        caption: t('chart.safety.caption'),
        speeding: axis('safety.speedingKmShare'),
        redLights: axis('safety.redLightRunsPerCourierDay'),
        crashRisk: axis('safety.relativeCrashRisk'),
        limit: t('chart.safety.limit'),
        baseline: t('chart.safety.baseline'),
      }),
      speed: speedChart(
        arms,
        {
          title: t('chart.speed.title'),
          caption: t('chart.speed.caption'),
          x: t('chart.speed.x'),
          y: t('chart.speed.y'),
        },
        [t('chart.speed.rule15'), t('chart.speed.rule25')],
      ),
      rhythm: rhythmChart(arms, {
        title: t('chart.rhythm.title'),
        caption: t('chart.rhythm.caption'),
        x: t('chart.rhythm.x'),
        onTime: axis('perDay.onTimeRate'),
        promised: axis('perDay.promisedMinMean'),
        speeding: axis('perDay.speedingKmShare'),
      }),
      perDay: perDayChart(arms, {
        title: t('chart.perday.title'),
        caption: t('chart.perday.caption'),
        x: t('chart.perday.x'),
        y: axis('perDay.promisedMinMean'),
      }),
      riskTolerance: perDayChart(
        arms,
        {
          title: t('chart.risk.title'),
          caption: t('chart.risk.caption'),
          x: t('chart.perday.x'),
          y: axis('perDay.meanRiskTolerance'),
        },
        'meanRiskTolerance',
      ),
      platform: platformChart(arms, {
        title: t('chart.platform.title'),
        caption: t('chart.platform.caption'),
        y: unitOf('platform.margin', lang),
        revenue: metricName('platform.deliveryRevenue', lang, context),
        courierPay: metricName('platform.courierPay', lang, context),
        margin: metricName('platform.margin', lang, context),
      }),
      // Results saved before the ledger have no money flows: no chart rather than a wrong one.
      money: comparison.arms.every((a) => a.money)
        ? orderMoneyChart(
            comparison.arms.map((a) => ({ name: armNames[a.id] ?? a.id, money: orderMoney(a.money) })),
            catalogueLang(lang),
            {
              title: t('chart.money.title'),
              caption: t('chart.money.caption', {
                orderValue: fixed(comparison.arms[0]?.money.flowsPerOrder.orderValue ?? Number.NaN, 2),
              }),
              x: t('chart.money.x'),
            },
          )
        : null,
    };
  }, [arms, comparison, armNames, scenario, standards, compliance, lang, t]);

  return (
    <div className="charts">
      <PlotFigure options={charts.earnings} testId="chart-earnings" />
      <PlotFigure options={charts.workload} testId="chart-workload" />
      <PlotFigure options={charts.safety} testId="chart-safety" />
      <PlotFigure options={charts.speed} testId="chart-speed" />
      <PlotFigure options={charts.rhythm} testId="chart-rhythm" />
      <div className="chart-pair">
        <PlotFigure options={charts.perDay} testId="chart-perday" />
        <PlotFigure options={charts.riskTolerance} testId="chart-risk-tolerance" />
      </div>
      <PlotFigure options={charts.platform} testId="chart-platform" />
      {charts.money && <PlotFigure options={charts.money} testId="chart-money" />}
    </div>
  );
}
