/**
 * The further figures below the headline cards (the catalogue's detail metrics): full-time courier-days, pay and
 * margin per order, waves and bags, lateness beyond 8 minutes. Each arm's value holds the metric at full precision in
 * `data-value` under the test id `kpi-<path>-<arm id>`, like the headline cards, so the browser tests compare both
 * with the command line.
 */
import { DETAIL_PATHS, metricAt, type Comparison, type LabelContext } from '../../analysis/index.ts';
import type { Lang, Translate } from '../i18n.ts';
import { differenceWithInterval } from '../../evidence/metricText.ts';
import { catalogueLang, formatWithUnit, metricAbout, metricName } from '../metricDisplay.ts';

interface Props {
  comparison: Comparison;
  armNames: Record<string, string>;
  context: Partial<LabelContext>;
  lang: Lang;
  t: Translate;
}

/** The table of further figures (`detail-figures`). */
export function DetailFigures({ comparison, armNames, context, lang, t }: Props) {
  const [first, ...others] = comparison.arms;
  if (!first) return null;
  const base = armNames[first.id] ?? first.id;
  return (
    <section className="details" aria-labelledby="details-heading" data-testid="detail-figures">
      <h2 id="details-heading">{t('details.heading')}</h2>
      <p className="hint">{t('details.intro', { fullTime: context.fullTime ?? '' })}</p>
      <div className="table-scroll">
        <table className="details-table">
          <thead>
            <tr>
              <th scope="col">{t('details.metric')}</th>
              {comparison.arms.map((arm) => (
                <th scope="col" key={arm.id}>
                  {armNames[arm.id] ?? arm.id}
                </th>
              ))}
              {others.map((arm) => (
                <th scope="col" key={`d-${arm.id}`}>
                  {t('details.difference', { arm: armNames[arm.id] ?? arm.id, base })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {DETAIL_PATHS.map((path) => (
              <tr key={path}>
                <th scope="row" title={metricAbout(path, lang, context)}>
                  {metricName(path, lang, context)}
                </th>
                {comparison.arms.map((arm) => {
                  const value = metricAt(arm.metrics, path);
                  return (
                    <td className="number" key={arm.id}>
                      <span data-testid={`kpi-${path}-${arm.id}`} data-value={value === undefined ? '' : String(value)}>
                        {formatWithUnit(path, value, lang)}
                      </span>
                    </td>
                  );
                })}
                {others.map((arm, i) => {
                  const d =
                    comparison.differencesVsFirst?.[arm.id]?.[path] ??
                    (i === 0 ? comparison.differences[path] : undefined);
                  return (
                    <td className="number" key={`d-${arm.id}`} data-testid={`detail-diff-${path}-${arm.id}`}>
                      {differenceWithInterval(path, d)[catalogueLang(lang)]}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
