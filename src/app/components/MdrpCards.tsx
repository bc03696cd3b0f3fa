/** The MDRP benchmark's figures of a replayed instance, per arm (shown only when the arms have `metrics.mdrp`). */
import type { Comparison } from '../../analysis/index.ts';
import type { Lang, Translate } from '../i18n.ts';
import { metricName } from '../metricDisplay.ts';
import { MDRP_KPIS } from '../mdrpImport.ts';
import { ArmValues } from './HeadlineCards.tsx';

interface Props {
  comparison: Comparison;
  armNames: Record<string, string>;
  lang: Lang;
  t: Translate;
}

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
        {MDRP_KPIS.map((path) => {
          const label = metricName(path, lang);
          return (
            <section className="card" key={path} aria-label={label}>
              <h3>{label}</h3>
              <ArmValues comparison={comparison} armNames={armNames} path={path} lang={lang} />
            </section>
          );
        })}
      </div>
    </section>
  );
}
