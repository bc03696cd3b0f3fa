/**
 * Metric values as the report writes them, from the metric catalogue: display scale, decimals and unit. Only
 * `toFixed` and string work (through ./format.ts), so a report is the same bytes in Node and in any browser.
 */
import { metricLabel, metricUnit, type Difference } from '../analysis/index.ts';
import { differenceBounds } from '../analysis/metricBounds.ts';
import { fixed, signed } from './format.ts';
import type { Bi } from './report/bilingual.ts';

/** `x` in the metric's display unit without the unit ("23.0" for a share of 0.23). */
export function metricNumber(path: string, x: number, digits?: number): string {
  const u = metricUnit(path);
  return fixed(x * u.scale, digits ?? u.digits);
}

/** The unit written after a value in `lang`: after a space, except "%" (which closes up) and none. */
export function unitAfter(path: string, lang: 'zh' | 'en'): string {
  const text = metricUnit(path).text[lang];
  return text === '' || text === '%' ? text : ` ${text}`;
}

/** An axis title from the catalogue: the metric's name with its unit in brackets, in both languages. */
export function metricAxisTitle(path: string): Bi {
  const unit = metricUnit(path).text;
  const zh = metricLabel(path, 'zh');
  const en = metricLabel(path, 'en');
  return { zh: unit.zh === '' ? zh : `${zh}（${unit.zh}）`, en: unit.en === '' ? en : `${en} (${unit.en})` };
}

/** A value with its unit in both languages ("23.0%", "21.43 元/小时" / "21.43 CNY/h"). */
export function metricValue(path: string, x: number): Bi {
  const n = metricNumber(path, x);
  if (n === fixed(Number.NaN, 0)) return { zh: n, en: n };
  return { zh: `${n}${unitAfter(path, 'zh')}`, en: `${n}${unitAfter(path, 'en')}` };
}

/** A range "lo–hi unit" (or "lo to hi" when a bound is negative) in both languages. */
export function metricRange(path: string, lo: number, hi: number): Bi {
  const a = metricNumber(path, lo);
  const b = metricNumber(path, hi);
  const neg = lo < 0 || hi < 0;
  return {
    zh: `${a}${neg ? ' 至 ' : '–'}${b}${unitAfter(path, 'zh')}`,
    en: `${a}${neg ? ' to ' : '–'}${b}${unitAfter(path, 'en')}`,
  };
}

/**
 * A mean with its 95% interval, "21.43 元/小时（21.17–21.69）"; the bare value when the interval is degenerate. A
 * share's interval is clipped to 0–100% (a t interval knows nothing of the bounds).
 */
export function metricWithInterval(path: string, d: Difference): Bi {
  const main = metricValue(path, d.mean);
  const share = metricUnit(path).scale === 100;
  const clip = (x: number) => (share ? Math.min(1, Math.max(0, x)) : x);
  const [lo, hi] = [clip(d.ci95[0]), clip(d.ci95[1])];
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo === hi) return main;
  const neg = lo < 0 || hi < 0;
  const a = metricNumber(path, lo);
  const b = metricNumber(path, hi);
  return {
    zh: `${main.zh}（${a}${neg ? ' 至 ' : '–'}${b}）`,
    en: `${main.en} (${a}${neg ? ' to ' : '–'}${b})`,
  };
}

/** A difference's number with its sign, without a unit ("+1.2"); one decimal more than values by default. */
export function differenceNumber(path: string, x: number, digits?: number): string {
  const u = metricUnit(path);
  return signed(x * u.scale, digits ?? u.digits + 1);
}

/** A difference with its sign, in the difference unit ("+1.2 个百分点" / "+1.2 percentage points"). */
export function metricDifference(path: string, x: number, digits?: number): Bi {
  const u = metricUnit(path);
  const n = differenceNumber(path, x, digits);
  const after = (lang: 'zh' | 'en') => (u.differenceText[lang] === '' ? '' : ` ${u.differenceText[lang]}`);
  return { zh: `${n}${after('zh')}`, en: `${n}${after('en')}` };
}

/**
 * A paired difference with its sign and unit, then its 95% interval in brackets: "+0.503 元/单（+0.317 至 +0.689）"
 * / "+0.503 CNY/order (+0.317 to +0.689)"; "–" when there is none. The further figures on screen and in the report.
 */
export function differenceWithInterval(path: string, d: Difference | undefined): Bi {
  if (!d || !Number.isFinite(d.mean)) return { zh: fixed(Number.NaN, 0), en: fixed(Number.NaN, 0) };
  const main = metricDifference(path, d.mean);
  const [lo, hi] = d.ci95;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo === hi) return main;
  const a = differenceNumber(path, lo);
  const b = differenceNumber(path, hi);
  return { zh: `${main.zh}（${a} 至 ${b}）`, en: `${main.en} (${a} to ${b})` };
}

/**
 * Decimals of a paired difference on screen and in the report: one more than the values have (differences are
 * smaller than what they compare), and more while a bound that is not zero would print as zero, so an interval that
 * excludes zero never reads "to 0.000".
 */
export function differenceDecimals(path: string, d: Difference): number {
  const u = metricUnit(path);
  const printsZero = (x: number, digits: number) =>
    x !== 0 && Number.isFinite(x) && /^[0.,]+$/.test(fixed(Math.abs(x) * u.scale, digits));
  let digits = u.digits + 1;
  while (digits < u.digits + 4 && [d.mean, ...d.ci95].some((x) => printsZero(x, digits))) digits += 1;
  return digits;
}

/**
 * A paired difference as it is said: its interval kept within what the metric can differ by (±100 percentage points
 * for shares: the t interval of a few replications can reach past it).
 */
export function sayableDifference(path: string, d: Difference): Difference {
  const possible = differenceBounds(path);
  if (!possible) return d;
  return { mean: d.mean, ci95: [Math.max(possible[0], d.ci95[0]), Math.min(possible[1], d.ci95[1])] };
}
