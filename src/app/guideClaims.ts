/**
 * The rules by which the walk-through may say a direction, and the phrases that say it, in Chinese and English.
 * Every direction word the guide prints comes from here, and only from numbers it is given:
 *
 * - **Difference between arms, or change between two runs:** a paired difference (same seeds, so common random
 *   numbers) with its 95% t interval. A direction is stated only when the interval, rounded as it is shown, excludes
 *   zero (its shown lower end above 0 or its shown upper end below 0); otherwise the phrase is "no clear difference /
 *   没有明显差别" and the interval is printed with "包含 0 / includes zero". Deciding on the shown numbers means the
 *   words can always be checked against the digits beside them.
 * - **Trend over days:** the ordinary least-squares slope of the series (day index against value) with its 95% t
 *   interval from the residuals (n − 2 degrees of freedom). A trend is stated only when the shown interval of the
 *   slope excludes zero and the last day's value lies on the same side of the first day's as the slope says, so the
 *   first and last values printed never contradict the word; fewer than three days never make a trend.
 * - **Agreement with a general claim:** where a step makes a general claim ("the heavier the fine, the harder the
 *   push"), a measured direction equal to the predicted one agrees, the opposite one contradicts (and the sentence
 *   says so), and no clear direction leaves the claim unsupported by these runs.
 */
import { fixed, pairedDifference, tCritical95, type Bi, type Difference } from '../analysis/index.ts';

/** A measured direction: up (the first-named side or the later run is higher), down, or none clear. */
export type Direction = 'up' | 'down' | 'none';
/** How a measured direction stands against a general claim's prediction. */
export type Agreement = 'agrees' | 'contradicts' | 'unclear';
/** What a claim measures: two arms in one run, two runs of one arm, or a series over days. */
export type ClaimKind = 'diff' | 'move' | 'trend' | 'checks';

/** A phrase in three parts: the words before the verdict, the verdict (the direction words), the words after. */
export type Parts = readonly [string, string, string];

/** One measured statement of a guide sentence, with the shown numbers it was made from. */
export interface Claim {
  kind: ClaimKind;
  direction: Direction;
  /** The direction a general claim predicts for this measurement, when the step makes one. */
  expect?: 'up' | 'down';
  agreement?: Agreement;
  /** The two values compared, as shown (first-named arm and second, earlier run and later, first day and last). */
  a: string;
  b: string;
  /** The interval as shown: of the stated size when a direction is stated, else of the signed difference b… a. */
  lo: string;
  hi: string;
  zh: Parts;
  en: Parts;
  /** The general claim's words, when the claim is held against one. */
  claimed?: Bi;
  /** The sentence about the general claim (agrees, contradicts, unclear), when there is one. */
  agreementText?: Bi;
}

/** A claim as one string in a language. */
export const plainClaim = (c: Claim, lang: keyof Bi): string =>
  c[lang].join('') + (c.agreementText ? c.agreementText[lang] : '');

/** Words for the two directions of one quantity (zh and en), e.g. 高/低, higher/lower. */
export interface DirectionWords {
  up: Bi;
  down: Bi;
}

export const HIGHER: DirectionWords = { up: { zh: '高', en: 'higher' }, down: { zh: '低', en: 'lower' } };
export const MORE: DirectionWords = { up: { zh: '多', en: 'more' }, down: { zh: '少', en: 'less' } };
export const ROSE: DirectionWords = { up: { zh: '上升', en: 'up' }, down: { zh: '下降', en: 'down' } };
export const LONGER: DirectionWords = { up: { zh: '变长', en: 'longer' }, down: { zh: '缩短', en: 'shorter' } };
const NO_DIFFERENCE: Bi = { zh: '没有明显差别', en: 'no clear difference' };
const NO_CHANGE: Bi = { zh: '没有明显变化', en: 'no clear change' };
const NO_TREND: Bi = { zh: '没有明显趋势', en: 'no clear trend' };

/** A value's display: a number to `digits` decimals with its unit (`11.2%`, `8.40 元`, `8.40 CNY`). */
export interface Shown {
  /** Display multiplier (100 for shares shown in %). */
  scale: number;
  digits: number;
  /** The unit after a value ('%' is written without a space). */
  unit: Bi;
  /** The unit of a difference (percentage points for shares) and its decimals. */
  diffUnit: Bi;
  diffDigits: number;
}

