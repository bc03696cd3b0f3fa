/**
 * Where one delivered order's delivery money goes (issue 20): the platform's revenue per order (delivery fee plus the
 * merchant's commission) split into what couriers keep, fines, compensation the platform pays, its other costs and
 * what is left for the platform. The food's own value (customer to merchant) and the premiums merchants pay an
 * insurer do not pass through the platform and are left out. The parts add up to the revenue exactly; the platform's
 * part may be negative. Shared by the workbench's chart and the report's, so both draw the same numbers.
 */
import { balancesOf, type FlowAmounts, type FlowParties, type Party } from '../sim/flows.ts';
import type { Bi } from './report/bilingual.ts';

/** The parts of an order's delivery money, in the order they are drawn. */
export const ORDER_MONEY_PARTS = ['couriers', 'fines', 'compensation', 'otherCosts', 'platform'] as const;
export type OrderMoneyPart = (typeof ORDER_MONEY_PARTS)[number];

/** Who receives fines, as the chart names them: `elsewhere` is a fund outside the delivery. */
export type FinesRecipient = Extract<Party, 'platform' | 'station' | 'elsewhere'>;

/** One arm's delivery money per delivered order, CNY. */
export interface OrderMoney {
  /** What the platform takes in: delivery fee plus merchant commission. */
  revenue: number;
  /**
   * The parts of `revenue`, in ORDER_MONEY_PARTS order, each CNY per delivered order; `compensation` only when the
   * platform pays it. `platform` is what is left, so the parts sum to `revenue`; when fines go to the platform it
   * leaves them out (they have their own part), and `operatingProfit` adds them back.
   */
  parts: { part: OrderMoneyPart; cny: number }[];
  finesTo: FinesRecipient;
  compensationByPlatform: boolean;
  /** The platform's operating profit per delivered order (its balance over all flows); may be negative. */
  operatingProfit: number;
}

/** An arm's `money` (ArmSummary) as the parts of one order's delivery money. */
export function orderMoney(money: { flowsPerOrder: FlowAmounts; parties: FlowParties }): OrderMoney {
  const f = money.flowsPerOrder;
  const finesTo = money.parties.fines[1] as FinesRecipient;
  const compensationByPlatform = money.parties.compensation[0] === 'platform';
  const revenue = f.deliveryFee + f.merchantCommission;
  const couriers = f.courierFees - f.courierCommission - f.fines + f.bonuses + f.topUps;
  const compensation = compensationByPlatform ? f.compensation : 0;
  const parts: OrderMoney['parts'] = [
    { part: 'couriers', cny: couriers },
    { part: 'fines', cny: f.fines },
    ...(compensationByPlatform ? [{ part: 'compensation' as const, cny: compensation }] : []),
    { part: 'otherCosts', cny: f.otherCosts },
    { part: 'platform', cny: revenue - couriers - f.fines - compensation - f.otherCosts },
  ];
  return {
    revenue,
    parts,
    finesTo,
    compensationByPlatform,
    operatingProfit: balancesOf(f, money.parties).platform,
  };
}

/** One drawn piece of an order's money: its legend key, label in both languages, fill and the ink that reads on it. */
export interface MoneySegment {
  /** Stable per label, so legends merge the same piece across arms (`fines-station`, `platform-loss` …). */
  key: string;
  label: Bi;
  colour: string;
  /** Colour of a number written on the fill. */
  ink: string;
  cny: number;
}

const DARK_INK = '#222222';
const LIGHT_INK = '#ffffff';

const FINES_LABELS: Record<FinesRecipient, Bi> = {
  platform: { zh: '罚款（归平台）', en: 'Fines, kept by the platform' },
  station: { zh: '罚款（归配送站）', en: 'Fines, to the delivery station' },
  elsewhere: { zh: '罚款（归配送以外的基金）', en: 'Fines, to a fund outside the delivery' },
};
const FINES_COLOURS: Record<FinesRecipient, string> = { platform: '#E69F00', station: '#F0E442', elsewhere: '#CC79A7' };

