/** Names in the reader's language: labels written "English / 中文" are split, and arms show their percentile. */
import { armDisplayName, splitLabel as splitArmLabel } from '../analysis/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Bi } from './report/bilingual.ts';

/** A label written "English / 中文" as its two parts (see src/analysis/armName.ts). */
export const splitLabel: (label: string) => Bi = splitArmLabel;

/**
 * The arms' names, e.g. 最严算法（p10） / Strictest algorithm (p10): a name that only states the deadline rule follows
 * the arm's percentile, a given name keeps it with the percentile the arm runs with.
 */
export function armNames(scenario: Scenario, armIds: readonly string[]): Bi[] {
  return armIds.map((id) => armDisplayName(scenario, id));
}

/** "中文 / English" in one string (for charts, which show both), or one name when both are equal. */
export function bothNames(name: Bi): string {
  return name.zh === name.en ? name.zh : `${name.zh} / ${name.en}`;
}
