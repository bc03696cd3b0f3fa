/**
 * The parameters the report lists as resting on judgement (most are assumptions; a few are calibrated to published
 * figures, as the parameter catalogue says), and the sources of the model's defaults.
 */
import { CATALOGUE } from '../../scenario/catalogue.ts';
import { getPath } from '../../scenario/paths.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { escapeHtml, safeHref } from '../../format/escape.ts';
import { splitLabel } from '../labels.ts';
import { bi, inline, inlineCode, type Bi } from './bilingual.ts';
import { paramHeadingHtml, paramValueHtml } from './paramCells.ts';

/** One assumption: the scenario path of its value and what it means. */
export interface Assumption {
  path: string;
  meaning: Bi;
  /** Uncalibrated rather than merely unsourced: absolute figures built on it are labelled so. */
  uncalibrated?: boolean;
}

/** MODEL.md's assumptions, plus the two the README adds (lateness weight of dispatch, cancellation time). */
export const ASSUMPTIONS: readonly Assumption[] = [
  { path: 'city.detourFactor', meaning: bi('道路距离与直线距离之比', 'Road distance ÷ straight-line distance') },
  { path: 'demand.weatherFactor', meaning: bi('各种天气下订单量的倍数', 'Demand multiplier per weather') },
  {
    path: 'demand.cancelAfterMin',
    meaning: bi('无人接单的订单多少分钟后取消', 'Minutes before an untaken order is cancelled'),
  },
  { path: 'population.comfortSpeedKmh', meaning: bi('骑手舒适速度的分布（km/h）', 'Couriers’ comfort speed (km/h)') },
  {
    path: 'population.maxSpeedKmh',
    meaning: bi('压力下最高速度的分布（km/h）', 'Fastest speed under pressure (km/h)'),
  },
  {
    path: 'population.incomeTargetMedianCny',
    meaning: bi('日收入目标的中位数（元）', 'Median daily income target (CNY)'),
  },
  { path: 'behaviour.newCourierSlowdown', meaning: bi('新骑手的减速比例', 'How much slower new couriers ride') },
  { path: 'behaviour.newCourierDetour', meaning: bi('新骑手的绕路倍数', 'Detour factor of new couriers') },
  {
    path: 'behaviour.complaintProbLate',
    meaning: bi('超时订单引来投诉的概率', 'Chance that a late order draws a complaint'),
  },
  { path: 'behaviour.weatherSpeedFactor', meaning: bi('各种天气下的速度系数', 'Speed factor per weather') },
  { path: 'city.signalsPerKm', meaning: bi('每公里信号灯数', 'Traffic signals per km') },
  { path: 'behaviour.redLightProb', meaning: bi('信号灯为红灯的概率', 'Chance a signal is red') },
  {
    path: 'behaviour.redRunBase',
    meaning: bi('无压力时闯红灯的概率', 'Chance of running a red light without pressure'),
  },
  {
    path: 'behaviour.redRunPressure',
    meaning: bi('时间压力使闯红灯概率增加的系数', 'Added chance of running a red light under pressure'),
  },
  {
    path: 'risk.fatiguePerHour',
    meaning: bi('在线超过 8 小时后每小时增加的事故风险', 'Added crash risk per online hour beyond 8'),
  },
  { path: 'risk.weatherFactor', meaning: bi('各种天气下的事故风险系数', 'Crash-risk factor per weather') },
  {
    path: 'risk.baseInjuryCrashesPerMillionKm',
    meaning: bi(
      '每百万公里的基础伤害事故数：未校准，事故绝对数只作相对比较',
      'Base injury crashes per million km: uncalibrated, so absolute crash counts are for comparison only',
    ),
    uncalibrated: true,
  },
  {
    path: 'rules.pay.commissionRate',
    meaning: bi('平台或代理商的抽成比例（基准规则）', 'Commission kept by the platform or agency (base rules)'),
  },
  {
    path: 'rules.platform.deliveryRevenuePerOrder',
    meaning: bi('平台每单配送收入（元，基准规则）', 'Platform revenue per delivered order (CNY, base rules)'),
  },
  {
    path: 'rules.dispatch.latenessWeight',
    meaning: bi('派单时超时分钟的权重（基准规则）', 'Weight of a late minute in dispatch (base rules)'),
  },
];

