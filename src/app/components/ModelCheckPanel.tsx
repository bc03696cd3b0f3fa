/**
 * The model against observation for the scenario on screen (`model-check`): each target's observed range with the
 * model's mean and 95% interval on it, and a table with the numbers and the sources. The rows come from the
 * comparison's own runs (see useComparison), so they equal `fairpace calibrate --format json` on the same scenario.
 * Also the notice beside the headline cards (`model-check-notice`) that says whether the scenario misses a range.
 */
import { useMemo } from 'react';
import {
  STRENGTH_WORDS,
  targetSource,
  type LabelContext,
  type RunsCalibration,
  type TargetRow,
} from '../../analysis/index.ts';
import { modelCheckChart, type ModelCheckRow } from '../charts/modelCheckChart.ts';
import type { Lang, Translate } from '../i18n.ts';
import {
  catalogueLang,
  differenceUnitOf,
  formatMetric,
  formatWithUnit,
  metricName,
  scaleOf,
  unitOf,
} from '../metricDisplay.ts';
import { PlotFigure } from './PlotFigure.tsx';
import { ProvisionalTag, type ProvisionalState } from './ProvisionalMark.tsx';

/** Where the model's documentation lives in the repository. */
export const MODEL_DOC = 'docs/model.md';

interface Props {
  /** The model check of the results on screen; undefined for a saved run, which keeps no runs. */
  calibration: RunsCalibration | undefined;
  armNames: Record<string, string>;
  context: Partial<LabelContext>;
  lang: Lang;
  t: Translate;
  /** Set while the comparison is provisional (the panel says so in its heading). */
  provisional?: ProvisionalState | undefined;
}

/** A model interval as shown: a share's interval clipped to 0–100% (a t interval knows nothing of the bounds). */
function shownInterval(row: TargetRow): [number, number] {
  const [lo, hi] = row.model.ci95;
  if (scaleOf(row.metric) !== 100) return [lo, hi];
  const clip = (x: number) => Math.min(1, Math.max(0, x));
  return [clip(lo), clip(hi)];
}

/** The observed range or value as text, in the metric's unit. */
function observedText(row: TargetRow, lang: Lang): string {
  if ('value' in row.observed) return formatWithUnit(row.metric, row.observed.value, lang);
  const [lo, hi] = row.observed.range;
  return `${formatMetric(row.metric, lo, lang)}–${formatWithUnit(row.metric, hi, lang)}`;
}

/** The verdict in words: within, or below/above the range by how much. */
export function verdictText(row: TargetRow, lang: Lang, t: Translate): string {
  if (row.status === 'within') return t('modelcheck.within');
  const by = formatMetric(row.metric, row.by, lang, false, 1);
  const unit = differenceUnitOf(row.metric, lang);
  return t(row.status === 'below' ? 'modelcheck.below' : 'modelcheck.above', { by: `${by} ${unit}`.trim() });
}

/** The notice beside the headline cards: which targets the scenario misses, or that it misses none. */
export function ModelCheckNotice({ calibration, context, lang, t }: Omit<Props, 'armNames'>) {
  if (!calibration || calibration.rows.length === 0) return null;
  const missed = calibration.rows.filter((r) => r.status !== 'within');
  const names = missed.map(
    (r) => `${metricName(r.metric, lang, context)}${t('modelcheck.listBy', { verdict: verdictText(r, lang, t) })}`,
  );
  return (
    <p
      className={missed.length > 0 ? 'model-notice miss' : 'model-notice'}
      role="note"
      data-testid="model-check-notice"
      data-missed={missed.length}
    >
      {missed.length > 0
        ? t('modelcheck.noticeMiss', {
            count: missed.length,
            of: calibration.rows.length,
            list: names.join(t('export.listSeparator')),
          })
        : t('modelcheck.noticeAll', { count: calibration.rows.length })}
    </p>
  );
}

