/** The report's style sheet: the shared sheet (src/format/reportCss.ts) and the evidence report's own rules. */
export { REPORT_CSS } from '../../format/reportCss.ts';

/** The evidence report's own rules, after the shared sheet: the appendix, per-language figures, the bargaining answers. */
export const REPORT_EXTRA_CSS = `
figure > div[lang] { margin: 0; }
section.lead figure { margin: 14px 0 6px; }
.bargaining-result { margin: 8px 0 14px; }
.bargaining-result h3 { margin-top: 14px; }
.answer p { margin: 4px 0 8px; }
ol.ranking li { margin-bottom: 2px; }
ul.files li { margin-bottom: 6px; overflow-wrap: anywhere; }
ul.limits li { margin-bottom: 4px; }
.appendix { margin-top: 40px; padding-top: 6px; border-top: 4px double var(--ink); }
.appendix > h2 { border-bottom: none; margin-top: 8px; font-size: 22px; }
.appendix h3 { font-size: 17px; margin-top: 26px; padding-bottom: 2px; border-bottom: 1px solid var(--rule); }
.appendix h4 { font-size: 15px; margin: 16px 0 6px; }
@media print {
  .appendix { break-before: page; border-top: none; margin-top: 0; }
}
`;
