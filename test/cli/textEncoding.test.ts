import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/cli/textEncoding.ts';

const utf16le = (s: string) => Uint8Array.from(Buffer.from(s, 'utf16le'));
const utf16be = (s: string) => Uint8Array.from(Buffer.from(s, 'utf16le').swap16());
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeUtf8', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeUtf8(utf8('{"a": "烟台"}'))).toEqual({ ok: true, text: '{"a": "烟台"}' });
    expect(decodeUtf8(utf8('\uFEFF{}'))).toEqual({ ok: true, text: '{}' });
  });

  it('names UTF-16 and UTF-32, with a byte-order mark or without, and never echoes the bytes', () => {
    const json = '{"schemaVersion": 2}';
    const save = 'save it as UTF-8 and try again';
    expect(decodeUtf8(Uint8Array.of(0xff, 0xfe, ...utf16le(json)))).toEqual({
      ok: false,
      problem: `the file is UTF-16 (little-endian), not UTF-8: ${save}`,
    });
    expect(decodeUtf8(Uint8Array.of(0xfe, 0xff, ...utf16be(json)))).toEqual({
      ok: false,
      problem: `the file is UTF-16 (big-endian), not UTF-8: ${save}`,
    });
    expect(decodeUtf8(utf16le(json))).toEqual({
      ok: false,
      problem: `the file looks like UTF-16 (little-endian), not UTF-8: ${save}`,
    });
    expect(decodeUtf8(utf16be(json))).toEqual({
      ok: false,
      problem: `the file looks like UTF-16 (big-endian), not UTF-8: ${save}`,
    });
    expect(decodeUtf8(Uint8Array.of(0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0))).toEqual({
      ok: false,
      problem: `the file is UTF-32 (little-endian), not UTF-8: ${save}`,
    });
  });

  it('locates the first line that is not UTF-8 (GBK text on line 2)', () => {
    // "烟台" in GBK is D1 CC CC A8: not UTF-8.
    const bytes = Uint8Array.of(...utf8('{\n  "name": "'), 0xd1, 0xcc, 0xcc, 0xa8, ...utf8('"\n}'));
    expect(decodeUtf8(bytes)).toEqual({
      ok: false,
      line: 2,
      problem: 'the file is not UTF-8 (GBK, GB18030 or another legacy encoding?): save it as UTF-8 and try again',
    });
  });

  it('gives back any UTF-8 text unchanged (a leading byte-order mark aside)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        fc.pre(!s.includes('\u0000') && !s.startsWith('\uFEFF'));
        expect(decodeUtf8(utf8(s))).toEqual({ ok: true, text: s });
      }),
      { numRuns: 300, seed: 23 },
    );
  });
});
