/**
 * The headline metrics of a pack, in the metric catalogue's order, with the plain-language sentence the report states
 * about each. Labels, units and decimals come from the catalogue; only the sentences are the report's own. Templates
 * take {arm} and {value}, plus the scenario's standards ({wage}, {limit}, …).
 */
import { HEADLINE_PATHS, metricLabels, metricUnit, type LabelContext } from '../analysis/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Bi } from './report/bilingual.ts';

/** One headline metric as the report shows it. */
export interface HeadlineMetric {
  /** Catalogue path, as in results.json `differences`. */
  path: string;
  /** A share is shown in % and its differences in percentage points. */
  kind: 'share' | 'number';
  digits: number;
  /** Unit after a number, with its leading space (empty for shares and unitless numbers). */
  unit: Bi;
  /** The sentence for the first arm, with {arm} and {value}. */
  first: Bi;
  /** The clause for each further arm. */
  next: Bi;
  /** Shown as a panel of the headline chart. */
  chart: boolean;
  /** A reference value drawn in the chart (in the metric's unit). */
  reference?: number;
}

/** The report's sentences, by headline path (a test holds that every headline path has one). */
interface Sentence {
  path: string;
  first: Bi;
  chart: boolean;
  reference?: number;
}

const NEXT = { zh: '在{arm}下为 {value}', en: 'under {arm}, {value}' };

const SENTENCES: readonly Sentence[] = [
  {
    path: 'earnings.shareBelowMinWage',
    first: {
      zh: '在{arm}下，{value}的骑手日每在线小时净收入低于最低小时工资 {wage} 元',
      en: 'under {arm}, {value} of courier-days earn less than the minimum wage of {wage} CNY per online hour (net)',
    },
    chart: true,
  },
  {
    path: 'earnings.netPerOnlineHour.mean',
    first: {
      zh: '在{arm}下，骑手每在线小时的平均净收入为 {value}',
      en: 'under {arm}, couriers earn {value} net per online hour on average',
    },
    chart: true,
  },
  {
    path: 'workload.onlineHours.mean',
    first: { zh: '在{arm}下，骑手平均每天在线 {value}', en: 'under {arm}, the mean courier-day is {value} online' },
    chart: true,
  },
  {
    path: 'workload.shareOverLegalLimit',
    first: {
      zh: '在{arm}下，{value}的骑手日在线时间超过法定上限 {limit} 小时（标准工作日 {day} 小时加每日最多 {overtime} 小时加班）',
      en: 'under {arm}, {value} of courier-days are online longer than the legal limit of {limit} h ({day} h standard day plus at most {overtime} h overtime)',
    },
    chart: false,
  },
  {
    path: 'safety.relativeCrashRisk',
    first: {
      zh: '在{arm}下，相对事故风险为 {value}（1 表示以舒适速度骑行、不闯红灯、不疲劳时的风险）',
      en: 'under {arm}, the relative crash risk is {value} (1 is the risk at comfort speed, with no red lights run and no fatigue)',
    },
    chart: true,
    reference: 1,
  },
  {
    path: 'safety.speedingKmShare',
    first: {
      zh: '在{arm}下，{value}的骑行里程速度超过每小时 {speed} 公里',
      en: 'under {arm}, {value} of the kilometres ridden are faster than {speed} km/h',
    },
    chart: true,
  },
  {
    path: 'safety.redLightRunsPerCourierDay',
    first: {
      zh: '在{arm}下，骑手平均每天闯红灯 {value}',
      en: 'under {arm}, a courier runs red lights {value} a day on average',
    },
    chart: false,
  },
  {
    path: 'service.onTimeRate',
    first: {
      zh: '在{arm}下，{value}的已送达订单按承诺时间送达',
      en: 'under {arm}, {value} of delivered orders arrive within the promised time',
    },
    chart: true,
  },
  {
    path: 'service.clickToDoorMin.mean',
    first: {
      zh: '在{arm}下，顾客从下单到收到餐平均等 {value}',
      en: 'under {arm}, customers wait {value} from order to delivery on average',
    },
    chart: false,
  },
  {
    path: 'service.promisedMin.mean',
    first: {
      zh: '在{arm}下，平台承诺的配送时长平均为 {value}',
      en: 'under {arm}, the platform promises delivery in {value} on average',
    },
    chart: false,
  },
  {
    path: 'platform.margin',
    first: {
      zh: '在{arm}下，平台的配送利润为 {value}',
      en: 'under {arm}, the platform’s delivery margin is {value}',
    },
    chart: false,
  },
];

/** A unit's text after a number in the report: after a space, except "%" and none. */
function unitAfter(path: string): Bi {
  const u = metricUnit(path);
  if (u.scale === 100) return { zh: '', en: '' };
  const after = (text: string) => (text === '' ? '' : ` ${text}`);
  return { zh: after(u.text.zh), en: after(u.text.en) };
}

/** The headline metrics in the catalogue's order, each with the report's sentence. */
export const HEADLINE_METRICS: readonly HeadlineMetric[] = HEADLINE_PATHS.map((path) => {
  const sentence = SENTENCES.find((s) => s.path === path);
  if (!sentence) throw new Error(`the report has no sentence for the headline metric ${path}`);
  const u = metricUnit(path);
  return {
    path,
    kind: u.scale === 100 ? 'share' : 'number',
    digits: u.digits,
    unit: unitAfter(path),
    first: sentence.first,
    next: NEXT,
    chart: sentence.chart,
    ...(sentence.reference === undefined ? {} : { reference: sentence.reference }),
  };
});

/** A headline metric's short title (table rows, chart panels), with the scenario's thresholds. */
export function headlineTitle(path: string, context: Partial<LabelContext>): Bi {
  return metricLabels(path, context);
}

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
