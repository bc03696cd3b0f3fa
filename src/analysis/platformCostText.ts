/**
 * What algorithm-median costs the platform, in sentences for both sides of the table, in Chinese and English: the
 * cost per day and per order, its parts, and the orders customers keep placing. Written with `toFixed` only (see
 * strictestCostText.ts), so the workbench and the report say the same bytes.
 */
import { midSentence } from './bargainWords.ts';
import type { Bi } from './catalogue/units.ts';
import type { MedianPlatformCost, PlatformCostPart } from './platformCost.ts';
import type { CostFigure } from './strictestCost.ts';
import { fixed, interval, say, type Said } from './strictestCostText.ts';

/** The sentences of one arm pair. */
export interface PlatformCostSentences {
  /** The whole: per day and per delivered order. */
  total: Bi;
  /** One clause per part, in PLATFORM_COST_PARTS order. */
  parts: Record<PlatformCostPart, Bi>;
  /** The orders customers keep placing, and their worth. */
  retained: Bi;
  /** Set when some interval includes zero. */
  uncertain?: Bi;
}

const cny = (s: Said) => interval(s, ' 元', ' CNY');

/** `x` to `digits` decimals with a real minus sign (U+2212) when negative. */
const signed = (x: number, digits: number) => fixed(x, digits).replace(/^-/, '\u2212');

/** A part that is exactly zero in every replication (no fines taken, no compensation paid, in both arms). */
const nothing = (f: CostFigure) => f.value === 0 && f.ci95[0] === 0 && f.ci95[1] === 0;

/** A part said as "X more / less", or why it is zero. */
function partText(part: PlatformCostPart, s: Said, cost: MedianPlatformCost): Bi {
  const i = cny(s);
  // A cost part is positive when it lowers the platform's margin under the looser arm.
  switch (part) {
    case 'revenue':
      return {
        zh: `送达订单的配送收入${s.positive ? '少' : '多'} ${s.size} 元${i.zh}`,
        en: `delivery revenue ${s.positive ? 'down' : 'up'} ${s.size} CNY${i.en} from the orders delivered`,
      };
    case 'courierPay':
      return {
        zh: `付给骑手的配送费、奖励和保底补足${s.positive ? '多' : '少'} ${s.size} 元${i.zh}`,
        en: `fees, bonuses and top-ups paid to couriers ${s.positive ? 'up' : 'down'} ${s.size} CNY${i.en}`,
      };
    case 'fines':
      if (cost.finesTo !== 'platform') {
        return {
          zh: cost.finesTo === 'station' ? '罚款归配送站，不影响平台' : '罚款不归平台，不影响平台',
          en:
            cost.finesTo === 'station'
              ? 'fines go to the delivery station, not the platform'
              : 'fines go to no party of the delivery, not the platform',
        };
      }
      if (nothing(cost.parts.fines)) {
        return { zh: '两个方案下平台都没有收到罚款', en: 'the platform keeps no fines under either arm' };
      }
      return {
        zh: `平台收到的罚款${s.positive ? '少' : '多'} ${s.size} 元${i.zh}`,
        en: `fines the platform keeps ${s.positive ? 'down' : 'up'} ${s.size} CNY${i.en}`,
      };
    case 'compensation':
      if (cost.compensationBy !== 'platform') {
        return {
          zh: '超时赔付由商家投保的准时险支付，不影响平台',
          en: 'compensation for late orders is paid by the merchants’ insurance, not the platform',
        };
      }
      if (nothing(cost.parts.compensation)) {
        return { zh: '两个方案下平台都没有付超时赔付', en: 'the platform pays no compensation under either arm' };
      }
      return {
        zh: `平台自付的超时赔付${s.positive ? '多' : '少'} ${s.size} 元${i.zh}`,
        en: `compensation the platform pays ${s.positive ? 'up' : 'down'} ${s.size} CNY${i.en}`,
      };
  }
}

