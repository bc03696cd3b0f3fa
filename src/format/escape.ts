/** Escaping text for HTML and SVG: every user-supplied string passes through here before it reaches markup. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML or XML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** An href for a user-supplied URL, or undefined unless it is plain http(s) (no `javascript:` or `data:` links). */
export function safeHref(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\/[^\s]+$/i.test(url.trim())) return undefined;
  return escapeHtml(url.trim());
}

/** A dotted path (`rules.deadline.percentile`) as code that may break after each dot in a narrow column. */
export function codePath(path: string): string {
  return `<code>${escapeHtml(path).replaceAll('.', '.<wbr>')}</code>`;
}
