/**
 * The scenario editor's words in both languages: a label per field, units, groups, choices and hints. Keyed by the
 * types of ./editor/fieldPaths.ts, so a field without a label in either language fails the typecheck.
 */
import { FIELD_NAMES, OPTION_NAMES, type OptionId } from '../scenario/fieldNames.ts';
import type { Rules, Weather } from '../scenario/schema.ts';
import type { FieldPath, GroupId, HintedField, UnitId } from './editor/fieldPaths.ts';

/** The sections of the rules, shown as sub-groups (every section of the schema, so a new one needs its names). */
export type RuleSection = keyof Rules;

export type { OptionId } from '../scenario/fieldNames.ts';

type OwnMessages = Record<`hint.${HintedField}`, string> &
  Record<`unit.${UnitId}`, string> &
  Record<`group.${GroupId}`, string> &
  Record<`section.rules.${RuleSection}`, string> &
  Record<`weather.${Weather}`, string>;

/** Every field's and choice's name in one language, as `field.<path>` and `option.<value>` messages (the names live in src/scenario/fieldNames.ts). */
function fieldMessages(lang: 'zh' | 'en'): Record<`field.${FieldPath}` | `option.${OptionId}`, string> {
  return Object.fromEntries([
    ...Object.entries(FIELD_NAMES).map(([path, name]) => [`field.${path}`, name[lang]]),
    ...Object.entries(OPTION_NAMES).map(([value, name]) => [`option.${value}`, name[lang]]),
  ]) as Record<`field.${FieldPath}` | `option.${OptionId}`, string>;
}

/** Chinese. */
const OWN_ZH: OwnMessages = {
  'group.meta': '说明',
  'group.time': '时间',
  'group.city': '城市',
  'group.demand': '需求',
  'group.weather': '天气与节假日',
  'group.population': '骑手',
  'group.behaviour': '行为',
  'group.rules': '规则（所有方案的基础规则）',
  'group.standards': '劳动标准',
  'group.risk': '风险',
  'group.compliance': '合规阈值',
  'group.run': '运行设置',
  'section.rules.dispatch': '派单',
  'section.rules.deadline': '配送时限',
  'section.rules.assessment': '考核',
  'section.rules.pay': '报酬',
  'section.rules.penalties': '罚款',
  'section.rules.platform': '平台',
  'section.rules.compensation': '超时赔付顾客',
  'section.rules.heat': '高温措施',
  'weather.clear': '晴',
  'weather.rain': '雨',
  'weather.heavyRain': '暴雨',
  'weather.snow': '雪',
  'weather.heat35': '高温 35°',
  'weather.heat37': '高温 37°',
  'weather.heat40': '高温 40°',
  'unit.perDay': '/天',
  'unit.cny': '元',
  'unit.cnyPerOrder': '元/单',
  'unit.cnyPerKm': '元/公里',
  'unit.cnyPerHour': '元/小时',
  'unit.cnyPerDay': '元/天',
  'unit.cnyPerMonth': '元/月',
  'unit.cnyPerMin': '元/分钟',
  'unit.km': '公里',
  'unit.kmh': '公里/小时',
  'unit.min': '分钟',
  'unit.sec': '秒',
  'unit.hours': '小时',
  'unit.hourOfDay': '点（0–24）',
  'unit.days': '天',
  'unit.dayIndex': '第几天（从 0 起）',
  'unit.share': '比例（0–1）',
  'unit.probability': '概率（0–1）',
  'unit.percentile': '0–100',
  'unit.factor': '倍',
  'unit.couriers': '人',
  'unit.restaurants': '家',
  'unit.orders': '单',
  'unit.ordersPerDay': '单/天',
  'unit.ordersPerCourierDay': '单/人·天',
  'unit.signalsPerKm': '个/公里',
  'unit.secPerCny': '秒/元',
  'unit.perHour': '/小时',
  'unit.crashesPerMillionKm': '起/百万公里',
  'unit.replications': '次',
  'unit.weights': '相对权重',
  'hint.meta.sources': '来源列在情景文件中，这里只显示，不能修改。',
  'hint.meta.calibration':
    '由 `fairpace calibrate --fit` 写入：拟合了哪些参数、对照哪些观测数据、误差多少。只显示，不能修改。',
  'hint.city.hotspots': '每个热点写“x, y, 权重, 半径”（公里），热点之间用分号隔开。',
  'hint.demand.ordersPerDay': '留空表示按“骑手人数 × 每名骑手每天订单数”计算。',
  'hint.demand.hourlyProfile': '24 个数，用逗号隔开，依次是 0 点到 23 点的相对订单量。',
  'hint.weather':
    '每天一个，用逗号隔开：`clear` 晴、`rain` 雨、`heavyRain` 暴雨、`snow` 雪、`heat35`/`heat37`/`heat40` 高温（未写的天按晴天计）。',
  'hint.holidays': '节假日是第几天（从 0 起），用逗号隔开。',
  'hint.rules.deadline.percentile':
    '按过往同距离、同时段订单送达用时的第几百分位定时限，越低越严：10 即“最严算法”，50 即“算法取中”。',
  'hint.rules.dispatch.bundleMax': '留空表示 4 单（不超过同时携带上限）；骑手紧缺时才合并派单。',
  'hint.rules.deadline.protectionMin': '每段写“距离上限 公里, 最少 分钟”，段之间用分号隔开，例如 3, 30; 5, 40。',
  'hint.rules.pay.peakHours': '享受高峰补贴的整点，用逗号隔开，例如 11, 12, 17, 18。',
  'hint.rules.pay.dailyTiers': '每档写“单量, 奖励 元”，档之间用分号隔开，例如 20, 30; 30, 60。',
  'hint.rules.penalties.lateTiers':
    '每档写“超时分钟, 扣配送费的比例”，分钟从小到大，例如 0, 0.4; 6, 0.5; 12, 0.6; 18, 0.7。留空表示不按比例扣。',
  'hint.rules.compensation.tiers': '每档写“超时分钟, 赔付 元”，分钟从小到大，例如 10, 4; 20, 6; 30, 13。',
  'hint.rules.pay.guarantee': '填每小时保底金额，再选按在线时长还是按接单时长计；金额留空表示没有保底。',
  'hint.population.couriers':
    '只改骑手人数，每名骑手的数字不会变：“每天订单数”留空时，订单随骑手人数按比例增减（每名骑手每天订单数不变）。要看骑手紧缺或过剩，请同时填写“每天订单数”或改“每名骑手每天订单数”。',
  'hint.rules.heat.maxOnlineHoursHeat37': '留空表示不限制。',
  'hint.seed': '相同的种子得到完全相同的结果；各方案使用相同的种子。',
};

