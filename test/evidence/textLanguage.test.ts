// Each reader gets the paragraphs of a bilingual description in their language, told by script: an English paragraph
// that quotes a clause in Chinese stays English (the Yantai preset's "item (九)"), in the report and in the app.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localParagraphs } from '../../src/app/i18n.ts';
import { authorDescriptionHtml } from '../../src/evidence/report/scenarioText.ts';
import { languageOf, paragraphsIn } from '../../src/evidence/textLanguage.ts';

const preset = (id: string) =>
  (
    JSON.parse(readFileSync(join(import.meta.dirname, '../../scenarios', `${id}.json`), 'utf8')) as {
      meta: { description: string };
    }
  ).meta.description;

describe('the language of a paragraph', () => {
  it('is told by script, not by the first Chinese character', () => {
    expect(languageOf('Yantai’s notice No. 27 [2021], item (九), puts it to negotiation.')).toBe('en');
    expect(languageOf('TechNode 报道（北京骑手每单 5–7 元）；《Transportation Research Record》')).toBe('zh');
    expect(languageOf('一座 20 × 15 公里的合成城市')).toBe('zh');
    expect(languageOf('600 couriers')).toBe('en');
  });

  it('splits every preset description into its English and its Chinese paragraphs', () => {
    for (const id of ['yantai-2021', 'tangshan-2022', 'demo-small', 'heatwave', 'points-2025']) {
      const text = preset(id);
      const zh = paragraphsIn(text, 'zh');
      const en = paragraphsIn(text, 'en');
      expect(zh.length, id).toBeGreaterThan(0);
      expect(en.length, id).toBeGreaterThan(0);
      // No paragraph is shown twice or left out, and each view holds one language.
      expect(zh.length + en.length, id).toBe(text.split(/\n\s*\n/).filter((p) => p.trim() !== '').length);
      for (const p of zh) expect(p, id).toMatch(/[\u4e00-\u9fff]{10}/);
      for (const p of en) expect(p, id).not.toMatch(/[\u4e00-\u9fff]{3}/);
    }
  });

  it('shows the Yantai preset’s English paragraph only in English, in the app and in the report', () => {
    const text = preset('yantai-2021');
    const zh = localParagraphs(text, 'zh-CN').join('\n');
    expect(zh).toContain('一座 20 × 15 公里');
    expect(zh).not.toContain('A synthetic mid-size city');
    expect(localParagraphs(text, 'en').join('\n')).toContain('item (九)');
    const html = authorDescriptionHtml(text);
    expect(html).toMatch(/<p class="description" lang="en">A synthetic mid-size city/);
    expect(html).toMatch(/<p class="description" lang="zh-CN">一座 20 × 15 公里/);
  });

  it('shows a text in one language to every reader', () => {
    expect(paragraphsIn('Only English.', 'zh')).toEqual(['Only English.']);
    expect(localParagraphs('只有中文。', 'en')).toEqual(['只有中文。']);
    expect(authorDescriptionHtml('只有中文。')).toBe('<p class="description">只有中文。</p>');
  });
});
