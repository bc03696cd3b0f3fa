import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/errors.ts';
import { readScenarioFile, writeFileAtomic } from '../../src/cli/files.ts';
import { terminalProgress } from '../../src/cli/progress.ts';
import { TINY_SCENARIO } from './fixtures.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-io-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const inputError = async (promise: Promise<unknown>): Promise<InputError> => {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
};

describe('readScenarioFile', () => {
  it('reads a valid file, with or without a byte-order mark', async () => {
    const file = join(dir, 'bom.json');
    await writeFile(file, `\uFEFF${JSON.stringify({ ...TINY_SCENARIO, meta: { name: 'BOM' } })}`);
    expect((await readScenarioFile(file)).meta.name).toBe('BOM');
  });

  it('reports each schema problem on its own line with its JSON path', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ schemaVersion: 2, population: { couriers: 0 }, replications: 'x' }));
    const e = await inputError(readScenarioFile(file));
    expect(e.lines).toHaveLength(2);
    expect(e.lines.some((l) => l.startsWith('population.couriers: '))).toBe(true);
    expect(e.lines.some((l) => l.startsWith('replications: '))).toBe(true);
  });

  it('reports unreadable files and bad JSON', async () => {
    expect((await inputError(readScenarioFile(join(dir, 'none.json')))).lines).toEqual([
      `cannot read ${join(dir, 'none.json')}: no such file or directory`,
    ]);
    expect((await inputError(readScenarioFile(dir))).message).toMatch(/is a directory/);
    const file = join(dir, 'broken.json');
    await writeFile(file, '{"schemaVersion": 1,');
    expect((await inputError(readScenarioFile(file))).message).toMatch(/^\(file\): not valid JSON/);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file behind', async () => {
    const sub = join(dir, 'out');
    await mkdir(sub);
    const file = join(sub, 'result.json');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new\n');
    expect(await readFile(file, 'utf8')).toBe('new\n');
    expect(await readdir(sub)).toEqual(['result.json']);
  });

  it('names the file when it cannot write', async () => {
    const missing = join(dir, 'no-such-dir', 'r.json');
    expect((await inputError(writeFileAtomic(missing, 'x'))).message).toBe(
      `cannot write ${missing}: no such file or directory`,
    );
    const sub = join(dir, 'target-is-dir');
    await mkdir(join(sub, 'r.json'), { recursive: true });
    expect((await inputError(writeFileAtomic(join(sub, 'r.json'), 'x'))).message).toMatch(/^cannot write .*r\.json: /);
    expect(await readdir(sub)).toEqual(['r.json']);
  });
});

describe('terminalProgress', () => {
  it('rewrites one line, throttled, always showing the last count, and ends the line', () => {
    const out: string[] = [];
    let t = 0;
    const p = terminalProgress(
      (s) => out.push(s),
      () => t,
      100,
    );
    p.update(1, 4);
    t = 50;
    p.update(2, 4);
    t = 150;
    p.update(3, 4);
    t = 160;
    p.update(4, 4);
    p.finish();
    expect(out).toEqual(['\r[1/4] runs done', '\r[3/4] runs done', '\r[4/4] runs done', '\n']);
  });

  it('writes nothing when nothing was shown', () => {
    const out: string[] = [];
    terminalProgress((s) => out.push(s)).finish();
    expect(out).toEqual([]);
  });
});
