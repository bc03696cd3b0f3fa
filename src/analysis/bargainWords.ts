/**
 * The words the bargaining answers (target and zone) are written in, in Chinese and English: a parameter's name (the
 * editor's, from src/scenario/fieldNames.ts) and value with its unit written once, a metric's value in the catalogue's
 * unit, a limit in words, and an amount of money a day. Only `toFixed` and string work, so the workbench, the command
 * line and the report say the same bytes.
 */
import { FIELD_NAMES, type FieldName } from '../scenario/fieldNames.ts';
import { metricLabel, metricUnit, type Bi, type LabelContext } from './catalogue/index.ts';
import type { TargetOp, TargetSpec } from './target.ts';

/** `x` to `digits` decimals, never "-0", a real minus sign; "–" when not finite. */
export function num(x: number, digits: number): string {
  if (!Number.isFinite(x)) return '–';
  const text = x.toFixed(digits);
  return (/^-0(\.0*)?$/.test(text) ? text.slice(1) : text).replace(/^-/, '\u2212');
}

/** Thousands separated by commas (English only; Chinese writes large sums in 万). */
const grouped = (text: string) => text.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Significant-looking amount: whole CNY under 100, tens under 10,000, then 2–3 significant figures. */
function roundMoney(x: number): number {
  const a = Math.abs(x);
  if (a < 100) return Math.round(a);
  if (a < 10_000) return Math.round(a / 10) * 10;
  return Math.round(a / 1000) * 1000;
}

/** An amount of CNY, unsigned and rounded for a sentence: "1930 元" / "1,930 CNY", "4.4 万元" / "44,000 CNY". */
export function money(x: number): Bi {
  if (!Number.isFinite(x)) return { zh: '–', en: '–' };
  const r = roundMoney(x);
  return {
    zh: r >= 10_000 ? `${num(r / 10_000, 1)} 万元` : `${num(r, 0)} 元`,
    en: `${grouped(num(r, 0))} CNY`,
  };
}

/** The words of a 95% interval of CNY, signed, without brackets ("95% 区间 −640 至 1270 元"); '' when degenerate. */
export function moneyRange(ci: readonly [number, number]): Bi {
  const [a, b] = ci;
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === b) return { zh: '', en: '' };
  const sign = (x: number) => (x < 0 ? '\u2212' : '');
  if (Math.max(Math.abs(a), Math.abs(b)) >= 10_000) {
    // In 万 with two decimals (and to the nearest 100 CNY in English), so a narrow interval does not read as a point.
    const wan = (x: number) => `${sign(x)}${num(Math.abs(x) / 10_000, 2)}`;
    const hundreds = (x: number) => `${sign(x)}${grouped(num(Math.round(Math.abs(x) / 100) * 100, 0))}`;
    return { zh: `95% 区间 ${wan(a)} 至 ${wan(b)} 万元`, en: `95% interval ${hundreds(a)} to ${hundreds(b)} CNY` };
  }
  const s = (x: number) => sign(x) + num(roundMoney(x), 0);
  return { zh: `95% 区间 ${s(a)} 至 ${s(b)} 元`, en: `95% interval ${grouped(s(a))} to ${grouped(s(b))} CNY` };
}

/** The same in brackets after an amount. */
export function moneyInterval(ci: readonly [number, number]): Bi {
  const r = moneyRange(ci);
  return r.zh === '' ? r : { zh: `（${r.zh}）`, en: ` (${r.en})` };
}

/** Whether an interval includes zero (the direction is not established by the replications run). */
export const unclear = (ci: readonly [number, number]) => !(ci[0] > 0 || ci[1] < 0);

/** A name with its first letter in lower case for the middle of an English sentence, unless it is an acronym. */
export const midSentence = (name: string) =>
  /^[A-Z][a-z]/.test(name) ? `${name.charAt(0).toLowerCase()}${name.slice(1)}` : name;

/** A parameter's English name inside a sentence: "the piece rate per order". */
export const theName = (name: string) => `the ${midSentence(name)}`;

/**
 * The parameters the bargaining panels move: how their values are written and to how many decimals of the shown
 * value (0.01 CNY of pay, a tenth of a percent of commission, whole percentiles; the app's PARAM_PRECISION).
 */
const PARAM_UNITS: Readonly<Record<string, { zh: (v: string) => string; en: (v: string) => string; digits: number }>> =
  {
    'rules.pay.base': { zh: (v) => `${v} 元`, en: (v) => `${v} CNY`, digits: 2 },
    'rules.pay.commissionRate': { zh: (v) => `${v}%`, en: (v) => `${v}%`, digits: 1 },
    'rules.deadline.percentile': { zh: (v) => v, en: (v) => v, digits: 0 },
  };

