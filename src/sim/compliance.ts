/** The compliance scorecard of MODEL.md section 11: each check names its clause, metric, threshold and status. */
import type { Rules, Scenario, Weather } from '../scenario/schema.ts';
import type { CheckStatus, ComplianceCheck, HeatExposure, Metrics } from './results.ts';

const EXTREME_WEATHER: readonly Weather[] = ['heavyRain', 'snow', 'heat37', 'heat40'];

const status = (ok: boolean): CheckStatus => (ok ? 'pass' : 'fail');

/** Rule paths where `rules` differ from `base` (the object of negotiation), e.g. `deadline.percentile`. */
export function differingRulePaths(base: unknown, rules: unknown, prefix = ''): string[] {
  if (base !== null && rules !== null && typeof base === 'object' && typeof rules === 'object') {
    if (!Array.isArray(base) && !Array.isArray(rules)) {
      const keys = [...new Set([...Object.keys(base), ...Object.keys(rules)])].sort();
      return keys.flatMap((k) =>
        differingRulePaths(
          (base as Record<string, unknown>)[k],
          (rules as Record<string, unknown>)[k],
          prefix ? `${prefix}.${k}` : k,
        ),
      );
    }
  }
  return JSON.stringify(base) === JSON.stringify(rules) ? [] : [prefix];
}

/** Evaluates every check of the scorecard for one arm's rules and metrics. */
export function computeCompliance(
  scenario: Scenario,
  rules: Rules,
  metrics: Metrics,
  heat: HeatExposure,
): ComplianceCheck[] {
  const t = scenario.compliance;
  const checks: ComplianceCheck[] = [];

  const below = metrics.earnings.shareBelowMinWage;
  checks.push({
    id: 'minWage',
    clause: 'Yantai (五); Tangshan 3',
    metric: 'earnings.shareBelowMinWage',
    value: below,
    threshold: `≤ ${t.minWageMaxShare}`,
    status: status(below <= t.minWageMaxShare),
    detail: `minimum hourly wage ${scenario.standards.minHourlyWage} CNY`,
  });

  const overLimit = metrics.workload.shareOverLegalLimit;
  checks.push({
    id: 'workingTime',
    clause: 'Yantai (六); Tangshan 4',
    metric: 'workload.shareOverLegalLimit',
    value: overLimit,
    threshold: `≤ ${t.legalLimitMaxShare}`,
    status: status(overLimit <= t.legalLimitMaxShare),
    detail: `limit ${scenario.standards.standardDailyHours + scenario.standards.maxDailyOvertime} online hours a day`,
  });

  const p = rules.penalties;
  const drivesAssessment =
    rules.assessment.rankByOnTime ||
    p.lateFine > 0 ||
    p.perMinuteLate > 0 ||
    p.severeLateFine > 0 ||
    (p.complaintFine > 0 && scenario.behaviour.complaintProbLate > 0);
  checks.push({
    id: 'strictestAlgorithm',
    clause: 'Tangshan 8 (不得将最严算法作为考核标准)',
    metric: 'rules.deadline.percentile',
    value: rules.deadline.percentile,
    threshold: `≥ ${t.strictestMinPercentile}`,
    status: drivesAssessment ? status(rules.deadline.percentile >= t.strictestMinPercentile) : 'notApplicable',
    detail: drivesAssessment
      ? 'the deadline drives assessment or penalties'
      : 'the deadline drives neither assessment nor penalties',
  });

  const speeding = metrics.safety.speedingKmShare;
  const risk = metrics.safety.relativeCrashRisk;
  checks.push({
    id: 'safetyIndicators',
    clause: 'Yantai (七); Tangshan 5',
    metric: 'safety.speedingKmShare, safety.relativeCrashRisk',
    value: `${round(speeding, 4)}, ${round(risk, 3)}`,
    threshold: `≤ ${t.speedingKmMaxShare} and ≤ ${t.relativeCrashRiskMax}`,
    status: status(speeding <= t.speedingKmMaxShare && risk <= t.relativeCrashRiskMax),
    detail: '',
  });

  const extremeDays = scenario.weather
    .slice(0, scenario.time.days)
    .map((w, day) => ({ w, day }))
    .filter(({ w }) => EXTREME_WEATHER.includes(w));
  const holidays = scenario.holidays.filter((d) => d < scenario.time.days);
  const unpaid = [
    ...new Set(extremeDays.filter(({ w }) => !(rules.pay.weatherBonus[w] > 0)).map(({ w }) => w as string)),
  ];
  const holidayUnpaid = holidays.length > 0 && !(rules.pay.holidayMultiplier > 1);
  if (holidayUnpaid) unpaid.push('holiday');
  checks.push({
    id: 'extremeWeatherPay',
    clause: 'Tangshan 4',
    metric: 'rules.pay.weatherBonus, rules.pay.holidayMultiplier',
    value: unpaid.length ? unpaid.join(', ') : 'all paid above normal',
    threshold: 'pay per order above normal on holidays and extreme-weather days',
    status: extremeDays.length === 0 && holidays.length === 0 ? 'notApplicable' : status(unpaid.length === 0),
    detail: unpaid.length ? `no premium on: ${unpaid.join(', ')}` : '',
  });

  const hasHeat = scenario.weather.slice(0, scenario.time.days).some((w) => w === 'heat37' || w === 'heat40');
  const heatOk = heat.heat40CourierDays === 0 && heat.heat37MaxOnlineHours <= t.heat37MaxHours;
  checks.push({
    id: 'heatRules',
    clause: '防暑降温措施管理办法 (2012)',
    metric: 'heat40 courier-days online; longest online hours on heat37 days',
    value: `${heat.heat40CourierDays}; ${round(heat.heat37MaxOnlineHours, 2)} h`,
    threshold: `0 on heat40 days; ≤ ${t.heat37MaxHours} h on heat37 days`,
    status: hasHeat ? status(heatOk) : 'notApplicable',
    detail: '',
  });

  checks.push({
    id: 'noDeposit',
    clause: 'Yantai (四); Tangshan 9',
    metric: 'rules.platform.depositCny',
    value: rules.platform.depositCny,
    threshold: '= 0',
    status: status(rules.platform.depositCny === 0),
    detail: '',
  });
  checks.push({
    id: 'multiPlatform',
    clause: 'Yantai (四); Tangshan 9',
    metric: 'rules.platform.exclusivity',
    value: rules.platform.exclusivity ? 'exclusive' : 'allowed',
    threshold: 'multi-platform work not barred',
    status: status(!rules.platform.exclusivity),
    detail: '',
  });

  const changed = differingRulePaths(scenario.rules, rules);
  checks.push({
    id: 'negotiatedRules',
    clause: 'Yantai (九); Tangshan 8',
    metric: 'rules',
    value: changed.length ? changed.join(', ') : 'none',
    threshold: 'informational',
    status: 'info',
    detail: 'rule parameters that differ from the scenario’s base rules',
  });
  return checks;
}

function round(x: number, digits: number): number {
  let f = 1;
  for (let i = 0; i < digits; i++) f *= 10;
  return Math.round(x * f) / f;
}
