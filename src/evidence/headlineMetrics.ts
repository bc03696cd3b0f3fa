/**
 * The headline metrics of a pack: how each is shown and the plain-language sentence the report states about it.
 * Templates take {arm} and {value}, plus the scenario's standards ({wage}, {limit}, …).
 */
import type { Scenario } from '../scenario/schema.ts';
import type { Bi } from './report/bilingual.ts';

/** One headline metric. */
export interface HeadlineMetric {
  /** MODEL.md section 10 path, as in results.json `differences`. */
  path: string;
  /** A share is shown in % and its differences in percentage points. */
  kind: 'share' | 'number';
  digits: number;
  /** Unit after a number (empty for shares). */
  unit: Bi;
  /** The sentence for the first arm, with {arm} and {value}. */
  first: Bi;
  /** The clause for each further arm. */
  next: Bi;
  /** Short title of the metric (table rows, chart panels). */
  title: Bi;
  /** Shown as a panel of the headline chart. */
  chart: boolean;
  /** A reference value drawn in the chart (in the metric's unit). */
  reference?: number;
}

const NEXT_SHARE = { zh: '在{arm}下为{value}', en: 'under {arm}, {value}' };
const NEXT_VALUE = { zh: '在{arm}下为{value}', en: 'under {arm}, {value}' };
const NONE = { zh: '', en: '' };

/** The headline metrics in the order a negotiator reads them: pay, hours, safety, service, platform. */
export const HEADLINE_METRICS: readonly HeadlineMetric[] = [
  {
    path: 'earnings.shareBelowMinWage',
    kind: 'share',
    digits: 1,
    unit: NONE,
    title: { zh: '收入低于最低工资的骑手日占比', en: 'Courier-days below the minimum wage' },
    first: {
      zh: '在{arm}下，{value}的骑手日每在线小时净收入低于最低小时工资{wage}元',
      en: 'under {arm}, {value} of courier-days earn less than the minimum wage of {wage} CNY per online hour (net)',
    },
    next: NEXT_SHARE,
    chart: true,
  },
  {
    path: 'earnings.netPerOnlineHour.mean',
    kind: 'number',
    digits: 2,
    unit: { zh: ' 元/小时', en: ' CNY/h' },
    title: { zh: '每在线小时净收入', en: 'Net earnings per online hour' },
    first: {
      zh: '在{arm}下，骑手每在线小时的平均净收入为{value}',
      en: 'under {arm}, couriers earn {value} net per online hour on average',
    },
    next: NEXT_VALUE,
    chart: true,
  },
  {
    path: 'workload.onlineHours.mean',
    kind: 'number',
    digits: 2,
    unit: { zh: ' 小时', en: ' h' },
    title: { zh: '每个骑手日的在线时长', en: 'Online hours per courier-day' },
    first: {
      zh: '在{arm}下，骑手平均每天在线{value}',
      en: 'under {arm}, the mean courier-day is {value} online',
    },
    next: NEXT_VALUE,
    chart: true,
  },
  {
    path: 'workload.shareOverLegalLimit',
    kind: 'share',
    digits: 1,
    unit: NONE,
    title: { zh: '在线超过法定上限的骑手日占比', en: 'Courier-days over the legal limit' },
    first: {
      zh: '在{arm}下，{value}的骑手日在线时间超过法定上限{limit}小时（标准工作日{day}小时加每日最多{overtime}小时加班）',
      en: 'under {arm}, {value} of courier-days are online longer than the legal limit of {limit} h ({day} h standard day plus at most {overtime} h overtime)',
    },
    next: NEXT_SHARE,
    chart: false,
  },
  {
    path: 'safety.relativeCrashRisk',
    kind: 'number',
    digits: 2,
    unit: NONE,
    title: { zh: '相对事故风险', en: 'Relative crash risk' },
    first: {
      zh: '在{arm}下，相对事故风险为{value}（1.00 表示以舒适速度骑行、不闯红灯、不疲劳时的风险）',
      en: 'under {arm}, the relative crash risk is {value} (1.00 is the risk at comfort speed, with no red lights run and no fatigue)',
    },
    next: NEXT_VALUE,
    chart: true,
    reference: 1,
  },
  {
    path: 'safety.speedingKmShare',
    kind: 'share',
    digits: 1,
    unit: NONE,
    title: { zh: '超速里程占比', en: 'Share of km above the speed limit' },
    first: {
      zh: '在{arm}下，{value}的骑行里程速度超过{speed} km/h',
      en: 'under {arm}, {value} of the kilometres ridden are faster than {speed} km/h',
    },
    next: NEXT_SHARE,
    chart: true,
  },
  {
    path: 'safety.redLightRunsPerCourierDay',
    kind: 'number',
    digits: 1,
    unit: { zh: ' 次', en: '' },
    title: { zh: '每个骑手日闯红灯次数', en: 'Red lights run per courier-day' },
    first: {
      zh: '在{arm}下，骑手平均每天闯红灯{value}',
      en: 'under {arm}, a courier runs {value} red lights a day on average',
    },
    next: NEXT_VALUE,
    chart: false,
  },
  {
    path: 'service.onTimeRate',
    kind: 'share',
    digits: 1,
    unit: NONE,
    title: { zh: '准时送达率', en: 'On-time rate' },
    first: {
      zh: '在{arm}下，{value}的已送达订单按承诺时间送达',
      en: 'under {arm}, {value} of delivered orders arrive within the promised time',
    },
    next: NEXT_SHARE,
    chart: true,
  },
  {
    path: 'service.promisedMin.mean',
    kind: 'number',
    digits: 1,
    unit: { zh: ' 分钟', en: ' min' },
    title: { zh: '平均承诺配送时长', en: 'Mean promised delivery time' },
    first: {
      zh: '在{arm}下，平台承诺的配送时长平均为{value}',
      en: 'under {arm}, the platform promises delivery in {value} on average',
    },
    next: NEXT_VALUE,
    chart: false,
  },
  {
    path: 'platform.margin',
    kind: 'number',
    digits: 0,
    unit: { zh: ' 元/天', en: ' CNY a day' },
    title: { zh: '平台配送毛利', en: 'Platform delivery margin' },
    first: {
      zh: '在{arm}下，平台的配送毛利为每天{value}',
      en: 'under {arm}, the platform’s delivery margin is {value}',
    },
    next: NEXT_VALUE,
    chart: false,
  },
];

/** The scenario's values that the sentences name. */
export function sentenceValues(scenario: Scenario): Record<string, string> {
  const s = scenario.standards;
  return {
    wage: String(s.minHourlyWage),
    limit: String(s.standardDailyHours + s.maxDailyOvertime),
    day: String(s.standardDailyHours),
    overtime: String(s.maxDailyOvertime),
    speed: String(scenario.risk.speedingThresholdKmh),
  };
}
