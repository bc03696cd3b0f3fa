// The model fingerprint: computed from the files under src/sim and the scenario defaults, the same in the CLI, the
// test build and the browser build (the e2e tests compare the last two); these tests check how it reacts to changes,
// never a fixed value, because the model changes often.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { computeModelDigest, defaultScenario, readModelSources, REPO_ROOT } from '../../src/cli/modelSource.ts';
import { modelDigestOf, normalisedSource } from '../../src/evidence/modelDigest.ts';
import { MODEL_DIGEST } from '../../src/version.ts';

let root = '';
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = '';
});

/** A copy of this repository's src/sim in a new temporary root. */
function copyOfModel(): string {
  root = mkdtempSync(join(tmpdir(), 'fairpace-model-'));
  cpSync(join(REPO_ROOT, 'src', 'sim'), join(root, 'src', 'sim'), { recursive: true });
  return root;
}

describe('the model fingerprint', () => {
  it('is what the test build was given, and the same for a copy of the model elsewhere', () => {
    expect(MODEL_DIGEST).toMatch(/^[0-9a-f]{64}$/);
    expect(computeModelDigest()).toBe(MODEL_DIGEST);
    expect(computeModelDigest(copyOfModel())).toBe(MODEL_DIGEST);
  });

  it('changes when one file under src/sim changes, or a file is added, but not for a hidden file', () => {
    const dir = copyOfModel();
    const engine = join(dir, 'src', 'sim', 'engine.ts');
    const before = computeModelDigest(dir);
    appendFileSync(engine, '// a comment\n');
    const edited = computeModelDigest(dir);
    expect(edited).not.toBe(before);
    writeFileSync(join(dir, 'src', 'sim', '.engine.ts.swp'), 'editor state');
    expect(computeModelDigest(dir)).toBe(edited);
    writeFileSync(join(dir, 'src', 'sim', 'extra.ts'), 'export const x = 1;\n');
    expect(computeModelDigest(dir)).not.toBe(edited);
  });

  it('does not depend on line ends or a byte-order mark (a checkout on Windows gives the same fingerprint)', () => {
    const dir = copyOfModel();
    const sources = readModelSources(join(dir, 'src', 'sim'));
    expect(sources.length).toBeGreaterThan(5);
    for (const { path, text } of sources) {
      writeFileSync(join(dir, 'src', 'sim', path), `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    }
    expect(readFileSync(join(dir, 'src', 'sim', 'engine.ts'), 'utf8')).toContain('\r\n');
    expect(computeModelDigest(dir)).toBe(MODEL_DIGEST);
    expect(normalisedSource('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  it('covers the scenario defaults, the paths and the text of each file, in any order', () => {
    const sources = [
      { path: 'a.ts', text: 'export const a = 1;\n' },
      { path: 'dispatch/b.ts', text: 'export const b = 2;\n' },
    ];
    const defaults = defaultScenario();
    const digest = modelDigestOf(sources, defaults);
    expect(modelDigestOf([...sources].reverse(), defaults)).toBe(digest);
    const other = {
      ...defaults,
      rules: { ...defaults.rules, pay: { ...defaults.rules.pay, base: defaults.rules.pay.base + 1 } },
    };
    expect(modelDigestOf(sources, other)).not.toBe(digest);
    expect(modelDigestOf([{ ...sources[0]!, path: 'c.ts' }, sources[1]!], defaults)).not.toBe(digest);
    expect(modelDigestOf([{ ...sources[0]!, text: 'export const a = 2;\n' }, sources[1]!], defaults)).not.toBe(digest);
    expect(() => modelDigestOf([sources[0]!, sources[0]!], defaults)).toThrow(/a\.ts is given twice/);
  });
});
