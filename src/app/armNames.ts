/** Display names of arms in the reader's language, following their rules (see src/analysis/armName.ts). */
import { armDisplayName, armPlainName } from '../analysis/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Lang } from './i18n.ts';
import { catalogueLang } from './metricDisplay.ts';

/** `{ armId: name }` for a scenario, e.g. `最严算法（p10）`, `时限 p70`, or a given name with its percentile. */
export function armNames(scenario: Scenario, lang: Lang): Record<string, string> {
  return Object.fromEntries(
    scenario.arms.map((arm) => [arm.id, armDisplayName(scenario, arm.id)[catalogueLang(lang)]]),
  );
}

/** `{ armId: name }` without the percentile, for views where the arms' percentile is not their own (a sweep of it). */
export function plainArmNames(scenario: Scenario, lang: Lang): Record<string, string> {
  return Object.fromEntries(scenario.arms.map((arm) => [arm.id, armPlainName(scenario, arm.id)[catalogueLang(lang)]]));
}
