/** The parameter catalogue's entries (see ../catalogue.ts) for labour standards, risk and the scorecard. */
import type { FieldPath } from '../fieldPath.ts';
import type { FactsOf } from './facts.ts';

/** Facts of labour standards, the risk model and the scorecard's thresholds. */
export const STANDARD_FACTS = {
  'standards.minHourlyWage': {
    name: { zh: '最低小时工资', en: 'Minimum hourly wage' },
    unit: 'cnyPerHour',
    status: { kind: 'sourced', source: 'Yantai minimum wage from 1 Oct 2021' },
  },
  'standards.minMonthlyWage': {
    name: { zh: '最低月工资', en: 'Minimum monthly wage' },
    unit: 'cnyPerMonth',
    status: { kind: 'sourced', source: 'Yantai minimum wage from 1 Oct 2021' },
  },
  'standards.standardDailyHours': {
    name: { zh: '标准日工时', en: 'Standard working day' },
    unit: 'hours',
    status: { kind: 'sourced', source: 'Labour Law arts. 36, 41; State Council Regulation on Working Hours art. 3' },
  },
  'standards.maxDailyOvertime': {
    name: { zh: '每日加班上限', en: 'Overtime per day, at most' },
    unit: 'hours',
    status: { kind: 'sourced', source: 'Labour Law arts. 36, 41; State Council Regulation on Working Hours art. 3' },
  },
  'standards.maxMonthlyOvertime': {
    name: { zh: '每月加班上限', en: 'Overtime per month, at most' },
    unit: 'hours',
    status: { kind: 'sourced', source: 'Labour Law arts. 36, 41; State Council Regulation on Working Hours art. 3' },
  },
  'standards.standardWeeklyHours': {
    name: { zh: '标准周工时', en: 'Standard working week' },
    unit: 'hours',
    status: { kind: 'sourced', source: 'Labour Law arts. 36, 41; State Council Regulation on Working Hours art. 3' },
  },
  'standards.fullTimeMinHours': {
    name: { zh: '全职的最低在线时长', en: 'Full-time from online hours' },
    unit: 'hours',
    status: { kind: 'setting', note: 'the group most surveys describe' },
  },
  'risk.baseInjuryCrashesPerMillionKm': {
    name: { zh: '基础受伤事故率（未校准）', en: 'Base injury crash rate (uncalibrated)' },
    unit: 'crashesPerMillionKm',
    status: { kind: 'assumption', note: 'uncalibrated: absolute crash counts are for comparison only' },
  },
  'risk.referenceSpeedKmh': {
    name: { zh: '参考车速', en: 'Reference speed' },
    unit: 'kmh',
    status: { kind: 'sourced', source: 'Road Traffic Safety Law art. 58 (15 km/h)' },
  },
  'risk.speedExponent': {
    name: { zh: '车速指数（幂模型）', en: 'Speed exponent (power model)' },
    unit: null,
    status: { kind: 'sourced', source: 'Nilsson’s power model (Cameron & Elvik 2010)' },
  },
  'risk.redLightOddsRatio': {
    name: { zh: '闯红灯的比值比', en: 'Odds ratio of running red lights' },
    unit: null,
    status: { kind: 'sourced', source: 'Wang et al. (2021), Traffic Injury Prevention' },
  },
  'risk.fatiguePerHour': {
    name: { zh: '疲劳：每多一小时风险增加', en: 'Fatigue: added risk per hour' },
    unit: 'perHour',
    status: { kind: 'assumption', range: { low: 0.5, high: 2, basis: '×0.5 to ×2 (poorly known)', order: 6 } },
  },
  'risk.fatigueAfterHours': {
    name: { zh: '疲劳从第几小时算起', en: 'Fatigue counts after' },
    unit: 'hours',
    status: { kind: 'assumption' },
  },
  'risk.speedingThresholdKmh': {
    name: { zh: '超速界限', en: 'Speeding above' },
    unit: 'kmh',
    status: { kind: 'sourced', source: 'GB 17761-2018: e-bike design speed at most 25 km/h' },
  },
  'risk.weatherFactor': {
    name: { zh: '天气对事故风险的影响', en: 'Weather effect on crash risk' },
    unit: 'factor',
    status: { kind: 'assumption' },
  },
  'compliance.minWageMaxShare': {
    name: { zh: '低于最低工资的骑手日占比上限', en: 'Courier-days below minimum wage, at most' },
    unit: 'share',
    status: { kind: 'setting' },
  },
  'compliance.legalLimitMaxShare': {
    name: { zh: '超过法定工时的骑手日占比上限', en: 'Courier-days over the legal hours, at most' },
    unit: 'share',
    status: { kind: 'setting' },
  },
  'compliance.strictestMinPercentile': {
    name: { zh: '考核所用时限百分位下限', en: 'Deadline percentile in assessment, at least' },
    unit: 'percentile',
    status: { kind: 'setting' },
  },
  'compliance.speedingKmMaxShare': {
    name: { zh: '超速里程占比上限', en: 'Speeding share of km, at most' },
    unit: 'share',
    status: { kind: 'setting' },
  },
  'compliance.relativeCrashRiskMax': {
    name: { zh: '相对事故风险上限', en: 'Relative crash risk, at most' },
    unit: 'factor',
    status: { kind: 'setting' },
  },
  'compliance.heat37MaxHours': {
    name: { zh: '37° 高温在线时长上限', en: 'Online hours on 37° days, at most' },
    unit: 'hours',
    status: { kind: 'setting' },
  },
} as const satisfies {
  [P in Extract<FieldPath, `standards.${string}` | `risk.${string}` | `compliance.${string}`>]: FactsOf<P>;
};
