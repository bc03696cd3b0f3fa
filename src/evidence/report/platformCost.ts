/**
 * The report's platform section, beside the couriers' cost: what algorithm-median costs the platform per day and per
 * order, its parts with their intervals, the orders customers keep placing, and the chart of where each delivered
 * order's delivery money goes under each arm.
 */
import { PLATFORM_COST_PARTS, platformCost, platformCostSentences, type Comparison } from '../../analysis/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { orderMoneyChartSvg } from '../charts/orderMoneyChart.ts';
import { nameIn } from '../charts/packCharts.ts';
import { TERMS } from '../glossary.ts';
import { orderMoney } from '../orderMoney.ts';
import { bi, blocks, inline, type Bi } from './bilingual.ts';
import { figureHtml } from './figures.ts';

/** A clause as a list item: its first letter capitalised in English. */
const item = (text: Bi): Bi => ({ zh: text.zh, en: text.en.charAt(0).toUpperCase() + text.en.slice(1) });

/** The sentences of every arm pair, or '' when no pair has differences. */
function sentencesHtml(scenario: Scenario, comparison: Comparison, name: (id: string) => Bi): string {
  const pairs = comparison.arms.slice(1).flatMap((_, i) => {
    const cost = platformCost(scenario, comparison, i + 1);
    if (!cost || !Number.isFinite(cost.perDay.value)) return [];
    const s = platformCostSentences(cost, { stricter: name(cost.stricter), looser: name(cost.looser) });
    const parts = PLATFORM_COST_PARTS.map((p) => blocks('li', item(s.parts[p])));
    return [
      blocks('p', s.total, 'cost-day') +
        blocks('p', bi('其中：', 'Of which:')) +
        `<ul class="cost-parts">${parts.join('')}</ul>` +
        blocks('p', s.retained) +
        (s.uncertain ? blocks('p', s.uncertain, 'note') : ''),
    ];
  });
  return pairs.join('<hr>');
}

/** The chart of each arm's order money, as a figure in each language; '' when an arm has no money flows. */
export function orderMoneyFigure(comparison: Comparison, names: readonly Bi[]): string {
  const arms = comparison.arms.map((arm, i) => ({ arm, name: names[i] ?? bi(arm.id, arm.id) }));
  if (arms.length === 0 || arms.some(({ arm }) => !arm.money)) return '';
  const render = (lang: 'zh' | 'en') =>
    orderMoneyChartSvg(
      arms.map(({ arm, name }) => ({ name: nameIn(name, lang), money: orderMoney(arm.money) })),
      comparison.arms[0]?.money.flowsPerOrder.orderValue ?? Number.NaN,
      lang,
    );
  const caption = bi(
    '每个方案一根横条：平台每个送达订单收到的钱（顾客付的配送费加商家付的佣金，黑色竖线处）分给了谁，按各次重复的平均值。骑手到手是配送费减去平台抽成和罚款、加上奖励和保底补足；平台所得为负时画在 0 的左边。餐费由顾客直接付给商家，数额远大于其余各项，画进来会让它们看不清，所以不画；商家付给保险公司的准时险保费也不经过平台。',
    'One bar per arm: who gets the money the platform takes in for each delivered order (the customer’s delivery fee plus the merchant’s commission, at the black tick), mean over replications. What couriers keep is their fees less the platform’s commission and fines, plus bonuses and top-ups; when the platform is left with less than nothing, its loss is drawn left of zero. The food’s value passes from customer to merchant and would dwarf the rest, so it is left out; the premiums merchants pay an insurer do not pass through the platform either.',
  );
  return figureHtml(render, caption);
}

/** The section, or '' for a comparison of one arm. */
export function platformCostSection(scenario: Scenario, comparison: Comparison, names: readonly Bi[]): string {
  if (comparison.arms.length < 2) return '';
  const name = (id: string): Bi => {
    const i = comparison.arms.findIndex((a) => a.id === id);
    return names[i] ?? bi(id, id);
  };
  const sentences = sentencesHtml(scenario, comparison, name);
  const figure = orderMoneyFigure(comparison, names);
  if (sentences === '' && figure === '') return '';
  return (
    `<section id="platform-cost" class="lead"><h2>${inline(TERMS.platformCost)}</h2>` +
    sentences +
    (sentences === ''
      ? ''
      : blocks(
          'p',
          bi(
            '数字来自两个方案在相同订单、相同骑手下的配对差值（见“主要指标”一节）。各部分相加等于每天的总数：送达订单带来的配送收入，付给骑手的配送费、奖励和保底补足（扣罚款之前），平台不再收到的罚款，以及平台自付的超时赔付。每单的数字按较宽松方案每天送达的订单数计算。',
            'From the paired differences of the arms on the same orders and couriers (see “Headline figures”). The parts add up to the daily figure: delivery revenue from the orders delivered, the fees, bonuses and top-ups paid to couriers (before fines), the fines the platform no longer keeps, and the compensation it pays itself. Per order divides by the orders the looser arm delivers a day.',
          ),
          'note',
        )) +
    figure +
    '</section>'
  );
}
