// main() in this process, with the engine replaced by one that fails: an unexpected exception must become exit 1
// with a short message, and the stack only with FAIRPACE_DEBUG=1.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../src/cli/commands.ts';
import { main } from '../../src/cli/main.ts';
import { TINY_SCENARIO } from './fixtures.ts';

vi.mock('../../src/sim/simulate.ts', () => ({
  simulate: () => {
    throw new TypeError('engine exploded');
  },
}));

function capture(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stderrIsTTY: false,
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}

let dir = '';
let file = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-main-'));
  file = join(dir, 'tiny.json');
  await writeFile(file, JSON.stringify({ ...TINY_SCENARIO, meta: { name: 'Tiny' } }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('main', () => {
  it('returns 0 and prints to stdout on success', async () => {
    const io = capture();
    expect(await main(['validate', file], { io, env: {} })).toBe(0);
    expect(io.out).toBe('valid: Tiny\n');
    expect(io.err).toBe('');
  });

  it('returns 2 with the message alone for bad input', async () => {
    const io = capture();
    expect(await main(['run', file, '--arm', 'nope'], { io, env: {} })).toBe(2);
    expect(io.err).toBe('unknown arm "nope" (arms: strictest, median)\n');
    expect(io.out).toBe('');
  });

  it('returns 1 with a short message and no stack for an internal error', async () => {
    const io = capture();
    expect(await main(['run', file], { io, env: {} })).toBe(1);
    expect(io.err).toBe('fairpace: internal error: engine exploded\n(set FAIRPACE_DEBUG=1 to see the stack trace)\n');
    expect(io.out).toBe('');
  });

  it('adds the stack with FAIRPACE_DEBUG=1', async () => {
    const io = capture();
    expect(await main(['compare', file, '--workers', '1'], { io, env: { FAIRPACE_DEBUG: '1' } })).toBe(1);
    expect(io.err).toMatch(/^fairpace: internal error: engine exploded\nTypeError: engine exploded\n {4}at /);
  });
});
