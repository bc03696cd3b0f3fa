/** The reports' inline style sheet: a readable page on screen, A4 in print, and the CSS-only language switch. */

/** The style sheet of every report.html (an evidence pack's, a rider audit's). */
export const REPORT_CSS = `
:root { --ink: #1d1d1f; --muted: #5a5a5a; --rule: #d6d6d6; --accent: #0072B2; --pass: #00734f; --fail: #b34100; }
* { box-sizing: border-box; }
html { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans', Arial, sans-serif;
  color: var(--ink); background: #eeeeea; }
body { margin: 0; font-size: 15px; line-height: 1.65; }
/* Latin fonts first for English, or CJK fonts draw its quotes and apostrophes full-width. */
[lang="en"] { font-family: 'Noto Sans', 'DejaVu Sans', 'Helvetica Neue', Arial, 'Noto Sans CJK SC', 'PingFang SC', sans-serif; }
.doc { max-width: 210mm; margin: 24px auto; padding: 14mm 16mm 18mm; background: #fff; box-shadow: 0 1px 5px rgba(0, 0, 0, .18); }
.lang { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
#lang-zh:checked ~ .doc [lang="en"], #lang-en:checked ~ .doc [lang="zh-CN"] { display: none !important; }
#lang-both:checked ~ .doc span[lang="zh-CN"] + span[lang="en"]::before { content: " / "; }
.switch { display: flex; justify-content: flex-end; gap: 6px; margin-bottom: 6mm; }
.switch label { border: 1px solid var(--ink); border-radius: 4px; padding: 1px 12px; font-size: 13px; cursor: pointer; }
#lang-zh:checked ~ .doc label[for="lang-zh"], #lang-en:checked ~ .doc label[for="lang-en"],
#lang-both:checked ~ .doc label[for="lang-both"] { background: var(--ink); color: #fff; }
#lang-zh:focus-visible ~ .doc label[for="lang-zh"], #lang-en:focus-visible ~ .doc label[for="lang-en"],
#lang-both:focus-visible ~ .doc label[for="lang-both"] { outline: 3px solid var(--accent); outline-offset: 2px; }
.kicker { margin: 0; color: var(--muted); font-size: 13px; letter-spacing: .04em; text-transform: uppercase; }
h1 { font-size: 26px; line-height: 1.3; margin: 2px 0 10px; }
h2 { font-size: 19px; margin: 30px 0 10px; padding-bottom: 3px; border-bottom: 2px solid var(--ink); break-after: avoid; }
h3 { font-size: 16px; margin: 20px 0 6px; break-after: avoid; }
p { margin: 6px 0 10px; }
.description { color: var(--muted); font-size: 14px; }
dl.meta { display: grid; grid-template-columns: minmax(auto, 16em) minmax(0, 1fr); gap: 2px 14px; font-size: 14px; margin: 12px 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
ol.arms li { margin-bottom: 4px; }
ol.findings { padding-left: 1.4em; }
ol.findings li { margin-bottom: 10px; }
ol.findings p { margin: 0; }
ol.findings p.diff { color: var(--muted); font-size: 14px; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 14px; font-size: 13px; }
th, td { padding: 5px 7px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
tbody th { font-weight: 600; }
td.value, .value { font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
td.status b { white-space: nowrap; }
td.status.pass b { color: var(--pass); }
td.status.fail b { color: var(--fail); }
table.model-check td.value { overflow-wrap: normal; min-width: 5.5em; }
table.model-check td.status b { white-space: normal; }
code { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 12px; }
table.params th:first-child, table.assumptions th:first-child { width: 34%; }
table.params td.value { width: 33%; }
table.assumptions td.value { width: 30%; }
table.inner { width: auto; margin: 0; font-size: 12px; }
table.inner th, table.inner td { padding: 1px 6px; border-bottom: 1px solid var(--rule); }
table.inner thead th { border-bottom: 1px solid var(--ink); font-weight: 600; }
cite { font-style: normal; }
section.limits li { margin-bottom: 4px; }
table.scorecard th:first-child { width: 15%; }
table.scorecard td:nth-child(2) { width: 14%; }
table.scorecard td:nth-child(3) { width: 27%; }
.tag { display: inline-block; font-size: 11px; line-height: 1.4; padding: 0 4px; border: 1px solid var(--muted); border-radius: 3px;
  color: var(--muted); white-space: nowrap; }
.note { color: var(--muted); font-size: 12.5px; }
.sources li { margin-bottom: 6px; overflow-wrap: anywhere; }
figure { margin: 16px 0; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
pre.command { margin: 8px 0 12px; padding: 8px 12px; background: #f3f3f1; border-left: 3px solid var(--accent);
  font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 13px; white-space: pre-wrap; overflow-wrap: anywhere; }
footer { margin-top: 28px; padding-top: 8px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 12px; }
a { color: var(--accent); }
section.lead { border: 2px solid var(--accent); border-radius: 6px; padding: 4px 14px 8px; margin: 16px 0; }
section.lead h2 { border-bottom: none; margin-top: 8px; }
p.cost-day { font-weight: 600; font-size: 16px; }
ul.cost-parts { margin: 0 0 8px; padding-left: 1.4em; }
section.lead hr { border: none; border-top: 1px dotted var(--rule); }
@page { size: A4; margin: 15mm 14mm 16mm; }
@media print {
  html { background: #fff; }
  body { font-size: 10.5pt; }
  .doc { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .switch { display: none; }
  h2 { margin-top: 20px; }
  tr, li, figure, pre { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
