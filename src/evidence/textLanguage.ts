/**
 * Which language a paragraph of free text is written in, and the paragraphs of a bilingual text for one language.
 * A scenario's description is one string holding an English paragraph and a Chinese one; the workbench and the
 * report show each reader the paragraphs in their language. A paragraph is Chinese when it has at least as many Han
 * characters as Latin words: an English paragraph that quotes a clause ("item (九)") stays English, a Chinese one
 * that names a source in English ("TechNode 报道") stays Chinese.
 */

/** The two languages of the texts. */
export type TextLang = 'zh' | 'en';

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z]+(?:['’][A-Za-z]+)*/g;

/** The language a paragraph is written in. */
export function languageOf(paragraph: string): TextLang {
  const han = paragraph.match(HAN)?.length ?? 0;
  const latin = paragraph.match(LATIN_WORD)?.length ?? 0;
  return han > 0 && han >= latin ? 'zh' : 'en';
}

/** The paragraphs of a text (separated by a blank line), trimmed, empty ones dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * The paragraphs of `text` for a reader of `lang`: those written in it. A text written in one language only is
 * shown whole to both, rather than not at all.
 */
export function paragraphsIn(text: string, lang: TextLang): string[] {
  const paragraphs = paragraphsOf(text);
  const own = paragraphs.filter((p) => languageOf(p) === lang);
  const other = paragraphs.filter((p) => languageOf(p) !== lang);
  if (own.length === 0 || other.length === 0) return paragraphs;
  return own;
}