/** The space Chinese text puts between a Latin letter or digit and what follows, and none after a full-width bracket. */
const gapAfter = (zh: string) => (/[A-Za-z0-9%]$/.test(zh) ? ' ' : '');
const withUnit = (text: string, unit: string) => (unit === '' ? text : unit === '%' ? `${text}%` : `${text} ${unit}`);
const signed = (text: string) => (text.startsWith('-') || text === '0' || /^0\.0*$/.test(text) ? text : `+${text}`);

/**
 * The direction an interval shows once rounded to `digits` decimals (after scaling): up when its shown lower end is
 * above 0, down when its shown upper end is below 0, none otherwise (also for NaN).
 */
export function directionOf(ci: readonly [number, number], digits: number, scale = 1): Direction {
  const lo = Number(fixed(ci[0] * scale, digits));
  const hi = Number(fixed(ci[1] * scale, digits));
  if (lo > 0) return 'up';
  if (hi < 0) return 'down';
  return 'none';
}

/** How a measured direction stands against a predicted one. */
export function agreementOf(direction: Direction, expect: 'up' | 'down'): Agreement {
  if (direction === 'none') return 'unclear';
  return direction === expect ? 'agrees' : 'contradicts';
}

/** The sentence about a general claim (its words in quotes, or "that claim" when quoted before) for an agreement. */
export function agreementSentence(agreement: Agreement, claim: Bi | null): Bi {
  const q: Bi = claim ? { zh: `“${claim.zh}”`, en: `“${claim.en}”` } : { zh: '这一说法', en: 'that claim' };
  if (agreement === 'agrees') return { zh: `，与${q.zh}一致。`, en: `, as ${q.en} has it.` };
  if (agreement === 'contradicts') return { zh: `。这与${q.zh}相反。`, en: `. That is the opposite of ${q.en}.` };
  return claim
    ? { zh: `。这些运行不能证实${q.zh}。`, en: `. These runs do not bear out ${q.en}.` }
    : { zh: `。这也不足以证实${q.zh}。`, en: `. This does not bear ${q.en} out either.` };
}

/** The claims of one sentence with each general claim quoted in full once, and "that claim" after. */
export function quoteOnce(claims: readonly Claim[]): Claim[] {
  const quoted = new Set<string>();
  return claims.map((c) => {
    if (!c.claimed || !c.agreement) return c;
    const again = quoted.has(c.claimed.zh);
    quoted.add(c.claimed.zh);
    return again ? { ...c, agreementText: agreementSentence(c.agreement, null) } : c;
  });
}

/** A verdict: the direction, the words, the size in that direction and the bracketed numbers. */
interface Verdict {
  direction: Direction;
  lo: string;
  hi: string;
  verdict: Bi;
  size: Bi;
  after: Bi;
}

/** The bracket of a difference with no direction stated: the signed difference and its interval, and why. */
function openBracket(d: Difference, s: Shown, lead: Bi, why: Bi): Pick<Verdict, 'lo' | 'hi' | 'after'> {
  const lo = fixed(d.ci95[0] * s.scale, s.diffDigits);
  const hi = fixed(d.ci95[1] * s.scale, s.diffDigits);
  const size = signed(fixed(d.mean * s.scale, s.diffDigits));
  return {
    lo,
    hi,
    after: {
      zh: `（${lead.zh}${withUnit(size, s.diffUnit.zh)}，95% 区间 ${lo} 至 ${withUnit(hi, s.diffUnit.zh)}，${why.zh}）`,
      en: ` (${lead.en}${withUnit(size, s.diffUnit.en)}, 95% interval ${lo} to ${withUnit(hi, s.diffUnit.en)}, ${why.en})`,
    },
  };
}

const INCLUDES_ZERO: Bi = { zh: '包含 0', en: 'which includes zero' };

