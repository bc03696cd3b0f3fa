/**
 * The compliance scorecard in words, in Chinese and English: each check's name, the clause it cites, its threshold
 * explained in a sentence with the scenario's own numbers, and the arm's value as a person reads it (shares in %).
 * The checks themselves (src/sim/compliance.ts) carry terse English for the command line; the workbench and the
 * report show these texts instead.
 */
import type { Scenario, Weather } from '../scenario/schema.ts';
import type { ComplianceCheck, Metrics } from '../sim/results.ts';
import type { Bi } from './catalogue/units.ts';

/** The texts of one check for one arm. */
export interface CheckText {
  name: Bi;
  clause: Bi;
  /** What the check asks, in a sentence with the scenario's thresholds. */
  threshold: Bi;
  /** The arm's value ('' when there is none). */
  value: Bi;
  /** A note on the value (why a check does not apply, what was not paid), or '' when there is none. */
  detail: Bi;
}

const bi = (zh: string, en: string): Bi => ({ zh, en });
const none = bi('', '');

/** Names of the weather kinds and of holidays, as the scorecard lists days without a premium. */
export const WEATHER_WORDS: Readonly<Record<Weather | 'holiday', Bi>> = {
  clear: bi('晴', 'clear'),
  rain: bi('雨', 'rain'),
  heavyRain: bi('暴雨', 'heavy rain'),
  snow: bi('雪', 'snow'),
  heat35: bi('35 ℃ 高温', '35 °C heat'),
  heat37: bi('37 ℃ 高温', '37 °C heat'),
  heat40: bi('40 ℃ 高温', '40 °C heat'),
  holiday: bi('法定节假日', 'statutory holidays'),
};

const NAMES: Record<string, Bi> = {
  minWage: bi('最低工资', 'Minimum wage'),
  workingTime: bi('工作时间', 'Working time'),
  strictestAlgorithm: bi('不以最严算法作为考核标准', 'No strictest algorithm in assessment'),
  safetyIndicators: bi('交通安全指标', 'Traffic safety indicators'),
  extremeWeatherPay: bi('恶劣天气与节假日报酬', 'Extreme-weather and holiday pay'),
  heatRules: bi('高温天气作业', 'Work in heat'),
  noDeposit: bi('不收押金', 'No deposit'),
  multiPlatform: bi('允许多平台接单', 'Multi-platform work allowed'),
  negotiatedRules: bi('经协商改动的规则', 'Rules changed by negotiation'),
};

const CLAUSES: Record<string, Bi> = {
  minWage: bi('烟台通知第（五）项；唐山方案第 3 项', 'Yantai notice item (五); Tangshan plan task 3'),
  workingTime: bi('烟台通知第（六）项；唐山方案第 4 项', 'Yantai notice item (六); Tangshan plan task 4'),
  strictestAlgorithm: bi(
    '唐山方案第 8 项：不得将“最严算法”作为考核标准',
    'Tangshan plan task 8: the strictest algorithm may not be the assessment standard',
  ),
  safetyIndicators: bi('烟台通知第（七）项；唐山方案第 5 项', 'Yantai notice item (七); Tangshan plan task 5'),
  extremeWeatherPay: bi('唐山方案第 4 项', 'Tangshan plan task 4'),
  heatRules: bi('《防暑降温措施管理办法》（2012）', 'Measures on Heatstroke Prevention and Cooling (2012)'),
  noDeposit: bi('烟台通知第（四）项；唐山方案第 9 项', 'Yantai notice item (四); Tangshan plan task 9'),
  multiPlatform: bi('烟台通知第（四）项；唐山方案第 9 项', 'Yantai notice item (四); Tangshan plan task 9'),
  negotiatedRules: bi('烟台通知第（九）项；唐山方案第 8 项', 'Yantai notice item (九); Tangshan plan task 8'),
};

/** A limit on a share as a person reads it: "5%", "2.5%" (to one decimal, no more digits than it has). */
function percent(x: number): string {
  return `${Number((x * 100).toFixed(1))}%`;
}

