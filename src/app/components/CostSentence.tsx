/**
 * What the strictest algorithm costs, in the sentence a negotiator reads out (`cost-sentence`): for each further arm,
 * per courier-day and per month of 26 working days with 95% intervals, then what customers see. The figures come
 * from the comparison's paired differences (src/analysis/strictestCost.ts); each pair's element carries them at full
 * precision in data attributes.
 */
import { costSentences, strictestCost, type Comparison, type CostFigure } from '../../analysis/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { armDisplayName } from '../../analysis/index.ts';
import type { Lang, Translate } from '../i18n.ts';
import { catalogueLang } from '../metricDisplay.ts';
import { ProvisionalTag, type ProvisionalState } from './ProvisionalMark.tsx';

interface Props {
  scenario: Scenario;
  comparison: Comparison;
  lang: Lang;
  t: Translate;
  /** Set while the comparison is provisional (the box says so in its heading). */
  provisional?: ProvisionalState | undefined;
}

/** A figure's value and interval as data attributes (`data-<name>`, `-lo`, `-hi`). */
export function figureData(name: string, f: CostFigure): Record<string, string> {
  return {
    [`data-${name}`]: String(f.value),
    [`data-${name}-lo`]: String(f.ci95[0]),
    [`data-${name}-hi`]: String(f.ci95[1]),
  };
}

/** The cost sentences, one block per arm pair; nothing for a comparison of one arm. */
export function CostSentence({ scenario, comparison, lang, t, provisional }: Props) {
  const l = catalogueLang(lang);
  const pairs = comparison.arms.slice(1).flatMap((_, i) => {
    const cost = strictestCost(scenario, comparison, i + 1);
    return cost ? [cost] : [];
  });
  if (pairs.length === 0) return null;
  return (
    <section className="cost" aria-labelledby="cost-heading" data-testid="cost-sentence">
      <h2 id="cost-heading">
        {t('cost.heading')}
        <ProvisionalTag provisional={provisional} t={t} />
      </h2>
      {pairs.map((cost) => {
        const s = costSentences(cost, {
          stricter: armDisplayName(scenario, cost.stricter),
          looser: armDisplayName(scenario, cost.looser),
        });
        return (
          <div
            className="cost-pair"
            key={`${cost.stricter}-${cost.looser}`}
            data-testid={`cost-${cost.stricter}-${cost.looser}`}
            {...figureData('pay', cost.payLostPerDay)}
            {...figureData('pay-month', cost.payLostPerMonth)}
            {...figureData('hours', cost.extraHoursPerDay)}
            {...figureData('km', cost.extraSpeedingKmPerDay)}
            {...figureData('risk', cost.crashRiskHigher)}
          >
            <p className="cost-day">{s.perDay[l]}</p>
            <p className="cost-month">{s.perMonth[l]}</p>
            <p className="cost-customers">{s.customers[l]}</p>
            {s.uncertain && <p className="hint">{s.uncertain[l]}</p>}
          </div>
        );
      })}
      <p className="hint">{t('cost.how')}</p>
    </section>
  );
}