/** The verdict on a difference `d` of one quantity (`lead` names the signed number when no direction is stated). */
function verdictOf(d: Difference, shown: Shown, words: DirectionWords, none: Bi, lead: Bi): Verdict {
  const direction = directionOf(d.ci95, shown.diffDigits, shown.scale);
  const k = shown.scale;
  const n = shown.diffDigits;
  if (direction === 'none') {
    return { direction, verdict: none, size: { zh: '', en: '' }, ...openBracket(d, shown, lead, INCLUDES_ZERO) };
  }
  // Said in its direction: the size and the interval of the size are positive.
  const [lo, hi] = direction === 'up' ? [d.ci95[0], d.ci95[1]] : [-d.ci95[1], -d.ci95[0]];
  const loText = fixed(lo * k, n);
  const hiText = fixed(hi * k, n);
  const size = fixed(Math.abs(d.mean) * k, n);
  return {
    direction,
    lo: loText,
    hi: hiText,
    verdict: words[direction],
    size: { zh: withUnit(size, shown.diffUnit.zh), en: withUnit(size, shown.diffUnit.en) },
    after: {
      zh: `（95% 区间 ${loText} 至 ${withUnit(hiText, shown.diffUnit.zh)}）`,
      en: ` (95% interval ${loText} to ${withUnit(hiText, shown.diffUnit.en)})`,
    },
  };
}

const value = (x: number, s: Shown): Bi => ({
  zh: withUnit(fixed(x * s.scale, s.digits), s.unit.zh),
  en: withUnit(fixed(x * s.scale, s.digits), s.unit.en),
});

/** What a claim compares: the quantity's name, the two sides' names and values, and how they are shown. */
export interface Compared {
  label: Bi;
  shown: Shown;
  words: DirectionWords;
  /** The general claim this measurement tests, and the direction it predicts. */
  claim?: { words: Bi; expect: 'up' | 'down' };
}

function finish(c: Omit<Claim, 'agreement' | 'agreementText'>, compared: Compared): Claim {
  if (!compared.claim) return c;
  const agreement = agreementOf(c.direction, compared.claim.expect);
  return {
    ...c,
    expect: compared.claim.expect,
    agreement,
    claimed: compared.claim.words,
    agreementText: agreementSentence(agreement, compared.claim.words),
  };
}

/**
 * Two arms of one comparison: "label: A x, B y; A higher by d (95% interval …)" or "…; no clear difference (…)".
 * `d` is the paired difference A − B over the replications.
 */
export function diffClaim(c: Compared, names: { a: Bi; b: Bi }, means: { a: number; b: number }, d: Difference): Claim {
  const v = verdictOf(d, c.shown, c.words, NO_DIFFERENCE, { zh: '相差 ', en: '' });
  const a = value(means.a, c.shown);
  const b = value(means.b, c.shown);
  const clear = v.direction !== 'none';
  const end = { zh: '。', en: '.' };
  return finish(
    {
      kind: 'diff',
      direction: v.direction,
      a: fixed(means.a * c.shown.scale, c.shown.digits),
      b: fixed(means.b * c.shown.scale, c.shown.digits),
      lo: v.lo,
      hi: v.hi,
      zh: [
        `${c.label.zh}：${names.a.zh}${gapAfter(names.a.zh)}为 ${a.zh}，${names.b.zh}${gapAfter(names.b.zh)}为 ${b.zh}；${clear ? names.a.zh + gapAfter(names.a.zh) : '两者'}`,
        v.verdict.zh,
        `${clear ? ` ${v.size.zh}` : ''}${v.after.zh}${c.claim ? '' : end.zh}`,
      ],
      en: [
        `${c.label.en}: ${a.en} under ${names.a.en}, ${b.en} under ${names.b.en}; ${clear ? `${v.size.en} ` : ''}`,
        v.verdict.en,
        `${clear ? ` under ${names.a.en}` : ''}${v.after.en}${c.claim ? '' : end.en}`,
      ],
    },
    c,
  );
}

/**
 * One quantity in two runs that differ only by the step's control: "control x0 → x1: label v0 → v1, up d (95%
 * interval …)". `before` and `after` are per-seed values of the same seeds, so the change is paired.
 */
