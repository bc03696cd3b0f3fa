import { describe, expect, it } from 'vitest';
import { FIELD_UNITS, HINTED_FIELDS } from '../../src/app/editor/fieldPaths.ts';
import { fieldHint } from '../../src/app/editor/labels.ts';
import { RULE_FIELDS, SCENARIO_FIELDS } from '../../src/app/editor/schemaFields.ts';
import { MESSAGES, messageKey, translator } from '../../src/app/i18n.ts';

describe('the editor fields read off the schema', () => {
  it('cover every field the unit table (and so the label dictionaries) names, and no other', () => {
    const fromSchema = new Set(SCENARIO_FIELDS.map((f) => f.labelPath));
    expect([...fromSchema].sort()).toEqual(Object.keys(FIELD_UNITS).sort());
  });

  it('include each rule once as a row of the arms table, with the same label as the base field', () => {
    const rulePaths = RULE_FIELDS.map((r) => `rules.${r.key}`);
    const baseRules = SCENARIO_FIELDS.filter((f) => f.key.startsWith('rules.')).map((f) => f.key);
    expect(rulePaths).toEqual(baseRules);
    expect(RULE_FIELDS.map((r) => r.labelPath)).toEqual(
      SCENARIO_FIELDS.filter((f) => f.key.startsWith('rules.')).map((f) => f.labelPath),
    );
  });

  it('read kinds, bounds and choices from the schema', () => {
    const byKey = new Map(SCENARIO_FIELDS.map((f) => [f.key, f]));
    expect(byKey.get('rules.deadline.percentile')).toMatchObject({ kind: 'number', min: 0, max: 100 });
    expect(byKey.get('replications')).toMatchObject({ kind: 'number', integer: true, min: 1 });
    expect(byKey.get('rules.dispatch.policy')?.options).toEqual(['rolling', 'greedy', 'nearest', 'fairShare']);
    expect(byKey.get('weather')).toMatchObject({ kind: 'enumList' });
    expect(byKey.get('demand.hourlyProfile')).toMatchObject({ kind: 'numberList' });
    expect(byKey.get('city.hotspots')).toMatchObject({
      kind: 'tupleList',
      tupleKeys: ['xKm', 'yKm', 'weight', 'spreadKm'],
    });
    expect(byKey.get('rules.pay.guarantee')).toMatchObject({ kind: 'tuple', nullable: true });
    expect(byKey.get('demand.ordersPerDay')).toMatchObject({ kind: 'number', nullable: true });
    expect(byKey.get('rules.pay.weatherBonus.rain')).toMatchObject({
      labelPath: 'rules.pay.weatherBonus',
      weather: 'rain',
    });
    expect(byKey.get('meta.sources')?.kind).toBe('readonly');
    expect(byKey.has('schemaVersion')).toBe(false);
  });

  it('have a label in both languages for every field, weather kind and choice', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const f of SCENARIO_FIELDS) {
        expect(MESSAGES[lang][`field.${f.labelPath}`], f.labelPath).toBeTruthy();
        if (f.weather) expect(MESSAGES[lang][`weather.${f.weather}`]).toBeTruthy();
        for (const option of f.options ?? []) {
          if (f.kind === 'enum') expect(messageKey(`option.${option}`), option).toBeDefined();
        }
      }
    }
  });

  it('explain every compact editor (lists, tuples, nullable numbers) with a hint', () => {
    const t = translator('zh-CN');
    const compact = SCENARIO_FIELDS.filter(
      (f) => ['numberList', 'enumList', 'tupleList', 'tuple', 'readonly'].includes(f.kind) || f.nullable,
    );
    for (const f of compact) expect(fieldHint(f, t), f.key).toBeTruthy();
    expect(HINTED_FIELDS.length).toBeGreaterThan(0);
  });

  it('have no empty message in either language', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const [key, text] of Object.entries(MESSAGES[lang])) expect(text.trim(), `${lang} ${key}`).not.toBe('');
    }
  });
});
