/**
 * What the looser arm (algorithm-median) costs the platform (`platform-cost`), beside the couriers' cost: per day and
 * per delivered order, the parts that add up to it with their intervals, and the orders customers keep placing. The
 * figures come from the comparison's paired differences (src/analysis/platformCost.ts); each pair's element carries
 * them at full precision in data attributes.
 */
import {
  armDisplayName,
  PLATFORM_COST_PARTS,
  platformCost,
  platformCostSentences,
  type Comparison,
} from '../../analysis/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { Lang, Translate } from '../i18n.ts';
import { catalogueLang } from '../metricDisplay.ts';
import { figureData } from './CostSentence.tsx';
import { ProvisionalTag, type ProvisionalState } from './ProvisionalMark.tsx';

interface Props {
  scenario: Scenario;
  comparison: Comparison;
  lang: Lang;
  t: Translate;
  /** Set while the comparison is provisional (the box says so in its heading). */
  provisional?: ProvisionalState | undefined;
}

/** A clause shown as a list item: capitalised, as the sentences it comes from start mid-sentence in English. */
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The platform's cost, one block per arm pair; nothing for one arm, or results without the ledger's metrics. */
export function PlatformCost({ scenario, comparison, lang, t, provisional }: Props) {
  const l = catalogueLang(lang);
  const pairs = comparison.arms.slice(1).flatMap((_, i) => {
    const cost = platformCost(scenario, comparison, i + 1);
    // A saved run from before the ledger has no fine or compensation metrics: say nothing rather than "NaN".
    return cost && Number.isFinite(cost.perDay.value) ? [cost] : [];
  });
  if (pairs.length === 0) return null;
  return (
    <section className="cost platform-cost" aria-labelledby="platform-cost-heading" data-testid="platform-cost">
      <h2 id="platform-cost-heading">
        {t('platformCost.heading')}
        <ProvisionalTag provisional={provisional} t={t} />
      </h2>
      {pairs.map((cost) => {
        const s = platformCostSentences(cost, {
          stricter: armDisplayName(scenario, cost.stricter),
          looser: armDisplayName(scenario, cost.looser),
        });
        return (
          <div
            className="cost-pair"
            key={`${cost.stricter}-${cost.looser}`}
            data-testid={`platform-cost-${cost.stricter}-${cost.looser}`}
            data-fines-to={cost.finesTo}
            data-compensation-by={cost.compensationBy}
            {...figureData('day', cost.perDay)}
            {...figureData('order', cost.perOrder)}
            {...figureData('revenue', cost.parts.revenue)}
            {...figureData('courier-pay', cost.parts.courierPay)}
            {...figureData('fines', cost.parts.fines)}
            {...figureData('compensation', cost.parts.compensation)}
            {...figureData('retained-orders', cost.retainedOrdersPerDay)}
            {...figureData('retained-worth', cost.retainedWorthPerDay)}
          >
            <p className="cost-day">{s.total[l]}</p>
            <p className="cost-parts-intro">{t('platformCost.parts')}</p>
            <ul className="cost-parts">
              {PLATFORM_COST_PARTS.map((part) => (
                <li key={part} data-part={part}>
                  {l === 'en' ? capitalised(s.parts[part].en) : s.parts[part].zh}
                </li>
              ))}
            </ul>
            <p className="cost-retained">{s.retained[l]}</p>
            {s.uncertain && <p className="hint">{s.uncertain[l]}</p>}
          </div>
        );
      })}
      <p className="hint">{t('platformCost.how')}</p>
    </section>
  );
}
