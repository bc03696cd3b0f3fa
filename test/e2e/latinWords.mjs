// The Chinese workbench, read word by word: every visible text (and every option a <select> offers, and every
// placeholder and button title) that holds a Latin word a Chinese reader should not meet. Used by the browser test
// that walks every panel in Chinese (issue 11, item 2).
/* global document, window, NodeFilter, Element -- code passed to page.evaluate runs in the browser */

/**
 * Latin words a Chinese reader is expected to meet: units (km, km/h, h, min, CNY in a unit slot), file formats and the
 * product's own name, percentile names (p10, p90), statistics (t), standards (GB 17761), the language toggle's
 * "English", the weather words a hint tells the person to type, and digests. Arm ids shown as ids are added per page.
 */
export const LATIN_WHITELIST = [
  /^(km|km\/h|h|min|CNY|kg|MB|KB|CSV|PDF|JSON|ZIP|SVG|XLSX|HTML|URL|SHA-256|UTF-8|BOM|Excel|WPS)$/i,
  /^(Fairpace|fairpace|English|Chromium|IndexedDB|MDRP|Grubhub|mdrplib|t|GB|p\d+|[xy])$/,
  /^[\w./-]+\.(json|csv|zip|svg|md|txt|html|xlsx|png)$/,
  /^[0-9a-f]{8,}$/,
];

/**
 * The Latin words on the page in visible text, option labels, placeholders, titles and aria-labels, each with where it
 * was seen (the nearest data-testid, or the tag). Text inside <code> (commands, values to type), <cite> (titles of
 * English-language publications), <textarea>, <input>, elements in lang="en" on purpose (the toggle to English) and
 * elements marked `data-latin-ok` is not read. Hidden elements are skipped.
 */
export function latinOnPage(page) {
  return page.evaluate(() => {
    const skip = (el) =>
      el.closest('code, kbd, cite, textarea, script, style, [data-latin-ok], [lang="en"], svg title') !== null ||
      (el.closest('details:not([open])') !== null && el.closest('summary') === null);
    const visible = (el) => {
      if (!(el instanceof Element)) return false;
      const style = window.getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
      return el.getClientRects().length > 0 || el.closest('svg') !== null;
    };
    const where = (el) => {
      const t = el.closest('[data-testid]');
      return t ? t.getAttribute('data-testid') : el.tagName.toLowerCase();
    };
    const found = [];
    const add = (text, el, kind) => {
      const words = text.match(/[A-Za-z][A-Za-z0-9./_-]*[A-Za-z0-9]|[A-Za-z]/g) ?? [];
      for (const word of words) found.push({ word, where: where(el), kind, text: text.trim().slice(0, 120) });
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || skip(el) || !visible(el)) continue;
      if (el.closest('select')) continue; // read below, every option
      add(node.textContent ?? '', el, 'text');
    }
    for (const select of document.querySelectorAll('select')) {
      if (skip(select) || !visible(select)) continue;
      for (const option of select.options) add(option.textContent ?? '', select, 'option');
    }
    // Plot names its SVG groups for machines ("y-axis tick"); those are not words shown to a person.
    for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
      if (skip(el) || !visible(el) || el.closest('svg')) continue;
      for (const attr of ['placeholder', 'title', 'aria-label']) {
        const value = el.getAttribute(attr);
        if (value) add(value, el, attr);
      }
    }
    return found;
  });
}

/** The words of `found` not covered by the whitelist nor `ids`, grouped as "word @ where: text". */
export function unexpectedLatin(found, ids = []) {
  const bad = found.filter((f) => !ids.includes(f.word) && !LATIN_WHITELIST.some((re) => re.test(f.word)));
  const seen = new Set();
  const lines = [];
  for (const f of bad) {
    const key = `${f.word}@${f.where}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`${f.word} @ ${f.where} (${f.kind}): ${f.text}`);
  }
  return lines;
}
