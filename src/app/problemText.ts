/**
 * The schema's messages in the reader's language. Zod words its messages in English; the common ones (bounds, types,
 * choices, list lengths) and the schema's own messages (the checks across fields, a file that is not JSON, a newer
 * schema) are recognised and put into Chinese. Anything else is shown as written.
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
  [/^not valid JSON: /, () => '不是有效的 JSON 文件：文件内容无法按 JSON 读取（请检查是否选错了文件，或文件已损坏）'],
  [
    /^this file was written for schema version (\d+); this Fairpace reads version (\d+)/,
    (m) => `这个文件按情景格式第 ${m[1]} 版写成，本 Fairpace 只能读第 ${m[2]} 版——请先更新 Fairpace`,
  ],
  [/^serviceEndHour must be later than serviceStartHour$/, () => '结束营业时间必须晚于开始营业时间'],
  [/^customerDistanceP90Km must be above customerDistanceMedianKm$/, () => '顾客距离的第 90 百分位必须大于中位数'],
  [/^prepP90Min must be above prepMedianMin$/, () => '出餐时间的第 90 百分位必须大于中位数'],
  [/^maxHoursMax must be at least maxHoursMin$/, () => '在线时长上限的最大值不能小于最小值'],
  [/^crowdHoursMax must be at least crowdHoursMin$/, () => '众包骑手在线时长的最多值不能小于最少值'],
  [/^breakMaxMinutes must be at least breakMinMinutes$/, () => '休息时长的最大值不能小于最小值'],
  [/^arm ids must be unique$/, () => '方案编号不能重复'],
  [/^an arm id is 1–40 letters, digits, "-" or "_"$/, () => '方案编号须为 1–40 个字母、数字、“-”或“_”'],
  [
    /^ordersPerCourierDay × couriers = (\d+) orders a day, above the bound of (\d+)$/,
    (m) => `每名骑手每天订单数乘以骑手人数为每天 ${m[1]} 单，超过上限 ${m[2]} 单`,
  ],
  [/^day (\d+) is outside 0\.\.(\d+)$/, (m) => `第 ${m[1]} 天不在模拟的 0–${m[2]} 天之内`],
  [/^no hour inside the service window has a positive weight$/, () => '营业时间内没有一个小时的订单权重大于 0'],
  [/^a replay runs one day$/, () => '回放实例只能模拟一天'],
];

/**
 * Fields a check across fields also concerns, by the path it is reported at: the message is shown on each, so a
 * person who changed the other field sees it where they typed (the number of couriers, say, for the bound on orders).
 */
const RELATED: Readonly<Record<string, readonly string[]>> = {
  'demand.ordersPerCourierDay': ['population.couriers'],
  'time.serviceEndHour': ['time.serviceStartHour'],
  'city.customerDistanceP90Km': ['city.customerDistanceMedianKm'],
  'demand.prepP90Min': ['demand.prepMedianMin'],
  'population.maxHoursMax': ['population.maxHoursMin'],
  'population.crowdHoursMax': ['population.crowdHoursMin'],
  'behaviour.breakMaxMinutes': ['behaviour.breakMinMinutes'],
  'demand.hourlyProfile': ['time.serviceStartHour', 'time.serviceEndHour'],
};

/** The problems, each also reported at the fields its check across fields concerns. */
export function withRelatedFields<P extends { path: string; message: string }>(problems: readonly P[]): P[] {
  return problems.flatMap((p) => [p, ...(RELATED[p.path] ?? []).map((path) => ({ ...p, path }))]);
}

/** A problem's JSON path as shown: the file and the root in words, other paths as they are (they are code). */
export function pathText(path: string, lang: Lang): string {
  if (path === '(file)') return lang === 'zh-CN' ? '（文件）' : '(file)';
  if (path === '(root)') return lang === 'zh-CN' ? '（整个文件）' : '(root)';
  return path;
}

/** A schema message for `lang` (Chinese when recognised, otherwise unchanged). */
export function problemText(message: string, lang: Lang): string {
  if (lang !== 'zh-CN') return message;
  for (const [pattern, render] of RULES) {
    const m = pattern.exec(message);
    if (m) return render(m);
  }
  return message;
}
