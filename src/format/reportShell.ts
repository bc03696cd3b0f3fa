/**
 * The shell of a self-contained bilingual report page: the head with the shared style sheet, the CSS-only language
 * switch (中文 / English / both) and the footer that says what made the page. An evidence pack's report.html and a
 * rider audit's are both this shell around their own sections.
 */
import { bi, inline } from './bilingual.ts';
import { escapeHtml } from './escape.ts';
import { REPORT_CSS } from './reportCss.ts';

/** What a report page holds besides the shell. */
export interface ReportPage {
  /** The page title (plain text; escaped here). */
  title: string;
  /** The Fairpace version that made the page, in the generator tag and the footer. */
  fairpaceVersion: string;
  /** The page's sections, as HTML, between the language switch and the footer. */
  bodyHtml: string;
  /** Style rules of this report only, after the shared sheet. */
  extraCss?: string;
}

/** A whole report page: no script, no external resource, Chinese shown first. */
export function reportPage(page: ReportPage): string {
  const version = page.fairpaceVersion;
  return (
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta name="generator" content="Fairpace ${escapeHtml(version)}">\n` +
    `<title>${escapeHtml(page.title)}</title>\n<style>${REPORT_CSS}${page.extraCss ?? ''}</style>\n</head>\n<body>\n` +
    '<input class="lang" type="radio" name="lang" id="lang-zh" checked>' +
    '<input class="lang" type="radio" name="lang" id="lang-en">' +
    '<input class="lang" type="radio" name="lang" id="lang-both">\n' +
    '<div class="doc">\n<nav class="switch" aria-label="语言 / Language">' +
    '<label for="lang-zh">中文</label><label for="lang-en">English</label><label for="lang-both">中文 + English</label></nav>\n' +
    page.bodyHtml +
    `<footer>${inline(
      bi(
        `由 Fairpace ${version} 生成。本报告不含脚本，也不加载任何外部资源。`,
        `Made by Fairpace ${version}. This report runs no script and loads no external resource.`,
      ),
    )}</footer>\n</div>\n</body>\n</html>\n`
  );
}
