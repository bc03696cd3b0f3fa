import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allInputs,
  changesFrom,
  draftOf,
  editorReducer,
  problemsByInput,
  textsOf,
  type EditorState,
} from '../../src/app/editor/draft.ts';
import { formatValue, parseText } from '../../src/app/editor/fieldText.ts';
import { SCENARIO_FIELDS, type FieldSpec } from '../../src/app/editor/schemaFields.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import { presetFileNames } from '../scenario/presetFiles.ts';
import { preset } from './fixtures.ts';

const spec = (key: string): FieldSpec => {
  const found = SCENARIO_FIELDS.find((f) => f.key === key);
  if (!found) throw new Error(key);
  return found;
};

/** The draft of `texts` over `base`, validated. */
function validated(base: ReturnType<typeof preset>, texts: Record<string, string>) {
  return validateScenario(draftOf(base, texts));
}

describe('editor texts and the scenario they describe', () => {
  it.each(presetFileNames().map((n) => n.replace(/\.json$/, '')))('round-trips the %s preset exactly', (name) => {
    const scenario = preset(name);
    const result = validated(scenario, textsOf(scenario));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario).toEqual(scenario);
  });

  it('writes an edited field and nothing else', () => {
    const base = preset('demo-small');
    const result = validated(base, { ...textsOf(base), 'rules.pay.base': '7.5' });
    expect(result.ok && result.scenario.rules.pay.base).toBe(7.5);
    expect(result.ok && { ...result.scenario, rules: base.rules }).toEqual(base);
  });

  it('reads an empty arm cell as inheriting and a value as the arm’s own rule', () => {
    const base = preset('demo-small');
    const texts = textsOf(base);
    expect(texts['arms[0].rules.pay.base']).toBe('');
    const result = validated(base, {
      ...texts,
      'arms[1].rules.pay.base': '9',
      'arms[0].rules.deadline.percentile': '',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.arms[1]?.rules.pay?.base).toBe(9);
    expect(result.scenario.arms[0]?.rules.deadline?.percentile).toBeUndefined();
  });

  it('sets a nullable rule to none in an arm cell with "-"', () => {
    const base = preset('demo-small');
    const result = validated(base, { ...textsOf(base), 'arms[0].rules.heat.maxOnlineHoursHeat37': '-' });
    expect(result.ok && result.scenario.arms[0]?.rules.heat).toEqual({ maxOnlineHoursHeat37: null });
  });

  it('parses the compact editors: lists, tuple lists and the guarantee', () => {
    const base = preset('demo-small');
    const result = validated(base, {
      ...textsOf(base),
      weather: 'rain, heat37',
      'rules.pay.dailyTiers': '20, 30; 30，60',
      'rules.pay.guarantee': '21, online',
      'rules.deadline.protectionMin': '',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.weather).toEqual(['rain', 'heat37']);
    expect(result.scenario.rules.pay.dailyTiers).toEqual([
      { orders: 20, bonus: 30 },
      { orders: 30, bonus: 60 },
    ]);
    expect(result.scenario.rules.pay.guarantee).toEqual({ perHour: 21, basis: 'online' });
  });

  it('puts the schema’s message on the input it belongs to, including an arm cell and a list item', () => {
    const base = preset('demo-small');
    const inputs = new Set(allInputs(base).map((s) => s.key));
    const result = validated(base, {
      ...textsOf(base),
      'arms[0].rules.deadline.percentile': '150',
      'rules.pay.base': 'six',
      'demand.hourlyProfile': '1, 2, x',
      weather: 'sunny',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { byInput, other } = problemsByInput(result.problems, inputs);
    expect(Object.keys(byInput).sort()).toEqual(
      ['arms[0].rules.deadline.percentile', 'demand.hourlyProfile', 'rules.pay.base', 'weather'].sort(),
    );
    expect(other).toEqual([]);
  });

  it('lists the changes from the preset with old and new text', () => {
    const base = preset('demo-small');
    const texts = textsOf(base);
    const changes = changesFrom(texts, { ...texts, 'rules.pay.base': '7.5', 'arms[1].rules.pay.base': '8' });
    expect(changes).toEqual([
      { key: 'rules.pay.base', from: String(base.rules.pay.base), to: '7.5' },
      { key: 'arms[1].rules.pay.base', from: '', to: '8' },
    ]);
    expect(changesFrom(texts, { ...texts, 'rules.pay.base': ` ${texts['rules.pay.base']} ` })).toEqual([]);
  });
});

describe('editorReducer', () => {
  const start: EditorState = { texts: { a: '1', b: '2' }, history: [] };

  it('undoes a whole run of keystrokes in one field at once', () => {
    let s = editorReducer(start, { type: 'edit', key: 'a', text: '15' });
    s = editorReducer(s, { type: 'edit', key: 'a', text: '150' });
    expect(s.history).toHaveLength(1);
    s = editorReducer(s, { type: 'undo' });
    expect(s).toEqual(start);
  });

  it('undoes edits of different fields one by one, and does nothing with no history', () => {
    let s = editorReducer(start, { type: 'edit', key: 'a', text: '3' });
    s = editorReducer(s, { type: 'edit', key: 'b', text: '4' });
    s = editorReducer(s, { type: 'undo' });
    expect(s.texts).toEqual({ a: '3', b: '2' });
    s = editorReducer(s, { type: 'undo' });
    expect(s.texts).toEqual(start.texts);
    expect(editorReducer(s, { type: 'undo' })).toBe(s);
  });

  it('forgets the history on reset (another preset)', () => {
    const s = editorReducer(editorReducer(start, { type: 'edit', key: 'a', text: '3' }), { type: 'reset', texts: {} });
    expect(s).toEqual({ texts: {}, history: [] });
  });
});

describe('field text codecs', () => {
  it('round-trip number lists', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })), (values) => {
        const s = spec('demand.hourlyProfile');
        expect(parseText(s, formatValue(s, values))).toEqual(values.map((v) => (Object.is(v, -0) ? 0 : v)));
      }),
    );
  });

  it('round-trip tuple lists', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ orders: fc.integer({ min: 1, max: 10_000 }), bonus: fc.integer({ min: 0, max: 1e5 }) })),
        (tiers) => {
          const s = spec('rules.pay.dailyTiers');
          expect(parseText(s, formatValue(s, tiers))).toEqual(tiers);
        },
      ),
    );
  });

  it('pass text that is not a number on as text, so the schema names the problem', () => {
    expect(parseText(spec('rules.pay.base'), ' 6 ')).toBe(6);
    expect(parseText(spec('rules.pay.base'), '6元')).toBe('6元');
    expect(parseText(spec('rules.pay.base'), '')).toBe('');
    expect(parseText(spec('demand.ordersPerDay'), '')).toBeNull();
  });
});
