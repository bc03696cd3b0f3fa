/** One card per headline metric: each arm's value, and each further arm's paired difference from the first. */
import type { Comparison, Difference } from '../../analysis/index.ts';
import { metricAt } from '../../analysis/index.ts';
import { describeDifference, formatNumber, HEADLINE_METRICS, type MetricFormat } from '../headlineMetrics.ts';
import type { Lang, Translate } from '../i18n.ts';

interface Props {
  comparison: Comparison;
  armNames: Record<string, string>;
  lang: Lang;
  t: Translate;
}

/**
 * Each arm's value of one metric as a list; the number's element has test id `kpi-<path>-<arm id>` and holds the
 * metric at full precision in `data-value`.
 */
export function ArmValues({
  comparison,
  armNames,
  path,
  format,
  lang,
  t,
}: Props & { path: string; format: MetricFormat }) {
  return (
    <dl>
      {comparison.arms.map((arm) => {
        const value = metricAt(arm.metrics, path);
        return (
          <div className="arm-value" key={arm.id}>
            <dt>{armNames[arm.id] ?? arm.id}</dt>
            <dd>
              <span
                className="number"
                data-testid={`kpi-${path}-${arm.id}`}
                data-value={value === undefined ? '' : String(value)}
              >
                {formatNumber(value, format, lang)}
              </span>{' '}
              <span className="unit">{t(format.unit)}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** The difference of arm `index` from the first arm at `path`. */
function differenceOf(comparison: Comparison, armId: string, index: number, path: string): Difference | undefined {
  const vsFirst = comparison.differencesVsFirst?.[armId]?.[path];
  return vsFirst ?? (index === 1 ? comparison.differences[path] : undefined);
}

/** The headline cards. Each value's element holds the displayed number; `data-value` the metric at full precision. */
export function HeadlineCards({ comparison, armNames, lang, t }: Props) {
  const [first, ...others] = comparison.arms;
  return (
    <div className="cards">
      {HEADLINE_METRICS.map((metric) => (
        <section className="card" key={metric.path} aria-label={t(metric.label)}>
          <h3>{t(metric.label)}</h3>
          <ArmValues
            comparison={comparison}
            armNames={armNames}
            path={metric.path}
            format={metric.format}
            lang={lang}
            t={t}
          />
          {first &&
            others.map((arm, i) => (
              <p className="difference" key={arm.id} data-testid={`diff-${metric.path}-${arm.id}`}>
                {describeDifference(
                  differenceOf(comparison, arm.id, i + 1, metric.path),
                  metric.format,
                  { arm: armNames[arm.id] ?? arm.id, base: armNames[first.id] ?? first.id },
                  t,
                  lang,
                )}
              </p>
            ))}
        </section>
      ))}
    </div>
  );
}
