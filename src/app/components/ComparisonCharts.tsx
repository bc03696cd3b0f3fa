/** The dashboard's charts of one comparison, each built by a pure builder in ../charts and drawn by PlotFigure. */
import { useMemo } from 'react';
import type { Comparison } from '../../analysis/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { ChartArm } from '../charts/chartTypes.ts';
import { earningsChart } from '../charts/earningsChart.ts';
import { perDayChart } from '../charts/perDayChart.ts';
import { platformChart } from '../charts/platformChart.ts';
import { rhythmChart } from '../charts/rhythmChart.ts';
import { safetyChart } from '../charts/safetyChart.ts';
import { speedChart } from '../charts/speedChart.ts';
import { workloadChart } from '../charts/workloadChart.ts';
import type { Translate } from '../i18n.ts';
import { PlotFigure } from './PlotFigure.tsx';

interface Props {
  scenario: Scenario;
  comparison: Comparison;
  armNames: Record<string, string>;
  t: Translate;
}

/** Every chart of the comparison dashboard (`chart-<name>`). */
export function ComparisonCharts({ scenario, comparison, armNames, t }: Props) {
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
  const charts = useMemo(
    () => ({
      earnings: earningsChart(arms, standards.minHourlyWage, {
        title: t('chart.earnings.title'),
        caption: t('chart.earnings.caption'),
        x: t('chart.earnings.x'),
        minWage: t('chart.earnings.minWage', { wage: standards.minHourlyWage }),
      }),
      workload: workloadChart(arms, standards, {
        title: t('chart.workload.title'),
        caption: t('chart.workload.caption'),
        hours: t('chart.workload.hours'),
        orders: t('chart.workload.orders'),
        km: t('chart.workload.km'),
        standardDay: t('chart.workload.standardDay', { hours: standards.standardDailyHours }),
        legalLimit: t('chart.workload.legalLimit', {
          hours: standards.standardDailyHours + standards.maxDailyOvertime,
        }),
      }),
      safety: safetyChart(arms, compliance, {
        title: t('chart.safety.title'),
        caption: t('chart.safety.caption'),
        speeding: t('chart.safety.speeding'),
        redLights: t('chart.safety.redLights'),
        crashRisk: t('chart.safety.crashRisk'),
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
        onTime: t('chart.rhythm.onTime'),
        promised: t('chart.rhythm.promised'),
        speeding: t('chart.rhythm.speeding'),
      }),
      perDay: perDayChart(arms, {
        title: t('chart.perday.title'),
        caption: t('chart.perday.caption'),
        x: t('chart.perday.x'),
        y: t('chart.perday.y'),
      }),
      riskTolerance: perDayChart(
        arms,
        {
          title: t('chart.risk.title'),
          caption: t('chart.risk.caption'),
          x: t('chart.perday.x'),
          y: t('chart.risk.y'),
        },
        'meanRiskTolerance',
      ),
      platform: platformChart(arms, {
        title: t('chart.platform.title'),
        caption: t('chart.platform.caption'),
        y: t('chart.platform.y'),
        revenue: t('chart.platform.revenue'),
        courierPay: t('chart.platform.courierPay'),
        margin: t('chart.platform.margin'),
      }),
    }),
    [arms, standards, compliance, t],
  );

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
    </div>
  );
}
