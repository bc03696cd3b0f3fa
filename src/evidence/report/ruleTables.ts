/** The rule sets under comparison: every rule parameter that differs between arms or from the base rules, and every scenario parameter set away from Fairpace's defaults. */
import { WEATHER_WORDS } from '../../analysis/index.ts';
import { getPath } from '../../scenario/paths.ts';
import { rulesForArm } from '../../scenario/rulesForArm.ts';
import { Scenario, SCHEMA_VERSION } from '../../scenario/schema.ts';
import { differingRulePaths } from '../../sim/compliance.ts';
import { codePath, escapeHtml } from '../escape.ts';
import { bi, inline, inlineHtml, type Bi } from './bilingual.ts';
import { paramHeadingHtml, paramName, paramValueHtml } from './paramCells.ts';

/** Names of the rule parameters a negotiation is most often about. */
const RULE_NAMES: Record<string, Bi> = {
  'deadline.percentile': bi(
    '配送时限所依据的过往送达用时百分位',
    'Percentile of past delivery times behind the deadline',
  ),
  'deadline.learning.windowDays': bi('时限学习窗口（天）', 'Days of past rides the deadline learns from'),
  'deadline.protectionMin': bi('按距离段的最短承诺时长', 'Minimum promised time per distance band'),
  'deadline.windowMin': bi('承诺时间窗（分钟）', 'Promise window (min)'),
  'deadline.graceMin': bi('超时宽限（分钟）', 'Grace before an order is late (min)'),
  'deadline.prepEstimateMin': bi('出餐时间估计（分钟）', 'Preparation estimate (min)'),
  'assessment.rankByOnTime': bi('按准时率排序派单', 'Dispatch ranks couriers by on-time score'),
  'assessment.windowDays': bi('考核窗口（天）', 'Assessment window (days)'),
  'pay.base': bi('每单基础价（元）', 'Base fee per order (CNY)'),
  'pay.perKm': bi('超出免费里程后每公里加价（元）', 'Fee per km beyond the free km (CNY)'),
  'pay.freeKm': bi('免费里程（公里）', 'Free km'),
  'pay.peakBonus': bi('高峰时段每单补贴（元）', 'Peak-hour bonus per order (CNY)'),
  'pay.commissionRate': bi('抽成比例', 'Commission rate'),
  'pay.holidayMultiplier': bi('节假日单价倍数', 'Holiday pay multiplier'),
  'pay.dailyTiers': bi('冲单奖', 'Daily order-count bonuses'),
  'pay.guarantee': bi('保底收入', 'Minimum pay guarantee'),
  'penalties.lateFine': bi('超时罚款（元/单）', 'Late fine (CNY per order)'),
  'penalties.perMinuteLate': bi('每超时一分钟罚款（元）', 'Fine per minute late (CNY)'),
  'penalties.severeLateMin': bi('严重超时界限（分钟）', 'Severely late after (min)'),
  'penalties.severeLateFine': bi('严重超时罚款（元）', 'Severe-lateness fine (CNY)'),
  'penalties.complaintFine': bi('投诉罚款（元）', 'Complaint fine (CNY)'),
  'dispatch.policy': bi('派单策略', 'Dispatch policy'),
  'dispatch.maxBag': bi('同时携带订单上限', 'Most orders in the bag'),
  'heat.suspendOnHeat40': bi('40 ℃ 以上暂停配送', 'Suspend work at 40 °C and above'),
  'heat.maxOnlineHoursHeat37': bi('37 ℃ 以上在线时长上限（小时）', 'Online-hour cap at 37 °C and above'),
  'platform.depositCny': bi('押金（元）', 'Deposit (CNY)'),
  'platform.exclusivity': bi('禁止多平台接单', 'Bars work for other platforms'),
  'platform.deliveryRevenuePerOrder': bi('平台每单配送收入（元）', 'Platform revenue per order (CNY)'),
};

