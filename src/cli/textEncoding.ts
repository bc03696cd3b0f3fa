/**
 * Recognises the text encodings people save files in by mistake (UTF-16 from Windows tools, UTF-32, GBK and other
 * legacy encodings), so a message can name the encoding instead of echoing replacement characters and NUL bytes.
 */

/** The file's text as UTF-8 (a leading byte-order mark removed), or why it is not UTF-8. */
export type DecodedText = { ok: true; text: string } | { ok: false; problem: string; line?: number };

/** Decodes `bytes` as UTF-8, or says in one sentence which encoding they look like and what to do. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  const b = (i: number) => bytes[i] ?? -1;
  const save = 'save it as UTF-8 and try again';
  if (b(0) === 0xff && b(1) === 0xfe && b(2) === 0 && b(3) === 0) {
    return { ok: false, problem: `the file is UTF-32 (little-endian), not UTF-8: ${save}` };
  }
  if (b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff) {
    return { ok: false, problem: `the file is UTF-32 (big-endian), not UTF-8: ${save}` };
  }
  if (b(0) === 0xff && b(1) === 0xfe)
    return { ok: false, problem: `the file is UTF-16 (little-endian), not UTF-8: ${save}` };
  if (b(0) === 0xfe && b(1) === 0xff)
    return { ok: false, problem: `the file is UTF-16 (big-endian), not UTF-8: ${save}` };
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
    return { ok: false, problem: `the file looks like UTF-16 (little-endian), not UTF-8: ${save}` };
  }
  if (head >= 4 && evenNul > head / 4 && oddNul === 0) {
    return { ok: false, problem: `the file looks like UTF-16 (big-endian), not UTF-8: ${save}` };
  }
  if (evenNul + oddNul > 0) return { ok: false, problem: 'the file holds NUL bytes: it is not a text file' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    const line = lineOfFirstInvalidByte(bytes);
    return {
      ok: false,
      line,
      problem: `the file is not UTF-8 (GBK, GB18030 or another legacy encoding?): ${save}`,
    };
  }
}

/** The line (from 1) of the first byte sequence that is not UTF-8 (lead and continuation bytes only). */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let line = 1;
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i] as number;
    if (lead === 0x0a) line++;
    const follow =
      lead < 0x80
        ? 0
        : lead >= 0xc2 && lead <= 0xdf
          ? 1
          : lead >= 0xe0 && lead <= 0xef
            ? 2
            : lead >= 0xf0 && lead <= 0xf4
              ? 3
              : -1;
    if (follow < 0) return line;
    for (let k = 1; k <= follow; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return line;
    }
    i += follow + 1;
  }
  return line;
}
