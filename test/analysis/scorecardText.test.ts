// The scorecard in words: each threshold stated with the scenario's numbers, shares as percentages, and the terse
// English values of the checks turned into both languages.
import { describe, expect, it } from 'vitest';
import { checkText, compare } from '../../src/analysis/index.ts';
import { Scenario } from '../../src/scenario/schema.ts';
import type { ComplianceCheck, Metrics } from '../../src/sim/results.ts';

const scenario = Scenario.parse({
  schemaVersion: 2,
  standards: { minHourlyWage: 19 },
  compliance: { minWageMaxShare: 0.1 },
  risk: { speedingThresholdKmh: 20 },
});
const metrics = { safety: { speedingKmShare: 0.0567, relativeCrashRisk: 1.2346 } } as Metrics;
const name = (p: string) => ({ zh: `中文${p}`, en: `en ${p}` });
const check = (c: Partial<ComplianceCheck>): ComplianceCheck => ({
  id: 'x',
  clause: '',
  metric: '',
  value: null,
  threshold: '',
  status: 'pass',
  detail: '',
  ...c,
});

describe('checkText', () => {
  it('states the minimum-wage threshold with the scenario’s wage and share, and the value in %', () => {
    const t = checkText(check({ id: 'minWage', value: 1, status: 'fail' }), scenario, metrics, name);
    expect(t.threshold.zh).toBe('每在线小时净收入低于最低工资（19 元/小时）的骑手日不超过 10%');
    expect(t.threshold.en).toBe(
      'At most 10% of courier-days earn less than the minimum wage of 19 CNY per online hour',
    );
    // A measured share keeps its decimal, as the headline card and the report print it.
    expect(t.value).toEqual({ zh: '100.0%', en: '100.0%' });
    expect(t.clause.zh).toBe('烟台通知第（五）项；唐山方案第 3 项');
  });

  it('says "no courier-day" for a limit of 0% rather than "at most 0%"', () => {
    const t = checkText(check({ id: 'workingTime', value: 0.129, status: 'fail' }), scenario, metrics, name);
    expect(scenario.compliance.legalLimitMaxShare).toBe(0);
    expect(t.threshold.zh).toMatch(/^没有骑手日在线超过法定上限 \d+ 小时/);
    expect(t.threshold.zh).not.toContain('不超过 0%');
    expect(t.threshold.en).toMatch(/^No courier-day is online longer than the legal limit/);
    expect(t.value.en).toBe('12.9%');
  });

  it('reads the safety values from the arm’s metrics and names the scenario’s speed limit', () => {
    const t = checkText(check({ id: 'safetyIndicators', value: '0.0567, 1.235' }), scenario, metrics, name);
    expect(t.threshold.zh).toContain('高于每小时 20 公里');
    expect(t.value.zh).toBe('超速里程 5.7%，相对事故风险 1.235 倍');
  });

  it('turns the checks’ English values into both languages', () => {
    const weather = checkText(
      check({ id: 'extremeWeatherPay', value: 'heavyRain, holiday', status: 'fail' }),
      scenario,
      metrics,
      name,
    );
    expect(weather.value).toEqual({
      zh: '未加价：暴雨、法定节假日',
      en: 'no premium on: heavy rain, statutory holidays',
    });
    const heat = checkText(check({ id: 'heatRules', value: '3; 6.7 h', status: 'fail' }), scenario, metrics, name);
    expect(heat.value.zh).toBe('40 ℃ 以上在线的骑手日：3；37 ℃ 以上最长在线 6.7 小时');
    const rules = checkText(
      check({ id: 'negotiatedRules', value: 'deadline.percentile, pay.base', status: 'info' }),
      scenario,
      metrics,
      name,
    );
    expect(rules.value).toEqual({
      zh: '中文deadline.percentile、中文pay.base',
      en: 'en deadline.percentile, en pay.base',
    });
    expect(checkText(check({ id: 'multiPlatform', value: 'allowed' }), scenario, metrics, name).value.zh).toBe('允许');
  });

  it('has Chinese for every check a real comparison makes', async () => {
    const tiny = Scenario.parse({ schemaVersion: 2, population: { couriers: 4 }, replications: 1 });
    const comparison = await compare(tiny);
    for (const arm of comparison.arms) {
      for (const c of arm.compliance) {
        const t = checkText(c, tiny, arm.metrics, () => ({ zh: '规则', en: 'rule' }));
        for (const text of [t.name.zh, t.clause.zh, t.threshold.zh]) expect(text, c.id).toMatch(/\p{Script=Han}/u);
        expect(`${t.value.zh}${t.detail.zh}`, c.id).not.toMatch(/[A-Za-z]{3,}/);
      }
    }
  });
});