/** The sentences for `cost`, with the arms' display names. */
export function platformCostSentences(
  cost: MedianPlatformCost,
  names: { stricter: Bi; looser: Bi },
): PlatformCostSentences {
  // English names are read mid-sentence: "the strictest algorithm", not "Strictest algorithm".
  const stricter = { zh: names.stricter.zh, en: midSentence(names.stricter.en) };
  const looser = { zh: names.looser.zh, en: midSentence(names.looser.en) };
  const day = say(cost.perDay, 0);
  const order = say(cost.perOrder, 2);
  const dayI = cny(day);
  const orderI = cny(order);
  const total: Bi = {
    zh:
      `与${stricter.zh}相比，${looser.zh}让平台每天${day.positive ? '少赚' : '多赚'} ${day.size} 元${dayI.zh}，` +
      (order.size === fixed(0, 2)
        ? `每个送达订单相差不到 0.01 元。`
        : `每个送达订单${order.positive ? '少赚' : '多赚'} ${order.size} 元${orderI.zh}。`),
    en:
      `Compared with ${stricter.en}, ${looser.en} ${day.positive ? 'costs' : 'earns'} the platform ${day.size} CNY a day${dayI.en}, ` +
      (order.size === fixed(0, 2)
        ? 'less than 0.01 CNY per delivered order.'
        : `${order.size} CNY per delivered order${orderI.en}.`),
  };
  const said = Object.fromEntries(Object.entries(cost.parts).map(([k, f]) => [k, say(f, 0)])) as Record<
    PlatformCostPart,
    Said
  >;
  const parts = Object.fromEntries(
    (Object.keys(said) as PlatformCostPart[]).map((k) => [k, partText(k, said[k], cost)]),
  ) as Record<PlatformCostPart, Bi>;
  const kept = say(cost.retainedOrdersPerDay, 0);
  const worth = cost.retainedWorthPerDay.value;
  const perOrder = signed(cost.marginPerOrder, 2);
  const worthZh = `按${looser.zh}下每单利润 ${perOrder} 元计，对平台${worth >= 0 ? '约值' : '反而少赚'} ${fixed(Math.abs(worth), 0)} 元`;
  const worthEn = `which at ${looser.en}'s margin of ${perOrder} CNY per order ${worth >= 0 ? 'is worth about' : 'would cost the platform about'} ${fixed(Math.abs(worth), 0)} CNY a day`;
  const retained: Bi = {
    zh:
      `此外，超时${kept.positive ? '少' : '多'}了，顾客此后每天${kept.positive ? '多' : '少'}下约 ${kept.size} 单${interval(kept, ' 单', '').zh}，` +
      `${worthZh}（这发生在以后，不计入上面的每日成本；顾客流失的幅度是假设）。`,
    en:
      `Besides, with ${kept.positive ? 'fewer' : 'more'} late orders customers later place about ${kept.size} ${kept.positive ? 'more' : 'fewer'} orders a day` +
      `${interval(kept, '', ' orders').en}, ${worthEn} ` +
      '(this comes later and is not part of the daily cost above; how many orders customers forgo is an assumption).',
  };
  const out: PlatformCostSentences = { total, parts, retained };
  // Parts that are zero by the rules (fines or compensation not the platform's) carry no uncertainty.
  const applies = (k: PlatformCostPart) =>
    !nothing(cost.parts[k]) &&
    (k !== 'fines' || cost.finesTo === 'platform') &&
    (k !== 'compensation' || cost.compensationBy === 'platform');
  const open = [day, kept, ...(Object.keys(said) as PlatformCostPart[]).filter(applies).map((k) => said[k])];
  if (open.some((s) => s.uncertain)) {
    out.uncertain = {
      zh: '区间包含 0 的数字，按已运行的重复次数还不能确定方向；增加重复次数可以缩小区间。',
      en: 'Where an interval includes zero, the replications run cannot tell the direction yet; more replications narrow the interval.',
    };
  }
  return out;
}
