/** Names in the reader's language: labels written "English / 中文" are split, and arms show their percentile. */
import { rulesForArm } from '../scenario/rulesForArm.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Bi } from './report/bilingual.ts';

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

/** A label written "English / 中文" (either order) as its two parts; any other label is the same in both. */
export function splitLabel(label: string): Bi {
  const parts = label.split(' / ');
  if (parts.length !== 2) return { zh: label, en: label };
  const [a = '', b = ''] = parts;
  const zhFirst = hasHan(a) && !hasHan(b);
  return zhFirst
    ? { zh: a.trim(), en: b.trim() }
    : hasHan(b)
      ? { zh: b.trim(), en: a.trim() }
      : { zh: label, en: label };
}

/**
 * The arms' names, e.g. 最严算法（p10） / Strictest algorithm (p10). The percentile in a label is replaced by the one
 * the arm's rules give, so an edited percentile never shows under a stale name.
 */
export function armNames(scenario: Scenario, armIds: readonly string[]): Bi[] {
  return armIds.map((id) => {
    const arm = scenario.arms.find((a) => a.id === id);
    const label = splitLabel(arm?.label ?? id);
    const strip = (s: string) => s.replace(/\s*[(（]p\d+(\.\d+)?[)）]/, '').trim();
    const p = `p${rulesForArm(scenario, id).deadline.percentile}`;
    return { zh: `${strip(label.zh)}（${p}）`, en: `${strip(label.en)} (${p})` };
  });
}

/** "中文 / English" in one string (for charts, which show both), or one name when both are equal. */
export function bothNames(name: Bi): string {
  return name.zh === name.en ? name.zh : `${name.zh} / ${name.en}`;
}
