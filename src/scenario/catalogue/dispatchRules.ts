/** The parameter catalogue's entries (see ../catalogue.ts) for the platform's dispatch, deadline and assessment. */
import type { FieldPath } from '../fieldPath.ts';
import type { FactsOf } from './facts.ts';

/** Facts of the platform's dispatch, deadline and assessment rules. */
export const DISPATCH_RULE_FACTS = {
  'rules.dispatch.policy': {
    name: { zh: '派单方式', en: 'Dispatch policy' },
    unit: null,
    status: {
      kind: 'setting',
      note: 'the rolling-horizon method of the Meal Delivery Routing Problem (Reyes et al. 2018)',
    },
    options: {
      rolling: { zh: '合单批量匹配', en: 'batch matching' },
      greedy: { zh: '逐单最低成本', en: 'one order at a time' },
      nearest: { zh: '距离最近', en: 'nearest courier' },
      fairShare: { zh: '兼顾收入公平', en: 'fair share of income' },
    },
  },
  'rules.dispatch.batchSeconds': {
    name: { zh: '派单间隔', en: 'Dispatch interval' },
    unit: 'sec',
    status: { kind: 'assumption', note: 'an optimisation time' },
  },
  'rules.dispatch.maxBag': {
    name: { zh: '同时携带订单上限', en: 'Orders carried at once, at most' },
    unit: 'orders',
    status: { kind: 'calibrated', targets: ['bag-peak'] },
  },
  'rules.dispatch.maxPickupKm': {
    name: { zh: '取餐距离上限', en: 'Pickup distance, at most' },
    unit: 'km',
    status: { kind: 'assumption' },
  },
  'rules.dispatch.planningSpeedKmh': {
    name: { zh: '派单估算车速', en: 'Speed assumed by dispatch' },
    unit: 'kmh',
    status: { kind: 'assumption' },
  },
  'rules.dispatch.fairShareSecPerCny': {
    name: { zh: '公平派单：每元收入的惩罚', en: 'Fair share: penalty per CNY earned' },
    unit: 'secPerCny',
    status: { kind: 'assumption' },
  },
  'rules.dispatch.latenessWeight': {
    name: { zh: '派单时对超时的加权', en: 'Dispatch weight of added lateness' },
    unit: 'factor',
    status: { kind: 'assumption' },
  },
  'rules.dispatch.deliveryTimeWeight': {
    name: { zh: '派单时对送达时间的加权', en: 'Dispatch weight of delivery time' },
    unit: 'factor',
    status: { kind: 'assumption' },
  },
  'rules.dispatch.maxPlannedLateMin': {
    name: { zh: '预计超时多久就不派给该骑手', en: 'No courier whose plan is later than this' },
    unit: 'min',
    status: { kind: 'assumption' },
  },
  'rules.dispatch.candidates': {
    name: { zh: '每单考虑的最近骑手数', en: 'Nearest couriers considered per order' },
    unit: 'couriers',
    status: { kind: 'assumption' },
  },
  'rules.dispatch.bundleMax': {
    name: { zh: '每次合并派单最多几单', en: 'Orders in one bundle, at most' },
    unit: 'orders',
    hint: {
      zh: '留空表示 4 单（不超过同时携带上限）；骑手紧缺时才合并派单。',
      en: 'Empty: 4 orders (at most the bag); bundles form only when couriers are scarce.',
    },
    status: { kind: 'assumption' },
  },
  'rules.dispatch.bundlePickupKm': {
    name: { zh: '合并派单：餐厅相距至多', en: 'Bundle: restaurants at most this far apart' },
    unit: 'km',
    status: { kind: 'assumption' },
  },
  'rules.dispatch.bundleReadyGapMin': {
    name: { zh: '合并派单：出餐时间相差至多', en: 'Bundle: food ready at most this far apart' },
    unit: 'min',
    status: { kind: 'assumption' },
  },
  'rules.dispatch.bundleAddedMin': {
    name: { zh: '合并派单：每单增加路程至多', en: 'Bundle: added route per order, at most' },
    unit: 'min',
    status: { kind: 'assumption' },
  },
  'rules.dispatch.commitHorizonMin': {
    name: { zh: '延迟确认：骑手到店等餐至多', en: 'Late commitment: courier waits for food at most' },
    unit: 'min',
    status: { kind: 'assumption' },
  },
  'rules.dispatch.onTheWayMin': {
    name: { zh: '顺路单：增加的用时至多', en: 'On-the-way order: added time at most' },
    unit: 'min',
    status: { kind: 'assumption' },
  },
  'rules.deadline.basis': {
    name: { zh: '时限依据', en: 'Deadline learned from' },
    unit: null,
    status: { kind: 'setting' },
    options: {
      deliveryDuration: { zh: '过往送达用时', en: 'past delivery times' },
      ridingPace: { zh: '过往骑行速度', en: 'past riding pace' },
    },
  },
  'rules.deadline.measureFrom': {
    name: { zh: '时长从何时算起', en: 'Durations counted from' },
    unit: null,
    status: { kind: 'sourced', source: 'Meituan, September 2021: the promise is the latest of several times' },
    options: {
      placement: { zh: '下单时', en: 'the order' },
      mealReady: { zh: '出餐时', en: 'the meal being ready' },
      latestOfBoth: { zh: '两者取较晚的时限', en: 'the later promise of the two' },
    },
  },
  'rules.deadline.byHour': {
    name: { zh: '按时段分别学习', en: 'Learn each hour of the day apart' },
    unit: null,
    status: { kind: 'assumption', note: 'a platform’s estimate knows the lunch peak is slower than mid-afternoon' },
  },
  'rules.deadline.percentile': {
    name: { zh: '配送时限百分位', en: 'Deadline percentile' },
    unit: 'percentile',
    hint: {
      zh: '按过往同距离、同时段订单送达用时的第几百分位定时限，越低越严：10 即“最严算法”，50 即“算法取中”。',
      en: 'The deadline is set at this percentile of how long past deliveries of the same distance and hour took; lower is stricter: 10 is the strictest algorithm, 50 algorithm-median.',
    },
    status: {
      kind: 'setting',
      note: 'the rule under negotiation: p10 is the strictest algorithm, p50 algorithm-median',
    },
  },
  'rules.deadline.bandKm': {
    name: { zh: '距离分段宽度', en: 'Distance band width' },
    unit: 'km',
    status: { kind: 'assumption' },
  },
  'rules.deadline.minSamples': {
    name: { zh: '每段最少样本', en: 'Fewest deliveries per band' },
    unit: 'orders',
    status: { kind: 'assumption' },
  },
  'rules.deadline.prepEstimateMin': {
    name: { zh: '估计出餐时间', en: 'Preparation time assumed' },
    unit: 'min',
    status: { kind: 'assumption' },
  },
  'rules.deadline.pickupServiceMin': {
    name: { zh: '取餐服务时间', en: 'Service time at pickup' },
    unit: 'min',
    status: { kind: 'assumption' },
  },
  'rules.deadline.dropoffServiceMin': {
    name: { zh: '送达服务时间', en: 'Service time at drop-off' },
    unit: 'min',
    status: { kind: 'assumption' },
  },
  'rules.deadline.protectionMin': {
    name: { zh: '按距离的最低时限保护', en: 'Minimum deadline by distance' },
    unit: null,
    hint: {
      zh: '每段写“距离上限 公里, 最少 分钟”，段之间用分号隔开，例如 3, 30; 5, 40。',
      en: 'Each band as “up to km, at least minutes”; bands separated by semicolons, e.g. 3, 30; 5, 40.',
    },
    status: { kind: 'setting', note: 'none by default' },
  },
  'rules.deadline.windowMin': {
    name: { zh: '送达时间窗', en: 'Delivery window' },
    unit: 'min',
    status: { kind: 'setting', note: 'none by default' },
  },
  'rules.deadline.graceMin': {
    name: { zh: '超时宽限', en: 'Grace before late' },
    unit: 'min',
    status: { kind: 'sourced', source: 'Meituan’s 8 minutes of flexible time, September 2020 (eta-slack)' },
  },
  'rules.deadline.warmupDays': {
    name: { zh: '第0天之前的历史天数', en: 'History days before day 0' },
    unit: 'days',
    status: { kind: 'setting' },
  },
  'rules.deadline.warmupPercentile': {
    name: { zh: '历史天数采用的百分位', en: 'Percentile of the history days' },
    unit: 'percentile',
    status: { kind: 'assumption', note: 'the platform’s past practice' },
  },
  'rules.deadline.learning.windowDays': {
    name: { zh: '算法学习最近几天的骑行', en: 'Algorithm learns from the last' },
    unit: 'days',
    status: { kind: 'setting', note: '0: learned from the warm-up, then fixed' },
  },
  'rules.deadline.learning.rate': {
    name: { zh: '算法每天向新目标调整的比例', en: 'Share of the way to the new target each day' },
    unit: 'share',
    status: { kind: 'assumption', note: 'models are retrained and rolled out gradually' },
  },
  'rules.deadline.learning.startMinutes': {
    name: { zh: '第0天的承诺时间（分钟）', en: 'Promise in force on day 0' },
    unit: 'min',
    hint: {
      zh: '留空表示第0天和其他天一样从历史中学习；填写时，第0天该距离的订单平均承诺这么多分钟，之后再逐天学习。',
      en: 'Empty: day 0 learns from the history like any day. Set: on day 0 orders of that distance are promised this many minutes on average, and learning moves on from there.',
    },
    status: {
      kind: 'setting',
      note: 'empty: learned from the warm-up; the ratchet back-test starts from 60 min for 3 km',
    },
  },
  'rules.deadline.learning.startKm': {
    name: { zh: '第0天承诺时间对应的距离', en: 'Distance of the day-0 promise' },
    unit: 'km',
    status: { kind: 'setting' },
  },
  'rules.assessment.windowDays': {
    name: { zh: '考核周期', en: 'Assessment period' },
    unit: 'days',
    status: { kind: 'assumption' },
  },
  'rules.assessment.rankByOnTime': {
    name: { zh: '按准时率排序派单', en: 'Rank couriers by on-time rate' },
    unit: null,
    status: { kind: 'setting', note: 'off by default' },
  },
  'rules.assessment.priorityWeightSec': {
    name: { zh: '准时率排序的权重', en: 'Weight of the on-time ranking' },
    unit: 'sec',
    status: { kind: 'assumption' },
  },
} as const satisfies {
  [
    P in Extract<FieldPath, `rules.dispatch.${string}` | `rules.deadline.${string}` | `rules.assessment.${string}`>
  ]: FactsOf<P>;
};