/** The sources behind the model's defaults (MODEL.md), shown whatever the scenario cites. */
export const MODEL_SOURCES: readonly Bi[] = [
  bi(
    'Grubhub / Georgia Tech 送餐路径问题（MDRP）实例 0：送餐距离中位数 2.16 km、p90 3.87 km；出餐时间中位数 15 分钟、p90 30 分钟',
    'Grubhub / Georgia Tech Meal Delivery Routing Problem, instance 0: delivery distance median 2.16 km, p90 3.87 km; preparation median 15 min, p90 30 min',
  ),
  bi(
    'TechNode（2019）：骑手每天 30–40 单，每单 5–7 元',
    'TechNode (2019): 30–40 orders a day per rider, 5–7 CNY per order',
  ),
  bi(
    '《道路交通安全法》第 58 条：非机动车道内电动自行车限速 15 km/h',
    'Road Traffic Safety Law art. 58: 15 km/h for e-bikes in non-motor lanes',
  ),
  bi('GB 17761-2018：电动自行车设计车速不超过 25 km/h', 'GB 17761-2018: e-bike design speed at most 25 km/h'),
  bi(
    'Cameron & Elvik（2010）：Nilsson 幂模型，伤害事故随速度的平方增加',
    'Cameron & Elvik (2010): Nilsson’s power model, injury crashes rise with the square of speed',
  ),
  bi(
    'Wang 等（2021），Traffic Injury Prevention：闯红灯的事故优势比 1.75',
    'Wang et al. (2021), Traffic Injury Prevention: red-light running, crash odds ratio 1.75',
  ),
  bi(
    '《劳动法》第 36、41 条；《国务院关于职工工作时间的规定》第 3 条',
    'Labour Law arts. 36, 41; State Council Regulation on Working Hours art. 3',
  ),
  bi('《防暑降温措施管理办法》（2012）', 'Measures for the Administration of Heatstroke Prevention and Cooling (2012)'),
];

/**
 * What the parameter catalogue says of a path's default (a distribution by its mean): calibrated, sourced or an
 * assumption, so the report's tag agrees with docs/model.md and the editor.
 */
export function catalogueStatus(path: string): 'assumption' | 'calibrated' | 'sourced' | 'setting' | undefined {
  const entries = CATALOGUE as Readonly<Record<string, { status: { kind: string } }>>;
  const entry = entries[path] ?? entries[`${path}.mean`];
  return entry?.status.kind as 'assumption' | 'calibrated' | 'sourced' | 'setting' | undefined;
}

const STATUS_TAGS: Record<'assumption' | 'calibrated' | 'sourced' | 'setting', Bi> = {
  assumption: bi('假设', 'assumption'),
  calibrated: bi('已校准', 'calibrated'),
  sourced: bi('有来源', 'sourced'),
  setting: bi('设定', 'setting'),
};

/** The assumptions with this scenario's values. */
export function assumptionsTableHtml(scenario: Scenario): string {
  const head = `<tr><th>${inline(bi('参数', 'Parameter'))}</th><th>${inline(bi('本情景的值', 'Value here'))}</th><th>${inline(bi('含义', 'Meaning'))}</th></tr>`;
  const rows = ASSUMPTIONS.map((a) => {
    const tag = a.uncalibrated ? bi('未校准', 'uncalibrated') : STATUS_TAGS[catalogueStatus(a.path) ?? 'assumption'];
    return (
      `<tr><th scope="row">${paramHeadingHtml(a.path)} <span class="tag">${inline(tag)}</span></th>` +
      `<td class="value">${paramValueHtml(getPath(scenario, a.path))}</td><td>${inline(a.meaning)}</td></tr>`
    );
  });
  return `<table class="assumptions"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The scenario's own sources (`meta.sources`), every field escaped; a URL is a link only when it is http(s). */
export function scenarioSourcesHtml(scenario: Scenario): string {
  const sources = scenario.meta.sources;
  if (sources.length === 0) return `<p>${inline(bi('情景未列出来源。', 'The scenario lists no sources.'))}</p>`;
  const items = sources.map((s) => {
    const href = safeHref(s.url);
    const url = s.url
      ? href
        ? ` <a href="${href}">${escapeHtml(s.url)}</a>`
        : ` <span class="url">${escapeHtml(s.url)}</span>`
      : '';
    // A title or note written "中文 / English" shows one side per language; the id is for the English reader.
    const id = s.id ? `<span lang="en"><code>${escapeHtml(s.id)}</code> </span>` : '';
    const note = s.note ? `<br><span class="note">${inlineCode(splitLabel(s.note))}</span>` : '';
    return `<li>${id}<cite>${inline(splitLabel(s.title))}</cite>${url}${note}</li>`;
  });
  return `<ol class="sources">${items.join('')}</ol>`;
}

/** The sources of the model's defaults. */
export function modelSourcesHtml(): string {
  return `<ul class="sources">${MODEL_SOURCES.map((s) => `<li><cite>${inline(s)}</cite></li>`).join('')}</ul>`;
}
