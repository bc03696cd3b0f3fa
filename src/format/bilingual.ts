/**
 * Bilingual text in the reports (an evidence pack's, a rider audit's). Every text exists in Chinese and English; the
 * report's language switch (pure CSS) hides one of them, or shows both. Plain text is escaped here, so a caller
 * cannot forget to.
 */
import { escapeHtml } from './escape.ts';

/** A text in Chinese and English (plain text, not HTML). */
export interface Bi {
  zh: string;
  en: string;
}

/** A bilingual text. */
export const bi = (zh: string, en: string): Bi => ({ zh, en });

/** The same text in both languages (a number, a name without a translation). */
export const same = (text: string): Bi => ({ zh: text, en: text });

/** Inline bilingual text: two spans, one per language; one plain text when both are equal. */
export function inline(text: Bi): string {
  if (text.zh === text.en) return escapeHtml(text.zh);
  return `<span lang="zh-CN">${escapeHtml(text.zh)}</span><span lang="en">${escapeHtml(text.en)}</span>`;
}

/** Inline bilingual markup whose parts the caller has already escaped. */
export function inlineHtml(zhHtml: string, enHtml: string): string {
  return `<span lang="zh-CN">${zhHtml}</span><span lang="en">${enHtml}</span>`;
}

/** A block element per language, e.g. `<p lang="zh-CN">…</p><p lang="en">…</p>`. */
export function blocks(tag: string, text: Bi, className?: string): string {
  const cls = className ? ` class="${className}"` : '';
  if (text.zh === text.en) return `<${tag}${cls}>${escapeHtml(text.zh)}</${tag}>`;
  return `<${tag}${cls} lang="zh-CN">${escapeHtml(text.zh)}</${tag}><${tag}${cls} lang="en">${escapeHtml(text.en)}</${tag}>`;
}

/** Fills `{name}` placeholders of a template with plain-text values (escaping happens when the text is shown). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
