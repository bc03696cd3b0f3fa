/** One card per headline metric: each arm's value, and each further arm's paired difference from the first. */
import type { ReactNode } from 'react';
import type { Comparison, Difference, LabelContext, RobustnessResult } from '../../analysis/index.ts';
import { lookupMetric, metricAt } from '../../analysis/index.ts';
import { describeDifference, HEADLINE_METRICS } from '../headlineMetrics.ts';
import type { Lang, Translate } from '../i18n.ts';
import { formatMetric, formatWithUnit, metricAbout, metricName, unitOf } from '../metricDisplay.ts';

interface Props {
  comparison: Comparison;
  /** A robustness result for the same scenario and arms, when one was run: each card says how far its difference holds. */
  robustness?: RobustnessResult | null;
  armNames: Record<string, string>;
  /** The scenario's thresholds that labels name. */
  context: Partial<LabelContext>;
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
  lang,
  companion,
}: Pick<Props, 'comparison' | 'armNames' | 'lang'> & {
  path: string;
  /** A second figure under each arm's value (the full-time couriers' beside all couriers'). */
  companion?: (arm: Comparison['arms'][number]) => ReactNode;
}) {
  return (
    <dl>
      {comparison.arms.map((arm) => {
        const value = metricAt(arm.metrics, path);
        return (
          <div className={companion ? 'arm-value with-companion' : 'arm-value'} key={arm.id}>
            <dt>{armNames[arm.id] ?? arm.id}</dt>
            <dd>
              <span
                className="number"
                data-testid={`kpi-${path}-${arm.id}`}
                data-value={value === undefined ? '' : String(value)}
              >
                {formatMetric(path, value, lang)}
              </span>{' '}
              <span className="unit">{unitOf(path, lang)}</span>
            </dd>
            {companion && <dd className="companion">{companion(arm)}</dd>}
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

/**
 * "Holds in 97 of 100 plausible worlds" under a card, from a robustness run of the same arms (issue 24 item 2): only
 * for the differences robustness judges, and only when its arms are the comparison's first two.
 */
function robustLine(r: RobustnessResult | null | undefined, comparison: Comparison, path: string, t: Translate) {
  if (!r) return null;
  const [a, b] = comparison.arms;
  if (!a || !b || r.arms[0] !== a.id || r.arms[1] !== b.id) return null;
  const m = r.metrics.find((x) => x.metric === path);
  if (!m) return null;
  return (
    <p className="robust" data-testid={`robust-${path}`} data-holds={m.holds} data-worlds={r.worlds}>
      {t('card.robust', { holds: m.holds, worlds: r.worlds })}
    </p>
  );
}

/** The headline cards. Each value's element holds the displayed number; `data-value` the metric at full precision. */
export function HeadlineCards({ comparison, robustness, armNames, context, lang, t }: Props) {
  const [first, ...others] = comparison.arms;
  const companionOf = (path: string) => {
    // The catalogue names the figure shown beside a headline (`companion`), with the same distribution suffix.
    const entry = lookupMetric(path)?.entry;
    if (entry?.companion === undefined) return undefined;
    const second = entry.companion + path.slice(entry.path.length);
    return (arm: Comparison['arms'][number]) => {
      const value = metricAt(arm.metrics, second);
      return (
        <span data-testid={`card-companion-${second}-${arm.id}`} data-value={value === undefined ? '' : String(value)}>
          {t('card.fullTime', { fullTime: context.fullTime ?? '', value: formatWithUnit(second, value, lang) })}
        </span>
      );
    };
  };
  return (
    <div className="cards">
      {HEADLINE_METRICS.map((path) => (
        <section className="card" key={path} aria-label={metricName(path, lang, context)}>
          <h3 title={metricAbout(path, lang, context)}>{metricName(path, lang, context)}</h3>
          <ArmValues
            comparison={comparison}
            armNames={armNames}
            path={path}
            lang={lang}
            companion={companionOf(path)}
          />
          {first &&
            others.map((arm, i) => (
              <p className="difference" key={arm.id} data-testid={`diff-${path}-${arm.id}`}>
                {describeDifference(
                  differenceOf(comparison, arm.id, i + 1, path),
                  path,
                  { arm: armNames[arm.id] ?? arm.id, base: armNames[first.id] ?? first.id },
                  t,
                  lang,
                )}
              </p>
            ))}
          {robustLine(robustness, comparison, path, t)}
        </section>
      ))}
    </div>
  );
}
