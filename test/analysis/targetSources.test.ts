import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS } from '../../src/analysis/calibrate/defaultTargets.ts';
import { targetSource } from '../../src/analysis/catalogue/targetSources.ts';

const HAN = /[\u4e00-\u9fff]/;

describe('the default targets speak Chinese in the Chinese view', () => {
  it.each(DEFAULT_TARGETS.targets.map((t) => [t.id, t.source.title] as const))(
    '%s has a Chinese source title that matches its English one',
    (id, title) => {
      const source = targetSource(id, title);
      expect(source.en).toBe(title);
      // Falls back to the English title when the file's title changed and the Chinese was not updated with it.
      expect(source.zh).not.toBe(title);
      expect(source.zh).toMatch(HAN);
    },
  );
});
