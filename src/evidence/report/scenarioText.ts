/**
 * What report.html says about the scenario in its own words, from the scenario's values and the runs (never from
 * the author's description, which may be stale), the author's description split by language, and the short list of
 * the model's limits.
 */
import { DEADLINE_BASES, type DeadlineRules } from '../../sim/deadline/index.ts';
import type { Comparison } from '../../analysis/index.ts';
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

/** A description of the scenario generated from its values and the orders its runs placed. */
export function generatedDescription(scenario: Scenario, comparison: Comparison, ordersPerDay: number): Bi {
  const { city, population, time, standards } = scenario;
  const days = time.days;
  const reps = comparison.seeds.length;
  const perCourier = ordersPerDay / population.couriers;
  const where =
    scenario.kind === 'replay'
      ? bi('重放一份导入的订单实例（MDRP 格式）', 'A replay of an imported order instance (MDRP format)')
      : bi(
          `一座 ${fixed(city.widthKm, 0)} × ${fixed(city.heightKm, 0)} 公里的合成城市，${city.hotspots.length} 个餐饮商圈、${fixed(city.restaurants, 0)} 家餐馆`,
          `A synthetic city of ${fixed(city.widthKm, 0)} × ${fixed(city.heightKm, 0)} km with ${city.hotspots.length} restaurant cluster${city.hotspots.length === 1 ? '' : 's'} and ${fixed(city.restaurants, 0)} restaurants`,
        );
  const weather = weatherText(scenario);
  const holidays = scenario.holidays.filter((d) => d < days).length;
  const extra: Bi[] = [];
  if (weather) extra.push(bi(`天气：${weather.zh}`, `Weather: ${weather.en}`));
  if (holidays > 0) extra.push(bi(`其中 ${holidays} 天为法定节假日`, `${holidays} of the days are statutory holidays`));
  return bi(
    `${where.zh}，${fixed(population.couriers, 0)} 名骑手，模拟 ${days} 天，每个方案用同样的随机种子运行 ${reps} 次。` +
      `实际每天下单 ${fixed(ordersPerDay, 0)} 单（所有运行的平均值），约合每名骑手每天 ${fixed(perCourier, 1)} 单。` +
      extra.map((e) => `${e.zh}。`).join('') +
      `劳动标准：最低工资每小时 ${fixed(standards.minHourlyWage, 2)} 元、每月 ${fixed(standards.minMonthlyWage, 0)} 元。`,
    `${where.en}, ${fixed(population.couriers, 0)} couriers, ${days} day${days === 1 ? '' : 's'} simulated, each arm run ${reps} time${reps === 1 ? '' : 's'} with the same seeds. ` +
      `The runs placed ${fixed(ordersPerDay, 0)} orders a day (mean over every run), about ${fixed(perCourier, 1)} per courier. ` +
      extra.map((e) => `${e.en}. `).join('') +
      `Labour standards: a minimum wage of ${fixed(standards.minHourlyWage, 2)} CNY an hour and ${fixed(standards.minMonthlyWage, 0)} CNY a month.`,
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
    '平台的收入与成本只包括配送收入和付给骑手的报酬，不含补贴、广告和商家佣金；“平台利润”是这两者之差。',
    'The platform’s money is only delivery revenue and courier pay, without subsidies, advertising or restaurant commission; its “margin” is the difference of the two.',
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