/** 10 to the power 0…6, by multiplication (exponentiation is not bit-identical across engines). */
export const POW10: readonly number[] = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/** A parameter's name in both languages (the editor's), or its path when it has none. */
export function paramName(path: string): Bi {
  const own = (FIELD_NAMES as Readonly<Record<string, FieldName>>)[path];
  return own ? { zh: own.zh, en: own.en } : { zh: path, en: path };
}

/** How many decimals a parameter's value is shown with (at most 4 for one the panels do not move). */
function digitsOf(path: string, value: number): number {
  const own = PARAM_UNITS[path]?.digits;
  if (own !== undefined) return own;
  return Math.min(4, (String(Number(value.toPrecision(6))).split('.')[1] ?? '').length);
}

/**
 * A parameter's value with its unit written once ("9.85 元", "20.0%", "50"), rounded to the parameter's precision:
 * towards `toward` (up, down) when given, so that a target answer still meets its target, else to the nearest.
 */
export function paramValue(path: string, value: number, toward?: 'up' | 'down'): Bi {
  const unit = PARAM_UNITS[path];
  const shown = path === 'rules.pay.commissionRate' ? value * 100 : value;
  const digits = digitsOf(path, value);
  const scale = POW10[digits] ?? 1;
  const units = shown * scale;
  // A value a hair past a step (binary noise) is not pushed to the next one.
  const rounded =
    toward === 'up' ? Math.ceil(units - 1e-9) : toward === 'down' ? Math.floor(units + 1e-9) : Math.round(units);
  const text = num(rounded / scale, digits);
  if (!unit) return { zh: text, en: text };
  const out = { zh: unit.zh(text), en: unit.en(text) };
  if (path === 'rules.deadline.percentile') {
    // The two rules a reader knows by name.
    if (rounded / scale === 10) return { zh: `${text}（最严算法）`, en: `${text} (the strictest algorithm)` };
    if (rounded / scale === 50) return { zh: `${text}（算法取中）`, en: `${text} (algorithm-median)` };
  }
  return out;
}

/** A metric's value in its catalogue unit, written once ("15.20 元/小时", "4.8%"). */
export function metricValue(path: string, x: number): Bi {
  const u = metricUnit(path);
  const n = metricNumber(path, x);
  const after = (text: string) => (text === '' || text === '%' ? text : ` ${text}`);
  return { zh: `${n}${after(u.text.zh)}`, en: `${n}${after(u.text.en)}` };
}

/** A metric's value in its display scale without the unit ("15.20", "4.8"), for an interval after the value. */
export function metricNumber(path: string, x: number): string {
  const u = metricUnit(path);
  return num(x * u.scale, u.digits);
}

/** A metric's mean with its 95% interval, the unit once: "15.20 元/小时（95% 区间 12.10 至 18.30）". */
export function metricWithInterval(path: string, mean: number, ci: readonly [number, number] | null): Bi {
  const v = metricValue(path, mean);
  if (!ci || !Number.isFinite(ci[0]) || !Number.isFinite(ci[1]) || ci[0] === ci[1]) return v;
  const [a, b] = [metricNumber(path, ci[0]), metricNumber(path, ci[1])];
  return { zh: `${v.zh}（95% 区间 ${a} 至 ${b}）`, en: `${v.en} (95% interval ${a} to ${b})` };
}

/** A metric's name in both languages, thresholds filled in from the scenario when given. */
export function metricName(path: string, context: Partial<LabelContext> = {}): Bi {
  return { zh: metricLabel(path, 'zh', context), en: metricLabel(path, 'en', context) };
}

const OP_WORDS: Record<TargetOp, Bi> = {
  '<=': { zh: '不超过', en: 'at most' },
  '>=': { zh: '不低于', en: 'at least' },
  '<': { zh: '低于', en: 'below' },
  '>': { zh: '高于', en: 'above' },
};

/** A limit in words: "时薪低于最低工资的骑手日占比不超过 5.0%" / "courier-days below the minimum wage at most 5.0%". */
export function limitText(spec: TargetSpec, context: Partial<LabelContext> = {}): Bi {
  const name = metricName(spec.metric, context);
  const value = metricValue(spec.metric, spec.threshold);
  // A name that says "a day" already does not take a unit "a day" again ("每天配送利润不低于 0 元", not "0 元/天").
  if (name.zh.includes('每天')) value.zh = value.zh.replace(/\/天$/, '');
  if (/per day|a day/i.test(name.en)) value.en = value.en.replace(/\/day$/, '');
  const op = OP_WORDS[spec.op];
  return { zh: `${name.zh}${op.zh} ${value.zh}`, en: `${midSentence(name.en)} ${op.en} ${value.en}` };
}

/** Parts joined in each language: "、"/"；" in Chinese, ", "/"; " in English. */
export function joinBi(parts: readonly Bi[], strong = false): Bi {
  return {
    zh: parts.map((p) => p.zh).join(strong ? '；' : '、'),
    en: parts.map((p) => p.en).join(strong ? '; ' : ', '),
  };
}
