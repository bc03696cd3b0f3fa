/**
 * An arm's name as people read it, in Chinese and English. A name that only says which deadline rule the arm runs
 * (a preset's "Strictest algorithm (p10) / 最严算法", or one the app wrote) follows the arm's rules: p10 is 最严算法,
 * p50 is 算法取中, any other percentile "时限 p70" — 算法取中 means the median, so an arm edited to p70 must not
 * keep that name. A name the user gave is kept, with the percentile the arm actually runs with.
 */
import { rulesForArm } from '../scenario/rulesForArm.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Bi } from './catalogue/units.ts';

/** The share of a text's letters that are Chinese characters (0 for a text without letters). */
function hanShare(s: string): number {
  const letters = s.match(/[\p{Script=Han}A-Za-z]/gu) ?? [];
  return letters.length === 0 ? 0 : letters.filter((c) => /\p{Script=Han}/u.test(c)).length / letters.length;
}

/**
 * A label written "English / 中文" (either order) as its two parts; any other label is the same in both. The Chinese
 * part is the one with more Chinese characters, so an English part may quote a Chinese term ("delivery time (预估送达时间)").
 */
export function splitLabel(label: string): Bi {
  const parts = label.split(' / ');
  if (parts.length !== 2) return { zh: label, en: label };
  const [a = '', b = ''] = parts.map((p) => p.trim());
  const [ha, hb] = [hanShare(a), hanShare(b)];
  if (ha === hb) return { zh: label, en: label };
  return ha > hb ? { zh: a, en: b } : { zh: b, en: a };
}

/** A label without the percentile it names ("Algorithm-median (p50)" → "Algorithm-median"). */
const withoutPercentile = (s: string) => s.replace(/\s*[(（]p\d+(\.\d+)?[)）]/, '').trim();

/** Names that only state a deadline rule (in either language), so they follow the arm's percentile. */
const RULE_NAMES =
  /^(Strictest algorithm|最严算法|Algorithm-median|算法取中|Deadline p\d+(\.\d+)?|时限 ?p\d+(\.\d+)?)$/;

/** Whether a label only names the arm's deadline rule (and so is replaced by the name its rules give). */
export function namesRuleOnly(label: string): boolean {
  const { zh, en } = splitLabel(label);
  return RULE_NAMES.test(withoutPercentile(zh)) && RULE_NAMES.test(withoutPercentile(en));
}

/** The name a deadline percentile gives an arm. */
export function ruleName(percentile: number): Bi {
  if (percentile === 10) return { zh: '最严算法（p10）', en: 'Strictest algorithm (p10)' };
  if (percentile === 50) return { zh: '算法取中（p50）', en: 'Algorithm-median (p50)' };
  return { zh: `时限 p${percentile}`, en: `Deadline p${percentile}` };
}

/** An arm's display name in both languages (its id for an arm the scenario does not have). */
export function armDisplayName(scenario: Scenario, armId: string): Bi {
  const arm = scenario.arms.find((a) => a.id === armId);
  if (!arm) return { zh: armId, en: armId };
  const percentile = rulesForArm(scenario, armId).deadline.percentile;
  if (namesRuleOnly(arm.label)) return ruleName(percentile);
  const label = splitLabel(arm.label);
  const p = `p${percentile}`;
  return { zh: `${withoutPercentile(label.zh)}（${p}）`, en: `${withoutPercentile(label.en)} (${p})` };
}

/** An arm's name without its percentile, for views where the arms' percentile is not their own (a sweep of it). */
export function armPlainName(scenario: Scenario, armId: string): Bi {
  const arm = scenario.arms.find((a) => a.id === armId);
  if (!arm) return { zh: armId, en: armId };
  const label = splitLabel(arm.label);
  return { zh: withoutPercentile(label.zh), en: withoutPercentile(label.en) };
}
