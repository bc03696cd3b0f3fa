// No import circles under src/: every relative import of every .ts/.tsx file, type-only ones included, is an edge,
// and each strongly connected component of more than one file (or a file importing itself) is a circle.
//
// Type-only imports count. They vanish from the JavaScript, but a circle through them still means neither file can be
// read, changed or moved without the other: the 13-file circle issue 19 named in src/cli closed through
// `import type { Command } from './args.ts'` in the commands that args.ts's table imported.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');

/**
 * Circles known and owned elsewhere, each the set of files (relative to src/) it may span: a circle passes only if
 * all its files are in one entry, so a circle that grows or a new one fails. Remove an entry once its circle is gone.
 */
const KNOWN_CIRCLES: readonly (readonly string[])[] = [];

/** Every .ts and .tsx file under `dir`, as absolute paths. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The module specifiers a source text imports or re-exports: statically, through `import()`, or in `import('x').T`. */
function specifiersOf(text: string, tsx = false): string[] {
  const kind = tsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(tsx ? 'file.tsx' : 'file.ts', text, ts.ScriptTarget.ES2022, false, kind);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) found.push(arg.text);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) found.push(arg.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The import graph of src/: each file (relative to src/) to the files under src/ it imports. */
function importGraph(): Map<string, string[]> {
  const files = sourceFiles(SRC);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const path of files) {
    const targets = specifiersOf(readFileSync(path, 'utf8'), path.endsWith('.tsx'))
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolve(dirname(path), spec))
      .map((target) => [target, `${target}.ts`, `${target}.tsx`, join(target, 'index.ts')].find((p) => known.has(p)))
      .filter((target): target is string => target !== undefined);
    graph.set(
      relative(SRC, path),
      [...new Set(targets)].map((target) => relative(SRC, target)),
    );
  }
  return graph;
}

/** The strongly connected components of a graph that are circles (Tarjan's algorithm, iterative). */
function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let next = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; edge: number };
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++] as string;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(to) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1 || edges.includes(frame.node)) found.push(component.sort());
    }
  }
  return found.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

describe('imports under src/', () => {
  const graph = importGraph();

  it('reads every kind of import, type-only ones included', () => {
    const text = [
      "import type { A } from './a.ts';",
      "import { type B } from './b.ts';",
      "export * from './c.ts';",
      "export type { D } from './d.ts';",
      "const e = await import('./e.ts');",
      "let f: import('./f.ts').F;",
      "import 'zod';",
    ].join('\n');
    expect(specifiersOf(text)).toEqual(['./a.ts', './b.ts', './c.ts', './d.ts', './e.ts', './f.ts', 'zod']);
  });

  it('reads the whole tree', () => {
    expect(graph.size).toBeGreaterThan(300);
    // commandTable.ts imports CommandSpec with `import type` only: the edge is there all the same.
    expect(graph.get('cli/commandTable.ts')).toContain('cli/commandSpec.ts');
  });

  it('finds a circle when there is one', () => {
    const graphWithCircle = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(circles(graphWithCircle)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  it('has no import circle outside the known ones', () => {
    const unknown = circles(graph).filter(
      (circle) => !KNOWN_CIRCLES.some((known) => circle.every((file) => known.includes(file))),
    );
    const named = unknown.map((circle) => `circle of ${circle.length}: ${circle.join(' → ')}`);
    expect(named).toEqual([]);
  });
});
