/** Bilingual text in the report: the shared helpers (src/format/bilingual.ts) and the report's code spans. */
import { escapeHtml } from '../../format/escape.ts';
import { inlineHtml, type Bi } from '../../format/bilingual.ts';

export * from '../../format/bilingual.ts';

/**
 * File names, `fairpace …` commands and digests in a text, as code: what a reader copies or types, kept apart from
 * the prose (and out of the Chinese view's words).
 */
const CODE = /(fairpace(?: [a-z]+)?(?: --[a-z-]+)*|[\w./-]+\.(?:json|csv|svg|html|xlsx|zip|md)\b|\b[0-9a-f]{64}\b)/g;

/** Escaped text with its file names, commands and digests as `<code>`. */
export function withCode(text: string): string {
  return text
    .split(CODE)
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join('');
}

/** Like `blocks`, with file names, commands and digests as code. */
export function codeBlocks(tag: string, text: Bi, className?: string): string {
  const cls = className ? ` class="${className}"` : '';
  if (text.zh === text.en) return `<${tag}${cls}>${withCode(text.zh)}</${tag}>`;
  return `<${tag}${cls} lang="zh-CN">${withCode(text.zh)}</${tag}><${tag}${cls} lang="en">${withCode(text.en)}</${tag}>`;
}

/** Like `inline`, with file names, commands and digests as code. */
export function inlineCode(text: Bi): string {
  if (text.zh === text.en) return withCode(text.zh);
  return inlineHtml(withCode(text.zh), withCode(text.en));
}
