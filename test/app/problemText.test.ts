import { describe, expect, it } from 'vitest';
import { problemText } from '../../src/app/problemText.ts';

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
    expect(problemText('maxHoursMax must be at least maxHoursMin', 'zh-CN')).toBe(
      'maxHoursMax must be at least maxHoursMin',
    );
  });
});

describe('translate', () => {
  it('shows the key for a message a build lacks, rather than failing', async () => {
    const { translate } = await import('../../src/app/i18n.ts');
    expect(translate('en', 'field.no.such.path' as never)).toBe('field.no.such.path');
  });
});
