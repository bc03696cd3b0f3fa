/**
 * The units metrics are shown in: how a stored value becomes a shown one (a share ×100 as %), its decimals, and its
 * words in Chinese, in English and in the plain ASCII of the command line's tables. Part of the metric catalogue.
 */

/** A text in Chinese and English. */
export interface Bi {
  zh: string;
  en: string;
}

/** The units of the catalogue. */
export type MetricUnit =
  | 'share'
  | 'cnyPerHour'
  | 'cnyPerOrder'
  | 'cnyPerDay'
  | 'instanceMoney'
  | 'hours'
  | 'km'
  | 'kmh'
  | 'minutes'
  | 'orders'
  | 'ordersPerDay'
  | 'ordersPerHour'
  | 'times'
  | 'ratio'
  | 'index'
  | 'perThousandCourierDays'
  | 'riskTolerance';

/** How one unit is shown. */
export interface UnitSpec {
  /** Multiplier from the stored value to the shown one (100 for a share shown in %). */
  scale: number;
  /** Decimals of a shown value (a difference may get more, so that a small one does not print as 0). */
  digits: number;
  /** The unit after a value ('' for none). */
  text: Bi;
  /** The unit of a difference (percentage points for shares). */
  differenceText: Bi;
  /** The unit in the command line's plain-text tables. */
  ascii: string;
  /** The unit of a difference in those tables. */
  asciiDifference: string;
}

const same = (text: string): Bi => ({ zh: text, en: text });
const unit = (scale: number, digits: number, text: Bi, ascii: string, differenceText = text): UnitSpec => ({
  scale,
  digits,
  text,
  differenceText,
  ascii,
  asciiDifference: ascii,
});

/** Every unit. */
export const UNITS: Readonly<Record<MetricUnit, UnitSpec>> = {
  share: { ...unit(100, 1, same('%'), '%', { zh: '个百分点', en: 'percentage points' }), asciiDifference: 'pp' },
  cnyPerHour: unit(1, 2, { zh: '元/小时', en: 'CNY/h' }, 'CNY/h'),
  cnyPerOrder: unit(1, 2, { zh: '元/单', en: 'CNY/order' }, 'CNY/order'),
  cnyPerDay: unit(1, 0, { zh: '元/天', en: 'CNY/day' }, 'CNY/day'),
  instanceMoney: unit(1, 0, { zh: '（实例货币）', en: '(instance currency)' }, ''),
  hours: unit(1, 2, { zh: '小时', en: 'h' }, 'h'),
  km: unit(1, 1, { zh: '公里', en: 'km' }, 'km'),
  kmh: unit(1, 1, { zh: '公里/小时', en: 'km/h' }, 'km/h'),
  minutes: unit(1, 1, { zh: '分钟', en: 'min' }, 'min'),
  orders: unit(1, 1, { zh: '单', en: 'orders' }, ''),
  ordersPerDay: unit(1, 0, { zh: '单/天', en: 'orders/day' }, ''),
  ordersPerHour: unit(1, 2, { zh: '单/小时', en: 'orders/h' }, ''),
  times: unit(1, 2, { zh: '次', en: 'times' }, ''),
  ratio: unit(1, 3, { zh: '倍', en: '' }, ''),
  index: unit(1, 3, same(''), ''),
  perThousandCourierDays: unit(1, 3, { zh: '起/千骑手日', en: 'per 1,000 courier-days' }, ''),
  riskTolerance: unit(1, 3, same(''), ''),
};