/** English. */
const OWN_EN: OwnMessages = {
  'group.meta': 'About',
  'group.time': 'Time',
  'group.city': 'City',
  'group.demand': 'Demand',
  'group.weather': 'Weather and holidays',
  'group.population': 'Couriers',
  'group.behaviour': 'Behaviour',
  'group.rules': 'Rules (the base rules of every arm)',
  'group.standards': 'Labour standards',
  'group.risk': 'Risk',
  'group.compliance': 'Compliance thresholds',
  'group.run': 'Run settings',
  'section.rules.dispatch': 'Dispatch',
  'section.rules.deadline': 'Deadline',
  'section.rules.assessment': 'Assessment',
  'section.rules.pay': 'Pay',
  'section.rules.penalties': 'Penalties',
  'section.rules.platform': 'Platform',
  'section.rules.compensation': 'Compensation for late orders',
  'section.rules.heat': 'Heat measures',
  'weather.clear': 'clear',
  'weather.rain': 'rain',
  'weather.heavyRain': 'heavy rain',
  'weather.snow': 'snow',
  'weather.heat35': 'heat 35°',
  'weather.heat37': 'heat 37°',
  'weather.heat40': 'heat 40°',
  'unit.perDay': 'per day',
  'unit.cny': 'CNY',
  'unit.cnyPerOrder': 'CNY/order',
  'unit.cnyPerKm': 'CNY/km',
  'unit.cnyPerHour': 'CNY/h',
  'unit.cnyPerDay': 'CNY/day',
  'unit.cnyPerMonth': 'CNY/month',
  'unit.cnyPerMin': 'CNY/min',
  'unit.km': 'km',
  'unit.kmh': 'km/h',
  'unit.min': 'min',
  'unit.sec': 's',
  'unit.hours': 'h',
  'unit.hourOfDay': 'o’clock (0–24)',
  'unit.days': 'days',
  'unit.dayIndex': 'day number (from 0)',
  'unit.share': 'share (0–1)',
  'unit.probability': 'probability (0–1)',
  'unit.percentile': '0–100',
  'unit.factor': '×',
  'unit.couriers': 'couriers',
  'unit.restaurants': 'restaurants',
  'unit.orders': 'orders',
  'unit.ordersPerDay': 'orders/day',
  'unit.ordersPerCourierDay': 'orders/courier-day',
  'unit.signalsPerKm': 'signals/km',
  'unit.secPerCny': 's/CNY',
  'unit.perHour': '/h',
  'unit.crashesPerMillionKm': 'crashes/million km',
  'unit.replications': 'runs',
  'unit.weights': 'relative weights',
  'hint.meta.sources': 'Sources are listed in the scenario file; shown here, not edited.',
  'hint.meta.calibration':
    'Written by `fairpace calibrate --fit`: which parameters were fitted to which observed figures, and how closely. Shown here, not edited.',
  'hint.city.hotspots': 'Each hotspot as “x, y, weight, spread” (km); hotspots separated by semicolons.',
  'hint.demand.ordersPerDay': 'Empty: couriers × orders per courier-day.',
  'hint.demand.hourlyProfile': '24 numbers separated by commas: relative orders at 0:00 … 23:00.',
  'hint.weather':
    'One per day, separated by commas: clear, rain, heavyRain, snow, heat35, heat37, heat40 (missing days are clear).',
  'hint.holidays': 'Day numbers (from 0) of the holidays, separated by commas.',
  'hint.rules.deadline.percentile':
    'The deadline is set at this percentile of how long past deliveries of the same distance and hour took; lower is stricter: 10 is the strictest algorithm, 50 algorithm-median.',
  'hint.rules.dispatch.bundleMax': 'Empty: 4 orders (at most the bag); bundles form only when couriers are scarce.',
  'hint.rules.deadline.protectionMin':
    'Each band as “up to km, at least minutes”; bands separated by semicolons, e.g. 3, 30; 5, 40.',
  'hint.rules.pay.peakHours': 'Hours of day with the peak bonus, separated by commas, e.g. 11, 12, 17, 18.',
  'hint.rules.pay.dailyTiers': 'Each tier as “orders, bonus CNY”; tiers separated by semicolons, e.g. 20, 30; 30, 60.',
  'hint.rules.penalties.lateTiers':
    'Each tier as “minutes late, share of the fee”, minutes increasing, e.g. 0, 0.4; 6, 0.5; 12, 0.6; 18, 0.7. Empty: no share-of-fee fine.',
  'hint.rules.compensation.tiers':
    'Each tier as “minutes late, compensation CNY”, minutes increasing, e.g. 10, 4; 20, 6; 30, 13.',
  'hint.rules.pay.guarantee':
    'The guaranteed amount per hour, then whether it counts online or engaged hours; an empty amount means no guarantee.',
  'hint.population.couriers':
    'Changing the number of couriers alone changes nothing per courier: while “Orders per day” is empty, orders scale with the couriers (orders per courier-day stay the same). To see a shortage or a surplus of couriers, also set “Orders per day” or change “Orders per courier-day”.',
  'hint.rules.heat.maxOnlineHoursHeat37': 'Empty means no limit.',
  'hint.seed': 'The same seed gives exactly the same results; every arm uses the same seeds.',
};

/** Words of the editor's controls around the fields: the guarantee's choice, the changes list, a chosen preset. */
const CONTROLS_ZH = {
  'tuple.basis': '保底按哪种时长计',
  'editor.tupleSeparator': '，',
  'changes.pathTitle': '情景文件中的位置：{path}',
  'preset.mustRun': '已选好预设情景。另一项计算结束后，请按“运行比较”计算它的结果。',
};
const CONTROLS_EN: Record<keyof typeof CONTROLS_ZH, string> = {
  'tuple.basis': 'Hours the guarantee counts',
  'editor.tupleSeparator': ', ',
  'changes.pathTitle': 'Place in the scenario file: {path}',
  'preset.mustRun': 'Preset chosen. When the other computation is done, press “Run comparison” to compute its results.',
};

/** The editor's words in Chinese. */
export const FIELD_MESSAGES_ZH = { ...fieldMessages('zh'), ...OWN_ZH, ...CONTROLS_ZH };
/** The editor's words in English. */
export const FIELD_MESSAGES_EN = { ...fieldMessages('en'), ...OWN_EN, ...CONTROLS_EN };
