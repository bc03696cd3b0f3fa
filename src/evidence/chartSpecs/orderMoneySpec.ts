/**
 * Where each delivered order's delivery money goes, one stacked bar per arm: the platform's revenue per order split
 * into what couriers keep, fines (by who receives them), compensation the platform pays, its other costs and what is
 * left for it. A negative part (the platform's loss) runs left of zero; a tick marks the revenue.
 */
import { fixed } from '../format.ts';
import {
  moneySegments,
  stackSegments,
  type MoneySegment,
  type OrderMoney,
  type StackedSegment,
} from '../orderMoney.ts';
import type { Bilingual } from './chartSpec.ts';

/** One arm: its display name (in the reader's language) and its order money. */
export interface MoneyArm {
  name: string;
  money: OrderMoney;
}

/** One arm's bar: its money and its segments stacked from zero (a part of 0 or NaN takes no room). */
export interface MoneyStack extends MoneyArm {
  stack: StackedSegment[];
}

/** The order money chart: a bar per arm, the legend's parts, the value axis's ends and the texts. */
export interface OrderMoneySpec {
  bars: MoneyStack[];
  /** Every part that is not zero for some arm, in first appearance (a part zero everywhere has no entry). */
  legend: MoneySegment[];
  /** The ends of the value axis before rounding (CNY): every segment's ends, every revenue and zero. */
  lo: number;
  hi: number;
  title: Bilingual;
  x: Bilingual;
  /** What the tick at the revenue is. */
  revenueTick: Bilingual;
  /** The food's value, left out of the chart, as a note under it. */
  foodNote: Bilingual;
}

/** The spec of the order money of `arms`; `orderValue` is the food's value per order (CNY), named as left out. */
export function orderMoneySpec(arms: readonly MoneyArm[], orderValue: number): OrderMoneySpec {
  const bars = arms.map((a) => ({ ...a, stack: stackSegments(moneySegments(a.money)) }));
  const seen = new Map<string, MoneySegment>();
  for (const bar of bars)
    for (const { segment } of bar.stack)
      if (segment.cny !== 0 && !seen.has(segment.key)) seen.set(segment.key, segment);
  const ends = bars.flatMap((b) => b.stack.flatMap((p) => [p.from, p.to]));
  const value = fixed(orderValue, 2);
  return {
    bars,
    legend: [...seen.values()],
    lo: Math.min(0, ...ends),
    hi: Math.max(0, ...ends, ...arms.map((a) => a.money.revenue).filter(Number.isFinite)),
    title: { zh: '每单配送钱款的去向', en: 'Where the delivery money of an order goes' },
    x: { zh: '元，每个送达订单', en: 'CNY per delivered order' },
    revenueTick: { zh: '黑色竖线：平台每单收入', en: 'Black tick: platform revenue per order' },
    foodNote: {
      zh: `不含餐费（每单 ${value} 元，由顾客直接付给商家）`,
      en: `Food value left out (${value} CNY an order, customer to merchant)`,
    },
  };
}