/** The model-check panel. */
/** The model check as a chart: one panel per target, the observed range with the model's mean and interval. */
export function modelCheckFigure(
  calibration: RunsCalibration,
  armNames: Record<string, string>,
  context: Partial<LabelContext>,
  lang: Lang,
  t: Translate,
) {
  const rows: ModelCheckRow[] = calibration.rows.map((r) => {
    const k = scaleOf(r.metric);
    const observed: [number, number] =
      'range' in r.observed
        ? [r.observed.range[0] * k, r.observed.range[1] * k]
        : [r.observed.value * k, r.observed.value * k];
    const unit = unitOf(r.metric, lang);
    return {
      title: `${metricName(r.metric, lang, context)} · ${armNames[r.arm] ?? r.arm}`,
      unit: unit === '' ? '' : unit,
      observed,
      single: 'value' in r.observed,
      mean: r.model.mean * k,
      lo: shownInterval(r)[0] * k,
      hi: shownInterval(r)[1] * k,
      within: r.status === 'within',
    };
  });
  return modelCheckChart(rows, {
    title: t('modelcheck.chartTitle'),
    caption: t('modelcheck.chartCaption'),
    observed: t('modelcheck.observed'),
    model: t('modelcheck.model'),
  });
}

export function ModelCheckPanel({ calibration, armNames, context, lang, t, provisional }: Props) {
  const figure = useMemo(() => {
    if (!calibration || calibration.rows.length === 0) return null;
    return modelCheckFigure(calibration, armNames, context, lang, t);
  }, [calibration, armNames, context, lang, t]);

  return (
    <section className="model-check" aria-labelledby="model-check-heading" data-testid="model-check">
      <h2 id="model-check-heading">
        {t('modelcheck.heading')}
        <ProvisionalTag provisional={provisional} t={t} />
      </h2>
      <p className="hint">{t('modelcheck.intro')}</p>
      <p className="hint" data-testid="model-doc">
        {t('modelcheck.doc', { path: MODEL_DOC })}
      </p>
      {!calibration && <p className="hint">{t('modelcheck.saved')}</p>}
      {calibration && calibration.rows.length === 0 && <p className="hint">{t('modelcheck.noArms')}</p>}
      {figure && <PlotFigure options={figure} testId="chart-model-check" />}
      {calibration && calibration.rows.length > 0 && (
        <div className="table-scroll">
          <table className="model-check-table">
            <thead>
              <tr>
                <th scope="col">{t('modelcheck.metric')}</th>
                <th scope="col">{t('modelcheck.arm')}</th>
                <th scope="col">{t('modelcheck.observed')}</th>
                <th scope="col">{t('modelcheck.modelInterval')}</th>
                <th scope="col">{t('modelcheck.status')}</th>
                <th scope="col">{t('modelcheck.source')}</th>
              </tr>
            </thead>
            <tbody>
              {calibration.rows.map((r) => {
                const source = targetSource(r.id, r.source.title)[catalogueLang(lang)];
                const strength = STRENGTH_WORDS[r.strength]?.[catalogueLang(lang)] ?? r.strength;
                return (
                  <tr
                    key={r.id}
                    className={r.status}
                    data-testid={`model-check-row-${r.id}`}
                    data-status={r.status}
                    data-mean={String(r.model.mean)}
                    data-lo={String(r.model.ci95[0])}
                    data-hi={String(r.model.ci95[1])}
                    data-by={String(r.by)}
                  >
                    <th scope="row">{metricName(r.metric, lang, context)}</th>
                    <td>{armNames[r.arm] ?? r.arm}</td>
                    <td className="number">{observedText(r, lang)}</td>
                    <td className="number">
                      {formatWithUnit(r.metric, r.model.mean, lang)}
                      {r.model.ci95[0] !== r.model.ci95[1] &&
                        t('modelcheck.interval', {
                          lo: formatMetric(r.metric, shownInterval(r)[0], lang),
                          hi: formatMetric(r.metric, shownInterval(r)[1], lang),
                        })}
                    </td>
                    <td className={`status-cell ${r.status === 'within' ? 'pass' : 'fail'}`}>
                      {r.status === 'within' ? '✓ ' : '✗ '}
                      {verdictText(r, lang, t)}
                    </td>
                    <td className="source">
                      <cite>{source}</cite>
                      {t('modelcheck.year', { year: r.source.year })}
                      <br />
                      <small>{t('modelcheck.strength', { strength })}</small>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {calibration && calibration.notRun.length > 0 && (
        <p className="hint" data-testid="model-check-not-run">
          {t('modelcheck.notRun', {
            list: calibration.notRun
              .map((n) =>
                t('modelcheck.notRunItem', {
                  metric: metricName(n.metric, lang, context),
                  arm: armNames[n.arm] ?? n.arm,
                }),
              )
              .join(t('export.listSeparator')),
          })}
        </p>
      )}
    </section>
  );
}
