/** Display names of arms in the reader's language, with the deadline percentile they actually ran with. */
import { rulesForArm } from '../scenario/rulesForArm.ts';
import type { Scenario } from '../scenario/schema.ts';
import { localPart, type Lang } from './i18n.ts';

/**
 * `{ armId: name }` for a scenario, e.g. `最严算法 (p10)`. The percentile in a preset's label is replaced by the one
 * the arm's rules give, so an edited percentile is never shown under a stale name.
 */
export function armNames(scenario: Scenario, lang: Lang): Record<string, string> {
  return Object.fromEntries(
    scenario.arms.map((arm) => {
      const base = localPart(arm.label, lang)
        .replace(/\s*\(p\d+(\.\d+)?\)/, '')
        .trim();
      const percentile = `p${rulesForArm(scenario, arm.id).deadline.percentile}`;
      return [arm.id, lang === 'zh-CN' ? `${base}（${percentile}）` : `${base} (${percentile})`];
    }),
  );
}

/** `{ armId: name }` without the percentile, for views where the arms' percentile is not their own (a sweep of it). */
export function plainArmNames(scenario: Scenario, lang: Lang): Record<string, string> {
  return Object.fromEntries(
    scenario.arms.map((arm) => [
      arm.id,
      localPart(arm.label, lang)
        .replace(/\s*\(p\d+(\.\d+)?\)/, '')
        .trim(),
    ]),
  );
}
