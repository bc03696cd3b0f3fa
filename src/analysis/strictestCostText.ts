/**
 * The cost of the strictest algorithm in sentences a negotiator can read out, in Chinese and English: per
 * courier-day, per month of 26 working days, and what customers see (click-to-door and on-time). Numbers are written
 * with `toFixed` only, so the workbench and the report (which must be the same bytes everywhere) say the same thing.
 */
import { midSentence } from './bargainWords.ts';
import type { Bi } from './catalogue/units.ts';
import { DAYS_PER_MONTH, type CostFigure, type StrictestCost } from './strictestCost.ts';

/** The three sentences of one arm pair. */
export interface CostSentences {
  perDay: Bi;
  perMonth: Bi;
  customers: Bi;
  /** Set when some interval includes zero: those directions are not established by the replications run. */
  uncertain?: Bi;
}

/** `x` to `digits` decimals, never "-0". */
export function fixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return '–';
  const text = x.toFixed(digits);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** A figure said in its direction: its size, the interval of that size, and whether it points the usual way. */
export interface Said {
  size: string;
  lo: string;
  hi: string;
  positive: boolean;
  uncertain: boolean;
}

export function say(f: CostFigure, digits: number, scale = 1): Said {
  const positive = !(f.value < 0);
  const [a, b] = positive ? [f.ci95[0], f.ci95[1]] : [-f.ci95[1], -f.ci95[0]];
  return {
    size: fixed(Math.abs(f.value) * scale, digits),
    lo: fixed(a * scale, digits),
    hi: fixed(b * scale, digits),
    positive,
    uncertain: !(f.ci95[0] > 0 || f.ci95[1] < 0),
  };
}

export const interval = (s: Said, unitZh: string, unitEn: string): Bi =>
  s.lo === '–' || s.lo === s.hi
    ? { zh: '', en: '' }
    : { zh: `（95% 区间 ${s.lo} 至 ${s.hi}${unitZh}）`, en: ` (95% interval ${s.lo} to ${s.hi}${unitEn})` };

/** The sentences for the cost of arm pair `cost`, with the arms' display names. */
export function costSentences(cost: StrictestCost, names: { stricter: Bi; looser: Bi }): CostSentences {
  const pay = say(cost.payLostPerDay, 2);
  const hours = say(cost.extraHoursPerDay, 2);
  const km = say(cost.extraSpeedingKmPerDay, 1);
  const risk = say(cost.crashRiskHigher, 1, 100);
  const payI = interval(pay, ' 元', ' CNY');
  const hoursI = interval(hours, ' 小时', ' h');
  const kmI = interval(km, ' 公里', ' km');
  const riskI = interval(risk, '%', '%');
  // Arm names are capitalised as labels ("Strictest algorithm"); mid-sentence in English they are not.
  const stricter = { zh: names.stricter.zh, en: midSentence(names.stricter.en) };
  const looser = { zh: names.looser.zh, en: midSentence(names.looser.en) };
  const perDay: Bi = {
    zh:
      `在${stricter.zh}下，与${looser.zh}相比，每名骑手每天${pay.positive ? '少' : '多'}收入 ${pay.size} 元${payI.zh}，` +
      `${hours.positive ? '多' : '少'}在线 ${hours.size} 小时${hoursI.zh}，` +
      `超速里程${km.positive ? '多' : '少'} ${km.size} 公里${kmI.zh}，` +
      `事故风险${risk.positive ? '高' : '低'} ${risk.size}%${riskI.zh}。`,
    en:
      `Under ${stricter.en}, compared with ${looser.en}, each courier earns ${pay.size} CNY ${pay.positive ? 'less' : 'more'} a day${payI.en}, ` +
      `is online ${hours.size} h ${hours.positive ? 'longer' : 'less'}${hoursI.en}, ` +
      `rides ${km.size} km ${km.positive ? 'more' : 'less'} above the speed limit${kmI.en} ` +
      `and runs a ${risk.size}% ${risk.positive ? 'higher' : 'lower'} crash risk${riskI.en}.`,
  };
  const mPay = say(cost.payLostPerMonth, 0);
  const mHours = say(cost.extraHoursPerMonth, 1);
  const mKm = say(cost.extraSpeedingKmPerMonth, 0);
  const mPayI = interval(mPay, ' 元', ' CNY');
  const perMonth: Bi = {
    zh:
      `按每月 ${DAYS_PER_MONTH} 个工作日计，每名骑手每月${mPay.positive ? '少' : '多'}收入 ${mPay.size} 元${mPayI.zh}，` +
      `${mHours.positive ? '多' : '少'}在线 ${mHours.size} 小时，超速里程${mKm.positive ? '多' : '少'} ${mKm.size} 公里。`,
    en:
      `Over a month of ${DAYS_PER_MONTH} working days, each courier earns ${mPay.size} CNY ${mPay.positive ? 'less' : 'more'}${mPayI.en}, ` +
      `is online ${mHours.size} h ${mHours.positive ? 'longer' : 'less'} and rides ${mKm.size} km ${mKm.positive ? 'more' : 'less'} above the speed limit.`,
  };
  const c = cost.clickToDoor;
  const o = cost.onTime;
  const customers: Bi = {
    zh:
      `顾客一方：下单到送达平均 ${fixed(c.stricter, 1)} 分钟（${looser.zh}下 ${fixed(c.looser, 1)} 分钟）；` +
      `准时率 ${fixed(o.stricter * 100, 1)}%（${looser.zh}下 ${fixed(o.looser * 100, 1)}%）。`,
    en:
      `For customers: click-to-door averages ${fixed(c.stricter, 1)} min (${fixed(c.looser, 1)} min under ${looser.en}); ` +
      `${fixed(o.stricter * 100, 1)}% of orders arrive on time (${fixed(o.looser * 100, 1)}% under ${looser.en}).`,
  };
  const out: CostSentences = { perDay, perMonth, customers };
  if ([pay, hours, km, risk].some((s) => s.uncertain)) {
    out.uncertain = {
      zh: '区间包含 0 的数字，按已运行的重复次数还不能确定方向；增加重复次数可以缩小区间。',
      en: 'Where an interval includes zero, the replications run cannot tell the direction yet; more replications narrow the interval.',
    };
  }
  return out;
}
