// The report names a rule as the editor does: both read the parameter catalogue, so one parameter has one name.
import { describe, expect, it } from 'vitest';
import { ruleName } from '../../src/evidence/report/ruleTables.ts';
import { FIELD_NAMES } from '../../src/scenario/fieldNames.ts';

describe('rule names in report.html', () => {
  it('are the catalogue’s names of every rule, with the unit in brackets', () => {
    for (const [path, name] of Object.entries(FIELD_NAMES)) {
      if (!path.startsWith('rules.')) continue;
      const rule = ruleName(path.slice('rules.'.length));
      expect(rule?.zh.startsWith(name.zh), path).toBe(true);
      expect(rule?.en.startsWith(name.en), path).toBe(true);
    }
    expect(ruleName('pay.dailyTiers')).toEqual({ zh: '每日冲单奖', en: 'Daily order-count bonuses' });
    expect(ruleName('penalties.lateFine')).toEqual({ zh: '超时罚款（元）', en: 'Fine for a late order (CNY)' });
    expect(ruleName('pay.commissionRate')).toEqual({ zh: '平台抽成比例（0–1）', en: 'Platform commission (0–1)' });
  });

  it('name an entry of a per-weather table by its table and weather, with the table’s unit', () => {
    expect(ruleName('pay.weatherBonus.rain')).toEqual({
      zh: '恶劣天气每单补贴：雨（元/单）',
      en: 'Bad-weather bonus per order: rain (CNY/order)',
    });
    expect(ruleName('pay.guarantee.basis')?.zh).toBe('保底时薪：计算依据');
    expect(ruleName('no.such.rule')).toBeUndefined();
  });
});
