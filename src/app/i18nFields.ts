/**
 * The scenario editor's words in both languages: groups, sections and weather here; a label per field, units, choices
 * and hints from the parameter catalogue (src/scenario/catalogue.ts), which is keyed by the schema's field paths, so a
 * field without a label in either language fails the typecheck.
 */
import { HINTS, UNIT_NAMES } from '../scenario/catalogue.ts';
import { FIELD_NAMES, OPTION_NAMES, type OptionId } from '../scenario/fieldNames.ts';
import type { Rules, Weather } from '../scenario/schema.ts';
import type { FieldPath, GroupId, HintedField, UnitId } from './editor/fieldPaths.ts';

/** The sections of the rules, shown as sub-groups (every section of the schema, so a new one needs its names). */
export type RuleSection = keyof Rules;

export type { OptionId } from '../scenario/fieldNames.ts';

type OwnMessages = Record<`group.${GroupId}`, string> &
  Record<`section.rules.${RuleSection}`, string> &
  Record<`weather.${Weather}`, string>;

type CatalogueMessages = Record<
  `field.${FieldPath}` | `option.${OptionId}` | `unit.${UnitId}` | `hint.${HintedField}`,
  string
>;

/**
 * Every field's and choice's name, every unit and every input's hint in one language, as `field.<path>`,
 * `option.<value>`, `unit.<id>` and `hint.<path>` messages (written in the parameter catalogue,
 * src/scenario/catalogue.ts).
 */
function fieldMessages(lang: 'zh' | 'en'): CatalogueMessages {
  return Object.fromEntries([
    ...Object.entries(FIELD_NAMES).map(([path, name]) => [`field.${path}`, name[lang]]),
    ...Object.entries(OPTION_NAMES).map(([value, name]) => [`option.${value}`, name[lang]]),
    ...Object.entries(UNIT_NAMES).map(([unit, name]) => [`unit.${unit}`, name[lang]]),
    ...Object.entries(HINTS).map(([path, hint]) => [`hint.${path}`, hint[lang]]),
  ]) as CatalogueMessages;
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
