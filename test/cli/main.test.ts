// main() in this process, with the engine replaced by one that fails: an unexpected exception must become exit 1
// with a short message, and the stack only with FAIRPACE_DEBUG=1.
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { capture, tinyScenarioFile } from './fixtures.ts';

vi.mock('../../src/sim/simulate.ts', () => ({
  simulate: () => {
    throw new TypeError('engine exploded');
  },
}));

const tiny = tinyScenarioFile('fairpace-main-');

describe('main', () => {
  it('returns 0 and prints to stdout on success', async () => {
    const io = capture();
    expect(await main(['validate', tiny.path], { io, env: {} })).toBe(0);
    expect(io.out).toBe('valid: Tiny\n');
    expect(io.err).toMatch(/^estimate: fairpace compare with the scenario's arms and replications: 4 runs /);
  });

  it('returns 2 with the message alone for bad input', async () => {
    const io = capture();
    expect(await main(['run', tiny.path, '--arm', 'nope'], { io, env: {} })).toBe(2);
    expect(io.err).toBe('unknown arm "nope" (arms: strictest, median)\n');
    expect(io.out).toBe('');
  });

  it('returns 1 with a short message and no stack for an internal error', async () => {
    const io = capture();
    expect(await main(['run', tiny.path], { io, env: {} })).toBe(1);
    expect(io.err).toBe('fairpace: internal error: engine exploded\n(set FAIRPACE_DEBUG=1 to see the stack trace)\n');
    expect(io.out).toBe('');
  });

  it('adds the stack with FAIRPACE_DEBUG=1', async () => {
    const io = capture();
    expect(await main(['compare', tiny.path, '--workers', '1'], { io, env: { FAIRPACE_DEBUG: '1' } })).toBe(1);
    expect(io.err).toMatch(/^fairpace: internal error: engine exploded\nTypeError: engine exploded\n {4}at /);
  });
});
