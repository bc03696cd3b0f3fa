/**
 * What report.html says about the scenario in its own words, from the scenario's values and the runs (never from
 * the author's description, which may be stale: the city, the standards and what the runs placed), the author's
 * description split by language, and the short list of the model's limits.
 */
import { DEADLINE_BASES, type DeadlineRules } from '../../sim/deadline/index.ts';
import { WEATHER_WORDS } from '../../analysis/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { RunResult } from '../../sim/results.ts';
import { fixed } from '../format.ts';
import { paragraphsIn, paragraphsOf } from '../textLanguage.ts';
import { bi, blocks, withCode, type Bi } from './bilingual.ts';
import { armInterval } from './findings.ts';

/** Orders placed per day, mean over every arm's runs (the same demand meets every arm). */
export function ordersPlacedPerDay(runsByArm: readonly (readonly RunResult[])[]): number {
  const all = runsByArm.flat();
  return all.length === 0 ? Number.NaN : armInterval(all, 'service.ordersPlaced').mean;
}

/** The weather of the days, as "3 天晴、1 天暴雨" / "3 clear days, 1 heavy rain day", or '' when every day is clear. */
function weatherText(scenario: Scenario): Bi | undefined {
  const days = scenario.time.days;
  const counts = new Map<string, number>();
  for (let d = 0; d < days; d++) {
    const w = scenario.weather[d] ?? 'clear';
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  if ([...counts.keys()].every((w) => w === 'clear')) return undefined;
  const parts = [...counts].map(([w, n]) => {
    const word = WEATHER_WORDS[w as keyof typeof WEATHER_WORDS];
    // "2 天暴雨", but "1 天 35 ℃ 高温": a space keeps two numbers apart.
    const gap = /^\d/.test(word.zh) ? ' ' : '';
    return bi(`${n} 天${gap}${word.zh}`, `${n} day${n === 1 ? '' : 's'} of ${word.en}`);
  });
  return bi(parts.map((p) => p.zh).join('、'), parts.map((p) => p.en).join(', '));
}

/** The city, in words: "一座 20 × 15 公里的合成城市，5 个餐饮商圈、1,200 家餐馆" (or the imported instance it replays). */
export function cityText(scenario: Scenario): Bi {
  const { city } = scenario;
  return scenario.kind === 'replay'
    ? bi('重放一份导入的订单实例（MDRP 格式）', 'A replay of an imported order instance (MDRP format)')
    : bi(
        `一座 ${fixed(city.widthKm, 0)} × ${fixed(city.heightKm, 0)} 公里的合成城市，${city.hotspots.length} 个餐饮商圈、${fixed(city.restaurants, 0)} 家餐馆`,
        `A synthetic city of ${fixed(city.widthKm, 0)} × ${fixed(city.heightKm, 0)} km with ${city.hotspots.length} restaurant cluster${city.hotspots.length === 1 ? '' : 's'} and ${fixed(city.restaurants, 0)} restaurants`,
      );
}

/** The labour standards the runs are held to, in words. */
export function standardsText(scenario: Scenario): Bi {
  const { standards } = scenario;
  return bi(
    `最低工资每小时 ${fixed(standards.minHourlyWage, 2)} 元、每月 ${fixed(standards.minMonthlyWage, 0)} 元`,
    `Minimum wage ${fixed(standards.minHourlyWage, 2)} CNY an hour, ${fixed(standards.minMonthlyWage, 0)} CNY a month`,
  );
}

/**
 * What the runs add to the scenario's own values, in words: the orders they placed a day and per courier, and the
 * weather and holidays when there are any. The city, the standards, the seeds and the size are rows of the report's
 * fact table, so the author's description, shown above this, is not repeated in other words.
 */
export function generatedDescription(scenario: Scenario, ordersPerDay: number): Bi {
  const { population, time } = scenario;
  const days = time.days;
  const perCourier = ordersPerDay / population.couriers;
  const weather = weatherText(scenario);
  const holidays = scenario.holidays.filter((d) => d < days).length;
  const extra: Bi[] = [];
  if (weather) extra.push(bi(`天气：${weather.zh}`, `Weather: ${weather.en}`));
  if (holidays > 0) extra.push(bi(`其中 ${holidays} 天为法定节假日`, `${holidays} of the days are statutory holidays`));
  return bi(
    `本次运行实际每天下单 ${fixed(ordersPerDay, 0)} 单（所有运行的平均值），约合每名骑手每天 ${fixed(perCourier, 1)} 单。` +
      extra.map((e) => `${e.zh}。`).join(''),
    `The runs placed ${fixed(ordersPerDay, 0)} orders a day (mean over every run), about ${fixed(perCourier, 1)} per courier.` +
      extra.map((e) => ` ${e.en}.`).join(''),
  );
}

/**
 * The author's description, each paragraph shown in its language (src/evidence/textLanguage.ts): the Chinese
 * paragraphs in the Chinese view, the English ones in the English view; a description in one language only shows in
 * both.
 */
export function authorDescriptionHtml(description: string): string {
  const paragraphs = paragraphsOf(description);
  const zh = paragraphsIn(description, 'zh');
  const en = paragraphsIn(description, 'en');
  const one = (p: string, lang?: string) => `<p class="description"${lang ? ` lang="${lang}"` : ''}>${withCode(p)}</p>`;
  if (zh.length === paragraphs.length) return paragraphs.map((p) => one(p)).join('');
  return zh.map((p) => one(p, 'zh-CN')).join('') + en.map((p) => one(p, 'en')).join('');
}

/** How a promise is set, in words, for an arm's percentile and the deadline's basis (the basis says it itself). */
export function promiseRule(percentile: number, basis: DeadlineRules['basis']): Bi {
  const { zh, en } = DEADLINE_BASES[basis].describe(percentile);
  return bi(zh, en);
}

const LIMITS: readonly Bi[] = [
  bi(
    '城市是合成的：餐馆和顾客按几个商圈随机分布，道路距离是直线距离乘以一个绕行系数，没有真实的路网、楼层和小区门禁。',
    'The city is synthetic: restaurants and customers are scattered around a few clusters, and road distance is straight-line distance times a detour factor; there is no real street network, no stairs, no gated compounds.',
  ),
  bi(
    '骑手的行为是简化的规则：赶时间时加速、闯红灯，超时多了更敢冒险，收入够了就下线。真实的人会更多样，也会互相学习。',
    'Couriers follow simple rules: they speed up and run red lights when short of time, take more risks after being late too often, and log off once they earn enough. Real people vary more and learn from each other.',
  ),
  bi(
    '事故风险是相对的：它按速度、闯红灯、疲劳和天气放大一个未经校准的基础事故率，只适合比较方案，不能当作真实的事故数。',
    'Crash risk is relative: it scales an uncalibrated base rate by speed, red lights, fatigue and weather, so it compares arms but is not a count of real crashes.',
  ),
  bi(
    '平台的账只算每单固定的收入（配送费加商家佣金，默认取美团全部订单的平均值）、付给骑手的报酬、它收取的罚款、由它承担时的顾客赔付，以及每单固定的其他成本；不含给顾客的补贴、广告和其他业务。模型的平台利润低于公开的每单利润（见模型校验），它说明钱在各方之间怎样流动，不是对平台利润的预测。',
    'The platform’s accounts hold a fixed revenue per order (delivery fee and merchant commission; by default Meituan’s average over all its orders), the pay to couriers, the fines it keeps, customers’ compensation when it pays it, and a fixed other cost per order; no subsidies to customers, advertising or other businesses. Its margin is below the published profit per order (see the model check): it shows how money moves between the parties, not a forecast of the platform’s profit.',
  ),
  bi(
    '模型的默认值按公开发表的数字校准（见上文和附录中的模型校验）：落在观测范围之外的项说明模型在那方面与现实不符，结论的方向比具体数值更可靠。',
    'The defaults are calibrated against published figures (see the model check above and in the appendix): where the model falls outside an observed range it does not match reality there, and the direction of a result is more reliable than its exact size.',
  ),
];

/** The limits of this model, as a list. */
export function limitsList(): string {
  return `<ul class="limits">${LIMITS.map((l) => blocks('li', l)).join('')}</ul>`;
}
