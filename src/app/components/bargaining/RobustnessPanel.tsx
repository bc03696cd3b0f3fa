/**
 * Robustness over plausible worlds (`robustness-panel`): the same batch as `fairpace robustness` (the assumptions
 * drawn from their ranges by a seeded Latin hypercube, the two arms run in each world), said in the sentences the
 * report uses (src/evidence/views/bargainingView.ts): in how many worlds each headline difference keeps its direction,
 * the verdict, and where it fails.
 */
import { useState } from 'react';
import { robustnessBatch, runBatchPlan, type LabelContext, type RobustnessResult } from '../../../analysis/index.ts';
import { robustnessParagraphs } from '../../../evidence/views/bargainingView.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import type { Lang, Translate } from '../../i18n.ts';
import { catalogueLang } from '../../metricDisplay.ts';
import type { BargainJob } from '../../useBargainJob.ts';
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
export function RobustnessPanel({ scenario, job, blocked, lang, t }: Props) {
  const [worlds, setWorlds] = useState<number>(100);
  const run = () => {
    if (!scenario) return;
    job.run((execute, onProgress, signal) =>
      runBatchPlan(robustnessBatch(scenario, { worlds }), execute, onProgress, signal),
    );
  };
  const r = job.result;
  const paragraphs = r ? robustnessParagraphs(r, scenario) : [];
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
              {paragraphs[i]?.text[catalogueLang(lang)]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
