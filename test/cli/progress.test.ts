// --progress json: one JSON line per finished task on stderr, for a whole batch, a shard, a search and a verify.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { jsonProgress } from '../../src/cli/progress.ts';
import { capture, tinyScenarioFile } from './fixtures.ts';

const tiny = tinyScenarioFile('fairpace-progress-');

interface Line {
  task: number;
  total: number;
  elapsed: number;
}

async function progressLines(args: string[]): Promise<{ code: number; lines: Line[]; out: string }> {
  const io = capture();
  const code = await main([...args, '--progress', 'json'], { io, env: {} });
  const lines = io.err
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
  return { code, lines, out: io.out };
}

function expectOneLinePerTask(lines: Line[], total: number): void {
  expect(lines.map((l) => l.task)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  for (const l of lines) {
    expect(Object.keys(l)).toEqual(['task', 'total', 'elapsed']);
    expect(l.elapsed).toBeGreaterThanOrEqual(0);
  }
  expect(lines.map((l) => l.elapsed)).toEqual([...lines.map((l) => l.elapsed)].sort((a, b) => a - b));
}

describe('jsonProgress', () => {
  it('writes one line per new count with seconds since the start, and nothing for a repeated count', () => {
    let t = 1000;
    const written: string[] = [];
    const progress = jsonProgress(
      (text) => written.push(text),
      () => t,
    );
    t = 1250;
    progress.update(1, 3);
    t = 2500.4;
    progress.update(2, 3);
    progress.update(2, 3);
    t = 3000;
    progress.update(3, 3);
    progress.update(3, 3);
    progress.finish();
    expect(written).toEqual([
      '{"task":1,"total":3,"elapsed":0.25}\n',
      '{"task":2,"total":3,"elapsed":1.5}\n',
      '{"task":3,"total":3,"elapsed":2}\n',
    ]);
  });
});

describe('--progress json', () => {
  it('compare: one line per run, on stderr only, with stdout unchanged', async () => {
    const r = await progressLines(['compare', tiny.path, '--replications', '3', '--workers', '1']);
    expect(r.code).toBe(0);
    expectOneLinePerTask(r.lines, 6);
    expect(r.lines.every((l) => l.total === 6)).toBe(true);
    const plain = capture();
    await main(['compare', tiny.path, '--replications', '3', '--workers', '1'], { io: plain, env: {} });
    expect(r.out).toBe(plain.out);
  });

  it('a shard counts its own runs; worker threads report every run too', async () => {
    const r = await progressLines([
      'sweep',
      tiny.path,
      '--param',
      'rules.pay.base',
      '--values',
      '6,8,10',
      '--shard',
      '2/5',
      '--out',
      join(tiny.dir, 'part.jsonl'),
      '--workers',
      '2',
    ]);
    expect(r.code).toBe(0);
    // 12 tasks dealt over 5 shards: shard 2 runs tasks 1, 6 and 11.
    expectOneLinePerTask(r.lines, 3);
    expect(r.lines.every((l) => l.total === 3)).toBe(true);
  });

  it('the target search: one line per run over all its batches', async () => {
    const r = await progressLines([
      'target',
      tiny.path,
      '--param',
      'rules.pay.base',
      '--min',
      '0',
      '--max',
      '40',
      '--max-steps',
      '6',
      '--target',
      'earnings.netPerOnlineHour.mean >= 21',
      '--workers',
      '1',
    ]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    // Every evaluated value ran both replications; the current value (6) ran too when it is not a step.
    const values = new Set<number>([...result.steps.map((s: { value: number }) => s.value), 6]);
    expect(r.lines.map((l) => l.task)).toEqual(Array.from({ length: values.size * 2 }, (_, i) => i + 1));
  });

  it('verify: one line per re-run', async () => {
    const pack = join(tiny.dir, 'pack.zip');
    expect(await main(['evidence', tiny.path, '--out', pack, '--workers', '1'], { io: capture(), env: {} })).toBe(0);
    const r = await progressLines(['verify', pack, '--workers', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('verified\n');
    expectOneLinePerTask(r.lines, 4);
  });
});
