import { describe, expect, it } from 'vitest';
import { armCount, draftOf, editorReducer, textsOf, withArmAdded, withArmRemoved } from '../../src/app/editor/draft.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import { preset } from './fixtures.ts';

describe('proposals in the editor', () => {
  const base = preset('demo-small');

  it('adds a copy of the last arm with a new unique id, and the draft stays valid', () => {
    const texts = { ...withArmAdded(textsOf(base)), 'arms[2].rules.pay.base': '8' };
    expect(armCount(texts, 0)).toBe(3);
    const draft = validateScenario(draftOf(base, texts));
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    const [, last, added] = draft.scenario.arms;
    expect(added?.id).toBe('proposal-3');
    expect(added?.label).toBe('方案 3 / Proposal 3');
    expect(added?.rules.deadline).toEqual(last?.rules.deadline);
    expect(added?.rules.pay?.base).toBe(8);
  });

  it('never makes a duplicate id, and stops at 16 arms', () => {
    let texts = textsOf(base);
    for (let i = 0; i < 20; i++) texts = withArmAdded(texts);
    expect(armCount(texts, 0)).toBe(16);
    const draft = validateScenario(draftOf(base, texts));
    expect(draft.ok).toBe(true);
    texts = withArmRemoved(texts, 2); // proposal-3 gone; the next added must not reuse proposal-16
    texts = withArmAdded(texts);
    const ids = Array.from({ length: 16 }, (_, i) => texts[`arms[${i}].id`]);
    expect(new Set(ids).size).toBe(16);
  });

  it('removes an arm, moving the later ones up, but never the only one', () => {
    let texts = withArmAdded(textsOf(base));
    texts = { ...texts, 'arms[2].label': 'mine' };
    const removed = withArmRemoved(texts, 0);
    expect(armCount(removed, 0)).toBe(2);
    expect(removed['arms[1].label']).toBe('mine');
    expect(removed['arms[2].id']).toBeUndefined();
    const one = withArmRemoved(removed, 0);
    expect(withArmRemoved(one, 0)).toBe(one);
  });

  it('a renamed label reaches the scenario, an empty one is invalid; Undo takes back an added arm', () => {
    const state = editorReducer({ texts: textsOf(base), history: [] }, { type: 'addArm' });
    const renamed = editorReducer(state, { type: 'edit', key: 'arms[2].label', text: 'Union offer' });
    const draft = validateScenario(draftOf(base, renamed.texts));
    expect(draft.ok && draft.scenario.arms[2]?.label).toBe('Union offer');
    const empty = validateScenario(draftOf(base, { ...renamed.texts, 'arms[2].label': '' }));
    expect(empty.ok).toBe(false);
    const undone = editorReducer(editorReducer(renamed, { type: 'undo' }), { type: 'undo' });
    expect(armCount(undone.texts, 0)).toBe(2);
  });
});
