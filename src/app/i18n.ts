/**
 * Every visible label of the app in Simplified Chinese and English. The Chinese dictionary defines the keys; the
 * English one must have exactly the same keys, so a missing or stray translation fails the typecheck.
 */

import { splitLabel } from '../analysis/armName.ts';
import { paragraphsIn } from '../evidence/textLanguage.ts';
import { FIELD_MESSAGES_EN, FIELD_MESSAGES_ZH } from './i18nFields.ts';
import { GUIDE_EN, GUIDE_ZH } from './i18nGuide.ts';
import { BARGAINING_EN, BARGAINING_ZH } from './i18nBargaining.ts';
import { EVIDENCE_EN, EVIDENCE_ZH } from './i18nEvidence.ts';
import { AUDIT_EN, AUDIT_ZH } from './i18nAudit.ts';
import { BACKTEST_EN, BACKTEST_ZH } from './i18nBacktest.ts';
import { MODEL_CHECK_EN, MODEL_CHECK_ZH } from './i18nModelCheck.ts';
import { PLATFORM_EN, PLATFORM_ZH } from './i18nPlatform.ts';
import { RESULTS_EN, RESULTS_ZH } from './i18nResults.ts';
import { RUNS_EN, RUNS_ZH } from './i18nRuns.ts';
import { SCENARIO_EN, SCENARIO_ZH } from './i18nScenario.ts';

/** Languages the app speaks. */
export type Lang = 'zh-CN' | 'en';

const zhCNApp = {
  'app.title': 'Fairpace 算法公平工作台',
  'app.subtitle': '比较“最严算法”与“算法取中”：对骑手收入、工时、安全和平台利润的影响',
  'app.privacy': '所有计算都在本机浏览器中完成，数据不会离开这台电脑。',
  'lang.toggle': 'English',
  'lang.toggleTitle': 'Switch to English',
} satisfies Record<string, string>;

const zhCN = {
  ...zhCNApp,
  ...FIELD_MESSAGES_ZH,
  ...BARGAINING_ZH,
  ...EVIDENCE_ZH,
  ...AUDIT_ZH,
  ...BACKTEST_ZH,
  ...MODEL_CHECK_ZH,
  ...PLATFORM_ZH,
  ...GUIDE_ZH,
  ...RESULTS_ZH,
  ...SCENARIO_ZH,
  ...RUNS_ZH,
};

/** A key of the dictionary. */
export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  ...FIELD_MESSAGES_EN,
  ...GUIDE_EN,
  ...BARGAINING_EN,
  ...EVIDENCE_EN,
  ...AUDIT_EN,
  ...BACKTEST_EN,
  ...MODEL_CHECK_EN,
  ...PLATFORM_EN,
  ...RESULTS_EN,
  ...SCENARIO_EN,
  ...RUNS_EN,
  'app.title': 'Fairpace algorithm-fairness workbench',
  'app.subtitle':
    'Compare the strictest algorithm with algorithm-median: what each does to couriers’ pay, hours and safety, and to the platform’s margin',
  'app.privacy': 'Everything is computed in this browser; no data leaves this computer.',
  'lang.toggle': '中文',
  'lang.toggleTitle': '切换到中文',
};

/** Both dictionaries, by language. */
export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** The starting language for a browser language tag such as `navigator.language`: Chinese for any `zh*`. */
export function defaultLang(browserLanguage: string | undefined): Lang {
  return browserLanguage === undefined || browserLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The message for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  // The typecheck makes every key present; if a build ever lacks one, show the key rather than break the page.
  const message: string | undefined = MESSAGES[lang][key] ?? MESSAGES['zh-CN'][key];
  return (message ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A translator bound to one language. */
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Binds `translate` to a language. */
export function translator(lang: Lang): Translate {
  return (key, vars) => translate(lang, key, vars);
}

/** A key if the dictionary has it (for ids that come from data, such as compliance check ids). */
export function messageKey(key: string): MessageKey | undefined {
  return key in zhCN ? (key as MessageKey) : undefined;
}

/**
 * The part of a bilingual preset label (`"English / 中文"`) in `lang`; labels without both parts are shown whole.
 */
export function localPart(label: string, lang: Lang): string {
  const { zh, en } = splitLabel(label);
  return lang === 'zh-CN' ? zh : en;
}

/**
 * The paragraphs of a bilingual text (a preset's description) in the reader's language, each paragraph's language told
 * by its script as the report tells it (src/evidence/textLanguage.ts); a text in one language only is shown whole.
 */
export function localParagraphs(text: string, lang: Lang): string[] {
  return paragraphsIn(text, lang === 'zh-CN' ? 'zh' : 'en');
}