/**
 * The segment of one part: fines labelled by who receives them, and the platform's part as profit or loss, "besides
 * fines" when it keeps some (they are their own segment).
 */
function segmentOf(part: OrderMoneyPart, cny: number, finesTo: FinesRecipient, keepsFines: boolean): MoneySegment {
  switch (part) {
    case 'couriers':
      return {
        key: part,
        label: { zh: '骑手到手（扣除抽成和罚款后）', en: 'Couriers keep (after commission and fines)' },
        colour: '#009E73',
        ink: LIGHT_INK,
        cny,
      };
    case 'fines':
      return {
        key: `fines-${finesTo}`,
        label: FINES_LABELS[finesTo],
        colour: FINES_COLOURS[finesTo],
        ink: DARK_INK,
        cny,
      };
    case 'compensation':
      return {
        key: part,
        label: { zh: '平台自付的超时赔付', en: 'Platform: compensation for late orders' },
        colour: '#56B4E9',
        ink: DARK_INK,
        cny,
      };
    case 'otherCosts':
      return {
        key: part,
        label: { zh: '平台的其他成本', en: 'Platform: other costs' },
        colour: '#BBBBBB',
        ink: DARK_INK,
        cny,
      };
    case 'platform': {
      const besides = keepsFines;
      if (cny < 0) {
        return {
          key: besides ? 'platform-loss-besides-fines' : 'platform-loss',
          label: besides
            ? { zh: '平台亏损（罚款以外）', en: 'Platform: loss, besides fines' }
            : { zh: '平台亏损', en: 'Platform: loss' },
          colour: '#B2182B',
          ink: LIGHT_INK,
          cny,
        };
      }
      return {
        key: besides ? 'platform-besides-fines' : 'platform',
        label: besides
          ? { zh: '平台所得（罚款以外）', en: 'Platform: left over, besides fines' }
          : { zh: '平台所得', en: 'Platform: left over' },
        colour: '#0072B2',
        ink: LIGHT_INK,
        cny,
      };
    }
  }
}

/** The drawn segments of an arm's order money, in part order. */
export function moneySegments(money: OrderMoney): MoneySegment[] {
  const keepsFines = money.finesTo === 'platform' && money.parts.some((p) => p.part === 'fines' && p.cny !== 0);
  return money.parts.map(({ part, cny }) => segmentOf(part, cny, money.finesTo, keepsFines));
}

/** A segment with its ends (CNY): positive parts stack right from zero in order, negative ones left. */
export interface StackedSegment {
  segment: MoneySegment;
  from: number;
  to: number;
}

/** The ends of each segment; a part that is not a finite number takes no room. */
export function stackSegments(segments: readonly MoneySegment[]): StackedSegment[] {
  let right = 0;
  let left = 0;
  return segments.map((segment) => {
    const v = Number.isFinite(segment.cny) ? segment.cny : 0;
    if (v >= 0) {
      right += v;
      return { segment, from: right - v, to: right };
    }
    left += v;
    return { segment, from: left, to: left - v };
  });
}

/** The platform's profit per order in words: revenue, then profit, with the fines it keeps when it keeps any. */
export function profitNote(money: OrderMoney, format: (cny: number) => string): Bi {
  const revenue = format(money.revenue);
  const profit = format(money.operatingProfit);
  const fines = money.parts.find((p) => p.part === 'fines')?.cny ?? 0;
  const kept = money.finesTo === 'platform' && fines !== 0;
  return {
    zh: `平台每单收入 ${revenue} 元，利润 ${profit} 元${kept ? `（含罚款 ${format(fines)} 元）` : ''}`,
    en: `Platform per order: revenue ${revenue}, profit ${profit} CNY${kept ? ` (incl. ${format(fines)} of fines)` : ''}`,
  };
}
