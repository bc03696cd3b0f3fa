/**
 * The sensitivity analysis (`tornado-panel`, `chart-tornado`): each assumption at its low and high value, one at a
 * time, through the same batch as `fairpace sensitivity`. The ranking over every headline difference and the
 * parameters that flip a conclusion are said as report.html says them (src/evidence/views/sensitivityView.ts); the
 * chart shows one difference, its rows ranked by that difference's swing.
 */
import { useMemo, useState } from 'react';
import {
  roundReplications,
  SENSITIVITY_PATHS,
  sensitivityToPrecision,
  type LabelContext,
  type SensitivityResult,
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
import type { ProvisionalJob } from '../../useBargainJob.ts';
import { PlotFigure } from '../PlotFigure.tsx';
import { ProvisionalBanner } from '../ProvisionalMark.tsx';
import { JobControls, reps } from './BargainControls.tsx';

interface Props {
  scenario: Scenario | null;
  job: ProvisionalJob<SensitivityResult>;
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
 * The tornado panel. After each round of the sequential analysis the ranking so far is painted, marked provisional
 * with the fewest seeds any bar rests on; the final answer replaces it.
 */
export function TornadoPanel({ scenario, job, blocked, names, context, lang, t }: Props) {
  const [replications, setReplications] = useState('');
  const [metric, setMetric] = useState('safety.relativeCrashRisk');
  const run = () => {
    if (!scenario) return;
    job.runShowing((execute, onProgress, signal, provisional) =>
      sensitivityToPrecision(
        scenario,
        { replications: reps(replications) },
        { precision: APP_TORNADO_PRECISION },
        execute,
        (round) =>
          provisional(round.result, {
            replications: roundReplications(round.result),
            of: round.result.seeds.length,
          }),
        onProgress,
        signal,
      ).then((outcome) => outcome.result),
    );
  };
  const figure = useMemo(() => {
    const r = job.shown;
    if (!r) return null;
    const [a = '', b = ''] = r.arms;
    const unit = differenceUnitOf(metric, lang);
    const name = metricName(metric, lang, context);
    return tornadoChart(
      r,
      metric,
      (p) => sensitivityParamName(p)[catalogueLang(lang)],
      {
        title: t('tornado.title', { metric: name }),
        caption: t('tornado.caption', { diff: `${names[b] ?? b} − ${names[a] ?? a}` }),
        x: unit ? nameWithUnit(name, unit, t) : name,
        low: t('tornado.low'),
        high: t('tornado.high'),
      },
      scaleOf(metric),
    );
  }, [job.shown, metric, t, names, lang, context]);
  const r = job.shown;
  const l = catalogueLang(lang);

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
        <div className="bargain-result" data-testid="tornado-summary">
          <p>{RANKING_INTRO[l]}</p>
          <ol data-testid="tornado-ranking">
            {sensitivityRanking(r).map((p) => (
              <li key={p.path} data-path={p.path} data-score={p.score}>
                {rankingLine(p)[l]}
              </li>
            ))}
          </ol>
          <p data-testid="tornado-flips">{sensitivityFlips(r, context)[l]}</p>
          <p className="hint">{SCORE_NOTE[l]}</p>
        </div>
      )}
      {figure && <PlotFigure options={figure} testId="chart-tornado" />}
    </div>
  );
}
