/**
 * The glossary: one name per feature, per status and per unit, in Chinese and English, for the workbench's panels,
 * report.html's sections and the messages about them. The app's dictionaries (src/app/i18n*.ts) and the report take
 * their names from here, so a feature is 可接受区域 on screen, in the export list and in the report alike. Metric names
 * and units come from the metric catalogue (src/analysis/catalogue), parameter names from the parameter catalogue
 * (src/scenario/catalogue.ts); this file names what those do not. `AVOID` lists the other words a name replaces, and a
 * test holds every panel and report section to it.
 */
import type { CheckStatus } from '../sim/results.ts';

/** A term in Chinese and English. */
export interface Term {
  zh: string;
  en: string;
}

const term = (zh: string, en: string): Term => ({ zh, en });

/** The features and sections, each with one name. */
export const TERMS = {
  /** The cost lead: what the stricter arm costs a courier. */
  courierCost: term('最严算法让骑手付出什么', 'What the strictest algorithm costs couriers'),
  /** The platform's side of a comparison. */
  platformCost: term('平台的账', 'What it costs the platform'),
  /** The headline metrics, per arm and as paired differences. */
  headline: term('主要指标', 'Headline figures'),
  /** The detail metrics below them. */
  furtherFigures: term('其他数字', 'Further figures'),
  /** The compliance checks against the Yantai and Tangshan documents. */
  scorecard: term('合规评分卡', 'Compliance scorecard'),
  /** The model's runs against published figures. */
  modelCheck: term('模型校验', 'Model check'),
  /** The bargaining tools as a whole. */
  bargaining: term('谈判工具', 'Bargaining tools'),
  /** The smallest rule value that meets a limit. */
  target: term('目标反推', 'Target finder'),
  /** One assumption at a time at its low and high value. */
  sensitivity: term('敏感性分析', 'Sensitivity analysis'),
  /** The chart of the sensitivity analysis. */
  tornado: term('龙卷风图', 'tornado chart'),
  /** The grid of two rules judged against both sides' limits. */
  zone: term('可接受区域', 'Zone of agreement'),
  /** The headline differences over many plausible worlds. */
  robustness: term('结论的稳健性', 'Robustness of the conclusions'),
  /** The zip a comparison is handed over in. */
  evidencePack: term('证据包', 'Evidence pack'),
  /** The part of the report after what a meeting needs. */
  appendix: term('附录', 'Appendix'),
  /** A 95% interval, as every sentence writes it. */
  interval: term('95% 区间', '95% interval'),
} as const;

/** A term's key. */
export type TermKey = keyof typeof TERMS;

/** A scorecard status: its mark (readable in greyscale print and without colour vision) and its words. */
export interface StatusWords {
  mark: string;
  text: Term;
}

/** The statuses of a compliance check. */
export const CHECK_STATUS: Readonly<Record<CheckStatus, StatusWords>> = {
  pass: { mark: '✓', text: term('符合', 'pass') },
  fail: { mark: '✗', text: term('不符合', 'fail') },
  notApplicable: { mark: '–', text: term('不适用', 'not applicable') },
  info: { mark: '●', text: term('仅供参考', 'for information') },
};

/** A status as one label: "✓ 符合" / "✓ pass". */
export const statusLabel = (status: CheckStatus, lang: 'zh' | 'en'): string =>
  `${CHECK_STATUS[status].mark} ${CHECK_STATUS[status].text[lang]}`;

/** The verdicts of the model check. */
export const MODEL_CHECK_STATUS = {
  within: term('在观测范围内', 'within'),
  below: term('低于观测范围', 'below'),
  above: term('高于观测范围', 'above'),
} as const;

/**
 * Other words for the glossary's names, which neither the panels nor the report may use: each replaced by the
 * name of `term` (or of the status named).
 */
export const AVOID: readonly { instead: string; zh: readonly string[]; en: readonly string[] }[] = [
  { instead: TERMS.zone.zh, zh: ['协议区间', '谈判区间', '协议区域'], en: ['agreement range', 'bargaining range'] },
  { instead: TERMS.scorecard.zh, zh: ['合规评分表', '合规检查表'], en: ['compliance table'] },
  { instead: CHECK_STATUS.pass.text.zh, zh: ['达标'], en: [] },
  { instead: TERMS.headline.zh, zh: ['主要发现'], en: ['Headline findings', 'Headline numbers'] },
  { instead: TERMS.modelCheck.zh, zh: ['模型与观测对照'], en: ['Model against observation'] },
  { instead: TERMS.sensitivity.zh, zh: ['敏感度'], en: [] },
];

/** The avoided words a text uses, as "word (use 名称)"; empty when it keeps to the glossary. */
export function avoidedWords(text: string, lang: 'zh' | 'en'): string[] {
  return AVOID.flatMap((a) => a[lang].filter((w) => text.includes(w)).map((w) => `${w} (use ${a.instead})`));
}