/** A rule path's name, falling back to the editor's name of the parameter, or undefined. */
export function ruleName(path: string): Bi | undefined {
  const exact = RULE_NAMES[path] ?? paramName(`rules.${path}`);
  if (exact) return exact;
  const weather = /^pay\.weatherBonus\.(\w+)$/.exec(path);
  const kind = weather?.[1];
  if (kind && Object.hasOwn(WEATHER_WORDS, kind)) {
    const w = WEATHER_WORDS[kind as keyof typeof WEATHER_WORDS];
    return bi(`天气补贴：${w.zh}（元/单）`, `Weather bonus: ${w.en} (CNY per order)`);
  }
  return undefined;
}

const cellOf = (value: unknown) => `<td class="value">${paramValueHtml(value)}</td>`;

/** Rule paths where any arm's rules differ from the scenario's base rules (which includes any difference between arms). */
export function negotiatedRulePaths(scenario: Scenario, armIds: readonly string[]): string[] {
  const paths = new Set<string>();
  for (const id of armIds) for (const p of differingRulePaths(scenario.rules, rulesForArm(scenario, id))) paths.add(p);
  return [...paths].sort();
}

/** The table of rule parameters that differ: base rules, then each arm. */
export function rulesTableHtml(scenario: Scenario, armIds: readonly string[], names: readonly Bi[]): string {
  const paths = negotiatedRulePaths(scenario, armIds);
  if (paths.length === 0) {
    return `<p>${inline(bi('各方案的规则与情景的基准规则完全相同。', 'The arms run the scenario’s base rules unchanged.'))}</p>`;
  }
  const rules = armIds.map((id) => rulesForArm(scenario, id));
  const head =
    `<tr><th>${inline(bi('规则参数', 'Rule parameter'))}</th><th>${inline(bi('情景基准规则', 'Scenario base rules'))}</th>` +
    names.map((n) => `<th>${inline(n)}</th>`).join('') +
    '</tr>';
  const rows = paths.map((path) => {
    const name = ruleName(path);
    const label = name
      ? inlineHtml(escapeHtml(name.zh), `${escapeHtml(name.en)}<br>${codePath(`rules.${path}`)}`)
      : codePath(`rules.${path}`);
    return `<tr><th scope="row">${label}</th>${cellOf(getPath(scenario.rules, path))}${rules.map((r) => cellOf(getPath(r, path))).join('')}</tr>`;
  });
  return `<table class="rules"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Fairpace's default scenario (every field at its default), against which a scenario's choices are listed. */
function defaultScenario(): Scenario {
  return Scenario.parse({ schemaVersion: SCHEMA_VERSION });
}

/** Scenario parameters (outside `meta` and `arms`) whose values differ from Fairpace's defaults. */
export function changedScenarioPaths(scenario: Scenario): string[] {
  const skip = ['meta', 'arms', 'schemaVersion', 'kind'];
  return differingRulePaths(defaultScenario(), scenario).filter((p) => !skip.includes(p.split('.')[0] ?? ''));
}

/** The table of scenario parameters set away from the defaults: path, value here, default. */
export function scenarioTableHtml(scenario: Scenario): string {
  const paths = changedScenarioPaths(scenario);
  if (paths.length === 0) {
    return `<p>${inline(bi('情景的所有参数均为 Fairpace 默认值。', 'Every scenario parameter has Fairpace’s default value.'))}</p>`;
  }
  const defaults = defaultScenario();
  const head = `<tr><th>${inline(bi('参数', 'Parameter'))}</th><th>${inline(bi('本情景', 'This scenario'))}</th><th>${inline(bi('默认值', 'Default'))}</th></tr>`;
  const rows = paths.map(
    (path) =>
      `<tr><th scope="row">${paramHeadingHtml(path)}</th>${cellOf(getPath(scenario, path))}${cellOf(getPath(defaults, path))}</tr>`,
  );
  return `<table class="params"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}
