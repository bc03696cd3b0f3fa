// The README's library section lists every name the package exports: the compiler's list of the entry's exports,
// values and types alike, against the backticked names of the section's "Exports" item.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/lib/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every name src/lib/index.ts exports, as the compiler sees them. */
function exportedNames(): string[] {
  const entry = `${ROOT}src/lib/index.ts`;
  const program = ts.createProgram([entry], {
    allowImportingTsExtensions: true,
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
  });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(entry);
  const module = file && checker.getSymbolAtLocation(file);
  if (!module) throw new Error('the library entry did not compile to a module');
  return checker.getExportsOfModule(module).map((symbol) => symbol.name);
}

/** The backticked names of the "Exports" item of README's "As a library" section. */
function listedNames(): Set<string> {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('### As a library'), readme.indexOf('## More than one machine'));
  const item = section.slice(section.indexOf('- **Exports:**'), section.indexOf('- **Scenarios:**'));
  return new Set([...item.matchAll(/`([A-Za-z_][\w]*)`/g)].map((m) => m[1] as string));
}

describe('the README library section', () => {
  it('lists every export, values and types', () => {
    const listed = listedNames();
    const names = exportedNames();
    expect(names.length).toBeGreaterThan(60);
    expect(names.filter((name) => !listed.has(name))).toEqual([]);
    expect([...listed].filter((name) => !names.includes(name))).toEqual([]);
    for (const name of Object.keys(lib)) expect(names).toContain(name);
  });
});
