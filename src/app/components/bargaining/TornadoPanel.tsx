/**
 * The sensitivity analysis (`tornado-panel`, `chart-tornado`): each assumption at its low and high value, one at a
 * time, through the same batch as `fairpace sensitivity`. The ranking over every headline difference and the
 * parameters that flip a conclusion are said as report.html says them (src/evidence/views/sensitivityView.ts); the
 * chart shows one difference, its rows ranked by that difference's swing.
 */
import { useMemo, useState } from 'react';
import {
  SENSITIVITY_PATHS,
  sensitivityToPrecision,
  type LabelContext,
  type SensitivityProvisional,
} from '../../../analysis/index.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import { tornadoChart } from '../../charts/tornadoChart.ts';
import {
  rankingLine,
  RANKING_INTRO,
  SCORE_NOTE,
  sensitivityFlips,
  sensitivityParamName,
  sensitivityRanking,
} from '../../../evidence/views/sensitivityView.ts';
import { nameWithUnit } from '../../editor/paramLabel.ts';
import type { Lang, Translate } from '../../i18n.ts';
import { catalogueLang, differenceUnitOf, metricName, scaleOf } from '../../metricDisplay.ts';
import type { ProvisionalJob, TornadoAnswer } from '../../useBargainJob.ts';
import { PlotFigure } from '../PlotFigure.tsx';
import { ProvisionalBanner, type ProvisionalState } from '../ProvisionalMark.tsx';
import { JobControls, reps } from './BargainControls.tsx';

interface Props {
  scenario: Scenario | null;
  job: ProvisionalJob<TornadoAnswer>;
  blocked: boolean;
  names: Record<string, string>;
  context: Partial<LabelContext>;
  lang: Lang;
  t: Translate;
}

/**
 * The tornado runs `fairpace sensitivity --precision 0.2` (src/analysis/sequentialSensitivity.ts): every parameter
 * screened on a few seeds, more only where its rank or a sign is in doubt.
 */
export const APP_TORNADO_PRECISION = 0.2;

/**
 * Passes on only the latest of the calls made in one turn of the event loop: a burst of runs (from the run cache)
 * paints its last answer so far once.
 */
function latestOnly<A extends unknown[]>(f: (...args: A) => void): (...args: A) => void {
  let waiting: A | null = null;
  return (...args) => {
    const first = waiting === null;
    waiting = args;
    if (!first) return;
    setTimeout(() => {
      const last = waiting as A;
      waiting = null;
      f(...last);
    }, 0);
  };
}

/** While the answer is provisional, the seeds a row rests on, said after its name ('' for a final answer). */
function seedsNote(
  r: TornadoAnswer,
  path: string,
  provisional: ProvisionalState | undefined,
  t: Translate,
  key: 'tornado.seeds' | 'tornado.seedsShort' = 'tornado.seeds',
): string {
  const n = r.replicationsByParam?.[path];
  return provisional && n !== undefined ? t(key, { n, total: provisional.of }) : '';
}

/**
 * The tornado panel. As each parameter's first seeds are done (after the base's), its bars appear, ranked with the
 * others, each row marked with the seeds it rests on and the parameters still to come listed, under the provisional
 * mark with the fewest seeds any bar rests on; the ranking sharpens as more seeds come, and the final answer
 * replaces it. The order of the answers is the analysis's own (sensitivityProgress.ts), never a worker's.
 */