/** A measured share to one decimal, as the cards and the report round it: "15.0%" (never "-0.0%"). */
function percentValue(x: number): string {
  const text = (x * 100).toFixed(1);
  return `${text === '-0.0' ? '0.0' : text}%`;
}

/** A plain number to at most `digits` decimals. */
const plain = (x: number, digits = 2) => String(Number(x.toFixed(digits)));

/**
 * The texts of `check` for an arm whose metrics are `metrics`. `paramName` names a rule parameter (a path inside
 * `rules`, such as `deadline.percentile`) for the list of negotiated rules.
 */
export function checkText(
  check: ComplianceCheck,
  scenario: Scenario,
  metrics: Metrics,
  paramName: (rulePath: string) => Bi,
): CheckText {
  const c = scenario.compliance;
  const s = scenario.standards;
  const name = NAMES[check.id] ?? bi(check.id, check.id);
  const clause = CLAUSES[check.id] ?? bi(check.clause, check.clause);
  const num = typeof check.value === 'number' ? check.value : Number.NaN;
  switch (check.id) {
    case 'minWage':
      return {
        name,
        clause,
        threshold:
          c.minWageMaxShare === 0
            ? bi(
                `没有骑手日每在线小时净收入低于最低工资（${s.minHourlyWage} 元/小时）`,
                `No courier-day earns less than the minimum wage of ${s.minHourlyWage} CNY per online hour`,
              )
            : bi(
                `每在线小时净收入低于最低工资（${s.minHourlyWage} 元/小时）的骑手日不超过 ${percent(c.minWageMaxShare)}`,
                `At most ${percent(c.minWageMaxShare)} of courier-days earn less than the minimum wage of ${s.minHourlyWage} CNY per online hour`,
              ),
        value: bi(percentValue(num), percentValue(num)),
        detail: none,
      };
    case 'workingTime': {
      const limit = s.standardDailyHours + s.maxDailyOvertime;
      return {
        name,
        clause,
        threshold:
          c.legalLimitMaxShare === 0
            ? bi(
                `没有骑手日在线超过法定上限 ${limit} 小时（标准工作日 ${s.standardDailyHours} 小时加最多 ${s.maxDailyOvertime} 小时加班）`,
                `No courier-day is online longer than the legal limit of ${limit} h (a ${s.standardDailyHours} h day plus at most ${s.maxDailyOvertime} h overtime)`,
              )
            : bi(
                `在线超过法定上限 ${limit} 小时（标准工作日 ${s.standardDailyHours} 小时加最多 ${s.maxDailyOvertime} 小时加班）的骑手日不超过 ${percent(c.legalLimitMaxShare)}`,
                `At most ${percent(c.legalLimitMaxShare)} of courier-days are online longer than the legal limit of ${limit} h (a ${s.standardDailyHours} h day plus at most ${s.maxDailyOvertime} h overtime)`,
              ),
        value: bi(percentValue(num), percentValue(num)),
        detail: none,
      };
    }
    case 'strictestAlgorithm': {
      const applies = check.status !== 'notApplicable';
      return {
        name,
        clause,
        threshold: bi(
          `配送时限用于考核或罚款时，不得低于过往送达用时的第 ${c.strictestMinPercentile} 百分位`,
          `When the deadline drives assessment or fines, it is set at the ${c.strictestMinPercentile}th percentile of past deliveries or above`,
        ),
        value: bi(`第 ${plain(num)} 百分位`, `${plain(num)}th percentile`),
        detail: applies
          ? bi('本方案的时限用于考核或罚款。', 'Here the deadline drives assessment or fines.')
          : bi('本方案的时限既不用于考核也不用于罚款。', 'Here the deadline drives neither assessment nor fines.'),
      };
    }
    case 'safetyIndicators': {
      const speeding = metrics.safety.speedingKmShare;
      const risk = metrics.safety.relativeCrashRisk;
      return {
        name,
        clause,
        threshold: bi(
          `超速（高于每小时 ${scenario.risk.speedingThresholdKmh} 公里）里程不超过 ${percent(c.speedingKmMaxShare)}，且相对事故风险不超过 ${c.relativeCrashRiskMax} 倍`,
          `At most ${percent(c.speedingKmMaxShare)} of km above ${scenario.risk.speedingThresholdKmh} km/h, and a relative crash risk of at most ${c.relativeCrashRiskMax}`,
        ),
        value: bi(
          `超速里程 ${percentValue(speeding)}，相对事故风险 ${plain(risk, 3)} 倍`,
          `${percentValue(speeding)} of km speeding, relative crash risk ${plain(risk, 3)}`,
        ),
        detail: none,
      };
    }
    case 'extremeWeatherPay': {
      const unpaid = String(check.value ?? '')
        .split(', ')
        .filter((w): w is Weather | 'holiday' => Object.hasOwn(WEATHER_WORDS, w));
      const list = (lang: 'zh' | 'en') => unpaid.map((w) => WEATHER_WORDS[w][lang]).join(lang === 'zh' ? '、' : ', ');
      return {
        name,
        clause,
        threshold: bi(
          '法定节假日和极端天气日的每单报酬高于平常',
          'Pay per order is above normal on statutory holidays and extreme-weather days',
        ),
        value:
          check.status === 'notApplicable'
            ? bi('本情景没有节假日和极端天气日', 'no holiday or extreme-weather day in this scenario')
            : unpaid.length === 0
              ? bi('均已加价', 'all paid above normal')
              : bi(`未加价：${list('zh')}`, `no premium on: ${list('en')}`),
        detail: none,
      };
    }
    case 'heatRules': {
      const m = /^(\d+); ([\d.]+) h$/.exec(String(check.value ?? ''));
      const days = m?.[1] ?? '–';
      const hours = m?.[2] ?? '–';
      return {
        name,
        clause,
        threshold: bi(
          `40 ℃ 以上的日子无人在线；37 ℃ 以上的日子在线不超过 ${c.heat37MaxHours} 小时`,
          `Nobody online on days of 40 °C and above; at most ${c.heat37MaxHours} h online on days of 37 °C and above`,
        ),
        value:
          check.status === 'notApplicable'
            ? bi('本情景没有 37 ℃ 以上的日子', 'no day of 37 °C or above in this scenario')
            : bi(
                `40 ℃ 以上在线的骑手日：${days}；37 ℃ 以上最长在线 ${hours} 小时`,
                `courier-days online at 40 °C and above: ${days}; longest online at 37 °C and above: ${hours} h`,
              ),
        detail: none,
      };
    }
    case 'noDeposit':
      return {
        name,
        clause,
        threshold: bi('不向骑手收取押金', 'No deposit is charged to couriers'),
        value: bi(`押金 ${plain(num)} 元`, `deposit ${plain(num)} CNY`),
        detail: none,
      };
    case 'multiPlatform': {
      const exclusive = check.value === 'exclusive';
      return {
        name,
        clause,
        threshold: bi('不禁止骑手同时为其他平台接单', 'Couriers are not barred from working for other platforms'),
        value: exclusive ? bi('禁止', 'barred') : bi('允许', 'allowed'),
        detail: none,
      };
    }
    case 'negotiatedRules': {
      const paths = check.value === 'none' || check.value === null ? [] : String(check.value).split(', ');
      const names = paths.map(paramName);
      return {
        name,
        clause,
        threshold: bi(
          '仅供参考：列出本方案与情景基准规则不同的规则参数（即协商的对象）',
          'For information: the rule parameters in which this arm differs from the scenario’s base rules (the object of negotiation)',
        ),
        value:
          names.length === 0
            ? bi('无', 'none')
            : bi(names.map((n) => n.zh).join('、'), names.map((n) => n.en).join(', ')),
        detail: none,
      };
    }
    default:
      return {
        name,
        clause,
        threshold: bi(check.threshold, check.threshold),
        value: bi(String(check.value ?? ''), String(check.value ?? '')),
        detail: bi(check.detail, check.detail),
      };
  }
}
