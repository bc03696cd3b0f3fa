/** The parameter catalogue's entries (see ../catalogue.ts) for pay, penalties, economics, compensation and heat. */
import type { FieldPath } from '../fieldPath.ts';
import type { FactsOf } from './facts.ts';

/** Facts of the platform's pay, penalties, economics, compensation and heat rules. */
export const PAY_RULE_FACTS = {
  'rules.pay.base': {
    name: { zh: '每单基础配送费', en: 'Piece rate per order' },
    unit: 'cnyPerOrder',
    status: { kind: 'calibrated', targets: ['income-hourly', 'per-order-pay'] },
  },
  'rules.pay.freeKm': {
    name: { zh: '不另计费的距离', en: 'Distance included in the base fee' },
    unit: 'km',
    status: { kind: 'assumption' },
  },
  'rules.pay.perKm': {
    name: { zh: '超出距离每公里加价', en: 'Extra per km beyond it' },
    unit: 'cnyPerKm',
    status: { kind: 'assumption' },
  },
  'rules.pay.peakBonus': {
    name: { zh: '高峰时段每单补贴', en: 'Peak-hour bonus per order' },
    unit: 'cnyPerOrder',
    status: { kind: 'assumption' },
  },
  'rules.pay.peakHours': {
    name: { zh: '高峰时段', en: 'Peak hours' },
    unit: 'hourOfDay',
    hint: {
      zh: '享受高峰补贴的整点，用逗号隔开，例如 11, 12, 17, 18。',
      en: 'Hours of day with the peak bonus, separated by commas, e.g. 11, 12, 17, 18.',
    },
    status: { kind: 'assumption' },
  },
  'rules.pay.weatherBonus': {
    name: { zh: '恶劣天气每单补贴', en: 'Bad-weather bonus per order' },
    unit: 'cnyPerOrder',
    status: { kind: 'assumption' },
  },
  'rules.pay.holidayMultiplier': {
    name: { zh: '节假日单价倍数', en: 'Holiday pay multiplier' },
    unit: 'factor',
    status: { kind: 'setting', note: 'no premium; the scorecard flags it' },
  },
  'rules.pay.commissionRate': {
    name: { zh: '平台抽成比例', en: 'Platform commission' },
    unit: 'share',
    status: {
      kind: 'assumption',
      range: { low: 0.5, high: 2, basis: '×0.5 to ×2 (5–20% at the default 10%)', order: 7 },
    },
  },
  'rules.pay.dailyTiers': {
    name: { zh: '每日冲单奖', en: 'Daily order-count bonuses' },
    unit: null,
    hint: {
      zh: '每档写“单量, 奖励 元”，档之间用分号隔开，例如 20, 30; 30, 60。',
      en: 'Each tier as “orders, bonus CNY”; tiers separated by semicolons, e.g. 20, 30; 30, 60.',
    },
    status: { kind: 'setting', note: 'none by default' },
  },
  'rules.pay.guarantee': {
    name: { zh: '保底时薪', en: 'Guaranteed hourly pay' },
    unit: 'cnyPerHour',
    hint: {
      zh: '填每小时保底金额，再选按在线时长还是按接单时长计；金额留空表示没有保底。',
      en: 'The guaranteed amount per hour, then whether it counts online or engaged hours; an empty amount means no guarantee.',
    },
    status: { kind: 'setting', note: 'none by default' },
    options: {
      online: { zh: '按在线时长', en: 'per online hour' },
      engaged: { zh: '按接单时长', en: 'per engaged hour' },
    },
  },
  'rules.pay.safetyBonusPerOrder': {
    name: { zh: '不闯红灯每单奖励', en: 'Safety bonus per order without a red light run' },
    unit: 'cnyPerOrder',
    hint: {
      zh: '骑手在送这单的路上没有闯红灯时多得的钱；0 表示没有。美团 2025 年的活动为每单 1–1.5 元。',
      en: 'Paid per delivered order on whose legs the courier ran no red light; 0: none. Meituan’s 2025 campaign paid 1–1.5 CNY an order.',
    },
    status: {
      kind: 'setting',
      note: 'none by default; Meituan 2025: 1–1.5 CNY an order (safety-bonus-2025 uses 1.25)',
    },
  },
  'rules.penalties.lateFine': {
    name: { zh: '超时罚款', en: 'Fine for a late order' },
    unit: 'cny',
    status: { kind: 'sourced', source: '3–7 CNY a late order, 工人日报 2021 (late-fine)' },
  },
  'rules.penalties.perMinuteLate': {
    name: { zh: '超时每分钟罚款', en: 'Fine per minute late' },
    unit: 'cnyPerMin',
    status: { kind: 'setting', note: 'none by default' },
  },
  'rules.penalties.severeLateMin': {
    name: { zh: '严重超时的界限', en: 'Severely late after' },
    unit: 'min',
    status: { kind: 'assumption' },
  },
  'rules.penalties.severeLateFine': {
    name: { zh: '严重超时另罚', en: 'Extra fine when severely late' },
    unit: 'cny',
    status: { kind: 'assumption' },
  },
  'rules.penalties.complaintFine': {
    name: { zh: '投诉罚款', en: 'Fine for a complaint' },
    unit: 'cny',
    status: { kind: 'assumption' },
  },
  'rules.penalties.lateTiers': {
    name: { zh: '按超时分钟扣配送费的比例', en: 'Fine as a share of the fee by minutes late' },
    unit: null,
    hint: {
      zh: '每档写“超时分钟, 扣配送费的比例”，分钟从小到大，例如 0, 0.4; 6, 0.5; 12, 0.6; 18, 0.7。留空表示不按比例扣。',
      en: 'Each tier as “minutes late, share of the fee”, minutes increasing, e.g. 0, 0.4; 6, 0.5; 12, 0.6; 18, 0.7. Empty: no share-of-fee fine.',
    },
    status: { kind: 'setting', note: 'none by default' },
  },
  'rules.penalties.recipient': {
    name: { zh: '罚款归谁', en: 'Fines go to' },
    unit: null,
    status: {
      kind: 'assumption',
      note: 'crowd couriers’ fines are deducted in the platform’s app; who finally keeps dedicated couriers’ is not published',
    },
    options: {
      platform: { zh: '平台', en: 'the platform' },
      station: { zh: '配送站（代理商）', en: 'the delivery station (agency)' },
      none: { zh: '不归配送各方（如骑手基金）', en: 'no party of the delivery (a fund)' },
    },
  },
  'rules.platform.deliveryRevenuePerOrder': {
    name: { zh: '平台每单收入', en: 'Platform revenue per order' },
    unit: 'cnyPerOrder',
    status: {
      kind: 'calibrated',
      targets: ['platform-revenue'],
      range: { low: 0.8, high: 1.2, basis: '±20%', order: 10 },
    },
  },
  'rules.platform.customerFeeShare': {
    name: { zh: '配送收入中顾客付的比例', en: 'Share of revenue paid by the customer' },
    unit: 'share',
    status: { kind: 'assumption', note: 'moves money between customers and merchants only' },
  },
  'rules.platform.orderValue': {
    name: { zh: '每单餐品金额', en: 'Food value per order' },
    unit: 'cnyPerOrder',
    status: { kind: 'sourced', source: 'Meituan 2020 gross transaction volume ÷ orders' },
  },
  'rules.platform.otherCostPerOrder': {
    name: { zh: '平台每单其他成本', en: 'Platform’s other costs per order' },
    unit: 'cnyPerOrder',
    status: {
      kind: 'sourced',
      source: 'derived from Meituan 2021: revenue 6.7 − rider cost 4.7 − operating profit 0.43 CNY per order',
    },
  },
  'rules.platform.depositCny': {
    name: { zh: '押金', en: 'Deposit' },
    unit: 'cny',
    status: { kind: 'setting', note: 'none by default' },
  },
  'rules.platform.exclusivity': {
    name: { zh: '禁止跑其他平台', en: 'Bars work for other platforms' },
    unit: null,
    status: { kind: 'setting', note: 'off by default' },
  },
  'rules.compensation.tiers': {
    name: { zh: '超时赔付顾客的档位', en: 'Compensation to customers by minutes late' },
    unit: null,
    hint: {
      zh: '每档写“超时分钟, 赔付 元”，分钟从小到大，例如 10, 4; 20, 6; 30, 13。',
      en: 'Each tier as “minutes late, compensation CNY”, minutes increasing, e.g. 10, 4; 20, 6; 30, 13.',
    },
    status: { kind: 'assumption', note: 'weak sources' },
  },
  'rules.compensation.coveredShare': {
    name: { zh: '享有超时赔付的订单比例', en: 'Share of orders covered against lateness' },
    unit: 'share',
    status: {
      kind: 'sourced',
      source:
        'derived: about 7 bn insured orders of about 37 bn Meituan orders, May 2018–May 2022, Beijing Daily 2022-05-19',
    },
  },
  'rules.compensation.funder': {
    name: { zh: '赔付由谁出钱', en: 'Compensation paid by' },
    unit: null,
    status: { kind: 'setting', note: 'merchants insure (准时宝); platform: JD’s 2025 coupons' },
    options: {
      merchantInsurance: { zh: '商家投保的准时险', en: 'insurance the merchant buys' },
      platform: { zh: '平台', en: 'the platform' },
    },
  },
  'rules.compensation.premiumPerOrder': {
    name: { zh: '商家每单保费', en: 'Merchant’s premium per insured order' },
    unit: 'cnyPerOrder',
    status: { kind: 'sourced', source: '“under 0.2 CNY” a covered order (an upper bound)' },
  },
  'rules.heat.suspendOnHeat40': {
    name: { zh: '40° 高温停工', en: 'Stop work on 40° days' },
    unit: null,
    status: { kind: 'setting', note: 'off by default' },
  },
  'rules.heat.maxOnlineHoursHeat37': {
    name: { zh: '37° 高温每天在线上限', en: 'Online hours limit on 37° days' },
    unit: 'hours',
    hint: { zh: '留空表示不限制。', en: 'Empty means no limit.' },
    status: { kind: 'setting', note: 'none by default' },
  },
} as const satisfies {
  [
    P in Extract<
      FieldPath,
      | `rules.pay.${string}`
      | `rules.penalties.${string}`
      | `rules.platform.${string}`
      | `rules.compensation.${string}`
      | `rules.heat.${string}`
    >
  ]: FactsOf<P>;
};
