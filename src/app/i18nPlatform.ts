/** Labels of the platform's side of a comparison (its cost and where each order's money goes), merged into i18n.ts. */
import { TERMS } from '../evidence/glossary.ts';

export const PLATFORM_ZH = {
  'platformCost.heading': TERMS.platformCost.zh,
  'platformCost.parts': '其中：',
  'platformCost.how':
    '数字来自两个方案在相同订单、相同骑手下的配对差值。各部分相加等于每天的总数：送达订单带来的配送收入，付给骑手的配送费、奖励和保底补足（扣罚款之前），平台不再收到的罚款，以及平台自付的超时赔付。每单的数字按较宽松方案每天送达的订单数计算。',
  'chart.money.title': '每单配送钱款的去向',
  'chart.money.caption':
    '每个方案一根横条：平台每个送达订单收到的钱（顾客付的配送费加商家付的佣金，黑色竖线处）分给了谁，按各次重复的平均值。骑手到手是配送费减去平台抽成和罚款、加上奖励和保底补足；平台所得为负时画在 0 的左边。餐费（每单 {orderValue} 元）由顾客直接付给商家，数额远大于其余各项，画进来会让它们看不清，所以不画；商家付给保险公司的准时险保费也不经过平台。',
  'chart.money.x': '元，每个送达订单',
} satisfies Record<string, string>;

export const PLATFORM_EN: Record<keyof typeof PLATFORM_ZH, string> = {
  'platformCost.heading': TERMS.platformCost.en,
  'platformCost.parts': 'Of which:',
  'platformCost.how':
    'From the paired differences of the two arms on the same orders and couriers. The parts add up to the daily figure: delivery revenue from the orders delivered, the fees, bonuses and top-ups paid to couriers (before fines), the fines the platform no longer keeps, and the compensation it pays itself. Per order divides by the orders the looser arm delivers a day.',
  'chart.money.title': 'Where the delivery money of an order goes',
  'chart.money.caption':
    'One bar per arm: who gets the money the platform takes in for each delivered order (the customer’s delivery fee plus the merchant’s commission, at the black tick), mean over replications. What couriers keep is their fees less the platform’s commission and fines, plus bonuses and top-ups; when the platform is left with less than nothing, its loss is drawn left of zero. The food’s value ({orderValue} CNY an order) passes from customer to merchant and would dwarf the rest, so it is left out; the premiums merchants pay an insurer do not pass through the platform either.',
  'chart.money.x': 'CNY per delivered order',
};
