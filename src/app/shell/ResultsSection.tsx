/**
 * The comparison on screen: the stale banner, the provisional mark, and the dashboard (cost of the strictest
 * algorithm, platform cost, model check, headline cards, compliance, further figures and charts).
 */
import { useMemo } from 'react';
import type { RobustnessResult } from '../../analysis/index.ts';
import { digestOf } from '../../scenario/canonical.ts';
import { armNames } from '../armNames.ts';
import { ComparisonCharts } from '../components/ComparisonCharts.tsx';
import { ComplianceTable } from '../components/ComplianceTable.tsx';
import { CostSentence } from '../components/CostSentence.tsx';
import { DetailFigures } from '../components/DetailFigures.tsx';
import { HeadlineCards } from '../components/HeadlineCards.tsx';
import { MdrpCards } from '../components/MdrpCards.tsx';
import { BacktestPanel } from '../components/BacktestPanel.tsx';
import { ModelCheckNotice, ModelCheckPanel } from '../components/ModelCheckPanel.tsx';
import { PlatformCost } from '../components/PlatformCost.tsx';
import { ProvisionalBanner } from '../components/ProvisionalMark.tsx';
import { localPart, type Lang, type Translate } from '../i18n.ts';
import { contextOf } from '../metricDisplay.ts';
import type { SavedRun } from '../savedRuns.ts';
import type { ComparisonResult } from '../useComparison.ts';
import { ResultsBoundary } from './ResultsBoundary.tsx';

interface Props {
  result: ComparisonResult | null;
  /** The saved run on screen, when the result was opened from one. */
  savedShown: SavedRun | null;
  /** The editor no longer holds the result's scenario; `editedValid` says whether what it holds is valid. */
  stale: boolean;
  editedValid: boolean;
  /** A comparison is running (and nothing is shown yet, the page says so). */
  comparing: boolean;
  /** The last robustness result: spoken under the headline cards only when made on the scenario they show. */
  robustness: RobustnessResult | null;
  lang: Lang;
  t: Translate;
}

/** The results section. */
export function ResultsSection({ result, savedShown, stale, editedValid, comparing, robustness, lang, t }: Props) {
  const names = useMemo(() => (result ? armNames(result.scenario, lang) : {}), [result, lang]);
  const context = useMemo(() => contextOf(result?.scenario), [result]);
  const shownDigest = useMemo(() => (result ? digestOf(result.scenario) : null), [result]);
  const robustnessShown = robustness && robustness.scenarioDigest === shownDigest ? robustness : null;
  return (
    <section aria-live="polite" aria-labelledby="results-heading">
      {stale && (
        <p className="stale" data-testid="stale" role="status">
          {t(editedValid ? 'run.stale' : 'run.staleInvalid')}
        </p>
      )}
      {!result && <p className="empty">{comparing ? t('run.running') : t('run.none')}</p>}
      {result && (
        <ResultsBoundary key={result.comparison.scenarioDigest + (savedShown?.id ?? '')} t={t}>
          <h2 id="results-heading">{t('results.heading')}</h2>
          <ProvisionalBanner provisional={result.provisional} t={t} />
          <p className="scenario-name" data-testid="result-scenario-name">
            {t('scenario.shownName', { name: localPart(result.scenario.meta.name, lang) })}
          </p>
          {savedShown && (
            <p className="hint" data-testid="saved-shown">
              {t('saved.opened', {
                name: savedShown.name,
                date: new Date(savedShown.savedAt).toLocaleString(lang),
              })}
            </p>
          )}
          <p className="seeds">{t('results.seeds', { seeds: result.comparison.seeds.join(', ') })}</p>
          <CostSentence
            scenario={result.scenario}
            comparison={result.comparison}
            lang={lang}
            t={t}
            provisional={result.provisional}
          />
          <PlatformCost
            scenario={result.scenario}
            comparison={result.comparison}
            lang={lang}
            t={t}
            provisional={result.provisional}
          />
          <ModelCheckNotice calibration={result.calibration} context={context} lang={lang} t={t} />
          <HeadlineCards
            comparison={result.comparison}
            robustness={robustnessShown}
            armNames={names}
            context={context}
            lang={lang}
            t={t}
          />
          <MdrpCards comparison={result.comparison} armNames={names} lang={lang} t={t} />
          <h2>{t('compliance.heading')}</h2>
          <ComplianceTable
            arms={result.comparison.arms}
            armNames={names}
            scenario={result.scenario}
            lang={lang}
            t={t}
          />
          <DetailFigures comparison={result.comparison} armNames={names} context={context} lang={lang} t={t} />
          <ComparisonCharts
            scenario={result.scenario}
            comparison={result.comparison}
            armNames={names}
            lang={lang}
            t={t}
          />
          <ModelCheckPanel
            calibration={result.calibration}
            armNames={names}
            context={context}
            lang={lang}
            t={t}
            provisional={result.provisional}
          />
          <BacktestPanel lang={lang} t={t} />
        </ResultsBoundary>
      )}
    </section>
  );
}
