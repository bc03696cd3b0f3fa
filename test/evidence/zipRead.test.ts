// Reading hostile and damaged zips: each is refused with a PackError before anything is unpacked that should not be.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/evidence/crc32.ts';
import { PACK_LIMITS, PackError, readZip, unsafeNameReason, writeZip } from '../../src/evidence/index.ts';
import { flip, zipOf } from './fixtures.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

/** The PackError message of reading `zip`, or '' when it reads. */
function refusal(zip: Uint8Array, accept?: (name: string) => boolean): string {
  try {
    readZip(zip, accept);
    return '';
  } catch (e) {
    expect(e).toBeInstanceOf(PackError);
    return (e as Error).message;
  }
}

/** Offset of the first central directory header. */
function centralOffset(zip: Uint8Array): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  return view.getUint32(zip.length - 22 + 16, true);
}

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

describe('readZip', () => {
  it('reads what writeZip writes, in order', () => {
    const zip = zipOf({ 'a.txt': 'alpha', 'charts/b.svg': '<svg/>' });
    expect(readZip(zip).map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([
      ['a.txt', 'alpha'],
      ['charts/b.svg', '<svg/>'],
    ]);
  });

  it('refuses path traversal, absolute paths, backslashes and odd names', () => {
    expect(refusal(zipSync({ '../evil.txt': bytes('x') }))).toMatch(/climbs out of the pack: "\.\.\/evil\.txt"/);
    expect(refusal(zipSync({ 'a/../../b': bytes('x') }))).toMatch(/climbs out/);
    expect(refusal(zipSync({ '/etc/passwd': bytes('x') }))).toMatch(/absolute path/);
    expect(refusal(zipSync({ 'C:/x.txt': bytes('x') }))).toMatch(/absolute path/);
    expect(refusal(zipSync({ 'a\\..\\b.txt': bytes('x') }))).toMatch(/backslash/);
    expect(refusal(zipSync({ 'a\u0000b': bytes('x') }))).toMatch(/control or non-ASCII/);
    expect(refusal(zipSync({ 'dir/': new Uint8Array() }))).toMatch(/empty or "\." segment/);
    expect(unsafeNameReason('charts/speed-km.svg')).toBeUndefined();
  });

  it('refuses names the caller does not expect, and a name that appears twice', () => {
    expect(refusal(zipOf({ 'evil.exe': 'x' }), (n) => n !== 'evil.exe')).toMatch(
      /"evil\.exe" is not a file an evidence pack holds/,
    );
    // Two entries named a.txt: write b.txt twice, then rename the second in both headers.
    const zip = zipOf({ 'a.txt': 'one', 'b.txt': 'two' });
    for (let i = 0; i + 5 <= zip.length; i++) {
      if (String.fromCharCode(...zip.subarray(i, i + 5)) === 'b.txt') zip[i] = 'a'.charCodeAt(0);
    }
    expect(refusal(zip)).toMatch(/"a\.txt" appears twice/);
  });

  it('refuses too many files', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i <= PACK_LIMITS.maxEntries; i++) files[`f${i}.txt`] = String(i);
    expect(refusal(zipOf(files))).toMatch(/holds 65 files; a pack holds at most 64/);
  });

  it('refuses a zip bomb by its ratio before inflating it', () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const zip = writeZip([{ name: 'results.json', bytes: zeros }]);
    expect(zip.length).toBeLessThan(100_000);
    expect(refusal(zip)).toMatch(/"results\.json" would unpack \d+ times larger .* a zip bomb\?/);
  });

  it('refuses declared sizes above the total limit', () => {
    const zip = zipOf({ 'a.txt': 'alpha' });
    const view = new DataView(zip.buffer);
    view.setUint32(centralOffset(zip) + 24, 0xfffffff0, true); // uncompressed size in the directory
    // Four gigabytes from five bytes: the ratio check fires first.
    expect(refusal(zip)).toMatch(/"a\.txt" would unpack \d+ times larger/);
    const many = zipOf({ 'a.txt': 'x'.repeat(2_000_000), 'b.txt': 'y'.repeat(2_000_000) });
    const limits = { ...PACK_LIMITS, maxRatio: 1e9, maxTotalBytes: 3_000_000 };
    expect(() => readZip(many, undefined, limits)).toThrow(
      /the files would unpack to 3\.8 MB, above the limit of 2\.9 MB/,
    );
  });

  it('stops a file that unpacks to more than its declared size', () => {
    const zip = zipOf({ 'a.txt': 'alpha beta gamma delta' });
    new DataView(zip.buffer).setUint32(centralOffset(zip) + 24, 5, true);
    expect(refusal(zip)).toMatch(/"a\.txt" unpacks to more than its declared size/);
  });

  it('catches a damaged file by its CRC-32, and damaged or truncated archives', () => {
    const stored = zipSync({ 'a.txt': [bytes('alpha beta'), { level: 0 }] });
    flip(stored, 30 + 'a.txt'.length, 0xff); // first data byte
    expect(refusal(stored)).toMatch(/"a\.txt" is damaged \(its CRC-32 check failed\)/);
    const zip = zipOf({ 'a.txt': 'alpha beta gamma' });
    expect(refusal(zip.subarray(0, zip.length - 10))).toMatch(/not a zip file/);
    expect(refusal(bytes('{"not": "a zip"}'))).toMatch(/not a zip file/);
    expect(refusal(new Uint8Array(5))).toMatch(/not a zip file \(too short\)/);
    const deflated = zipOf({ 'a.txt': 'alpha beta gamma alpha beta gamma' });
    flip(deflated, 30 + 'a.txt'.length + 2, 0x55);
    expect(refusal(deflated)).toMatch(/"a\.txt" is damaged/);
  });

  it('refuses encrypted entries, unknown methods and a local header that disagrees', () => {
    const encrypted = zipOf({ 'a.txt': 'alpha' });
    new DataView(encrypted.buffer).setUint16(centralOffset(encrypted) + 8, 1, true);
    expect(refusal(encrypted)).toMatch(/"a\.txt" is encrypted/);
    const method = zipOf({ 'a.txt': 'alpha' });
    new DataView(method.buffer).setUint16(centralOffset(method) + 10, 12, true);
    expect(refusal(method)).toMatch(/compression method 12/);
    const local = zipOf({ 'a.txt': 'alpha' });
    local[30] = 'b'.charCodeAt(0); // the local header's name
    expect(refusal(local)).toMatch(/local header disagrees/);
  });

  it('refuses entries whose data overlap', () => {
    const zip = zipOf({ 'a.txt': 'alpha', 'b.txt': 'beta' });
    // a.txt's directory entry claims packed data that run over b.txt's local header.
    new DataView(zip.buffer).setUint32(centralOffset(zip) + 20, 40, true);
    expect(refusal(zip)).toMatch(/"b\.txt" overlaps another file/);
  });

  it('refuses a zip larger than the limit without reading it', () => {
    expect(refusal(new Uint8Array(PACK_LIMITS.maxZipBytes + 1))).toMatch(/above the limit of 400 MB/);
  });
});
