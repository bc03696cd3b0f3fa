import { describe, expect, it } from 'vitest';
import { pathText, problemText, withRelatedFields } from '../../src/app/problemText.ts';
import { loadScenario } from '../../src/scenario/load.ts';

describe('problemText', () => {
  it('puts the schema’s common messages into Chinese, keeping the numbers', () => {
    expect(problemText('Too big: expected number to be <=100', 'zh-CN')).toBe('太大：应不超过 100');
    expect(problemText('Too small: expected number to be >=0.5', 'zh-CN')).toBe('太小：应不低于 0.5');
    expect(problemText('Invalid input: expected number, received string', 'zh-CN')).toBe('应为数字（现在是文字）');
    expect(problemText('Invalid input: expected int, received number', 'zh-CN')).toBe('应为整数（现在是数字）');
    expect(problemText('Too small: expected array to have exactly 24 items', 'zh-CN')).toBe('应正好有 24 项');
    expect(problemText('Invalid option: expected one of "clear"|"rain"', 'zh-CN')).toBe('应为以下之一：clear、rain');
  });

  it('leaves English and unrecognised messages as written', () => {
    expect(problemText('Too big: expected number to be <=100', 'en')).toBe('Too big: expected number to be <=100');
    expect(problemText('maxHoursMax must be at least maxHoursMin', 'en')).toBe(
      'maxHoursMax must be at least maxHoursMin',
    );
    expect(problemText('something new', 'zh-CN')).toBe('something new');
  });

  it('puts the schema’s own checks, a file that is not JSON and a newer schema into Chinese', () => {
    expect(problemText('maxHoursMax must be at least maxHoursMin', 'zh-CN')).toBe('在线时长上限的最大值不能小于最小值');
    expect(
      problemText('ordersPerCourierDay × couriers = 160000000 orders a day, above the bound of 5000000', 'zh-CN'),
    ).toBe('每名骑手每天订单数乘以骑手人数为每天 160000000 单，超过上限 5000000 单');
    const notJson = loadScenario('{ nope');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) {
      const message = problemText(notJson.problems[0]?.message ?? '', 'zh-CN');
      expect(message).toMatch(/^不是有效的 JSON 文件/);
      expect(message.replaceAll('JSON', '')).not.toMatch(/[A-Za-z]{3,}/);
      expect(pathText(notJson.problems[0]?.path ?? '', 'zh-CN')).toBe('（文件）');
    }
  });

  it('shows a check across fields on the other field too', () => {
    const problems = withRelatedFields([
      { path: 'demand.ordersPerCourierDay', message: 'm' },
      { path: 'x', message: 'n' },
    ]);
    expect(problems.map((p) => p.path)).toEqual(['demand.ordersPerCourierDay', 'population.couriers', 'x']);
  });
});

describe('translate', () => {
  it('shows the key for a message a build lacks, rather than failing', async () => {
    const { translate } = await import('../../src/app/i18n.ts');
    expect(translate('en', 'field.no.such.path' as never)).toBe('field.no.such.path');
  });
});