export function TornadoPanel({ scenario, job, blocked, names, context, lang, t }: Props) {
  const [replications, setReplications] = useState('');
  const [metric, setMetric] = useState('safety.relativeCrashRisk');
  const run = () => {
    if (!scenario) return;
    job.runShowing((execute, onProgress, signal, provisional) => {
      const show = latestOnly((answer: SensitivityProvisional) =>
        provisional(
          { ...answer.result, pending: answer.pending, runs: answer.runs },
          { replications: answer.replications, of: answer.of },
        ),
      );
      return sensitivityToPrecision(
        scenario,
        { replications: reps(replications) },
        { precision: APP_TORNADO_PRECISION },
        execute,
        undefined,
        onProgress,
        signal,
        show,
      ).then((outcome) => outcome.result);
    });
  };
  const l = catalogueLang(lang);
  const provisional = job.provisional;
  const figure = useMemo(() => {
    const r = job.shown;
    if (!r) return null;
    const [a = '', b = ''] = r.arms;
    const unit = differenceUnitOf(metric, lang);
    const name = metricName(metric, lang, context);
    return tornadoChart(
      r,
      metric,
      // The chart's labels are short: the seeds as k/n; the ranking says them in words.
      (p) => `${sensitivityParamName(p)[l]}${seedsNote(r, p, provisional, t, 'tornado.seedsShort')}`,
      {
        title: t('tornado.title', { metric: name }),
        caption: t('tornado.caption', { diff: `${names[b] ?? b} − ${names[a] ?? a}` }),
        x: unit ? nameWithUnit(name, unit, t) : name,
        low: t('tornado.low'),
        high: t('tornado.high'),
      },
      scaleOf(metric),
    );
  }, [job.shown, provisional, metric, t, names, lang, context, l]);
  const r = job.shown;
  const pending = job.provisional ? (r?.pending ?? []) : [];

  return (
    <div className="bargain-panel" data-testid="tornado-panel">
      <h3>{t('tornado.heading')}</h3>
      <p className="hint">{t('tornado.intro')}</p>
      <div className="sweep-form">
        <label className="wide">
          <span>{t('bargain.metric')}</span>
          <select data-testid="tornado-metric" value={metric} onChange={(e) => setMetric(e.target.value)}>
            {SENSITIVITY_PATHS.map((path) => (
              <option key={path} value={path}>
                {metricName(path, lang, context)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('bargain.replications')}</span>
          <input
            data-testid="tornado-replications"
            inputMode="numeric"
            placeholder={String(scenario?.replications ?? '')}
            value={replications}
            onChange={(e) => setReplications(e.target.value)}
          />
        </label>
      </div>
      <JobControls
        id="tornado"
        job={job}
        canRun={scenario !== null && scenario.arms.length >= 2}
        blocked={blocked}
        t={t}
        onRun={run}
      />
      <ProvisionalBanner
        provisional={job.provisional}
        t={t}
        testId="tornado-provisional"
        how="results.provisionalHowTornado"
      />
      {r && (
        <div className="bargain-result" data-testid="tornado-summary" data-shown={r.params.length}>
          {job.provisional && (
            <p data-testid="tornado-so-far" data-runs={r.runs} data-pending={pending.length}>
              {t('tornado.soFar', {
                shown: r.params.length,
                total: r.params.length + pending.length,
                runs: r.runs ?? 0,
              })}
            </p>
          )}
          <p>{RANKING_INTRO[l]}</p>
          <ol data-testid="tornado-ranking">
            {sensitivityRanking(r).map((p) => (
              <li
                key={p.path}
                data-path={p.path}
                data-score={p.score}
                data-seeds={job.provisional ? r.replicationsByParam?.[p.path] : undefined}
              >
                {rankingLine(p)[l]}
                {seedsNote(r, p.path, provisional, t)}
              </li>
            ))}
          </ol>
          {pending.length > 0 && (
            <p className="hint" data-testid="tornado-pending" data-count={pending.length}>
              {t('tornado.pending', {
                count: pending.length,
                names: pending.map((p) => sensitivityParamName(p)[l]).join(t('export.listSeparator')),
              })}
            </p>
          )}
          <p data-testid="tornado-flips">{sensitivityFlips(r, context)[l]}</p>
          <p className="hint">{SCORE_NOTE[l]}</p>
        </div>
      )}
      {figure && <PlotFigure options={figure} testId="chart-tornado" />}
    </div>
  );
}
