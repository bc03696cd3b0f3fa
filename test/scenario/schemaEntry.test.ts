// The schema's sections (src/scenario/schema/) are read through their entry, src/scenario/schema.ts, which attaches
// the parameter catalogue's facts to their nodes. Only the field paths' types read the sections directly, so the
// catalogue can be typed from the schema without an import circle; a value imported past the entry could be a node
// whose facts nothing has attached yet.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FACTS_KEYWORD } from '../../src/scenario/catalogue.ts';
import { Rules } from '../../src/scenario/schema.ts';
import { PayRules } from '../../src/scenario/schema/payRules.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every .ts, .tsx and .mjs file under `dir`, relative to the repository's root. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return /\.(tsx?|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** The import lines (up to the specifier) of a source text that name a file of src/scenario/schema/. */
function sectionImports(text: string): string[] {
  return [...text.matchAll(/^(?:import|export)\b[^;]*?from '[^']*schema\/[A-Za-z]+\.ts';/gm)].map((m) => m[0]);
}

describe('the scenario schema entry', () => {
  it('is the only way to the sections, apart from type-only imports of the field paths', () => {
    const typeOnly = new Set(['src/scenario/fieldPath.ts', 'src/scenario/catalogue/facts.ts']);
    const found: string[] = [];
    for (const file of ['src', 'test', 'scripts', 'bench'].flatMap(filesUnder)) {
      const path = relative(ROOT, join(ROOT, file)).split('\\').join('/');
      if (path.startsWith('src/scenario/schema/') || path === 'src/scenario/schema.ts') continue;
      if (path === 'test/scenario/schemaEntry.test.ts') continue;
      for (const line of sectionImports(readFileSync(join(ROOT, file), 'utf8'))) {
        if (!(typeOnly.has(path) && line.startsWith('import type '))) found.push(`${path}: ${line}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('attaches the facts to the sections’ own nodes', () => {
    expect(Rules.shape.pay).toBe(PayRules);
    expect(PayRules.unwrap().shape.base.meta()?.[FACTS_KEYWORD]).toBeDefined();
  });
});
