/**
 * Recognises the text encodings people save files in by mistake (UTF-16 from Windows tools, UTF-32, GBK and other
 * legacy encodings), so a message can name the encoding instead of echoing replacement characters and NUL bytes.
 */

/** The file's text as UTF-8 (a leading byte-order mark removed), or why it is not UTF-8. */
export type DecodedText = { ok: true; text: string } | { ok: false; problem: string; line?: number };

const SAVE = 'save it as UTF-8 and try again';

/**
 * Which encoding other than UTF-8 the first bytes of a file are in, as a sentence (UTF-16 or UTF-32 by their
 * byte-order mark, or by the NUL byte in every other byte of ASCII text; NUL bytes at all), or undefined.
 */
export function foreignEncoding(bytes: Uint8Array): string | undefined {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xfe && b(2) === 0 && b(3) === 0) {
    return `the file is UTF-32 (little-endian), not UTF-8: ${SAVE}`;
  }
  if (b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff) {
    return `the file is UTF-32 (big-endian), not UTF-8: ${SAVE}`;
  }
  if (b(0) === 0xff && b(1) === 0xfe) return `the file is UTF-16 (little-endian), not UTF-8: ${SAVE}`;
  if (b(0) === 0xfe && b(1) === 0xff) return `the file is UTF-16 (big-endian), not UTF-8: ${SAVE}`;
  // Without a byte-order mark, UTF-16 text of ASCII characters has a NUL in every other byte.
  const head = Math.min(bytes.length, 256);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < head; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  if (head >= 4 && oddNul > head / 4 && evenNul === 0) {
    return `the file looks like UTF-16 (little-endian), not UTF-8: ${SAVE}`;
  }
  if (head >= 4 && evenNul > head / 4 && oddNul === 0) {
    return `the file looks like UTF-16 (big-endian), not UTF-8: ${SAVE}`;
  }
  if (evenNul + oddNul > 0) return 'the file holds NUL bytes: it is not a text file';
  return undefined;
}

/** What a file that is not UTF-8 but no UTF-16 or UTF-32 either probably is, and what to do. */
export const LEGACY_ENCODING = `the file is not UTF-8 (GBK, GB18030 or another legacy encoding?): ${SAVE}`;

/** Decodes `bytes` as UTF-8, or says in one sentence which encoding they look like and what to do. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  const foreign = foreignEncoding(bytes);
  if (foreign !== undefined) return { ok: false, problem: foreign };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    return { ok: false, line: lineOfFirstInvalidByte(bytes), problem: LEGACY_ENCODING };
  }
}

/** The number of bytes a UTF-8 sequence with this lead byte has, or 0 when it cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The index of the first byte sequence that is not UTF-8 (lead and continuation bytes only), or bytes.length. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const length = sequenceLength(bytes[i] as number);
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return i;
    }
    i += length;
  }
  return bytes.length;
}

/**
 * The bytes at the end of a piece that begin a UTF-8 sequence the piece does not finish (0 to 3 of them): a streaming
 * decoder holds them until the next piece.
 */
export function unfinishedTail(bytes: Uint8Array): Uint8Array {
  for (let k = 1; k <= Math.min(3, bytes.length); k++) {
    const b = bytes[bytes.length - k] as number;
    if (b < 0x80) break;
    if (b >= 0xc0) return sequenceLength(b) > k ? bytes.subarray(bytes.length - k) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

/** How many line feeds the first `end` bytes hold. */
export function lineFeeds(bytes: Uint8Array, end = bytes.length): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < end; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** The line (from 1) of the first byte sequence that is not UTF-8. */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  return 1 + lineFeeds(bytes, firstInvalidUtf8(bytes));
}
