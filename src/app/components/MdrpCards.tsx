/** The MDRP benchmark's figures of a replayed instance, per arm (shown only when the arms have `metrics.mdrp`). */
import type { Comparison } from '../../analysis/index.ts';
import type { MetricFormat } from '../headlineMetrics.ts';
import type { Lang, MessageKey, Translate } from '../i18n.ts';
import { MDRP_KPIS } from '../mdrpImport.ts';
import { ArmValues } from './HeadlineCards.tsx';

interface Props {
  comparison: Comparison;
  armNames: Record<string, string>;
  lang: Lang;
  t: Translate;
}

const FORMATS: Record<(typeof MDRP_KPIS)[number]['format'], MetricFormat> = {
  share: { scale: 100, fractionDigits: 1, unit: 'unit.percent', differenceUnit: 'unit.percentagePoints' },
  minutes: { scale: 1, fractionDigits: 1, unit: 'mdrp.unit.minutes', differenceUnit: 'mdrp.unit.minutes' },
  rate: { scale: 1, fractionDigits: 2, unit: 'mdrp.unit.perHour', differenceUnit: 'mdrp.unit.perHour' },
  money: { scale: 1, fractionDigits: 0, unit: 'mdrp.unit.money', differenceUnit: 'mdrp.unit.money' },
};

const LABELS: Record<(typeof MDRP_KPIS)[number]['path'], MessageKey> = {
  'mdrp.deliveredShare': 'mdrp.kpi.deliveredShare',
  'mdrp.clickToDoorMin.mean': 'mdrp.kpi.clickToDoorMean',
  'mdrp.clickToDoorMin.p90': 'mdrp.kpi.clickToDoorP90',
  'mdrp.clickToDoorMin.max': 'mdrp.kpi.clickToDoorMax',
  'mdrp.clickToDoorOverageMin': 'mdrp.kpi.overage',
  'mdrp.courierUtilisation': 'mdrp.kpi.utilisation',
  'mdrp.ordersPerCourierHour': 'mdrp.kpi.ordersPerCourierHour',
  'mdrp.totalCourierPay': 'mdrp.kpi.totalCourierPay',
  'mdrp.shareCouriersPaidGuarantee': 'mdrp.kpi.sharePaidGuarantee',
};

/** Whether the comparison is of a replayed MDRP instance. */
export function hasMdrp(comparison: Comparison): boolean {
  return comparison.arms.some((arm) => arm.metrics.mdrp !== undefined);
}

/** The MDRP cards; each value's `data-value` holds the metric at full precision. */
export function MdrpCards({ comparison, armNames, lang, t }: Props) {
  if (!hasMdrp(comparison)) return null;
  return (
    <section className="mdrp-cards" aria-labelledby="mdrp-cards-heading" data-testid="mdrp-cards">
      <h2 id="mdrp-cards-heading">{t('mdrp.cardsHeading')}</h2>
      <div className="cards">
        {MDRP_KPIS.map((kpi) => {
          const format = FORMATS[kpi.format];
          const label = t(LABELS[kpi.path]);
          return (
            <section className="card" key={kpi.path} aria-label={label}>
              <h3>{label}</h3>
              <ArmValues
                comparison={comparison}
                armNames={armNames}
                path={kpi.path}
                format={format}
                lang={lang}
                t={t}
              />
            </section>
          );
        })}
      </div>
    </section>
  );
}