export function moveClaim(
  c: Compared,
  control: { name: Bi; from: string; to: string },
  before: readonly number[],
  after: readonly number[],
): Claim {
  const d = pairedDifference(before, after);
  const v = verdictOf(d, c.shown, c.words, NO_CHANGE, { zh: '变化 ', en: 'change ' });
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  const a = value(mean(before), c.shown);
  const b = value(mean(after), c.shown);
  const clear = v.direction !== 'none';
  const end = { zh: '。', en: '.' };
  return finish(
    {
      kind: 'move',
      direction: v.direction,
      a: fixed(mean(before) * c.shown.scale, c.shown.digits),
      b: fixed(mean(after) * c.shown.scale, c.shown.digits),
      lo: v.lo,
      hi: v.hi,
      zh: [
        `${control.name.zh}${control.name.zh.endsWith('）') ? '' : ' '}${control.from} → ${control.to}：${c.label.zh}${c.label.zh.endsWith('）') ? '' : ' '}${a.zh} → ${b.zh}，`,
        v.verdict.zh,
        `${clear ? ` ${v.size.zh}` : ''}${v.after.zh}${c.claim ? '' : end.zh}`,
      ],
      en: [
        `${control.name.en} ${control.from} → ${control.to}: ${c.label.en} ${a.en} → ${b.en}, `,
        v.verdict.en,
        `${clear ? ` ${v.size.en}` : ''}${v.after.en}${c.claim ? '' : end.en}`,
      ],
    },
    c,
  );
}

/** A least-squares slope per step of a series, with its 95% t interval (NaN below three finite values). */
export function slopeOf(series: readonly number[]): Difference {
  const ys = series.filter((y) => Number.isFinite(y));
  const n = ys.length;
  if (n < 3 || ys.length !== series.length) return { mean: Number.NaN, ci95: [Number.NaN, Number.NaN] };
  const xMean = (n - 1) / 2;
  const yMean = ys.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (i - xMean) * (i - xMean);
    sxy += (i - xMean) * ((ys[i] as number) - yMean);
  }
  const slope = sxy / sxx;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const r = (ys[i] as number) - yMean - slope * (i - xMean);
    ss += r * r;
  }
  const half = tCritical95(n - 2) * Math.sqrt(ss / (n - 2) / sxx);
  return { mean: slope, ci95: [slope - half, slope + half] };
}

/** A series over days: "label: day 1 x, day n y; shorter by d a day (95% interval …)" or "no clear trend (…)". */
export function trendClaim(c: Compared, series: readonly number[]): Claim {
  const slope = slopeOf(series);
  const first = series[0] ?? Number.NaN;
  const last = series.at(-1) ?? Number.NaN;
  const lead: Bi = { zh: '每天变化 ', en: 'a day ' };
  let v = verdictOf(slope, c.shown, c.words, NO_TREND, lead);
  // The ends printed must not contradict the word: a slope whose sign the last day does not share is no trend.
  const endsAgree = v.direction === 'up' ? last > first : v.direction === 'down' ? last < first : true;
  if (!endsAgree) {
    const why = { zh: '但首末两天与斜率方向不一致', en: 'but the first and last days disagree with it' };
    v = { direction: 'none', verdict: NO_TREND, size: { zh: '', en: '' }, ...openBracket(slope, c.shown, lead, why) };
  }
  const a = value(first, c.shown);
  const b = value(last, c.shown);
  const days = series.length;
  const clear = v.direction !== 'none';
  const end = { zh: '。', en: '.' };
  return finish(
    {
      kind: 'trend',
      direction: v.direction,
      a: fixed(first * c.shown.scale, c.shown.digits),
      b: fixed(last * c.shown.scale, c.shown.digits),
      lo: v.lo,
      hi: v.hi,
      zh: [
        `${c.label.zh}：第 1 天 ${a.zh}，第 ${days} 天 ${b.zh}；${clear ? '逐日' : ''}`,
        v.verdict.zh,
        `${clear ? `，平均每天 ${v.size.zh}` : ''}${v.after.zh}${c.claim ? '' : end.zh}`,
      ],
      en: [
        `${c.label.en}: ${a.en} on day 1, ${b.en} on day ${days}; ${clear ? 'getting ' : ''}`,
        v.verdict.en,
        `${clear ? ` by ${v.size.en} a day` : ''}${v.after.en}${c.claim ? '' : end.en}`,
      ],
    },
    c,
  );
}
