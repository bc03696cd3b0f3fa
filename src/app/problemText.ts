/**
 * The schema's messages in the reader's language. Zod words its messages in English; the common ones (bounds, types,
 * choices, list lengths) are recognised and put into Chinese. Anything else, such as the schema's own custom messages,
 * is shown as written.
 */
import type { Lang } from './i18n.ts';

const TYPES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  undefined: '空',
  null: '空',
  nan: '非数字',
};

const typeName = (t: string) => TYPES[t] ?? t;

const RULES: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Too big: expected number to be <=?(-?[\d.e+]+)$/, (m) => `太大：应不超过 ${m[1]}`],
  [/^Too big: expected number to be <(-?[\d.e+]+)$/, (m) => `太大：应小于 ${m[1]}`],
  [/^Too small: expected number to be >=(-?[\d.e+]+)$/, (m) => `太小：应不低于 ${m[1]}`],
  [/^Too small: expected number to be >(-?[\d.e+]+)$/, (m) => `太小：应大于 ${m[1]}`],
  [/^Too (?:big|small): expected array to have exactly (\d+) items$/, (m) => `应正好有 ${m[1]} 项`],
  [/^Too big: expected array to have <=(\d+) items$/, (m) => `最多 ${m[1]} 项`],
  [/^Too small: expected array to have >=(\d+) items$/, (m) => `至少 ${m[1]} 项`],
  [/^Too small: expected string to have >=(\d+) characters$/, (m) => `至少 ${m[1]} 个字`],
  [/^Too big: expected string to have <=(\d+) characters$/, (m) => `最多 ${m[1]} 个字`],
  [
    /^Invalid input: expected (\w+), received (\w+)$/,
    (m) => `应为${typeName(m[1] ?? '')}（现在是${typeName(m[2] ?? '')}）`,
  ],
  [
    /^Invalid option: expected one of (.+)$/,
    (m) => `应为以下之一：${(m[1] ?? '').replace(/"/g, '').split('|').join('、')}`,
  ],
  [/^Unrecognized keys?: (.+)$/, (m) => `不认识的字段：${m[1]}`],
];

/** A schema message for `lang` (Chinese when recognised, otherwise unchanged). */
export function problemText(message: string, lang: Lang): string {
  if (lang !== 'zh-CN') return message;
  for (const [pattern, render] of RULES) {
    const m = pattern.exec(message);
    if (m) return render(m);
  }
  return message;
}
