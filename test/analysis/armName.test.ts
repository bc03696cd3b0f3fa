// Arm names follow their rules unless the user named the arm: p10 is 最严算法, p50 算法取中, anything else "时限 pNN".
import { describe, expect, it } from 'vitest';
import { armDisplayName, armPlainName, namesRuleOnly, splitLabel } from '../../src/analysis/index.ts';
import { Scenario } from '../../src/scenario/schema.ts';

const scenario = (arms: unknown[]) => Scenario.parse({ schemaVersion: 2, arms });

describe('arm names', () => {
  it('name the default arms by their rule in both languages', () => {
    const s = Scenario.parse({ schemaVersion: 2 });
    expect(armDisplayName(s, 'strictest')).toEqual({ zh: '最严算法（p10）', en: 'Strictest algorithm (p10)' });
    expect(armDisplayName(s, 'median')).toEqual({ zh: '算法取中（p50）', en: 'Algorithm-median (p50)' });
  });

  it('follow an edited percentile: 算法取中 at p70 is “时限 p70”, at p10 最严算法', () => {
    const s = scenario([
      { id: 'median', label: 'Algorithm-median (p50) / 算法取中', rules: { deadline: { percentile: 70 } } },
      { id: 'strictest', label: 'Strictest algorithm (p10) / 最严算法', rules: { deadline: { percentile: 50 } } },
      { id: 'x', label: '算法取中 / Algorithm-median', rules: { deadline: { percentile: 10 } } },
    ]);
    expect(armDisplayName(s, 'median')).toEqual({ zh: '时限 p70', en: 'Deadline p70' });
    expect(armDisplayName(s, 'strictest')).toEqual({ zh: '算法取中（p50）', en: 'Algorithm-median (p50)' });
    expect(armDisplayName(s, 'x')).toEqual({ zh: '最严算法（p10）', en: 'Strictest algorithm (p10)' });
  });

  it('keep a name the user gave, with the percentile the arm runs', () => {
    const s = scenario([
      { id: 'a', label: 'Union offer / 工会方案', rules: { deadline: { percentile: 30 } } },
      { id: 'b', label: 'Algorithm-median + heat measures / 算法取中 + 防暑降温措施', rules: {} },
      { id: 'c', label: 'Plain name', rules: { deadline: { percentile: 10 } } },
    ]);
    expect(armDisplayName(s, 'a')).toEqual({ zh: '工会方案（p30）', en: 'Union offer (p30)' });
    expect(armDisplayName(s, 'b')).toEqual({
      zh: '算法取中 + 防暑降温措施（p50）',
      en: 'Algorithm-median + heat measures (p50)',
    });
    expect(armDisplayName(s, 'c')).toEqual({ zh: 'Plain name（p10）', en: 'Plain name (p10)' });
    expect(armPlainName(s, 'a')).toEqual({ zh: '工会方案', en: 'Union offer' });
    expect(armDisplayName(s, 'nope')).toEqual({ zh: 'nope', en: 'nope' });
  });

  it('tell a rule-only name from a given one', () => {
    expect(namesRuleOnly('Strictest algorithm (p10) / 最严算法')).toBe(true);
    expect(namesRuleOnly('时限 p70 / Deadline p70')).toBe(true);
    expect(namesRuleOnly('方案 3 / Proposal 3')).toBe(false);
    expect(namesRuleOnly('Algorithm-median + heat measures / 算法取中 + 防暑降温措施')).toBe(false);
    expect(splitLabel('算法取中 / Algorithm-median')).toEqual({ zh: '算法取中', en: 'Algorithm-median' });
  });
});
