// No source file under src/ over 400 lines: past that a file holds more than one concept (STYLE.md aims for ~300),
// and a reader loses the thread. A file that grows past it is split along a seam of its concepts, not cut in two.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const MAX_LINES = 400;

/** Files known to be longer and owned by work under way elsewhere (relative to src/); remove each once it is split. */
const KNOWN_LONG: readonly string[] = [];

/** Every .ts and .tsx file under `dir`, with its number of lines. */
function lineCounts(dir: string): [string, number][] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): [string, number][] => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return lineCounts(path);
    if (!/\.tsx?$/.test(entry.name)) return [];
    const text = readFileSync(path, 'utf8');
    return [[relative(SRC, path), text.split('\n').length - (text.endsWith('\n') ? 1 : 0)]];
  });
}

describe('source files', () => {
  it(`are at most ${MAX_LINES} lines long, apart from the known ones`, () => {
    const counts = lineCounts(SRC);
    expect(counts.length).toBeGreaterThan(300);
    const long = counts
      .filter(([file, lines]) => lines > MAX_LINES && !KNOWN_LONG.includes(file))
      .map(([file, lines]) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });
});
