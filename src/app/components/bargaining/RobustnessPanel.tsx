/**
 * Robustness over plausible worlds (`robustness-panel`): the same batch as `fairpace robustness` (the assumptions
 * drawn from their ranges by a seeded Latin hypercube, the two arms run in each world), said in the sentences the
 * report uses (src/evidence/views/bargainingView.ts): in how many worlds each headline difference keeps its direction,
 * the verdict, and where it fails. Under the sentences, the chart of where each conclusion that does not hold fails
 * (`chart-robustness-<metric>`, the spec report.html draws too), or of the difference the reader picks; when none
 * is charted, one sentence says why (`robustness-no-chart`).
 */
import { useMemo, useState } from 'react';
import { robustnessBatch, runBatchPlan, type LabelContext, type RobustnessResult } from '../../../analysis/index.ts';
import {
  failingMetrics,
  robustnessChartNote,
  robustnessChartSpecs,
} from '../../../evidence/chartSpecs/robustnessSpec.ts';
import { robustnessParagraphs } from '../../../evidence/views/bargainingView.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import { robustnessChart } from '../../charts/robustnessChart.ts';
import type { Lang, Translate } from '../../i18n.ts';
import { catalogueLang, metricName } from '../../metricDisplay.ts';
import type { BargainJob } from '../../useBargainJob.ts';
import { PlotFigure } from '../PlotFigure.tsx';
import { JobControls } from './BargainControls.tsx';

/** The numbers of worlds offered: 100 gives a share to about ±5 points at 95%, 400 to about ±3. */
export const WORLD_CHOICES = [20, 100, 400] as const;

interface Props {
  scenario: Scenario | null;
  job: BargainJob<RobustnessResult>;
  blocked: boolean;
  context: Partial<LabelContext>;
  lang: Lang;
  t: Translate;
}

/** The robustness panel. */
export function RobustnessPanel({ scenario, job, blocked, context, lang, t }: Props) {
  const [worlds, setWorlds] = useState<number>(100);
  // '' charts every difference that does not hold; a metric path charts that one.
  const [picked, setPicked] = useState('');
  const run = () => {
    if (!scenario) return;
    job.run((execute, onProgress, signal) =>
      runBatchPlan(robustnessBatch(scenario, { worlds }), execute, onProgress, signal),
    );
  };
  const r = job.result;
  const paragraphs = r ? robustnessParagraphs(r, scenario) : [];
  const l = catalogueLang(lang);
  const failing = useMemo(() => (r ? failingMetrics(r) : []), [r]);
  const chosen = failing.includes(picked) ? picked : '';
  const figures = useMemo(
    () =>
      r
        ? robustnessChartSpecs(r, context, chosen === '' ? undefined : chosen).map((s) => ({
            spec: s,
            figure: robustnessChart(s, l),
          }))
        : [],
    [r, context, chosen, l],
  );
  const note = r && chosen === '' ? robustnessChartNote(r) : null;
  return (
    <div className="bargain-panel" data-testid="robustness-panel">
      <h3>{t('robustness.heading')}</h3>
      <p className="hint">{t('robustness.intro')}</p>
      <div className="sweep-form">
        <label>
          <span>{t('robustness.worlds')}</span>
          <select data-testid="robustness-worlds" value={worlds} onChange={(e) => setWorlds(Number(e.target.value))}>
            {WORLD_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <JobControls
        id="robustness"
        job={job}
        canRun={scenario !== null && scenario.arms.length >= 2}
        blocked={blocked}
        t={t}
        onRun={run}
      />
      {r && (
        <ul className="robustness" data-testid="robustness-result">
          {r.metrics.map((m, i) => (
            <li key={m.metric} data-testid={`robustness-${m.metric}`} data-holds={m.holds} data-verdict={m.verdict}>
              {paragraphs[i]?.text[l]}
            </li>
          ))}
        </ul>
      )}
      {r && failing.length > 0 && (
        <div className="sweep-form">
          <label>
            <span>{t('robustness.chartFor')}</span>
            <select data-testid="robustness-chart-metric" value={chosen} onChange={(e) => setPicked(e.target.value)}>
              <option value="">{t('robustness.chartDefault')}</option>
              {failing.map((m) => (
                <option key={m} value={m}>
                  {metricName(m, lang, context)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {figures.map(({ spec, figure }) => (
        <div
          key={spec.metric}
          className="robustness-chart"
          data-testid="robustness-chart"
          data-metric={spec.metric}
          data-x={spec.x.param}
          data-y={spec.y.param}
          data-failures={spec.dots.filter((d) => !d.holds).length}
          data-box={spec.box ? 'yes' : 'no'}
        >
          <PlotFigure options={figure} testId={`chart-robustness-${spec.metric}`} />
        </div>
      ))}
      {note && (
        <p className="hint" data-testid="robustness-no-chart">
          {note[l]}
        </p>
      )}
    </div>
  );
}
